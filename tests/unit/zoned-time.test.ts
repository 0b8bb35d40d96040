import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidTimeZone, wallTimeToInstant, zoneOffset } from '../../src/core/zoned-time.ts';

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
