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
import ICAL from 'ical.js';
import type { WallMs } from './ical-zones.ts';
import { isRecord } from '../core/is-record.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const MAX_RDATES = 500;

interface Observance {
  /** DTSTART, local wall time (in `from`). */
  start: WallMs;
  from: number;
  to: number;
  rule?: { months: number[]; monthDays: number[]; days: { nth: number; weekday: number }[]; until?: number; lastYear?: number };
  rdates: WallMs[];
}

export interface Vtimezone {
  tzid: string;
  /** X-LIC-LOCATION (an IANA name some exporters add), unresolved. */
  location?: string;
  /** The UTC offset (ms) in force at an instant. */
  offsetAt(utc: number): number;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/;

function wallOf(value: unknown): WallMs | undefined {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]));
  return Number.isFinite(wall) ? wall : undefined;
}

function offsetOf(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(value.trim()) : null;
  if (!match) return undefined;
  const ms = (Number(match[2]) * 60 + Number(match[3])) * MINUTE + Number(match[4] ?? 0) * 1000;
  return ms > 18 * 60 * MINUTE ? undefined : match[1] === '-' ? -ms : ms;
}

function numbers(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map(Number).filter((n) => Number.isInteger(n) && n !== 0 && Math.abs(n) <= 31);
}

function readRule(recur: unknown, start: WallMs): Observance['rule'] {
  // ical.js hands back a Recur object; its JSON form has the BY* parts as plain values.
  const value: unknown = isRecord(recur) && typeof recur.toJSON === 'function' ? (recur.toJSON as () => unknown)() : recur;
  // Zone rules are yearly; anything else is left out and the observance keeps its DTSTART.
  if (!isRecord(value) || String(value.freq).toUpperCase() !== 'YEARLY') return undefined;
  const rule: NonNullable<Observance['rule']> = {
    months: numbers(value.bymonth).filter((m) => m > 0 && m <= 12),
    monthDays: numbers(value.bymonthday),
    days: [],
  };
  if (rule.months.length === 0) rule.months.push(new Date(start).getUTCMonth() + 1);
  const byday = Array.isArray(value.byday) ? value.byday : value.byday === undefined ? [] : [value.byday];
  for (const entry of byday) {
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/i.exec(String(entry).trim());
    const weekday = match ? WEEKDAYS.indexOf((match[2] ?? '').toUpperCase()) : -1;
    if (match && weekday !== -1) rule.days.push({ nth: Number(match[1] ?? 0), weekday });
  }
  // UNTIL is an instant (UTC) in zone rules; a bare date means the end of that day.
  const untilDate = typeof value.until === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.until) : null;
  const until = untilDate ? Date.UTC(Number(untilDate[1]), Number(untilDate[2]) - 1, Number(untilDate[3])) + DAY - 1 : wallOf(value.until);
  if (until !== undefined) rule.until = until;
  const count = Number(value.count);
  if (Number.isInteger(count) && count > 0) rule.lastYear = new Date(start).getUTCFullYear() + count - 1;
  return rule;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The onsets (local wall times) a yearly rule gives in `year`. */
function onsetsIn(rule: NonNullable<Observance['rule']>, start: WallMs, year: number): WallMs[] {
  const first = new Date(start);
  const time = start - Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate());
  const result: WallMs[] = [];
  for (const month of rule.months) {
    const length = daysIn(year, month);
    let days: number[];
    if (rule.monthDays.length > 0) {
      days = rule.monthDays.map((d) => (d > 0 ? d : length + d + 1)).filter((d) => d >= 1 && d <= length);
      if (rule.days.length > 0) days = days.filter((d) => rule.days.some((w) => w.weekday === new Date(Date.UTC(year, month - 1, d)).getUTCDay()));
    } else if (rule.days.length > 0) {
      days = [];
      for (const { nth, weekday } of rule.days) {
        const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
        const matching: number[] = [];
        for (let d = 1 + ((weekday - firstWeekday + 7) % 7); d <= length; d += 7) matching.push(d);
        const pick = nth === 0 ? matching : [nth > 0 ? matching[nth - 1] : matching[matching.length + nth]];
        for (const d of pick) if (d !== undefined) days.push(d);
      }
    } else {
      days = [Math.min(first.getUTCDate(), length)];
    }
    for (const d of days) result.push(Date.UTC(year, month - 1, d) + time);
  }
  return result;
}

/** Reads a VTIMEZONE block; undefined when it has no TZID or no usable observance. */
export function readVtimezone(block: string): Vtimezone | undefined {
  const component = new ICAL.Component(ICAL.parse(block));
  const tzid: unknown = component.getFirstPropertyValue('tzid');
  if (typeof tzid !== 'string' || tzid === '') return undefined;
  const observances: Observance[] = [];
  for (const part of component.getAllSubcomponents()) {
    const start = wallOf(String(part.getFirstPropertyValue('dtstart') ?? ''));
    const from = offsetOf(String(part.getFirstPropertyValue('tzoffsetfrom') ?? ''));
    const to = offsetOf(String(part.getFirstPropertyValue('tzoffsetto') ?? ''));
    if (start === undefined || to === undefined) continue;
    const observance: Observance = { start, from: from ?? to, to, rdates: [] };
    const rule = readRule(part.getFirstPropertyValue('rrule'), start);
    if (rule) observance.rule = rule;
    for (const prop of part.getAllProperties('rdate')) {
      for (const value of prop.getValues()) {
        // A PERIOD value is [start, end]: its start is the onset.
        const wall = wallOf(String(Array.isArray(value) ? value[0] : value));
        if (wall !== undefined && observance.rdates.length < MAX_RDATES) observance.rdates.push(wall);
      }
    }
    observances.push(observance);
  }
  if (observances.length === 0) return undefined;

  // Before every onset: the TZOFFSETFROM of the earliest one.
  let earliest = observances[0] as Observance;
  for (const o of observances) if (o.start - o.from < earliest.start - earliest.from) earliest = o;
  const before = earliest.from;

  const location: unknown = component.getFirstPropertyValue('x-lic-location');
  const zone: Vtimezone = {
    tzid,
    offsetAt(utc) {
      let best = -Infinity;
      let offset = before;
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
        // next one's first hours), or the rule's last two years when it ended earlier.
        const startYear = new Date(o.start).getUTCFullYear();
        let last = year + 1;
        if (rule.lastYear !== undefined) last = Math.min(last, rule.lastYear);
        if (rule.until !== undefined) last = Math.min(last, new Date(rule.until).getUTCFullYear());
        for (let y = Math.max(startYear, last - 2); y <= last; y++) {
          for (const wall of onsetsIn(rule, o.start, y)) {
            if (rule.until === undefined || wall - o.from <= rule.until) consider(o, wall);
          }
        }
      }
      return offset;
    },
  };
  if (typeof location === 'string' && location !== '') zone.location = location;
  return zone;
}
