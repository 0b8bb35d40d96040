import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Marks, WaitPhase } from '../../src/core/types.ts';
import type { MarkAction } from '../../src/core/outcome.ts';
import {
  alignMarks, applyMark, availableActions, currentReminder, effectiveInterview, emptyMarks, isLive, isSnoozed, offeredDrafts,
  phaseOf, planTimeline, snoozeOffer, thanksForFlexibility, voicemailOffered, waitState,
} from '../../src/core/outcome.ts';
import { END, HOUR, MINUTE, START, afterStart, makeInterview, settingsWith } from './fixtures.ts';

const settings = settingsWith();
const interview = makeInterview();
const noPhone = makeInterview({ phones: [] });

/** Applies marks in order, each at its own instant; fails the test when one is refused. */
function walk(steps: Array<[MarkAction, number, { start: number; end: number }?]>, from: Marks = emptyMarks(), subject = interview): Marks {
  let marks = from;
  for (const [action, at, time] of steps) {
    const next = applyMark(subject, marks, action, at, settings, time);
    assert.ok(next, `${action} at ${(at - START) / MINUTE} min is accepted`);
    marks = next;
  }
  return marks;
}

const phase = (marks: Marks, at: number, subject = interview) => phaseOf(subject, marks, at, settings);

describe('outcome: phases with no outcome', () => {
  it('is upcoming before the start, then waits, may stop at 15 minutes and stops at 30', () => {
    assert.equal(phase(emptyMarks(), afterStart(-1)), 'upcoming');
    assert.equal(phase(emptyMarks(), afterStart(0)), 'waiting');
    assert.equal(phase(emptyMarks(), afterStart(14) + 59_000), 'waiting');
    assert.equal(phase(emptyMarks(), afterStart(15)), 'may-stop');
    assert.equal(phase(emptyMarks(), afterStart(30)), 'stop-waiting');
  });

  it('asks "Did the call happen?" ten minutes after the later of the maximum wait and the end', () => {
    // One-hour slot: the end (60) is later than the maximum wait (30).
    assert.equal(phase(emptyMarks(), END + 10 * MINUTE - 1), 'stop-waiting');
    assert.equal(phase(emptyMarks(), END + 10 * MINUTE), 'needs-outcome');
    // 20-minute slot: the maximum wait (30) is later than the end.
    const short = makeInterview({ end: afterStart(20) });
    assert.equal(phase(emptyMarks(), afterStart(39), short), 'stop-waiting');
    assert.equal(phase(emptyMarks(), afterStart(40), short), 'needs-outcome');
  });

  it('never calls a silent interview done: it keeps asking', () => {
    assert.equal(phase(emptyMarks(), END + 5 * 24 * HOUR), 'needs-outcome');
  });

  it('counts whole minutes completed (16:45 on the clock is 16 minutes waited)', () => {
    const state = waitState(interview, emptyMarks(), afterStart(16) + 45_000, settings);
    assert.deepEqual(state, { phase: 'may-stop', minutesWaited: 16, minutesLeft: 14 });
  });
});

describe('outcome: every transition and its undo', () => {
  const cases: Array<{ name: string; before: Array<[MarkAction, number]>; action: MarkAction; at: number; expected: WaitPhase }> = [
    { name: 'waiting → spoke', before: [], action: 'connected', at: afterStart(3), expected: 'connected' },
    { name: 'waiting → missed their call', before: [], action: 'missed', at: afterStart(3), expected: 'missed' },
    { name: 'missed → called back', before: [['missed', afterStart(3)]], action: 'called-back', at: afterStart(5), expected: 'called-back' },
    { name: 'called back → spoke', before: [['missed', afterStart(3)], ['called-back', afterStart(5)]], action: 'connected', at: afterStart(6), expected: 'connected' },
    { name: 'may stop → no-show', before: [], action: 'no-show', at: afterStart(20), expected: 'no-show' },
    { name: 'needs an outcome → spoke', before: [], action: 'connected', at: END + 20 * MINUTE, expected: 'connected' },
    { name: 'needs an outcome → no-show', before: [], action: 'no-show', at: END + 20 * MINUTE, expected: 'no-show' },
    { name: 'no-show → asked them to call', before: [['no-show', afterStart(31)]], action: 'asked-to-call', at: afterStart(35), expected: 'asked-to-call' },
    { name: 'asked them to call → spoke', before: [['no-show', afterStart(31)], ['asked-to-call', afterStart(35)]], action: 'connected', at: afterStart(50), expected: 'connected' },
    { name: 'spoke → done', before: [['connected', afterStart(2)]], action: 'done', at: afterStart(40), expected: 'done' },
    { name: 'waiting → one more call attempt', before: [], action: 'called', at: afterStart(6), expected: 'waiting' },
  ];
  for (const c of cases) {
    it(`${c.name}, and undo puts back exactly what was there`, () => {
      const before = walk(c.before);
      const after = applyMark(interview, before, c.action, c.at, settings);
      assert.ok(after, 'accepted');
      assert.equal(phase(after, c.at), c.expected);
      const undone = applyMark(interview, after, 'undo', c.at, settings);
      assert.deepEqual(undone, before);
    });
  }

  it('undoes "Call connected" back into the live wait, with its timeline', () => {
    const connected = walk([['connected', afterStart(4)]]);
    assert.deepEqual(planTimeline(interview, settings, connected).map((r) => r.kind), ['thank-you']);
    const undone = walk([['undo', afterStart(5)]], connected);
    assert.equal(phase(undone, afterStart(5)), 'waiting');
    assert.deepEqual(planTimeline(interview, settings, undone), planTimeline(interview, settings));
  });

  it('undoes a whole chain one step at a time', () => {
    const chain = walk([['called', afterStart(6)], ['missed', afterStart(8)], ['called-back', afterStart(9)], ['connected', afterStart(10)]]);
    const phases: WaitPhase[] = [];
    let marks = chain;
    for (let i = 0; i < 4; i += 1) {
      marks = walk([['undo', afterStart(11)]], marks);
      phases.push(phase(marks, afterStart(11)));
    }
    assert.deepEqual(phases, ['called-back', 'missed', 'waiting', 'waiting']);
    assert.deepEqual(marks, emptyMarks());
    assert.equal(applyMark(interview, marks, 'undo', afterStart(11), settings), undefined, 'nothing left to undo');
  });

  it('refuses marks that do not fit the phase', () => {
    assert.equal(applyMark(interview, emptyMarks(), 'missed', afterStart(-180), settings), undefined, 'no missed call hours before');
    assert.equal(applyMark(interview, emptyMarks(), 'connected', afterStart(-180), settings), undefined);
    assert.equal(applyMark(interview, emptyMarks(), 'no-show', afterStart(10), settings), undefined, 'not before the minimum wait');
    assert.equal(applyMark(interview, emptyMarks(), 'done', afterStart(10), settings), undefined, 'done only after they spoke');
    assert.equal(applyMark(interview, emptyMarks(), 'called-back', afterStart(10), settings), undefined, 'call back only after a missed call');
    assert.equal(applyMark(interview, walk([['connected', afterStart(2)]]), 'missed', afterStart(3), settings), undefined);
  });

  it('accepts an early call from the get-ready moment on', () => {
    assert.ok(applyMark(interview, emptyMarks(), 'connected', afterStart(-10), settings));
    assert.ok(applyMark(interview, emptyMarks(), 'missed', afterStart(-5), settings));
    assert.equal(applyMark(interview, emptyMarks(), 'missed', afterStart(-11), settings), undefined);
  });

  it('offers phone actions only when there is a number to dial', () => {
    assert.ok(availableActions(interview, emptyMarks(), afterStart(6), settings).includes('called'));
    assert.ok(!availableActions(noPhone, emptyMarks(), afterStart(6), settings).includes('called'));
    const missed = walk([['missed', afterStart(3)]], emptyMarks(), noPhone);
    assert.deepEqual(availableActions(noPhone, missed, afterStart(4), settings), ['connected', 'moved', 'undo']);
    assert.equal(applyMark(noPhone, emptyMarks(), 'called', afterStart(6), settings), undefined);
  });

  it('does not count the candidate\'s own number as one to dial (issue 12)', () => {
    // An interview stored before the profile phone was typed in: its only number is the user's.
    const ownOnly = makeInterview({ phones: [{ display: '+39 347 123 4567', dial: '+393471234567', origin: 'description' }] });
    const mine = { ...settings, profile: { ...settings.profile, phone: '347 1234567' } };
    assert.ok(availableActions(ownOnly, emptyMarks(), afterStart(6), settings).includes('called'), 'without a profile phone it is a number to call');
    assert.ok(!availableActions(ownOnly, emptyMarks(), afterStart(6), mine).includes('called'));
    assert.equal(applyMark(ownOnly, emptyMarks(), 'called', afterStart(6), mine), undefined);
    const missed = walk([['missed', afterStart(3)]], emptyMarks(), ownOnly);
    assert.ok(!availableActions(ownOnly, missed, afterStart(4), mine).includes('called-back'));
    // With the interviewer's number beside it, the phone actions are back.
    const both = makeInterview({ phones: [...ownOnly.phones, { display: '02 1234 5678', dial: '+390212345678', origin: 'description' }] });
    assert.ok(availableActions(both, emptyMarks(), afterStart(6), mine).includes('called'));
  });

  it('keeps at most twenty steps of history', () => {
    let marks = emptyMarks();
    for (let i = 0; i < 25; i += 1) marks = walk([['called', afterStart(6) + i]], marks);
    assert.equal(marks.history?.length, 20);
    assert.equal(marks.callAttempts.length, 25);
  });
});

describe('outcome: a moved interview', () => {
  const newStart = START + 2 * 24 * HOUR;
  const newTime = { start: newStart, end: newStart + HOUR };

  it('"They moved it" takes the new time: the wait starts over, attempts count from the new start', () => {
    const silent = walk([['called', afterStart(6)], ['called', afterStart(8)], ['no-show', afterStart(31)]]);
    const moved = walk([['moved', afterStart(40), newTime]], silent);
    assert.deepEqual(moved.callAttempts, []);
    assert.equal(moved.rescheduled, true);
    assert.equal(phase(moved, afterStart(40)), 'upcoming');
    assert.equal(effectiveInterview(interview, moved).start, newStart);
    assert.deepEqual(planTimeline(interview, settings, moved).find((r) => r.kind === 'start')?.at, newStart);
    assert.equal(phase(moved, newStart + 16 * MINUTE), 'may-stop');
    // Undo goes back to the no-show with its two attempts.
    const undone = walk([['undo', afterStart(41)]], moved);
    assert.equal(phase(undone, afterStart(41)), 'no-show');
    assert.equal(undone.callAttempts.length, 2);
  });

  it('refuses a new time in the past or with no length', () => {
    assert.equal(applyMark(interview, emptyMarks(), 'moved', afterStart(20), settings, { start: afterStart(10), end: afterStart(70) }), undefined);
    assert.equal(applyMark(interview, emptyMarks(), 'moved', afterStart(20), settings, { start: newStart, end: newStart }), undefined);
    assert.equal(applyMark(interview, emptyMarks(), 'moved', afterStart(20), settings), undefined);
  });

  it('asks them to call, not to reschedule again, when the moved call is silent too', () => {
    const moved = walk([['no-show', afterStart(31)], ['moved', afterStart(40), newTime]]);
    assert.equal(offeredDrafts(interview, moved, newStart + 31 * MINUTE, settings).primary, 'please-call-me');
  });

  it('starts afresh, remembered as moved, when the calendar event itself moves', () => {
    const marked = walk([['called', afterStart(6)]]);
    assert.equal(marked.forStart, START);
    assert.equal(alignMarks(interview, marked), marked, 'unchanged while the event stays');
    const calendarMoved = makeInterview({ start: newStart, end: newStart + HOUR });
    assert.deepEqual(alignMarks(calendarMoved, marked), { callAttempts: [], rescheduled: true, forStart: newStart });
  });

  it('keeps everything when the calendar moves to the time the user already gave', () => {
    const moved = walk([['no-show', afterStart(31)], ['moved', afterStart(40), newTime]]);
    const aligned = alignMarks(makeInterview({ start: newStart, end: newStart + HOUR }), moved);
    assert.equal(aligned.movedTo, undefined);
    assert.equal(aligned.forStart, newStart);
    assert.equal(aligned.rescheduled, true);
  });
});

describe('outcome: the derived timeline', () => {
  it('plans the wait and then the question, never a thank-you, with no outcome', () => {
    assert.deepEqual(planTimeline(interview, settings), [
      { kind: 'confirm', at: afterStart(-120) },
      { kind: 'get-ready', at: afterStart(-10) },
      { kind: 'start', at: START },
      { kind: 'no-call', at: afterStart(5) },
      { kind: 'min-wait', at: afterStart(15) },
      { kind: 'max-wait', at: afterStart(30) },
      { kind: 'ask-outcome', at: END + 10 * MINUTE },
    ]);
  });

  it('plans only the thank-you once they spoke; "done" brings it forward', () => {
    const spoke = walk([['connected', afterStart(2)]]);
    assert.deepEqual(planTimeline(interview, settings, spoke), [{ kind: 'thank-you', at: END + 30 * MINUTE }]);
    const done = walk([['done', afterStart(45)]], spoke);
    assert.deepEqual(planTimeline(interview, settings, done), [{ kind: 'thank-you', at: afterStart(45) }]);
  });

  it('plans nothing after a missed call, a no-show or a request to call', () => {
    for (const marks of [walk([['missed', afterStart(3)]]), walk([['missed', afterStart(3)], ['called-back', afterStart(4)]]), walk([['no-show', afterStart(20)]]), walk([['no-show', afterStart(20)], ['asked-to-call', afterStart(21)]])]) {
      assert.deepEqual(planTimeline(interview, settings, marks), []);
    }
  });

  it('shows the question, not a thank-you, after a silent slot; for 12 hours', () => {
    assert.equal(currentReminder(interview, emptyMarks(), END + 30 * MINUTE, settings)?.kind, 'ask-outcome');
    assert.equal(currentReminder(interview, emptyMarks(), END + 10 * MINUTE + 12 * HOUR, settings)?.kind, 'ask-outcome');
    assert.equal(currentReminder(interview, emptyMarks(), END + 10 * MINUTE + 12 * HOUR + 1, settings), undefined);
  });

  it('thanks for flexibility only when the call was moved or missed first', () => {
    assert.equal(thanksForFlexibility(walk([['connected', afterStart(2)]])), false);
    assert.equal(thanksForFlexibility(walk([['missed', afterStart(2)], ['called-back', afterStart(3)], ['connected', afterStart(4)]])), true);
    assert.equal(thanksForFlexibility(walk([['no-show', afterStart(31)], ['moved', afterStart(40), { start: END + 2 * HOUR, end: END + 3 * HOUR }]])), true);
  });
});

describe('outcome: the drafts offered in each phase', () => {
  const offered = (marks: Marks, at: number, subject = interview) => offeredDrafts(subject, marks, at, settings);
  it('confirms from the confirm reminder until 30 minutes before, then nothing is primary', () => {
    assert.deepEqual(offered(emptyMarks(), afterStart(-180)), { more: ['confirmation', 'reschedule'] });
    assert.deepEqual(offered(emptyMarks(), afterStart(-120)), { primary: 'confirmation', more: ['reschedule'] });
    assert.deepEqual(offered(emptyMarks(), afterStart(-31)), { primary: 'confirmation', more: ['reschedule'] });
    assert.deepEqual(offered(emptyMarks(), afterStart(-30)), { more: ['confirmation', 'reschedule'] });
  });
  it('says wait (no primary email) before the minimum wait, then the follow-up, then the reschedule request', () => {
    assert.deepEqual(offered(emptyMarks(), afterStart(5)), { more: ['follow-up', 'reschedule'] });
    assert.deepEqual(offered(emptyMarks(), afterStart(15)), { primary: 'follow-up', more: ['reschedule'] });
    assert.deepEqual(offered(emptyMarks(), afterStart(30)), { primary: 'reschedule', more: ['please-call-me', 'follow-up'] });
  });
  it('offers no follow-up in the first five minutes after the start, even after a call attempt', () => {
    const called = walk([['called', afterStart(0)]]);
    for (const marks of [emptyMarks(), called]) {
      assert.deepEqual(offered(marks, afterStart(0)), { more: ['reschedule'] });
      assert.deepEqual(offered(marks, afterStart(5) - 1), { more: ['reschedule'] });
      assert.deepEqual(offered(marks, afterStart(5)), { more: ['follow-up', 'reschedule'] });
    }
    // The primary still comes at the minimum wait (never under 15 minutes), whatever it is set to.
    const later = { ...settings, timing: { ...settings.timing, minWait: 20 } };
    assert.equal(offeredDrafts(interview, emptyMarks(), afterStart(19), later).primary, undefined);
    assert.equal(offeredDrafts(interview, emptyMarks(), afterStart(20), later).primary, 'follow-up');
  });
  it('offers no thank-you until they spoke, and the apology after a missed call', () => {
    assert.deepEqual(offered(emptyMarks(), END + HOUR), { more: ['reschedule', 'follow-up'] });
    assert.deepEqual(offered(walk([['no-show', afterStart(31)]]), afterStart(32)), { primary: 'reschedule', more: ['please-call-me', 'follow-up'] });
    assert.deepEqual(offered(walk([['missed', afterStart(3)]]), afterStart(4)), { primary: 'apology', more: ['reschedule'] });
    assert.deepEqual(offered(walk([['missed', afterStart(3)], ['called-back', afterStart(4)]]), afterStart(5)), { primary: 'apology', more: ['reschedule'] });
    assert.deepEqual(offered(walk([['no-show', afterStart(31)], ['asked-to-call', afterStart(32)]]), afterStart(33)), { more: ['please-call-me', 'reschedule'] });
    assert.deepEqual(offered(walk([['connected', afterStart(3)]]), afterStart(4)), { primary: 'thank-you', more: [] });
  });
});

describe('outcome: what is offered before the start', () => {
  it('offers no follow-up and no voicemail 90 minutes before the start; the voicemail from an hour before, through the wait', () => {
    const drafts = (at: number) => { const o = offeredDrafts(interview, emptyMarks(), at, settings); return [...(o.primary ? [o.primary] : []), ...o.more]; };
    assert.deepEqual(drafts(afterStart(-90)), ['confirmation', 'reschedule']);
    assert.equal(voicemailOffered(interview, emptyMarks(), afterStart(-90), settings), false);
    assert.equal(voicemailOffered(interview, emptyMarks(), afterStart(-61), settings), false);
    assert.equal(voicemailOffered(interview, emptyMarks(), afterStart(-60), settings), true);
    assert.equal(voicemailOffered(interview, emptyMarks(), afterStart(18), settings), true);
    assert.equal(voicemailOffered(interview, emptyMarks(), afterStart(31), settings), true);
    // Once the call is missed, connected or over, there is no one to leave a message for.
    assert.equal(voicemailOffered(interview, walk([['missed', afterStart(3)]]), afterStart(4), settings), false);
    assert.equal(voicemailOffered(interview, walk([['connected', afterStart(3)]]), afterStart(4), settings), false);
    assert.equal(voicemailOffered(interview, emptyMarks(), END + HOUR, settings), false);
  });
});

describe('outcome: snooze', () => {
  const getReady = afterStart(-10);
  it('offers ten minutes when the next moment is further away', () => {
    assert.deepEqual(snoozeOffer(interview, emptyMarks(), afterStart(-120), settings), { until: afterStart(-110), minutes: 10, untilStart: false });
  });
  it('offers "until it starts" when the start is nearer than ten minutes', () => {
    assert.deepEqual(snoozeOffer(interview, emptyMarks(), afterStart(-4), settings), { until: START, minutes: 4, untilStart: true });
  });
  it('offers nothing when the next moment is under a minute away', () => {
    assert.equal(snoozeOffer(interview, emptyMarks(), START - 30_000, settings), undefined);
  });
  it('holds back only the moment it was pressed on: "starts now" comes on time', () => {
    const snoozed = walk([['snooze', afterStart(-2)]]);
    assert.deepEqual(snoozed.snoozed, { key: `get-ready@${getReady}`, until: START });
    const getReadyReminder = { kind: 'get-ready' as const, at: getReady };
    assert.equal(isSnoozed(snoozed, getReadyReminder, afterStart(-1)), true);
    const atStart = currentReminder(interview, snoozed, START, settings);
    assert.equal(atStart?.kind, 'start');
    assert.equal(isSnoozed(snoozed, atStart!, START), false);
    assert.deepEqual(planTimeline(interview, settings, snoozed), planTimeline(interview, settings), 'the timeline is unchanged');
    assert.equal(snoozed.history, undefined, 'a snooze is not a step to undo');
  });
});

describe('outcome: which interviews need the user', () => {
  it('keeps a wait, an open question (for a day) and a call under way live', () => {
    assert.equal(isLive(interview, emptyMarks(), afterStart(-1), settings), false);
    assert.equal(isLive(interview, emptyMarks(), afterStart(1), settings), true);
    assert.equal(isLive(interview, emptyMarks(), END + HOUR, settings), true);
    assert.equal(isLive(interview, emptyMarks(), START + 25 * HOUR, settings), false);
    const spoke = walk([['connected', afterStart(2)]]);
    assert.equal(isLive(interview, spoke, afterStart(30), settings), true);
    assert.equal(isLive(interview, spoke, END, settings), false);
  });
});
