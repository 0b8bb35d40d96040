import type { Interview } from '../core/types.ts';
import type { SourceState, StoredState } from '../core/stored-state.ts';
import type { CalendarChange, SyncFailure, SyncTrigger } from '../core/sync-state.ts';
import { emptyGoogleCursor } from '../core/stored-state.ts';
import { applyCalendarChange, dropCalendar, syncDue, syncFailed, syncSucceeded, tokenToUse } from '../core/sync-state.ts';
import { detectInterview } from '../core/detect-interview.ts';
import { demoEvents } from '../calendar/demo-calendar.ts';
import { GOOGLE_SCOPES, listCalendars, syncCalendar } from '../calendar/google-calendar.ts';
import type { GoogleCalendarEntry, GoogleClient } from '../calendar/google-calendar.ts';
import { SyncError } from '../calendar/source-types.ts';
import type { SyncResult } from '../calendar/source-types.ts';
import type { IcalCursor } from '../core/stored-state.ts';
import { syncIcalFeed } from '../calendar/ical-feed.ts';
import { dropGoogleToken, getGoogleToken, googleApiBase } from '../platform/identity.ts';
import type { TokenRequest } from '../platform/identity.ts';
import { readState } from '../platform/storage.ts';
import { reconcileNow } from './reconcile-now.ts';

const HOUR = 3_600_000;
/** A demo older than this has nothing left to show, so it starts over. */
const DEMO_LIFETIME = 12 * HOUR;
/** Held while talking to Google, so syncs never stack (the reconcile lock is only for storage). */
const SYNC_LOCK = 'interview-standby-sync';
const ICAL_TIMEOUT_MS = 30_000;

/**
 * Brings `interviews` up to date with the demo calendar: a pure function of its anchor and the
 * rules, so running it again changes nothing. A Google source is left alone here: its data
 * changes only when a sync result is applied (see `syncNow`).
 */
export function refreshDemo(state: StoredState, now: number): StoredState {
  if (state.source.kind !== 'demo') return state;
  let source = state.source;
  let { marks, notified } = state;
  if (now - source.anchor > DEMO_LIFETIME) {
    source = { kind: 'demo', anchor: now };
    marks = {};
    notified = {};
  }
  const interviews: Record<string, Interview> = {};
  for (const event of demoEvents(source.anchor)) {
    const detection = detectInterview(event, state.settings.rules, { source: 'demo' });
    if (!detection.isInterview) continue;
    const interview = detection.interview;
    interviews[interview.id] = interview;
    // The demo's interview that already ended did take place: it shows the thank-you flow
    // rather than a wait nobody is living through.
    if (interview.end <= source.anchor && marks[interview.id] === undefined) {
      marks = { ...marks, [interview.id]: { callAttempts: [], connectedAt: interview.start + 2 * 60_000 } };
    }
  }
  return { ...state, source, interviews, marks, notified };
}

/** Starts the demo again from now, forgetting what the user marked on the old one. */
export function restartDemo(state: StoredState, now: number): StoredState {
  return refreshDemo({ ...state, source: { kind: 'demo', anchor: now }, marks: {}, notified: {} }, now);
}

/** Everything a source switch resets: the old source's interviews, marks, busy time and cursor. */
function switchSource(state: StoredState, source: SourceState): StoredState {
  // Interviews typed in by hand belong to no calendar: they and their marks stay.
  const keep = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([id]) => id.startsWith('manual:')));
  return { ...state, source, interviews: {}, marks: keep(state.marks), notified: keep(state.notified), busy: {}, googleCursor: emptyGoogleCursor(), icalCursor: {}, sync: { failures: 0 } };
}

/** Back to the demo calendar, from now. */
export function useDemo(state: StoredState, now: number): StoredState {
  return refreshDemo(switchSource(state, { kind: 'demo', anchor: now }), now);
}

/**
 * Connects Google. From the demo this is a fresh start; reconnecting the same account keeps
 * the calendars, the data and the marks and only clears the error, so a sync runs at once.
 */
export function useGoogle(state: StoredState, calendars: GoogleCalendarEntry[]): StoredState {
  const primary = calendars.find((c) => c.primary) ?? calendars[0];
  if (state.source.kind === 'google' && (primary === undefined || state.source.selfEmail === primary.id)) {
    return { ...state, sync: { ...state.sync, backoffUntil: undefined, error: undefined } };
  }
  if (primary === undefined) throw new Error('This Google account has no calendar.');
  return switchSource(state, { kind: 'google', calendarIds: [primary.id], selfEmail: primary.id });
}

/** Connects a secret iCal address (already normalised, its host permission granted). */
export function useIcal(state: StoredState, url: string): StoredState {
  if (state.source.kind === 'ical' && state.source.url === url) {
    return { ...state, sync: { ...state.sync, backoffUntil: undefined, error: undefined } };
  }
  return switchSource(state, { kind: 'ical', url });
}

/** The user picked the calendars to watch: forget the dropped ones; the new ones sync fully. */
export function chooseCalendars(state: StoredState, calendarIds: string[]): StoredState {
  if (state.source.kind !== 'google') throw new Error('Google Calendar is not connected.');
  const wanted = [...new Set(calendarIds.filter((id) => typeof id === 'string' && id !== ''))].slice(0, 50);
  if (wanted.length === 0) throw new Error('Choose at least one calendar.');
  let data = { interviews: state.interviews, busy: state.busy, cursor: state.googleCursor };
  for (const id of state.source.calendarIds) if (!wanted.includes(id)) data = dropCalendar(data, id);
  return { ...state, source: { ...state.source, calendarIds: wanted }, interviews: data.interviews, busy: data.busy, googleCursor: data.cursor };
}

/** The read-only scopes, for the account last connected when there is one. */
function tokenRequest(interactive: boolean, loginHint: string | undefined): TokenRequest {
  return loginHint === undefined ? { interactive, scopes: GOOGLE_SCOPES } : { interactive, scopes: GOOGLE_SCOPES, loginHint };
}

/** Tokens come from platform/identity without UI; a refused one is dropped, then asked for again. */
function googleClient(loginHint: string | undefined): GoogleClient {
  const request = tokenRequest(false, loginHint);
  return {
    fetch: (input, init) => fetch(input, init),
    apiBase: googleApiBase,
    tokens: {
      get: () => getGoogleToken(request),
      refresh: async (stale) => {
        await dropGoogleToken(stale);
        return getGoogleToken(request);
      },
    },
  };
}

/** The calendars on the user's Google list (for the options page). */
export async function googleCalendars(interactive: boolean, loginHint?: string): Promise<GoogleCalendarEntry[]> {
  if (interactive) {
    // Shows Google's consent (or Chrome's) now, while the user is looking.
    await getGoogleToken(tokenRequest(interactive, loginHint));
  }
  const { calendars } = await listCalendars(googleClient(loginHint), Date.now());
  return calendars;
}

interface GoogleOutcome {
  /** Calendars that synced, in order, with their new sync token. */
  results: Array<{ calendarId: string; change: CalendarChange; cursor: string }>;
  failure?: SyncFailure;
}

async function fetchGoogle(state: StoredState, now: number): Promise<GoogleOutcome> {
  const outcome: GoogleOutcome = { results: [] };
  if (state.source.kind !== 'google') return outcome;
  const { calendarIds, selfEmail } = state.source;
  const client = googleClient(selfEmail);
  for (const calendarId of calendarIds) {
    try {
      const syncToken = tokenToUse(state.googleCursor, calendarId, now);
      const result = await syncCalendar(client, {
        calendarId,
        rules: state.settings.rules,
        now,
        ...(syncToken === undefined ? {} : { syncToken }),
        ...(selfEmail === undefined ? {} : { selfEmail }),
        selfEmails: [state.settings.profile.email, state.settings.composeAccount].filter((email) => email !== ''),
        selfPhones: state.settings.profile.phone === '' ? [] : [state.settings.profile.phone],
      });
      outcome.results.push({ calendarId, change: result, cursor: result.cursor });
    } catch (error) {
      // What synced before the failure is kept. A calendar that is gone or no longer shared
      // must not stop the others; anything else (sign-in, network, rate) stops the round.
      if (!(error instanceof SyncError)) console.error('Interview Standby: Google sync failed', error);
      outcome.failure = failureOf(error);
      if (outcome.failure.code === 'not-found' || outcome.failure.code === 'forbidden') continue;
      break;
    }
  }
  return outcome;
}

/**
 * Whether the rules or the account changed while the requests ran: the answer was classified
 * with the old ones, and applying it (with its new cursor) would undo what the user just said.
 * It is dropped; the next poll asks again.
 */
function staleFor(latest: StoredState, fetchedWith: StoredState): boolean {
  return JSON.stringify(latest.settings.rules) !== JSON.stringify(fetchedWith.settings.rules)
    || latest.settings.profile.email !== fetchedWith.settings.profile.email
    || latest.settings.profile.phone !== fetchedWith.settings.profile.phone
    || latest.settings.composeAccount !== fetchedWith.settings.composeAccount
    || JSON.stringify(latest.source) !== JSON.stringify(fetchedWith.source);
}

/** Applies what a sync brought to the latest state (which may have changed meanwhile). */
function applyGoogleOutcome(state: StoredState, outcome: GoogleOutcome, now: number, random: number): StoredState {
  // Disconnected while the requests ran: what came back belongs to nobody now.
  if (state.source.kind !== 'google') return state;
  const watched = state.source.calendarIds;
  let data = { interviews: state.interviews, busy: state.busy, cursor: state.googleCursor };
  for (const { calendarId, change, cursor } of outcome.results) {
    if (watched.includes(calendarId)) data = applyCalendarChange(data, calendarId, change, cursor, now);
  }
  const sync = outcome.failure ? syncFailed(state.sync, outcome.failure, now, random) : syncSucceeded(now);
  return { ...state, interviews: data.interviews, busy: data.busy, googleCursor: data.cursor, sync };
}

/** What a failed sync records: the SyncError's code and timing, or 'malformed' for a bug. */
function failureOf(error: unknown): SyncFailure {
  if (!(error instanceof SyncError)) return { code: 'malformed' };
  const failure: SyncFailure = { code: error.code };
  if (error.status !== undefined) failure.status = error.status;
  if (error.retryAfter !== undefined) failure.retryAfter = error.retryAfter;
  return failure;
}

type IcalOutcome = { result: SyncResult<IcalCursor> } | { failure: SyncFailure };

async function fetchIcal(state: StoredState, now: number): Promise<IcalOutcome> {
  if (state.source.kind !== 'ical') return { failure: { code: 'http' } };
  try {
    const result = await syncIcalFeed(state.source.url, state.icalCursor, (input, init) => fetch(input, init), {
      now,
      detection: { rules: state.settings.rules, selfEmail: state.settings.profile.email || undefined },
      floatingTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      // A server that never answers must not hold the sync lock (and the user's buttons) forever.
      signal: AbortSignal.timeout(ICAL_TIMEOUT_MS),
    });
    return { result };
  } catch (error) {
    // Never log the error itself: a fetch error can carry the secret address.
    return { failure: failureOf(error) };
  }
}

/** An iCal feed comes whole: a full result replaces the feed's interviews and busy time. */
function applyIcalOutcome(state: StoredState, outcome: IcalOutcome, url: string, now: number, random: number): StoredState {
  // Disconnected or switched while the request ran: the answer belongs to nobody now.
  if (state.source.kind !== 'ical' || state.source.url !== url) return state;
  if ('failure' in outcome) return { ...state, sync: syncFailed(state.sync, outcome.failure, now, random) };
  const { result } = outcome;
  if (result.kind === 'full') {
    return { ...state, interviews: result.interviews, busy: result.busy, icalCursor: result.cursor, sync: syncSucceeded(now) };
  }
  return { ...state, icalCursor: result.cursor, sync: syncSucceeded(now) };
}

/**
 * Syncs the connected source if one is due for this trigger, then reconciles. Network work
 * happens outside the reconcile lock (a mark from the popup never waits for Google) but under
 * its own lock, so syncs never stack: an automatic trigger that finds one running gives up
 * (that sync brings the news), a user's request waits for it and then decides.
 */
export async function syncNow(trigger: SyncTrigger): Promise<boolean> {
  // True when a sync ran, and with it a reconcile: the caller need not run another.
  return navigator.locks.request(SYNC_LOCK, { ifAvailable: trigger !== 'user' }, async (lock) => {
    if (lock === null) return false;
    const startedAt = Date.now();
    const { state } = await readState(startedAt);
    if (state.source.kind === 'demo' || !syncDue(state.sync, trigger, startedAt)) return false;
    if (state.source.kind === 'ical') {
      const { url } = state.source;
      const outcome = await fetchIcal(state, startedAt);
      await reconcileNow('sync', (latest, now) => (staleFor(latest, state) ? latest : applyIcalOutcome(latest, outcome, url, now, Math.random())));
      return true;
    }
    const outcome = await fetchGoogle(state, startedAt);
    await reconcileNow('sync', (latest, now) => (staleFor(latest, state) ? latest : applyGoogleOutcome(latest, outcome, now, Math.random())));
    return true;
  });
}
