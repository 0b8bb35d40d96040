/**
 * Google Calendar API v3 client: the calendar list, and each watched calendar's events as a
 * full sync over the window the product needs or as the changes since its sync token.
 *
 * `fetch` and the token source are injected; this module never touches storage or browser
 * APIs, and it does not retry on its own except for the one token refresh after a 401 and the
 * one full resync after a 410 (Google demands it) or a 400 on an incremental request (the
 * stored token or page token may be what Google refuses). Every other failure becomes a
 * `SyncError` the caller records against that calendar (keeping its last data).
 */
import type { CalendarEvent, DetectionRules, Interview } from '../core/types.ts';
import { detectInterview, type DetectOptions } from '../core/detect-interview.ts';
import type { BusyInterval, FetchLike, SyncResult } from './source-types.ts';
import { SyncError, isSyncError, retryAfterOf } from './source-types.ts';
import type { GoogleCalendarEntry } from './google-json.ts';
import { errorDetails, toCalendarEntry, toCalendarEvent, toEventsPage } from './google-json.ts';
import { isRecord } from '../core/is-record.ts';
import { cleanText } from '../core/text.ts';
import { DAY } from '../core/units.ts';

export type { GoogleCalendarEntry };

/** Read-only: the events, and the list of calendars to choose from. Nothing else. */
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/calendar.events.readonly',
  'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
] as const;

export const GOOGLE_API_BASE = 'https://www.googleapis.com/calendar/v3';

/** Interviews from yesterday onwards (the recent ones still get their thank-you). */
export const WINDOW_BACK = DAY;
/** Interviews and busy time for the coming two weeks. */
export const WINDOW_AHEAD = 14 * DAY;
/** Google allows up to 2500; 1000 keeps a page's JSON to a few hundred KB with `fields`. */
const PAGE_SIZE = 1000;
/** A runaway pager (a server that always answers with a next page) must end. */
const MAX_PAGES = 50;
const REQUEST_TIMEOUT_MS = 20_000;
/**
 * The most one response may weigh: 6 MiB. A page of 1000 events with `fields` is a few hundred
 * KB, and even 2,500 events with every field come to 5.5 MB; anything above is refused as "too
 * large" while it streams in, so a runaway answer never has to fit in memory to be refused.
 */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

/**
 * Only the fields the product reads travel (detection, extraction, busy time, paging).
 * Google's partial-response syntax: `a,b(c,d)`.
 */
export const EVENT_FIELDS = [
  'summary',
  'nextPageToken',
  'nextSyncToken',
  'items(id,status,summary,description,location,colorId,eventType,transparency,hangoutLink,'
    + 'start(date,dateTime,timeZone),end(date,dateTime,timeZone),organizer(email,displayName,self),'
    + 'attendees(email,displayName,self,organizer,resource,responseStatus),'
    + 'conferenceData(entryPoints(entryPointType,uri,label,pin,regionCode)))',
].join(',');

const CALENDAR_FIELDS = 'nextPageToken,items(id,summary,summaryOverride,primary,accessRole,backgroundColor)';

/** Gives OAuth access tokens; never stores them (that is the caller's business, in memory). */
export interface TokenSource {
  /** A token for the API, obtained without showing any UI. Rejects when there is none. */
  get(): Promise<string>;
  /** Forget `stale` (Google refused it) and get a fresh one, again without UI. */
  refresh(stale: string): Promise<string>;
}

export interface GoogleClient {
  fetch: FetchLike;
  tokens: TokenSource;
  /** `https://www.googleapis.com/calendar/v3` in production; the fake's address in tests. */
  apiBase?: string;
  timeoutMs?: number;
  /** Tests lower it; production uses MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
}

/** A calendar's sync result, with what the merge needs to let one copy rule an event out. */
export type GoogleSyncResult = (
  | (Extract<SyncResult<string>, { kind: 'full' }> & { declined: string[]; seen: string[] })
  | (Extract<SyncResult<string>, { kind: 'delta' }> & { declined: string[]; cancelled: string[] })
  | Extract<SyncResult<string>, { kind: 'unchanged' }>
) & { calendarName?: string };

export interface CalendarSyncRequest {
  calendarId: string;
  /** The calendar's stored sync token; absent for a full sync. */
  syncToken?: string;
  rules: DetectionRules;
  selfEmail?: string;
  /** The user's other addresses (profile email, signed-in account) and phone numbers:
   * never the interviewer's. */
  selfEmails?: string[];
  selfPhones?: string[];
  now: number;
}

/** One sync's connection state: the token, and whether the one refresh has been spent. */
interface Session {
  client: GoogleClient;
  token?: string;
  refreshed: boolean;
  requests: number;
  bytes: number;
  now: number;
}

/** 410, or a 400 on an incremental request: start again with a full sync, once. */
class FullSyncRequired extends Error {}

/** Google's `usageLimits` reasons, and the ones its guide lists under 403/429: all mean "slow down". */
const SLOW_DOWN_REASONS = ['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'dailyLimitExceeded'];

/**
 * Reads a body, refusing it as soon as it passes `limit` bytes (the declared Content-Length is
 * checked first, so an honest server's oversized answer is not even started).
 */
async function readBounded(response: Response, limit: number): Promise<{ text: string; bytes: number }> {
  const tooLarge = () => new SyncError('too-large', `Google Calendar sent a page of events larger than ${Math.round(limit / 1024 / 1024)} MB; it was not read.`, { status: response.status });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return { text: '', bytes: 0 };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return { text: parts.join(''), bytes };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function token(session: Session): Promise<string> {
  if (session.token !== undefined) return session.token;
  try {
    session.token = await session.client.tokens.get();
  } catch (error) {
    throw new SyncError('auth', `No Google sign-in: ${error instanceof Error ? error.message : String(error)}`);
  }
  return session.token;
}

/**
 * GET `path?params` with the bearer token, mapping every failure to a SyncError as Google's
 * errors guide asks: 401 → one new token; 410 → full sync; 400 → permanent (the caller may try
 * one full sync first); 429, 5xx and every 403 of the `usageLimits` domain → slow down; any
 * other 403 and 404 → this calendar cannot be read.
 */
async function getJson(session: Session, path: string, params: URLSearchParams): Promise<unknown> {
  const base = (session.client.apiBase ?? GOOGLE_API_BASE).replace(/\/+$/, '');
  const url = `${base}${path}?${params.toString()}`;
  for (;;) {
    const bearer = await token(session);
    let response: Response;
    let text: string;
    try {
      session.requests += 1;
      response = await session.client.fetch(url, {
        method: 'GET',
        headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(session.client.timeoutMs ?? REQUEST_TIMEOUT_MS),
      });
      const body = await readBounded(response, session.client.maxResponseBytes ?? MAX_RESPONSE_BYTES);
      session.bytes += body.bytes;
      text = body.text;
    } catch (error) {
      if (isSyncError(error)) throw error;
      // fetch rejects only when no HTTP answer arrived: no network, DNS, a dropped
      // connection, or our timeout.
      throw new SyncError('offline', `Could not reach Google Calendar: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.ok) {
      const json = parseJson(text);
      if (json === undefined) throw new SyncError('malformed', 'Google Calendar answered with something that is not JSON.', { status: response.status });
      return json;
    }
    const status = response.status;
    const details = errorDetails(parseJson(text));
    const reason = details.find((d) => d.reason !== '')?.reason;
    const retryAfter = retryAfterOf(response, session.now);
    const options = { status, ...(retryAfter === undefined ? {} : { retryAfter }), ...(reason === undefined ? {} : { reason }) };
    if (status === 401) {
      // The token expired or was revoked: drop it and get a new one, once per sync.
      if (session.refreshed) throw new SyncError('auth', 'Google refused the sign-in twice.', options);
      session.refreshed = true;
      try {
        session.token = await session.client.tokens.refresh(bearer);
      } catch (error) {
        throw new SyncError('auth', `Google sign-in expired: ${error instanceof Error ? error.message : String(error)}`, options);
      }
      continue;
    }
    const what = details.map((d) => d.reason).filter((r) => r !== '').join(', ');
    if (status === 410) throw new FullSyncRequired('Sync token is no longer valid.');
    if (status === 400) throw new SyncError('bad-request', `Google Calendar refused the request (${what || 'bad request'}).`, options);
    const slowDown = details.some((d) => d.domain === 'usageLimits' || SLOW_DOWN_REASONS.includes(d.reason));
    if (status === 429 || (status === 403 && slowDown)) {
      throw new SyncError('rate-limited', `Google Calendar asked us to slow down (${what || status}).`, options);
    }
    if (status === 403) throw new SyncError('forbidden', `Google Calendar refused access (${what || 'forbidden'}).`, options);
    if (status === 404) throw new SyncError('not-found', 'That calendar is gone or no longer shared with you.', options);
    if (status >= 500) throw new SyncError('server', `Google Calendar had a problem (HTTP ${status}).`, options);
    throw new SyncError('http', `Google Calendar answered HTTP ${status}${what ? ` (${what})` : ''}.`, options);
  }
}

/** The calendars on the user's list, primary first. */
export async function listCalendars(client: GoogleClient, now: number): Promise<{ calendars: GoogleCalendarEntry[]; requests: number; bytes: number }> {
  const session: Session = { client, refreshed: false, requests: 0, bytes: 0, now };
  const calendars: GoogleCalendarEntry[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params = new URLSearchParams({ maxResults: '250', fields: CALENDAR_FIELDS });
    if (pageToken) params.set('pageToken', pageToken);
    const json = await getJson(session, '/users/me/calendarList', params);
    const parsed = toEventsPage(json);
    if (!parsed) throw new SyncError('malformed', 'Unexpected calendar list from Google.');
    for (const item of parsed.items) {
      const entry = toCalendarEntry(item);
      if (entry) calendars.push(entry);
    }
    pageToken = parsed.nextPageToken;
    if (!pageToken) break;
  }
  calendars.sort((a, b) => Number(b.primary) - Number(a.primary) || a.summary.localeCompare(b.summary));
  return { calendars, requests: session.requests, bytes: session.bytes };
}

/** Reads every page of one events.list query; the sync token comes with the last page only. */
async function readAllPages(session: Session, calendarId: string, base: URLSearchParams): Promise<{ items: unknown[]; nextSyncToken: string; summary?: string }> {
  const items: unknown[] = [];
  let summary: string | undefined;
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params = new URLSearchParams(base);
    if (pageToken) params.set('pageToken', pageToken);
    const json = await getJson(session, `/calendars/${encodeURIComponent(calendarId)}/events`, params);
    const parsed = toEventsPage(json);
    if (!parsed) throw new SyncError('malformed', 'Unexpected event list from Google.');
    // The calendar's own title: the name to show if this calendar is ever in trouble.
    if (summary === undefined && isRecord(json) && typeof json.summary === 'string') summary = cleanText(json.summary, 100) || undefined;
    items.push(...parsed.items);
    if (parsed.nextPageToken) {
      pageToken = parsed.nextPageToken;
      continue;
    }
    if (!parsed.nextSyncToken) throw new SyncError('malformed', 'Google gave no sync token on the last page.');
    return summary === undefined ? { items, nextSyncToken: parsed.nextSyncToken } : { items, nextSyncToken: parsed.nextSyncToken, summary };
  }
  throw new SyncError('malformed', `More than ${MAX_PAGES} pages of events.`);
}

type Event = CalendarEvent & { transparency?: string };

function instant(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Timed, not cancelled, not declined, not marked "free": start/end only. */
function busyOf(event: Event, now: number): BusyInterval | undefined {
  if (event.status === 'cancelled' || event.transparency === 'transparent') return undefined;
  // All-day events are mostly reminders and holidays, and their instants depend on a zone.
  const start = instant(event.start?.dateTime);
  const end = instant(event.end?.dateTime);
  if (start === undefined || end === undefined || end <= start) return undefined;
  if (event.attendees?.some((a) => a.self === true && a.responseStatus === 'declined')) return undefined;
  if (end <= now || start >= now + WINDOW_AHEAD) return undefined;
  return { start, end };
}

/** Whether an event overlaps the full-sync window: deltas outside it are dropped like removals. */
function inWindow(event: Event, now: number): boolean {
  const start = instant(event.start?.dateTime) ?? instant(event.start?.date);
  const end = instant(event.end?.dateTime) ?? instant(event.end?.date) ?? start;
  if (start === undefined || end === undefined) return false;
  return end > now - WINDOW_BACK && start < now + WINDOW_AHEAD;
}

const keyOf = (eventId: string) => `google:${eventId}`;

/**
 * Google sets `self` only on the copy of the calendar it was read from: on a colleague's or a
 * shared calendar's copy of the same invitation, the user's own entry carries no flag. The
 * user's entry is recognised by address too, so a decline is seen on every copy.
 */
function markSelf(event: Event, selfEmail: string | undefined): Event {
  const me = selfEmail?.trim().toLowerCase();
  if (!me) return event;
  const isMe = (email: string | undefined) => email !== undefined && email.trim().toLowerCase() === me;
  const marked: Event = { ...event };
  if (event.attendees) marked.attendees = event.attendees.map((a) => (a.self !== true && isMe(a.email) ? { ...a, self: true } : a));
  if (event.organizer && event.organizer.self !== true && isMe(event.organizer.email)) marked.organizer = { ...event.organizer, self: true };
  return marked;
}

interface Classified {
  interviews: Record<string, Interview>;
  busy: Record<string, BusyInterval>;
  /** Every key the items touched (for a delta: removed first, then upserted). */
  touched: string[];
  /** Keys of events the user declined on this copy. */
  declined: string[];
  /** Keys of events cancelled (a delta's deletions). */
  cancelled: string[];
}

function classify(items: unknown[], request: CalendarSyncRequest): Classified {
  const result: Classified = { interviews: {}, busy: {}, touched: [], declined: [], cancelled: [] };
  const options: DetectOptions = { source: 'google', calendarId: request.calendarId };
  if (request.selfEmail !== undefined) options.selfEmail = request.selfEmail;
  if (request.selfEmails !== undefined) options.selfEmails = request.selfEmails;
  if (request.selfPhones !== undefined) options.selfPhones = request.selfPhones;
  for (const item of items) {
    const raw = toCalendarEvent(item);
    if (!raw) continue;
    const event = markSelf(raw, request.selfEmail);
    const key = keyOf(event.id);
    result.touched.push(key);
    if (event.status === 'cancelled') {
      result.cancelled.push(key);
      continue;
    }
    if (event.attendees?.some((a) => a.self === true && a.responseStatus === 'declined')) result.declined.push(key);
    if (!inWindow(event, request.now)) continue;
    const detection = detectInterview(event, request.rules, options);
    if (detection.isInterview) result.interviews[detection.interview.id] = detection.interview;
    const interval = busyOf(event, request.now);
    if (interval) result.busy[key] = interval;
  }
  return result;
}

/**
 * Brings one calendar up to date: incremental with `syncToken` when there is one (never with
 * timeMin/timeMax/orderBy/q/updatedMin/iCalUID, which Google refuses alongside it), else a
 * full sync of the window. A 410 on the token, or a 400 on the incremental request, discards
 * the token and returns a full result, which the caller applies as a replacement, so nothing is
 * duplicated. A 400 on the full sync itself is permanent: the same request would fail again.
 */
export async function syncCalendar(client: GoogleClient, request: CalendarSyncRequest): Promise<GoogleSyncResult> {
  const session: Session = { client, refreshed: false, requests: 0, bytes: 0, now: request.now };
  const common = { singleEvents: 'true', maxResults: String(PAGE_SIZE), fields: EVENT_FIELDS };
  const counters = () => ({ requests: session.requests, bytes: session.bytes });

  if (request.syncToken !== undefined) {
    try {
      const { items, nextSyncToken, summary } = await readAllPages(session, request.calendarId, new URLSearchParams({ ...common, syncToken: request.syncToken }));
      const named = summary === undefined ? {} : { calendarName: summary };
      if (items.length === 0) return { kind: 'unchanged', cursor: nextSyncToken, ...named, ...counters() };
      const { interviews, busy, touched, declined, cancelled } = classify(items, request);
      return { kind: 'delta', upsertInterviews: interviews, removeIds: touched, upsertBusy: busy, declined, cancelled, cursor: nextSyncToken, ...named, ...counters() };
    } catch (error) {
      const resync = error instanceof FullSyncRequired || (isSyncError(error) && error.code === 'bad-request');
      if (!resync) throw error;
      // Fall through to a full sync in the same session (same token, same counters).
    }
  }

  const { items, nextSyncToken, summary } = await readAllPages(session, request.calendarId, new URLSearchParams({
    ...common,
    timeMin: new Date(request.now - WINDOW_BACK).toISOString(),
    timeMax: new Date(request.now + WINDOW_AHEAD).toISOString(),
  })).catch((error: unknown) => {
    // A 410 on a request without a sync token would be a server bug; do not loop on it.
    if (error instanceof FullSyncRequired) throw new SyncError('http', 'Google asked for a full sync during a full sync.', { status: 410 });
    throw error;
  });
  const { interviews, busy, touched, declined } = classify(items, request);
  return { kind: 'full', interviews, busy, declined, seen: touched, cursor: nextSyncToken, ...(summary === undefined ? {} : { calendarName: summary }), ...counters() };
}
