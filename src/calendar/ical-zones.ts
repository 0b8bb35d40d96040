/**
 * Time zones for the iCal feed: which zone each TZID stands for. The conversion of wall-clock
 * times to instants is core/zoned-time.ts's; this module only supplies the zone's offsets
 * (the runtime's tzdata, or the feed's own VTIMEZONE read by ical-vtimezone.ts).
 *
 * Times are handled as "wall ms": the local date and time read as if it were UTC
 * (`Date.UTC(y, m - 1, d, h, mi, s)`). Recurrences are iterated on wall times, which costs
 * no zone lookup at all, and only the few occurrences that land near the window are turned
 * into instants. On the 5 MB benchmark feed, 70% of a naive expansion went in ical.js zone
 * offset lookups; this is where that cost goes away.
 */
import { canonicalZone, instantConverter, runtimeZone, zoneOffset, type WallMs } from '../core/zoned-time.ts';
import { readVtimezone, type Vtimezone } from './ical-vtimezone.ts';

export type { WallMs };

export interface ZoneConverter {
  /** The IANA name, when the zone has one the rest of the product can use. */
  readonly iana?: string;
  /** The instant of a local wall time in this zone (epoch ms). */
  toUtc(wall: WallMs): number;
}

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
    // Not a zone Intl knows: try a shorter suffix.
    const resolved = canonicalZone(segments.slice(-take).join('/'));
    if (resolved) return resolved;
  }
  return undefined;
}

/** A zone backed by the runtime's IANA database (Intl). */
export function intlZone(iana: string): ZoneConverter {
  return intlMemo.get(iana) ?? remember(intlMemo, iana, makeIntlZone(iana));
}

function makeIntlZone(iana: string): ZoneConverter {
  const offsetAt = (utc: number) => zoneOffset(utc, iana);
  return { iana, toUtc: instantConverter(offsetAt, STEADY_DAYS) };
}

let windowsZones: { table: string; byName: Map<string, string> } | undefined;

/**
 * The IANA zone CLDR gives for a Windows zone name ("W. Europe Standard Time"), any case, or
 * for a display key's (`~` and displayKey's answer). `table` is windows-zones-data.ts's
 * encoding; the worker loads it as data (build.mjs writes it to windows-zones.txt), which
 * keeps 3.5 KB gzip out of its bundle.
 */
export function windowsZoneName(name: string, table: string | undefined): string | undefined {
  if (!table) return undefined;
  if (windowsZones?.table !== table) {
    const byName = new Map<string, string>();
    windowsZones = { table, byName };
    const full = (short: string) => (short.endsWith('!') ? short.slice(0, -1) : `${short} Standard Time`).toLowerCase();
    for (const row of table.split(';')) {
      const [windows = '', zone = ''] = row.split('|');
      // A display key's row names a Windows zone the rows before it map.
      if (windows.startsWith('~')) byName.set(windows, byName.get(full(zone)) ?? '');
      else byName.set(full(windows), zone);
    }
  }
  const iana = windowsZones.byName.get(name.toLowerCase());
  return iana ? ianaZoneName(iana) : undefined;
}

/**
 * What is left of a Windows display name ("(UTC-05:00) Eastern Time (US & Canada)", as
 * Outlook writes some TZIDs) once what changed across Windows versions is taken out: the
 * offset ("(GMT-05:00)" before Windows 7), "&" or "and", punctuation and letter case
 * ("eastern time us and canada"). Undefined for a name that does not start with an offset.
 */
export function displayKey(name: string): string | undefined {
  const shown = /^\((?:UTC|GMT)[^)]{0,7}\)(.+)$/i.exec(name)?.[1];
  return shown?.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The three days instantConverter assumes anyway (core/zoned-time.ts). */
const STEADY_DAYS = 3;

/** A zone defined only by the feed's VTIMEZONE (a name neither IANA nor Windows). */
function vtimezoneZone(zone: Vtimezone): ZoneConverter {
  return { toUtc: instantConverter(zone.offsetAt) };
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
 * while the name, read with tzdata, is right at every date. A TZID nothing defines is a
 * Windows display name's zone when it is one ("(UTC+01:00) Amsterdam, Berlin, …"), else
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
      const iana = namedZone(floatingName, windowsTable) ?? ianaZoneName(runtimeZone()) ?? 'UTC';
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
    // A Windows display name with no VTIMEZONE: the zone it names, not floating (hours off).
    const key = displayKey(unquoted(tzid));
    const displayed = key && windowsZoneName(`~${key}`, windowsTable);
    return displayed ? byIana(displayed) : floating();
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
