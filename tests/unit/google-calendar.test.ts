import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_FIELDS, MAX_RESPONSE_BYTES, listCalendars, syncCalendar } from '../../src/calendar/google-calendar.ts';
import type { GoogleClient, TokenSource } from '../../src/calendar/google-calendar.ts';
import { SyncError } from '../../src/calendar/source-types.ts';
import type { FetchLike } from '../../src/calendar/source-types.ts';
import { defaultSettings } from '../../src/core/settings.ts';
import { FakeGoogleCalendarApi, parseFields, project } from '../fakes/google-calendar-api.ts';
import type { FakeEvent, Failure } from '../fakes/google-calendar-api.ts';
import { HOUR } from '../../src/core/units.ts';

const NOW = Date.UTC(2026, 10, 26, 9, 0);
const CAL = 'me@example.org';
const rules = defaultSettings.rules;
const iso = (ms: number) => new Date(ms).toISOString();

function event(id: string, startOffsetHours: number, summary: string, extra: Partial<FakeEvent> = {}): FakeEvent {
  return {
    id,
    summary,
    start: { dateTime: iso(NOW + startOffsetHours * HOUR), timeZone: 'Europe/Rome' },
    end: { dateTime: iso(NOW + (startOffsetHours + 1) * HOUR), timeZone: 'Europe/Rome' },
    organizer: { email: 'recruiter@acme.example', displayName: 'Rita Recruiter' },
    attendees: [{ email: CAL, self: true, responseStatus: 'accepted' }, { email: 'recruiter@acme.example', organizer: true, responseStatus: 'accepted' }],
    ...extra,
  };
}

/** Counts token requests; `fresh` is what the API currently accepts. */
function tokenSource(api: FakeGoogleCalendarApi) {
  let n = 0;
  const calls = { get: 0, refresh: 0, stale: [] as string[] };
  const issue = () => {
    n += 1;
    const token = `ya29.test-${n}`;
    api.validTokens.add(token);
    return token;
  };
  let current = issue();
  const tokens: TokenSource = {
    get: async () => { calls.get += 1; return current; },
    refresh: async (stale) => { calls.refresh += 1; calls.stale.push(stale); current = issue(); return current; },
  };
  return { tokens, calls };
}

describe('Google Calendar client against the fake API', () => {
  let api: FakeGoogleCalendarApi;
  let client: GoogleClient;
  let calls: ReturnType<typeof tokenSource>['calls'];

  before(async () => {
    api = await new FakeGoogleCalendarApi().listen(0);
  });
  after(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
    api.addCalendar(CAL, { primary: true, summary: 'Me' });
    api.addCalendar('team@group.calendar.google.com', { summary: 'Team', accessRole: 'reader' });
    api.putEvent(CAL, event('int-1', 3, 'Phone interview with Acme'));
    api.putEvent(CAL, event('meet-1', 5, 'Team sync'));
    api.putEvent(CAL, event('far-1', 24 * 20, 'Interview far away'));
    api.putEvent(CAL, event('free-1', 6, 'Lunch', { transparency: 'transparent' }));
    const source = tokenSource(api);
    calls = source.calls;
    client = { fetch: (url, init) => fetch(url, init), tokens: source.tokens, apiBase: api.baseUrl };
  });

  it('lists the calendars, primary first, with the names the user sees', async () => {
    const { calendars, requests } = await listCalendars(client, NOW);
    assert.equal(requests, 1);
    assert.deepEqual(calendars.map((c) => [c.id, c.summary, c.primary]), [[CAL, 'Me', true], ['team@group.calendar.google.com', 'Team', false]]);
  });

  it('does a full sync of the window with singleEvents, only the needed fields, and keeps busy time as start/end only', async () => {
    const result = await syncCalendar(client, { calendarId: CAL, rules, now: NOW });
    assert.equal(result.kind, 'full');
    if (result.kind !== 'full') return;
    assert.deepEqual(Object.keys(result.interviews), ['google:int-1']);
    assert.equal(result.interviews['google:int-1']?.interviewer.email, 'recruiter@acme.example');
    assert.deepEqual(Object.keys(result.busy).sort(), ['google:int-1', 'google:meet-1'], 'free and far events are not busy');
    assert.deepEqual(Object.keys(result.busy['google:meet-1']!).sort(), ['end', 'start']);
    const [request] = api.eventRequests();
    assert.ok(request);
    assert.equal(request.query.get('singleEvents'), 'true');
    assert.equal(request.query.get('fields'), EVENT_FIELDS);
    assert.equal(request.query.get('timeMin'), iso(NOW - 24 * HOUR));
    assert.equal(request.query.get('timeMax'), iso(NOW + 14 * 24 * HOUR));
    assert.equal(request.authorization, 'Bearer ya29.test-1');
    assert.ok(result.cursor.length > 0);
  });

  it('follows nextPageToken to the last page and takes the sync token from there', async () => {
    for (let i = 0; i < 2100; i += 1) api.putEvent(CAL, event(`bulk-${i}`, 1 + (i % 300) / 10, `Standup ${i}`));
    const result = await syncCalendar(client, { calendarId: CAL, rules, now: NOW });
    assert.equal(result.kind, 'full');
    assert.equal(result.requests, 3, '2103 events in pages of 1000');
    const pages = api.eventRequests();
    assert.equal(pages[0]!.query.get('pageToken'), null);
    assert.ok(pages[1]!.query.get('pageToken'));
    if (result.kind === 'full') assert.equal(Object.keys(result.busy).length, 2102);
  });

  it('polls with the sync token alone (no timeMin/timeMax/orderBy) and reports "unchanged" in one small request', async () => {
    const full = await syncCalendar(client, { calendarId: CAL, rules, now: NOW });
    api.requests.length = 0;
    const poll = await syncCalendar(client, { calendarId: CAL, rules, now: NOW + 60_000, syncToken: full.cursor });
    assert.equal(poll.kind, 'unchanged');
    assert.equal(poll.requests, 1);
    assert.ok(poll.bytes < 1024, `an unchanged poll is ${poll.bytes} bytes`);
    const [request] = api.requests;
    assert.equal(request!.query.get('syncToken'), full.cursor);
    for (const forbidden of ['timeMin', 'timeMax', 'orderBy', 'q', 'updatedMin', 'iCalUID']) assert.equal(request!.query.has(forbidden), false, forbidden);
  });

  it('returns moved and cancelled events as a delta that replaces and removes them', async () => {
    const full = await syncCalendar(client, { calendarId: CAL, rules, now: NOW });
    api.putEvent(CAL, event('int-1', 4, 'Phone interview with Acme'));
    api.cancelEvent(CAL, 'meet-1');
    const delta = await syncCalendar(client, { calendarId: CAL, rules, now: NOW, syncToken: full.cursor });
    assert.equal(delta.kind, 'delta');
    if (delta.kind !== 'delta') return;
    assert.equal(delta.upsertInterviews['google:int-1']?.start, NOW + 4 * HOUR);
    assert.deepEqual(delta.removeIds.sort(), ['google:int-1', 'google:meet-1']);
    assert.equal(delta.upsertBusy['google:meet-1'], undefined);
    assert.notEqual(delta.cursor, full.cursor);
  });

  it('treats a delta event moved out of the window like a removal', async () => {
    const full = await syncCalendar(client, { calendarId: CAL, rules, now: NOW });
    api.putEvent(CAL, event('int-1', 24 * 30, 'Phone interview with Acme'));
    const delta = await syncCalendar(client, { calendarId: CAL, rules, now: NOW, syncToken: full.cursor });
    assert.equal(delta.kind, 'delta');
    if (delta.kind === 'delta') {
      assert.deepEqual(delta.removeIds, ['google:int-1']);
      assert.deepEqual(delta.upsertInterviews, {});
    }
  });

  it('on 410 discards the token and returns a full result of the window', async () => {
    const full = await syncCalendar(client, { calendarId: CAL, rules, now: NOW });
    api.expireSyncTokens(CAL);
    api.requests.length = 0;
    const result = await syncCalendar(client, { calendarId: CAL, rules, now: NOW, syncToken: full.cursor });
    assert.equal(result.kind, 'full');
    assert.deepEqual(api.requests.map((r) => r.status), [410, 200]);
    assert.equal(api.requests[1]!.query.has('syncToken'), false);
    if (result.kind === 'full') assert.deepEqual(Object.keys(result.interviews), ['google:int-1']);
  });

  it('on 401 refreshes the token once and retries once', async () => {
    api.revokeAllTokens();
    const result = await syncCalendar(client, { calendarId: CAL, rules, now: NOW });
    assert.equal(result.kind, 'full');
    assert.equal(calls.refresh, 1);
    assert.deepEqual(calls.stale, ['ya29.test-1']);
    assert.deepEqual(api.requests.map((r) => [r.status, r.authorization]), [[401, 'Bearer ya29.test-1'], [200, 'Bearer ya29.test-2']]);
  });

  it('gives up with an auth error when the fresh token is refused too', async () => {
    const refusing: GoogleClient = { ...client, tokens: { get: async () => 'nope', refresh: async () => { calls.refresh += 1; return 'still-nope'; } } };
    await assert.rejects(syncCalendar(refusing, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'auth' && e.status === 401);
    assert.equal(calls.refresh, 1);
    assert.equal(api.requests.length, 2);
  });

  it('gives an auth error when no token can be had without UI', async () => {
    const signedOut: GoogleClient = { ...client, tokens: { get: async () => { throw new Error('User interaction required.'); }, refresh: async () => 'x' } };
    await assert.rejects(syncCalendar(signedOut, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'auth');
    assert.equal(api.requests.length, 0);
  });

  for (const [label, failure, code] of [
    ['403 rateLimitExceeded', { kind: 'status', status: 403, reason: 'rateLimitExceeded', retryAfter: '30' }, 'rate-limited'],
    ['403 userRateLimitExceeded', { kind: 'status', status: 403, reason: 'userRateLimitExceeded', retryAfter: '30' }, 'rate-limited'],
    ['429', { kind: 'status', status: 429, retryAfter: '30' }, 'rate-limited'],
    ['500', { kind: 'status', status: 500, retryAfter: '30' }, 'server'],
    ['403 quotaExceeded', { kind: 'status', status: 403, reason: 'quotaExceeded', retryAfter: '30' }, 'rate-limited'],
    ['503 backendError', { kind: 'status', status: 503, retryAfter: '30' }, 'server'],
    ['403 forbidden', { kind: 'status', status: 403, reason: 'forbidden', retryAfter: '30' }, 'forbidden'],
    ['403 forbiddenForNonOrganizer', { kind: 'status', status: 403, reason: 'forbiddenForNonOrganizer', retryAfter: '30' }, 'forbidden'],
    ['403 notFound', { kind: 'status', status: 403, reason: 'notFound', retryAfter: '30' }, 'forbidden'],
    ['404 notFound', { kind: 'status', status: 404, retryAfter: '30' }, 'not-found'],
    ['400 on a full sync', { kind: 'status', status: 400, retryAfter: '30' }, 'bad-request'],
  ] as const) {
    it(`maps ${label} to a "${code}" error carrying Retry-After`, async () => {
      api.failNext(failure);
      await assert.rejects(syncCalendar(client, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === code && e.retryAfter === NOW + 30_000);
      assert.equal(api.requests.length, 1, 'asked once');
    });
  }

  it('treats any 403 of the usageLimits domain as "slow down", whatever its reason', async () => {
    const body = JSON.stringify({ error: { errors: [{ domain: 'usageLimits', reason: 'somethingNewExceeded', message: 'New limit' }], code: 403, message: 'New limit', status: 'PERMISSION_DENIED' } });
    const limited: FetchLike = async () => new Response(body, { status: 403 });
    await assert.rejects(syncCalendar({ ...client, fetch: limited }, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'rate-limited' && e.reason === 'somethingNewExceeded');
  });

  it('sends a 400 on an incremental request once more as a full resync, and reports a 400 there as "bad-request"', async () => {
    const full = await syncCalendar(client, { calendarId: CAL, rules, now: NOW });
    api.requests.length = 0;
    api.failNext({ kind: 'status', status: 400 });
    const mended = await syncCalendar(client, { calendarId: CAL, rules, now: NOW, syncToken: full.cursor });
    assert.equal(mended.kind, 'full');
    assert.deepEqual(api.requests.map((r) => r.query.has('syncToken')), [true, false]);
    api.requests.length = 0;
    api.failNext({ kind: 'status', status: 400 }, { kind: 'status', status: 400 });
    await assert.rejects(syncCalendar(client, { calendarId: CAL, rules, now: NOW, syncToken: full.cursor }), (e: unknown) => e instanceof SyncError && e.code === 'bad-request' && e.status === 400);
    assert.equal(api.requests.length, 2, 'never a third time in one sync');
  });

  it('refuses a page over the cap as "too large" while it streams, without reading the rest', async () => {
    api.failNext({ kind: 'huge', bytes: 64 * 1024 * 1024 });
    await assert.rejects(syncCalendar(client, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'too-large' && /larger than 6 MB/.test(e.message));
    assert.ok(api.hugeBytesWritten < 16 * 1024 * 1024, `the server wrote ${api.hugeBytesWritten} bytes of 64 MiB before the client hung up`);
    assert.equal(MAX_RESPONSE_BYTES, 6 * 1024 * 1024, 'the cap the setup guide documents');
  });

  it('refuses a page whose declared length is over the cap before reading it', async () => {
    api.failNext({ kind: 'huge', bytes: 64 * 1024 * 1024, declareLength: true });
    await assert.rejects(syncCalendar(client, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'too-large');
    assert.ok(api.hugeBytesWritten < MAX_RESPONSE_BYTES, `${api.hugeBytesWritten} bytes written: less than the cap, so none was read`);
  });

  it('reads a page up to the cap, and refuses one byte more', async () => {
    const page = await syncCalendar(client, { calendarId: CAL, rules, now: NOW });
    const exact = page.bytes;
    api.requests.length = 0;
    const fits = await syncCalendar({ ...client, maxResponseBytes: exact }, { calendarId: CAL, rules, now: NOW });
    assert.equal(fits.kind, 'full');
    await assert.rejects(syncCalendar({ ...client, maxResponseBytes: exact - 1 }, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'too-large');
  });

  it('recognises the user\'s own attendee entry by address (any case) where Google set no self flag', async () => {
    api.putEvent(CAL, event('declined-copy', 4, 'Interview with Initech', {
      attendees: [{ email: 'ME@Example.org', responseStatus: 'declined' }, { email: 'recruiter@acme.example', organizer: true, responseStatus: 'accepted' }],
    }));
    api.putEvent(CAL, event('organised-by-me', 7, 'Interview with Hooli', {
      organizer: { email: 'me@example.org' },
      attendees: [{ email: 'me@example.org', responseStatus: 'accepted' }, { email: 'gavin@hooli.example', responseStatus: 'accepted' }],
    }));
    const own = await syncCalendar(client, { calendarId: CAL, rules, now: NOW, selfEmail: CAL });
    assert.equal(own.kind, 'full');
    if (own.kind !== 'full') return;
    assert.equal(own.interviews['google:declined-copy'], undefined);
    assert.deepEqual(own.declined, ['google:declined-copy']);
    assert.equal(own.busy['google:declined-copy'], undefined);
    assert.equal(own.interviews['google:organised-by-me']?.interviewer.email, 'gavin@hooli.example', 'the user is never their own interviewer');
  });

  it('reads an HTTP-date Retry-After', async () => {
    api.failNext({ kind: 'status', status: 429, retryAfter: new Date(NOW + 120_000).toUTCString() });
    await assert.rejects(syncCalendar(client, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.retryAfter === NOW + 120_000);
  });

  it('maps a dropped connection and a closed port to "offline"', async () => {
    api.failNext({ kind: 'drop' });
    await assert.rejects(syncCalendar(client, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'offline');
    const port = new URL(api.baseUrl).port;
    await api.goOffline();
    try {
      await assert.rejects(syncCalendar(client, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'offline');
    } finally {
      await api.listen(Number(port));
    }
  });

  it('maps a missing calendar to "not-found" and garbage to "malformed"', async () => {
    await assert.rejects(syncCalendar(client, { calendarId: 'gone@example.org', rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'not-found');
    const garbage: FetchLike = async () => new Response('<html>captive portal</html>', { status: 200 });
    await assert.rejects(syncCalendar({ ...client, fetch: garbage }, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'malformed');
    const wrongShape: FetchLike = async () => new Response('{"items": "nope"}', { status: 200 });
    await assert.rejects(syncCalendar({ ...client, fetch: wrongShape }, { calendarId: CAL, rules, now: NOW }), (e: unknown) => e instanceof SyncError && e.code === 'malformed');
  });

  it('ignores items of the wrong shape without losing the good ones', async () => {
    const body = JSON.stringify({ items: [null, 7, { summary: 'no id' }, { id: 'ok', summary: 'Interview', start: { dateTime: iso(NOW + HOUR) }, end: { dateTime: iso(NOW + 2 * HOUR) }, attendees: 'x', organizer: 5 }], nextSyncToken: 't' });
    const odd: FetchLike = async () => new Response(body, { status: 200 });
    const result = await syncCalendar({ ...client, fetch: odd }, { calendarId: CAL, rules, now: NOW });
    assert.equal(result.kind, 'full');
    if (result.kind === 'full') assert.deepEqual(Object.keys(result.interviews), ['google:ok']);
  });
});

describe('the fake API is faithful where the client depends on it', () => {
  let api: FakeGoogleCalendarApi;
  before(async () => {
    api = await new FakeGoogleCalendarApi().listen(0);
    api.addCalendar(CAL, { primary: true });
    api.validTokens.add('t');
    api.putEvent(CAL, event('a', 1, 'A'));
  });
  after(async () => {
    await api.close();
  });
  const get = async (query: string) => {
    const response = await fetch(`${api.baseUrl}/calendars/${encodeURIComponent(CAL)}/events?${query}`, { headers: { Authorization: 'Bearer t' } });
    return { status: response.status, body: (await response.json()) as { error?: { errors: Array<{ reason: string }> }; nextSyncToken?: string; items?: unknown[] } };
  };

  it('refuses a sync token combined with timeMin, orderBy or showDeleted=false', async () => {
    const { body } = await get('singleEvents=true');
    for (const extra of [`timeMin=${encodeURIComponent(iso(NOW))}`, 'orderBy=startTime', 'q=x', 'showDeleted=false']) {
      const refused = await get(`singleEvents=true&syncToken=${body.nextSyncToken}&${extra}`);
      assert.equal(refused.status, 400, extra);
      assert.equal(refused.body.error?.errors[0]?.reason, 'syncTokenWithRequestRestrictions');
    }
  });

  it('shapes every error it gives like Google\'s: error.errors[].domain/reason/message, code, message, status', async () => {
    const cases: Array<[Failure, number, string, string, string]> = [
      [{ kind: 'status', status: 400 }, 400, 'global', 'badRequest', 'INVALID_ARGUMENT'],
      [{ kind: 'status', status: 403, reason: 'quotaExceeded' }, 403, 'usageLimits', 'quotaExceeded', 'PERMISSION_DENIED'],
      [{ kind: 'status', status: 403, reason: 'userRateLimitExceeded' }, 403, 'usageLimits', 'userRateLimitExceeded', 'PERMISSION_DENIED'],
      [{ kind: 'status', status: 403, reason: 'forbidden' }, 403, 'global', 'forbidden', 'PERMISSION_DENIED'],
      [{ kind: 'status', status: 403, reason: 'forbiddenForNonOrganizer' }, 403, 'calendar', 'forbiddenForNonOrganizer', 'PERMISSION_DENIED'],
      [{ kind: 'status', status: 404 }, 404, 'global', 'notFound', 'NOT_FOUND'],
      [{ kind: 'status', status: 429 }, 429, 'usageLimits', 'rateLimitExceeded', 'RESOURCE_EXHAUSTED'],
      [{ kind: 'status', status: 500 }, 500, 'global', 'backendError', 'INTERNAL'],
      [{ kind: 'status', status: 503 }, 503, 'global', 'backendError', 'UNAVAILABLE'],
    ];
    for (const [failure, code, domain, reason, status] of cases) {
      api.failNext(failure);
      const response = await fetch(`${api.baseUrl}/calendars/${encodeURIComponent(CAL)}/events`, { headers: { Authorization: 'Bearer t' } });
      const body = (await response.json()) as { error: { code: number; message: string; status: string; errors: Array<{ domain: string; reason: string; message: string }> } };
      assert.equal(response.status, code);
      assert.deepEqual({ code: body.error.code, status: body.error.status, domain: body.error.errors[0]?.domain, reason: body.error.errors[0]?.reason }, { code, status, domain, reason });
      assert.ok(body.error.message && body.error.errors[0]?.message, reason);
    }
    const gone = await fetch(`${api.baseUrl}/calendars/nobody%40example.org/events`, { headers: { Authorization: 'Bearer t' } });
    assert.deepEqual(await gone.json(), { error: { errors: [{ domain: 'global', reason: 'notFound', message: 'Not Found' }], code: 404, message: 'Not Found', status: 'NOT_FOUND' } });
  });

  it('answers 401 with Google\'s error shape to a bad token', async () => {
    const response = await fetch(`${api.baseUrl}/users/me/calendarList`, { headers: { Authorization: 'Bearer wrong' } });
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /invalid_token/);
    const body = (await response.json()) as { error: { status: string; errors: Array<{ reason: string }> } };
    assert.equal(body.error.status, 'UNAUTHENTICATED');
    assert.equal(body.error.errors[0]?.reason, 'authError');
  });

  it('projects responses through `fields`', async () => {
    const { body } = await get('fields=items(id,start(dateTime))');
    assert.deepEqual(body, { items: [{ id: 'a', start: { dateTime: iso(NOW + HOUR) } }] });
    assert.deepEqual(project({ a: { b: 1, c: 2 }, d: 3 }, parseFields('a/b,d')), { a: { b: 1 }, d: 3 });
    assert.throws(() => parseFields('items(id'));
    assert.equal((await get('fields=items(id')).status, 400);
  });

  it('puts nextSyncToken only on the last page', async () => {
    api.putEvent(CAL, event('b', 2, 'B'));
    const first = await get('maxResults=1');
    assert.equal(first.body.nextSyncToken, undefined);
    assert.ok((first.body as { nextPageToken?: string }).nextPageToken);
  });
});
