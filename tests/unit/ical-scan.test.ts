/**
 * The scan that leaves out VEVENTs days away from the window without parsing them
 * (src/calendar/ical-scan.ts). That it never hides an event is a property in
 * properties.test.ts; here, which shapes it judges at all.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cutNested, outsideWindow, peekValue } from '../../src/calendar/ical-scan.ts';
import { cpuMillis } from './fixtures.ts';

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

  it('leaves out one instance from DTSTART to DTEND days away, and judges every other shape by its rule or its changes', () => {
    const past = ['DTSTART:20241218T164500Z', 'DTEND:20241218T171500Z'];
    assert.equal(outsideWindow(event(...past), LO, HI, false), true);
    assert.equal(outsideWindow(event('DTSTART;VALUE=DATE:20270105', 'DTEND;VALUE=DATE:20270106'), LO, HI, false), true);
    assert.equal(outsideWindow(event('DTSTART:20261130T100000Z', 'DTEND:20261130T110000Z'), LO, HI, false), false);
    // An end that reaches into the window, or none that can be read.
    assert.equal(outsideWindow(event('DTSTART:20241218T164500Z', 'DTEND:20261201T171500Z'), LO, HI, false), false);
    assert.equal(outsideWindow(event('DTSTART:20241218T164500Z'), LO, HI, false), false);
    assert.equal(outsideWindow(event('DTSTART:20241218T164500Z', 'DURATION:P800D'), LO, HI, false), false);
    assert.equal(outsideWindow(event('DTEND:20241218T171500Z'), LO, HI, false), false);
    // Series: kept unless their rule ended before the window.
    assert.equal(outsideWindow(event(...past, 'RRULE:FREQ=WEEKLY'), LO, HI, false), false);
    assert.equal(outsideWindow(event(...past, 'RRULE:FREQ=WEEKLY;UNTIL=20250101T000000Z'), LO, HI, false), true);
    assert.equal(outsideWindow(event(...past, 'RDATE:20261130T100000Z'), LO, HI, false), false);
    assert.equal(outsideWindow(event(...past, 'EXRULE:FREQ=YEARLY'), LO, HI, false), false);
    // An instance moved out of the window still takes its original place out of it.
    assert.equal(outsideWindow(event(...past, 'RECURRENCE-ID:20261130T100000Z'), LO, HI, false), false);
    assert.equal(outsideWindow(event(...past, 'RECURRENCE-ID:20241211T164500Z'), LO, HI, false), true);
    // A rule's name in lower case, in a feed that writes some so.
    assert.equal(outsideWindow(event(...past, 'rrule:FREQ=WEEKLY'), LO, HI, true), false);
    assert.equal(outsideWindow(event(...past, 'Duration:P800D'), LO, HI, true), false);
  });

  it('reads lower-case names in a feed that has them', () => {
    assert.equal(outsideWindow(event('DTSTART:20241218T164500Z', 'DTEND:20241218T171500Z', 'begin:valarm', 'action:DISPLAY', 'end:valarm'), LO, HI, true), true);
  });
});

describe('cutNested', () => {
  // What outsideWindow cut with a regular expression before, and must still cut.
  const EXPRESSION = /\nBEGIN:([A-Za-z0-9-]{1,64})\r?\n[\s\S]*?\nEND:\1\r?(?=\n)/g;

  it('cuts exactly what the regular expression cut, in either letter case', () => {
    const line = fc.constantFrom('BEGIN:A', 'BEGIN:a', 'BEGIN:B', 'END:A', 'END:a', 'END:B', 'END:A ', 'BEGIN:A ', 'END:AB', 'begin:A', 'end:A', 'X:1', '', 'BEGIN:', 'END:');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.boolean()), { maxLength: 14 }), fc.boolean(), (lines, caseless) => {
        const block = [['BEGIN:VEVENT', true] as const, ...lines, ['END:VEVENT', true] as const].map(([text, cr]) => (cr ? `${text}\r` : text)).join('\n');
        assert.equal(cutNested(block, caseless), block.replace(caseless ? new RegExp(EXPRESSION.source, 'gi') : EXPRESSION, ''));
      }),
      { seed: 20_261_128, numRuns: 5_000 },
    );
  });

  it('takes one pass over a hostile block, where the expression took one per BEGIN', () => {
    // END lines with a trailing space (splitFeed accepts them): the expression looked for
    // each BEGIN's END to the end of the block. 8,000 of them took it over a second.
    const block = ['BEGIN:VEVENT', ...Array.from({ length: 40_000 }, () => 'BEGIN:VALARM\r\nEND:VALARM '), 'END:VEVENT'].join('\r\n');
    const { result, ms } = cpuMillis(() => outsideWindow(block, LO, HI, false));
    assert.equal(result, false);
    assert.ok(ms < 1_000, `${ms} ms`);
  });
});

describe('peekValue', () => {
  /** The value as it was read before lines without folds were cut in one go: the line, its
   * folds joined and its CR dropped, after its last ':'. */
  function reference(block: string, start: number): string {
    let end = block.indexOf('\n', start);
    while (end !== -1 && (block.charAt(end + 1) === ' ' || block.charAt(end + 1) === '\t')) end = block.indexOf('\n', end + 1);
    const whole = block.slice(start, end === -1 ? block.length : end).replace(/\r?\n[ \t]/g, '').replace(/\r$/, '');
    return whole.slice(whole.lastIndexOf(':') + 1);
  }

  it('reads the first line of a name as before, folded or not, in either letter case', () => {
    const piece = fc.constantFrom('DTSTART', 'dtstart', ';TZID="a:b"', ';TZID=x', ':', '2026', 'T', '\r', '\r\n', '\n', '\r\n ', '\n\t', ' ', 'X:1');
    let found = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(piece, { maxLength: 12 }), fc.boolean(), (before, after, caseless) => {
        const block = `BEGIN:VEVENT${before.join('')}\nDTSTART${after.join('')}`;
        const start = caseless ? block.search(/^DTSTART[;:]/im) : -1;
        const value = peekValue(block, 'DTSTART', caseless);
        if (value === undefined) return;
        found++;
        // Where the line starts: the first DTSTART line peekValue itself looks for.
        const at = caseless ? start : block.split('').findIndex((_, i) => block.startsWith('\nDTSTART', i) && /[;:]/.test(block.charAt(i + 8))) + 1;
        assert.equal(value, reference(block, at), JSON.stringify(block));
      }),
      { seed: 20_261_128, numRuns: 5_000 },
    );
    assert.ok(found > 1_000, `${found} values read`);
  });
});
