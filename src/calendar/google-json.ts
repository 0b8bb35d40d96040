/**
 * Validation at the edge: Google's JSON comes in as `unknown` and leaves as our own types.
 * Only the fields the product reads are copied, each checked for its type; anything else
 * (or anything of the wrong type) is dropped, so nothing deeper handles `any`.
 */
import type { CalendarEvent, ConferenceEntryPoint, EventAttendee, EventDateTime, EventPerson } from '../core/types.ts';
import { isRecord } from '../core/is-record.ts';

type Raw = Record<string, unknown>;

const MAX_ATTENDEES = 2_000;
const MAX_ENTRY_POINTS = 50;

function copyStrings<T extends object>(target: T, raw: Raw, keys: readonly (keyof T & string)[]): T {
  for (const key of keys) if (typeof raw[key] === 'string') (target as Record<string, unknown>)[key] = raw[key];
  return target;
}

function dateTime(raw: unknown): EventDateTime | undefined {
  return isRecord(raw) ? copyStrings<EventDateTime>({}, raw, ['date', 'dateTime', 'timeZone']) : undefined;
}

function person(raw: unknown): EventPerson | undefined {
  if (!isRecord(raw)) return undefined;
  const p = copyStrings<EventPerson>({}, raw, ['email', 'displayName']);
  if (raw.self === true) p.self = true;
  return p;
}

function attendee(raw: unknown): EventAttendee | undefined {
  if (!isRecord(raw)) return undefined;
  const a: EventAttendee = { ...person(raw) };
  copyStrings(a, raw, ['responseStatus']);
  if (raw.organizer === true) a.organizer = true;
  if (raw.resource === true) a.resource = true;
  return a;
}

function entryPoint(raw: unknown): ConferenceEntryPoint | undefined {
  return isRecord(raw) ? copyStrings<ConferenceEntryPoint>({}, raw, ['entryPointType', 'uri', 'label', 'pin', 'regionCode']) : undefined;
}

function defined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** A Google event as our `CalendarEvent`, plus `transparency` (busy or free); undefined without an id. */
export function toCalendarEvent(raw: unknown): (CalendarEvent & { transparency?: string }) | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') return undefined;
  const event: CalendarEvent & { transparency?: string } = { id: raw.id };
  copyStrings(event, raw, ['status', 'summary', 'description', 'location', 'colorId', 'eventType', 'htmlLink', 'hangoutLink', 'transparency']);
  const start = dateTime(raw.start);
  const end = dateTime(raw.end);
  const organizer = person(raw.organizer);
  if (start) event.start = start;
  if (end) event.end = end;
  if (organizer) event.organizer = organizer;
  if (Array.isArray(raw.attendees)) event.attendees = raw.attendees.slice(0, MAX_ATTENDEES).map(attendee).filter(defined);
  if (isRecord(raw.conferenceData) && Array.isArray(raw.conferenceData.entryPoints)) {
    event.conferenceData = { entryPoints: raw.conferenceData.entryPoints.slice(0, MAX_ENTRY_POINTS).map(entryPoint).filter(defined) };
  }
  return event;
}

/** One page of events.list; undefined when the body is not that shape at all. */
export interface EventsPage {
  items: unknown[];
  nextPageToken?: string;
  nextSyncToken?: string;
}

export function toEventsPage(raw: unknown): EventsPage | undefined {
  if (!isRecord(raw)) return undefined;
  // `fields` omits an empty `items` altogether, so a missing list is an empty one.
  if (raw.items !== undefined && !Array.isArray(raw.items)) return undefined;
  const page: EventsPage = { items: Array.isArray(raw.items) ? raw.items : [] };
  if (typeof raw.nextPageToken === 'string' && raw.nextPageToken !== '') page.nextPageToken = raw.nextPageToken;
  if (typeof raw.nextSyncToken === 'string' && raw.nextSyncToken !== '') page.nextSyncToken = raw.nextSyncToken;
  return page;
}

/** A calendar the user can watch, from calendarList. */
export interface GoogleCalendarEntry {
  id: string;
  summary: string;
  primary: boolean;
  accessRole?: string;
  backgroundColor?: string;
}

export function toCalendarEntry(raw: unknown): GoogleCalendarEntry | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') return undefined;
  const entry: GoogleCalendarEntry = {
    id: raw.id,
    // summaryOverride is the name the user gave a calendar shared with them.
    summary: typeof raw.summaryOverride === 'string' && raw.summaryOverride !== '' ? raw.summaryOverride : typeof raw.summary === 'string' ? raw.summary : raw.id,
    primary: raw.primary === true,
  };
  if (typeof raw.accessRole === 'string') entry.accessRole = raw.accessRole;
  if (typeof raw.backgroundColor === 'string' && /^#[0-9a-f]{6}$/i.test(raw.backgroundColor)) entry.backgroundColor = raw.backgroundColor;
  return entry;
}

/** `error.errors[]` of a Google error body as domain/reason pairs (e.g. usageLimits/quotaExceeded). */
export function errorDetails(raw: unknown): Array<{ domain: string; reason: string }> {
  if (!isRecord(raw) || !isRecord(raw.error) || !Array.isArray(raw.error.errors)) return [];
  return raw.error.errors.flatMap((e) => (isRecord(e) ? [{ domain: typeof e.domain === 'string' ? e.domain : '', reason: typeof e.reason === 'string' ? e.reason : '' }] : []));
}
