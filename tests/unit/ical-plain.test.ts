/**
 * The reader of plain VEVENTs (src/calendar/ical-plain.ts) against the way every other VEVENT
 * is read: ical.js's parse (its salvage when ical.js refuses a line) and readEvent. On every
 * VEVENT of the corpus and of the benchmark's generated feeds, and on generated VEVENTs made
 * of the lines it has to judge, it must give the very same IcalEvent, or decline (undefined).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import fc from 'fast-check';
import { readEvent } from '../../src/calendar/ical-event.ts';
import { readPlainEvent } from '../../src/calendar/ical-plain.ts';
import { salvageEvent } from '../../src/calendar/ical-salvage.ts';
import { splitFeed } from '../../src/calendar/ical-scan.ts';
import { generateFeed, GENERATOR_NOW } from '../fakes/ical-feed-generator.ts';
import { generateLongSeriesFeed, generateOutlookFeed } from '../fakes/ical-long-feeds.ts';
import { cpuMillis } from './fixtures.ts';
import { CORPUS_DIR } from './ics-corpus-run.ts';

function withIcal(block: string): ReturnType<typeof readEvent> {
  try {
    return readEvent(ICAL.parse(block));
  } catch {
    return readEvent(salvageEvent(block));
  }
}

/** A line whose name has a lower-case letter: parseIcalFeed's scan of the whole feed. */
const LOWER_CASE_NAME = /\n[A-Z-]*[a-z]/;

/** readPlainEvent as parseIcalFeed calls it, told whether the feed has lower-case names:
 * when it has none, the block is scanned case-sensitively, with indexOf where it can be.
 * That must change nothing. */
function readAsParsed(block: string): ReturnType<typeof readPlainEvent> {
  const fast = readPlainEvent(block);
  const caseless = LOWER_CASE_NAME.test(block);
  if (!caseless) assert.deepStrictEqual(readPlainEvent(block, false), fast, `read case-sensitively:\n${block.slice(0, 2000)}`);
  return fast;
}

/** How many of the blocks the plain reader read; fails on the first that it reads otherwise. */
function compareAll(blocks: string[], where: string): number {
  let read = 0;
  for (const block of blocks) {
    const fast = readAsParsed(block);
    if (fast === undefined) continue;
    read++;
    assert.deepStrictEqual(fast, withIcal(block), `${where}:\n${block.slice(0, 2000)}`);
  }
  return read;
}

/** The VEVENTs of a feed as the sync cuts them (ical-feed.ts parse: BOM, line ends). */
function events(text: string): string[] {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const normalized = /\r(?!\n)/.test(unmarked) ? unmarked.replace(/\r\n?|\n/g, '\r\n') : unmarked;
  try {
    return splitFeed(normalized).events;
  } catch {
    return [];
  }
}

describe('plain VEVENTs read without ical.js', () => {
  it('reads every corpus VEVENT it takes as ical.js and readEvent do, folded and unfolded', () => {
    const files = readdirSync(CORPUS_DIR, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ics'));
    let total = 0;
    let read = 0;
    for (const file of files) {
      const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
      // As fetched (ical-fetch.ts unfolds the bytes) and as written.
      for (const variant of [text, text.replace(/\r?\n[ \t]/g, '')]) {
        const blocks = events(variant);
        total += blocks.length;
        read += compareAll(blocks, file);
      }
    }
    // Not an empty comparison: nearly all real VEVENTs are plain.
    assert.ok(total > 400 && read > 0.9 * total, `${read} of ${total}`);
  });

  it('reads the benchmark feeds as ical.js and readEvent do', () => {
    for (const seed of [1, 20261126]) {
      const feeds = {
        basic: generateFeed({ events: 400, weeklySeries: 60, overrides: 20, exdates: 30, seed, now: GENERATOR_NOW }),
        long: generateLongSeriesFeed({ series: 300, seed, now: GENERATOR_NOW }),
        outlook: generateOutlookFeed({ events: 400, weeklySeries: 60, seed, now: GENERATOR_NOW }),
      };
      for (const [shape, text] of Object.entries(feeds)) {
        const blocks = events(text);
        assert.equal(compareAll(blocks, `${shape} ${seed}`), blocks.length, `${shape}: every generated VEVENT is plain`);
      }
    }
  });

  it('reads a name cut by a fold in any case, even in a feed said to have none in lower case', () => {
    // The scan for lower-case names sees "DTST" and " art": a fold hides the name from it.
    // RFC 5545 folds with a space or a tab.
    for (const fold of [' ', '\t']) {
      const block = ['BEGIN:VEVENT', 'UID:fold@example.org', 'DTST', `${fold}art:20261127T090000Z`, 'RR', `${fold}ule:FREQ=DAILY`, 'END:VEVENT'].join('\r\n');
      assert.equal(LOWER_CASE_NAME.test(block), false);
      const read = readPlainEvent(block, false);
      assert.equal(typeof read, 'object', JSON.stringify(fold));
      assert.deepStrictEqual(read, withIcal(block));
      assert.equal(typeof read === 'object' && read.rules.length, 1);
    }
  });

  it('cuts nested components in one pass, whatever a hostile block holds', () => {
    const event = (inner: string[]) => ['BEGIN:VEVENT', 'UID:x@example.org', 'DTSTART:20261127T100000Z', ...inner, 'END:VEVENT'].join('\r\n');
    // Alarms whose END line has a trailing space (splitFeed accepts it) are left to ical.js;
    // a lazy regular expression looking for each one's END would scan the rest of the block
    // for every BEGIN: 40,000 of them, minutes.
    const hostile = cpuMillis(() => readPlainEvent(event(Array.from({ length: 40_000 }, () => 'BEGIN:VALARM\r\nEND:VALARM '))));
    assert.equal(hostile.result, undefined);
    const plain = cpuMillis(() => readPlainEvent(event(Array.from({ length: 40_000 }, () => 'BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM'))));
    assert.equal(typeof plain.result, 'object');
    assert.ok(hostile.ms + plain.ms < 2_000, `${hostile.ms} + ${plain.ms} ms`);
  });

  it('reads a generated VEVENT as ical.js and readEvent do, whenever it takes it', () => {
    const LINES = [
      'UID:u1@example.org',
      'UID:  spaced\\, escaped\\;uid  ',
      'UID:',
      'uid:lower@example.org',
      'SUMMARY:Phone interview\\, round 2\\nwith Acme\\\\Labs',
      'SUMMARY;LANGUAGE=it:Colloquio',
      'SUMMARY:odd \\x escape\\',
      'SUMMARY;VALUE=TEXT:typed',
      'SUMMARY;VALUE=INTEGER:12',
      'UID;VALUE=INTEGER:77',
      'TRANSP;VALUE=BOOLEAN:TRUE',
      'SEQUENCE;VALUE=INTEGER:4',
      'URL;VALUE=TEXT:https://example.org/typed',
      'DESCRIPTION;ALTREP="cid:part1.0001@example.org":Text\\Nnext',
      'LOCATION:Room 1\\; floor 2',
      'STATUS:CANCELLED',
      'STATUS: Tentative ',
      'TRANSP:TRANSPARENT',
      'transp:transparent',
      'DTSTART:20261127T090000Z',
      'DTSTART;TZID=Europe/Rome:20261127T100000',
      'DTSTART;TZID="W. Europe Standard Time":20261127T100000',
      'DTSTART;TZID=:20261127T100000',
      'DTSTART;VALUE=DATE:20261127',
      'DTSTART;value=date-time:20261127T100000',
      'DTSTART:20261127',
      'DTSTART:20261127T100000z',
      'DTSTART:20261127T100000Zjunk',
      'DTSTART:2026-11-27',
      'DTSTART;VALUE=TEXT:tomorrow',
      'DTSTART:20261127T100000Z,20261128T100000Z',
      'dtstart:20261127T110000Z',
      'DTEND:20261127T100000Z',
      'DTEND;TZID=America/New_York:20261127T050000',
      'DTEND;VALUE=DATE:20261128',
      'DURATION:PT45M',
      'DURATION:P1DT',
      'DTSTAMP:20261120T080000Z',
      'DTSTAMP:20261120',
      'SEQUENCE:3',
      'SEQUENCE:0x1A',
      'SEQUENCE:abc',
      'SEQUENCE:-0',
      `SEQUENCE:${'9'.repeat(400)}`,
      'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,MO',
      'RRULE:FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=TU',
      'RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=5',
      'RRULE:FREQ=DAILY;UNTIL=20261201T000000Z',
      'RRULE:FREQ=DAILY;UNTIL=20261201',
      'RRULE;TZID=Europe/Rome:FREQ=DAILY;UNTIL=20261201T100000',
      'RRULE:FREQ=YEARLY;BYMONTH=2,3;BYMONTHDAY=-1',
      'RRULE:FREQ=WEEKLY;INTERVAL=0',
      'RRULE:FREQ=FORTNIGHTLY',
      'RRULE:FREQ=WEEKLY;BYDAY=XX',
      'RRULE:FREQ=WEEKLY;BYDAY=MO, TU',
      'rrule:freq=weekly;byday=mo',
      'RRULE:FREQ=WEEKLY;X-NAME=1',
      'EXDATE:20261204T090000Z',
      'EXDATE;TZID=Europe/Rome:20261204T100000,20261211T100000',
      'EXDATE;VALUE=DATE:20261218',
      'EXDATE:20261204T090000Z\\,x',
      'RDATE:20261230T090000Z',
      'EXRULE:FREQ=WEEKLY;COUNT=2',
      'RECURRENCE-ID:20261204T090000Z',
      'RECURRENCE-ID;RANGE=THISANDFUTURE:20261204T090000Z',
      'RECURRENCE-ID:garbage',
      'URL:https://meet.example.org/abc?x=1;y=2',
      'URL;VALUE=URI:https://zoom.us/j/1',
      'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij',
      'ORGANIZER;CN="Rossi: Anna";EMAIL=anna@example.org:mailto:anna@example.org',
      'ORGANIZER:anna@example.org',
      'ORGANIZER;VALUE=CAL-ADDRESS:mailto:b@example.org',
      'DURATION;VALUE=DURATION:PT1H',
      'ATTENDEE;CUTYPE=RESOURCE;CN=Room 2;PARTSTAT=ACCEPTED:mailto:room2@example.org',
      'ATTENDEE;PARTSTAT=declined;CN=You:mailto:you@example.org',
      'ATTENDEE;CN=Anna;CN=Second:mailto:x@example.org',
      'ATTENDEE;MEMBER="mailto:a@example.org","mailto:b@example.org":mailto:c@example.org',
      'ATTENDEE;DELEGATED-FROM="mailto:a@example.org":mailto:c@example.org',
      'ATTENDEE;CN=Caret ^n name:mailto:d@example.org',
      'ATTENDEE;CN=Back\\slash:mailto:e@example.org',
      'ATTENDEE;CN="Open quote:mailto:f@example.org',
      'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-APPLE-RADIUS=70;X-TITLE="Via Roma, 1":geo:45.1,9.2',
      'X-FOO;VALUE=RECUR:nonsense',
      'X-BAR;VALUE="PERIOD":nonsense',
      'CATEGORIES:a,b\\,c',
      'NO COLON HERE',
      'END:VALARM',
      '',
      ':empty name',
    ];
    const ALARM = ['BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT15M', 'DESCRIPTION:Reminder', 'END:VALARM'];
    // Mostly the lines of common events, so that most blocks are plain and compared.
    const common = LINES.filter((text) => /^(?:UID:u1|SUMMARY:Phone|DESCRIPTION|LOCATION|STATUS:C|DTSTART;TZID=Europe|DTEND:|DTSTAMP:20261120T|SEQUENCE:3|RRULE:FREQ=WEEKLY;B|EXDATE;TZID|URL:|ORGANIZER;CN|ATTENDEE;CUTYPE|ATTENDEE;PARTSTAT)/.test(text));
    const line = fc.oneof(
      { arbitrary: fc.constantFrom(...common), weight: 6 },
      { arbitrary: fc.constantFrom(...LINES), weight: 2 },
      { arbitrary: fc.constantFrom(ALARM.join('\r\n'), 'BEGIN:VALARM\r\nRRULE:FREQ=NOPE\r\nEND:VALARM'), weight: 1 },
    );
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, folded) => {
        runs++;
        let block = ['BEGIN:VEVENT', 'UID:base@example.org', 'DTSTART:20261127T080000Z', ...lines, 'END:VEVENT'].join('\r\n');
        // Folded at 30 characters, as an exporter folds at 75 octets.
        if (folded) block = block.split('\r\n').map((text) => text.match(/.{1,30}/g)?.join('\r\n ') ?? text).join('\r\n');
        const fast = readAsParsed(block);
        if (fast === undefined) return;
        read++;
        assert.deepStrictEqual(fast, withIcal(block));
      }),
      { seed: 20_261_127, numRuns: 3_000 },
    );
    assert.ok(read > 0.2 * runs, `${read} of ${runs} generated VEVENTs read`);
  });
  it('reads every date and time value as ical.js\'s text of it reads, without making that text', () => {
    // Values of any length from the characters that matter: digits, T, Z, z and others.
    const value = fc.array(fc.constantFrom('0', '1', '2', '3', '5', '9', 'T', 'Z', 'z', '-', ':', 'x', ' '), { maxLength: 20 }).map((chars) => chars.join(''));
    const dated = fc.tuple(fc.integer({ min: 1, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('Z', '', 'z', 'ZZ', 'X', '00'))
      .map(([y, mo, d, h, mi, tail]) => `${String(y).padStart(4, '0')}${String(mo).padStart(2, '0')}${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}${String(mi).padStart(2, '0')}${String(mi).padStart(2, '0')}${tail}`);
    const any = fc.oneof(value, dated, fc.tuple(dated, fc.integer({ min: 6, max: 17 })).map(([text, length]) => text.slice(0, length)));
    const property = fc.constantFrom('DTSTART', 'DTSTART;VALUE=DATE', 'DTSTART;TZID=Europe/Rome', 'DTEND', 'DTEND;VALUE=DATE', 'RECURRENCE-ID', 'EXDATE', 'EXDATE;VALUE=DATE', 'EXDATE;TZID=Europe/Rome', 'DTSTAMP');
    let read = 0;
    fc.assert(
      fc.property(property, fc.array(any, { minLength: 1, maxLength: 3 }), fc.boolean(), (name, values, uid) => {
        const text = name.startsWith('EXDATE') ? values.join(',') : values[0];
        const lines = name.startsWith('DTSTART') ? [`${name}:${text}`] : ['DTSTART:20261127T080000Z', `${name}:${text}`];
        const block = ['BEGIN:VEVENT', ...(uid ? ['UID:time@example.org'] : []), ...lines, 'END:VEVENT'].join('\r\n');
        const fast = readAsParsed(block);
        // Without a UID, one is derived from ical.js's text of DTSTART and RECURRENCE-ID, which
        // the plain reader does not make: ical.js reads the event (unless it has no start).
        if (!uid) assert.ok(fast === undefined || typeof fast === 'string', block);
        if (fast === undefined) return;
        read++;
        assert.deepStrictEqual(fast, withIcal(block), block);
      }),
      { seed: 20_261_128, numRuns: 5_000 },
    );
    assert.ok(read > 2_000, `${read} of 5,000 read`);
  });
});
