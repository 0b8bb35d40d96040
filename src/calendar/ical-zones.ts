/**
 * Time zones for the iCal feed: local wall-clock times to instants.
 *
 * Times are handled as "wall ms": the local date and time read as if it were UTC
 * (`Date.UTC(y, m - 1, d, h, mi, s)`). Recurrences are iterated on wall times, which costs
 * no zone lookup at all, and only the few occurrences that land near the window are turned
 * into instants. PERFORMANCE-NOTES.md measured 70% of a naive expansion in ical.js zone
 * offset lookups; this is where that cost goes away.
 */
import ICAL from 'ical.js';

/** Local date and time read as if it were UTC. */
export type WallMs = number;

export interface ZoneConverter {
  /** The IANA name, when the zone has one the rest of the product can use. */
  readonly iana?: string;
  /** The instant of a local wall time in this zone (epoch ms). */
  toUtc(wall: WallMs): number;
}

const DAY = 86_400_000;

export const UTC_ZONE: ZoneConverter = { iana: 'UTC', toUtc: (wall) => wall };

/** The validated IANA name for `name`, or undefined. Accepts the prefixed TZIDs some
 * exporters write ("/mozilla.org/20050126_1/Europe/Rome", "/citadel.org/…/Europe/Rome"). */
const ianaMemo = new Map<string, string | undefined>();
const intlMemo = new Map<string, ZoneConverter>();
/** Both memos are keyed by zone names (a few per feed); the cap only guards hostile feeds. */
const MEMO_LIMIT = 200;

function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

export function ianaZoneName(name: string): string | undefined {
  if (typeof name !== 'string' || name === '' || name.length > 100) return undefined;
  // Creating an Intl.DateTimeFormat costs ~0.1 ms warm and ~10 ms for the first one:
  // remember the answer (pure: the same name always resolves the same way).
  if (ianaMemo.has(name)) return ianaMemo.get(name);
  return remember(ianaMemo, name, resolveIana(name));
}

function resolveIana(name: string): string | undefined {
  const segments = name.split('/').filter((segment) => segment !== '');
  for (let take = Math.min(3, segments.length); take >= 1; take--) {
    const candidate = segments.slice(-take).join('/');
    try {
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone: candidate }).resolvedOptions().timeZone;
      if (resolved) return resolved;
    } catch {
      // not a zone Intl knows: try a shorter suffix
    }
  }
  return undefined;
}

/** A zone backed by the runtime's IANA database (Intl). */
export function intlZone(iana: string): ZoneConverter {
  return intlMemo.get(iana) ?? remember(intlMemo, iana, makeIntlZone(iana));
}

function makeIntlZone(iana: string): ZoneConverter {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: iana,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (utc: number): number => {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(utc)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const wall = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
    return wall - Math.floor(utc / 1000) * 1000;
  };
  return {
    iana,
    toUtc: cached((wall) => {
      const before = offsetAt(wall - DAY);
      const after = offsetAt(wall + DAY);
      if (before === after) return wall - before;
      // A transition within a day. RFC 5545 §3.3.5: a repeated local time is its first
      // occurrence, a skipped one is read with the offset from before the gap.
      const first = wall - before;
      const second = wall - after;
      const firstValid = offsetAt(first) === before;
      const secondValid = offsetAt(second) === after;
      if (firstValid && secondValid) return Math.min(first, second);
      if (firstValid) return first;
      if (secondValid) return second;
      return first;
    }),
  };
}

function icalTime(wall: WallMs): ICAL.Time {
  const d = new Date(wall);
  return new ICAL.Time(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), isDate: false },
    ICAL.Timezone.localTimezone,
  );
}

const CACHE_LIMIT = 20_000;

/** Remembers conversions by exact wall time: many events share a local start ("Monday
 * 10:00"), and each lookup costs an ical.js or Intl computation. Exact keys, so a cached
 * answer is the same answer. */
function cached(convert: (wall: WallMs) => number): (wall: WallMs) => number {
  const seen = new Map<number, number>();
  return (wall) => {
    let utc = seen.get(wall);
    if (utc === undefined) {
      if (seen.size >= CACHE_LIMIT) seen.clear();
      utc = convert(wall);
      seen.set(wall, utc);
    }
    return utc;
  };
}

/** A zone defined by the feed's own VTIMEZONE (authoritative per RFC 5545). */
export function vtimezoneZone(zone: ICAL.Timezone, iana: string | undefined): ZoneConverter {
  // Probe once: a VTIMEZONE with a broken rule must fail here, not in the middle of a series.
  zone.utcOffset(icalTime(Date.UTC(2026, 0, 1)));
  return { iana, toUtc: cached((wall) => wall - zone.utcOffset(icalTime(wall)) * 1000) };
}

export interface ZoneLookup {
  /** The converter for a TZID parameter (undefined → the feed's floating zone). */
  zone(tzid: string | undefined): ZoneConverter;
  readonly floating: ZoneConverter;
}

/**
 * Resolves TZIDs, in this order: a VTIMEZONE of the feed; a valid IANA name through Intl
 * (feeds often reference zones they do not define); else the floating zone.
 *
 * The feed's zones live in this lookup, not in ICAL.TimezoneService: that registry is
 * module-global, so registering one feed's zones would change how the next feed (or a
 * test) is read.
 */
export function createZoneLookup(vtimezones: Map<string, ICAL.Timezone>, floatingName: string | undefined): ZoneLookup {
  const cache = new Map<string, ZoneConverter>();
  let floatingZone: ZoneConverter | undefined;
  // Created on first use: most feeds (Google's) have no floating times at all.
  const floating = (): ZoneConverter => {
    if (!floatingZone) {
      const iana = (floatingName && ianaZoneName(floatingName)) || ianaZoneName(new Intl.DateTimeFormat().resolvedOptions().timeZone) || 'UTC';
      floatingZone = iana === 'UTC' ? UTC_ZONE : intlZone(iana);
    }
    return floatingZone;
  };

  const resolve = (tzid: string): ZoneConverter => {
    const iana = ianaZoneName(tzid);
    const defined = vtimezones.get(tzid);
    if (defined) {
      try {
        return vtimezoneZone(defined, iana);
      } catch {
        // A VTIMEZONE ical.js cannot expand: fall through to the IANA name.
      }
    }
    if (iana === 'UTC') return UTC_ZONE;
    if (iana) return intlZone(iana);
    return floating();
  };

  return {
    get floating() {
      return floating();
    },
    zone(tzid) {
      if (tzid === undefined) return floating();
      let converter = cache.get(tzid);
      if (!converter) {
        converter = resolve(tzid);
        cache.set(tzid, converter);
      }
      return converter;
    },
  };
}
