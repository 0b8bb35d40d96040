import type { Interview } from '../core/types.ts';
import type { CalendarHealth, SourceState, StoredState } from '../core/stored-state.ts';
import type { SyncFailure, SyncTrigger } from '../core/sync-state.ts';
import { emptyGoogleCursor } from '../core/stored-state.ts';
import { dropCalendar, retryCalendar, syncDue, syncFailed, syncSucceeded } from '../core/sync-state.ts';
import { cleanText } from '../core/text.ts';
import { ownContacts } from '../core/own-contacts.ts';
import { detectInterview } from '../core/detect-interview.ts';
import { demoEvents } from '../calendar/demo-calendar.ts';
import { GOOGLE_SCOPES, listCalendars } from '../calendar/google-calendar.ts';
import type { GoogleCalendarEntry, GoogleClient } from '../calendar/google-calendar.ts';
import { applyGoogleOutcome, failureOf, readGoogleCalendars } from '../calendar/google-round.ts';
import type { SyncResult } from '../calendar/source-types.ts';
import type { IcalCursor } from '../core/stored-state.ts';
import { syncIcalFeed } from '../calendar/ical-feed.ts';
import { loadWindowsZones } from '../platform/windows-zones.ts';
import { dropGoogleToken, getGoogleToken, googleApiBase } from '../platform/identity.ts';
import type { TokenRequest } from '../platform/identity.ts';
import { readState } from '../platform/storage.ts';
import { reconcileNow } from './reconcile-now.ts';
import { UserError } from '../core/message-key.ts';
import { rulesChanged, sameData } from '../core/rules-changed.ts';

/** Held while talking to Google, so syncs never stack (the reconcile lock is only for storage). */
const SYNC_LOCK = 'interview-standby-sync';
const ICAL_TIMEOUT_MS = 30_000;

/**
 * Brings `interviews` up to date with the demo calendar: a pure function of its anchor and the
 * rules, so running it again changes nothing. The demo is a guest: it never restarts by itself
 * and touches only its own interviews' marks, never those of interviews typed in by hand.
 * A Google source is left alone here: its data changes only when a sync result is applied.
 */
export function refreshDemo(state: StoredState, _now: number): StoredState {
  if (state.source.kind !== 'demo') return state;
  const source = state.source;
  let { marks } = state;
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
  return { ...state, interviews, marks };
}

/** Only the demo's own records: keys of demo interviews start with `demo:`. */
function withoutDemo<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => !id.startsWith('demo:')));
}

/** Starts the demo again from now, forgetting what was marked on the demo's own interviews only. */
export function restartDemo(state: StoredState, now: number): StoredState {
  if (state.source.kind !== 'demo' && state.source.kind !== 'none') return state;
  return refreshDemo({ ...state, source: { kind: 'demo', anchor: now }, interviews: {}, marks: withoutDemo(state.marks), notified: withoutDemo(state.notified) }, now);
}

/** Ends the demo: its interviews, marks and notifications go; the user's own stay. */
export function stopDemo(state: StoredState): StoredState {
  if (state.source.kind !== 'demo') return state;
  return { ...state, source: { kind: 'none' }, interviews: {}, marks: withoutDemo(state.marks), notified: withoutDemo(state.notified) };
}

/** Everything a source switch resets: the old source's interviews, marks, busy time and cursor. */
function switchSource(state: StoredState, source: SourceState): StoredState {
  // Interviews typed in by hand belong to no calendar: they and their marks stay.
  const keep = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([id]) => id.startsWith('manual:')));
  return { ...state, source, interviews: {}, marks: keep(state.marks), notified: keep(state.notified), busy: {}, googleCursor: emptyGoogleCursor(), icalCursor: {}, sync: { failures: 0 }, calendarHealth: {} };
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
    return nameCalendars({ ...state, sync: { ...state.sync, backoffUntil: undefined, error: undefined } }, calendars);
  }
  if (primary === undefined) throw new UserError('errorNoGoogleCalendar');
  return nameCalendars(switchSource(state, { kind: 'google', calendarIds: [primary.id], selfEmail: primary.id }), calendars);
}

/** Longest calendar name kept: the name is written by whoever owns the calendar. */
const MAX_CALENDAR_NAME = 100;

/**
 * Remembers the names the user sees in Google's calendar list for the watched calendars, so a
 * calendar that later goes away can still be named. Returns `state` itself when nothing changed.
 */
export function nameCalendars(state: StoredState, calendars: ReadonlyArray<{ id: string; summary: string }>): StoredState {
  if (state.source.kind !== 'google') return state;
  let calendarHealth = state.calendarHealth;
  for (const id of state.source.calendarIds) {
    const summary = cleanText(calendars.find((c) => c.id === id)?.summary ?? '', MAX_CALENDAR_NAME);
    const health = calendarHealth[id];
    if (summary === '' || health?.name === summary) continue;
    calendarHealth = { ...calendarHealth, [id]: { ...(health ?? { failures: 0 }), name: summary } };
  }
  return calendarHealth === state.calendarHealth ? state : { ...state, calendarHealth };
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
  if (state.source.kind !== 'google') throw new UserError('errorGoogleNotConnected');
  const wanted = [...new Set(calendarIds.filter((id) => typeof id === 'string' && id !== ''))].slice(0, 50);
  if (wanted.length === 0) throw new UserError('googleCalendarsNone');
  let data = { interviews: state.interviews, busy: state.busy, cursor: state.googleCursor };
  const calendarHealth: Record<string, CalendarHealth> = {};
  for (const id of state.source.calendarIds) if (!wanted.includes(id)) data = dropCalendar(data, id);
  for (const id of wanted) {
    const health = state.calendarHealth[id];
    if (health) calendarHealth[id] = health;
  }
  return { ...state, source: { ...state.source, calendarIds: wanted }, interviews: data.interviews, busy: data.busy, googleCursor: data.cursor, calendarHealth };
}

/** "Stop watching it": the calendar in trouble is dropped; the last one cannot be. */
export function unwatchCalendar(state: StoredState, calendarId: string): StoredState {
  if (state.source.kind !== 'google') throw new UserError('errorGoogleNotConnected');
  if (!state.source.calendarIds.includes(calendarId)) return state;
  const rest = state.source.calendarIds.filter((id) => id !== calendarId);
  if (rest.length === 0) throw new UserError('errorLastCalendar');
  return chooseCalendars(state, rest);
}

/** "Try again": the calendar is read at once (a Retry-After Google sent still holds). */
export function retryWatchedCalendar(state: StoredState, calendarId: string): StoredState {
  if (state.source.kind !== 'google' || !state.source.calendarIds.includes(calendarId)) return state;
  return { ...state, calendarHealth: { ...state.calendarHealth, [calendarId]: retryCalendar(state.calendarHealth[calendarId]) } };
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

/**
 * Whether the rules or the account changed while the requests ran: the answer was classified
 * with the old ones, and applying it (with its new cursor) would undo what the user just said.
 * It is dropped; the next poll asks again.
 */
function staleFor(latest: StoredState, fetchedWith: StoredState): boolean {
  return rulesChanged(fetchedWith.settings.rules, latest.settings.rules)
    || latest.settings.profile.email !== fetchedWith.settings.profile.email
    || latest.settings.profile.phone !== fetchedWith.settings.profile.phone
    || latest.settings.composeAccount !== fetchedWith.settings.composeAccount
    || !sameData(latest.source, fetchedWith.source);
}

type IcalOutcome = { result: SyncResult<IcalCursor> } | { failure: SyncFailure };

async function fetchIcal(state: StoredState, now: number): Promise<IcalOutcome> {
  if (state.source.kind !== 'ical') return { failure: { code: 'http' } };
  const own = ownContacts(state.settings);
  try {
    const result = await syncIcalFeed(state.source.url, state.icalCursor, (input, init) => fetch(input, init), {
      now,
      // The same addresses and phone the Google path uses; the feed adds its owner.
      detection: { rules: state.settings.rules, selfEmails: own.emails, selfPhones: own.phones },
      floatingTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      windowsZones: await loadWindowsZones(),
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
    if (state.source.kind === 'demo' || state.source.kind === 'none' || !syncDue(state.sync, trigger, startedAt)) return false;
    if (state.source.kind === 'ical') {
      const { url } = state.source;
      const outcome = await fetchIcal(state, startedAt);
      await reconcileNow('sync', (latest, now) => (staleFor(latest, state) ? latest : applyIcalOutcome(latest, outcome, url, now, Math.random())));
      return true;
    }
    const outcome = await readGoogleCalendars(googleClient(state.source.selfEmail), state, trigger, startedAt);
    await reconcileNow('sync', (latest, now) => (staleFor(latest, state) ? latest : applyGoogleOutcome(latest, outcome, now, Math.random)));
    return true;
  });
}
