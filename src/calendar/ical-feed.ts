/**
 * The secret-iCal-address source (issue 4): iCal text → the interviews and busy intervals
 * the product needs, and the fetch → parse sync the service worker calls. Pure apart from
 * the injected fetch; time is a parameter.
 *
 * How it stays fast on a 5 MB / 5,000-event feed (tests/fakes/ical-feed-generator.ts, measured by `npm run bench`):
 * - components are split by a scan and each is parsed on its own; single events days away
 *   from the window are not parsed at all (ical-scan.ts); plain VEVENTs, nearly all, are
 *   read without ical.js (ical-plain.ts);
 * - VEVENTs are grouped by UID in one pass into masters and RECURRENCE-ID overrides. The
 *   common `new ICAL.Event(vevent)` per VEVENT rescans every sibling for overrides and is
 *   quadratic (7–9.5 s, ~600 MB on that feed); it is not used at all;
 * - each series is classified once, on its master, before anything is expanded, and only
 *   series that can give an interview or busy time are expanded; of an interview series,
 *   only the master is detected, its occurrences derived from it; a title found no
 *   interview is not detected again (with the same description, or another that cannot
 *   decide);
 * - expansion covers only the window and starts near it (ical-expand.ts);
 * - a sync's busy time is collected in arrays and stored merged (mergedBusy), not as an
 *   object keyed by every instance's id.
 */
import ICAL from 'ical.js';
import type { IcalCursor, IcalReport, IcalSkipReason } from '../core/stored-state.ts';
import { canonicalEmail, descriptionMayDecide, detectInterview, occurrenceDetection, type Detection, type DetectOptions } from '../core/detect-interview.ts';
import type { CalendarEvent, ConferenceEntryPoint, DetectionRules, EventAttendee, EventDateTime, EventPerson, Interview } from '../core/types.ts';
import { expandSeries, eventDuration, instantOf, type Occurrence, type StepBudget } from './ical-expand.ts';
import { NONE, readEvent, type IcalEvent, type IcalPerson } from './ical-event.ts';
import { readPlainEvent } from './ical-plain.ts';
import { salvageEvent } from './ical-salvage.ts';
import { fetchIcalFeed, type IcalFetchOptions, type IcalValidators } from './ical-fetch.ts';
import { ownerOfCalendarName, ownerOfFeedUrl } from './ical-owner.ts';
import { hasLowerCaseNames, outsideWindow, splitFeed, ymdOf } from './ical-scan.ts';
import { createZoneLookup, namedZone, unquoted, type ZoneLookup } from './ical-zones.ts';
import { SyncError, isSyncError, type BusyInterval, type DetectionInput, type FetchLike, type SyncResult } from './source-types.ts';

export { fetchIcalFeed, maskIcalUrl, normalizeIcalUrl, DEFAULT_MAX_BYTES } from './ical-fetch.ts';
import { HOUR, DAY } from '../core/units.ts';
export type { IcalFetchResult, IcalValidators, IcalFetchOptions } from './ical-fetch.ts';

/** Work bounds for hostile feeds (the generated 5,000-event feed parses ~800 VEVENTs and
 * takes ~6,000 recurrence steps and checks). */
const MAX_PARSED_EVENTS = 20_000;
const MAX_STEPS_PER_FEED = 100_000;

export interface IcalParseOptions {
  /** Epoch ms. */
  now: number;
  detection: DetectionInput;
  /** How far ahead interviews and busy time are expanded. Default 14, at most 60. */
  windowDays?: number;
  /** IANA zone for floating times when the feed has no X-WR-TIMEZONE (the browser's zone;
   * defaults to the runtime's). */
  floatingTimeZone?: string;
  /** CLDR's Windows → IANA zone table (windows-zones-data.ts's encoding). Without it,
   * Windows zone names are read through the feed's VTIMEZONE. */
  windowsZones?: string;
}

export interface IcalParseResult {
  /** By `Interview.id`: `ical:<UID>` for single events, `ical:<UID>@<ISO instant>` for
   * occurrences (the instant the occurrence was scheduled at: stable when it is moved). */
  interviews: Record<string, Interview>;
  /** The next `windowDays` days of timed opaque events: one interval per instance under its
   * interview's key, or merged (see mergedBusy), as syncIcalFeed stores it. */
  busy: Record<string, BusyInterval>;
  /** VEVENTs (and VTIMEZONEs) that could not be read and were left out (older copies of
   * an event, replaced by a newer one, are only in the report). */
  skipped: number;
  /** What the options page shows about the last sync. */
  report: IcalReport;
}

export type { IcalReport, IcalSkipReason };

/** What a sync remembers between runs: the stored shape (core/stored-state.ts). */
export type { IcalCursor };

/**
 * A 304 would keep the occurrences expanded for the window of the last parse; as days
 * pass, next week's instance of a weekly series must still appear. So the conditional
 * request is only made while the last expansion is this fresh.
 */
export const REEXPAND_AFTER_MS = 6 * HOUR;

/** ISO strings of the occurrences' instants, for their ids, as `toISOString` writes them,
 * from their day and their time of day: a feed's many series fall on a few dozen days and a
 * few dozen times of day, each text written again for every id (as one memo of whole
 * instants, thousands of series at their own hours kept missing it). */
const dayMemo = new Map<number, string>();
const timeMemo = new Map<number, string>();
/** Date's range (ECMA-262 §21.4.1.22): beyond it toISOString throws, as it should here. */
const MAX_DATE = 8.64e15;

/** Exported for tests/unit/ical-feed.test.ts, which compares it with `toISOString`. */
export function iso(ms: number): string {
  // A fraction of a millisecond or an instant outside Date's range: as Date writes it.
  if (!Number.isInteger(ms) || Math.abs(ms) > MAX_DATE) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY);
  const time = ms - day * DAY;
  let date = dayMemo.get(day);
  if (date === undefined) {
    if (dayMemo.size >= 5_000) dayMemo.clear();
    // "2026-11-27T", or "+010000-01-01T" past the year 9999.
    const text = new Date(day * DAY).toISOString();
    date = text.slice(0, text.indexOf('T') + 1);
    dayMemo.set(day, date);
  }
  let clock = timeMemo.get(time);
  if (clock === undefined) {
    if (timeMemo.size >= 5_000) timeMemo.clear();
    clock = new Date(time).toISOString().slice(11);
    timeMemo.set(time, clock);
  }
  return date + clock;
}

function lower(value: string | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

const RESPONSE: Record<string, string> = { ACCEPTED: 'accepted', DECLINED: 'declined', TENTATIVE: 'tentative', 'NEEDS-ACTION': 'needsAction' };

function httpsOnly(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  return /^https:\/\//i.test(trimmed) ? trimmed : undefined;
}

/** Busy time as it is found, instance by instance: arrays, not an object keyed by id, which
 * costs more to build than anything else about the instances (a first sync of 5,000 weekly
 * series finds 13,372). `keys` only when each instance is kept (busy shape 'each'). */
interface BusyTime {
  starts: number[];
  ends: number[];
  keys: string[] | undefined;
}

/** 'each': an interval per instance, keyed by its id; 'merged': disjoint intervals. */
export type BusyShape = 'each' | 'merged';

function busyByInstance(keys: string[], busy: BusyTime): Record<string, BusyInterval> {
  const byKey: Record<string, BusyInterval> = {};
  for (let i = 0; i < keys.length; i++) byKey[keys[i] as string] = { start: busy.starts[i] as number, end: busy.ends[i] as number };
  return byKey;
}

/**
 * The busy time as disjoint intervals, overlapping or touching ones made one, keyed by
 * where each starts. Free-slot proposals, the only reader of stored busy time, merge it
 * the same way (core/propose-slots.ts): what they propose does not change, and a calendar
 * of thousands of series stores tens of intervals, not one per instance. A union
 * needs only the starts and the ends, each sorted (natively, as numbers): walking both,
 * the instances open at a point are the starts up to it less the ends up to it; an
 * interval of the union begins where that count leaves 0 and ends where it returns to it
 * (a start before an end at the same instant, so touching intervals join).
 */
function mergedBusy(busy: BusyTime): Record<string, BusyInterval> {
  const starts = Float64Array.from(busy.starts).sort();
  const ends = Float64Array.from(busy.ends).sort();
  const merged: Record<string, BusyInterval> = {};
  let open = 0;
  let from = 0;
  for (let s = 0, e = 0; e < ends.length; ) {
    if (s < starts.length && (starts[s] as number) <= (ends[e] as number)) {
      if (open++ === 0) from = starts[s] as number;
      s++;
    } else {
      const end = ends[e++] as number;
      if (--open === 0) merged[`${ID_PREFIX}busy@${iso(from)}`] = { start: from, end };
    }
  }
  return merged;
}

interface Context {
  zones: ZoneLookup;
  /** The user's addresses in their one spelling (canonicalEmail): the profile's, the
   * signed-in account's, the feed owner's. */
  self: Set<string>;
  /** What detection is told of the user (addresses and phones). */
  selfOptions: DetectOptions;
  rules: DetectionRules;
  /** `rules` without per-event overrides: the one that applies is added per event. */
  plainRules: DetectionRules;
  overrides: Record<string, 'interview' | 'not-interview'>;
  /** `overrides` is empty. */
  noOverrides: boolean;
  /** UIDs with at least one occurrence the user marked as an interview. */
  occurrenceInterviewUids: Set<string>;
  interviewFrom: number;
  busyFrom: number;
  to: number;
  interviews: Record<string, Interview>;
  busy: BusyTime;
  budget: StepBudget;
  /** Titles → descriptions detection found to be no interview (see plainInstance). */
  noMatch: Map<string, Set<string>>;
  /** Titles detection found to be no interview with a description that could not decide
   * (descriptionMayDecide): no interview with any other such description either. */
  noMatchTitles: Set<string>;
  /** A series' occurrences share one `base`: its detection, for the others (see record). */
  detected: WeakMap<CalendarEvent, Detection>;
}

function isSelf(email: string | undefined, self: Set<string>): boolean {
  return email !== undefined && email !== '' && self.has(canonicalEmail(email));
}

function attendeeOf(person: IcalPerson, self: Set<string>, organizerEmail: string): EventAttendee {
  const attendee: EventAttendee = {};
  if (person.email) attendee.email = person.email;
  if (person.name) attendee.displayName = person.name;
  if (isSelf(person.email, self)) attendee.self = true;
  if (organizerEmail !== '' && lower(person.email) === organizerEmail) attendee.organizer = true;
  if (person.resource) attendee.resource = true;
  const status = person.partstat ? RESPONSE[person.partstat] : undefined;
  if (status) attendee.responseStatus = status;
  return attendee;
}

/** The Google-shaped event detection and extraction read (start/end filled per occurrence). */
function toCalendarEvent(event: IcalEvent, ctx: Context): CalendarEvent {
  const organizerEmail = lower(event.organizer?.email);
  const calendarEvent: CalendarEvent = { id: event.uid, attendees: event.attendees.map((person) => attendeeOf(person, ctx.self, organizerEmail)) };
  if (event.status) calendarEvent.status = event.status;
  if (event.summary !== undefined) calendarEvent.summary = event.summary;
  if (event.description !== undefined) calendarEvent.description = event.description;
  if (event.location !== undefined) calendarEvent.location = event.location;
  if (event.organizer) {
    const organizer: EventPerson = {};
    if (event.organizer.email) organizer.email = event.organizer.email;
    if (event.organizer.name) organizer.displayName = event.organizer.name;
    if (isSelf(event.organizer.email, ctx.self)) organizer.self = true;
    calendarEvent.organizer = organizer;
  }
  // Only https links go on: extraction then keeps Meet / Zoom / Teams hosts only.
  const entryPoints: ConferenceEntryPoint[] = [];
  const conference = httpsOnly(event.conference);
  if (conference) {
    calendarEvent.hangoutLink = conference;
    entryPoints.push({ entryPointType: 'video', uri: conference });
  }
  const url = httpsOnly(event.url);
  if (url) entryPoints.push({ entryPointType: 'video', uri: url });
  if (entryPoints.length > 0) calendarEvent.conferenceData = { entryPoints };
  return calendarEvent;
}

function declinedBySelf(event: IcalEvent, self: Set<string>): boolean {
  return event.attendees.length > 0 && self.size > 0 && event.attendees.some((person) => person.partstat === 'DECLINED' && isSelf(person.email, self));
}

function rulesFor(ctx: Context, id: string, uid: string): DetectionRules {
  // No decisions (most syncs): nothing to look up. Each look-up looks its key up in the
  // engine's string table first, thousands of them in a first sync.
  if (ctx.noOverrides) return ctx.plainRules;
  const own = Object.hasOwn(ctx.overrides, id) ? ctx.overrides[id] : Object.hasOwn(ctx.overrides, uid) ? ctx.overrides[uid] : undefined;
  // A decision on the series (keyed by UID) holds for every occurrence without its own.
  return own === undefined ? ctx.plainRules : { ...ctx.plainRules, overrides: { [id]: own } };
}

/** The instants whose ISO text detection reads as valid: years 0000 to 9999. */
const MIN_ISO = -62_167_219_200_000;
const MAX_ISO = 253_402_300_800_000;

function dateTime(ms: number, timeZone: string | undefined): EventDateTime {
  // Not through `iso`'s memo: each series' own start would crowd out the shared instants.
  // One shape with a zone or without (detection reads a missing one as none): code the
  // engine optimized on one would be thrown away on meeting the other.
  return { dateTime: new Date(ms).toISOString(), timeZone };
}

function zoneName(event: IcalEvent, ctx: Context): string | undefined {
  if (event.start.kind !== 'zoned') return undefined;
  const iana = ctx.zones.zone(event.start.tzid).iana;
  return iana === 'UTC' ? undefined : iana;
}

/**
 * Whether detection's "no-match" for this instance holds for every instance with its title
 * and description: nothing else detection reads can differ. No decision of the user's on it,
 * not declined, times detection reads as valid (years 0000-9999), an id it accepts. (Only
 * those, the title and the description decide a "no-match": core/detect-interview.ts,
 * exclusion and decide.) A feed repeats a few titles over thousands of events.
 */
function plainInstance(ctx: Context, event: IcalEvent, id: string, start: number, end: number, declined: boolean): boolean {
  return !declined && plainlyDetected(ctx, rulesFor(ctx, id, event.uid), id, start, end);
}

/** Detection of an instance with these rules, id and times depends on nothing of them but
 * its times' values: the rules say nothing of the id, detect accepts the id, and it reads
 * the times as valid (years 0000-9999). */
function plainlyDetected(ctx: Context, rules: DetectionRules, id: string, start: number, end: number): boolean {
  return rules === ctx.plainRules && start >= MIN_ISO && end < MAX_ISO && id.length <= 1024;
}

function knownNoMatch(ctx: Context, event: IcalEvent): boolean {
  const summary = event.summary ?? '';
  const description = event.description ?? '';
  return ctx.noMatch.get(summary)?.has(description) === true || (ctx.noMatchTitles.has(summary) && !descriptionMayDecide(ctx.plainRules, description));
}

function noteNoMatch(ctx: Context, event: IcalEvent): void {
  const summary = event.summary ?? '';
  const description = event.description ?? '';
  const known = ctx.noMatch.get(summary) ?? new Set<string>();
  ctx.noMatch.set(summary, known.add(description));
  // The title alone said so: the same title says so with any description that could not decide.
  if (!descriptionMayDecide(ctx.plainRules, description)) ctx.noMatchTitles.add(summary);
}

/** The occurrences of a series differ only in their ids and times: one detection serves
 * them all (occurrenceDetection), each of whose times detect accepts and whose id the
 * rules say nothing of. */
function shareable(ctx: Context, rules: DetectionRules, id: string, start: number, end: number): boolean {
  return plainlyDetected(ctx, rules, id, start, end) && Number.isInteger(start) && Number.isInteger(end) && end >= start;
}

/** Records one concrete instance (a single event or an occurrence) in the results; with
 * `base`, it is also a candidate interview. `key` is the instance's id behind "ical:", the
 * key of both results (a series writes its prefix once for all its occurrences). `declined`:
 * declinedBySelf of the event, asked once for all its occurrences. */
function record(ctx: Context, event: IcalEvent, base: CalendarEvent | undefined, key: string, uid: string, start: number, end: number, declined: boolean): void {
  if (event.status === 'cancelled') return;
  if (!event.transparent && end > start && end > ctx.busyFrom && start < ctx.to && !declined) {
    const { busy } = ctx;
    busy.starts.push(start);
    busy.ends.push(end);
    busy.keys?.push(key);
  }
  if (!base || start >= ctx.to || (end <= ctx.interviewFrom && start < ctx.interviewFrom)) return;
  const id = key.slice(ID_PREFIX.length);
  const rules = rulesFor(ctx, id, uid);
  const shared = shareable(ctx, rules, id, start, end);
  const known = shared ? ctx.detected.get(base) : undefined;
  let detection: Detection;
  if (known) detection = occurrenceDetection(known, id, start, end);
  else {
    const timeZone = zoneName(event, ctx);
    const instance: CalendarEvent = { ...base, id, start: dateTime(start, timeZone), end: dateTime(end, timeZone) };
    detection = detectInterview(instance, rules, ctx.selfOptions);
    if (shared) ctx.detected.set(base, detection);
  }
  // Stored under `key`, which is its id (reading the id off the interview, whose optional
  // fields give it many shapes, threw away the engine's optimized code of a first sync).
  if (detection.isInterview) ctx.interviews[key] = detection.interview;
  else if (detection.reason === 'no-match' && plainInstance(ctx, event, id, start, end, declined)) noteNoMatch(ctx, event);
}

/** A VEVENT that is one instance: a single event, or an override (moved / cancelled). */
function recordInstance(ctx: Context, event: IcalEvent, id: string): void {
  if (event.start.kind === 'date') return; // all-day: neither an interview nor busy time
  const start = instantOf(event.start, ctx.zones);
  const end = start + eventDuration(event, ctx.zones, start);
  const declined = declinedBySelf(event, ctx.self);
  // A title and description already found to be no interview: detection would say so again.
  const candidate = !(knownNoMatch(ctx, event) && plainInstance(ctx, event, id, start, end, declined));
  record(ctx, event, candidate ? toCalendarEvent(event, ctx) : undefined, `${ID_PREFIX}${id}`, event.uid, start, end, declined);
}

interface FutureChange {
  /** The recurrence the change starts at. */
  at: number;
  event: IcalEvent;
  base: CalendarEvent;
  shift: number;
  duration: number;
  /** declinedBySelf of `event`. */
  declined: boolean;
}

/** RECURRENCE-ID;RANGE=THISANDFUTURE overrides, as changes to every later instance. */
function futureChanges(ctx: Context, overrides: readonly IcalEvent[]): FutureChange[] {
  const changes: FutureChange[] = [];
  for (const event of overrides) {
    if (!event.thisAndFuture || !event.recurrenceId || event.recurrenceId.kind === 'date' || event.start.kind === 'date') continue;
    const at = instantOf(event.recurrenceId, ctx.zones);
    const start = instantOf(event.start, ctx.zones);
    changes.push({ at, event, base: toCalendarEvent(event, ctx), shift: start - at, duration: eventDuration(event, ctx.zones, start), declined: declinedBySelf(event, ctx.self) });
  }
  return changes.sort((a, b) => a.at - b.at);
}

const NO_INSTANTS: ReadonlySet<number> = new Set();
/** What the ids of interviews and busy intervals start with (detection's `${source}:`). */
const ID_PREFIX = 'ical:';

function recordSeries(ctx: Context, master: IcalEvent, overrides: readonly IcalEvent[], skip: (reason: IcalSkipReason) => void): void {
  // Most series have no override: nothing to collect for them.
  const overridden = overrides.length === 0 ? NO_INSTANTS : new Set<number>();
  for (let i = 0; i < overrides.length; i++) {
    const override = overrides[i] as IcalEvent;
    if (override.recurrenceId && override.recurrenceId.kind !== 'date') (overridden as Set<number>).add(instantOf(override.recurrenceId, ctx.zones));
  }
  const changes = overrides.length === 0 ? NONE : futureChanges(ctx, overrides);
  // Moved instances can come from outside the window: expand that much wider.
  let reach = 0;
  for (let i = 0; i < changes.length; i++) reach = Math.max(reach, Math.abs((changes[i] as FutureChange).shift));
  if (master.start.kind !== 'date' && master.status !== 'cancelled') {
    const masterStart = instantOf(master.start, ctx.zones);
    const masterEnd = masterStart + eventDuration(master, ctx.zones, masterStart);
    const declined = declinedBySelf(master, ctx.self);
    const givesBusy = !master.transparent && !declined;
    // Classified once, on the master, before any expansion; not at all when another event
    // with its title and description was no interview (plainInstance).
    const rules = rulesFor(ctx, master.uid, master.uid);
    const plain = plainInstance(ctx, master, master.uid, masterStart, masterEnd, declined);
    let candidate = ctx.occurrenceInterviewUids.has(master.uid);
    let unusable = false;
    let base: CalendarEvent | undefined;
    if (!plain || !knownNoMatch(ctx, master)) {
      base = toCalendarEvent(master, ctx);
      // Each occurrence gets its own copy of `base` with its own times: these are the
      // master's, in the zone the occurrences are given in.
      const timeZone = zoneName(master, ctx);
      base.start = dateTime(masterStart, timeZone);
      base.end = dateTime(masterEnd, timeZone);
      const representative = detectInterview(base, rules, ctx.selfOptions);
      if (representative.isInterview) {
        candidate = true;
        // Found with the master's id and times, it serves the occurrences too (record).
        if (shareable(ctx, rules, master.uid, masterStart, masterEnd)) ctx.detected.set(base, representative);
      } else if (representative.reason === 'invalid-time') unusable = true;
      else if (plain && representative.reason === 'no-match') noteNoMatch(ctx, master);
    }
    if ((candidate || givesBusy) && !unusable) {
      if (!candidate) base = undefined;
      else base ??= toCalendarEvent(master, ctx);
      try {
        const from = (candidate ? ctx.interviewFrom : ctx.busyFrom) - reach;
        const window = { from, to: ctx.to + reach, masterStart, duration: masterEnd - masterStart };
        const occurrences = expandSeries(master, ctx.zones, window, overridden, ctx.budget);
        const prefix = `${ID_PREFIX}${master.uid}@`;
        // Merged busy time needs no ids: only interviews do then.
        const keyed = candidate || ctx.busy.keys !== undefined;
        // Indexed: a for-of runs the iterator protocol, slow in the cold code of a first sync.
        for (let i = 0; i < occurrences.length; i++) {
          const occurrence = occurrences[i] as Occurrence;
          const key = keyed ? prefix + iso(occurrence.recurrence) : prefix;
          const change = changes.length === 0 ? undefined : changes.findLast((c) => c.at <= occurrence.recurrence);
          if (change) record(ctx, change.event, candidate ? change.base : undefined, key, master.uid, occurrence.recurrence + change.shift, occurrence.recurrence + change.shift + change.duration, change.declined);
          else record(ctx, master, base, key, master.uid, occurrence.start, occurrence.end, declined);
        }
      } catch {
        skip('bad-rule'); // a rule ical.js rejects: this series only
      }
    }
  }
}

function recordOverride(ctx: Context, override: IcalEvent): void {
  if (!override.recurrenceId || override.recurrenceId.kind === 'date') return;
  recordInstance(ctx, override, `${override.uid}@${iso(instantOf(override.recurrenceId, ctx.zones))}`);
}

const HEADER_LINES = /^X-WR-(?:TIMEZONE|CALNAME)[;:][^\r\n]*/gim;

/** The calendar's own X-WR-TIMEZONE and X-WR-CALNAME (the first of each that can be read).
 * Only their lines are read, each on its own: a malformed line in the header, one of them
 * included, is ignored, and does not cost the feed its events. */
function headerProperties(header: string): { timeZone?: string; name?: string } {
  const found: { timeZone?: string; name?: string } = {};
  for (const line of header.replace(/\r?\n[ \t]/g, '').match(HEADER_LINES) ?? []) {
    let prop: unknown;
    try {
      prop = ICAL.parse.property(line);
    } catch {
      continue;
    }
    if (!Array.isArray(prop) || typeof prop[3] !== 'string') continue;
    if (prop[0] === 'x-wr-timezone') found.timeZone ??= prop[3];
    if (prop[0] === 'x-wr-calname') found.name ??= prop[3];
  }
  return found;
}

/** The user's addresses and phones, the feed's owner among them. */
function selfOf(detection: DetectionInput, owner: string | undefined): { self: Set<string>; selfOptions: DetectOptions } {
  const listed = [detection.selfEmail, ...(Array.isArray(detection.selfEmails) ? detection.selfEmails.slice(0, 10) : []), owner];
  const addresses = listed.filter((email): email is string => typeof email === 'string' && email.trim() !== '');
  const selfOptions: DetectOptions = { source: 'ical', selfEmails: addresses };
  if (Array.isArray(detection.selfPhones)) selfOptions.selfPhones = detection.selfPhones;
  return { self: new Set(addresses.map(canonicalEmail)), selfOptions };
}

/** VTIMEZONE blocks by lower-cased TZID; each is parsed only if an event needs it. */
function zoneBlocks(blocks: string[]): Map<string, string> {
  const zones = new Map<string, string>();
  for (const block of blocks) {
    const tzid = /^TZID[^:\r\n]*:(.*)$/im.exec(block.replace(/\r?\n[ \t]/g, ''))?.[1];
    const key = unquoted(tzid ?? '').toLowerCase();
    if (key && !zones.has(key)) zones.set(key, block);
  }
  return zones;
}

/** RFC 5545 §3.8.7.4: the copy with the higher SEQUENCE wins, then the later DTSTAMP. */
function newer(a: IcalEvent, b: IcalEvent): boolean {
  return a.sequence !== b.sequence ? a.sequence > b.sequence : a.stamp > b.stamp;
}

function sameEvent(a: IcalEvent, b: IcalEvent): boolean {
  return a.start.wall === b.start.wall && a.start.kind === b.start.kind && a.summary === b.summary && a.rules.length === b.rules.length;
}

/** A CR that ends no CRLF, or a content line whose name has a lower-case letter. */
const ODD_LINE = /\r(?!\n)|\n[A-Z-]*[a-z]/;

/** A BOM and the blanks before the calendar dropped (a PHP page that printed some before
 * it: other readers take the feed); CR-only and mixed line ends made CRLF; and whether a
 * property name is written in lower case anywhere (see outsideWindow). Most feeds have
 * none of these: one scan finds so, and the text is copied only when needed. */
function normalizedText(text: string): { text: string; caseless: boolean } {
  const unmarked = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  const odd = ODD_LINE.exec(unmarked);
  if (!odd) return { text: unmarked, caseless: false };
  // A lower-case name, and no lone CR before it: maybe none after it either.
  if (odd[0] !== '\r' && !/\r(?!\n)/.test(unmarked.slice(odd.index))) return { text: unmarked, caseless: true };
  const crlf = unmarked.replace(/\r\n?|\n/g, '\r\n');
  return { text: crlf, caseless: hasLowerCaseNames(crlf) };
}

function validOverrides(rules: DetectionRules): Record<string, 'interview' | 'not-interview'> {
  const result: Record<string, 'interview' | 'not-interview'> = {};
  const raw: unknown = rules?.overrides;
  if (typeof raw !== 'object' || raw === null) return result;
  for (const [key, value] of Object.entries(raw)) {
    if (value === 'interview' || value === 'not-interview') result[key] = value;
  }
  return result;
}

function parse(text: string, options: IcalParseOptions, busyShape: BusyShape): IcalParseResult {
  if (typeof text !== 'string') throw new SyncError('malformed', 'The calendar feed is not text.');
  const now = options.now;
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new SyncError('malformed', 'No valid time to read the calendar at.');
  const windowDays = Math.min(60, Math.max(1, Math.floor(options.windowDays ?? 14)));
  let skipped = 0;
  const report: IcalReport = { events: 0, skipped: {} };
  const skip = (reason: IcalSkipReason) => {
    // An older copy of an event is not lost: its newer copy is read.
    if (reason !== 'duplicate') skipped++;
    report.skipped[reason] = (report.skipped[reason] ?? 0) + 1;
  };

  const normalized = normalizedText(text);
  const blocks = splitFeed(normalized.text);
  report.events = blocks.events.length;
  const { timeZone: calendarZone, name: calendarName } = headerProperties(blocks.header);
  // Floating times: the calendar's own zone when it names one, else the browser's.
  const floatingName = namedZone(calendarZone, options.windowsZones) ? calendarZone : options.floatingTimeZone;
  const zones = createZoneLookup(zoneBlocks(blocks.timezones), floatingName, options.windowsZones, () => skip('bad-zone'));

  const overrides = validOverrides(options.detection.rules);
  const occurrenceInterviewUids = new Set<string>();
  for (const [key, value] of Object.entries(overrides)) {
    const at = key.lastIndexOf('@');
    if (value === 'interview' && at > 0 && /^\d{4}-\d{2}-\d{2}T/.test(key.slice(at + 1))) occurrenceInterviewUids.add(key.slice(0, at));
  }
  const ctx: Context = {
    zones,
    ...selfOf(options.detection, ownerOfCalendarName(calendarName)),
    rules: options.detection.rules,
    plainRules: { ...options.detection.rules, overrides: {} },
    overrides,
    noOverrides: Object.keys(overrides).length === 0,
    occurrenceInterviewUids,
    interviewFrom: now - DAY,
    busyFrom: now,
    to: now + windowDays * DAY,
    interviews: {},
    busy: { starts: [], ends: [], keys: busyShape === 'each' ? [] : undefined },
    budget: { steps: MAX_STEPS_PER_FEED },
    noMatch: new Map(),
    noMatchTitles: new Set(),
    detected: new WeakMap(),
  };

  // One pass: masters and RECURRENCE-ID overrides grouped by UID.
  const lo = ymdOf(ctx.interviewFrom - 2 * DAY);
  const hi = ymdOf(ctx.to + 2 * DAY);
  const masters = new Map<string, IcalEvent>();
  const overridesByUid = new Map<string, Map<number, IcalEvent>>();
  const caseless = normalized.caseless;
  const copies = new Map<string, number>();
  let parsed = 0;
  // Indexed, and forEach below: a for-of runs the iterator protocol, slow in the cold code
  // of a first sync.
  const { events } = blocks;
  for (let i = 0; i < events.length; i++) {
    const block = events[i] as string;
    if (outsideWindow(block, lo, hi, caseless)) continue;
    if (++parsed > MAX_PARSED_EVENTS) {
      skip('too-many');
      continue;
    }
    // Most VEVENTs are plain and read without ical.js (ical-plain.ts).
    let read = readPlainEvent(block, caseless);
    if (read === undefined) {
      try {
        read = readEvent(ICAL.parse(block));
      } catch {
        // One line ical.js refuses: read the others (ical-salvage.ts).
        read = readEvent(salvageEvent(block));
      }
    }
    if (typeof read === 'string') {
      skip(read);
      continue;
    }
    const event = read;
    if (event.recurrenceId) {
      if (event.recurrenceId.kind === 'date') continue;
      const key = instantOf(event.recurrenceId, zones);
      let byInstant = overridesByUid.get(event.uid);
      if (!byInstant) {
        byInstant = new Map();
        overridesByUid.set(event.uid, byInstant);
      }
      const existing = byInstant.get(key);
      if (existing) skip('duplicate');
      if (!existing || !newer(existing, event)) byInstant.set(key, event);
      continue;
    }
    const existing = masters.get(event.uid);
    if (!existing) masters.set(event.uid, event);
    else if (newer(event, existing) || newer(existing, event) || sameEvent(event, existing)) {
      skip('duplicate');
      if (newer(event, existing)) masters.set(event.uid, event);
    } else {
      // Same UID, SEQUENCE and DTSTAMP but a different event (two calendars merged by a
      // careless exporter): neither can be told to be the right one, so both are kept.
      const copy = (copies.get(event.uid) ?? 1) + 1;
      copies.set(event.uid, copy);
      masters.set(`${event.uid}#${copy}`, { ...event, uid: `${event.uid}#${copy}` });
    }
  }

  masters.forEach((master, uid) => {
    const byInstant = overridesByUid.get(uid);
    const overridesOfMaster = byInstant ? [...byInstant.values()] : NONE;
    overridesByUid.delete(uid);
    if (master.rules.length > 0 || master.rdates.length > 0) recordSeries(ctx, master, overridesOfMaster, skip);
    else recordInstance(ctx, master, uid);
    // Each override is also an instance of its own (moved or cancelled; of an event that does
    // not repeat, simply another instance).
    for (let i = 0; i < overridesOfMaster.length; i++) recordOverride(ctx, overridesOfMaster[i] as IcalEvent);
  });
  // Overrides whose master is not in the feed (invited to one instance only) or was left
  // unparsed because its series ended before the window.
  for (const byInstant of overridesByUid.values()) for (const override of byInstant.values()) recordOverride(ctx, override);

  const busy = ctx.busy.keys ? busyByInstance(ctx.busy.keys, ctx.busy) : mergedBusy(ctx.busy);
  return { interviews: ctx.interviews, busy, skipped, report };
}

/**
 * Interviews (yesterday … +windowDays) and busy intervals (now … +windowDays) of an iCal
 * feed. Structural damage (no calendar, unbalanced or truncated components) throws
 * `SyncError('malformed')` and nothing else; a VEVENT ical.js cannot read is skipped and
 * counted, so one broken invite — which anyone can send — cannot blank the calendar.
 * `busyShape`: the busy time of each instance under its id (the default, which the tests and
 * the corpus goldens read), or merged, as a sync stores it.
 */
export function parseIcalFeed(text: string, options: IcalParseOptions, busyShape: BusyShape = 'each'): IcalParseResult {
  try {
    return parse(text, options, busyShape);
  } catch (error) {
    if (isSyncError(error)) throw error;
    throw new SyncError('malformed', 'The calendar feed could not be read.');
  }
}

export interface IcalSyncOptions extends IcalParseOptions, Omit<IcalFetchOptions, 'now'> {}

/** Fetch (conditional while the last expansion is fresh) and parse. Rejects only with
 * `SyncError`. */
export async function syncIcalFeed(url: string, cursor: IcalCursor | undefined, fetchImpl: FetchLike, options: IcalSyncOptions): Promise<SyncResult<IcalCursor>> {
  const fresh = cursor?.expandedAt !== undefined && options.now - cursor.expandedAt >= 0 && options.now - cursor.expandedAt < REEXPAND_AFTER_MS;
  const validators: IcalValidators | undefined = fresh ? { etag: cursor?.etag, lastModified: cursor?.lastModified } : undefined;
  const fetchOptions: IcalFetchOptions = { now: options.now };
  if (options.maxBytes !== undefined) fetchOptions.maxBytes = options.maxBytes;
  if (options.signal) fetchOptions.signal = options.signal;
  const fetched = await fetchIcalFeed(url, validators, fetchImpl, fetchOptions);
  if (fetched.kind === 'unchanged') {
    const kept: IcalCursor = { ...fetched.cursor, expandedAt: cursor?.expandedAt ?? options.now };
    if (cursor?.report) kept.report = cursor.report;
    return { kind: 'unchanged', cursor: kept, requests: 1, bytes: 0 };
  }
  // The address itself may name the calendar's owner (Google's does): one of the user's.
  const owner = ownerOfFeedUrl(url);
  const detection = owner === undefined ? options.detection : { ...options.detection, selfEmails: [...(options.detection.selfEmails ?? []), owner] };
  // Stored, the busy time is merged: all that free-slot proposals read.
  const parsed = parseIcalFeed(fetched.text, { ...options, detection }, 'merged');
  return { kind: 'full', interviews: parsed.interviews, busy: parsed.busy, cursor: { ...fetched.cursor, expandedAt: options.now, report: parsed.report }, requests: 1, bytes: fetched.bytes };
}
