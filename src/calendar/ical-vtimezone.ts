/**
 * A feed's own VTIMEZONE, read without ical.js, for the zones no name resolves
 * (ical-zones.ts tries the IANA and Windows names first).
 *
 * Why not `ICAL.Timezone`: it expands every yearly rule from the observance's DTSTART, and
 * Outlook writes DTSTART:16010101T…, so the first lookup walked 425 years (18–31 ms per
 * zone in a fresh worker); and before a block's first onset it used offset 0. Here each
 * yearly rule is evaluated for the few years around the instant asked for, and before the
 * first onset the block's first TZOFFSETFROM holds (RFC 5545 §3.6.5: the offset in use
 * before the onset).
 */
import type { WallMs } from '../core/zoned-time.ts';
import { HOUR, DAY } from '../core/units.ts';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const MAX_RDATES = 500;

interface Rule {
  months: number[];
  monthDays: number[];
  days: { nth: number; weekday: number }[];
  /** An instant (UTC), or for a bare date the end of that day. */
  until?: number;
  lastYear?: number;
}

interface Observance {
  /** DTSTART, local wall time (in `from`). */
  start: WallMs;
  from: number;
  to: number;
  rule?: Rule;
  rdates: WallMs[];
}

export interface Vtimezone {
  tzid: string;
  /** X-LIC-LOCATION (an IANA name some exporters add), unresolved. */
  location?: string;
  /** The UTC offset (ms) in force at an instant. */
  offsetAt(utc: number): number;
}

/** 19700329T020000 (or a DATE: midnight; a trailing Z is ignored) as a wall time. */
function wallOf(value: string | undefined): WallMs | undefined {
  const m = /^(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d))?/.exec(value ?? '');
  return m ? Date.UTC(+(m[1] ?? 0), +(m[2] ?? 1) - 1, +(m[3] ?? 1), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) : undefined;
}

/** +0100, -0530, +013045 in ms, within ±18 h. */
function offsetOf(value: string | undefined): number | undefined {
  const m = /^([+-])(\d\d)(\d\d)(\d\d)?$/.exec(value ?? '');
  if (!m) return undefined;
  const ms = ((+(m[2] ?? 0) * 60 + +(m[3] ?? 0)) * 60 + +(m[4] ?? 0)) * 1000;
  return ms > 18 * HOUR ? undefined : m[1] === '-' ? -ms : ms;
}

function readRule(text: string, start: WallMs): Rule | undefined {
  const parts = new Map(text.split(';').map((part) => part.split('=').map((s) => s.trim().toUpperCase()) as [string, string]));
  // Zone rules are yearly; anything else is left out and the observance keeps its DTSTART.
  if (parts.get('FREQ') !== 'YEARLY') return undefined;
  const list = (key: string) => (parts.get(key) ?? '').split(',').filter((s) => s !== '');
  const rule: Rule = {
    months: list('BYMONTH').map(Number).filter((m) => m >= 1 && m <= 12),
    monthDays: list('BYMONTHDAY').map(Number).filter((d) => d !== 0 && Math.abs(d) <= 31),
    days: [],
  };
  if (rule.months.length === 0) rule.months.push(new Date(start).getUTCMonth() + 1);
  for (const entry of list('BYDAY')) {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(entry);
    const weekday = WEEKDAYS.indexOf(m?.[2] ?? '');
    if (weekday !== -1) rule.days.push({ nth: Number(m?.[1] ?? 0), weekday });
  }
  const until = parts.get('UNTIL');
  const untilWall = wallOf(until);
  if (untilWall !== undefined) rule.until = until?.includes('T') ? untilWall : untilWall + DAY - 1;
  const count = Number(parts.get('COUNT'));
  if (count > 0) rule.lastYear = new Date(start).getUTCFullYear() + count - 1;
  return rule;
}

/** The onsets (local wall times) a yearly rule gives in `year`: each day of its months that
 * matches its BYMONTHDAY and BYDAY ("-1SU": the last Sunday), else DTSTART's day. */
function onsetsIn(rule: Rule, start: WallMs, year: number): WallMs[] {
  const first = new Date(start);
  const time = ((start % DAY) + DAY) % DAY; // DTSTART can be before 1970
  const result: WallMs[] = [];
  for (const month of rule.months) {
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let d = 1; d <= length; d++) {
      const weekday = new Date(Date.UTC(year, month - 1, d)).getUTCDay();
      const byMonthDay = rule.monthDays.length === 0 || rule.monthDays.some((n) => n === d || n === d - length - 1);
      const byDay = rule.days.length === 0 || rule.days.some((w) => w.weekday === weekday && (w.nth === 0 || w.nth === Math.ceil(d / 7) || w.nth === -Math.ceil((length - d + 1) / 7)));
      const plain = rule.monthDays.length > 0 || rule.days.length > 0 || d === Math.min(first.getUTCDate(), length);
      if (byMonthDay && byDay && plain) result.push(Date.UTC(year, month - 1, d) + time);
    }
  }
  return result;
}

/** Reads a VTIMEZONE block; undefined when it has no TZID or no usable observance. */
export function readVtimezone(block: string): Vtimezone | undefined {
  let tzid = '';
  let location = '';
  let current: Partial<Observance> & { rdates: WallMs[]; ruleText?: string } | undefined;
  const observances: Observance[] = [];
  for (const line of block.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    const m = /^([A-Za-z-]+)[^:]*:(.*)$/.exec(line);
    const name = m?.[1]?.toUpperCase();
    const value = m?.[2]?.trim() ?? '';
    if (name === 'BEGIN' && /^(STANDARD|DAYLIGHT)$/i.test(value)) current = { rdates: [] };
    else if (name === 'END' && current) {
      const { start, from, to } = current;
      if (start !== undefined && to !== undefined) {
        const observance: Observance = { start, from: from ?? to, to, rdates: current.rdates };
        const rule = current.ruleText ? readRule(current.ruleText, start) : undefined;
        if (rule) observance.rule = rule;
        observances.push(observance);
      }
      current = undefined;
    } else if (!current) {
      if (name === 'TZID') tzid = value;
      if (name === 'X-LIC-LOCATION') location = value;
    } else if (name === 'DTSTART') current.start = wallOf(value);
    else if (name === 'TZOFFSETFROM') current.from = offsetOf(value);
    else if (name === 'TZOFFSETTO') current.to = offsetOf(value);
    else if (name === 'RRULE') current.ruleText = value;
    else if (name === 'RDATE') {
      // A PERIOD ("start/end"): its start is the onset.
      for (const item of value.split(',')) {
        const wall = wallOf(item.split('/')[0]);
        if (wall !== undefined && current.rdates.length < MAX_RDATES) current.rdates.push(wall);
      }
    }
  }
  if (tzid === '' || observances.length === 0) return undefined;

  // Before every onset: the TZOFFSETFROM of the earliest one.
  const earliest = observances.reduce((a, b) => (b.start - b.from < a.start - a.from ? b : a));
  const zone: Vtimezone = {
    tzid,
    offsetAt(utc) {
      let best = -Infinity;
      let offset = earliest.from;
      const consider = (o: Observance, wall: WallMs) => {
        const onset = wall - o.from;
        if (wall >= o.start && onset <= utc && onset > best) {
          best = onset;
          offset = o.to;
        }
      };
      const year = new Date(utc).getUTCFullYear();
      for (const o of observances) {
        consider(o, o.start);
        for (const wall of o.rdates) consider(o, wall);
        const rule = o.rule;
        if (!rule) continue;
        // The years that can hold the last onset before `utc` (this one, the one before, the
        // next one's first hours), or the last years of a rule that ended earlier.
        const last = Math.min(year + 1, rule.lastYear ?? Infinity, rule.until === undefined ? Infinity : new Date(rule.until).getUTCFullYear());
        for (let y = Math.max(new Date(o.start).getUTCFullYear(), last - 2); y <= last; y++) {
          for (const wall of onsetsIn(rule, o.start, y)) {
            if (rule.until === undefined || wall - o.from <= rule.until) consider(o, wall);
          }
        }
      }
      return offset;
    },
  };
  if (location !== '') zone.location = location;
  return zone;
}
