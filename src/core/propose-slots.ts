/**
 * Proposes new times for an interview that did not happen: the next few free slots of the
 * interview's length, inside the user's working hours, with room on both sides.
 *
 * Working hours are wall-clock times in the user's IANA zone, so every candidate is built
 * as a local date and time and converted to an instant with Intl alone. That keeps 09:00 at
 * 09:00 across a DST change (in Rome 09:00 is 08:00 UTC in winter and 07:00 UTC in summer).
 *
 * The decisions, so a reader does not have to reverse-engineer them:
 * - The slot itself lies inside working hours; the buffer around it only has to be free of
 *   busy time and may fall outside them (a 09:00 interview needs no 08:30 "working" time).
 * - Slots start on multiples of `stepMinutes` of the local clock (:00 and :30 by default).
 * - At most `maxPerDay` (default 2) slots per day, so the interviewer can choose between
 *   days. Only when the whole horizon cannot give `count` slots that way do extra slots fill
 *   the days already used — a choice on one day beats no choice at all.
 * - Proposals never overlap each other or each other's buffer: "10:00" and "10:30" on the
 *   same morning would be one option, not two.
 * - The horizon is `horizonDays` calendar days in the user's zone, starting with the day of
 *   the earliest allowed start.
 * - Never before `now`, nor before `earliest` (default now + 2 h, time to prepare).
 * - When the interviewer's zone is known and its clock differs from the user's, a slot must
 *   also lie inside the interviewer's working day on their clock (`interviewerHours`, by
 *   default weekdays 09:00–18:00): nobody is asked to take a call at 4 AM. When the two
 *   working days do not overlap, there is no proposal, and the email asks them for a time.
 * - Input from storage or a calendar is not trusted: invalid busy intervals are ignored,
 *   malformed working hours fall back to the defaults, an unknown zone falls back to the
 *   runtime's (the same zone the email template then writes the times in).
 */

import { canonicalZone, runtimeZone, wallClock, wallTimeToInstant, zoneOffset } from './zoned-time.ts';
import { MINUTE, HOUR } from './units.ts';

export interface WorkingHours {
  /** Days of the week, 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** Local 'HH:MM'. */
  start: string;
  /** Local 'HH:MM' ('24:00' = midnight at the end of the day). */
  end: string;
}

export interface SlotOptions {
  durationMinutes: number;
  /** Free time required before and after each slot. Default 30. */
  bufferMinutes: number;
  /** How many slots to propose: 0 → none; default 3 (also for NaN or a negative); at most 10. */
  count: number;
  workingHours: WorkingHours;
  /** The user's IANA zone: working hours are read on its clock. */
  timeZone: string;
  /** Calendar days searched, from the day of the earliest allowed start. Default 14. */
  horizonDays?: number;
  /** Slots start on multiples of this many minutes of the local clock. Default 30. */
  stepMinutes?: number;
  /** Epoch ms; no slot starts before it. Default now + 2 h. */
  earliest?: number;
  /** Preferred maximum of slots on one day. Default 2. */
  maxPerDay?: number;
  /** The interviewer's IANA zone (the event's), when known. */
  interviewerTimeZone?: string;
  /** The interviewer's working hours on their own clock. Default weekdays 09:00–18:00. */
  interviewerHours?: WorkingHours;
}

export interface Slot {
  start: number;
  end: number;
}

/** Weekdays, 09:00–18:00. */
export const defaultWorkingHours: WorkingHours = {
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
};

/** An interviewer's working day when nothing better is known: weekdays, 09:00–18:00 on their clock. */
export const defaultInterviewerHours: WorkingHours = {
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
};

const DEFAULTS = {
  bufferMinutes: 30,
  count: 3,
  horizonDays: 14,
  stepMinutes: 30,
  earliestLead: 2 * HOUR,
  maxPerDay: 2,
};
/** The template renders at most ten, and an email with more would not be read. */
const MAX_COUNT = 10;
const MAX_HORIZON_DAYS = 90;
/** An interview is not longer than a working day; anything bigger is a bad input. */
const MAX_DURATION_MINUTES = 24 * 60;
const MAX_BUFFER_MINUTES = 12 * 60;

/** The next free slots, sorted by start; [] when nothing fits within the horizon. Never throws. */
export function proposeSlots(busy: readonly { start: number; end: number }[], now: number, options: SlotOptions): Slot[] {
  try {
    return propose(busy, now, options);
  } catch {
    // A hostile getter or a broken Intl: no proposal is better than a broken draft button.
    return [];
  }
}

function propose(busyInput: unknown, now: number, options: SlotOptions): Slot[] {
  if (!isInstant(now)) return [];
  const opts: Partial<SlotOptions> = options !== null && typeof options === 'object' ? options : {};

  const duration = opts.durationMinutes;
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration <= 0 || duration > MAX_DURATION_MINUTES) return [];
  const durationMs = Math.ceil(duration) * MINUTE;
  const count = Math.min(integerIn(opts.count, 0, Number.MAX_SAFE_INTEGER, DEFAULTS.count), MAX_COUNT);
  if (count === 0) return [];
  const bufferMs = integerIn(opts.bufferMinutes, 0, MAX_BUFFER_MINUTES, DEFAULTS.bufferMinutes) * MINUTE;
  const horizonDays = integerIn(opts.horizonDays, 1, MAX_HORIZON_DAYS, DEFAULTS.horizonDays);
  const step = integerIn(opts.stepMinutes, 1, 24 * 60, DEFAULTS.stepMinutes);
  const maxPerDay = integerIn(opts.maxPerDay, 1, MAX_COUNT, DEFAULTS.maxPerDay);
  const hours = validWorkingHours(opts.workingHours);
  const zone = canonicalZone(opts.timeZone) ?? runtimeZone();
  const clock = zoneClock(zone);
  const earliest = Math.max(now, isInstant(opts.earliest) ? opts.earliest : now + DEFAULTS.earliestLead);

  const theirZone = canonicalZone(opts.interviewerTimeZone);
  const theirHours = validWorkingHours(opts.interviewerHours ?? defaultInterviewerHours);
  /** Inside the interviewer's working day, when their clock is not the user's. */
  const suitsThem = (slot: Slot): boolean => {
    if (theirZone === undefined || zoneOffset(slot.start, theirZone) === zoneOffset(slot.start, zone)) return true;
    const from = wallClock(slot.start, theirZone);
    const to = wallClock(slot.end, theirZone);
    const weekday = new Date(Date.UTC(from.year, from.month - 1, from.day)).getUTCDay();
    const sameDay = from.year === to.year && from.month === to.month && from.day === to.day;
    const endMinute = sameDay ? to.hour * 60 + to.minute : 24 * 60 + to.hour * 60 + to.minute;
    return theirHours.days.includes(weekday) && from.hour * 60 + from.minute >= theirHours.startMinute && endMinute <= theirHours.endMinute;
  };

  const busy = mergeBusy(busyInput);
  const isFree = (from: number, to: number) => !overlapsAny(busy, from, to);

  const chosen: Slot[] = [];
  // Two proposals must not overlap each other's buffer either.
  const fits = (slot: Slot) => chosen.every((c) => slot.end + bufferMs <= c.start || slot.start >= c.end + bufferMs);
  const take = (candidates: readonly Slot[], limit: number) => {
    let taken = 0;
    for (const slot of candidates) {
      if (chosen.length >= count || taken >= limit) return;
      if (!fits(slot)) continue;
      chosen.push(slot);
      taken++;
    }
  };

  // Day by day in the user's zone: every slot the rules allow, of which up to `maxPerDay`.
  const days: Slot[][] = [];
  const first = clock.wallClock(earliest);
  for (let i = 0; i < horizonDays && chosen.length < count; i++) {
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + i));
    if (!hours.days.includes(date.getUTCDay())) continue;
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const dayStart = clock.toInstant(y, m, d, hours.startMinute);
    const dayEnd = clock.toInstant(y, m, d, hours.endMinute);
    const candidates: Slot[] = [];
    let last = -Infinity;
    for (let minute = Math.ceil(hours.startMinute / step) * step; minute < hours.endMinute; minute += step) {
      const start = clock.toInstant(y, m, d, minute);
      // A wall time skipped by DST resolves to the same instant as a later one: once is enough.
      if (start <= last) continue;
      last = start;
      const end = start + durationMs;
      if (start < dayStart || end > dayEnd || start < earliest) continue;
      if (isFree(start - bufferMs, end + bufferMs) && suitsThem({ start, end })) candidates.push({ start, end });
    }
    take(candidates, maxPerDay);
    days.push(candidates);
  }
  // Too few days in the horizon to spread across: let the days already used give more.
  for (const candidates of days) take(candidates, Infinity);
  return chosen.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------
// Inputs

function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e15;
}

function integerIn(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const n = Math.floor(value);
  return n < min ? fallback : Math.min(n, max);
}

/** Valid, sorted, merged: overlapping and touching intervals become one. */
function mergeBusy(input: unknown): Slot[] {
  if (!Array.isArray(input)) return [];
  const valid: Slot[] = [];
  for (const item of input as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const { start, end } = item as Record<string, unknown>;
    if (!isInstant(start) || !isInstant(end) || end <= start) continue;
    valid.push({ start, end });
  }
  valid.sort((a, b) => a.start - b.start);
  const merged: Slot[] = [];
  for (const interval of valid) {
    const previous = merged[merged.length - 1];
    if (previous && interval.start <= previous.end) previous.end = Math.max(previous.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Half-open intervals: an event ending at 10:00 leaves 10:00 free. */
function overlapsAny(merged: readonly Slot[], from: number, to: number): boolean {
  // Binary search for the first interval ending after `from`.
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((merged[mid]?.end ?? Infinity) <= from) lo = mid + 1;
    else hi = mid;
  }
  const candidate = merged[lo];
  return candidate !== undefined && candidate.start < to;
}

interface ValidHours {
  days: number[];
  startMinute: number;
  endMinute: number;
}

function validWorkingHours(value: unknown): ValidHours {
  const raw: Record<string, unknown> = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const days = Array.isArray(raw.days) ? (raw.days as unknown[]).filter((d): d is number => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6) : [];
  const start = clockMinute(raw.start);
  const end = clockMinute(raw.end);
  // Start and end only make sense together: one of them broken, or in the wrong order,
  // and both go back to the defaults rather than producing a surprising window.
  const window =
    start !== undefined && end !== undefined && start < end
      ? { startMinute: start, endMinute: end }
      : { startMinute: clockMinute(defaultWorkingHours.start) ?? 540, endMinute: clockMinute(defaultWorkingHours.end) ?? 1080 };
  // No valid day at all is a broken setting, not a wish to never be interviewed.
  return { days: days.length > 0 ? days : [...defaultWorkingHours.days], ...window };
}

/** 'HH:MM' → minutes since local midnight; '24:00' allowed (as an end). */
function clockMinute(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

// ---------------------------------------------------------------------------------------
// Wall clock ↔ instant in an IANA zone, with Intl only

/** The clock of one zone, on the shared Intl conversions of zoned-time.ts. */
function zoneClock(zone: string) {
  return {
    wallClock: (ms: number) => wallClock(ms, zone),
    /** Local date + minutes since local midnight → instant (Temporal's 'compatible' rules:
     * a skipped time moves forward by the gap, a repeated one is the first of the two). */
    toInstant: (year: number, month: number, day: number, minuteOfDay: number) => wallTimeToInstant(year, month, day, 0, minuteOfDay, zone),
  };
}
