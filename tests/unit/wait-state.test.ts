import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Marks } from '../../src/core/types.ts';
import { waitState } from '../../src/core/wait-state.ts';
import { emptyMarks } from '../../src/core/marks.ts';
import { DAY, END, HOUR, MINUTE, START, afterStart, makeInterview, settingsWith } from './fixtures.ts';

const defaults = settingsWith();
const at = (now: number, marks: Marks = emptyMarks(), interview = makeInterview(), settings = defaults) =>
  waitState(interview, marks, now, settings);

describe('waitState', () => {
  it('is upcoming before the start, with nothing waited and the whole maximum wait ahead', () => {
    assert.deepEqual(at(START - HOUR), { phase: 'upcoming', minutesWaited: 0, minutesLeft: 30 });
  });

  it('starts the wait on its own at the scheduled start', () => {
    assert.deepEqual(at(START), { phase: 'waiting', minutesWaited: 0, minutesLeft: 30 });
  });

  it('counts whole minutes waited and left', () => {
    assert.deepEqual(at(afterStart(7.5)), { phase: 'waiting', minutesWaited: 7, minutesLeft: 23 });
  });

  it('keeps waiting until the last millisecond before 15:00', () => {
    assert.deepEqual(at(afterStart(15) - 1), { phase: 'waiting', minutesWaited: 14, minutesLeft: 16 });
  });

  it('says the candidate may stop exactly at 15:00', () => {
    assert.deepEqual(at(afterStart(15)), { phase: 'may-stop', minutesWaited: 15, minutesLeft: 15 });
  });

  it('still says "may stop" one millisecond before 30:00', () => {
    assert.deepEqual(at(afterStart(30) - 1), { phase: 'may-stop', minutesWaited: 29, minutesLeft: 1 });
  });

  it('tells the candidate to stop waiting exactly at 30:00', () => {
    assert.deepEqual(at(afterStart(30)), { phase: 'stop-waiting', minutesWaited: 30, minutesLeft: 0 });
  });

  it('keeps telling the candidate to stop waiting after the slot ended, with no minutes left', () => {
    assert.deepEqual(at(END), { phase: 'stop-waiting', minutesWaited: 60, minutesLeft: 0 });
    assert.deepEqual(at(END + 10 * MINUTE - 1), { phase: 'stop-waiting', minutesWaited: 69, minutesLeft: 0 });
  });

  it('asks how it went (never "done") ten minutes after an unmarked slot ended', () => {
    assert.deepEqual(at(END + 10 * MINUTE), { phase: 'needs-outcome', minutesWaited: 70, minutesLeft: 0 });
    assert.equal(at(END + DAY).phase, 'needs-outcome');
  });

  it('asks at the same moment whatever the thank-you delay (the thank-you needs a conversation)', () => {
    const settings = settingsWith({ thankYouDelay: 120 });
    assert.equal(at(END + 9 * MINUTE, emptyMarks(), makeInterview(), settings).phase, 'stop-waiting');
    assert.equal(at(END + 10 * MINUTE, emptyMarks(), makeInterview(), settings).phase, 'needs-outcome');
  });

  it('still asks for the full maximum wait when the thank-you delay is zero and the slot is short', () => {
    const short = makeInterview({ end: afterStart(15) });
    const settings = settingsWith({ thankYouDelay: 0 });
    assert.equal(at(afterStart(29), emptyMarks(), short, settings).phase, 'may-stop');
    assert.equal(at(afterStart(30), emptyMarks(), short, settings).phase, 'stop-waiting');
    assert.equal(at(afterStart(40), emptyMarks(), short, settings).phase, 'needs-outcome');
  });

  it('keeps the wait running past the end of a 15-minute slot until the maximum wait', () => {
    const short = makeInterview({ end: afterStart(15) });
    assert.deepEqual(at(afterStart(20), emptyMarks(), short), { phase: 'may-stop', minutesWaited: 20, minutesLeft: 10 });
  });

  it('tells the candidate to stop waiting at 30:00 when a 30-minute slot has just ended without a call', () => {
    const phoneScreen = makeInterview({ end: afterStart(30) });
    assert.equal(at(afterStart(30), emptyMarks(), phoneScreen).phase, 'stop-waiting');
    assert.equal(at(afterStart(40), emptyMarks(), phoneScreen).phase, 'needs-outcome');
  });

  it('uses the user\'s own minimum and maximum wait', () => {
    const settings = settingsWith({ minWait: 20, maxWait: 25 });
    assert.deepEqual(at(afterStart(19), emptyMarks(), makeInterview(), settings), { phase: 'waiting', minutesWaited: 19, minutesLeft: 6 });
    assert.deepEqual(at(afterStart(20), emptyMarks(), makeInterview(), settings), { phase: 'may-stop', minutesWaited: 20, minutesLeft: 5 });
    assert.deepEqual(at(afterStart(25), emptyMarks(), makeInterview(), settings), { phase: 'stop-waiting', minutesWaited: 25, minutesLeft: 0 });
  });

  it('never asks for more than 30 minutes of waiting, even with a maximum wait of 45 set', () => {
    assert.deepEqual(at(afterStart(30), emptyMarks(), makeInterview(), settingsWith({ maxWait: 45 })), { phase: 'stop-waiting', minutesWaited: 30, minutesLeft: 0 });
  });

  it('waits the default 15 and 30 minutes when stored timings are NaN', () => {
    const settings = settingsWith({ minWait: NaN, maxWait: NaN });
    assert.equal(at(afterStart(14), emptyMarks(), makeInterview(), settings).phase, 'waiting');
    assert.equal(at(afterStart(15), emptyMarks(), makeInterview(), settings).phase, 'may-stop');
    assert.equal(at(afterStart(30), emptyMarks(), makeInterview(), settings).phase, 'stop-waiting');
  });

  it('shows the call as connected, keeping the minutes counted so far', () => {
    const marks = { callAttempts: [], connectedAt: afterStart(4) };
    assert.deepEqual(at(afterStart(10), marks), { phase: 'connected', minutesWaited: 10, minutesLeft: 20 });
  });

  it('shows a connected call even before the scheduled start, when they called early', () => {
    assert.equal(at(START - 5 * 60_000, { callAttempts: [], connectedAt: START - 6 * 60_000 }).phase, 'connected');
  });

  it('switches to the missed-call flow when the user missed their call', () => {
    assert.equal(at(afterStart(20), { callAttempts: [], missedAt: afterStart(3) }).phase, 'missed');
  });

  it('keeps a missed call in the missed-call flow after the slot ended', () => {
    assert.equal(at(END + HOUR, { callAttempts: [], missedAt: afterStart(3) }).phase, 'missed');
  });

  it('puts "done" above every other mark', () => {
    const marks = { callAttempts: [], connectedAt: afterStart(1), missedAt: afterStart(2), doneAt: afterStart(40) };
    assert.equal(at(afterStart(41), marks).phase, 'done');
  });

  it('puts a connected call above a missed one when storage holds both', () => {
    assert.equal(at(afterStart(10), { callAttempts: [], missedAt: afterStart(2), connectedAt: afterStart(5) }).phase, 'connected');
  });

  it('keeps the wait running after the user called them', () => {
    assert.deepEqual(at(afterStart(16), { callAttempts: [afterStart(6), afterStart(9)] }), { phase: 'may-stop', minutesWaited: 16, minutesLeft: 14 });
  });
});
