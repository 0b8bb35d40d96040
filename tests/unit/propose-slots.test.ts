import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkingHours, proposeSlots, type SlotOptions, type WorkingHours } from '../../src/core/propose-slots.ts';
import { MINUTE, HOUR } from '../../src/core/units.ts';

const ROME = 'Europe/Rome';
const NEW_YORK = 'America/New_York';
const EVERY_DAY: WorkingHours = { days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '18:00' };

type Interval = { start: number; end: number };

function options(overrides: Partial<SlotOptions> = {}): SlotOptions {
  return {
    durationMinutes: 60,
    bufferMinutes: 30,
    count: 3,
    workingHours: defaultWorkingHours,
    timeZone: ROME,
    ...overrides,
  };
}

/** An instant as the user's clock reads it: 'Mon 2026-11-30 09:00'. */
function wall(ms: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Slots as 'Mon 2026-11-30 09:00–10:00' in the zone. */
function wallSlots(slots: Interval[], zone: string): string[] {
  return slots.map((s) => `${wall(s.start, zone)}–${wall(s.end, zone).slice(-5)}`);
}

/** Friday 27 November 2026, 16:00 in Rome (15:00 UTC): too late for anything today. */
const FRIDAY_AFTERNOON = Date.UTC(2026, 10, 27, 15, 0);
/** Monday 30 November 2026, 07:00 in Rome (06:00 UTC). */
const MONDAY_EARLY = Date.UTC(2026, 10, 30, 6, 0);

describe('proposeSlots', () => {
  describe('working days and hours', () => {
    it('skips the weekend and starts on Monday morning', () => {
      const slots = proposeSlots([], FRIDAY_AFTERNOON, options());
      assert.deepEqual(wallSlots(slots, ROME), [
        'Mon 2026-11-30 09:00–10:00',
        'Mon 2026-11-30 10:30–11:30',
        'Tue 2026-12-01 09:00–10:00',
      ]);
      // 09:00 in Rome in winter is 08:00 UTC.
      assert.deepEqual(slots[0], { start: Date.UTC(2026, 10, 30, 8, 0), end: Date.UTC(2026, 10, 30, 9, 0) });
    });

    it('proposes weekend days when the user works on them', () => {
      const slots = proposeSlots([], FRIDAY_AFTERNOON, options({ workingHours: { days: [6], start: '10:00', end: '12:00' }, durationMinutes: 30 }));
      assert.deepEqual(wallSlots(slots, ROME), ['Sat 2026-11-28 10:00–10:30', 'Sat 2026-11-28 11:00–11:30', 'Sat 2026-12-05 10:00–10:30']);
    });

    it('keeps every slot inside working hours in Rome, while the buffer may fall outside them', () => {
      // Busy until 08:30 and again from 18:30: the buffers 08:30–09:00 and 18:00–18:30 are free.
      const busy = [
        { start: Date.UTC(2026, 10, 30, 5, 0), end: Date.UTC(2026, 10, 30, 7, 30) },
        { start: Date.UTC(2026, 10, 30, 17, 30), end: Date.UTC(2026, 10, 30, 20, 0) },
      ];
      const slots = proposeSlots(busy, MONDAY_EARLY, options({ count: 10, maxPerDay: 10, horizonDays: 1 }));
      assert.deepEqual(wallSlots(slots, ROME), [
        'Mon 2026-11-30 09:00–10:00',
        'Mon 2026-11-30 10:30–11:30',
        'Mon 2026-11-30 12:00–13:00',
        'Mon 2026-11-30 13:30–14:30',
        'Mon 2026-11-30 15:00–16:00',
        'Mon 2026-11-30 16:30–17:30',
      ]);
    });

    it('reads working hours on the New York clock for a user in New York', () => {
      // Monday 30 November 2026, 07:00 in New York (12:00 UTC).
      const now = Date.UTC(2026, 10, 30, 12, 0);
      const slots = proposeSlots([], now, options({ timeZone: NEW_YORK, workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } }));
      assert.deepEqual(wallSlots(slots, NEW_YORK), [
        'Mon 2026-11-30 09:00–10:00',
        'Mon 2026-11-30 10:30–11:30',
        'Tue 2026-12-01 09:00–10:00',
      ]);
      assert.equal(slots[0]?.start, Date.UTC(2026, 10, 30, 14, 0), '09:00 EST is 14:00 UTC');
    });

    it('does not cut a slot at the end of the working day', () => {
      const slots = proposeSlots([], MONDAY_EARLY, options({ workingHours: { days: [1], start: '14:00', end: '16:30' } }));
      assert.deepEqual(wallSlots(slots, ROME), ['Mon 2026-11-30 14:00–15:00', 'Mon 2026-11-30 15:30–16:30', 'Mon 2026-12-07 14:00–15:00']);
    });

    it('returns nothing when the interview is longer than the working day', () => {
      assert.deepEqual(proposeSlots([], MONDAY_EARLY, options({ durationMinutes: 10 * 60 })), []);
    });
  });

  describe('daylight saving time', () => {
    const cases = [
      { zone: ROME, label: 'Europe/Rome spring forward', dayBefore: Date.UTC(2026, 2, 28, 8, 0), changeDay: Date.UTC(2026, 2, 29, 7, 0) },
      { zone: ROME, label: 'Europe/Rome fall back', dayBefore: Date.UTC(2026, 9, 24, 7, 0), changeDay: Date.UTC(2026, 9, 25, 8, 0) },
      { zone: NEW_YORK, label: 'America/New_York spring forward', dayBefore: Date.UTC(2026, 2, 7, 14, 0), changeDay: Date.UTC(2026, 2, 8, 13, 0) },
      { zone: NEW_YORK, label: 'America/New_York fall back', dayBefore: Date.UTC(2026, 9, 31, 13, 0), changeDay: Date.UTC(2026, 10, 1, 14, 0) },
    ];
    for (const { zone, label, dayBefore, changeDay } of cases) {
      it(`puts 09:00 local at the right instant on the day of the ${label}`, () => {
        const slots = proposeSlots([], dayBefore - 6 * HOUR, options({ timeZone: zone, workingHours: EVERY_DAY, count: 2, maxPerDay: 1, durationMinutes: 30 }));
        assert.deepEqual(slots, [
          { start: dayBefore, end: dayBefore + 30 * MINUTE },
          { start: changeDay, end: changeDay + 30 * MINUTE },
        ]);
        // The UTC hour moved by one between the two days; the local hour did not.
        assert.equal(Math.abs(changeDay - dayBefore - 24 * HOUR), HOUR);
      });
    }

    it('ends the working day at 18:00 local on the day Rome changes to summer time', () => {
      // Sunday 29 March 2026: busy until 16:30 CEST (14:30 UTC).
      const busy = [{ start: Date.UTC(2026, 2, 28, 23, 0), end: Date.UTC(2026, 2, 29, 14, 30) }];
      const now = Date.UTC(2026, 2, 28, 23, 0);
      const one = options({ workingHours: EVERY_DAY, horizonDays: 1, count: 1 });
      assert.deepEqual(proposeSlots(busy, now, one), [{ start: Date.UTC(2026, 2, 29, 15, 0), end: Date.UTC(2026, 2, 29, 16, 0) }]);
      assert.deepEqual(proposeSlots(busy, now, { ...one, durationMinutes: 90 }), []);
    });

    it('never proposes a wall time that the spring change skips', () => {
      // 02:00–03:00 does not exist in Rome on 29 March 2026.
      const now = Date.UTC(2026, 2, 28, 12, 0);
      const slots = proposeSlots([], now, options({ workingHours: { days: [0], start: '02:00', end: '04:00' }, durationMinutes: 30, bufferMinutes: 0, horizonDays: 2, count: 5 }));
      assert.deepEqual(wallSlots(slots, ROME), ['Sun 2026-03-29 03:00–03:30', 'Sun 2026-03-29 03:30–04:00']);
    });

    it('uses the first of the two 02:30s when the autumn change repeats the hour', () => {
      const now = Date.UTC(2026, 9, 24, 12, 0);
      const slots = proposeSlots([], now, options({ workingHours: { days: [0], start: '02:30', end: '03:00' }, durationMinutes: 30, bufferMinutes: 0, horizonDays: 2 }));
      // 02:30 CEST is 00:30 UTC; 03:00 CET (the end of the window) is 02:00 UTC.
      assert.deepEqual(slots, [{ start: Date.UTC(2026, 9, 25, 0, 30), end: Date.UTC(2026, 9, 25, 1, 0) }]);
    });
  });

  describe('busy time and buffers', () => {
    it('finds no room between back-to-back events and moves to the next day', () => {
      // Monday 30 November: one-hour events from 08:00 to 19:00 Rome time, back to back.
      const busy = Array.from({ length: 11 }, (_, i) => ({ start: Date.UTC(2026, 10, 30, 7 + i, 0), end: Date.UTC(2026, 10, 30, 8 + i, 0) }));
      const slots = proposeSlots(busy, MONDAY_EARLY, options());
      assert.deepEqual(wallSlots(slots, ROME), ['Tue 2026-12-01 09:00–10:00', 'Tue 2026-12-01 10:30–11:30', 'Wed 2026-12-02 09:00–10:00']);
    });

    it('keeps the buffer free on both sides of a slot', () => {
      // Busy 09:00–10:00 and from 12:00: the only hour with 30 minutes either side is 10:30–11:30.
      const busy = [
        { start: Date.UTC(2026, 10, 30, 8, 0), end: Date.UTC(2026, 10, 30, 9, 0) },
        { start: Date.UTC(2026, 10, 30, 11, 0), end: Date.UTC(2026, 10, 30, 20, 0) },
      ];
      const oneDay = options({ horizonDays: 1 });
      assert.deepEqual(wallSlots(proposeSlots(busy, MONDAY_EARLY, oneDay), ROME), ['Mon 2026-11-30 10:30–11:30']);
      // One minute less of room and nothing fits.
      const tighter = [busy[0]!, { ...busy[1]!, start: busy[1]!.start - MINUTE }];
      assert.deepEqual(proposeSlots(tighter, MONDAY_EARLY, oneDay), []);
      // Without a buffer, the slot may touch the events on both sides.
      assert.deepEqual(wallSlots(proposeSlots(busy, MONDAY_EARLY, { ...oneDay, bufferMinutes: 0 }), ROME), ['Mon 2026-11-30 10:00–11:00', 'Mon 2026-11-30 11:00–12:00']);
    });

    it('keeps two slots of the same day apart by the buffer', () => {
      const slots = proposeSlots([], MONDAY_EARLY, options({ count: 10, maxPerDay: 10, horizonDays: 1, durationMinutes: 45, bufferMinutes: 15 }));
      for (let i = 1; i < slots.length; i++) {
        assert.ok(slots[i]!.start - slots[i - 1]!.end >= 15 * MINUTE, wallSlots(slots, ROME).join(', '));
      }
      assert.deepEqual(wallSlots(slots, ROME).slice(0, 3), ['Mon 2026-11-30 09:00–09:45', 'Mon 2026-11-30 10:00–10:45', 'Mon 2026-11-30 11:00–11:45']);
    });

    it('looks beyond a fully booked week, and gives up after the horizon', () => {
      // Busy from Monday 30 November to Sunday 6 December.
      const busy = [{ start: Date.UTC(2026, 10, 29, 23, 0), end: Date.UTC(2026, 11, 6, 23, 0) }];
      const slots = proposeSlots(busy, MONDAY_EARLY, options());
      assert.deepEqual(wallSlots(slots, ROME), ['Mon 2026-12-07 09:00–10:00', 'Mon 2026-12-07 10:30–11:30', 'Tue 2026-12-08 09:00–10:00']);
      assert.deepEqual(proposeSlots(busy, MONDAY_EARLY, options({ horizonDays: 7 })), []);
    });

    it('returns nothing when the whole horizon is busy', () => {
      const busy = [{ start: MONDAY_EARLY - 24 * HOUR, end: MONDAY_EARLY + 30 * 24 * HOUR }];
      assert.deepEqual(proposeSlots(busy, MONDAY_EARLY, options()), []);
    });
  });

  describe('the clock', () => {
    it('leaves two hours to prepare by default', () => {
      // Monday 30 November, 10:10 in Rome: the first slot is 12:30 (12:10 rounded up to the step).
      const now = Date.UTC(2026, 10, 30, 9, 10);
      assert.equal(wall(proposeSlots([], now, options())[0]!.start, ROME), 'Mon 2026-11-30 12:30');
    });

    it('starts no earlier than `earliest`', () => {
      const earliest = Date.UTC(2026, 11, 2, 12, 10); // Wednesday 2 December, 13:10 in Rome
      const slots = proposeSlots([], MONDAY_EARLY, options({ earliest }));
      assert.deepEqual(wallSlots(slots, ROME), ['Wed 2026-12-02 13:30–14:30', 'Wed 2026-12-02 15:00–16:00', 'Thu 2026-12-03 09:00–10:00']);
    });

    it('never proposes a time in the past, even when `earliest` is', () => {
      const now = Date.UTC(2026, 10, 30, 9, 10); // 10:10 in Rome
      const slots = proposeSlots([], now, options({ earliest: now - 24 * HOUR }));
      assert.equal(wall(slots[0]!.start, ROME), 'Mon 2026-11-30 10:30');
      assert.ok(slots.every((s) => s.start >= now));
    });

    it('starts slots on the hour or the half hour of the local clock', () => {
      // Busy until 10:07: the next start is 10:30, not 10:07 or 10:37.
      const busy = [{ start: Date.UTC(2026, 10, 30, 7, 0), end: Date.UTC(2026, 10, 30, 9, 7) }];
      const slots = proposeSlots(busy, MONDAY_EARLY, options({ bufferMinutes: 0, count: 10, maxPerDay: 10 }));
      assert.equal(wall(slots[0]!.start, ROME), 'Mon 2026-11-30 10:30');
      for (const slot of slots) assert.match(wall(slot.start, ROME), /:(00|30)$/);
      // A quarter-hour step when asked.
      const quarter = proposeSlots(busy, MONDAY_EARLY, options({ bufferMinutes: 0, stepMinutes: 15 }));
      assert.equal(wall(quarter[0]!.start, ROME), 'Mon 2026-11-30 10:15');
    });

    it('steps on the local clock in a zone with a half-hour offset', () => {
      // Monday 30 November 2026, 06:00 in Kolkata (00:30 UTC); 09:00 IST is 03:30 UTC.
      const slots = proposeSlots([], Date.UTC(2026, 10, 30, 0, 30), options({ timeZone: 'Asia/Kolkata' }));
      assert.deepEqual(slots[0], { start: Date.UTC(2026, 10, 30, 3, 30), end: Date.UTC(2026, 10, 30, 4, 30) });
      for (const slot of slots) assert.match(wall(slot.start, 'Asia/Kolkata'), /:(00|30)$/);
    });

    it('starts the first slot in a working window that opens off the step at the next step', () => {
      const slots = proposeSlots([], MONDAY_EARLY, options({ workingHours: { days: [1], start: '09:15', end: '12:00' }, count: 1 }));
      assert.deepEqual(wallSlots(slots, ROME), ['Mon 2026-11-30 09:30–10:30']);
    });
  });

  describe('spreading across days', () => {
    it('proposes at most two slots on one day', () => {
      const slots = proposeSlots([], MONDAY_EARLY, options({ count: 5 }));
      assert.deepEqual(wallSlots(slots, ROME), [
        'Mon 2026-11-30 09:00–10:00',
        'Mon 2026-11-30 10:30–11:30',
        'Tue 2026-12-01 09:00–10:00',
        'Tue 2026-12-01 10:30–11:30',
        'Wed 2026-12-02 09:00–10:00',
      ]);
    });

    it('puts each slot on its own day when asked to', () => {
      const slots = proposeSlots([], MONDAY_EARLY, options({ maxPerDay: 1 }));
      assert.deepEqual(wallSlots(slots, ROME), ['Mon 2026-11-30 09:00–10:00', 'Tue 2026-12-01 09:00–10:00', 'Wed 2026-12-02 09:00–10:00']);
    });

    it('fills the one available day rather than propose too few', () => {
      const slots = proposeSlots([], MONDAY_EARLY, options({ horizonDays: 1 }));
      assert.deepEqual(wallSlots(slots, ROME), ['Mon 2026-11-30 09:00–10:00', 'Mon 2026-11-30 10:30–11:30', 'Mon 2026-11-30 12:00–13:00']);
    });

    it('returns the slots sorted and never overlapping', () => {
      const busy = [
        { start: Date.UTC(2026, 10, 30, 8, 0), end: Date.UTC(2026, 10, 30, 13, 0) },
        { start: Date.UTC(2026, 11, 1, 12, 0), end: Date.UTC(2026, 11, 1, 16, 0) },
      ];
      const slots = proposeSlots(busy, MONDAY_EARLY, options({ count: 10, horizonDays: 3 }));
      assert.equal(slots.length, 10);
      for (let i = 1; i < slots.length; i++) assert.ok(slots[i]!.start >= slots[i - 1]!.end);
    });
  });

  describe("the interviewer's working day", () => {
    it('proposes, to New York from Rome, only the afternoon hours that are their morning', () => {
      // Rome is six hours ahead of New York in winter: 15:00–18:00 in Rome is 9:00–12:00 there.
      const slots = proposeSlots([], FRIDAY_AFTERNOON, options({ interviewerTimeZone: NEW_YORK }));
      assert.deepEqual(wallSlots(slots, ROME), [
        'Mon 2026-11-30 15:00–16:00',
        'Mon 2026-11-30 16:30–17:30',
        'Tue 2026-12-01 15:00–16:00',
      ]);
      assert.deepEqual(wallSlots(slots, NEW_YORK), [
        'Mon 2026-11-30 09:00–10:00',
        'Mon 2026-11-30 10:30–11:30',
        'Tue 2026-12-01 09:00–10:00',
      ]);
    });

    it('proposes nothing between Tokyo and New York, whose working days do not overlap', () => {
      // 9:00–18:00 in Tokyo is 19:00–4:00 in New York (14 hours behind in winter).
      assert.deepEqual(proposeSlots([], FRIDAY_AFTERNOON, options({ timeZone: 'Asia/Tokyo', interviewerTimeZone: NEW_YORK })), []);
      // With no interviewer zone, the user's own hours alone decide (and there are slots).
      assert.equal(proposeSlots([], FRIDAY_AFTERNOON, options({ timeZone: 'Asia/Tokyo' })).length, 3);
    });

    it("skips the interviewer's weekend even on the user's weekday", () => {
      // Auckland is 18 hours ahead of New York: Monday 9:00 there is Sunday 15:00 in New York.
      const slots = proposeSlots([], FRIDAY_AFTERNOON, options({ timeZone: 'Pacific/Auckland', interviewerTimeZone: NEW_YORK }));
      assert.deepEqual(wallSlots(slots, 'Pacific/Auckland'), [
        'Tue 2026-12-01 09:00–10:00',
        'Tue 2026-12-01 10:30–11:30',
        'Wed 2026-12-02 09:00–10:00',
      ]);
      assert.deepEqual(wallSlots(slots, NEW_YORK), [
        'Mon 2026-11-30 15:00–16:00',
        'Mon 2026-11-30 16:30–17:30',
        'Tue 2026-12-01 15:00–16:00',
      ]);
    });

    it("changes nothing when the interviewer's clock is the user's, or their zone is unknown", () => {
      const mine = proposeSlots([], FRIDAY_AFTERNOON, options());
      assert.deepEqual(proposeSlots([], FRIDAY_AFTERNOON, options({ interviewerTimeZone: ROME })), mine);
      // Berlin reads Rome's clock.
      assert.deepEqual(proposeSlots([], FRIDAY_AFTERNOON, options({ interviewerTimeZone: 'Europe/Berlin' })), mine);
      assert.deepEqual(proposeSlots([], FRIDAY_AFTERNOON, options({ interviewerTimeZone: 'Nowhere/Atlantis' })), mine);
    });

    it("takes the interviewer's own hours when given", () => {
      const slots = proposeSlots([], FRIDAY_AFTERNOON, options({ interviewerTimeZone: NEW_YORK, interviewerHours: { days: [1, 2, 3, 4, 5], start: '10:00', end: '11:00' } }));
      assert.deepEqual(wallSlots(slots, NEW_YORK), [
        'Mon 2026-11-30 10:00–11:00',
        'Tue 2026-12-01 10:00–11:00',
        'Wed 2026-12-02 10:00–11:00',
      ]);
    });
  });

  describe('bad input', () => {
    const clean = [
      { start: Date.UTC(2026, 10, 30, 8, 0), end: Date.UTC(2026, 10, 30, 10, 0) },
      { start: Date.UTC(2026, 11, 1, 8, 0), end: Date.UTC(2026, 11, 1, 12, 0) },
    ];

    it('ignores invalid busy intervals and copes with unsorted, overlapping ones', () => {
      const messy = [
        { start: Date.UTC(2026, 11, 1, 10, 0), end: Date.UTC(2026, 11, 1, 12, 0) },
        { start: NaN, end: Date.UTC(2026, 11, 5, 0, 0) },
        { start: Date.UTC(2026, 10, 30, 9, 0), end: Date.UTC(2026, 10, 30, 10, 0) },
        { start: Date.UTC(2026, 10, 30, 12, 0), end: Date.UTC(2026, 10, 30, 11, 0) }, // ends before it starts
        null,
        { start: '2026-11-30T09:00:00Z', end: '2026-11-30T17:00:00Z' },
        { start: Date.UTC(2026, 11, 1, 8, 0), end: Date.UTC(2026, 11, 1, 11, 0) },
        { start: Date.UTC(2026, 10, 30, 8, 0), end: Date.UTC(2026, 10, 30, 9, 30) },
        { start: Infinity, end: Infinity },
      ] as unknown as Interval[];
      assert.deepEqual(proposeSlots(messy, MONDAY_EARLY, options()), proposeSlots(clean, MONDAY_EARLY, options()));
      assert.deepEqual(wallSlots(proposeSlots(clean, MONDAY_EARLY, options()), ROME), [
        'Mon 2026-11-30 11:30–12:30',
        'Mon 2026-11-30 13:00–14:00',
        'Tue 2026-12-01 13:30–14:30',
      ]);
    });

    it('stays busy through a long event that contains shorter ones', () => {
      // Monday 30 November: an all-working-day block with a short meeting inside it, listed first.
      const busy = [
        { start: Date.UTC(2026, 10, 30, 9, 0), end: Date.UTC(2026, 10, 30, 9, 30) },
        { start: Date.UTC(2026, 10, 30, 7, 0), end: Date.UTC(2026, 10, 30, 17, 0) },
      ];
      assert.deepEqual(proposeSlots(busy, MONDAY_EARLY, options({ horizonDays: 1 })), []);
    });

    it('treats a busy list that is not a list as no busy time', () => {
      assert.deepEqual(proposeSlots(null as unknown as Interval[], MONDAY_EARLY, options()), proposeSlots([], MONDAY_EARLY, options()));
    });

    it('falls back to the default working hours when they are malformed', () => {
      const expected = proposeSlots([], MONDAY_EARLY, options());
      const malformed = [
        { days: [], start: '09:00', end: '18:00' },
        { days: [7, -1, 'Monday', 1.5], start: '09:00', end: '18:00' },
        { days: [1, 2, 3, 4, 5], start: '9am', end: '18:00' },
        { days: [1, 2, 3, 4, 5], start: '18:00', end: '09:00' },
        { days: [1, 2, 3, 4, 5], start: '09:00', end: '25:00' },
        { days: [1, 2, 3, 4, 5], start: '09:60', end: '18:00' },
        { days: 'weekdays', start: 9, end: 18 },
        null,
        undefined,
      ] as unknown as WorkingHours[];
      for (const workingHours of malformed) {
        assert.deepEqual(proposeSlots([], MONDAY_EARLY, options({ workingHours })), expected, JSON.stringify(workingHours));
      }
    });

    it('accepts 24:00 as the end of the working day', () => {
      const slots = proposeSlots([], MONDAY_EARLY, options({ workingHours: { days: [1], start: '22:00', end: '24:00' }, count: 1 }));
      assert.deepEqual(wallSlots(slots, ROME), ['Mon 2026-11-30 22:00–23:00']);
    });

    it('falls back to safe defaults for nonsense numbers', () => {
      const expected = proposeSlots([], MONDAY_EARLY, options());
      assert.deepEqual(proposeSlots([], MONDAY_EARLY, options({ bufferMinutes: NaN, count: NaN, horizonDays: -3, stepMinutes: 0, earliest: NaN, maxPerDay: 0 })), expected);
      assert.equal(proposeSlots([], MONDAY_EARLY, options({ count: 100, maxPerDay: 100 })).length, 10);
      assert.equal(proposeSlots([], MONDAY_EARLY, options({ count: 2.9 })).length, 2);
      assert.deepEqual(proposeSlots([], MONDAY_EARLY, options({ count: -1 })), expected);
    });

    it('proposes nothing for an impossible duration, count or clock', () => {
      for (const durationMinutes of [0, -30, NaN, Infinity, 25 * 60]) {
        assert.deepEqual(proposeSlots([], MONDAY_EARLY, options({ durationMinutes })), [], String(durationMinutes));
      }
      assert.deepEqual(proposeSlots([], MONDAY_EARLY, options({ count: 0 })), []);
      assert.deepEqual(proposeSlots([], NaN, options()), []);
      assert.deepEqual(proposeSlots([], MONDAY_EARLY, null as unknown as SlotOptions), []);
    });

    it('rounds a fractional duration up to whole minutes', () => {
      const [slot] = proposeSlots([], MONDAY_EARLY, options({ durationMinutes: 29.5 }));
      assert.equal(slot!.end - slot!.start, 30 * MINUTE);
    });

    it('falls back to the runtime zone for an unknown time zone instead of throwing', () => {
      const slots = proposeSlots([], MONDAY_EARLY, options({ timeZone: 'Mars/Olympus_Mons' }));
      assert.equal(slots.length, 3);
    });

    it('never throws, even on hostile input', () => {
      const hostile = {
        get start(): number {
          throw new Error('boom');
        },
        end: 0,
      };
      assert.deepEqual(proposeSlots([hostile], MONDAY_EARLY, options()), []);
    });

    it('does not change the busy list it was given', () => {
      const busy = [
        { start: Date.UTC(2026, 10, 30, 10, 0), end: Date.UTC(2026, 10, 30, 11, 0) },
        { start: Date.UTC(2026, 10, 30, 8, 0), end: Date.UTC(2026, 10, 30, 10, 30) },
      ];
      const copy = structuredClone(busy);
      proposeSlots(busy, MONDAY_EARLY, options());
      assert.deepEqual(busy, copy);
    });
  });
});
