/**
 * Pure bookkeeping of a calendar source's sync: when one is due, what a success or a failure
 * does to the status, and how a calendar's full or incremental result is merged into the
 * stored interviews and busy time without duplicates and without touching other calendars.
 */
import type { Interview } from './types.ts';
import type { BusyInterval, CalendarHealth, GoogleCursor, SyncErrorCode, SyncStatus } from './stored-state.ts';
import { backoffDelay } from './backoff.ts';
import { SECOND, MINUTE, DAY } from './units.ts';

/** The periodic poll (chrome.alarms); also the floor between two automatic syncs. */
export const SYNC_INTERVAL_MINUTES = 5;
/** The window slides every day, so a sync token older than this is replaced by a full sync. */
export const FULL_SYNC_MAX_AGE = DAY;

/**
 * What asked for a sync:
 * - 'poll': the periodic alarm or a worker wake-up; only when the interval has passed.
 * - 'open': the popup opened or the browser started; unless one ran moments ago.
 * - 'user': the user asked (sync now, chose calendars); whenever the server allows it.
 */
export type SyncTrigger = 'poll' | 'open' | 'user';

const MIN_GAP: Record<SyncTrigger, number> = {
  // The alarm fires every 5 minutes but not to the millisecond: half a minute of slack.
  poll: SYNC_INTERVAL_MINUTES * MINUTE - 30 * SECOND,
  open: 15 * SECOND,
  user: 0,
};

/**
 * Whether to talk to the server now. Our own backoff holds the automatic triggers; the user's
 * "Sync now" goes through it, and only a server's Retry-After binds every trigger.
 */
export function syncDue(status: SyncStatus, trigger: SyncTrigger, now: number): boolean {
  const until = trigger === 'user' ? status.serverAskedUntil : status.backoffUntil;
  if (until !== undefined && now < until) return false;
  if (status.lastAttemptAt === undefined || status.lastAttemptAt > now) return true;
  return now - status.lastAttemptAt >= MIN_GAP[trigger];
}

export function syncSucceeded(now: number): SyncStatus {
  return { lastSuccessAt: now, lastAttemptAt: now, failures: 0 };
}

export interface SyncFailure {
  code: SyncErrorCode;
  status?: number;
  /** Epoch ms from Retry-After. */
  retryAfter?: number;
  /** Google's `error.errors[].reason` (e.g. quotaExceeded), when it gave one. */
  reason?: string;
}

/** Codes worth backing off from: the server is busy or unreachable, not refusing us. */
const BACK_OFF: readonly SyncErrorCode[] = ['rate-limited', 'server', 'offline'];

/** Records a failure; the last good data stays where it is (the caller keeps it). */
export function syncFailed(status: SyncStatus, failure: SyncFailure, now: number, random: number): SyncStatus {
  const failures = status.failures + 1;
  const next: SyncStatus = { failures, lastAttemptAt: now, error: { code: failure.code, at: now } };
  if (status.lastSuccessAt !== undefined) next.lastSuccessAt = status.lastSuccessAt;
  if (failure.status !== undefined && next.error) next.error.status = failure.status;
  if (BACK_OFF.includes(failure.code) || failure.retryAfter !== undefined) {
    const retryAfterMs = failure.retryAfter === undefined ? undefined : Math.max(0, failure.retryAfter - now);
    next.backoffUntil = now + backoffDelay({ failures, random, retryAfterMs });
    if (retryAfterMs !== undefined) next.serverAskedUntil = next.backoffUntil;
  }
  return next;
}

/**
 * Failures that asking again cannot mend: the calendar is gone (404), no longer shared with the
 * user (403 that is not a usage limit), Google refuses the request even after a full resync
 * (400), or a page is over our size cap. Google's errors guide says not to repeat these
 * unchanged, so the calendar stops being polled until the user acts.
 */
const PERMANENT: readonly SyncErrorCode[] = ['not-found', 'forbidden', 'bad-request', 'too-large'];

export function isPermanent(code: SyncErrorCode): boolean {
  return PERMANENT.includes(code);
}

/**
 * Whether to read this calendar in this round. A stopped calendar waits for the user's "Try
 * again"; a backed-off one for its own backoff (the user's triggers only for Google's Retry-After).
 */
export function calendarDue(health: CalendarHealth | undefined, trigger: SyncTrigger, now: number): boolean {
  if (health === undefined) return true;
  if (health.stopped === true) return false;
  const until = trigger === 'user' ? health.serverAskedUntil : health.backoffUntil;
  return until === undefined || now >= until;
}

function named(health: CalendarHealth | undefined, name: string | undefined): Pick<CalendarHealth, 'name'> {
  const value = name ?? health?.name;
  return value === undefined ? {} : { name: value };
}

export function calendarSucceeded(health: CalendarHealth | undefined, now: number, name?: string): CalendarHealth {
  return { ...named(health, name), lastSuccessAt: now, lastAttemptAt: now, failures: 0 };
}

/**
 * Records one calendar's failure; its last data stays. Transient failures count and back off
 * (exponential with jitter, or exactly what Retry-After asked); a permanent one stops the
 * calendar and leaves the transient count alone, so it never lengthens a later backoff.
 */
export function calendarFailed(health: CalendarHealth | undefined, failure: SyncFailure, now: number, random: number): CalendarHealth {
  const error: NonNullable<CalendarHealth['error']> = { code: failure.code, at: now };
  if (failure.status !== undefined) error.status = failure.status;
  if (failure.reason !== undefined) error.reason = failure.reason;
  const base: CalendarHealth = { ...named(health, undefined), lastAttemptAt: now, error, failures: health?.failures ?? 0 };
  if (health?.lastSuccessAt !== undefined) base.lastSuccessAt = health.lastSuccessAt;
  if (isPermanent(failure.code)) return { ...base, stopped: true };
  const failures = base.failures + 1;
  const retryAfterMs = failure.retryAfter === undefined ? undefined : Math.max(0, failure.retryAfter - now);
  const next: CalendarHealth = { ...base, failures, backoffUntil: now + backoffDelay({ failures, random, retryAfterMs }) };
  if (retryAfterMs !== undefined) next.serverAskedUntil = next.backoffUntil;
  return next;
}

/** The user's "Try again": the calendar is read at the next sync (Google's Retry-After still holds). */
export function retryCalendar(health: CalendarHealth | undefined): CalendarHealth {
  const next: CalendarHealth = { ...named(health, undefined), failures: 0 };
  if (health?.lastSuccessAt !== undefined) next.lastSuccessAt = health.lastSuccessAt;
  if (health?.lastAttemptAt !== undefined) next.lastAttemptAt = health.lastAttemptAt;
  if (health?.serverAskedUntil !== undefined) {
    next.serverAskedUntil = health.serverAskedUntil;
    next.backoffUntil = health.serverAskedUntil;
  }
  return next;
}

/**
 * A calendar failing for a short while is normal (one 503, a train tunnel) and is not worth a
 * word; after this long without a successful read, it is shown as in trouble, and its
 * interviews as not confirmed lately.
 */
export const STALE_AFTER = 30 * MINUTE;

export type CalendarTrouble = 'stopped' | 'failing';

export function calendarTrouble(health: CalendarHealth | undefined, now: number): CalendarTrouble | undefined {
  if (health?.error === undefined) return undefined;
  if (health.stopped === true) return 'stopped';
  const since = health.lastSuccessAt;
  if (since === undefined ? health.failures >= 2 : now - since >= STALE_AFTER) return 'failing';
  return undefined;
}

/**
 * When an interview was last confirmed by a calendar, if every watched calendar that holds it
 * is in trouble; undefined when one of them reads fine (or the interview is on no calendar).
 * `null` means never read successfully.
 */
export function interviewLastChecked(
  key: string,
  calendarIds: readonly string[],
  cursor: GoogleCursor,
  health: Record<string, CalendarHealth>,
  now: number,
): number | null | undefined {
  const holders = calendarIds.filter((id) => cursor.items[id]?.includes(key));
  if (holders.length === 0 || holders.some((id) => calendarTrouble(health[id], now) === undefined)) return undefined;
  const times = holders.map((id) => health[id]?.lastSuccessAt ?? cursor.fullSyncAt[id]).filter((at): at is number => at !== undefined);
  return times.length === 0 ? null : Math.min(Math.max(...times), now);
}

/** The parts of a sync result that change stored data (SyncResult is assignable to it). */
export type CalendarChange =
  | { kind: 'full'; interviews: Record<string, Interview>; busy: Record<string, BusyInterval>; declined?: string[]; seen?: string[] }
  | { kind: 'delta'; upsertInterviews: Record<string, Interview>; removeIds: string[]; upsertBusy: Record<string, BusyInterval>; declined?: string[]; cancelled?: string[] }
  | { kind: 'unchanged' };

export interface SourceData {
  interviews: Record<string, Interview>;
  busy: Record<string, BusyInterval>;
  cursor: GoogleCursor;
}

function heldByOthers(cursor: GoogleCursor, calendarId: string): Set<string> {
  const held = new Set<string>();
  for (const [id, keys] of Object.entries(cursor.items)) if (id !== calendarId) for (const key of keys) held.add(key);
  return held;
}

function without<T>(map: Record<string, T>, keys: Iterable<string>): Record<string, T> {
  const copy = { ...map };
  for (const key of keys) delete copy[key];
  return copy;
}

/** Deletion vetoes of the primary calendar kept at most (the oldest go first). */
const MAX_DELETION_VETOES = 500;

/**
 * What `calendarId` rules out after this change. Any calendar: the events whose copy says the
 * user declined (a decline on any copy wins). The primary calendar also: events cancelled there
 * (a delta says so) or gone from its full sync although it held or ruled them out before,
 * whatever other calendars still show.
 */
function vetoesAfter(data: SourceData, calendarId: string, change: Exclude<CalendarChange, { kind: 'unchanged' }>, primary: boolean): string[] {
  const previous = data.cursor.vetoes[calendarId] ?? [];
  const declined = change.declined ?? [];
  if (change.kind === 'full') {
    if (!primary || change.seen === undefined) return [...new Set(declined)];
    const seen = new Set(change.seen);
    const others = heldByOthers(data.cursor, calendarId);
    // Keys it held before and no longer shows were deleted there; a deletion veto matters only
    // while another calendar still shows the event.
    const deleted = [...new Set([...(data.cursor.items[calendarId] ?? []), ...previous])].filter((key) => !seen.has(key) && others.has(key));
    return [...new Set([...declined, ...deleted.slice(-MAX_DELETION_VETOES)])];
  }
  const touched = new Set(change.removeIds);
  const kept = previous.filter((key) => !touched.has(key));
  return [...new Set([...kept, ...declined, ...(primary ? change.cancelled ?? [] : [])])];
}

/**
 * Merges one calendar's result. A full result replaces everything that calendar held (so a
 * full resync after a 410 leaves no duplicates and no leftovers); a delta removes what it
 * touched, then upserts. An event shown by two watched calendars stays while either holds it,
 * unless one of them rules it out (see `vetoesAfter`). Busy time that has ended is dropped.
 */
export function applyCalendarChange(
  data: SourceData,
  calendarId: string,
  change: CalendarChange,
  syncToken: string | undefined,
  now: number,
  primary = false,
): SourceData {
  const cursor: GoogleCursor = {
    syncTokens: { ...data.cursor.syncTokens },
    fullSyncAt: { ...data.cursor.fullSyncAt },
    items: { ...data.cursor.items },
    vetoes: { ...data.cursor.vetoes },
  };
  if (syncToken === undefined) delete cursor.syncTokens[calendarId];
  else cursor.syncTokens[calendarId] = syncToken;
  if (change.kind === 'unchanged') return { ...data, cursor };

  const others = heldByOthers(data.cursor, calendarId);
  const previous = new Set(data.cursor.items[calendarId] ?? []);
  let interviews: Record<string, Interview>;
  let busy: Record<string, BusyInterval>;
  let held: Set<string>;
  if (change.kind === 'full') {
    const dropped = [...previous].filter((key) => !others.has(key));
    interviews = { ...without(data.interviews, dropped), ...change.interviews };
    busy = { ...without(data.busy, dropped), ...change.busy };
    held = new Set([...Object.keys(change.interviews), ...Object.keys(change.busy)]);
    cursor.fullSyncAt[calendarId] = now;
  } else {
    const removed = change.removeIds.filter((key) => !others.has(key));
    interviews = { ...without(data.interviews, removed), ...change.upsertInterviews };
    busy = { ...without(data.busy, removed), ...change.upsertBusy };
    held = new Set(previous);
    for (const key of change.removeIds) held.delete(key);
    for (const key of [...Object.keys(change.upsertInterviews), ...Object.keys(change.upsertBusy)]) held.add(key);
  }
  const vetoes = vetoesAfter(data, calendarId, change, primary);
  if (vetoes.length > 0) cursor.vetoes[calendarId] = vetoes;
  else delete cursor.vetoes[calendarId];
  const ruledOut = Object.values(cursor.vetoes).flat();
  interviews = without(interviews, ruledOut);
  busy = without(busy, ruledOut);
  for (const [key, interval] of Object.entries(busy)) if (interval.end <= now) delete busy[key];
  cursor.items[calendarId] = [...held];
  return { interviews, busy, cursor };
}

/** Forgets a calendar the user stopped watching: its token, and what only it held. */
export function dropCalendar(data: SourceData, calendarId: string): SourceData {
  const others = heldByOthers(data.cursor, calendarId);
  const dropped = (data.cursor.items[calendarId] ?? []).filter((key) => !others.has(key));
  const { [calendarId]: _token, ...syncTokens } = data.cursor.syncTokens;
  const { [calendarId]: _at, ...fullSyncAt } = data.cursor.fullSyncAt;
  const { [calendarId]: _items, ...items } = data.cursor.items;
  const { [calendarId]: _vetoes, ...vetoes } = data.cursor.vetoes;
  return {
    interviews: without(data.interviews, dropped),
    busy: without(data.busy, dropped),
    cursor: { syncTokens, fullSyncAt, items, vetoes },
  };
}

/** The sync token to use for a calendar, or undefined when a full sync is due. */
export function tokenToUse(cursor: GoogleCursor, calendarId: string, now: number): string | undefined {
  const token = cursor.syncTokens[calendarId];
  const fullAt = cursor.fullSyncAt[calendarId];
  if (token === undefined || fullAt === undefined || now - fullAt >= FULL_SYNC_MAX_AGE || fullAt > now) return undefined;
  return token;
}
