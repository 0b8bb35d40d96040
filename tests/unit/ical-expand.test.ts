/**
 * Simple recurrence rules jump straight to the window (issue 11, point 3): the occurrences
 * `simpleRuleWalls` computes directly must be exactly those ical.js finds by iterating the
 * rule from DTSTART, for many random rules, DTSTARTs and windows.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { simpleRuleWalls } from '../../src/calendar/ical-expand.ts';
import type { IcalRule } from '../../src/calendar/ical-event.ts';
import { DAY } from '../../src/core/units.ts';

/** An IcalRule as ical-event.ts builds it from an RRULE value. */
function ruleOf(text: string): IcalRule {
  const recur = ICAL.Recur.fromString(text).toJSON() as Record<string, unknown>;
  const data: Record<string, unknown> = { freq: recur.freq, interval: recur.interval ?? 1 };
  for (const key of ['wkst', 'bysecond', 'byminute', 'byhour', 'byday', 'bymonthday', 'byyearday', 'byweekno', 'bymonth', 'bysetpos']) if (recur[key] !== undefined) data[key] = recur[key];
  return { data, freq: recur.freq as IcalRule['freq'], interval: Number(recur.interval ?? 1) };
}

/** ical.js's full iteration from DTSTART: the walls in [fromWall, toWall], DTSTART left out. */
function iterated(rule: IcalRule, dtstart: number, fromWall: number, toWall: number): number[] {
  const d = new Date(dtstart);
  const start = new ICAL.Time({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), isDate: false }, ICAL.Timezone.localTimezone);
  const iterator = new ICAL.Recur(rule.data).iterator(start);
  // MONTHLY;INTERVAL=12;BYMONTHDAY=31 from April never occurs, and ical.js would look forever.
  const check = iterator.check_contracting_rules.bind(iterator);
  let checks = 0;
  iterator.check_contracting_rules = () => {
    if (++checks > 20_000) throw new Error('no more occurrences');
    return check();
  };
  const walls: number[] = [];
  try {
    for (let next = iterator.next(); next; next = iterator.next()) {
      const wall = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second);
      if (wall > toWall) break;
      if (wall >= fromWall && wall !== dtstart) walls.push(wall);
    }
  } catch (error) {
    if (!(error instanceof Error && error.message === 'no more occurrences')) throw error;
  }
  return walls;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

const simpleRule = fc.oneof(
  fc.record({ freq: fc.constant('DAILY'), interval: fc.integer({ min: 1, max: 9 }), byday: fc.subarray(WEEKDAYS), wkst: fc.option(fc.constantFrom(...WEEKDAYS), { nil: undefined }) }),
  fc.record({ freq: fc.constant('WEEKLY'), interval: fc.integer({ min: 1, max: 5 }), byday: fc.subarray(WEEKDAYS), wkst: fc.option(fc.constantFrom(...WEEKDAYS), { nil: undefined }) }),
  fc.record({
    freq: fc.constant('MONTHLY'),
    interval: fc.integer({ min: 1, max: 14 }),
    bymonthday: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -31, max: -1 })), { maxLength: 4 }),
    wkst: fc.constant(undefined),
  }),
).map((r) => {
  const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`];
  if ('byday' in r && r.byday.length > 0) parts.push(`BYDAY=${r.byday.join(',')}`);
  if ('bymonthday' in r && r.bymonthday.length > 0) parts.push(`BYMONTHDAY=${r.bymonthday.join(',')}`);
  if (r.wkst) parts.push(`WKST=${r.wkst}`);
  return parts.join(';');
});

describe('simple recurrence rules jump straight to the window', () => {
  it('gives exactly the occurrences ical.js iterates from DTSTART, for random rules, starts and windows', () => {
    fc.assert(
      fc.property(
        simpleRule,
        // DTSTART between 1995 and 2030 at a whole minute; the window from 60 days before it to 4 years after.
        fc.integer({ min: Date.UTC(1995, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }),
        fc.integer({ min: -60, max: 4 * 366 }),
        fc.integer({ min: 0, max: 62 * 24 }),
        (text, startMinute, offsetDays, hours) => {
          const rule = ruleOf(text);
          const dtstart = startMinute * 60_000;
          const fromWall = dtstart + offsetDays * DAY + (startMinute % 1440) * 37_000;
          const toWall = fromWall + hours * 3_600_000;
          const direct = simpleRuleWalls(rule, dtstart, fromWall, toWall);
          assert.ok(direct, `${text} is simple`);
          assert.deepEqual(direct.filter((wall) => wall !== dtstart).map((w) => new Date(w).toISOString()), iterated(rule, dtstart, fromWall, toWall).map((w) => new Date(w).toISOString()), text);
        },
      ),
      { numRuns: 300, seed: 11_2026 },
    );
  });

  it('with COUNT, gives exactly what ical.js iterates when DTSTART is an occurrence, and leaves the rest to ical.js', () => {
    let direct = 0;
    fc.assert(
      fc.property(
        simpleRule,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: Date.UTC(2015, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }),
        fc.integer({ min: -60, max: 2 * 366 }),
        fc.integer({ min: 0, max: 62 * 24 }),
        (text, count, startMinute, offsetDays, hours) => {
          const dtstart = startMinute * 60_000;
          // Half the time DTSTART's own weekday is among BYDAY, as exporters write it.
          const weekday = WEEKDAYS[new Date(dtstart).getUTCDay()] ?? 'MO';
          const withStartDay = startMinute % 2 === 0 && /BYDAY=/.test(text) && !text.includes(weekday) ? text.replace('BYDAY=', `BYDAY=${weekday},`) : text;
          const rule = ruleOf(withStartDay);
          rule.count = count;
          rule.data.count = count;
          const fromWall = dtstart + offsetDays * DAY + (startMinute % 1440) * 37_000;
          const toWall = fromWall + hours * 3_600_000;
          const walls = simpleRuleWalls(rule, dtstart, fromWall, toWall);
          if (!walls) return;
          direct++;
          const expected = iterated(rule, dtstart, fromWall, toWall).map((w) => new Date(w).toISOString());
          assert.deepEqual(walls.filter((wall) => wall !== dtstart).map((w) => new Date(w).toISOString()), expected, `${withStartDay};COUNT=${count}`);
        },
      ),
      { numRuns: 300, seed: 11_2026 },
    );
    // Most of these rules are computed directly: the comparison above is not vacuous.
    assert.ok(direct > 150, `${direct} of 300 computed directly`);
  });

  it('with COUNT, refuses a DTSTART that is not an occurrence (readers disagree whether it counts)', () => {
    // 2026-01-07 is a Wednesday: ical.js gives three Mondays for WEEKLY, DTSTART and two Mondays for DAILY.
    const start = Date.UTC(2026, 0, 7, 10);
    for (const text of ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=DAILY;BYDAY=MO', 'FREQ=MONTHLY;BYMONTHDAY=1']) {
      const rule = ruleOf(text);
      rule.count = 3;
      assert.equal(simpleRuleWalls(rule, start, start, start + 90 * DAY), undefined, text);
    }
    const matching = ruleOf('FREQ=WEEKLY;BYDAY=MO,WE');
    matching.count = 3;
    assert.deepEqual(simpleRuleWalls(matching, start, start, start + 90 * DAY)?.map((w) => new Date(w).toISOString().slice(0, 10)), ['2026-01-07', '2026-01-12', '2026-01-14']);
  });

  it("with COUNT, charges the feed's step budget for every occurrence it computes, and computes nothing without budget", () => {
    const rule = ruleOf('FREQ=DAILY');
    rule.count = 10;
    const start = Date.UTC(2020, 0, 6, 9);
    const later = Date.UTC(2026, 10, 26);
    const budget = { steps: 100 };
    // All ten were before the window: none in it, ten steps spent.
    assert.deepEqual(simpleRuleWalls(rule, start, later, later + 14 * DAY, budget), []);
    assert.equal(budget.steps, 90);
    assert.equal(simpleRuleWalls(rule, start, later, later + 14 * DAY, { steps: 0 }), undefined);
    // A hostile COUNT stops at the window's end, and the budget pays for each day up to it.
    const huge = ruleOf('FREQ=DAILY');
    huge.count = 1_000_000;
    const spent = { steps: 100_000 };
    const walls = simpleRuleWalls(huge, start, later, later + 14 * DAY, spent);
    // 09:00 on 26 November … 9 December 2026; 2,530 days from 6 January 2020 to 9 December 2026.
    assert.equal(walls?.length, 14);
    assert.equal(100_000 - spent.steps, 2_530, 'one step per computed day');
  });

  it('leaves every other rule to ical.js', () => {
    const start = Date.UTC(2024, 0, 10, 9);
    for (const text of ['FREQ=MONTHLY;BYDAY=2TU', 'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=1', 'FREQ=YEARLY', 'FREQ=DAILY;BYHOUR=9,17', 'FREQ=WEEKLY;BYMONTH=3', 'FREQ=WEEKLY;BYDAY=MO;COUNT=5', 'FREQ=HOURLY']) {
      const rule = ruleOf(text);
      if (text.includes('COUNT')) rule.count = 5;
      assert.equal(simpleRuleWalls(rule, start, start, start + 30 * DAY), undefined, text);
    }
  });

  it('costs the window, not the years since DTSTART', () => {
    // A weekly series from 1970: the direct computation looks at the window's weeks only.
    const rule = ruleOf('FREQ=WEEKLY;BYDAY=MO,WE,FR');
    const from = Date.UTC(2026, 10, 26);
    const walls = simpleRuleWalls(rule, Date.UTC(1970, 0, 5, 9), from, from + 14 * DAY);
    assert.deepEqual(walls?.map((w) => new Date(w).toISOString().slice(0, 10)), ['2026-11-27', '2026-11-30', '2026-12-02', '2026-12-04', '2026-12-07', '2026-12-09']);
  });
});
