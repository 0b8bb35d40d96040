/**
 * One VEVENT, from ical.js's jCal (untyped arrays) into our own typed record. This is the
 * edge: nothing past this file sees jCal or `unknown` values. Every field was written by
 * whoever sent the invite, so every read is checked and bounded.
 */
import type { WallMs } from '../core/zoned-time.ts';
import { isRecord } from '../core/is-record.ts';
import { perObject } from '../core/lazy.ts';
import { SECOND, MINUTE } from '../core/units.ts';

export interface IcalTime {
  /** Local (or UTC, for `utc`) wall time; for `date`, midnight of that day. */
  wall: WallMs;
  kind: 'utc' | 'zoned' | 'floating' | 'date';
  /** For `zoned` only. */
  tzid: string | undefined;
}

export interface IcalPerson {
  email?: string;
  name?: string;
  partstat?: string;
  resource: boolean;
}

export interface IcalRule {
  /** ical.js Recur data without UNTIL (handled on instants, see ical-expand.ts). */
  data: Record<string, unknown>;
  freq: 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  count?: number;
  until?: IcalTime;
}

export interface IcalEvent {
  uid: string;
  recurrenceId?: IcalTime;
  /** RECURRENCE-ID;RANGE=THISANDFUTURE: the change holds for the later instances too. */
  thisAndFuture?: boolean;
  start: IcalTime;
  end?: IcalTime;
  durationMs?: number;
  /** DURATION's weeks and days, as days (signed): durationMs counts them as 24 hours each,
   * but they are calendar days (RFC 5545 §3.3.6), 23 or 25 hours across a clock change. */
  durationDays?: number;
  rules: readonly IcalRule[];
  exrules: readonly IcalRule[];
  rdates: readonly { time: IcalTime; durationMs?: number }[];
  exdates: readonly IcalTime[];
  status?: string;
  transparent: boolean;
  sequence: number;
  /** DTSTAMP as a UTC wall time (0 when absent): breaks SEQUENCE ties between copies. */
  stamp: number;
  summary?: string;
  description?: string;
  location?: string;
  url?: string;
  conference?: string;
  organizer?: IcalPerson;
  attendees: readonly IcalPerson[];
}

export interface RawProp {
  name: string;
  params: Record<string, unknown>;
  type?: string;
  values: unknown[];
  /** ical-plain.ts: the values of a date or time property as the feed writes them
   * ("20260101T090000Z"), of a DATE ('date') or a DATE-TIME, read as readEvent reads
   * ical.js's text of them (writtenTime). */
  written: 'date' | 'date-time' | undefined;
}

const TEXT_LIMIT = 100_000;
/** The most ATTENDEE lines, and EXDATE and RDATE values, read of one event. */
export const MAX_ATTENDEES = 500;
export const MAX_DATES = 2_000;
const FREQUENCIES = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
/** Recur keys ical.js may receive. Anything else in an RRULE ("ITERATOR=…") would be copied
 * onto the Recur object by `Recur.fromData` and could shadow its methods. */
const RULE_PARTS = ['wkst', 'bysecond', 'byminute', 'byhour', 'byday', 'bymonthday', 'byyearday', 'byweekno', 'bymonth', 'bysetpos'];

function readProps(jcal: unknown[]): RawProp[] {
  const list = jcal[1];
  if (!Array.isArray(list)) return [];
  const props: RawProp[] = [];
  for (const item of list as unknown[]) {
    if (!Array.isArray(item) || item.length < 4) continue;
    const [name, params, type, ...values] = item as unknown[];
    if (typeof name !== 'string' || !isRecord(params) || typeof type !== 'string') continue;
    props.push({ name, params, type, values, written: undefined });
  }
  return props;
}

/** A parameter's value (jCal gives a list for a parameter written with several). */
export function paramOf(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function param(prop: RawProp, name: string): string | undefined {
  return paramOf(prop.params, name);
}

function text(prop: RawProp | undefined): string | undefined {
  return textOf(prop?.values[0]);
}

/** A TEXT value as events keep it: at most TEXT_LIMIT long. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, TEXT_LIMIT) : undefined;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z?)$/i;
/** ical.js reads "DTEND:20260330" (a date without VALUE=DATE) as "2026-03-30T::". */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T::)?$/;

/**
 * The time a match of DATE_TIME, DATE or WRITTEN holds: the year, month and day in groups
 * 1–3, then, when `timed`, the hour, minute, second and Z in groups 4–7. Indexed, not
 * destructured: destructuring runs the iterator protocol, slow in the cold code of a first
 * sync, which reads thousands of these.
 */
function timeOfMatch(match: RegExpExecArray, timed: boolean, tzid: string | undefined): IcalTime | undefined {
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = timed ? Number(match[4]) : 0;
  const minute = timed ? Number(match[5]) : 0;
  const second = timed ? Number(match[6]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const wall = Date.UTC(Number(match[1]), month - 1, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 February into March: refuse it instead (every month has a 28th).
  if (day > 28 && new Date(wall).getUTCDate() !== day) return undefined;
  // Every field set, in one order (see eventOf).
  if (!timed) return { wall, kind: 'date', tzid: undefined };
  if (match[7]) return { wall, kind: 'utc', tzid: undefined };
  return tzid ? { wall, kind: 'zoned', tzid } : { wall, kind: 'floating', tzid: undefined };
}

export function timeFromValue(value: unknown, tzid: string | undefined): IcalTime | undefined {
  if (typeof value !== 'string' || value.length > 30) return undefined;
  const dateTime = DATE_TIME.exec(value);
  if (dateTime) return timeOfMatch(dateTime, true, tzid);
  const date = DATE.exec(value);
  return date ? timeOfMatch(date, false, tzid) : undefined;
}

/** A time as a feed writes it ("20260101T093000Z"), read as timeFromValue reads ical.js
 * 2.2.1's text of it, which ical.js makes character for character whatever the length: a DATE
 * is its first eight digits, whatever follows; of a DATE-TIME, eight digits and at most one
 * more character are a date, else the time's six digits follow after any one character, a Z
 * right after them is UTC, and anything after that is ignored. */
const WRITTEN = /^(\d{4})(\d{2})(\d{2})(?:[^](\d{2})(\d{2})(\d{2})(Z?))?/;

/** timeFromValue of ical.js's text of `value`, without that text: thousands of these in a
 * first sync, each otherwise seven more strings. */
export function writtenTime(value: string, date: boolean, tzid: string | undefined): IcalTime | undefined {
  const match = WRITTEN.exec(value);
  const timed = !date && match?.[4] !== undefined;
  return match && (timed || date || value.length <= 9) ? timeOfMatch(match, timed, tzid) : undefined;
}

/** One value of a date or time property, as written (`written`, see RawProp) or ical.js's text. */
export function timeIn(written: RawProp['written'], value: unknown, tzid: string | undefined): IcalTime | undefined {
  return written && typeof value === 'string' ? writtenTime(value, written === 'date', tzid) : timeFromValue(value, tzid);
}

function timeOf(prop: RawProp | undefined): IcalTime | undefined {
  if (!prop) return undefined;
  return timeIn(prop.written, prop.values[0], param(prop, 'tzid'));
}

const DURATION = /^([+-])?P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,8})S)?)?$/;

function durationParts(raw: unknown): RegExpExecArray | undefined {
  if (typeof raw !== 'string') return undefined;
  // Trailing spaces: Apple's iCal 1.0 ended every line with one.
  const value = raw.trim();
  const match = DURATION.exec(value);
  return !match || value === 'P' || value.endsWith('T') ? undefined : match;
}

/** A DURATION value in milliseconds, its weeks and days counted as 24 hours each. */
export function durationMs(raw: unknown): number | undefined {
  const match = durationParts(raw);
  return match && millisecondsOf(match);
}

function millisecondsOf(match: RegExpExecArray): number {
  const [, sign, w, d, h, m, s] = match;
  const ms = (((Number(w ?? 0) * 7 + Number(d ?? 0)) * 24 + Number(h ?? 0)) * 60 + Number(m ?? 0)) * MINUTE + Number(s ?? 0) * SECOND;
  return sign === '-' ? -ms : ms;
}

/** A DURATION's weeks and days, as days; undefined when it has none. */
function daysOf(match: RegExpExecArray): number | undefined {
  const days = Number(match[2] ?? 0) * 7 + Number(match[3] ?? 0);
  return days === 0 ? undefined : match[1] === '-' ? -days : days;
}

function person(prop: RawProp): IcalPerson {
  return personOf(text(prop) ?? '', prop.params);
}

/** An ORGANIZER or ATTENDEE from its value (at most TEXT_LIMIT long) and parameters. */
export function personOf(value: string, params: Record<string, unknown>): IcalPerson {
  const address = /^mailto:/i.test(value) ? value.slice(7) : value.includes('@') && !value.includes(':') ? value : paramOf(params, 'email') ?? '';
  const cutype = (paramOf(params, 'cutype') ?? '').toUpperCase();
  const email = address.trim().slice(0, 320);
  const name = paramOf(params, 'cn');
  const partstat = paramOf(params, 'partstat');
  // Every field set, in one order (see eventOf).
  return { email: email || undefined, name: name ? name.slice(0, 200) : undefined, partstat: partstat ? partstat.toUpperCase() : undefined, resource: cutype === 'RESOURCE' || cutype === 'ROOM' };
}

/** Rules by their property: ical-plain.ts gives the series that share an RRULE line one
 * property, so they share one rule too, and ical-expand.ts works out each rule once. */
export const ruleOf = perObject(readRule);

function readRule(prop: RawProp): IcalRule | undefined {
  const value = prop.values[0];
  if (!isRecord(value)) return undefined;
  const freq = typeof value.freq === 'string' ? value.freq.toUpperCase() : '';
  if (!FREQUENCIES.has(freq)) return undefined;
  const interval = value.interval === undefined ? 1 : Number(value.interval);
  if (!Number.isInteger(interval) || interval < 1 || interval > 1000) return undefined;
  const data: Record<string, unknown> = { freq, interval };
  // Lists copied: the property's jCal value stays as read (a derived UID is made of it, and
  // BYMONTH is sorted below).
  for (const key of RULE_PARTS) if (value[key] !== undefined) data[key] = Array.isArray(value[key]) ? [...(value[key] as unknown[])] : value[key];
  // ical.js walks BYMONTH in the order written: MONTHLY;BYMONTH=12,4 from December went to
  // the next December before April. The months are a set (RFC 5545 §3.3.10).
  if (Array.isArray(data.bymonth)) (data.bymonth as unknown[]).sort((a, b) => Number(a) - Number(b));
  const result: IcalRule = { data, freq: freq as IcalRule['freq'], interval };
  if (value.count !== undefined) {
    const count = Number(value.count);
    if (!Number.isInteger(count) || count < 1) return undefined;
    result.count = count;
    data.count = count;
  }
  if (value.until !== undefined) {
    const until = timeFromValue(value.until, param(prop, 'tzid'));
    if (!until) return undefined;
    result.until = until;
  }
  return result;
}

function dateList(props: RawProp[], into: { time: IcalTime; durationMs?: number }[]): void {
  for (const prop of props) {
    const tzid = param(prop, 'tzid');
    for (const value of prop.values) {
      if (into.length >= MAX_DATES) return;
      if (Array.isArray(value)) {
        // PERIOD: [start, end | duration]
        const start = timeFromValue(value[0], tzid);
        if (!start) continue;
        const duration = durationMs(value[1]);
        const end = duration === undefined ? timeFromValue(value[1], tzid) : undefined;
        const length = duration ?? (end ? end.wall - start.wall : undefined);
        into.push(length === undefined ? { time: start } : { time: start, durationMs: length });
        continue;
      }
      const time = timeIn(prop.written, value, tzid);
      if (time) into.push({ time });
    }
  }
}

/** The DTSTAMP read last: an export often stamps every event with one time, its own. */
let lastStamp: { value: unknown; tzid: string | undefined; written: RawProp['written']; wall: number } = { value: undefined, tzid: undefined, written: undefined, wall: 0 };

/** DTSTAMP as a wall time, 0 when absent or unreadable. */
function stampOf(prop: RawProp | undefined): number {
  return prop ? stampFrom(prop.values[0], param(prop, 'tzid'), prop.written) : 0;
}

/** DTSTAMP's value (with its TZID, and how it is written: see RawProp) as a wall time, 0 when unreadable. */
export function stampFrom(value: unknown, tzid: string | undefined, written: RawProp['written']): number {
  if (value !== lastStamp.value || tzid !== lastStamp.tzid || written !== lastStamp.written) lastStamp = { value, tzid, written, wall: timeIn(written, value, tzid)?.wall ?? 0 };
  return lastStamp.wall;
}

/**
 * One empty list for the events without attendees or EXDATEs, and (ical-feed.ts) the series
 * without overrides. An empty array literal (or the `map` of one) holds its elements as small
 * integers, a list of objects does not: code the engine optimized on events that had neither
 * kind of list was thrown away when the other came (in a first sync of 5,000 series, five
 * functions at once). A slice of a list of objects keeps that list's kind, empty as it is.
 * Never changed: the fields are read-only.
 */
export const NONE: readonly never[] = /* @__PURE__ */ [{}].slice(1) as never[];

/** Why a VEVENT could not be used. */
export type IcalProblem = 'no-start' | 'bad-rule';

/** 32-bit FNV-1a, twice with different seeds: 16 hex digits. Not a secret, just stable. */
function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * The typed VEVENT, or the reason it cannot be used (no readable start, an unreadable
 * RRULE). An event without UID gets one derived from what identifies it to a person (its
 * start, title, rule, place, RECURRENCE-ID), not from DTSTAMP, which some servers rewrite
 * on every download: the same event keeps its id, and the user's marks, across syncs.
 */
export function readEvent(jcal: unknown): IcalEvent | IcalProblem {
  if (!Array.isArray(jcal) || typeof jcal[0] !== 'string' || jcal[0].toLowerCase() !== 'vevent') return 'no-start';
  const byName = new Map<string, RawProp[]>();
  for (const prop of readProps(jcal)) {
    const list = byName.get(prop.name);
    if (list) list.push(prop);
    else byName.set(prop.name, [prop]);
  }
  return eventOf((name) => byName.get(name)?.[0], (name) => byName.get(name) ?? []);
}

/** What a UID eventOf derives starts with. */
export const DERIVED = 'derived-';

/** Every property eventOf reads (the type of its argument holds it to this list). */
export const EVENT_PROPERTIES = [
  'uid', 'summary', 'description', 'location', 'status', 'transp', 'dtstart', 'dtend', 'dtstamp', 'recurrence-id', 'duration',
  'url', 'x-google-conference', 'organizer', 'sequence', 'rrule', 'exrule', 'rdate', 'exdate', 'attendee',
] as const;
export type EventProperty = (typeof EVENT_PROPERTIES)[number];

/**
 * readEvent's reading of the properties of each name: jCal's, or those ical-plain.ts reads
 * without ical.js (decoded as ical.js decodes them). `first` gives the first property of a
 * name, `all` every one (for the names an event may have several of). Asks for each name
 * once (but for the few a missing UID is derived from).
 */
export function eventOf(first: (name: EventProperty) => RawProp | undefined, all: (name: EventProperty) => RawProp[]): IcalEvent | IcalProblem {
  const start = timeOf(first('dtstart'));
  if (!start) return 'no-start';
  let uid = text(first('uid'))?.trim().slice(0, 900);
  if (!uid) {
    const identity = (['dtstart', 'summary', 'rrule', 'location', 'recurrence-id'] as const).map((name) => {
      const prop = first(name);
      return prop ? JSON.stringify([prop.values, param(prop, 'tzid') ?? '']) : '';
    });
    uid = `${DERIVED}${contentHash(identity.join('|'))}`;
  }

  const sequence = first('sequence')?.values[0];
  const recurrenceProp = first('recurrence-id');
  const recurrenceId = timeOf(recurrenceProp);
  if (recurrenceProp && !recurrenceId) return 'no-start';
  const end = timeOf(first('dtend'));
  const durationProp = end ? undefined : first('duration');
  const rules: IcalRule[] = [];
  const rrules = all('rrule');
  for (const prop of rrules) {
    const parsed = ruleOf(prop);
    if (parsed) rules.push(parsed);
  }
  // An RRULE that cannot be read must not turn the series into a single event.
  if (rrules.length > 0 && rules.length === 0) return 'bad-rule';
  const exrules: IcalRule[] = [];
  for (const prop of all('exrule')) {
    const parsed = ruleOf(prop);
    // An EXRULE that cannot be read removes nothing (RFC 5545 deprecated it; rare).
    if (parsed) exrules.push(parsed);
  }
  const rdates: { time: IcalTime; durationMs?: number }[] = [];
  dateList(all('rdate'), rdates);
  const exdates: { time: IcalTime }[] = [];
  dateList(all('exdate'), exdates);
  const status = text(first('status'));
  const organizer = first('organizer');
  const attendees = all('attendee');
  return assembleEvent({
    uid,
    recurrenceId,
    range: recurrenceProp && param(recurrenceProp, 'range'),
    start,
    end,
    duration: durationProp?.values[0],
    rules,
    exrules,
    rdates,
    exdates,
    status,
    transp: text(first('transp')),
    sequence,
    stamp: stampOf(first('dtstamp')),
    summary: text(first('summary')),
    description: text(first('description')),
    location: text(first('location')),
    url: text(first('url')),
    conference: text(first('x-google-conference')),
    organizer: organizer ? person(organizer) : undefined,
    attendees: attendees.length === 0 ? NONE : attendees.slice(0, MAX_ATTENDEES).map(person),
  });
}

/** What a reader found of a VEVENT (eventOf in jCal, ical-plain.ts in the lines), as the
 * feed has it: texts at most TEXT_LIMIT long, the rest as assembleEvent takes it. */
export interface EventParts {
  /** Trimmed, at most 900 characters, not empty. */
  uid: string;
  recurrenceId: IcalTime | undefined;
  /** RECURRENCE-ID's RANGE parameter. */
  range: string | undefined;
  start: IcalTime;
  end: IcalTime | undefined;
  /** DURATION's value, when there is no DTEND. */
  duration: unknown;
  rules: readonly IcalRule[];
  exrules: readonly IcalRule[];
  rdates: readonly { time: IcalTime; durationMs?: number }[];
  exdates: readonly { time: IcalTime }[];
  status: string | undefined;
  transp: string | undefined;
  sequence: unknown;
  stamp: number;
  summary: string | undefined;
  description: string | undefined;
  location: string | undefined;
  url: string | undefined;
  conference: string | undefined;
  organizer: IcalPerson | undefined;
  /** At most MAX_ATTENDEES. */
  attendees: readonly IcalPerson[];
}

/** The event of what a reader found: the one place both readers' events are made. */
export function assembleEvent(parts: EventParts): IcalEvent {
  const { status, exdates } = parts;
  // Read once for its milliseconds and its calendar days.
  const duration = parts.duration === undefined ? undefined : durationParts(parts.duration);
  // Every field set, in one order, on every event: code the engine has optimized for one
  // event's shape must not meet another (a first sync reads thousands).
  return {
    uid: parts.uid,
    recurrenceId: parts.recurrenceId,
    thisAndFuture: parts.range?.toUpperCase() === 'THISANDFUTURE' || undefined,
    start: parts.start,
    end: parts.end,
    durationMs: duration && millisecondsOf(duration),
    durationDays: duration && daysOf(duration),
    rules: parts.rules,
    exrules: parts.exrules,
    rdates: parts.rdates,
    exdates: exdates.length === 0 ? NONE : exdates.map((entry) => entry.time),
    status: status ? status.trim().toLowerCase() : undefined,
    transparent: (parts.transp ?? '').trim().toUpperCase() === 'TRANSPARENT',
    sequence: Number.isInteger(parts.sequence) ? (parts.sequence as number) : 0,
    stamp: parts.stamp,
    summary: parts.summary,
    description: parts.description,
    location: parts.location,
    url: parts.url?.slice(0, 2000),
    conference: parts.conference?.slice(0, 2000),
    organizer: parts.organizer,
    attendees: parts.attendees,
  };
}
