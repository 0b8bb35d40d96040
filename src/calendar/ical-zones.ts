/**
 * Time zones for the iCal feed: local wall-clock times to instants.
 *
 * Times are handled as "wall ms": the local date and time read as if it were UTC
 * (`Date.UTC(y, m - 1, d, h, mi, s)`). Recurrences are iterated on wall times, which costs
 * no zone lookup at all, and only the few occurrences that land near the window are turned
 * into instants. On the 5 MB benchmark feed, 70% of a naive expansion went in ical.js zone
 * offset lookups; this is where that cost goes away.
 */
import { readVtimezone, type Vtimezone } from './ical-vtimezone.ts';

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
    // format() and a regular expression cost about half of formatToParts(); the parts are
    // the fallback for anything else ("1/2/-5, …" or an era before year 1).
    const quick = /^(\d{1,2})\/(\d{1,2})\/(\d{4,6}), (\d\d):(\d\d):(\d\d)$/.exec(format.format(utc));
    if (quick) {
      const wall = Date.UTC(+quick[3]!, +quick[1]! - 1, +quick[2]!, +quick[4]!, +quick[5]!, +quick[6]!);
      return wall - Math.floor(utc / 1000) * 1000;
    }
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(utc)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const wall = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
    return wall - Math.floor(utc / 1000) * 1000;
  };
  return { iana, toUtc: cached(wallToUtc(offsetAt)) };
}

/**
 * Local wall time → instant, given the zone's offset at any instant.
 *
 * The offsets at UTC midnights are remembered: a sync converts thousands of occurrences
 * that fall on a few dozen days, and each offset costs an Intl or VTIMEZONE computation
 * (13,000 occurrences of the long-series benchmark feed made 26,000 Intl calls). When the
 * offset is the same at the midnights a day before and a day after the wall time's day,
 * it holds in between (no zone changes its offset and back within three days), and the
 * instant follows without any new computation; around a transition the exact
 * computation below runs.
 */
function wallToUtc(offsetAt: (utc: number) => number): (wall: WallMs) => number {
  const midnightOffset = cached(offsetAt);
  return (wall) => {
    const day = Math.floor(wall / DAY) * DAY;
    const early = midnightOffset(day - DAY);
    if (early === midnightOffset(day + 2 * DAY)) return wall - early;
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
  };
}

let windowsZones: { table: string; byName: Map<string, string> } | undefined;

/**
 * The IANA zone CLDR gives for a Windows zone name ("W. Europe Standard Time"), any case.
 * `table` is windows-zones-data.ts's encoding; the worker loads it as data (build.mjs
 * writes it to windows-zones.txt), which keeps 1.5 KB gzip out of its bundle.
 */
export function windowsZoneName(name: string, table: string | undefined): string | undefined {
  if (!table) return undefined;
  if (windowsZones?.table !== table) {
    windowsZones = { table, byName: new Map() };
    for (const row of table.split(';')) {
      const [windows = '', iana = ''] = row.split('|');
      windowsZones.byName.set((windows.endsWith('!') ? windows.slice(0, -1) : `${windows} Standard Time`).toLowerCase(), iana);
    }
  }
  const iana = windowsZones.byName.get(name.toLowerCase());
  return iana === undefined ? undefined : ianaZoneName(iana);
}

const CACHE_LIMIT = 20_000;

/** Remembers answers by exact key (a wall time, or a UTC midnight): many events share a
 * local start ("Monday 10:00"), and each lookup costs an Intl or VTIMEZONE computation.
 * Exact keys, so a cached answer is the same answer. */
function cached(convert: (key: number) => number): (key: number) => number {
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

/** A zone defined only by the feed's VTIMEZONE (a name neither IANA nor Windows). */
function vtimezoneZone(zone: Vtimezone): ZoneConverter {
  return { toUtc: cached(wallToUtc(zone.offsetAt)) };
}

export function unquoted(name: string): string {
  return name.trim().replace(/^"(.*)"$/, '$1').trim();
}

/** The zone a name stands for: IANA (any case, prefixed paths), else a Windows name. */
export function namedZone(name: string | undefined, windowsTable: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const cleaned = unquoted(name);
  return ianaZoneName(cleaned) ?? windowsZoneName(cleaned, windowsTable);
}

export interface ZoneLookup {
  /** The converter for a TZID parameter (undefined → the feed's floating zone). */
  zone(tzid: string | undefined): ZoneConverter;
  readonly floating: ZoneConverter;
}

/**
 * Resolves TZIDs, in this order: a name the runtime's tzdata knows (IANA in any letter
 * case, "/mozilla.org/…/Europe/Rome"), a Windows name through CLDR's table, the IANA name
 * in the feed's VTIMEZONE (X-LIC-LOCATION), and only then the VTIMEZONE's own rules.
 * Exporters often write a partial VTIMEZONE for an IANA zone (a few years, RDATE onsets,
 * nothing before 1970): read literally it puts events hours off outside that coverage,
 * while the name, read with tzdata, is right at every date. A TZID nothing defines is
 * read as floating.
 *
 * `vtimezones` maps lower-cased TZIDs to their VTIMEZONE text, parsed only if needed:
 * Outlook's 1601 zones carry Windows names and are never parsed at all.
 */
export function createZoneLookup(vtimezones: Map<string, string>, floatingName: string | undefined, windowsTable: string | undefined, onBadZone: () => void = () => undefined): ZoneLookup {
  const cache = new Map<string, ZoneConverter>();
  let floatingZone: ZoneConverter | undefined;
  // Created on first use: most feeds (Google's) have no floating times at all.
  const floating = (): ZoneConverter => {
    if (!floatingZone) {
      const iana = namedZone(floatingName, windowsTable) ?? ianaZoneName(new Intl.DateTimeFormat().resolvedOptions().timeZone) ?? 'UTC';
      floatingZone = iana === 'UTC' ? UTC_ZONE : intlZone(iana);
    }
    return floatingZone;
  };
  const byIana = (iana: string): ZoneConverter => (iana === 'UTC' ? UTC_ZONE : intlZone(iana));

  const resolve = (tzid: string): ZoneConverter => {
    const named = namedZone(tzid, windowsTable);
    if (named) return byIana(named);
    const block = vtimezones.get(unquoted(tzid).toLowerCase());
    if (block) {
      const defined = readZone(block);
      if (defined) {
        const location = namedZone(defined.location, windowsTable);
        return location ? byIana(location) : vtimezoneZone(defined);
      }
      onBadZone();
    }
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

/** VTIMEZONE text → zone, kept across syncs (a feed repeats the same definitions every
 * time). A pure memo keyed by the exact text, so it cannot change any result. */
const zoneMemo = new Map<string, Vtimezone | undefined>();

function readZone(block: string): Vtimezone | undefined {
  if (zoneMemo.has(block)) return zoneMemo.get(block);
  let zone: Vtimezone | undefined;
  try {
    zone = readVtimezone(block);
  } catch {
    zone = undefined;
  }
  return remember(zoneMemo, block, zone);
}
