import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Marks } from '../../src/core/types.ts';
import { currentReminder, parseReminderKey, reminderKey } from '../../src/core/current-reminder.ts';
import { applyMark, emptyMarks } from '../../src/core/marks.ts';
import { END, HOUR, MINUTE, START, afterStart, makeInterview, settingsWith } from './fixtures.ts';

const defaults = settingsWith();
const reminderAt = (now: number, marks: Marks = emptyMarks(), interview = makeInterview(), settings = defaults) =>
  currentReminder(interview, marks, now, settings);
const THANK_YOU_AT = END + 30 * MINUTE;

describe('currentReminder', () => {
  it('has nothing to say before the confirmation is due', () => {
    assert.equal(reminderAt(START - 2 * HOUR - 1), undefined);
  });

  it('asks for the confirmation email exactly two hours before the start', () => {
    assert.deepEqual(reminderAt(START - 2 * HOUR), { kind: 'confirm', at: START - 2 * HOUR });
  });

  it('keeps the confirmation as the moment until the get-ready checklist is due', () => {
    assert.deepEqual(reminderAt(START - 10 * MINUTE - 1), { kind: 'confirm', at: START - 2 * HOUR });
    assert.deepEqual(reminderAt(START - 10 * MINUTE), { kind: 'get-ready', at: START - 10 * MINUTE });
  });

  it('never shows a stale confirm after the interview started', () => {
    assert.deepEqual(reminderAt(START + 1), { kind: 'start', at: START });
  });

  it('collapses three missed alarms into the one for the current moment', () => {
    // The laptop slept from before the start until 16 minutes in: start, no-call and min-wait were missed.
    assert.deepEqual(reminderAt(afterStart(16)), { kind: 'min-wait', at: afterStart(15) });
  });

  it('offers the "no call yet?" nudge from 5 minutes after the start', () => {
    assert.deepEqual(reminderAt(afterStart(5)), { kind: 'no-call', at: afterStart(5) });
  });

  it('turns to the follow-up exactly at 15:00 and to the reschedule exactly at 30:00', () => {
    assert.equal(reminderAt(afterStart(15) - 1)?.kind, 'no-call');
    assert.equal(reminderAt(afterStart(15))?.kind, 'min-wait');
    assert.equal(reminderAt(afterStart(30) - 1)?.kind, 'min-wait');
    assert.equal(reminderAt(afterStart(30))?.kind, 'max-wait');
  });

  it('asks "Did the call happen?" after a silent slot, never a thank-you', () => {
    assert.deepEqual(reminderAt(THANK_YOU_AT), { kind: 'ask-outcome', at: END + 10 * MINUTE });
  });

  it('offers the thank-you 30 minutes after the end once they spoke, for 12 hours and not a moment later', () => {
    const spoke = { callAttempts: [], connectedAt: afterStart(2) };
    assert.deepEqual(reminderAt(THANK_YOU_AT, spoke), { kind: 'thank-you', at: THANK_YOU_AT });
    assert.deepEqual(reminderAt(THANK_YOU_AT + 12 * HOUR, spoke), { kind: 'thank-you', at: THANK_YOU_AT });
    assert.equal(reminderAt(THANK_YOU_AT + 12 * HOUR + 1, spoke), undefined);
  });

  it('offers the thank-you as soon as the user says the interview is done', () => {
    const marks = { callAttempts: [], connectedAt: afterStart(2), doneAt: afterStart(35) };
    assert.deepEqual(reminderAt(afterStart(35), marks), { kind: 'thank-you', at: afterStart(35) });
  });

  it('offers no wait milestone once the call connected', () => {
    const marks = { callAttempts: [], connectedAt: afterStart(3) };
    assert.equal(reminderAt(afterStart(31), marks), undefined);
    assert.deepEqual(reminderAt(THANK_YOU_AT, marks), { kind: 'thank-you', at: THANK_YOU_AT });
  });

  it('shows nothing for the moment after the start once the call connected, until the thank-you', () => {
    const marks = { callAttempts: [], connectedAt: afterStart(3) };
    assert.equal(reminderAt(afterStart(10), marks), undefined);
  });

  it('keeps the thank-you away after a missed call', () => {
    const marks = { callAttempts: [], missedAt: afterStart(3) };
    assert.equal(reminderAt(afterStart(20), marks), undefined);
    assert.equal(reminderAt(THANK_YOU_AT, marks), undefined);
  });

  it('offers the thank-you again once a missed call is followed by a conversation', () => {
    const interview = makeInterview();
    const missed = applyMark(interview, emptyMarks(), 'missed', afterStart(3), defaults)!;
    const calledBack = applyMark(interview, missed, 'called-back', afterStart(5), defaults)!;
    const marks = applyMark(interview, calledBack, 'connected', afterStart(12), defaults)!;
    assert.deepEqual(reminderAt(THANK_YOU_AT, marks), { kind: 'thank-you', at: THANK_YOU_AT });
  });

  it('follows the user\'s timings when deciding the moment', () => {
    const settings = settingsWith({ minWait: 20, maxWait: 25 });
    assert.deepEqual(reminderAt(afterStart(24), emptyMarks(), makeInterview(), settings), { kind: 'min-wait', at: afterStart(20) });
    assert.deepEqual(reminderAt(afterStart(25), emptyMarks(), makeInterview(), settings), { kind: 'max-wait', at: afterStart(25) });
  });
});

describe('reminderKey and parseReminderKey', () => {
  it('writes the kind and the instant of a reminder', () => {
    assert.equal(reminderKey({ kind: 'min-wait', at: afterStart(15) }), `min-wait@${afterStart(15)}`);
  });

  it('reads back every kind of key it wrote', () => {
    for (const kind of ['confirm', 'get-ready', 'start', 'no-call', 'min-wait', 'max-wait', 'ask-outcome', 'thank-you'] as const) {
      const reminder = { kind, at: START };
      assert.deepEqual(parseReminderKey(reminderKey(reminder)), reminder);
    }
  });

  it('tells two occurrences of the same kind apart', () => {
    assert.notEqual(reminderKey({ kind: 'thank-you', at: THANK_YOU_AT }), reminderKey({ kind: 'thank-you', at: afterStart(40) }));
  });

  it('reads nothing from a missing or malformed key', () => {
    for (const key of [undefined, '', 'confirm', 'confirm@', '@123', 'confirm@12a', 'confirm@-5', 'confirm@1.5', 'CONFIRM@1', 'tick@123', ' start@1', 'start@1 ']) {
      assert.equal(parseReminderKey(key), undefined, String(key));
    }
  });
});
