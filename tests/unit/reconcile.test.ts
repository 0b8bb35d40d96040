import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ExistingAlarm, WantedAlarm } from '../../src/core/reconcile.ts';
import {
  MAX_REMINDER_ALARMS,
  REMINDER_PREFIX,
  SNOOZE_PREFIX,
  SYNC_ALARM,
  TICK_ALARM,
  diffAlarms,
  isWaitRunning,
  parseReminderAlarmName,
  reminderAlarmName,
  wantedAlarms,
} from '../../src/core/reconcile.ts';
import { emptyMarks } from '../../src/core/marks.ts';
import { DAY, END, HOUR, MINUTE, START, afterStart, makeInterview, settingsWith } from './fixtures.ts';

const defaults = settingsWith();
const ID = 'google:evt-1';
const names = (alarms: readonly WantedAlarm[]) => alarms.map((a) => a.name);

describe('alarm names', () => {
  it('names a reminder alarm after its kind and interview', () => {
    assert.equal(reminderAlarmName(ID, 'max-wait'), 'reminder:max-wait:google:evt-1');
    assert.equal(REMINDER_PREFIX, 'reminder:');
  });

  it('reads back an interview id that itself contains colons', () => {
    assert.deepEqual(parseReminderAlarmName(reminderAlarmName('ical:abc:def', 'thank-you')), { interviewId: 'ical:abc:def', kind: 'thank-you' });
  });

  it('ignores alarms that are not reminders or name an unknown kind', () => {
    for (const name of [TICK_ALARM, 'sync', 'reminder:', 'reminder:confirm', 'reminder:snooze:google:evt-1', 'Reminder:confirm:google:evt-1']) {
      assert.equal(parseReminderAlarmName(name), undefined, name);
    }
  });

  it('caps reminder alarms at 100, far below Chrome\'s limit of 500', () => {
    assert.equal(MAX_REMINDER_ALARMS, 100);
  });
});

describe('isWaitRunning', () => {
  it('runs from the start until the candidate marks the call or the question "Did the call happen?" comes', () => {
    assert.equal(isWaitRunning(makeInterview(), emptyMarks(), START - 1, defaults), false);
    assert.equal(isWaitRunning(makeInterview(), emptyMarks(), START, defaults), true);
    assert.equal(isWaitRunning(makeInterview(), emptyMarks(), afterStart(45), defaults), true);
    assert.equal(isWaitRunning(makeInterview(), emptyMarks(), END + 10 * MINUTE - 1, defaults), true);
    assert.equal(isWaitRunning(makeInterview(), emptyMarks(), END + 10 * MINUTE, defaults), false);
    assert.equal(isWaitRunning(makeInterview(), { callAttempts: [], connectedAt: afterStart(2) }, afterStart(3), defaults), false);
  });
});

describe('wantedAlarms', () => {
  it('schedules every reminder of an interview that lies ahead', () => {
    assert.deepEqual(wantedAlarms([makeInterview()], {}, defaults, START - 3 * HOUR), [
      { name: 'reminder:confirm:google:evt-1', when: START - 2 * HOUR },
      { name: 'reminder:get-ready:google:evt-1', when: START - 10 * MINUTE },
      { name: 'reminder:start:google:evt-1', when: START },
      { name: 'reminder:no-call:google:evt-1', when: afterStart(5) },
      { name: 'reminder:min-wait:google:evt-1', when: afterStart(15) },
      { name: 'reminder:max-wait:google:evt-1', when: afterStart(30) },
      { name: 'reminder:ask-outcome:google:evt-1', when: END + 10 * MINUTE },
    ]);
  });

  it('schedules nothing for a reminder that is due right now or already past', () => {
    const wanted = wantedAlarms([makeInterview()], {}, defaults, START - 10 * MINUTE);
    assert.deepEqual(names(wanted), [
      'reminder:start:google:evt-1',
      'reminder:no-call:google:evt-1',
      'reminder:min-wait:google:evt-1',
      'reminder:max-wait:google:evt-1',
      'reminder:ask-outcome:google:evt-1',
    ]);
  });

  it('adds a one-minute tick while a wait runs, to keep the badge current', () => {
    const now = afterStart(7);
    const wanted = wantedAlarms([makeInterview()], {}, defaults, now);
    assert.deepEqual(wanted.at(-1), { name: TICK_ALARM, when: now + MINUTE, periodInMinutes: 1 });
    assert.deepEqual(names(wanted.slice(0, -1)), [
      'reminder:min-wait:google:evt-1',
      'reminder:max-wait:google:evt-1',
      'reminder:ask-outcome:google:evt-1',
    ]);
  });

  it('stops the tick and the wait milestones once the call connected', () => {
    const marks = { [ID]: { callAttempts: [], connectedAt: afterStart(4) } };
    assert.deepEqual(wantedAlarms([makeInterview()], marks, defaults, afterStart(5)), [
      { name: 'reminder:thank-you:google:evt-1', when: END + 30 * MINUTE },
    ]);
  });

  it('schedules nothing at all after a missed call', () => {
    const marks = { [ID]: { callAttempts: [], missedAt: afterStart(4) } };
    assert.deepEqual(wantedAlarms([makeInterview()], marks, defaults, afterStart(5)), []);
  });

  it('moves the thank-you alarm to the moment the interview was marked done, when that is still ahead', () => {
    const marks = { [ID]: { callAttempts: [], connectedAt: afterStart(1), doneAt: afterStart(40) } };
    assert.deepEqual(wantedAlarms([makeInterview()], marks, defaults, afterStart(39)), [
      { name: 'reminder:thank-you:google:evt-1', when: afterStart(40) },
    ]);
  });

  it('reads each interview\'s own marks', () => {
    const other = makeInterview({ id: 'google:evt-2', eventId: 'evt-2' });
    const marks = { 'google:evt-2': { callAttempts: [], missedAt: afterStart(1) } };
    const wanted = wantedAlarms([makeInterview(), other], marks, defaults, afterStart(2));
    assert.equal(wanted.some((a) => a.name.endsWith(':google:evt-2')), false);
    assert.equal(wanted.some((a) => a.name === 'reminder:no-call:google:evt-1'), true);
    assert.equal(wanted.at(-1)?.name, TICK_ALARM);
  });

  it('keeps one tick however many waits run at once', () => {
    const other = makeInterview({ id: 'google:evt-2', eventId: 'evt-2', start: afterStart(2), end: END });
    const wanted = wantedAlarms([makeInterview(), other], {}, defaults, afterStart(3));
    assert.equal(wanted.filter((a) => a.name === TICK_ALARM).length, 1);
  });

  it('orders alarms by time, and by name when two fall at the same instant', () => {
    const a = makeInterview({ id: 'manual:b', eventId: 'b' });
    const b = makeInterview({ id: 'manual:a', eventId: 'a' });
    const wanted = wantedAlarms([a, b], {}, defaults, START - 3 * HOUR);
    assert.deepEqual(names(wanted.slice(0, 2)), ['reminder:confirm:manual:a', 'reminder:confirm:manual:b']);
    const times = wanted.map((w) => w.when);
    assert.deepEqual(times, [...times].sort((x, y) => x - y));
  });

  it('schedules only the nearest 100 reminders when there are more', () => {
    // 20 interviews a day apart: 140 reminders ahead.
    const interviews = Array.from({ length: 20 }, (_, i) => makeInterview({ id: `manual:${String(i).padStart(2, '0')}`, eventId: String(i), start: START + i * DAY, end: END + i * DAY }));
    const now = START - 3 * HOUR;
    const wanted = wantedAlarms(interviews.toReversed(), {}, defaults, now);
    assert.equal(wanted.length, 100);
    // 14 whole interviews (98 reminders), then the first two of the 15th.
    assert.equal(wanted.filter((a) => a.name.endsWith(':manual:13')).length, 7);
    assert.deepEqual(names(wanted.filter((a) => a.name.endsWith(':manual:14'))), ['reminder:confirm:manual:14', 'reminder:get-ready:manual:14']);
    assert.equal(wanted.some((a) => a.name.endsWith(':manual:15')), false);
    assert.equal(wanted.at(-1)?.when, START + 14 * DAY - 10 * MINUTE);
  });

  it('adds the tick on top of the 100 nearest reminders', () => {
    const now = afterStart(1);
    const later = Array.from({ length: 20 }, (_, i) => makeInterview({ id: `manual:${i}`, eventId: String(i), start: START + (i + 1) * DAY, end: END + (i + 1) * DAY }));
    const wanted = wantedAlarms([makeInterview(), ...later], {}, defaults, now);
    assert.equal(wanted.length, MAX_REMINDER_ALARMS + 1);
    assert.deepEqual(wanted.at(-1), { name: TICK_ALARM, when: now + MINUTE, periodInMinutes: 1 });
  });

  it('wants nothing when there are no interviews', () => {
    assert.deepEqual(wantedAlarms([], {}, defaults, START), []);
  });

  it('gives the same answer when run twice', () => {
    const now = afterStart(12);
    assert.deepEqual(wantedAlarms([makeInterview()], {}, defaults, now), wantedAlarms([makeInterview()], {}, defaults, now));
  });
});

describe('diffAlarms', () => {
  const reminder = (name: string, when: number): WantedAlarm => ({ name, when });
  const existing = (name: string, scheduledTime: number, periodInMinutes?: number): ExistingAlarm =>
    periodInMinutes === undefined ? { name, scheduledTime } : { name, scheduledTime, periodInMinutes };

  it('creates every wanted alarm when none exists', () => {
    const wanted = [reminder('reminder:start:google:evt-1', START), { name: TICK_ALARM, when: START + MINUTE, periodInMinutes: 1 }];
    assert.deepEqual(diffAlarms([], wanted), { create: wanted, clear: [] });
  });

  it('changes nothing when the alarms already match', () => {
    const wanted = [reminder('reminder:start:google:evt-1', START)];
    assert.deepEqual(diffAlarms([existing('reminder:start:google:evt-1', START)], wanted), { create: [], clear: [] });
  });

  it('tolerates up to a second of rounding in the browser\'s scheduled time', () => {
    const wanted = [reminder('reminder:start:google:evt-1', START)];
    assert.deepEqual(diffAlarms([existing('reminder:start:google:evt-1', START + 1000)], wanted).create, []);
    assert.deepEqual(diffAlarms([existing('reminder:start:google:evt-1', START - 1000)], wanted).create, []);
  });

  it('recreates a reminder whose time moved by more than a second', () => {
    const wanted = [reminder('reminder:thank-you:google:evt-1', afterStart(40))];
    const diff = diffAlarms([existing('reminder:thank-you:google:evt-1', END + 30 * MINUTE)], wanted);
    assert.deepEqual(diff, { create: wanted, clear: [] });
    assert.deepEqual(diffAlarms([existing('reminder:thank-you:google:evt-1', afterStart(40) + 1001)], wanted).create, wanted);
  });

  it('clears reminders that are no longer wanted', () => {
    const diff = diffAlarms([existing('reminder:max-wait:google:evt-1', afterStart(30)), existing('reminder:thank-you:google:evt-1', END)], [reminder('reminder:thank-you:google:evt-1', END)]);
    assert.deepEqual(diff, { create: [], clear: ['reminder:max-wait:google:evt-1'] });
  });

  it('keeps an existing periodic tick instead of recreating it', () => {
    const wanted = [{ name: TICK_ALARM, when: afterStart(10), periodInMinutes: 1 }];
    assert.deepEqual(diffAlarms([existing(TICK_ALARM, afterStart(8) + 30_000, 1)], wanted), { create: [], clear: [] });
  });

  it('recreates the tick when its period differs', () => {
    const wanted = [{ name: TICK_ALARM, when: afterStart(10), periodInMinutes: 1 }];
    assert.deepEqual(diffAlarms([existing(TICK_ALARM, afterStart(9), 5)], wanted).create, wanted);
    assert.deepEqual(diffAlarms([existing(TICK_ALARM, afterStart(9))], wanted).create, wanted);
  });

  it('clears the tick once no wait runs', () => {
    assert.deepEqual(diffAlarms([existing(TICK_ALARM, afterStart(31), 1)], []), { create: [], clear: [TICK_ALARM] });
  });

  it('leaves alarms it does not own alone', () => {
    assert.deepEqual(diffAlarms([existing('someone-elses-poll', START, 15), existing('reminders-cleanup', START)], []), { create: [], clear: [] });
  });

  it('turns the alarms of a connected call into exactly the thank-you', () => {
    const before = wantedAlarms([makeInterview()], {}, defaults, afterStart(4));
    const current = before.map((w) => existing(w.name, w.when, w.periodInMinutes));
    const after = wantedAlarms([makeInterview()], { [ID]: { callAttempts: [], connectedAt: afterStart(4) } }, defaults, afterStart(4));
    assert.deepEqual(diffAlarms(current, after), {
      create: [{ name: 'reminder:thank-you:google:evt-1', when: END + 30 * MINUTE }],
      clear: ['reminder:no-call:google:evt-1', 'reminder:min-wait:google:evt-1', 'reminder:max-wait:google:evt-1', 'reminder:ask-outcome:google:evt-1', TICK_ALARM],
    });
  });
});

describe('remind me later', () => {
  it('wants a snooze alarm at the end of the snooze, and none once it is over', () => {
    const interview = makeInterview();
    const now = START - 100 * MINUTE;
    const marks = { [interview.id]: { ...emptyMarks(), snoozed: { key: `confirm@${START - 120 * MINUTE}`, until: now + 10 * MINUTE } } };
    const wanted = wantedAlarms([interview], marks, settingsWith(), now);
    assert.deepEqual(wanted.find((a) => a.name.startsWith(SNOOZE_PREFIX)), { name: `${SNOOZE_PREFIX}${interview.id}`, when: now + 10 * MINUTE });
    const later = wantedAlarms([interview], marks, settingsWith(), now + 11 * MINUTE);
    assert.equal(later.some((a) => a.name.startsWith(SNOOZE_PREFIX)), false);
  });

  it('clears a snooze alarm nobody wants any more', () => {
    const { clear } = diffAlarms([{ name: `${SNOOZE_PREFIX}demo:x`, scheduledTime: START }], []);
    assert.deepEqual(clear, [`${SNOOZE_PREFIX}demo:x`]);
  });
});

describe('the calendar poll', () => {
  it('clears the sync alarm once no calendar is connected', () => {
    assert.deepEqual(diffAlarms([{ name: SYNC_ALARM, scheduledTime: START, periodInMinutes: 5 }], []).clear, [SYNC_ALARM]);
    assert.deepEqual(diffAlarms([{ name: SYNC_ALARM, scheduledTime: START, periodInMinutes: 5 }], [{ name: SYNC_ALARM, when: START + MINUTE, periodInMinutes: 5 }]), { create: [], clear: [] });
  });
});
