import type { CalendarEvent, DetectionRules, Interview } from '../core/types.ts';
import type { BusyInterval, SyncErrorCode } from '../core/stored-state.ts';
import type { SyncFailure } from '../core/sync-state.ts';

/**
 * The seam between a calendar source and the rest of the extension. A source module gets
 * `fetch` (and, for Google, a token getter) injected, returns data, and never touches storage
 * or browser APIs: the service worker stores what it returns.
 */

// BusyInterval and SyncErrorCode live in core (stored state holds them); re-exported so
// source modules import one place.
export type { BusyInterval, SyncErrorCode };

export class SyncError extends Error {
  readonly code: SyncErrorCode;
  /** HTTP status when there was one. */
  readonly status?: number;
  /** Epoch ms before which the caller should not try again (from Retry-After). */
  readonly retryAfter?: number;
  /** The server's own word for it (Google: `error.errors[0].reason`, e.g. quotaExceeded). */
  readonly reason?: string;
  constructor(code: SyncErrorCode, message: string, options: { status?: number; retryAfter?: number; reason?: string } = {}) {
    super(message);
    this.name = 'SyncError';
    this.code = code;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.reason = options.reason;
  }
}

/**
 * Whether `error` is a SyncError, told by its name and code rather than by its class: the
 * service worker is two scripts (src/background/on-demand-script.ts), each with its own copy
 * of the class, and an error thrown by one is checked in the other.
 */
export function isSyncError(error: unknown): error is SyncError {
  return error instanceof Error && error.name === 'SyncError' && typeof (error as { code?: unknown }).code === 'string';
}

/** What a failed sync records: the SyncError's code and timing, or 'malformed' for a bug. */
export function failureOf(error: unknown): SyncFailure {
  if (!isSyncError(error)) return { code: 'malformed' };
  const failure: SyncFailure = { code: error.code };
  if (error.status !== undefined) failure.status = error.status;
  if (error.retryAfter !== undefined) failure.retryAfter = error.retryAfter;
  if (error.reason !== undefined) failure.reason = error.reason;
  return failure;
}

export type FetchLike = (input: string, init?: { method?: string; headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

/** What detection needs besides the event. */
export interface DetectionInput {
  rules: DetectionRules;
  /** The user's own address, for sources whose events carry no `self` flag (iCal). */
  selfEmail?: string;
  /** Every other address known to be the user's (the signed-in account, the profile email;
   * an iCal feed adds its owner): never the interviewer. */
  selfEmails?: string[];
  /** The user's own phone numbers: never offered as the interviewer's. */
  selfPhones?: string[];
}

/**
 * The result of one sync: either the complete picture (full sync) or the changes since the
 * last cursor (incremental). Keys are stable ids: interviews by `Interview.id`, busy intervals
 * by `${source}:${eventId}` (the same key for the same event).
 *
 * A delta lists in `removeIds` every key it touched: the caller removes those from both maps
 * first, then applies the upserts. So an event that stopped being an interview but is still
 * busy time is in `removeIds` and in `upsertBusy`, and applying a delta twice is harmless.
 */
export type SyncResult<Cursor> =
  | { kind: 'full'; interviews: Record<string, Interview>; busy: Record<string, BusyInterval>; cursor: Cursor; requests: number; bytes: number }
  | { kind: 'delta'; upsertInterviews: Record<string, Interview>; removeIds: string[]; upsertBusy: Record<string, BusyInterval>; cursor: Cursor; requests: number; bytes: number }
  | { kind: 'unchanged'; cursor: Cursor; requests: number; bytes: number };

/** Re-exported so source modules import one place. */
export type { CalendarEvent };

/**
 * The instant a Retry-After header asks us to wait until (RFC 9110: delay-seconds or an
 * HTTP-date), never in the past; undefined without a usable header.
 */
export function retryAfterOf(response: Response, now: number): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return now + seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(date, now) : undefined;
}
