import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Reminder } from '../../src/core/types.ts';
import { effectiveTiming, isReminderKind, planTimeline, reminderKinds } from '../../src/core/plan-timeline.ts';
import { defaultSettings } from '../../src/core/settings.ts';
import { emptyMarks } from '../../src/core/marks.ts';
import { END, HOUR, MINUTE, START, afterStart, makeInterview, settingsWith } from './fixtures.ts';

const spoke = { callAttempts: [], connectedAt: afterStart(1) };
const kindsOf = (reminders: Reminder[]) => reminders.map((r) => r.kind);
const atOf = (reminders: Reminder[], kind: Reminder['kind']) => reminders.find((r) => r.kind === kind)?.at;

describe('reminderKinds', () => {
  it('lists the eight moments of the timeline in the order they happen', () => {
    assert.deepEqual(reminderKinds, ['confirm', 'get-ready', 'start', 'no-call', 'min-wait', 'max-wait', 'ask-outcome', 'thank-you']);
  });

  it('recognises every reminder kind and nothing else', () => {
    for (const kind of reminderKinds) assert.equal(isReminderKind(kind), true, kind);
    for (const other of ['', 'Confirm', 'thank_you', 'tick', 'reminder', 'constructor']) assert.equal(isReminderKind(other), false, other);
  });
});

describe('effectiveTiming', () => {
  it('keeps the default timings as they are', () => {
    assert.deepEqual(effectiveTiming(defaultSettings.timing), {
      confirmLead: 120, getReadyLead: 10, noCallAfter: 5, minWait: 15, maxWait: 30, thankYouDelay: 30,
    });
  });

  it('keeps timings that sit inside the allowed ranges', () => {
    const timing = { confirmLead: 60, getReadyLead: 59, noCallAfter: 14, minWait: 15, maxWait: 15, thankYouDelay: 1440 };
    assert.deepEqual(effectiveTiming(timing), timing);
  });

  it('clamps a maximum wait of 45 minutes to 30', () => {
    assert.equal(effectiveTiming(settingsWith({ maxWait: 45 }).timing).maxWait, 30);
  });

  it('never lets the maximum wait fall below the minimum wait', () => {
    assert.equal(effectiveTiming(settingsWith({ minWait: 25, maxWait: 20 }).timing).maxWait, 25);
  });

  it('raises a minimum wait under 15 minutes to 15', () => {
    assert.equal(effectiveTiming(settingsWith({ minWait: 5 }).timing).minWait, 15);
  });

  it('lowers a minimum wait over 30 minutes to 30 and takes the maximum wait along', () => {
    const t = effectiveTiming(settingsWith({ minWait: 40, maxWait: 30 }).timing);
    assert.equal(t.minWait, 30);
    assert.equal(t.maxWait, 30);
  });

  it('keeps the confirmation between one and two hours ahead', () => {
    assert.equal(effectiveTiming(settingsWith({ confirmLead: 30 }).timing).confirmLead, 60);
    assert.equal(effectiveTiming(settingsWith({ confirmLead: 180 }).timing).confirmLead, 120);
  });

  it('keeps the "no call yet?" nudge before the minimum wait', () => {
    assert.equal(effectiveTiming(settingsWith({ noCallAfter: 20 }).timing).noCallAfter, 14);
    assert.equal(effectiveTiming(settingsWith({ minWait: 20, noCallAfter: 30 }).timing).noCallAfter, 19);
    assert.equal(effectiveTiming(settingsWith({ noCallAfter: 0 }).timing).noCallAfter, 1);
  });

  it('turns a negative thank-you delay into an immediate thank-you and caps it at a day', () => {
    assert.equal(effectiveTiming(settingsWith({ thankYouDelay: -10 }).timing).thankYouDelay, 0);
    assert.equal(effectiveTiming(settingsWith({ thankYouDelay: 5000 }).timing).thankYouDelay, 1440);
  });

  it('rounds fractional minutes to whole minutes', () => {
    const t = effectiveTiming(settingsWith({ minWait: 15.4, maxWait: 29.6, getReadyLead: 9.5 }).timing);
    assert.equal(t.minWait, 15);
    assert.equal(t.maxWait, 30);
    assert.equal(t.getReadyLead, 10);
  });

  it('falls back to the default for every timing that is NaN or infinite', () => {
    assert.deepEqual(
      effectiveTiming({ confirmLead: NaN, getReadyLead: Infinity, noCallAfter: -Infinity, minWait: NaN, maxWait: NaN, thankYouDelay: NaN }),
      { confirmLead: 120, getReadyLead: 10, noCallAfter: 5, minWait: 15, maxWait: 30, thankYouDelay: 30 },
    );
  });

  it('falls back to the default for a timing read back from storage as a string', () => {
    const t = effectiveTiming(settingsWith({ maxWait: '20' as unknown as number }).timing);
    assert.equal(t.maxWait, 30);
  });
});

describe('planTimeline', () => {
  it('plans the whole default timeline around the start and the end', () => {
    assert.deepEqual(planTimeline(makeInterview(), settingsWith()), [
      { kind: 'confirm', at: START - 2 * HOUR },
      { kind: 'get-ready', at: START - 10 * MINUTE },
      { kind: 'start', at: START },
      { kind: 'no-call', at: afterStart(5) },
      { kind: 'min-wait', at: afterStart(15) },
      { kind: 'max-wait', at: afterStart(30) },
      { kind: 'ask-outcome', at: END + 10 * MINUTE },
    ]);
  });

  it('offers the reschedule reminder 30 minutes after the start', () => {
    assert.equal(atOf(planTimeline(makeInterview(), settingsWith()), 'max-wait'), Date.UTC(2026, 10, 26, 14, 30));
  });

  it('offers the follow-up reminder once the minimum wait of 15 minutes has passed', () => {
    assert.equal(atOf(planTimeline(makeInterview(), settingsWith()), 'min-wait'), Date.UTC(2026, 10, 26, 14, 15));
  });

  it('is the same with no marks as with empty marks', () => {
    assert.deepEqual(planTimeline(makeInterview(), settingsWith()), planTimeline(makeInterview(), settingsWith(), emptyMarks()));
  });

  it('follows the user\'s own timings', () => {
    const reminders = planTimeline(makeInterview(), settingsWith({ confirmLead: 60, getReadyLead: 20, noCallAfter: 3, minWait: 20, maxWait: 25, thankYouDelay: 0 }));
    assert.deepEqual(reminders.map((r) => (r.at - START) / MINUTE), [-60, -20, 0, 3, 20, 25, 70]);
  });

  it('never schedules the maximum-wait reminder later than 30 minutes, whatever the settings say', () => {
    assert.equal(atOf(planTimeline(makeInterview(), settingsWith({ maxWait: 45 })), 'max-wait'), afterStart(30));
  });

  it('uses the default timings when stored timings are NaN or negative', () => {
    const reminders = planTimeline(makeInterview(), settingsWith({ confirmLead: NaN, minWait: -5, maxWait: NaN }));
    assert.equal(atOf(reminders, 'confirm'), START - 2 * HOUR);
    assert.equal(atOf(reminders, 'min-wait'), afterStart(15));
    assert.equal(atOf(reminders, 'max-wait'), afterStart(30));
  });

  it('times the thank-you from the end of the interview, not from its start', () => {
    const long = makeInterview({ end: START + 3 * HOUR });
    assert.equal(atOf(planTimeline(long, settingsWith(), spoke), 'thank-you'), START + 3 * HOUR + 30 * MINUTE);
  });

  it('times the thank-you from the start when the stored end lies before it', () => {
    const broken = makeInterview({ end: START - HOUR });
    assert.equal(atOf(planTimeline(broken, settingsWith(), spoke), 'thank-you'), afterStart(30));
  });

  it('keeps the wait milestones of a 15-minute slot up to the maximum wait', () => {
    const short = makeInterview({ end: afterStart(15) });
    const reminders = planTimeline(short, settingsWith());
    assert.equal(atOf(reminders, 'max-wait'), afterStart(30));
    assert.equal(atOf(reminders, 'ask-outcome'), afterStart(40));
  });

  it('asks how it went only after the maximum wait, even when a short slot ends before it', () => {
    const short = makeInterview({ end: afterStart(15) });
    const reminders = planTimeline(short, settingsWith({ thankYouDelay: 0 }));
    assert.deepEqual(kindsOf(reminders), ['confirm', 'get-ready', 'start', 'no-call', 'min-wait', 'max-wait', 'ask-outcome']);
    assert.equal(atOf(reminders, 'ask-outcome'), afterStart(40));
  });

  it('drops the wait milestones once the call connected, keeping only the thank-you', () => {
    const reminders = planTimeline(makeInterview(), settingsWith(), { callAttempts: [], connectedAt: afterStart(3) });
    assert.deepEqual(reminders, [{ kind: 'thank-you', at: END + 30 * MINUTE }]);
  });

  it('drops the confirmation and the checklist when they called early, before the start', () => {
    const reminders = planTimeline(makeInterview(), settingsWith(), { callAttempts: [], connectedAt: START - 30 * MINUTE });
    assert.deepEqual(kindsOf(reminders), ['thank-you']);
  });

  it('drops the wait milestones and hides the thank-you after a missed call', () => {
    const reminders = planTimeline(makeInterview(), settingsWith(), { callAttempts: [], missedAt: afterStart(2) });
    assert.deepEqual(reminders, []);
  });

  it('brings the thank-you back once a missed call is followed by a conversation', () => {
    const reminders = planTimeline(makeInterview(), settingsWith(), { callAttempts: [], missedAt: afterStart(2), connectedAt: afterStart(20) });
    assert.deepEqual(reminders, [{ kind: 'thank-you', at: END + 30 * MINUTE }]);
  });

  it('brings the thank-you forward to the moment the user said the interview is done', () => {
    const doneAt = afterStart(40);
    const reminders = planTimeline(makeInterview(), settingsWith(), { callAttempts: [], connectedAt: afterStart(1), doneAt });
    assert.deepEqual(reminders, [{ kind: 'thank-you', at: doneAt }]);
  });

  it('keeps the planned thank-you time when the interview is marked done after it', () => {
    const reminders = planTimeline(makeInterview(), settingsWith(), { callAttempts: [], connectedAt: afterStart(1), doneAt: END + 5 * HOUR });
    assert.deepEqual(reminders, [{ kind: 'thank-you', at: END + 30 * MINUTE }]);
  });

  it('offers no thank-you for a missed call that never became a conversation, even marked done', () => {
    const reminders = planTimeline(makeInterview(), settingsWith(), { callAttempts: [], missedAt: afterStart(2), doneAt: afterStart(50) });
    assert.deepEqual(reminders, []);
  });

  it('does not change the timeline for call attempts or a rescheduled call', () => {
    const marks = { callAttempts: [afterStart(6), afterStart(8)], rescheduled: true };
    assert.deepEqual(planTimeline(makeInterview(), settingsWith(), marks), planTimeline(makeInterview(), settingsWith()));
  });
});
