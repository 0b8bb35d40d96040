/**
 * Google Calendar API v3 client: the calendar list, and each watched calendar's events as a
 * full sync over the window the product needs or as the changes since its sync token.
 *
 * `fetch` and the token source are injected; this module never touches storage or browser
 * APIs, and it does not retry on its own except for the one token refresh after a 401 and the
 * full resync Google demands with 410. Every other failure becomes a `SyncError` the caller
 * records (keeping its last data) and backs off from.
 */
import type { CalendarEvent, DetectionRules, Interview } from '../core/types.ts';
import { detectInterview, type DetectOptions } from '../core/detect-interview.ts';
import type { BusyInterval, FetchLike, SyncResult } from './source-types.ts';
import { SyncError, retryAfterOf } from './source-types.ts';
import type { GoogleCalendarEntry } from './google-json.ts';
import { errorReasons, toCalendarEntry, toCalendarEvent, toEventsPage } from './google-json.ts';

export type { GoogleCalendarEntry };

/** Read-only: the events, and the list of calendars to choose from. Nothing else. */
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/calendar.events.readonly',
  'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
] as const;

export const GOOGLE_API_BASE = 'https://www.googleapis.com/calendar/v3';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
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
 * Only the fields the product reads travel (detection, extraction, busy time, paging).
 * Google's partial-response syntax: `a,b(c,d)`.
 */
export const EVENT_FIELDS = [
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
}

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

class FullSyncRequired extends Error {}

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

/** GET `path?params` with the bearer token, mapping every failure to a SyncError. */
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
      const body = await response.arrayBuffer();
      session.bytes += body.byteLength;
      text = new TextDecoder().decode(body);
    } catch (error) {
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
    const retryAfter = retryAfterOf(response, session.now);
    const options = retryAfter === undefined ? { status } : { status, retryAfter };
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
    const reasons = errorReasons(parseJson(text));
    if (status === 410) throw new FullSyncRequired('Sync token is no longer valid.');
    if (status === 429 || (status === 403 && reasons.some((r) => r === 'rateLimitExceeded' || r === 'userRateLimitExceeded'))) {
      throw new SyncError('rate-limited', 'Google Calendar asked us to slow down.', options);
    }
    if (status === 403) throw new SyncError('forbidden', `Google Calendar refused access (${reasons.join(', ') || 'forbidden'}).`, options);
    if (status === 404) throw new SyncError('not-found', 'That calendar is gone or no longer shared with you.', options);
    if (status >= 500) throw new SyncError('server', `Google Calendar had a problem (HTTP ${status}).`, options);
    throw new SyncError('http', `Google Calendar answered HTTP ${status}${reasons.length ? ` (${reasons.join(', ')})` : ''}.`, options);
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
async function readAllPages(session: Session, calendarId: string, base: URLSearchParams): Promise<{ items: unknown[]; nextSyncToken: string }> {
  const items: unknown[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params = new URLSearchParams(base);
    if (pageToken) params.set('pageToken', pageToken);
    const json = await getJson(session, `/calendars/${encodeURIComponent(calendarId)}/events`, params);
    const parsed = toEventsPage(json);
    if (!parsed) throw new SyncError('malformed', 'Unexpected event list from Google.');
    items.push(...parsed.items);
    if (parsed.nextPageToken) {
      pageToken = parsed.nextPageToken;
      continue;
    }
    if (!parsed.nextSyncToken) throw new SyncError('malformed', 'Google gave no sync token on the last page.');
    return { items, nextSyncToken: parsed.nextSyncToken };
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

interface Classified {
  interviews: Record<string, Interview>;
  busy: Record<string, BusyInterval>;
  /** Every key the items touched (for a delta: removed first, then upserted). */
  touched: string[];
}

function classify(items: unknown[], request: CalendarSyncRequest): Classified {
  const interviews: Record<string, Interview> = {};
  const busy: Record<string, BusyInterval> = {};
  const touched: string[] = [];
  const options: DetectOptions = { source: 'google', calendarId: request.calendarId };
  if (request.selfEmail !== undefined) options.selfEmail = request.selfEmail;
  if (request.selfEmails !== undefined) options.selfEmails = request.selfEmails;
  if (request.selfPhones !== undefined) options.selfPhones = request.selfPhones;
  for (const item of items) {
    const event = toCalendarEvent(item);
    if (!event) continue;
    const key = keyOf(event.id);
    touched.push(key);
    if (event.status === 'cancelled' || !inWindow(event, request.now)) continue;
    const detection = detectInterview(event, request.rules, options);
    if (detection.isInterview) interviews[detection.interview.id] = detection.interview;
    const interval = busyOf(event, request.now);
    if (interval) busy[key] = interval;
  }
  return { interviews, busy, touched };
}

/**
 * Brings one calendar up to date: incremental with `syncToken` when there is one (never with
 * timeMin/timeMax/orderBy/q/updatedMin/iCalUID, which Google refuses alongside it), else a
 * full sync of the window. A 410 on the token discards it and returns a full result, which
 * the caller applies as a replacement, so nothing is duplicated.
 */
export async function syncCalendar(client: GoogleClient, request: CalendarSyncRequest): Promise<SyncResult<string>> {
  const session: Session = { client, refreshed: false, requests: 0, bytes: 0, now: request.now };
  const common = { singleEvents: 'true', maxResults: String(PAGE_SIZE), fields: EVENT_FIELDS };

  if (request.syncToken !== undefined) {
    try {
      const { items, nextSyncToken } = await readAllPages(session, request.calendarId, new URLSearchParams({ ...common, syncToken: request.syncToken }));
      if (items.length === 0) return { kind: 'unchanged', cursor: nextSyncToken, requests: session.requests, bytes: session.bytes };
      const { interviews, busy, touched } = classify(items, request);
      return { kind: 'delta', upsertInterviews: interviews, removeIds: touched, upsertBusy: busy, cursor: nextSyncToken, requests: session.requests, bytes: session.bytes };
    } catch (error) {
      if (!(error instanceof FullSyncRequired)) throw error;
      // Fall through to a full sync in the same session (same token, same counters).
    }
  }

  const { items, nextSyncToken } = await readAllPages(session, request.calendarId, new URLSearchParams({
    ...common,
    timeMin: new Date(request.now - WINDOW_BACK).toISOString(),
    timeMax: new Date(request.now + WINDOW_AHEAD).toISOString(),
  })).catch((error: unknown) => {
    // A 410 on a request without a sync token would be a server bug; do not loop on it.
    if (error instanceof FullSyncRequired) throw new SyncError('http', 'Google asked for a full sync during a full sync.', { status: 410 });
    throw error;
  });
  const { interviews, busy } = classify(items, request);
  return { kind: 'full', interviews, busy, cursor: nextSyncToken, requests: session.requests, bytes: session.bytes };
}
