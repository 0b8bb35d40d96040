/**
 * Pure bookkeeping of a calendar source's sync: when one is due, what a success or a failure
 * does to the status, and how a calendar's full or incremental result is merged into the
 * stored interviews and busy time without duplicates and without touching other calendars.
 */
import type { Interview } from './types.ts';
import type { BusyInterval, GoogleCursor, SyncErrorCode, SyncStatus } from './stored-state.ts';
import { backoffDelay } from './backoff.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

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

/** The parts of a sync result that change stored data (SyncResult is assignable to it). */
export type CalendarChange =
  | { kind: 'full'; interviews: Record<string, Interview>; busy: Record<string, BusyInterval> }
  | { kind: 'delta'; upsertInterviews: Record<string, Interview>; removeIds: string[]; upsertBusy: Record<string, BusyInterval> }
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

/**
 * Merges one calendar's result. A full result replaces everything that calendar held (so a
 * full resync after a 410 leaves no duplicates and no leftovers); a delta removes what it
 * touched, then upserts. An event shown by two watched calendars stays while either holds it.
 * Busy time that has ended is dropped on the way.
 */
export function applyCalendarChange(
  data: SourceData,
  calendarId: string,
  change: CalendarChange,
  syncToken: string | undefined,
  now: number,
): SourceData {
  const cursor: GoogleCursor = {
    syncTokens: { ...data.cursor.syncTokens },
    fullSyncAt: { ...data.cursor.fullSyncAt },
    items: { ...data.cursor.items },
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
  return {
    interviews: without(data.interviews, dropped),
    busy: without(data.busy, dropped),
    cursor: { syncTokens, fullSyncAt, items },
  };
}

/** The sync token to use for a calendar, or undefined when a full sync is due. */
export function tokenToUse(cursor: GoogleCursor, calendarId: string, now: number): string | undefined {
  const token = cursor.syncTokens[calendarId];
  const fullAt = cursor.fullSyncAt[calendarId];
  if (token === undefined || fullAt === undefined || now - fullAt >= FULL_SYNC_MAX_AGE || fullAt > now) return undefined;
  return token;
}
