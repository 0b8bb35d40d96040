/**
 * One round of Google sync over the watched calendars, and how its outcome lands in stored
 * state. Each calendar keeps its own health: a failure is recorded against the calendar that
 * failed and never freezes, delays or backs off another. `fetch` and tokens come in with the
 * client, so the whole round runs in Node against the fake API.
 */
import type { StoredState, SyncStatus } from '../core/stored-state.ts';
import type { CalendarChange, SyncFailure, SyncTrigger } from '../core/sync-state.ts';
import { applyCalendarChange, calendarDue, calendarFailed, calendarSucceeded, syncFailed, syncSucceeded, tokenToUse } from '../core/sync-state.ts';
import { syncCalendar } from './google-calendar.ts';
import type { GoogleClient } from './google-calendar.ts';
import { failureOf, isSyncError } from './source-types.ts';
import { ownContacts } from '../core/own-contacts.ts';

export interface GoogleOutcome {
  /** Calendars that synced, in order, with their new sync token. */
  results: Array<{ calendarId: string; change: CalendarChange; cursor: string; name?: string }>;
  /** Calendars that failed, each with its own failure. */
  failed: Array<{ calendarId: string; failure: SyncFailure }>;
  /** A failure of the whole account (sign-in): no calendar is to blame. */
  failure?: SyncFailure;
}

/**
 * Reads each watched calendar that is due, one after the other. A calendar's failure is its
 * own: the others are still read. Only a refused sign-in stops the round, since every other
 * calendar would meet it too.
 */
export async function readGoogleCalendars(client: GoogleClient, state: Pick<StoredState, 'source' | 'settings' | 'calendarHealth' | 'googleCursor'>, trigger: SyncTrigger, now: number): Promise<GoogleOutcome> {
  const outcome: GoogleOutcome = { results: [], failed: [] };
  if (state.source.kind !== 'google') return outcome;
  const { calendarIds, selfEmail } = state.source;
  const own = ownContacts(state.settings);
  for (const calendarId of calendarIds) {
    if (!calendarDue(state.calendarHealth[calendarId], trigger, now)) continue;
    try {
      const syncToken = tokenToUse(state.googleCursor, calendarId, now);
      const result = await syncCalendar(client, {
        calendarId,
        rules: state.settings.rules,
        now,
        ...(syncToken === undefined ? {} : { syncToken }),
        ...(selfEmail === undefined ? {} : { selfEmail }),
        // Every other address and the phone that are the user's: never the interviewer's.
        selfEmails: own.emails,
        selfPhones: own.phones,
      });
      outcome.results.push({ calendarId, change: result, cursor: result.cursor, ...(result.calendarName === undefined ? {} : { name: result.calendarName }) });
    } catch (error) {
      if (!isSyncError(error)) console.error('Interview Standby: Google sync failed', error);
      const failure = failureOf(error);
      if (failure.code === 'auth') {
        outcome.failure = failure;
        break;
      }
      outcome.failed.push({ calendarId, failure });
    }
  }
  return outcome;
}

/** Applies what a sync brought to the latest state (which may have changed meanwhile). */
export function applyGoogleOutcome(state: StoredState, outcome: GoogleOutcome, now: number, random: () => number): StoredState {
  // Disconnected while the requests ran: what came back belongs to nobody now.
  if (state.source.kind !== 'google') return state;
  const { calendarIds: watched, selfEmail } = state.source;
  let data = { interviews: state.interviews, busy: state.busy, cursor: state.googleCursor };
  const calendarHealth = { ...state.calendarHealth };
  for (const { calendarId, change, cursor, name } of outcome.results) {
    if (!watched.includes(calendarId)) continue;
    data = applyCalendarChange(data, calendarId, change, cursor, now, calendarId === selfEmail);
    const health = calendarHealth[calendarId];
    // The calendar list's name (what the user sees) wins over the calendar's own title.
    calendarHealth[calendarId] = calendarSucceeded(health, now, health?.name ?? name);
  }
  for (const { calendarId, failure } of outcome.failed) {
    if (watched.includes(calendarId)) calendarHealth[calendarId] = calendarFailed(calendarHealth[calendarId], failure, now, random());
  }
  return { ...state, interviews: data.interviews, busy: data.busy, googleCursor: data.cursor, calendarHealth, sync: googleRoundStatus(state.sync, outcome, now, random) };
}

/**
 * The account-wide line: a refused sign-in is the account's; a round in which no calendar was
 * read leaves "last synced" where it was (and says "offline" when that is why); each
 * calendar's own failure lives in its health, never here, so no global backoff grows from it.
 */
function googleRoundStatus(previous: SyncStatus, outcome: GoogleOutcome, now: number, random: () => number): SyncStatus {
  if (outcome.failure) return syncFailed(previous, outcome.failure, now, random());
  // No calendar was due (all backed off or stopped): nothing was confirmed, nothing failed.
  if (outcome.results.length === 0 && outcome.failed.length === 0) return { ...previous, lastAttemptAt: now };
  if (outcome.results.length > 0) return syncSucceeded(now);
  const next: SyncStatus = { failures: 0, lastAttemptAt: now };
  if (previous.lastSuccessAt !== undefined) next.lastSuccessAt = previous.lastSuccessAt;
  if (outcome.failed.every(({ failure }) => failure.code === 'offline')) next.error = { code: 'offline', at: now };
  return next;
}

