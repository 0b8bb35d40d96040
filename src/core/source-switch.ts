/**
 * Pure changes of the stored state when the user switches, connects or trims a calendar
 * source. The service worker (src/background/sync-source.ts, actions.ts) reads the state,
 * calls one of these inside a reconcile and writes what it returns. Nothing here does I/O.
 */
import type { CalendarHealth, SourceState, StoredState } from './stored-state.ts';
import { emptyGoogleCursor } from './stored-state.ts';
import { dropCalendar, retryCalendar } from './sync-state.ts';
import { cleanText } from './text.ts';
import { UserError } from './message-key.ts';
import { rulesChanged } from './rules-changed.ts';
import { sameValue } from './state-changes.ts';

/** A calendar on the user's Google list, as far as switching needs it. */
export interface ListedCalendar {
  id: string;
  summary: string;
  primary?: boolean;
}

/** Only the demo's own records: keys of demo interviews start with `demo:`. */
export function withoutDemo<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => !id.startsWith('demo:')));
}

/** Ends the demo: its interviews, marks and notifications go; the user's own stay. */
export function stopDemo(state: StoredState): StoredState {
  if (state.source.kind !== 'demo') return state;
  return { ...state, source: { kind: 'none' }, interviews: {}, marks: withoutDemo(state.marks), notified: withoutDemo(state.notified) };
}

/** Everything a source switch resets: the old source's interviews, marks, busy time and cursor. */
export function switchSource(state: StoredState, source: SourceState): StoredState {
  // Interviews typed in by hand belong to no calendar: they and their marks stay.
  const keep = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([id]) => id.startsWith('manual:')));
  return { ...state, source, interviews: {}, marks: keep(state.marks), notified: keep(state.notified), busy: {}, googleCursor: emptyGoogleCursor(), icalCursor: {}, sync: { failures: 0 }, calendarHealth: {} };
}

/**
 * Connects Google. From the demo this is a fresh start; reconnecting the same account keeps
 * the calendars, the data and the marks and only clears the error, so a sync runs at once.
 */
export function connectGoogleSource(state: StoredState, calendars: readonly ListedCalendar[]): StoredState {
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
export function connectIcalSource(state: StoredState, url: string): StoredState {
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

/**
 * Whether the rules or the account changed while a sync's requests ran: the answer was
 * classified with the old ones, and applying it (with its new cursor) would undo what the
 * user just said. It is dropped; the next poll asks again.
 */
export function syncAnswerIsStale(latest: StoredState, fetchedWith: Pick<StoredState, 'settings' | 'source'>): boolean {
  return rulesChanged(fetchedWith.settings.rules, latest.settings.rules)
    || latest.settings.profile.email !== fetchedWith.settings.profile.email
    || latest.settings.profile.phone !== fetchedWith.settings.profile.phone
    || latest.settings.composeAccount !== fetchedWith.settings.composeAccount
    || !sameValue(latest.source, fetchedWith.source);
}
