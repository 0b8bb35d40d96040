// src/calendar/ical-expand.ts (`bounded`) patches two undocumented methods of ical.js's
// RecurIterator on the iterator instance: `check_contracting_rules`, to count the checks
// `next()` makes, so that a rule which never matches (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31)
// throws instead of looping forever; and `next_year`, which calls the next time of the same day
// not valid (a YEARLY rule with several BYHOUR lost all but the first). package.json pins ical.js exactly; this file fails when
// an upgrade changes what the patch relies on, and says what to look at.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };

function iteratorFor(rule: string, start: string): ICAL.RecurIterator {
  return ICAL.Recur.fromString(rule).iterator(ICAL.Time.fromDateTimeString(start));
}

/** Counts the calls `next()` makes to the instance's check, the way `bounded` wraps it. */
function counted(iterator: ICAL.RecurIterator): { iterator: ICAL.RecurIterator; calls: () => number } {
  const original = iterator.check_contracting_rules.bind(iterator);
  let calls = 0;
  iterator.check_contracting_rules = () => {
    calls += 1;
    return original();
  };
  return { iterator, calls: () => calls };
}

describe('the ical.js behaviour src/calendar/ical-expand.ts patches', () => {
  it('is pinned to an exact version in package.json', () => {
    assert.match(packageJson.dependencies['ical.js'] ?? '', /^\d+\.\d+\.\d+$/);
  });

  it('has check_contracting_rules on the iterator, true exactly when the BY* rules match', () => {
    const iterator = iteratorFor('FREQ=DAILY;BYMONTH=2', '2026-01-01T10:00:00');
    assert.equal(typeof iterator.check_contracting_rules, 'function');
    iterator.last = ICAL.Time.fromDateTimeString('2026-01-15T10:00:00');
    assert.equal(iterator.check_contracting_rules(), false, 'January is not BYMONTH=2');
    iterator.last = ICAL.Time.fromDateTimeString('2026-02-15T10:00:00');
    assert.equal(iterator.check_contracting_rules(), true, 'February is');
  });

  it('calls it through the instance once per candidate day inside next(), so the wrapper sees every check', () => {
    const { iterator, calls } = counted(iteratorFor('FREQ=DAILY;BYMONTH=2', '2026-01-01T10:00:00'));
    iterator.next(); // DTSTART itself comes first, unchecked or checked once
    const before = calls();
    const first = iterator.next();
    assert.equal(first?.toString(), '2026-02-01T10:00:00');
    // 1 January … 1 February: one check per day walked (31 days on from the start, give or take one).
    const walked = calls() - before;
    assert.ok(walked >= 30 && walked <= 33, `checks made by next(): ${walked}`);
  });

  it('keeps looping on a rule that never matches: the check count is the only way out', () => {
    const { iterator, calls } = counted(iteratorFor('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31', '2026-01-01T10:00:00'));
    iterator.next();
    const limit = 5_000;
    const original = iterator.check_contracting_rules;
    iterator.check_contracting_rules = () => {
      if (calls() >= limit) throw new Error('stopped');
      return original();
    };
    assert.throws(() => iterator.next(), /stopped/);
    assert.ok(calls() >= limit, `the loop ran to the limit (${calls()} checks)`);
  });

  it('has next_year on the iterator, 0 for the next time of the same day, and next() passes that time over', () => {
    const iterator = iteratorFor('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=2;BYHOUR=9,15', '2026-04-02T09:00:00');
    assert.equal(iterator.next()?.toString(), '2026-04-02T09:00:00');
    // Without the patch, 15:00 is skipped: the next instance is a year later.
    assert.equal(iterator.next()?.toString(), '2027-04-02T09:00:00');
    const stepped = iteratorFor('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=2;BYHOUR=9,15', '2026-04-02T09:00:00');
    stepped.next();
    assert.equal(stepped.next_year(), 0);
    assert.equal(stepped.last.toString(), '2026-04-02T15:00:00', 'the step stayed on the day');
  });
});
