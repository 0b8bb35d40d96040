/**
 * The occurrences of one recurring VEVENT inside a window, and nothing else.
 *
 * Measured on the 5 MB feed of tests/fakes/ical-feed-generator.ts: expanding every series from its first DTSTART (years back) cost
 * ~1.4 s on the 5 MB feed, 70% of it in zone offset lookups. Here each rule is iterated on
 * floating wall times (no lookup per step), starting from a DTSTART moved forward by whole
 * periods to just before the window ("fast-forward"), and only occurrences near the window
 * are turned into instants.
 */
import ICAL from 'ical.js';
import type { IcalEvent, IcalRule, IcalTime } from './ical-event.ts';
import { UTC_ZONE, type WallMs, type ZoneConverter, type ZoneLookup } from './ical-zones.ts';
import { SECOND, HOUR, DAY } from '../core/units.ts';
import { perObject } from '../core/lazy.ts';

export interface Occurrence {
  /** The instant of the occurrence as the rule generates it: what a RECURRENCE-ID names. */
  recurrence: number;
  start: number;
  end: number;
}

/** More than any UTC offset (±14 h): wall times this far outside the window cannot be in it. */
const OFFSET_SLACK = 15 * HOUR;
/** Guards against rules that would take forever (FREQ=SECONDLY with a COUNT from years back). */
const MAX_STEPS = 20_000;

/** BY* checks one series may spend (DAILY;BYMONTH=2 needs ~366 per occurrence). */
const MAX_CHECKS = 20_000;

/** Iteration steps and BY* checks left for the whole feed: a hostile feed of a thousand
 * FREQ=SECONDLY series must not keep the worker busy for minutes. */
export interface StepBudget {
  steps: number;
}

class RuleTooCostly extends Error {}

/**
 * ical.js's `next()` loops until the BY* rules match, and for SECONDLY … WEEKLY that loop
 * has no bound: RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31 (which anyone can put in an
 * invite) never returns. Counting the checks on this one iterator turns that into an
 * exception, and the caller skips the series. Its `next_year` is patched too (below).
 */
function bounded(iterator: ICAL.RecurIterator, budget: StepBudget): ICAL.RecurIterator {
  const check = iterator.check_contracting_rules.bind(iterator);
  let left = MAX_CHECKS;
  iterator.check_contracting_rules = () => {
    if (--left < 0 || --budget.steps < 0) throw new RuleTooCostly('recurrence rule too costly');
    return check();
  };
  // A YEARLY rule's next time on the same day (BYHOUR=9,15: 15:00) is one `next_year()` calls
  // not valid, and `next()` passed it over: each day had its first time only. A step that
  // stays on the day is valid (as `next_month()` has it).
  const nextYear = iterator.next_year.bind(iterator);
  iterator.next_year = () => {
    const day = String(iterator.last).slice(0, 10);
    return nextYear() || String(iterator.last).slice(0, 10) === day ? 1 : 0;
  };
  return iterator;
}
const MAX_OCCURRENCES = 1_000;

const FIXED_PERIOD: Partial<Record<IcalRule['freq'], number>> = {
  SECONDLY: SECOND,
  MINUTELY: 60 * SECOND,
  HOURLY: HOUR,
  DAILY: DAY,
  WEEKLY: 7 * DAY,
};

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * A DTSTART moved forward by whole periods of the rule (so the same occurrences follow),
 * landing at least one period before `target`. Occurrences of the moved start's period
 * that fall before it (BYDAY=MO,WE,FR moved to a Wednesday loses that Monday) are then
 * all before `target`, outside the window.
 * With COUNT the occurrences before the window must be counted, so nothing moves.
 */
export function fastForward(rule: IcalRule, dtstart: WallMs, target: WallMs): WallMs {
  if (rule.count !== undefined || target <= dtstart) return dtstart;
  const fixed = FIXED_PERIOD[rule.freq];
  if (fixed !== undefined) {
    const period = fixed * rule.interval;
    const periods = Math.floor((target - dtstart) / period) - 1;
    return periods > 0 ? dtstart + periods * period : dtstart;
  }
  // MONTHLY and YEARLY: move by whole years that are also whole periods, so the month and
  // the day of month (the rule's implicit BYMONTH/BYMONTHDAY) stay the same.
  const start = new Date(dtstart);
  if (start.getUTCMonth() === 1 && start.getUTCDate() === 29) return dtstart;
  const yearsPerStep = rule.freq === 'MONTHLY' ? rule.interval / gcd(rule.interval, 12) : rule.interval;
  const years = new Date(target).getUTCFullYear() - start.getUTCFullYear();
  const steps = Math.floor(years / yearsPerStep) - 1;
  if (steps <= 0) return dtstart;
  const moved = new Date(dtstart);
  moved.setUTCFullYear(start.getUTCFullYear() + steps * yearsPerStep);
  return moved.getTime();
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function listOf(value: unknown): unknown[] | undefined {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : typeof value === 'string' || typeof value === 'number' ? [value] : undefined;
}

/** BYDAY=MO,WE (no ordinals) as weekdays 0 (Sunday) … 6; undefined when not that simple. */
function plainWeekdays(value: unknown): number[] | undefined {
  const list = listOf(value);
  if (!list) return undefined;
  const days: number[] = [];
  for (const entry of list) {
    const day = typeof entry === 'string' ? WEEKDAYS.indexOf(entry.trim().toUpperCase()) : -1;
    if (day === -1) return undefined;
    if (!days.includes(day)) days.push(day);
  }
  return days;
}

/** WKST as a weekday 0 (Sunday) … 6 (default Monday); -1 when unreadable. ical.js writes
 * it as 1 = Sunday … 7 = Saturday, or the day's name. */
function weekStartOf(rule: IcalRule): number {
  const given = rule.data.wkst;
  if (given === undefined) return 1;
  if (typeof given === 'number') return Number.isInteger(given) && given >= 1 && given <= 7 ? given - 1 : -1;
  return typeof given === 'string' ? WEEKDAYS.indexOf(given.toUpperCase()) : -1;
}

/** The parts a simple rule may have (with `freq` and `interval`); anything else goes to ical.js. */
const SIMPLE_PARTS: Record<string, ReadonlySet<string>> = {
  DAILY: new Set(['freq', 'interval', 'count', 'wkst', 'byday']),
  WEEKLY: new Set(['freq', 'interval', 'count', 'wkst', 'byday']),
  MONTHLY: new Set(['freq', 'interval', 'count', 'wkst', 'bymonthday']),
};

/**
 * The wall times a simple rule gives in [fromWall, toWall], computed directly instead of
 * iterated from DTSTART: FREQ=DAILY (BYDAY weekdays), WEEKLY (BYDAY weekdays, WKST) and
 * MONTHLY (BYMONTHDAY, else DTSTART's day; months without that day have none), each
 * with INTERVAL. A series that started years ago costs only the weeks of the window (with
 * COUNT, the days since DTSTART). Undefined for any other rule (ical.js iterates those).
 * DTSTART itself may or may not be among the walls: the caller always adds it (RFC 5545
 * §3.8.5.3). UNTIL is left to the caller too. Checked against ical.js's full iteration in
 * tests/unit/ical-expand.test.ts. A COUNT rule's occurrences before the window come off
 * `budget`, as ical.js's steps would; with none left it is not computed.
 */
export function simpleRuleWalls(rule: IcalRule, dtstart: WallMs, fromWall: WallMs, toWall: WallMs, budget: StepBudget = { steps: Infinity }): WallMs[] | undefined {
  if (rule.count === undefined) return windowWalls(rule, dtstart, fromWall, toWall);
  // With COUNT the occurrences before the window count too: all of them are computed from
  // DTSTART (arithmetic, one step a day at most, instead of ical.js's iterator). Only when
  // DTSTART is itself one of the rule's occurrences: when it is not, readers disagree on
  // whether it counts (ical.js counts it for DAILY and MONTHLY, not for WEEKLY), and
  // ical.js decides, as before.
  if ((toWall - dtstart) / DAY > MAX_COUNTED_DAYS || budget.steps <= 0) return undefined;
  const walls = windowWalls(rule, dtstart, dtstart, toWall, rule.count);
  budget.steps -= walls?.length ?? 0;
  if (!walls || walls.length === 0) return walls && toWall < dtstart ? [] : undefined;
  if (walls[0] !== dtstart) return undefined;
  return walls.slice(0, rule.count).filter((wall) => wall >= fromWall);
}

/** A COUNT rule is computed from DTSTART only this far back (40 years of days). */
const MAX_COUNTED_DAYS = 40 * 366;

/** What `windowWalls` needs of a rule, worked out once per rule (undefined: not a simple one). */
interface SimplePlan {
  /** DAILY: the BYDAY weekdays (0 = Sunday), all when empty. WEEKLY: the same, DTSTART's when empty. */
  weekdays: number[];
  /** WEEKLY: the week's first day (0 = Sunday). */
  wkst: number;
  /** WEEKLY with BYDAY: its days as days after the week's start, in order. */
  offsets: number[];
}

function planOf(rule: IcalRule): SimplePlan | undefined {
  const parts = SIMPLE_PARTS[rule.freq];
  if (!parts || Object.keys(rule.data).some((key) => !parts.has(key)) || !Number.isInteger(rule.interval) || rule.interval < 1) return undefined;
  const weekdays = rule.freq === 'MONTHLY' ? [] : plainWeekdays(rule.data.byday);
  const wkst = weekStartOf(rule);
  if (!weekdays || (rule.freq === 'WEEKLY' && wkst === -1)) return undefined;
  return { weekdays, wkst, offsets: weekdays.map((weekday) => (weekday - wkst + 7) % 7).sort((a, b) => a - b) };
}

/** One plan per rule: ical-event.ts gives the series that share an RRULE line one IcalRule. */
const simplePlan = perObject(planOf);

/** Day 0 (1970-01-01) was a Thursday: the weekday of a day number, 0 = Sunday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `simpleRuleWalls` without COUNT; stops once it has `limit` walls (or a few more). */
function windowWalls(rule: IcalRule, dtstart: WallMs, fromWall: WallMs, toWall: WallMs, limit = Infinity): WallMs[] | undefined {
  const plan = simplePlan(rule);
  if (!plan) return undefined;
  const interval = rule.interval;
  const time = ((dtstart % DAY) + DAY) % DAY;
  const startDay = dayOf(dtstart);
  const firstDay = Math.max(startDay, dayOf(fromWall) - 1);
  const lastDay = dayOf(toWall) + 1;
  const walls: WallMs[] = [];
  const push = (day: number) => {
    const wall = day * DAY + time;
    if (wall >= dtstart && wall >= fromWall && wall <= toWall) walls.push(wall);
  };
  if (rule.freq === 'DAILY') {
    const days = plan.weekdays;
    for (let day = startDay + Math.ceil((firstDay - startDay) / interval) * interval; day <= lastDay && walls.length < limit; day += interval) {
      if (days.length === 0 || days.includes(weekdayOf(day))) push(day);
    }
    return walls;
  }
  if (rule.freq === 'WEEKLY') {
    const wkst = plan.wkst;
    const offsets = plan.offsets.length > 0 ? plan.offsets : [(weekdayOf(startDay) - wkst + 7) % 7];
    const firstWeek = startDay - ((weekdayOf(startDay) - wkst + 7) % 7);
    const period = 7 * interval;
    const fromWeek = firstDay - ((weekdayOf(firstDay) - wkst + 7) % 7);
    for (let week = firstWeek + Math.max(0, Math.floor((fromWeek - firstWeek) / period)) * period; week <= lastDay && walls.length < limit; week += period) {
      for (let i = 0; i < offsets.length; i++) push(week + (offsets[i] as number));
    }
    return walls;
  }
  const monthDays = listOf(rule.data.bymonthday);
  if (!monthDays || monthDays.some((n) => typeof n !== 'number' || !Number.isInteger(n) || n === 0 || Math.abs(n) > 31)) return undefined;
  const start = new Date(dtstart);
  const startMonth = start.getUTCFullYear() * 12 + start.getUTCMonth();
  const from = new Date(firstDay * DAY);
  const fromMonth = from.getUTCFullYear() * 12 + from.getUTCMonth();
  let month = startMonth + Math.max(0, Math.floor((fromMonth - startMonth) / interval)) * interval;
  for (; Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY <= lastDay && walls.length < limit; month += interval) {
    const year = Math.floor(month / 12);
    const length = new Date(Date.UTC(year, (month % 12) + 1, 0)).getUTCDate();
    const wanted = monthDays.length > 0 ? (monthDays as number[]).map((n) => (n > 0 ? n : length + 1 + n)) : [start.getUTCDate()];
    const days = [...new Set(wanted.filter((d) => d >= 1 && d <= length))].sort((a, b) => a - b);
    for (const d of days) push(Date.UTC(year, month % 12, d) / DAY);
  }
  return walls;
}

function floatingTime(wall: WallMs): ICAL.Time {
  const d = new Date(wall);
  return new ICAL.Time(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), isDate: false },
    ICAL.Timezone.localTimezone,
  );
}

function zoneOf(time: IcalTime, zones: ZoneLookup): ZoneConverter {
  if (time.kind === 'utc') return UTC_ZONE;
  if (time.kind === 'zoned') return zones.zone(time.tzid);
  return zones.floating;
}

/** The instant of a DATE-TIME value (a DATE is read as local midnight). */
export function instantOf(time: IcalTime, zones: ZoneLookup): number {
  return zoneOf(time, zones).toUtc(time.wall);
}

/** Length of one occurrence: DTEND − DTSTART of the master, else DURATION, else 0. */
export function eventDuration(event: IcalEvent, zones: ZoneLookup, start: number): number {
  if (event.end && event.end.kind !== 'date') return Math.max(0, instantOf(event.end, zones) - start);
  return event.durationDays === undefined ? Math.max(0, event.durationMs ?? 0) : nominalLength(event, zoneOf(event.start, zones), event.start.wall, start);
}

/** The length of an occurrence of `event` (whose DURATION has days) that starts at `wall`,
 * `utc`: its days on the calendar of its zone, then the rest of it (RFC 5545 §3.3.6). */
function nominalLength(event: IcalEvent, zone: ZoneConverter, wall: WallMs, utc: number): number {
  const days = event.durationDays ?? 0;
  return Math.max(0, zone.toUtc(wall + days * DAY) + ((event.durationMs ?? 0) - days * DAY) - utc);
}

function dayOf(wall: WallMs): number {
  return Math.floor(wall / DAY);
}

function yearOf(wall: WallMs): number {
  return new Date(wall).getUTCFullYear();
}

/** The first day of week 1 of `year` (day number): the first week from `wkst` with four
 * days or more in the year (RFC 5545 BYWEEKNO; ISO 8601's with Monday). */
function firstWeek(year: number, wkst: number): number {
  const january = Date.UTC(year, 0, 1) / DAY;
  const ahead = (wkst - weekdayOf(january) + 7) % 7;
  return january + ahead - (ahead >= 4 ? 7 : 0);
}

/** The parts a YEARLY;BYWEEKNO rule may have for icalPlan to expand it itself. */
const WEEK_PARTS = ['freq', 'interval', 'wkst', 'byday', 'byweekno', 'bymonth'];

/**
 * How ical.js iterates `rule` (from `dtstart`, the series' start `seriesStart` moved forward
 * by fastForward), and which of its walls to keep, for the rule
 * shapes ical.js 2.2.1 expands against RFC 5545 §3.3.10 (checked with python's
 * dateutil.rrule); any other rule is ical.js's own iteration.
 * - MONTHLY with INTERVAL > 1 and BYMONTH: ical.js went to the next listed month, whatever
 *   the INTERVAL. BYMONTH only limits MONTHLY: iterated without it, the months not listed
 *   are passed over.
 * - YEARLY with BYMONTHDAY and no BYMONTH (nor BYWEEKNO, BYYEARDAY, BYSETPOS): those days of
 *   every month, ical.js gave DTSTART's month only (and, with BYMONTH=1,…,12, 30 February
 *   as 2 March). Iterated as MONTHLY, the same days; the years the INTERVAL skips passed over.
 * - YEARLY with BYWEEKNO and BYDAY weekdays (and WKST, BYMONTH): ical.js put the weeks
 *   months off. Iterated as DAILY, the days of other weeks (or years the INTERVAL skips)
 *   passed over. A rule year has the days of its calendar year: a week across New Year
 *   gives its days to both (as dateutil reads it; RFC 5545 does not say). Without BYDAY
 *   the day is DTSTART's weekday (RFC 5545: what a rule leaves out is DTSTART's; ical.js
 *   gave no occurrence at all).
 * - WEEKLY with BYSETPOS and only BYDAY weekdays (and WKST): ical.js ignored BYSETPOS. Each
 *   week's set is the same days in week order: the positions pick the same weekdays every
 *   week, and the rule is read as WEEKLY;BYDAY=those (none: no occurrence but DTSTART).
 * (YEARLY with several BYHOUR, BYMINUTE or BYSECOND: see `bounded`.)
 */
function icalPlan(rule: IcalRule, dtstart: WallMs, seriesStart: WallMs): { data: Record<string, unknown>; keep?: (wall: WallMs) => boolean } | undefined {
  const data: Record<string, unknown> = { ...rule.data };
  // Deleted, not set to undefined: ical.js reads a BY* part that is there as a list of one.
  delete data.count;
  // Lists copied: ical.js sorts some in place, and the series that share an RRULE line share
  // one rule (ical-event.ts).
  for (const [part, value] of Object.entries(data)) if (Array.isArray(value)) data[part] = [...(value as unknown[])];
  const has = (part: string) => data[part] !== undefined;
  // ical.js's parser made these lists of numbers.
  const months = listOf(data.bymonth) as number[];
  const positions = listOf(data.bysetpos) as number[];
  const weeks = listOf(data.byweekno) as number[];
  const weekRule = rule.freq === 'YEARLY' && weeks?.length && Object.keys(data).every((key) => WEEK_PARTS.includes(key));
  // `dtstart` may have moved by whole years: its weekday need not be the series'.
  if (weekRule && !has('byday')) data.byday = [WEEKDAYS[weekdayOf(dayOf(seriesStart))]];
  const weekdays = plainWeekdays(data.byday);
  if (rule.freq === 'MONTHLY' && rule.interval > 1 && months?.length) {
    delete data.bymonth;
    return { data, keep: (wall) => months.includes(new Date(wall).getUTCMonth() + 1) };
  }
  // YEARLY rules iterated otherwise: the years the INTERVAL steps on.
  const inStep = (wall: WallMs) => (yearOf(wall) - yearOf(dtstart)) % rule.interval === 0;
  if (rule.freq === 'YEARLY' && has('bymonthday') && !has('bymonth') && !has('byweekno') && !has('byyearday') && !has('bysetpos')) {
    return { data: { ...data, freq: 'MONTHLY', interval: 1 }, keep: inStep };
  }
  if (weekRule && weekdays?.length) {
    const wkst = weekStartOf(rule);
    delete data.byweekno;
    const keep = (wall: WallMs) => {
      if (!inStep(wall)) return false;
      const day = dayOf(wall);
      // The week-numbered year the day is in: the last whose week 1 starts on or before it.
      let numbered = yearOf(wall) + 1;
      let start = firstWeek(numbered, wkst);
      let next = firstWeek(numbered + 1, wkst);
      while (day < start) {
        numbered--;
        next = start;
        start = firstWeek(numbered, wkst);
      }
      const week = Math.floor((day - start) / 7) + 1;
      return weeks.includes(week) || weeks.includes(week - 1 - (next - start) / 7);
    };
    return { data: { ...data, freq: 'DAILY', interval: 1 }, keep };
  }
  if (rule.freq === 'WEEKLY' && positions?.length && weekdays?.length && Object.keys(data).every((key) => ['freq', 'interval', 'wkst', 'byday', 'bysetpos'].includes(key))) {
    const wkst = weekStartOf(rule);
    const days = weekdays.sort((a, b) => ((a - wkst + 7) % 7) - ((b - wkst + 7) % 7));
    const picked = days.filter((_, i) => positions.includes(i + 1) || positions.includes(i - days.length));
    if (picked.length === 0) return undefined;
    delete data.bysetpos;
    return { data: { ...data, byday: picked.map((day) => WEEKDAYS[day]) } };
  }
  return { data };
}

/** Calls `found` with each wall time (and its instant) `rule` gives in [fromWall, toWall]. */
function eachWall(rule: IcalRule, start: WallMs, fromWall: WallMs, toWall: WallMs, zone: ZoneConverter, budget: StepBudget, found: (wall: WallMs, utc: number) => void): void {
  const until = rule.until;
  const untilUtc = until && until.kind === 'utc' ? until.wall : undefined;
  const untilWall = until && until.kind !== 'utc' ? (until.kind === 'date' ? until.wall + DAY - 1 : until.wall) : undefined;
  if (untilUtc !== undefined && untilUtc < fromWall - OFFSET_SLACK) return;
  if (untilWall !== undefined && untilWall < fromWall) return;

  const simple = simpleRuleWalls(rule, start, fromWall, toWall, budget);
  if (simple) {
    for (let i = 0; i < simple.length; i++) {
      const wall = simple[i] as WallMs;
      if (budget.steps <= 0) break;
      budget.steps--;
      if (untilWall !== undefined && wall > untilWall) break;
      if (untilUtc !== undefined && wall - OFFSET_SLACK > untilUtc) break;
      const utc = zone.toUtc(wall);
      if (untilUtc !== undefined && utc > untilUtc) break;
      found(wall, utc);
    }
    return;
  }
  const dtstart = fastForward(rule, start, fromWall);
  // COUNT is counted here, on the occurrences ical.js returns in order: with BYMONTH its
  // `next()` can return an instance it returned before (MONTHLY;BYMONTH=4,12;BYMONTHDAY=1,2
  // from 1 December gives 1, 2, 1, 2 December) or count one twice (at the turn of the year),
  // and with its own COUNT the rule's last occurrences were lost.
  const count = rule.count;
  const plan = icalPlan(rule, dtstart, start);
  if (!plan) return;
  const iterator = bounded(new ICAL.Recur(plan.data).iterator(floatingTime(dtstart)), budget);
  let counted = 0;
  let last = -Infinity;
  for (let step = 0; step < MAX_STEPS && budget.steps > 0 && (count === undefined || counted < count); step++) {
    budget.steps--;
    const next = iterator.next();
    if (!next) break;
    const wall = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second);
    if (wall <= last) continue;
    last = wall;
    if (wall > toWall) break;
    if (untilWall !== undefined && wall > untilWall) break;
    if (untilUtc !== undefined && wall - OFFSET_SLACK > untilUtc) break;
    if (plan.keep && !plan.keep(wall)) continue;
    counted++;
    if (wall < fromWall) continue;
    const utc = zone.toUtc(wall);
    if (untilUtc !== undefined && utc > untilUtc) break;
    found(wall, utc);
  }
}

/** Never added to: `excludes` is false. */
const NOTHING = new Set<number>();

/**
 * Occurrences of `master` overlapping [from, to) (epoch ms), minus EXDATEs, EXRULEs and the
 * recurrences in `overridden` (their RECURRENCE-ID overrides are handled as events of
 * their own). Throws on rules ical.js rejects; the caller skips that series.
 */
export function expandSeries(
  master: IcalEvent,
  zones: ZoneLookup,
  window: { from: number; to: number; masterStart: number; duration: number },
  overridden: ReadonlySet<number>,
  budget: StepBudget = { steps: Infinity },
): Occurrence[] {
  const { from, to, masterStart, duration } = window;
  const zone = zoneOf(master.start, zones);
  const fromWall = from - duration - OFFSET_SLACK;
  const toWall = to + OFFSET_SLACK;

  const { exdates, exrules, rules, rdates } = master;
  // Most series exclude nothing: no sets made for them.
  const excludes = exdates.length > 0 || exrules.length > 0;
  const exInstants = excludes ? new Set<number>() : NOTHING;
  const exDays = excludes ? new Set<number>() : NOTHING;
  for (let i = 0; i < exdates.length; i++) {
    const ex = exdates[i] as IcalTime;
    if (ex.kind === 'date') exDays.add(dayOf(ex.wall));
    else if (ex.wall >= fromWall - DAY && ex.wall <= toWall + DAY) exInstants.add(instantOf(ex, zones));
  }

  for (let i = 0; i < exrules.length; i++) {
    eachWall(exrules[i] as IcalRule, master.start.wall, fromWall, toWall, zone, budget, (_wall, utc) => {
      exInstants.add(utc);
    });
  }

  const seen = new Set<number>();
  const found: Occurrence[] = [];
  const consider = (wall: WallMs, utc: number, length: number) => {
    if (seen.has(utc)) return;
    seen.add(utc);
    if (exInstants.has(utc) || exDays.has(dayOf(wall)) || overridden.has(utc)) return;
    const end = utc + length;
    if (utc < to && (end > from || (length === 0 && utc >= from)) && found.length < MAX_OCCURRENCES) found.push({ recurrence: utc, start: utc, end });
  };

  // RFC 5545: DTSTART is always the first instance.
  if (master.start.wall >= fromWall && master.start.wall <= toWall) consider(master.start.wall, masterStart, duration);

  // A DURATION of days (there is none with a DTEND) is as long as those days are where each
  // occurrence falls.
  const nominal = master.durationDays !== undefined;
  for (let i = 0; i < rules.length; i++) eachWall(rules[i] as IcalRule, master.start.wall, fromWall, toWall, zone, budget, (wall, utc) => consider(wall, utc, nominal ? nominalLength(master, zone, wall, utc) : duration));

  for (let i = 0; i < rdates.length; i++) {
    const rdate = rdates[i] as IcalEvent['rdates'][number];
    if (rdate.time.kind === 'date' || rdate.time.wall < fromWall - DAY || rdate.time.wall > toWall) continue;
    consider(rdate.time.wall, instantOf(rdate.time, zones), rdate.durationMs ?? duration);
  }
  // In order already but for RDATEs, several rules or a DTSTART off the rule: sorted then
  // only (a sort that calls back into cold code costs more than this check).
  for (let i = 1; i < found.length; i++) if ((found[i] as Occurrence).start < (found[i - 1] as Occurrence).start) return found.sort((a, b) => a.start - b.start);
  return found;
}
