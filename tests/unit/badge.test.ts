import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { badgeFor } from '../../src/core/badge.ts';
import { DAY, END, HOUR, MINUTE, START, afterStart, makeInterview, settingsWith } from './fixtures.ts';

const defaults = settingsWith();
const second = makeInterview({ id: 'manual:2', eventId: '2', start: afterStart(10), end: afterStart(70) });

describe('badgeFor', () => {
  it('is empty when there are no interviews', () => {
    assert.deepEqual(badgeFor([], {}, START, defaults), { text: '' });
  });

  it('is empty before the interview starts', () => {
    assert.deepEqual(badgeFor([makeInterview()], {}, START - 1, defaults), { text: '' });
  });

  it('shows 0m the moment the wait starts', () => {
    assert.deepEqual(badgeFor([makeInterview()], {}, START, defaults), { text: '0m', phase: 'waiting' });
  });

  it('shows the whole minutes waited and the phase of the wait', () => {
    assert.deepEqual(badgeFor([makeInterview()], {}, afterStart(14.9), defaults), { text: '14m', phase: 'waiting' });
    assert.deepEqual(badgeFor([makeInterview()], {}, afterStart(15), defaults), { text: '15m', phase: 'may-stop' });
    assert.deepEqual(badgeFor([makeInterview()], {}, afterStart(30), defaults), { text: '30m', phase: 'stop-waiting' });
  });

  it('clears once the call connected', () => {
    assert.deepEqual(badgeFor([makeInterview()], { 'google:evt-1': { callAttempts: [], connectedAt: afterStart(2) } }, afterStart(5), defaults), { text: '' });
  });

  it('clears once the user missed their call or marked the interview done', () => {
    assert.deepEqual(badgeFor([makeInterview()], { 'google:evt-1': { callAttempts: [], missedAt: afterStart(2) } }, afterStart(5), defaults), { text: '' });
    assert.deepEqual(badgeFor([makeInterview()], { 'google:evt-1': { callAttempts: [], doneAt: afterStart(2) } }, afterStart(5), defaults), { text: '' });
  });

  it('keeps counting after the slot ended without a call, and clears once the thank-you moment passed', () => {
    assert.deepEqual(badgeFor([makeInterview()], {}, END, defaults), { text: '60m', phase: 'stop-waiting' });
    assert.deepEqual(badgeFor([makeInterview()], {}, END + 30 * MINUTE, defaults), { text: '' });
  });

  it('shows the longest wait when several interviews are waiting', () => {
    assert.deepEqual(badgeFor([second, makeInterview()], {}, afterStart(22), defaults), { text: '22m', phase: 'may-stop' });
  });

  it('shows the other wait when the longest one connected', () => {
    const marks = { 'google:evt-1': { callAttempts: [], connectedAt: afterStart(20) } };
    assert.deepEqual(badgeFor([makeInterview(), second], marks, afterStart(22), defaults), { text: '12m', phase: 'waiting' });
  });

  it('keeps the badge to four characters after a very long wait', () => {
    const allDayish = makeInterview({ end: START + DAY });
    assert.deepEqual(badgeFor([allDayish], {}, START + 20 * HOUR, defaults), { text: '999m', phase: 'stop-waiting' });
  });
});
