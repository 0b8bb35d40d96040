import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyCalendarChange, dropCalendar, syncDue, syncFailed, tokenToUse } from '../../src/core/sync-state.ts';
import type { SourceData } from '../../src/core/sync-state.ts';
import { emptyGoogleCursor } from '../../src/core/stored-state.ts';
import { makeInterview } from './fixtures.ts';
import { HOUR } from '../../src/core/units.ts';

const NOW = Date.UTC(2026, 10, 26, 9, 0);
const A = 'me@example.org';
const B = 'team@example.org';
const interview = (eventId: string, start = NOW + HOUR) => makeInterview({ id: `google:${eventId}`, eventId, start, end: start + HOUR });
const busy = (start = NOW + HOUR) => ({ start, end: start + HOUR });
const empty: SourceData = { interviews: {}, busy: {}, cursor: emptyGoogleCursor() };

describe('applying one calendar\'s sync result', () => {
  it('stores a full result with its token and what the calendar holds', () => {
    const data = applyCalendarChange(empty, A, { kind: 'full', interviews: { 'google:i1': interview('i1') }, busy: { 'google:i1': busy(), 'google:m1': busy() } }, 'tok-1', NOW);
    assert.deepEqual(Object.keys(data.interviews), ['google:i1']);
    assert.deepEqual(Object.keys(data.busy).sort(), ['google:i1', 'google:m1']);
    assert.equal(data.cursor.syncTokens[A], 'tok-1');
    assert.equal(data.cursor.fullSyncAt[A], NOW);
    assert.deepEqual(data.cursor.items[A]?.sort(), ['google:i1', 'google:m1']);
  });

  it('replaces, not adds to, what a calendar held when a full resync comes (no duplicates, no leftovers)', () => {
    const first = applyCalendarChange(empty, A, { kind: 'full', interviews: { 'google:i1': interview('i1'), 'google:i2': interview('i2') }, busy: {} }, 'tok-1', NOW);
    const again = applyCalendarChange(first, A, { kind: 'full', interviews: { 'google:i1': interview('i1', NOW + 2 * HOUR) }, busy: {} }, 'tok-2', NOW);
    assert.deepEqual(Object.keys(again.interviews), ['google:i1']);
    assert.equal(again.interviews['google:i1']?.start, NOW + 2 * HOUR);
  });

  it('applies a delta: removes what it touched, then upserts', () => {
    const first = applyCalendarChange(empty, A, { kind: 'full', interviews: { 'google:i1': interview('i1'), 'google:i2': interview('i2') }, busy: { 'google:i1': busy(), 'google:i2': busy() } }, 'tok-1', NOW);
    const delta = applyCalendarChange(first, A, {
      kind: 'delta',
      upsertInterviews: {},
      removeIds: ['google:i1', 'google:i2'],
      upsertBusy: { 'google:i2': busy(NOW + 3 * HOUR) },
    }, 'tok-2', NOW);
    assert.deepEqual(delta.interviews, {}, 'i1 cancelled, i2 no longer an interview');
    assert.deepEqual(delta.busy, { 'google:i2': busy(NOW + 3 * HOUR) }, 'i2 is still busy time');
    assert.deepEqual(delta.cursor.items[A], ['google:i2']);
    assert.equal(delta.cursor.fullSyncAt[A], NOW, 'a delta is not a full sync');
  });

  it('keeps an event that another watched calendar also shows', () => {
    let data = applyCalendarChange(empty, A, { kind: 'full', interviews: { 'google:shared': interview('shared') }, busy: {} }, 'a', NOW);
    data = applyCalendarChange(data, B, { kind: 'full', interviews: { 'google:shared': interview('shared') }, busy: {} }, 'b', NOW);
    data = applyCalendarChange(data, A, { kind: 'delta', upsertInterviews: {}, removeIds: ['google:shared'], upsertBusy: {} }, 'a2', NOW);
    assert.deepEqual(Object.keys(data.interviews), ['google:shared']);
    data = dropCalendar(data, B);
    assert.deepEqual(data.interviews, {});
    assert.equal(data.cursor.syncTokens[B], undefined);
  });

  it('drops busy time that has ended, and changes only the token when nothing changed', () => {
    const data = applyCalendarChange(empty, A, { kind: 'full', interviews: {}, busy: { 'google:old': busy(NOW - 3 * HOUR), 'google:new': busy() } }, 't', NOW);
    assert.deepEqual(Object.keys(data.busy), ['google:new']);
    const same = applyCalendarChange(data, A, { kind: 'unchanged' }, 't2', NOW);
    assert.equal(same.busy, data.busy);
    assert.equal(same.cursor.syncTokens[A], 't2');
  });
});

describe('choosing between a full and an incremental sync', () => {
  it('uses the token while the last full sync is less than a day old', () => {
    const cursor = { ...emptyGoogleCursor(), syncTokens: { [A]: 't' }, fullSyncAt: { [A]: NOW - 23 * HOUR } };
    assert.equal(tokenToUse(cursor, A, NOW), 't');
    assert.equal(tokenToUse(cursor, A, NOW + 2 * HOUR), undefined, 'the window has slid: full sync');
    assert.equal(tokenToUse(cursor, B, NOW), undefined);
  });
});

describe('"Sync now" during a backoff', () => {
  const T = Date.UTC(2026, 10, 26, 12, 0);
  it('goes through our own backoff, which still holds the automatic syncs', () => {
    const status = syncFailed({ failures: 3 }, { code: 'offline' }, T, 0.5);
    assert.ok(status.backoffUntil !== undefined && status.backoffUntil > T + 60_000);
    assert.equal(status.serverAskedUntil, undefined);
    assert.equal(syncDue(status, 'poll', T + 60_000), false);
    assert.equal(syncDue(status, 'user', T + 60_000), true);
  });

  it('waits for a server that said Retry-After, whoever asks', () => {
    const status = syncFailed({ failures: 0 }, { code: 'rate-limited', retryAfter: T + 120_000 }, T, 0.5);
    assert.ok(status.serverAskedUntil !== undefined && status.serverAskedUntil >= T + 120_000);
    assert.equal(syncDue(status, 'user', T + 60_000), false);
    assert.equal(syncDue(status, 'user', status.serverAskedUntil + 1), true);
  });
});
