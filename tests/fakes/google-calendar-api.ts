/**
 * A fake Google Calendar API v3 on 127.0.0.1 (node:http) that follows the real protocol
 * closely enough that the extension's client cannot tell:
 *
 * - GET /calendar/v3/users/me/calendarList and /calendar/v3/calendars/{id}/events
 * - paging: maxResults (default 250, at most 2500) and an opaque nextPageToken; nextSyncToken
 *   on the last page only
 * - incremental sync: everything changed since a token, cancelled events as
 *   {kind, etag, id, status: 'cancelled'}; an unchanged poll gives an empty page
 * - 410 fullSyncRequired for an expired/invalidated token; 400 when syncToken comes with a
 *   parameter Google forbids beside it (timeMin, timeMax, orderBy, q, updatedMin, iCalUID,
 *   extended properties) or with showDeleted=false
 * - `fields` (partial response: `a,b(c,d),e/f`, `*`) honoured on every response
 * - Bearer tokens checked: 401 with Google's error body and WWW-Authenticate
 * - on demand, for the next request or for one calendar from now on: every error of Google's
 *   errors guide (400 badRequest, 403 in the usageLimits domain — rateLimitExceeded,
 *   userRateLimitExceeded, quotaExceeded — and 403 forbidden/forbiddenForNonOrganizer, 404
 *   notFound, 429, 500/503 backendError), each with Retry-After when asked; dropped connections;
 *   a slow answer; an endless body streamed in chunks (with or without Content-Length);
 *   "offline" (the port refuses connections)
 *
 * Every request is recorded for assertions. Every error body has Google's shape:
 * `{ error: { errors: [{ domain, reason, message }], code, message, status } }`.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type FakeEvent = { id: string } & { [key: string]: Json };

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  status: number;
  /** Response body bytes. */
  bytes: number;
  /** Dropped without an answer. */
  dropped?: boolean;
}

export type Failure =
  /** An error answer; `reason` picks the body (each status has Google's usual one by default). */
  | { kind: 'status'; status: 400 | 403 | 404 | 429 | 500 | 503; retryAfter?: string; reason?: string }
  | { kind: 'drop' }
  /** A slow answer: served normally after `ms`. */
  | { kind: 'delay'; ms: number }
  /** A 200 whose body streams `bytes` bytes in 64 KB chunks; `declareLength` sends Content-Length. */
  | { kind: 'huge'; bytes: number; declareLength?: boolean };

/**
 * The error bodies of Google's Calendar errors guide, by reason: domain, message. Any other
 * reason is in the `global` domain.
 */
const ERROR_CATALOGUE: Record<string, { domain: string; message: string }> = {
  badRequest: { domain: 'global', message: 'Bad Request' },
  timeRangeEmpty: { domain: 'calendar', message: 'The specified time range is empty.' },
  rateLimitExceeded: { domain: 'usageLimits', message: 'Rate Limit Exceeded' },
  userRateLimitExceeded: { domain: 'usageLimits', message: 'User Rate Limit Exceeded' },
  quotaExceeded: { domain: 'usageLimits', message: 'Calendar usage limits exceeded.' },
  forbidden: { domain: 'global', message: 'Forbidden' },
  forbiddenForNonOrganizer: { domain: 'calendar', message: 'Shared properties can only be changed by the organizer of the event.' },
  notFound: { domain: 'global', message: 'Not Found' },
  backendError: { domain: 'global', message: 'Backend Error' },
  internalError: { domain: 'global', message: 'Internal Error' },
};

const DEFAULT_REASON: Record<number, string> = { 400: 'badRequest', 403: 'rateLimitExceeded', 404: 'notFound', 429: 'rateLimitExceeded', 500: 'backendError', 503: 'backendError' };

/** google.rpc status names, as Google's JSON error bodies carry them. */
const RPC_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED',
  410: 'FAILED_PRECONDITION', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE',
};

/** The body Google sends for `status` with `reason`. */
export function googleErrorBody(status: number, reason = DEFAULT_REASON[status] ?? 'badRequest'): Json {
  const { domain, message } = ERROR_CATALOGUE[reason] ?? { domain: 'global', message: reason };
  return googleError(status, message, [{ domain, reason, message }]);
}

interface StoredEvent {
  event: FakeEvent;
  seq: number;
  cancelled: boolean;
}

interface Calendar {
  entry: { [key: string]: Json };
  events: Map<string, StoredEvent>;
  /** Tokens issued before this epoch get 410. */
  epoch: number;
}

/** Parameters Google refuses alongside syncToken ("Sync token cannot be used with other request restrictions"). */
const FORBIDDEN_WITH_SYNC_TOKEN = ['iCalUID', 'orderBy', 'privateExtendedProperty', 'q', 'sharedExtendedProperty', 'timeMin', 'timeMax', 'updatedMin'];

function googleError(code: number, message: string, errors: Array<Record<string, string>>, status = RPC_STATUS[code]): Json {
  const error: { [key: string]: Json } = { errors, code, message };
  if (status) error.status = status;
  return { error };
}

// -------------------------------------------------------------------------------------------
// Partial response (`fields`)

type FieldTree = Map<string, FieldTree | true>;

/** Parses Google's `fields` syntax; throws on unbalanced parentheses or empty names. */
export function parseFields(spec: string): FieldTree {
  let at = 0;
  const parseList = (depth: number): FieldTree => {
    const tree: FieldTree = new Map();
    for (;;) {
      let name = '';
      while (at < spec.length && !',()'.includes(spec[at]!)) name += spec[at++];
      name = name.trim();
      if (name === '') throw new Error('empty field name');
      const path = name.split('/');
      let sub: FieldTree | true = true;
      if (spec[at] === '(') {
        at += 1;
        sub = parseList(depth + 1);
        if (spec[at] !== ')') throw new Error('unbalanced parentheses');
        at += 1;
      }
      // a/b/c(d) is a(b(c(d)))
      for (let i = path.length - 1; i >= 1; i -= 1) sub = new Map([[path[i]!, sub]]);
      const existing = tree.get(path[0]!);
      tree.set(path[0]!, existing instanceof Map && sub instanceof Map ? new Map([...existing, ...sub]) : existing === true ? true : sub);
      if (spec[at] === ',') {
        at += 1;
        continue;
      }
      if (spec[at] === ')' && depth > 0) return tree;
      if (at >= spec.length && depth === 0) return tree;
      throw new Error('unbalanced parentheses');
    }
  };
  return parseList(0);
}

export function project(value: Json, tree: FieldTree): Json | undefined {
  if (Array.isArray(value)) return value.map((item) => project(item, tree)).filter((item): item is Json => item !== undefined);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, sub] of tree) {
    const keys = key === '*' ? Object.keys(value) : [key];
    for (const k of keys) {
      const child = value[k];
      if (child === undefined) continue;
      const projected = sub === true ? child : project(child, sub);
      // Google leaves out what the selection made empty (e.g. `items` with no items).
      if (projected === undefined || (Array.isArray(projected) && projected.length === 0)) continue;
      out[k] = projected;
    }
  }
  return out;
}

// -------------------------------------------------------------------------------------------

const encode = (value: Json) => Buffer.from(JSON.stringify(value)).toString('base64url');
function decode(token: string): { [key: string]: Json } | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Json;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function instantOf(time: Json | undefined): number | undefined {
  if (time === null || typeof time !== 'object' || Array.isArray(time)) return undefined;
  const value = typeof time.dateTime === 'string' ? time.dateTime : typeof time.date === 'string' ? time.date : undefined;
  const ms = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

export class FakeGoogleCalendarApi {
  readonly requests: RecordedRequest[] = [];
  /** Access tokens the API accepts (the fake OAuth server adds to it). */
  readonly validTokens = new Set<string>();
  private readonly calendars = new Map<string, Calendar>();
  private readonly failures: Failure[] = [];
  /** calendarId → failures its next event requests get, in order. */
  private readonly calendarFailures = new Map<string, Failure[]>();
  /** calendarId → the failure every event request gets until `healCalendar`. */
  private readonly brokenCalendars = new Map<string, Failure>();
  /** Bytes of the last `huge` body actually written before the client hung up or it ended. */
  hugeBytesWritten = 0;
  /** The most requests ever in flight at once (reset it to measure a stretch). */
  maxInFlight = 0;
  private inFlight = 0;
  private seq = 0;
  private server: Server | undefined;
  private port = 0;

  /** `http://127.0.0.1:PORT/calendar/v3` */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/calendar/v3`;
  }

  /** Starts listening; port 0 picks a free one. Also used to come back from `goOffline()`. */
  async listen(port = this.port): Promise<this> {
    const listening = await listenOnLoopback((req, res) => this.handle(req, res), port);
    this.server = listening.server;
    this.port = listening.port;
    return this;
  }

  /** Closes the port (connections are refused: the client sees a network error). */
  async goOffline(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await closeServer(server);
  }

  async close(): Promise<void> {
    await this.goOffline();
  }

  addCalendar(id: string, entry: { [key: string]: Json } = {}): void {
    this.calendars.set(id, {
      entry: { kind: 'calendar#calendarListEntry', etag: `"${id}"`, id, summary: id, accessRole: 'owner', backgroundColor: '#9fe1e7', timeZone: 'Europe/Rome', ...entry },
      events: new Map(),
      epoch: 0,
    });
  }

  /** Inserts or updates an event (as Google would: a new etag and `updated`). */
  putEvent(calendarId: string, event: FakeEvent): void {
    const calendar = this.calendar(calendarId);
    this.seq += 1;
    const stored: FakeEvent = {
      kind: 'calendar#event',
      etag: `"${this.seq}"`,
      status: 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${event.id}`,
      created: '2026-11-01T10:00:00.000Z',
      updated: new Date().toISOString(),
      eventType: 'default',
      ...event,
    };
    calendar.events.set(event.id, { event: stored, seq: this.seq, cancelled: stored.status === 'cancelled' });
  }

  /** Bulk insert without per-event bookkeeping cost (the benchmark's 2,500 events). */
  putEvents(calendarId: string, events: FakeEvent[]): void {
    for (const event of events) this.putEvent(calendarId, event);
  }

  cancelEvent(calendarId: string, eventId: string): void {
    const stored = this.calendar(calendarId).events.get(eventId);
    if (!stored) throw new Error(`no event ${eventId}`);
    this.seq += 1;
    this.calendar(calendarId).events.set(eventId, { event: { ...stored.event, status: 'cancelled' }, seq: this.seq, cancelled: true });
  }

  getEvent(calendarId: string, eventId: string): FakeEvent | undefined {
    return this.calendar(calendarId).events.get(eventId)?.event;
  }

  /** Every sync token issued so far for this calendar now gets 410 (Google does this at will). */
  expireSyncTokens(calendarId: string): void {
    this.calendar(calendarId).epoch += 1;
  }

  /** The next request(s) fail this way, in order. */
  failNext(...failures: Failure[]): void {
    this.failures.push(...failures);
  }

  /** The next event request(s) for this calendar fail this way, in order (others are served). */
  failNextFor(calendarId: string, ...failures: Failure[]): void {
    this.calendarFailures.set(calendarId, [...(this.calendarFailures.get(calendarId) ?? []), ...failures]);
  }

  /** Every event request for this calendar fails this way until `healCalendar` (e.g. 404: unshared). */
  breakCalendar(calendarId: string, failure: Failure): void {
    this.brokenCalendars.set(calendarId, failure);
  }

  healCalendar(calendarId: string): void {
    this.brokenCalendars.delete(calendarId);
  }

  /** Makes every issued access token invalid, as an expiry or a revocation does. */
  revokeAllTokens(): void {
    this.validTokens.clear();
  }

  /** Requests to the events endpoint (not the calendar list). */
  eventRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes('/events'));
  }

  private calendar(id: string): Calendar {
    const calendar = this.calendars.get(id);
    if (!calendar) throw new Error(`no calendar ${id}`);
    return calendar;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, status: 0, bytes: 0 };
    if (req.headers.authorization !== undefined) record.authorization = req.headers.authorization;
    this.requests.push(record);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.once('close', () => { this.inFlight -= 1; });
    const eventsOf = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/.exec(url.pathname)?.[1];
    const calendarId = eventsOf === undefined ? undefined : decodeURIComponent(eventsOf);
    const failure = this.failures.shift()
      ?? (calendarId === undefined ? undefined : this.calendarFailures.get(calendarId)?.shift() ?? this.brokenCalendars.get(calendarId));
    if (failure?.kind === 'delay') {
      setTimeout(() => this.serve(req, res, url, record, undefined), failure.ms);
      return;
    }
    this.serve(req, res, url, record, failure);
  }

  private serve(req: IncomingMessage, res: ServerResponse, url: URL, record: RecordedRequest, failure: Failure | undefined): void {
    const send = (status: number, body: Json, headers: Record<string, string> = {}) => {
      let payload = body;
      const fields = url.searchParams.get('fields');
      if (status < 400 && fields) payload = project(body, parseFields(fields)) ?? {};
      const text = JSON.stringify(payload, null, status < 400 ? undefined : 1);
      record.status = status;
      record.bytes = Buffer.byteLength(text);
      res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', Vary: 'Origin, X-Origin, Referer', ...headers });
      res.end(text);
    };
    if (failure?.kind === 'drop') {
      record.dropped = true;
      req.socket.destroy();
      return;
    }

    // Authentication comes first, as at Google.
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer === undefined || !this.validTokens.has(bearer)) {
      send(401, googleError(401, 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.', [
        { message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' },
      ], 'UNAUTHENTICATED'), { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' });
      return;
    }

    if (failure?.kind === 'status') {
      const headers: Record<string, string> = failure.retryAfter === undefined ? {} : { 'Retry-After': failure.retryAfter };
      send(failure.status, googleErrorBody(failure.status, failure.reason), headers);
      return;
    }
    if (failure?.kind === 'huge') {
      this.streamHuge(res, record, failure.bytes, failure.declareLength === true);
      return;
    }

    if (req.method !== 'GET') {
      send(405, googleError(405, 'Method not allowed', [{ domain: 'global', reason: 'httpMethodNotAllowed', message: 'Method not allowed' }]));
      return;
    }
    const fields = url.searchParams.get('fields');
    if (fields !== null) {
      try {
        parseFields(fields);
      } catch {
        send(400, googleError(400, 'Invalid field selection', [{ domain: 'global', reason: 'invalidParameter', message: 'Invalid field selection', locationType: 'parameter', location: 'fields' }]));
        return;
      }
    }

    const listMatch = /^\/calendar\/v3\/users\/me\/calendarList$/.exec(url.pathname);
    const eventsMatch = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/.exec(url.pathname);
    if (listMatch) {
      this.calendarList(url.searchParams, send);
    } else if (eventsMatch) {
      const id = decodeURIComponent(eventsMatch[1]!);
      const calendar = this.calendars.get(id === 'primary' ? this.primaryId() ?? '' : id);
      if (!calendar) send(404, googleError(404, 'Not Found', [{ domain: 'global', reason: 'notFound', message: 'Not Found' }]));
      else this.eventsList(calendar, url.searchParams, send);
    } else {
      send(404, googleError(404, 'Not Found', [{ domain: 'global', reason: 'notFound', message: 'Not Found' }]));
    }
  }

  /** A valid-looking events page that never ends before `bytes`: what a runaway answer looks like. */
  private streamHuge(res: ServerResponse, record: RecordedRequest, bytes: number, declareLength: boolean): void {
    const head = '{"kind":"calendar#events","items":[';
    const item = JSON.stringify({ id: 'x', summary: 'y'.repeat(1000) });
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8' };
    if (declareLength) headers['Content-Length'] = String(bytes);
    record.status = 200;
    res.writeHead(200, headers);
    this.hugeBytesWritten = 0;
    const chunkOf = (size: number) => {
      const out = this.hugeBytesWritten === 0 ? head : '';
      let text = out;
      while (text.length < size) text += `${item},`;
      return text.slice(0, size);
    };
    const pump = () => {
      while (this.hugeBytesWritten < bytes) {
        if (res.destroyed) return;
        const chunk = chunkOf(Math.min(64 * 1024, bytes - this.hugeBytesWritten));
        this.hugeBytesWritten += chunk.length;
        record.bytes = this.hugeBytesWritten;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.once('close', () => { if (!res.writableEnded) res.destroy(); });
    pump();
  }

  private primaryId(): string | undefined {
    for (const [id, c] of this.calendars) if (c.entry.primary === true) return id;
    return undefined;
  }

  private maxResults(params: URLSearchParams, fallback: number, limit: number): number | 'invalid' {
    const raw = params.get('maxResults');
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) return 'invalid';
    return Math.min(n, limit);
  }

  private calendarList(params: URLSearchParams, send: (status: number, body: Json) => void): void {
    const size = this.maxResults(params, 100, 250);
    if (size === 'invalid') {
      send(400, googleError(400, 'Invalid value for maxResults', [{ domain: 'global', reason: 'invalid', message: 'Invalid value for maxResults' }]));
      return;
    }
    const all = [...this.calendars.values()].map((c) => c.entry);
    const offset = Number(decode(params.get('pageToken') ?? '')?.o ?? 0);
    const items = all.slice(offset, offset + size);
    const body: { [key: string]: Json } = { kind: 'calendar#calendarList', etag: `"${this.seq}"`, items };
    if (offset + size < all.length) body.nextPageToken = encode({ o: offset + size });
    else body.nextSyncToken = encode({ list: this.seq });
    send(200, body);
  }

  private eventsList(calendar: Calendar, params: URLSearchParams, send: (status: number, body: Json, headers?: Record<string, string>) => void): void {
    const invalid = (message: string, reason = 'invalid', location?: string) => {
      const detail: Record<string, string> = { domain: 'global', reason, message };
      if (location) Object.assign(detail, { locationType: 'parameter', location });
      send(400, googleError(400, message, [detail]));
    };
    const size = this.maxResults(params, 250, 2500);
    if (size === 'invalid') return invalid('Invalid value for maxResults', 'invalid', 'maxResults');
    const singleEvents = params.get('singleEvents') === 'true';
    if (params.get('orderBy') === 'startTime' && !singleEvents) return invalid('The requested ordering is not available for the particular query.', 'badRequest');
    for (const name of ['timeMin', 'timeMax', 'updatedMin']) {
      const value = params.get(name);
      if (value !== null && (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) || !Number.isFinite(Date.parse(value)))) {
        return invalid(`Bad Request`, 'badRequest', name);
      }
    }

    const syncToken = params.get('syncToken');
    let since: number | undefined;
    if (syncToken !== null) {
      if (FORBIDDEN_WITH_SYNC_TOKEN.some((name) => params.has(name)) || params.get('showDeleted') === 'false') {
        return invalid('Sync token cannot be used with other request restrictions.', 'syncTokenWithRequestRestrictions');
      }
      const decoded = decode(syncToken);
      if (!decoded || typeof decoded.s !== 'number' || typeof decoded.e !== 'number') return invalid('Invalid sync token value.', 'invalid', 'syncToken');
      if (decoded.e !== calendar.epoch) {
        send(410, googleError(410, 'Sync token is no longer valid, a full sync is required.', [
          { domain: 'calendar', reason: 'fullSyncRequired', message: 'Sync token is no longer valid, a full sync is required.', locationType: 'parameter', location: 'syncToken' },
        ]));
        return;
      }
      since = decoded.s;
    }

    // A page token belongs to one query: Google refuses it with other parameters.
    const queryKey = [...params].filter(([k]) => k !== 'pageToken').map(([k, v]) => `${k}=${v}`).sort().join('&');
    let offset = 0;
    let snapshot = this.seq;
    const pageToken = params.get('pageToken');
    if (pageToken !== null) {
      const decoded = decode(pageToken);
      if (!decoded || decoded.k !== queryKey || typeof decoded.o !== 'number' || typeof decoded.s !== 'number') return invalid('Invalid page token value.', 'invalid', 'pageToken');
      offset = decoded.o;
      snapshot = decoded.s;
    }

    const timeMin = params.has('timeMin') ? Date.parse(params.get('timeMin')!) : undefined;
    const timeMax = params.has('timeMax') ? Date.parse(params.get('timeMax')!) : undefined;
    const showDeleted = since !== undefined || params.get('showDeleted') === 'true';
    const matching = [...calendar.events.values()]
      .filter((e) => e.seq <= snapshot)
      .filter((e) => (since === undefined ? true : e.seq > since))
      .filter((e) => showDeleted || !e.cancelled)
      .filter((e) => {
        if (since !== undefined) return true;
        const start = instantOf(e.event.start);
        const end = instantOf(e.event.end) ?? start;
        if (start === undefined || end === undefined) return true;
        return (timeMin === undefined || end > timeMin) && (timeMax === undefined || start < timeMax);
      })
      .sort((a, b) => a.seq - b.seq);

    const page = matching.slice(offset, offset + size).map((e) => (e.cancelled && since !== undefined
      // Incremental results carry only what a client needs to delete the event.
      ? { kind: 'calendar#event', etag: e.event.etag ?? '""', id: e.event.id, status: 'cancelled' }
      : e.event));
    const body: { [key: string]: Json } = {
      kind: 'calendar#events',
      etag: `"${snapshot}"`,
      summary: String(calendar.entry.summary ?? ''),
      description: '',
      updated: new Date().toISOString(),
      timeZone: String(calendar.entry.timeZone ?? 'UTC'),
      accessRole: String(calendar.entry.accessRole ?? 'owner'),
      defaultReminders: [],
      items: page,
    };
    if (offset + size < matching.length) body.nextPageToken = encode({ k: queryKey, o: offset + size, s: snapshot });
    // Like Google: with nothing new since the token, the same token comes back.
    else body.nextSyncToken = encode({ s: snapshot, e: calendar.epoch });
    send(200, body);
  }
}
