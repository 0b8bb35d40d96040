/**
 * The scan that leaves out VEVENTs days away from the window without parsing them
 * (src/calendar/ical-scan.ts). That it never hides an event is a property in
 * properties.test.ts; here, which shapes it judges at all.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { outsideWindow } from '../../src/calendar/ical-scan.ts';

const LO = 20261125;
const HI = 20261213;
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:u@example.org', ...lines, 'END:VEVENT'].join('\r\n');
const ALARM = ['BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT15M', 'DESCRIPTION:Reminder', 'END:VALARM'];

describe('outsideWindow', () => {
  it('leaves out a past event with an alarm, as Outlook and Apple write most events', () => {
    assert.equal(outsideWindow(event('DTSTART;TZID=W. Europe Standard Time:20241218T164500', 'DTEND;TZID=W. Europe Standard Time:20241218T171500', ...ALARM), LO, HI, false), true);
    assert.equal(outsideWindow(event(...ALARM, 'DTSTART:20241218T164500Z', 'DTEND:20241218T171500Z'), LO, HI, false), true);
  });

  it('keeps an event in the window whatever its alarm says, and one whose alarm is not simply nested', () => {
    assert.equal(outsideWindow(event('DTSTART:20261130T100000Z', 'DTEND:20261130T110000Z', ...ALARM), LO, HI, false), false);
    // The alarm's own DTSTART is not the event's.
    assert.equal(outsideWindow(event('BEGIN:X-THING', 'DTSTART:20200101T100000Z', 'END:X-THING', 'DTSTART:20261130T100000Z'), LO, HI, false), false);
    // A component inside a component, or an END without its BEGIN: not judged.
    assert.equal(outsideWindow(event('DTSTART:20241218T164500Z', 'BEGIN:VALARM', 'BEGIN:VALARM', 'END:VALARM', 'END:VALARM'), LO, HI, false), false);
    assert.equal(outsideWindow(event('DTSTART:20241218T164500Z', 'END:VALARM'), LO, HI, false), false);
  });

  it('reads lower-case names in a feed that has them', () => {
    assert.equal(outsideWindow(event('DTSTART:20241218T164500Z', 'DTEND:20241218T171500Z', 'begin:valarm', 'action:DISPLAY', 'end:valarm'), LO, HI, true), true);
  });
});
