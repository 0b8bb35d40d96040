import type { CalendarEvent, DetectionRules, Interview } from '../core/types.ts';

/**
 * The seam between a calendar source and the rest of the extension. A source module gets
 * `fetch` (and, for Google, a token getter) injected, returns data, and never touches storage
 * or browser APIs: the service worker stores what it returns.
 */

/** A busy interval, kept only as start/end (for proposing free slots). Epoch ms. */
export interface BusyInterval {
  start: number;
  end: number;
}

/** Why a sync failed, in words the UI can translate. */
export type SyncErrorCode =
  | 'offline' // network error, DNS, dropped connection
  | 'auth' // 401 after one token refresh, or sign-in cancelled/failed
  | 'forbidden' // 403 that is not a rate limit (calendar not shared, API disabled)
  | 'rate-limited' // 403 rateLimitExceeded / userRateLimitExceeded, 429
  | 'server' // 5xx
  | 'not-found' // 404 (calendar or feed gone)
  | 'too-large' // iCal feed over the size limit
  | 'not-ical' // the address did not return iCalendar data
  | 'malformed' // unparsable content
  | 'http'; // any other HTTP status

export class SyncError extends Error {
  readonly code: SyncErrorCode;
  /** HTTP status when there was one. */
  readonly status?: number;
  /** Epoch ms before which the caller should not try again (from Retry-After). */
  readonly retryAfter?: number;
  constructor(code: SyncErrorCode, message: string, options: { status?: number; retryAfter?: number } = {}) {
    super(message);
    this.name = 'SyncError';
    this.code = code;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
  }
}

export type FetchLike = (input: string, init?: { method?: string; headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

/** What detection needs besides the event. */
export interface DetectionInput {
  rules: DetectionRules;
  /** The user's own address, for sources whose events carry no `self` flag (iCal). */
  selfEmail?: string;
}

/**
 * The result of one sync: either the complete picture (full sync) or the changes since the
 * last cursor (incremental). Keys are stable ids: interviews by `Interview.id`, busy intervals
 * by `${source}:${eventId}`.
 */
export type SyncResult<Cursor> =
  | { kind: 'full'; interviews: Record<string, Interview>; busy: Record<string, BusyInterval>; cursor: Cursor; requests: number; bytes: number }
  | { kind: 'delta'; upsertInterviews: Record<string, Interview>; removeIds: string[]; upsertBusy: Record<string, BusyInterval>; cursor: Cursor; requests: number; bytes: number }
  | { kind: 'unchanged'; cursor: Cursor; requests: number; bytes: number };

/** Re-exported so source modules import one place. */
export type { CalendarEvent };
