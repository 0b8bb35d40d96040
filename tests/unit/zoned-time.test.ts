import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clockTimesDiffer, instantConverter, isValidTimeZone, offsetsDiffer, wallClock, wallTimeToInstant, wallToInstant, zoneOffset } from '../../src/core/zoned-time.ts';
import { DAY, HOUR, MINUTE } from '../../src/core/units.ts';

const iso = (instant: number) => new Date(instant).toISOString();

describe('wallTimeToInstant', () => {
  it('reads 09:00 in Rome as 08:00 UTC in winter and 07:00 UTC in summer', () => {
    assert.equal(iso(wallTimeToInstant(2026, 3, 28, 9, 0, 'Europe/Rome')), '2026-03-28T08:00:00.000Z');
    assert.equal(iso(wallTimeToInstant(2026, 3, 29, 9, 0, 'Europe/Rome')), '2026-03-29T07:00:00.000Z');
  });

  it('moves a time in the hour skipped by spring-forward to the equivalent later instant', () => {
    assert.equal(iso(wallTimeToInstant(2026, 3, 29, 2, 30, 'Europe/Rome')), '2026-03-29T01:30:00.000Z');
    assert.equal(iso(wallTimeToInstant(2026, 3, 8, 2, 30, 'America/New_York')), '2026-03-08T07:30:00.000Z');
  });

  it('takes the first of the two instants in the hour repeated in autumn', () => {
    assert.equal(iso(wallTimeToInstant(2026, 10, 25, 2, 30, 'Europe/Rome')), '2026-10-25T00:30:00.000Z');
    assert.equal(iso(wallTimeToInstant(2026, 11, 1, 1, 30, 'America/New_York')), '2026-11-01T05:30:00.000Z');
  });

  it('handles zones ahead of UTC across the date line', () => {
    assert.equal(iso(wallTimeToInstant(2026, 11, 26, 8, 0, 'Asia/Tokyo')), '2026-11-25T23:00:00.000Z');
    assert.equal(iso(wallTimeToInstant(2026, 11, 26, 9, 15, 'Asia/Kolkata')), '2026-11-26T03:45:00.000Z');
  });
});

describe('zoneOffset and isValidTimeZone', () => {
  it('gives the offset in force at the instant', () => {
    assert.equal(zoneOffset(Date.UTC(2026, 6, 1), 'Europe/Rome'), 2 * 3_600_000);
    assert.equal(zoneOffset(Date.UTC(2026, 0, 1), 'America/New_York'), -5 * 3_600_000);
  });

  it('accepts IANA zones and rejects anything else', () => {
    assert.equal(isValidTimeZone('Europe/Rome'), true);
    assert.equal(isValidTimeZone('UTC'), true);
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
    assert.equal(isValidTimeZone(''), false);
    assert.equal(isValidTimeZone(42), false);
  });
});

describe('wallToInstant with a zone given only by its offsets (a feed\'s VTIMEZONE)', () => {
  // +01:00 until 2026-03-29T01:00Z, +02:00 until 2026-10-25T01:00Z, then +01:00 again.
  const spring = Date.UTC(2026, 2, 29, 1);
  const autumn = Date.UTC(2026, 9, 25, 1);
  const offsetAt = (instant: number) => (instant >= spring && instant < autumn ? 2 * HOUR : HOUR);

  it('reads a wall time with the offset in force then', () => {
    assert.equal(iso(wallToInstant(Date.UTC(2026, 0, 10, 9), offsetAt)), '2026-01-10T08:00:00.000Z');
    assert.equal(iso(wallToInstant(Date.UTC(2026, 6, 10, 9), offsetAt)), '2026-07-10T07:00:00.000Z');
  });

  it('reads a skipped wall time with the offset from before the gap, a repeated one as its first occurrence', () => {
    assert.equal(iso(wallToInstant(Date.UTC(2026, 2, 29, 2, 30), offsetAt)), '2026-03-29T01:30:00.000Z');
    assert.equal(iso(wallToInstant(Date.UTC(2026, 9, 25, 2, 30), offsetAt)), '2026-10-25T00:30:00.000Z');
  });

  it('gives what wallTimeToInstant gives for the IANA zone with the same rules', () => {
    for (const [month, day, hour, minute] of [[1, 10, 9, 0], [3, 29, 2, 30], [3, 29, 3, 0], [10, 25, 2, 30], [10, 25, 3, 0]] as const) {
      const viaOffsets = wallToInstant(Date.UTC(2026, month - 1, day, hour, minute), offsetAt);
      assert.equal(viaOffsets, wallTimeToInstant(2026, month, day, hour, minute, 'Europe/Rome'), `${month}-${day} ${hour}:${minute}`);
    }
  });
});

describe('offsetsDiffer and clockTimesDiffer', () => {
  const july = Date.UTC(2026, 6, 1, 12);

  it('offsetsDiffer compares the UTC offsets at the instant, not the names', () => {
    assert.equal(offsetsDiffer(july, 'Europe/Rome', 'Europe/Berlin'), false);
    assert.equal(offsetsDiffer(july, 'Europe/Rome', 'Europe/London'), true);
    // London and Lisbon share their offset all year.
    assert.equal(offsetsDiffer(Date.UTC(2026, 0, 15), 'Europe/London', 'Europe/Lisbon'), false);
  });

  it('clockTimesDiffer compares the hour and minute shown: a day apart shows the same time', () => {
    assert.equal(clockTimesDiffer(july, 'Europe/Rome', 'Europe/Berlin'), false);
    assert.equal(clockTimesDiffer(july, 'Europe/Rome', 'Europe/London'), true);
    assert.equal(clockTimesDiffer(july, 'Asia/Kolkata', 'Asia/Kathmandu'), true, '15 minutes apart');
    assert.equal(clockTimesDiffer(july, 'Pacific/Kiritimati', 'Pacific/Honolulu'), false);
    assert.equal(offsetsDiffer(july, 'Pacific/Kiritimati', 'Pacific/Honolulu'), true);
    assert.equal(clockTimesDiffer(july, 'Mars/Olympus', 'Europe/Rome'), false);
  });
});

describe('instantConverter and wallClock', () => {
  it('gives wallToInstant\'s answer for every half hour around both transitions, in any order', () => {
    for (const zone of ['Europe/Rome', 'America/New_York', 'Australia/Lord_Howe']) {
      const offsetAt = (instant: number) => zoneOffset(instant, zone);
      const walls: number[] = [];
      for (const start of [Date.UTC(2026, 2, 26), Date.UTC(2026, 9, 2), Date.UTC(2026, 9, 23)]) {
        for (let wall = start; wall < start + 5 * DAY; wall += 30 * MINUTE) walls.push(wall);
      }
      // Read day by day, and three days at a time (as the iCal reader reads IANA zones).
      for (const steadyDays of [1, 3]) {
        const convert = instantConverter(offsetAt, steadyDays);
        for (const wall of [...walls, ...[...walls].reverse()]) assert.equal(convert(wall), wallToInstant(wall, offsetAt), `${zone} ${steadyDays} ${new Date(wall).toISOString()}`);
      }
    }
  });

  it('gives wallToInstant\'s answer three days at a time for series starts spread over decades', () => {
    // Zones with odd histories: Morocco suspends summer time for Ramadan, Lord Howe moves
    // half an hour, Casey changed back and forth, Kiritimati skipped a day.
    for (const zone of ['Africa/Casablanca', 'Australia/Lord_Howe', 'Antarctica/Casey', 'Pacific/Kiritimati', 'America/Sao_Paulo', 'Europe/Moscow']) {
      const offsetAt = (instant: number) => zoneOffset(instant, zone);
      const convert = instantConverter(offsetAt, 3);
      let seed = 7;
      for (let i = 0; i < 3_000; i++) {
        seed = (seed * 16_807) % 2_147_483_647;
        // Any quarter hour between 1970 and 2040.
        const wall = Date.UTC(1970, 0, 1) + (seed % (70 * 365 * 96)) * 15 * MINUTE;
        assert.equal(convert(wall), wallToInstant(wall, offsetAt), `${zone} ${new Date(wall).toISOString()}`);
      }
    }
  });

  it('reads the clock with format() and with formatToParts() alike, midnight and years before 1000 included', () => {
    assert.deepEqual(wallClock(Date.UTC(2026, 6, 1, 22, 5, 7), 'Europe/Rome'), { year: 2026, month: 7, day: 2, hour: 0, minute: 5, second: 7 });
    assert.deepEqual(wallClock(Date.UTC(800, 0, 1, 12), 'UTC'), { year: 800, month: 1, day: 1, hour: 12, minute: 0, second: 0 });
  });
});
