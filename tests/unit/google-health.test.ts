// Whole Google sync rounds over two watched calendars, driven against the fake API: each
// calendar's own health and backoff, what stops a calendar and what only slows it, the user's
// own entry on every copy of an invitation, and what the primary calendar's deletions mean.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GoogleClient, TokenSource } from '../../src/calendar/google-calendar.ts';
import { applyGoogleOutcome, readGoogleCalendars } from '../../src/calendar/google-round.ts';
import type { StoredState } from '../../src/core/stored-state.ts';
import { loadState } from '../../src/core/stored-state.ts';
import type { SyncTrigger } from '../../src/core/sync-state.ts';
import { calendarTrouble, interviewLastChecked, retryCalendar } from '../../src/core/sync-state.ts';
import { FakeGoogleCalendarApi } from '../fakes/google-calendar-api.ts';
import type { FakeEvent } from '../fakes/google-calendar-api.ts';
import { invite as makeInvite } from '../fakes/google-invite.ts';
import { MINUTE, HOUR } from '../../src/core/units.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0);
const ME = 'me@example.org';
const TEAM = 'team@group.calendar.google.com';
/** An invitation as it sits on a calendar: Google sets `self` only on the user's own calendar. */
function invite(id: string, start: number, summary: string, myResponse = 'accepted', selfFlag = true, myAddress = ME): FakeEvent {
  return makeInvite(id, start, summary, { me: myAddress, response: myResponse, self: selfFlag });
}

describe('a Google sync round over two watched calendars', () => {
  let api: FakeGoogleCalendarApi;
  let client: GoogleClient;
  let state: StoredState;
  /** The jitter source: 0.999 gives the longest wait the rule allows. */
  let random = 0.5;

  const round = async (now: number, trigger: SyncTrigger = 'poll') => {
    const outcome = await readGoogleCalendars(client, state, trigger, now);
    state = applyGoogleOutcome(state, outcome, now, () => random);
    return outcome;
  };
  const requestsFor = (calendarId: string) => api.eventRequests().filter((r) => r.path.endsWith(`/calendars/${encodeURIComponent(calendarId)}/events`)).length;

  before(async () => {
    api = await new FakeGoogleCalendarApi().listen(0);
  });
  after(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
    api.healCalendar(TEAM);
    api.addCalendar(ME, { primary: true, summary: ME });
    api.addCalendar(TEAM, { summary: 'Hiring team' });
    api.putEvent(ME, invite('acme', T0 + 3 * HOUR, 'Phone interview with Acme'));
    api.putEvent(TEAM, invite('globex', T0 + 5 * HOUR, 'Interview with Globex', 'accepted', false));
    api.validTokens.add('ya29.ok');
    const tokens: TokenSource = { get: async () => 'ya29.ok', refresh: async () => 'ya29.ok' };
    client = { fetch: (url, init) => fetch(url, init), tokens, apiBase: api.baseUrl };
    random = 0.5;
    const empty = loadState({}, T0).state;
    state = { ...empty, source: { kind: 'google', calendarIds: [ME, TEAM], selfEmail: ME } };
  });

  it('names a calendar that starts answering 404, stops reading it, and still brings the other calendar\'s moved interview', async () => {
    await round(T0);
    assert.ok(state.interviews['google:acme'] && state.interviews['google:globex']);
    assert.equal(state.calendarHealth[TEAM]?.name, 'Hiring team', 'the calendar\'s own title is remembered while it reads');

    api.breakCalendar(TEAM, { kind: 'status', status: 404 });
    api.putEvent(ME, invite('acme', T0 + 4 * HOUR, 'Phone interview with Acme'));
    const t1 = T0 + 5 * MINUTE;
    await round(t1);
    assert.equal(state.interviews['google:acme']?.start, T0 + 4 * HOUR, 'the other calendar\'s change arrived in the same round');
    assert.deepEqual(state.calendarHealth[ME], { name: ME, lastSuccessAt: t1, lastAttemptAt: t1, failures: 0 });
    assert.deepEqual(state.calendarHealth[TEAM], {
      name: 'Hiring team', lastSuccessAt: T0, lastAttemptAt: t1, failures: 0, stopped: true,
      error: { code: 'not-found', at: t1, status: 404, reason: 'notFound' },
    });
    assert.equal(state.sync.lastSuccessAt, t1, '"last synced" moves on with the calendars that read');
    assert.ok(state.interviews['google:globex'], 'the unreadable calendar\'s interview is kept, not silently dropped');
    assert.equal(calendarTrouble(state.calendarHealth[TEAM], t1), 'stopped');
    assert.equal(interviewLastChecked('google:globex', [ME, TEAM], state.googleCursor, state.calendarHealth, T0 + 3 * HOUR), T0, 'its card says when it was last checked');
    assert.equal(interviewLastChecked('google:acme', [ME, TEAM], state.googleCursor, state.calendarHealth, T0 + 3 * HOUR), undefined);
  });

  it('asks a stopped calendar nothing more, at polls or at "Sync now", until the user says "Try again"', async () => {
    api.breakCalendar(TEAM, { kind: 'status', status: 403, reason: 'forbidden' });
    await round(T0);
    assert.equal(state.calendarHealth[TEAM]?.error?.code, 'forbidden');
    assert.equal(requestsFor(TEAM), 1);
    for (let i = 1; i <= 12; i += 1) await round(T0 + i * 5 * MINUTE, i % 3 === 0 ? 'user' : 'poll');
    assert.equal(requestsFor(TEAM), 1, 'an hour of polls and three "Sync now" did not ask again');
    assert.equal(requestsFor(ME), 13, 'the other calendar was read every time');

    state = { ...state, calendarHealth: { ...state.calendarHealth, [TEAM]: retryCalendar(state.calendarHealth[TEAM]) } };
    api.healCalendar(TEAM);
    const t = T0 + 70 * MINUTE;
    await round(t, 'user');
    assert.equal(requestsFor(TEAM), 2);
    assert.equal(state.calendarHealth[TEAM]?.error, undefined);
    assert.equal(state.calendarHealth[TEAM]?.stopped, undefined);
    assert.equal(state.calendarHealth[TEAM]?.lastSuccessAt, t);
  });

  it('backs off under a minute after one 503 that follows an hour of 404s (permanent failures never inflate the backoff)', async () => {
    random = 0.999;
    api.breakCalendar(TEAM, { kind: 'status', status: 404 });
    for (let i = 0; i < 12; i += 1) {
      // The user kept pressing "Try again" for an hour.
      state = { ...state, calendarHealth: { ...state.calendarHealth, [TEAM]: retryCalendar(state.calendarHealth[TEAM]) } };
      await round(T0 + i * 5 * MINUTE, 'user');
      assert.equal(state.calendarHealth[TEAM]?.stopped, true);
    }
    assert.equal(requestsFor(TEAM), 12);
    assert.equal(state.calendarHealth[TEAM]?.failures, 0, '404s are not counted as transient failures');
    state = { ...state, calendarHealth: { ...state.calendarHealth, [TEAM]: retryCalendar(state.calendarHealth[TEAM]) } };
    api.healCalendar(TEAM);
    api.failNextFor(TEAM, { kind: 'status', status: 503 });
    const t = T0 + HOUR;
    await round(t, 'user');
    const health = state.calendarHealth[TEAM]!;
    assert.equal(health.error?.code, 'server');
    assert.equal(health.failures, 1);
    assert.ok(health.backoffUntil! - t < MINUTE, `backoff ${health.backoffUntil! - t} ms`);
    assert.ok(health.backoffUntil! - t >= 30_000, 'but a real one (equal jitter: half to all of a minute)');
    assert.equal(state.calendarHealth[ME]?.backoffUntil, undefined, 'the other calendar is not held back');
  });

  for (const reason of ['quotaExceeded', 'rateLimitExceeded', 'userRateLimitExceeded'] as const) {
    it(`slows down one calendar on 403 ${reason} (usageLimits) and carries on with the other`, async () => {
      api.failNextFor(ME, { kind: 'status', status: 403, reason });
      await round(T0);
      const health = state.calendarHealth[ME]!;
      assert.equal(health.error?.code, 'rate-limited', 'not "access refused"');
      assert.equal(health.error?.reason, reason);
      assert.equal(health.stopped, undefined);
      assert.equal(health.failures, 1);
      assert.ok(health.backoffUntil! > T0);
      assert.ok(state.interviews['google:globex'], 'the round carried on');
      // Its backoff holds the polls that come before it ends, not the other calendar.
      const before = requestsFor(ME);
      await round(T0 + 20_000);
      assert.equal(requestsFor(ME), before);
      assert.equal(requestsFor(TEAM), 2);
      await round(health.backoffUntil!);
      assert.equal(requestsFor(ME), before + 1);
      assert.equal(state.calendarHealth[ME]?.error, undefined);
    });
  }

  it('honours Retry-After on 429, also for the user\'s "Sync now"', async () => {
    api.failNextFor(TEAM, { kind: 'status', status: 429, retryAfter: '600' });
    await round(T0);
    const health = state.calendarHealth[TEAM]!;
    assert.ok(health.backoffUntil! >= T0 + 600_000 && health.backoffUntil! <= T0 + 601_000, String(health.backoffUntil! - T0));
    assert.equal(health.serverAskedUntil, health.backoffUntil);
    await round(T0 + 5 * MINUTE, 'user');
    assert.equal(requestsFor(TEAM), 1, 'Google asked for ten minutes');
    await round(T0 + 11 * MINUTE, 'poll');
    assert.equal(requestsFor(TEAM), 2);
  });

  it('grows a calendar\'s backoff exponentially while it keeps failing, and resets it on success', async () => {
    random = 0;
    const waits: number[] = [];
    let t = T0;
    for (const status of [500, 503, 500] as const) {
      api.failNextFor(TEAM, { kind: 'status', status });
      await round(t);
      waits.push(state.calendarHealth[TEAM]!.backoffUntil! - t);
      t = state.calendarHealth[TEAM]!.backoffUntil!;
    }
    // Equal jitter with random = 0 gives half of 1, 2, 4 minutes.
    assert.deepEqual(waits, [30_000, 60_000, 120_000]);
    await round(t);
    assert.deepEqual(state.calendarHealth[TEAM], { name: 'Hiring team', lastSuccessAt: t, lastAttemptAt: t, failures: 0 });
  });

  it('keeps a network failure to the calendar it happened on', async () => {
    api.failNextFor(TEAM, { kind: 'drop' });
    await round(T0);
    assert.equal(state.calendarHealth[TEAM]?.error?.code, 'offline');
    assert.ok(state.calendarHealth[TEAM]!.backoffUntil! > T0);
    assert.equal(state.calendarHealth[ME]?.error, undefined);
    assert.equal(state.sync.error, undefined);
  });

  it('sends a refused 400 once more as a full resync, then never again until the user acts', async () => {
    await round(T0);
    const tokenRequests = () => api.eventRequests().filter((r) => r.path.includes(encodeURIComponent(TEAM)) && r.query.has('syncToken')).length;
    api.breakCalendar(TEAM, { kind: 'status', status: 400 });
    const before = requestsFor(TEAM);
    await round(T0 + 5 * MINUTE);
    assert.equal(requestsFor(TEAM) - before, 2, 'the incremental request, then one full resync');
    assert.equal(tokenRequests(), 1);
    assert.equal(state.calendarHealth[TEAM]?.error?.code, 'bad-request');
    assert.equal(state.calendarHealth[TEAM]?.stopped, true);
    for (let i = 2; i <= 13; i += 1) await round(T0 + i * 5 * MINUTE);
    assert.equal(requestsFor(TEAM) - before, 2, 'not re-sent at every poll');
  });

  it('mends a 400 on the incremental request with the full resync when that one is accepted', async () => {
    await round(T0);
    api.failNextFor(TEAM, { kind: 'status', status: 400 });
    api.putEvent(TEAM, invite('globex', T0 + 6 * HOUR, 'Interview with Globex', 'accepted', false));
    await round(T0 + 5 * MINUTE);
    assert.equal(state.calendarHealth[TEAM]?.error, undefined);
    assert.equal(state.interviews['google:globex']?.start, T0 + 6 * HOUR);
    assert.equal(state.googleCursor.fullSyncAt[TEAM], T0 + 5 * MINUTE);
  });

  it('stops the round on a refused sign-in, which is the account\'s and no calendar\'s', async () => {
    api.validTokens.clear();
    await round(T0);
    assert.equal(state.sync.error?.code, 'auth');
    assert.equal(requestsFor(TEAM), 0);
    assert.equal(state.calendarHealth[ME]?.error, undefined);
  });

  it('recognises the user\'s entry by address on a copy without the self flag: a decline there removes the interview', async () => {
    api.putEvent(TEAM, invite('globex', T0 + 5 * HOUR, 'Interview with Globex', 'declined', false, 'Me@Example.org'));
    await round(T0);
    assert.equal(state.interviews['google:globex'], undefined);
    assert.equal(state.busy['google:globex'], undefined, 'declined time is not busy either');
  });

  for (const order of [[ME, TEAM], [TEAM, ME]]) {
    it(`lets a decline on any copy win over another copy, whichever calendar is read first (${order.join(' then ')})`, async () => {
      state = { ...state, source: { kind: 'google', calendarIds: order, selfEmail: ME } };
      await round(T0);
      // Both calendars show the Acme call; the user declines it on the team calendar's copy.
      api.putEvent(TEAM, invite('acme', T0 + 3 * HOUR, 'Phone interview with Acme', 'accepted', false));
      await round(T0 + 5 * MINUTE);
      assert.ok(state.interviews['google:acme']);
      api.putEvent(TEAM, invite('acme', T0 + 3 * HOUR, 'Phone interview with Acme', 'declined', false));
      await round(T0 + 10 * MINUTE);
      assert.equal(state.interviews['google:acme'], undefined);
      await round(T0 + 15 * MINUTE);
      assert.equal(state.interviews['google:acme'], undefined, 'the accepted copy does not bring it back');
      // Accepting again lifts the decline.
      api.putEvent(TEAM, invite('acme', T0 + 3 * HOUR, 'Phone interview with Acme', 'accepted', false));
      await round(T0 + 20 * MINUTE);
      assert.ok(state.interviews['google:acme']);
    });
  }

  it('removes an interview deleted or cancelled on the primary calendar whatever another calendar still shows', async () => {
    api.putEvent(TEAM, invite('acme', T0 + 3 * HOUR, 'Phone interview with Acme', 'accepted', false));
    await round(T0);
    assert.ok(state.interviews['google:acme']);
    api.cancelEvent(ME, 'acme');
    await round(T0 + 5 * MINUTE);
    assert.equal(state.interviews['google:acme'], undefined);
    assert.equal(state.busy['google:acme'], undefined);
    // The team calendar changes something else, then is read again in full: still gone.
    api.putEvent(TEAM, invite('acme', T0 + 3 * HOUR, 'Phone interview with Acme (room 4)', 'accepted', false));
    await round(T0 + 10 * MINUTE);
    assert.equal(state.interviews['google:acme'], undefined);
    api.expireSyncTokens(TEAM);
    await round(T0 + 15 * MINUTE);
    assert.equal(state.interviews['google:acme'], undefined, 'a full resync of the other calendar does not bring it back');
    // And a full sync of the primary remembers it is gone there.
    api.expireSyncTokens(ME);
    await round(T0 + 20 * MINUTE);
    await round(T0 + 25 * MINUTE);
    assert.equal(state.interviews['google:acme'], undefined);
  });

  it('lets a cancellation on another calendar leave alone what the primary calendar still holds', async () => {
    api.putEvent(TEAM, invite('acme', T0 + 3 * HOUR, 'Phone interview with Acme', 'accepted', false));
    await round(T0);
    api.cancelEvent(TEAM, 'acme');
    await round(T0 + 5 * MINUTE);
    assert.ok(state.interviews['google:acme']);
  });
});

describe('which calendars are in trouble, and which interviews are not confirmed lately', () => {
  const cursor = { syncTokens: {}, fullSyncAt: { a: T0 - HOUR, b: T0 - HOUR }, items: { a: ['google:x', 'google:y'], b: ['google:y'] }, vetoes: {} };

  it('shows a transient failure only after half an hour without a successful read', () => {
    const failing = { lastSuccessAt: T0, failures: 3, error: { code: 'server' as const, at: T0 + 10 * MINUTE } };
    assert.equal(calendarTrouble(failing, T0 + 29 * MINUTE), undefined);
    assert.equal(calendarTrouble(failing, T0 + 30 * MINUTE), 'failing');
    assert.equal(calendarTrouble({ failures: 1, error: { code: 'server' as const, at: T0 } }, T0), undefined, 'never read, one failure');
    assert.equal(calendarTrouble({ failures: 2, error: { code: 'server' as const, at: T0 } }, T0), 'failing');
    assert.equal(calendarTrouble({ failures: 0, stopped: true, error: { code: 'not-found' as const, at: T0 } }, T0), 'stopped');
    assert.equal(calendarTrouble({ lastSuccessAt: T0, failures: 0 }, T0 + 5 * HOUR), undefined);
  });

  it('marks an interview only when every calendar holding it is in trouble, with the latest read among them', () => {
    const health = {
      a: { lastSuccessAt: T0 - 3 * HOUR, failures: 0, stopped: true, error: { code: 'not-found' as const, at: T0 } },
      b: { lastSuccessAt: T0, failures: 0 },
    };
    assert.equal(interviewLastChecked('google:x', ['a', 'b'], cursor, health, T0), T0 - 3 * HOUR);
    assert.equal(interviewLastChecked('google:y', ['a', 'b'], cursor, health, T0), undefined, 'b still confirms it');
    assert.equal(interviewLastChecked('manual:z', ['a', 'b'], cursor, health, T0), undefined);
    const bothDown = { ...health, b: { lastSuccessAt: T0 - HOUR, failures: 0, stopped: true, error: { code: 'forbidden' as const, at: T0 } } };
    assert.equal(interviewLastChecked('google:y', ['a', 'b'], cursor, bothDown, T0), T0 - HOUR);
    assert.equal(interviewLastChecked('google:x', ['a', 'b'], cursor, { a: { failures: 0, stopped: true, error: { code: 'forbidden' as const, at: T0 } } }, T0), T0 - HOUR, 'falls back to the last full sync');
    assert.equal(interviewLastChecked('google:x', ['a', 'b'], { ...cursor, fullSyncAt: {} }, { a: { failures: 0, stopped: true, error: { code: 'forbidden' as const, at: T0 } } }, T0), null);
  });
});
