import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { badgeFor } from '../../src/core/badge.ts';
import { DAY, END, HOUR, MINUTE, START, afterStart, makeInterview, settingsWith } from './fixtures.ts';

const defaults = settingsWith();
/** The badge as the user sees it: text and colour (phase). */
const seen = (badge: ReturnType<typeof badgeFor>) => (badge.phase === undefined ? { text: badge.text } : { text: badge.text, phase: badge.phase });
const second = makeInterview({ id: 'manual:2', eventId: '2', start: afterStart(10), end: afterStart(70) });

describe('badgeFor', () => {
  it('is empty when there are no interviews', () => {
    assert.deepEqual(seen(badgeFor([], {}, START, defaults)), { text: '' });
  });

  it('is empty before the interview starts', () => {
    assert.deepEqual(seen(badgeFor([makeInterview()], {}, START - 1, defaults)), { text: '' });
  });

  it('shows 0m the moment the wait starts', () => {
    assert.deepEqual(seen(badgeFor([makeInterview()], {}, START, defaults)), { text: '0m', phase: 'waiting' });
  });

  it('shows the whole minutes waited and the phase of the wait', () => {
    assert.deepEqual(seen(badgeFor([makeInterview()], {}, afterStart(14.9), defaults)), { text: '14m', phase: 'waiting' });
    assert.deepEqual(seen(badgeFor([makeInterview()], {}, afterStart(15), defaults)), { text: '15m', phase: 'may-stop' });
    assert.deepEqual(seen(badgeFor([makeInterview()], {}, afterStart(30), defaults)), { text: '30m', phase: 'stop-waiting' });
  });

  it('clears once the call connected', () => {
    assert.deepEqual(seen(badgeFor([makeInterview()], { 'google:evt-1': { callAttempts: [], connectedAt: afterStart(2) } }, afterStart(5), defaults)), { text: '' });
  });

  it('clears once the user missed their call or marked the interview done', () => {
    assert.deepEqual(seen(badgeFor([makeInterview()], { 'google:evt-1': { callAttempts: [], missedAt: afterStart(2) } }, afterStart(5), defaults)), { text: '' });
    assert.deepEqual(seen(badgeFor([makeInterview()], { 'google:evt-1': { callAttempts: [], connectedAt: afterStart(1), doneAt: afterStart(2) } }, afterStart(5), defaults)), { text: '' });
  });

  it('keeps counting after the slot ended without a call, then asks "?" for 12 hours', () => {
    assert.deepEqual(seen(badgeFor([makeInterview()], {}, END, defaults)), { text: '60m', phase: 'stop-waiting' });
    assert.deepEqual(seen(badgeFor([makeInterview()], {}, END + 10 * MINUTE, defaults)), { text: '?', phase: 'needs-outcome' });
    assert.deepEqual(seen(badgeFor([makeInterview()], {}, END + 10 * MINUTE + 12 * HOUR, defaults)), { text: '' });
  });

  it('speaks of the interview nearest its next step when several are waiting', () => {
    // At 22 minutes the first waits for its maximum (8 minutes away); the second, 12 minutes in,
    // reaches its minimum wait in 3 minutes: the badge speaks of the second.
    const badge = badgeFor([second, makeInterview()], {}, afterStart(22), defaults);
    assert.deepEqual(seen(badge), { text: '12m', phase: 'waiting' });
    assert.equal(badge.interviewId, 'manual:2');
    // At 26 minutes the second's next step (30 minutes in, at 40) is further than the first's (30).
    assert.equal(badgeFor([second, makeInterview()], {}, afterStart(26), defaults).interviewId, 'google:evt-1');
  });

  it('prefers a running wait to an open question', () => {
    const early = makeInterview({ id: 'google:early', start: START - 3 * HOUR, end: START - 2 * HOUR });
    assert.equal(badgeFor([early, makeInterview()], {}, afterStart(5), defaults).text, '5m');
  });

  it('shows the other wait when the longest one connected', () => {
    const marks = { 'google:evt-1': { callAttempts: [], connectedAt: afterStart(20) } };
    assert.deepEqual(seen(badgeFor([makeInterview(), second], marks, afterStart(22), defaults)), { text: '12m', phase: 'waiting' });
  });

  it('keeps the badge to four characters after a very long wait', () => {
    const allDayish = makeInterview({ end: START + DAY });
    assert.deepEqual(seen(badgeFor([allDayish], {}, START + 20 * HOUR, defaults)), { text: '999m', phase: 'stop-waiting' });
  });
});
