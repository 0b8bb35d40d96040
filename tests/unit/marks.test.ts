import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Marks } from '../../src/core/types.ts';
import { SNOOZE_MINUTES, applyMark, emptyMarks } from '../../src/core/marks.ts';
import { afterStart } from './fixtures.ts';

const T1 = afterStart(3);
const T2 = afterStart(9);

describe('applyMark', () => {
  it('starts from no marks and no call attempts', () => {
    assert.deepEqual(emptyMarks(), { callAttempts: [] });
  });

  it('hands out a fresh object each time, so one interview\'s marks never leak into another\'s', () => {
    const a = emptyMarks();
    a.callAttempts.push(T1);
    assert.deepEqual(emptyMarks().callAttempts, []);
  });

  it('records when the call connected', () => {
    assert.equal(applyMark(emptyMarks(), 'connected', T1).connectedAt, T1);
  });

  it('keeps the first connection time when the user says so twice', () => {
    const once = applyMark(emptyMarks(), 'connected', T1);
    assert.equal(applyMark(once, 'connected', T2).connectedAt, T1);
  });

  it('leaves the missed-call flow once the call connected', () => {
    const missed = applyMark(emptyMarks(), 'missed', T1);
    const connected = applyMark(missed, 'connected', T2);
    assert.equal(connected.missedAt, undefined);
    assert.equal(connected.connectedAt, T2);
  });

  it('records a missed call and forgets an earlier connection', () => {
    const connected = applyMark(emptyMarks(), 'connected', T1);
    const missed = applyMark(connected, 'missed', T2);
    assert.equal(missed.missedAt, T2);
    assert.equal(missed.connectedAt, undefined);
  });

  it('keeps the first missed-call time when the user says so twice', () => {
    assert.equal(applyMark(applyMark(emptyMarks(), 'missed', T1), 'missed', T2).missedAt, T1);
  });

  it('records when the interview was done, keeping the first time', () => {
    const done = applyMark(emptyMarks(), 'done', T1);
    assert.equal(done.doneAt, T1);
    assert.equal(applyMark(done, 'done', T2).doneAt, T1);
  });

  it('keeps the connection when the interview is marked done', () => {
    const done = applyMark(applyMark(emptyMarks(), 'connected', T1), 'done', T2);
    assert.equal(done.connectedAt, T1);
    assert.equal(done.doneAt, T2);
  });

  it('adds one timestamp per "I called them"', () => {
    const marks = applyMark(applyMark(emptyMarks(), 'called', T1), 'called', T2);
    assert.deepEqual(marks.callAttempts, [T1, T2]);
  });

  it('keeps the call attempts when the call later connects', () => {
    const marks = applyMark(applyMark(emptyMarks(), 'called', T1), 'connected', T2);
    assert.deepEqual(marks.callAttempts, [T1]);
  });

  it('records that the call was moved to another time', () => {
    const marks = applyMark(applyMark(emptyMarks(), 'called', T1), 'rescheduled', T2);
    assert.equal(marks.rescheduled, true);
    assert.deepEqual(marks.callAttempts, [T1]);
  });

  it('forgets everything on reset', () => {
    const busy: Marks = { connectedAt: T1, doneAt: T2, callAttempts: [T1], rescheduled: true };
    assert.deepEqual(applyMark(busy, 'reset', T2), { callAttempts: [] });
  });

  it('never changes the marks it was given', () => {
    const original: Marks = { callAttempts: [T1], missedAt: T1 };
    const copy = structuredClone(original);
    applyMark(original, 'called', T2);
    applyMark(original, 'connected', T2);
    applyMark(original, 'done', T2);
    applyMark(original, 'rescheduled', T2);
    assert.deepEqual(original, copy);
  });
});

describe('applyMark: remind me later', () => {
  it('snoozes for ten minutes from the moment the user asks, keeping everything else', () => {
    const T = Date.UTC(2026, 10, 26, 12, 0);
    const marks = applyMark({ callAttempts: [T - 1000], rescheduled: true }, 'snooze', T);
    assert.deepEqual(marks, { callAttempts: [T - 1000], rescheduled: true, snoozedUntil: T + SNOOZE_MINUTES * 60_000 });
    assert.equal(SNOOZE_MINUTES, 10);
  });

  it('undoes a missed call without forgetting the calls made', () => {
    const T = Date.UTC(2026, 10, 26, 12, 0);
    assert.deepEqual(applyMark({ callAttempts: [T - 5000], missedAt: T - 1000 }, 'undo-missed', T), { callAttempts: [T - 5000], missedAt: undefined });
  });
});

describe('applyMark: undoing "they moved it"', () => {
  it('clears the rescheduled flag and keeps the rest', () => {
    assert.deepEqual(applyMark({ callAttempts: [1], rescheduled: true }, 'undo-rescheduled', 5), { callAttempts: [1], rescheduled: undefined });
  });
});
