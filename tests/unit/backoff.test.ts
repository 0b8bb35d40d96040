import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay } from '../../src/core/backoff.ts';
import { syncDue, syncFailed, syncSucceeded } from '../../src/core/sync-state.ts';
import { MINUTE } from '../../src/core/units.ts';

const NOW = Date.UTC(2026, 10, 26, 9, 0);

describe('backoffDelay', () => {
  it('doubles the wait with each failure in a row', () => {
    assert.deepEqual([1, 2, 3, 4].map((failures) => backoffDelay({ failures, random: 1 })), [MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE]);
  });

  it('spreads the wait between half and all of the exponential step', () => {
    assert.equal(backoffDelay({ failures: 3, random: 0 }), 2 * MINUTE);
    assert.equal(backoffDelay({ failures: 3, random: 0.5 }), 3 * MINUTE);
  });

  it('never waits longer than the cap, however many failures', () => {
    assert.equal(backoffDelay({ failures: 500, random: 1 }), 60 * MINUTE);
    assert.equal(backoffDelay({ failures: 20, random: 1, maxMs: 10 * MINUTE }), 10 * MINUTE);
  });

  it('honours Retry-After, with at most a second of jitter', () => {
    assert.equal(backoffDelay({ failures: 6, random: 0, retryAfterMs: 5000 }), 5000);
    assert.equal(backoffDelay({ failures: 1, random: 0.999, retryAfterMs: 5000 }), 5999);
    assert.equal(backoffDelay({ failures: 1, random: 0, retryAfterMs: 10 * 3_600_000 }), 60 * MINUTE, 'capped');
    assert.equal(backoffDelay({ failures: 1, random: 0, retryAfterMs: -5 }), 0, 'a date in the past means now');
  });

  it('survives nonsense inputs', () => {
    for (const value of [backoffDelay({ failures: Number.NaN, random: Number.NaN }), backoffDelay({ failures: -3, random: 7 })]) {
      assert.ok(Number.isFinite(value) && value >= 0 && value <= 60 * MINUTE);
    }
  });
});

describe('when a sync is due', () => {
  it('syncs at once when nothing was ever tried', () => {
    assert.equal(syncDue({ failures: 0 }, 'poll', NOW), true);
  });

  it('polls only every five minutes but lets the popup and the user ask sooner', () => {
    const status = { failures: 0, lastAttemptAt: NOW - 2 * MINUTE };
    assert.equal(syncDue(status, 'poll', NOW), false);
    assert.equal(syncDue(status, 'poll', NOW + 3 * MINUTE), true);
    assert.equal(syncDue(status, 'open', NOW), true);
    assert.equal(syncDue({ failures: 0, lastAttemptAt: NOW - 5000 }, 'open', NOW), false, 'no stacking when the popup is opened twice');
    assert.equal(syncDue({ failures: 0, lastAttemptAt: NOW }, 'user', NOW), true);
  });

  it('holds every trigger until the backoff ends', () => {
    const status = syncFailed({ failures: 0 }, { code: 'rate-limited', status: 429, retryAfter: NOW + 30_000 }, NOW, 0);
    assert.equal(status.backoffUntil, NOW + 30_000);
    for (const trigger of ['poll', 'open', 'user'] as const) assert.equal(syncDue(status, trigger, NOW + 29_000), false, trigger);
    assert.equal(syncDue(status, 'user', NOW + 30_000), true);
  });

  it('backs off exponentially from server errors and going offline, but not from a refused sign-in', () => {
    const once = syncFailed({ failures: 0, lastSuccessAt: NOW - MINUTE }, { code: 'server', status: 500 }, NOW, 1);
    const twice = syncFailed(once, { code: 'offline' }, NOW, 1);
    assert.equal(once.backoffUntil, NOW + MINUTE);
    assert.equal(twice.backoffUntil, NOW + 2 * MINUTE);
    assert.equal(twice.failures, 2);
    assert.equal(twice.lastSuccessAt, NOW - MINUTE, 'the last success is remembered for "last synced …"');
    assert.deepEqual(twice.error, { code: 'offline', at: NOW });
    assert.equal(syncFailed({ failures: 0 }, { code: 'auth', status: 401 }, NOW, 1).backoffUntil, undefined);
  });

  it('clears the error and the backoff after a success', () => {
    assert.deepEqual(syncSucceeded(NOW), { lastSuccessAt: NOW, lastAttemptAt: NOW, failures: 0 });
  });
});
