/**
 * The product's one time engine: wall-clock time in a zone ↔ instants, with Intl only (no date
 * library in core). Correct across DST: the offset is looked up for the instant itself, not
 * for "today". The iCal layer (src/calendar/ical-zones.ts) resolves a feed's TZIDs and
 * VTIMEZONEs to offset functions and converts with `wallToInstant` here.
 */
import { DAY } from './units.ts';

/** A local date and time read as if it were UTC (`Date.UTC(y, m - 1, d, h, mi, s)`). */
export type WallMs = number;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The runtime's canonical name of an IANA zone ('europe/rome' → 'Europe/Rome'), or undefined
 * for anything that is not a zone it knows. Untrusted input is fine. */
export function canonicalZone(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || value.length > 64) return undefined;
  // A new Intl.DateTimeFormat costs ~0.1 ms warm and far more cold, and an iCal sync asks
  // for the same few names for every interview it detects: the answer is remembered (pure:
  // a name always resolves the same way in one runtime).
  if (canonicalMemo.has(value)) return canonicalMemo.get(value);
  let resolved: string | undefined;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    resolved = undefined; // RangeError: not a zone this runtime knows.
  }
  if (canonicalMemo.size >= 200) canonicalMemo.clear();
  canonicalMemo.set(value, resolved);
  return resolved;
}

const canonicalMemo = new Map<string, string | undefined>();

/** The zone the runtime runs in (the browser's, in the extension). */
export function runtimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What clocks in `timeZone` show at `instant`. */
export function wallClock(instant: number, timeZone: string): WallClock {
  const formatter = formatterFor(timeZone);
  // format() and a regular expression cost about half of formatToParts() (an iCal sync reads
  // thousands of offsets); the parts are the fallback for anything else (a year before 1000).
  const quick = /^(\d{1,2})\/(\d{1,2})\/(\d{4,6}), (\d\d):(\d\d):(\d\d)$/.exec(formatter.format(instant));
  if (quick) {
    return { year: +quick[3]!, month: +quick[1]!, day: +quick[2]!, hour: +quick[4]! % 24, minute: +quick[5]!, second: +quick[6]! };
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    // Some engines still print midnight as 24 even with h23.
    hour: (parts.hour ?? Number.NaN) % 24,
    minute: parts.minute ?? Number.NaN,
    second: parts.second ?? Number.NaN,
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds (Rome in summer: +7,200,000). */
export function zoneOffset(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const result = asUtc - Math.floor(instant / 1000) * 1000;
  if (!Number.isFinite(result)) throw new RangeError(`No offset for ${timeZone}`);
  return result;
}

/**
 * The instant at which a zone's clocks show `wall`, for any zone given by its UTC offset (ms) at
 * an instant: an IANA zone (`zoneOffset`) or a feed's own VTIMEZONE. In the hour skipped by a
 * spring-forward the result is the equivalent later instant (02:30 → 03:30, read with the
 * offset from before the jump); in the hour repeated in autumn it is the first occurrence
 * (RFC 5545 §3.3.5 says the same for iCalendar).
 */
export function wallToInstant(wall: WallMs, offsetAt: (instant: number) => number): number {
  // The offsets in force a day either side bracket any change on that date (zones change at
  // most once a day, and no offset exceeds 14 hours).
  const before = offsetAt(wall - DAY);
  const after = offsetAt(wall + DAY);
  if (before === after) return wall - before;
  const first = wall - before;
  const second = wall - after;
  const firstValid = offsetAt(first) === before;
  const secondValid = offsetAt(second) === after;
  if (firstValid && secondValid) return Math.min(first, second);
  if (secondValid) return second;
  return first;
}

/**
 * `wallToInstant` for one zone, for many wall times (an iCal sync converts thousands: every
 * series' first start, years back, and every occurrence in the window). It works on the
 * offsets at UTC midnights: when the offset is the same at the midnights a day before and two
 * days after a wall time's day, it holds in between (no zone changes its offset and back
 * within three days), and the instant follows by subtraction; around a transition
 * `wallToInstant` runs.
 *
 * With `steadyDays` (> 1, at most 3, the assumption above), the midnights are read a span of
 * that many days at a time: when the offset is the same at both ends of a span it holds at
 * every midnight in it, and a wall time far from any transition costs no offset look-up of
 * its own (a feed's series start on hundreds of different days, years back). A feed's own
 * VTIMEZONE is read day by day, as before.
 */
export function instantConverter(offsetAt: (instant: number) => number, steadyDays = 1): (wall: WallMs) => number {
  // Keyed by day and span numbers: small integers, which a Map hashes fastest.
  const midnights = new Map<number, number>();
  const spans = new Map<number, number>();
  const atMidnight = (day: number): number => {
    let offset = midnights.get(day);
    if (offset === undefined) {
      if (midnights.size >= MIDNIGHTS_KEPT) midnights.clear();
      offset = offsetAt(day * DAY);
      midnights.set(day, offset);
    }
    return offset;
  };
  const midnightOffset = (day: number): number => {
    if (steadyDays <= 1) return atMidnight(day);
    const span = Math.floor(day / steadyDays);
    let steady = spans.get(span);
    if (steady === undefined) {
      if (spans.size >= MIDNIGHTS_KEPT) spans.clear();
      const first = atMidnight(span * steadyDays);
      steady = first === atMidnight((span + 1) * steadyDays) ? first : Number.NaN;
      spans.set(span, steady);
    }
    return Number.isNaN(steady) ? atMidnight(day) : steady;
  };
  return (wall) => {
    const day = Math.floor(wall / DAY);
    const early = midnightOffset(day - 1);
    if (early === midnightOffset(day + 2)) return wall - early;
    return wallToInstant(wall, offsetAt);
  };
}

/** Bounds each converter's memory on hostile input (a feed spanning millennia). */
const MIDNIGHTS_KEPT = 20_000;

/** `wallToInstant` for a date and time in an IANA zone. */
export function wallTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  // Minutes past 59 (or hours past 23) roll over, so minute-of-day callers may pass hour 0.
  return wallToInstant(Date.UTC(year, month - 1, day, hour, minute), (instant) => zoneOffset(instant, timeZone));
}

/** Whether two zones are at a different UTC offset at `instant`. Europe/Rome and Europe/Berlin
 * are not: a note naming both clocks would only confuse. */
export function offsetsDiffer(instant: number, a: string, b: string): boolean {
  return zoneOffset(instant, a) !== zoneOffset(instant, b);
}

/** Whether two zones' clocks show a different hour or minute at `instant` (false for a zone
 * the runtime does not know). Zones a whole day apart show the same time on different dates. */
export function clockTimesDiffer(instant: number, a: string, b: string): boolean {
  try {
    const x = wallClock(instant, a);
    const y = wallClock(instant, b);
    return x.hour !== y.hour || x.minute !== y.minute;
  } catch {
    return false;
  }
}
