import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fetchIcalFeed, parseIcalFeed, type IcalParseOptions } from '../../src/calendar/ical-feed.ts';
import type { FetchLike } from '../../src/calendar/source-types.ts';
import { WINDOWS_ZONES } from '../../src/calendar/windows-zones-data.ts';
import { defaultRules } from '../../src/core/default-rules.ts';
import type { Interview } from '../../src/core/types.ts';
import { HOUR } from '../../src/core/units.ts';
import { cpuMillis } from './fixtures.ts';

/** Thursday 26 March 2026, 12:00 UTC; Europe moves to summer time on Sunday the 29th. */
const NOW = Date.UTC(2026, 2, 26, 12);
const URL_ = 'https://calendar.example.org/private-0123456789abcdef/basic.ics';

function options(extra: Partial<IcalParseOptions> = {}): IcalParseOptions {
  return { now: NOW, windowDays: 21, detection: { rules: defaultRules, selfEmail: 'you@example.org' }, floatingTimeZone: 'UTC', windowsZones: WINDOWS_ZONES, ...extra };
}

function feed(events: string[][], header: string[] = [], eol = '\r\n'): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...header];
  for (const event of events) lines.push('BEGIN:VEVENT', ...event, 'END:VEVENT');
  lines.push('END:VCALENDAR');
  return lines.join(eol) + eol;
}

function starts(interviews: Record<string, Interview>): [string, string][] {
  return Object.values(interviews)
    .sort((a, b) => a.start - b.start)
    .map((interview) => [interview.id, new Date(interview.start).toISOString()]);
}

function fetchOf(bytes: Uint8Array<ArrayBuffer>, contentType: string): FetchLike {
  return async () => new Response(bytes, { headers: { 'Content-Type': contentType } });
}

describe('iCal: one odd line does not lose the event', () => {
  it('keeps an Apple event with an X-APPLE-RADIUS written with "=" and no colon', () => {
    const events = [[
      'UID:apple@x', 'DTSTART;TZID=Europe/Rome:20260327T100000', 'DTEND;TZID=Europe/Rome:20260327T110000', 'SUMMARY:Interview at the office',
      'X-APPLE-RADIUS=72.0',
      'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-APPLE-RADIUS=70.58;X-TITLE=Via Roma 1=Milano:geo:45.46,9.18',
    ]];
    const result = parseIcalFeed(feed(events), options());
    assert.deepEqual(starts(result.interviews), [['ical:apple@x', '2026-03-27T09:00:00.000Z']]);
    assert.equal(result.skipped, 0);
  });

  it('leaves an X-APPLE-RADIUS=… line out of the UID and the title written before it', () => {
    const events = [
      ['UID:radius@x', 'X-APPLE-RADIUS=49.91307046514149', 'DTSTART:20260327T090000Z', 'DTEND:20260327T100000Z', 'RRULE:FREQ=DAILY;COUNT=2', 'SUMMARY:Interview at the office', 'x-apple-radius=72.0'],
      ['UID:radius@x', 'RECURRENCE-ID:20260327T090000Z', 'DTSTART:20260327T110000Z', 'DTEND:20260327T120000Z', 'SUMMARY:Interview at the office'],
    ];
    const result = parseIcalFeed(feed(events), options());
    // The series' UID is its override's: the override moves the first instance to 11:00.
    assert.deepEqual(starts(result.interviews), [['ical:radius@x@2026-03-27T09:00:00.000Z', '2026-03-27T11:00:00.000Z'], ['ical:radius@x@2026-03-28T09:00:00.000Z', '2026-03-28T09:00:00.000Z']]);
    assert.ok(Object.values(result.interviews).every((interview) => interview.title === 'Interview at the office'));
  });

  it('reads values with trailing spaces (Apple iCal 1.0 wrote them on every line)', () => {
    const events = [
      ['UID:spaced@x ', 'DTSTART:20260327T090000Z ', 'DURATION:PT45M ', 'SUMMARY:Interview ', 'RRULE:FREQ=DAILY;COUNT=2 '],
      ['UID:free@x', 'DTSTART:20260327T140000Z', 'DURATION:PT1H ', 'TRANSP:TRANSPARENT ', 'SUMMARY:Lunch'],
    ];
    const result = parseIcalFeed(feed(events), options());
    assert.deepEqual(starts(result.interviews).map(([, at]) => at), ['2026-03-27T09:00:00.000Z', '2026-03-28T09:00:00.000Z']);
    assert.ok(Object.values(result.interviews).every((interview) => interview.end - interview.start === 45 * 60_000));
    assert.deepEqual(Object.keys(result.busy).sort(), ['ical:spaced@x@2026-03-27T09:00:00.000Z', 'ical:spaced@x@2026-03-28T09:00:00.000Z']);
  });

  it('repairs Exchange\'s TZID quote closed after the value', () => {
    const events = [['UID:exchange@x', 'DTSTART;TZID="W. Europe Standard Time:20260327T100000"', 'DTEND;TZID="W. Europe Standard Time:20260327T110000"', 'SUMMARY:Interview']];
    const result = parseIcalFeed(feed(events), options());
    // 10:00 in Berlin, UTC+1 before 29 March (checked by hand).
    assert.equal(result.interviews['ical:exchange@x']?.start, Date.UTC(2026, 2, 27, 9));
    assert.equal(result.interviews['ical:exchange@x']?.end, Date.UTC(2026, 2, 27, 10));
  });

  it('reads BYDAY=MO, TU, WE with spaces as MO,TU,WE', () => {
    const events = [['UID:spaces@x', 'DTSTART:20260323T090000Z', 'DTEND:20260323T093000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO, TU, WE;COUNT=6', 'SUMMARY:Interview loop']];
    const result = parseIcalFeed(feed(events), options());
    assert.deepEqual(starts(result.interviews).map(([, at]) => at.slice(0, 10)), ['2026-03-30', '2026-03-31', '2026-04-01']);
  });

  it('reads a rule written in lower case (RFC 5545: its names and values are case-insensitive)', () => {
    const events = [[
      'UID:lower@x', 'DTSTART:20260323T090000Z', 'DTEND:20260323T093000Z', 'rrule:freq=weekly; byday=mo,\twe ;count=6', 'exrule:freq=weekly;byday=we;until=20260402T000000z', 'SUMMARY:Interview loop',
    ]];
    const result = parseIcalFeed(feed(events), options());
    // Mondays and Wednesdays from 23 March, six of them; the Wednesdays up to 1 April excluded.
    assert.deepEqual(starts(result.interviews).map(([, at]) => at.slice(0, 10)), ['2026-03-30', '2026-04-06', '2026-04-08']);
    assert.equal(result.skipped, 0);
  });

  it('joins a continuation line that lost its leading space, and drops a stray line after a date', () => {
    const events = [[
      'UID:fold@x', 'DTSTART:20260327T090000Z', 'This line is not a property', 'DTEND:20260327T100000Z', 'SUMMARY:Interview with Studio',
      'DESCRIPTION:Call +39 02 1234',
      '5678 at ten',
    ]];
    const result = parseIcalFeed(feed(events), options());
    const interview = result.interviews['ical:fold@x'];
    assert.equal(interview?.start, Date.UTC(2026, 2, 27, 9));
    assert.equal(interview?.end, Date.UTC(2026, 2, 27, 10));
    assert.equal(interview?.phones[0]?.dial, '+390212345678');
  });

  it('joins a long TZID, RRULE or date folded without its space, but never a property it reads', () => {
    const events = [
      ['UID:tzid@x', 'DTSTART;TZID=Europe/', 'Rome:20260327T100000', 'DTEND;TZID=Europe/Rome:20260327T110000', 'SUMMARY:Interview'],
      ['UID:rule@x', 'DTSTART:20260323T090000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO,', 'TU;COUNT=4', 'DURATION:PT30M', 'SUMMARY:Interview loop'],
      // A cut value, then a line of its own: DTEND is not taken for the rest of the summary.
      ['UID:date@x', 'DTSTART:', '20260328T090000Z', 'SUMMARY:Interview,', 'DTEND:20260328T100000Z'],
    ];
    const result = parseIcalFeed(feed(events), options());
    // 10:00 in Rome is 09:00 UTC before 29 March; Mondays and Tuesdays from 23 March, four.
    assert.deepEqual(starts(result.interviews), [
      ['ical:tzid@x', '2026-03-27T09:00:00.000Z'],
      ['ical:date@x', '2026-03-28T09:00:00.000Z'],
      ['ical:rule@x@2026-03-30T09:00:00.000Z', '2026-03-30T09:00:00.000Z'],
      ['ical:rule@x@2026-03-31T09:00:00.000Z', '2026-03-31T09:00:00.000Z'],
    ]);
    assert.equal(result.interviews['ical:date@x']?.end, Date.UTC(2026, 2, 28, 10));
    assert.equal(result.skipped, 0);
  });

  it('reads a block of 40,000 orphan lines in one pass, and keeps its event', () => {
    // Lines that look like parameters cut short ("A;"): each would be joined to the one before,
    // and checking the whole group again for each of them took 13.5 s of CPU for 40,000.
    const events = [['UID:orphans@x', 'DTSTART:20260327T090000Z', 'DTEND:20260327T100000Z', 'SUMMARY:Interview', ...Array.from({ length: 40_000 }, () => 'A;')]];
    const { result, ms } = cpuMillis(() => parseIcalFeed(feed(events), options()));
    assert.deepEqual(starts(result.interviews), [['ical:orphans@x', '2026-03-27T09:00:00.000Z']]);
    assert.ok(ms < 2_000, `${ms} ms of CPU`);
  });

  it('reads a BEGIN or END line with blanks after the component\'s name', () => {
    // ical.js takes the blanks for part of the name: a "VEVENT\t" is no event, and a
    // "VTIMEZONE " defines no zone (its events would float: here, in UTC).
    const text = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN',
      'BEGIN:VTIMEZONE ', 'TZID:Customized Time Zone', 'BEGIN:STANDARD', 'DTSTART:16010101T000000', 'TZOFFSETFROM:+0300', 'TZOFFSETTO:+0300', 'END:STANDARD  ', 'END:VTIMEZONE\t',
      'BEGIN:VEVENT\t', 'UID:blank@x', 'DTSTART:20260327T090000Z', 'DTEND:20260327T100000Z', 'SUMMARY:Interview', 'BEGIN:VALARM ', 'TRIGGER:-PT15M', 'ACTION:DISPLAY', 'END:VALARM\t', 'END:VEVENT  ',
      'BEGIN:VEVENT', 'UID:zone@x', 'DTSTART;TZID=Customized Time Zone:20260330T120000', 'DTEND;TZID=Customized Time Zone:20260330T130000', 'SUMMARY:Interview', 'END:VEVENT',
      'END:VCALENDAR ', '',
    ].join('\r\n');
    const result = parseIcalFeed(text, options());
    assert.deepEqual(starts(result.interviews), [['ical:blank@x', '2026-03-27T09:00:00.000Z'], ['ical:zone@x', '2026-03-30T09:00:00.000Z']]);
    assert.equal(result.skipped, 0);
  });

  it('keeps every event when a line of the calendar header is malformed', () => {
    // Header lines from the invalid-input fixtures of allenporter/ical (a python parser), and
    // a zone line with a stray separator. Before, any of them refused the whole feed.
    const events = [['UID:floating@x', 'DTSTART:20260327T100000', 'DTEND:20260327T110000', 'SUMMARY:Interview at the office']];
    for (const odd of ['DESCRIPTION;;:VALUE', 'NAME;PARAM-NAME="PARAM-VAL', 'X-WR-CALNAME;X="a:b', 'X-WR-TIMEZONE;;:America/New_York']) {
      // The zone is read from the first X-WR-TIMEZONE line that can be read: 10:00 in Rome.
      const zoned = parseIcalFeed(feed(events, [odd, 'X-WR-TIMEZONE:Europe/Rome']), options());
      assert.deepEqual(starts(zoned.interviews), [['ical:floating@x', '2026-03-27T09:00:00.000Z']], odd);
      // Without a line that can be read, floating times are in the browser's zone (UTC here).
      const alone = parseIcalFeed(feed(events, [odd]), options());
      assert.deepEqual(starts(alone.interviews), [['ical:floating@x', '2026-03-27T10:00:00.000Z']], odd);
      assert.equal(alone.skipped, 0);
    }
  });

  it('skips only what cannot be read, and says why', () => {
    const events = [
      ['UID:nostart@x', 'DTSTART:2026-13-45', 'SUMMARY:Interview'],
      ['UID:badrule@x', 'DTSTART:20260327T090000Z', 'RRULE:FREQ=SOMETIMES', 'SUMMARY:Interview'],
      ['UID:ok@x', 'DTSTART:20260327T090000Z', 'SUMMARY:Interview'],
      ['UID:ok@x', 'DTSTART:20260327T090000Z', 'SUMMARY:Interview'],
    ];
    const zone = ['BEGIN:VTIMEZONE', 'TZID:Nowhere', 'BEGIN:STANDARD', 'END:STANDARD', 'END:VTIMEZONE'];
    const result = parseIcalFeed(feed([...events, ['UID:nowhere@x', 'DTSTART;TZID=Nowhere:20260327T090000', 'SUMMARY:Interview']], zone), options());
    assert.deepEqual(result.report, { events: 5, skipped: { 'no-start': 1, 'bad-rule': 1, duplicate: 1, 'bad-zone': 1 } });
    assert.equal(result.skipped, 3);
    // The event in the unreadable zone is kept, read as floating (UTC here).
    assert.equal(result.interviews['ical:nowhere@x']?.start, Date.UTC(2026, 2, 27, 9));
  });
});

describe('iCal: events without UID, duplicates, ranges and exclusion rules', () => {
  const noUid = (stamp: string, summary = 'Interview with Acme') => ['DTSTAMP:' + stamp, 'DTSTART:20260327T090000Z', 'DTEND:20260327T100000Z', `SUMMARY:${summary}`];

  it('gives an event without UID an id from its content, stable when DTSTAMP changes', () => {
    const first = Object.keys(parseIcalFeed(feed([noUid('20260301T000000Z')]), options()).interviews);
    const again = Object.keys(parseIcalFeed(feed([noUid('20260325T101010Z')]), options()).interviews);
    const other = Object.keys(parseIcalFeed(feed([noUid('20260301T000000Z', 'Interview with Beta')]), options()).interviews);
    assert.equal(first.length, 1);
    assert.match(first[0] ?? '', /^ical:derived-[0-9a-f]{16}$/);
    assert.deepEqual(again, first);
    assert.notDeepEqual(other, first);
    const both = parseIcalFeed(feed([noUid('20260301T000000Z'), noUid('20260301T000000Z', 'Interview with Beta')]), options());
    assert.equal(Object.keys(both.interviews).length, 2);
  });

  it('keeps the copy with the higher SEQUENCE, then the later DTSTAMP, in any order', () => {
    const copy = (sequence: number, stamp: string, hour: number) => ['UID:dup@x', `SEQUENCE:${sequence}`, `DTSTAMP:${stamp}`, `DTSTART:20260327T${String(hour).padStart(2, '0')}0000Z`, 'SUMMARY:Interview'];
    const higher = [copy(2, '20260101T000000Z', 15), copy(1, '20260301T000000Z', 9)];
    assert.equal(parseIcalFeed(feed(higher), options()).interviews['ical:dup@x']?.start, Date.UTC(2026, 2, 27, 15));
    assert.equal(parseIcalFeed(feed([...higher].reverse()), options()).interviews['ical:dup@x']?.start, Date.UTC(2026, 2, 27, 15));
    const later = [copy(1, '20260301T000000Z', 11), copy(1, '20260101T000000Z', 9)];
    assert.equal(parseIcalFeed(feed(later), options()).interviews['ical:dup@x']?.start, Date.UTC(2026, 2, 27, 11));
    assert.equal(parseIcalFeed(feed([...later].reverse()), options()).interviews['ical:dup@x']?.start, Date.UTC(2026, 2, 27, 11));
    // Same SEQUENCE and DTSTAMP, different events: neither can be chosen, both are kept.
    const tie = parseIcalFeed(feed([copy(1, '20260101T000000Z', 9), copy(1, '20260101T000000Z', 11)]), options());
    assert.deepEqual(starts(tie.interviews), [['ical:dup@x', '2026-03-27T09:00:00.000Z'], ['ical:dup@x#2', '2026-03-27T11:00:00.000Z']]);
  });

  it('moves this and every later instance for RECURRENCE-ID;RANGE=THISANDFUTURE, also from before the window', () => {
    const master = ['UID:weekly@x', 'DTSTART;TZID=Europe/Rome:20260105T100000', 'DTEND;TZID=Europe/Rome:20260105T110000', 'RRULE:FREQ=WEEKLY', 'SUMMARY:Interview loop'];
    // From 9 March on: 15:00 to 15:30 and a new title.
    const change = ['UID:weekly@x', 'RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Rome:20260309T100000', 'DTSTART;TZID=Europe/Rome:20260309T150000', 'DTEND;TZID=Europe/Rome:20260309T153000', 'SUMMARY:Interview loop (afternoon)'];
    const result = parseIcalFeed(feed([master, change]), options());
    // Rome: UTC+1 until 29 March, UTC+2 after (checked by hand).
    assert.deepEqual(starts(result.interviews), [
      ['ical:weekly@x@2026-03-30T08:00:00.000Z', '2026-03-30T13:00:00.000Z'],
      ['ical:weekly@x@2026-04-06T08:00:00.000Z', '2026-04-06T13:00:00.000Z'],
      ['ical:weekly@x@2026-04-13T08:00:00.000Z', '2026-04-13T13:00:00.000Z'],
    ]);
    assert.ok(Object.values(result.interviews).every((interview) => interview.end - interview.start === HOUR / 2 && interview.title === 'Interview loop (afternoon)'));
    // A plain override (no RANGE) moves one instance only.
    const single = parseIcalFeed(feed([master, change.map((line) => line.replace(';RANGE=THISANDFUTURE', '').replace('20260309T', '20260330T'))]), options());
    assert.deepEqual(starts(single.interviews).map(([, at]) => at), ['2026-03-30T13:00:00.000Z', '2026-04-06T08:00:00.000Z', '2026-04-13T08:00:00.000Z']);
  });

  it('leaves out what an EXRULE excludes', () => {
    const events = [['UID:daily@x', 'DTSTART:20260101T090000Z', 'DTEND:20260101T093000Z', 'RRULE:FREQ=DAILY', 'EXRULE:FREQ=WEEKLY;BYDAY=SA,SU', 'SUMMARY:Phone interview']];
    const result = parseIcalFeed(feed(events), options({ windowDays: 7 }));
    const days = starts(result.interviews).map(([, at]) => new Date(at).getUTCDay());
    // Thursday 26 March to Thursday 2 April: no Saturday 28 or Sunday 29.
    assert.deepEqual(days, [4, 5, 1, 2, 3, 4]);
    const without = parseIcalFeed(feed([events[0]?.filter((line) => !line.startsWith('EXRULE')) ?? []]), options({ windowDays: 7 }));
    assert.equal(Object.keys(without.interviews).length, 8);
  });
});

describe('iCal: a DURATION\'s days are days of the calendar (RFC 5545 §3.3.6)', () => {
  it('ends P1D at the same clock time the next day, 23 hours across the change to summer time, and PT24H after 24 hours', () => {
    const events = [
      ['UID:day@x', 'DTSTART;TZID=Europe/Rome:20260328T120000', 'DURATION:P1D', 'SUMMARY:Assessment day'],
      ['UID:hours@x', 'DTSTART;TZID=Europe/Rome:20260328T150000', 'DURATION:PT24H', 'SUMMARY:On call'],
      ['UID:series@x', 'DTSTART;TZID=Europe/Rome:20260327T120000', 'DURATION:P1DT1H', 'RRULE:FREQ=DAILY;COUNT=3', 'SUMMARY:Take-home task'],
      ['UID:utc@x', 'DTSTART:20260328T120000Z', 'DURATION:P1D', 'SUMMARY:Hackathon'],
    ];
    const busy = Object.entries(parseIcalFeed(feed(events), options()).busy)
      .map(([id, { start, end }]) => [id, new Date(start).toISOString(), new Date(end).toISOString()])
      .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
    // Python's zoneinfo: Rome is at +01:00 until 29 March 2026, 02:00, then at +02:00.
    assert.deepEqual(busy, [
      ['ical:day@x', '2026-03-28T11:00:00.000Z', '2026-03-29T10:00:00.000Z'],
      ['ical:hours@x', '2026-03-28T14:00:00.000Z', '2026-03-29T14:00:00.000Z'],
      ['ical:series@x@2026-03-27T11:00:00.000Z', '2026-03-27T11:00:00.000Z', '2026-03-28T12:00:00.000Z'],
      ['ical:series@x@2026-03-28T11:00:00.000Z', '2026-03-28T11:00:00.000Z', '2026-03-29T11:00:00.000Z'],
      ['ical:series@x@2026-03-29T10:00:00.000Z', '2026-03-29T10:00:00.000Z', '2026-03-30T11:00:00.000Z'],
      ['ical:utc@x', '2026-03-28T12:00:00.000Z', '2026-03-29T12:00:00.000Z'],
    ]);
  });
});

describe('iCal: rules ical.js iterates wrong', () => {
  // Occurrences checked with python's dateutil.rrule and zoneinfo (Europe/Rome: UTC+1 until
  // 29 March 2026, UTC+2 after).
  it('keeps the last occurrence of a MONTHLY rule with BYMONTH and COUNT', () => {
    // The third Wednesday of each month but summer's, eight of them from September 2025:
    // the eighth is 15 April 2026 (ical.js counted one twice at the turn of the year).
    const events = [['UID:third@x', 'DTSTART;TZID=Europe/Rome:20250917T100000', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY;COUNT=8;BYDAY=3WE;BYMONTH=1,2,3,4,5,9,10,11,12', 'SUMMARY:Interview panel']];
    assert.deepEqual(starts(parseIcalFeed(feed(events), options()).interviews), [['ical:third@x@2026-04-15T08:00:00.000Z', '2026-04-15T08:00:00.000Z']]);
  });

  it('counts an instance ical.js returns twice once', () => {
    // 1 and 2 December 2025, then 1 and 2 April 2026 (ical.js: 1, 2, 1, 2 December).
    const events = [['UID:twice@x', 'DTSTART;TZID=Europe/Rome:20251201T100000', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY;BYMONTH=4,12;BYMONTHDAY=1,2;COUNT=4', 'SUMMARY:Interview panel']];
    assert.deepEqual(starts(parseIcalFeed(feed(events), options()).interviews).map(([, at]) => at), ['2026-04-01T08:00:00.000Z', '2026-04-02T08:00:00.000Z']);
  });

  it('reads BYMONTH in any order', () => {
    // 1 April 2026 comes before 1 December 2026 whatever order the months are written in.
    const events = [['UID:order@x', 'DTSTART;TZID=Europe/Rome:20251201T100000', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY;BYMONTH=12,4', 'SUMMARY:Interview panel']];
    assert.deepEqual(starts(parseIcalFeed(feed(events), options()).interviews).map(([, at]) => at), ['2026-04-01T08:00:00.000Z']);
  });

  // Expected instants below: python3 -c "from dateutil.rrule import rrulestr; from datetime import
  // datetime as D, timezone as T; from zoneinfo import ZoneInfo as Z; print([d.replace(tzinfo=
  // Z('Europe/Rome')).astimezone(T.utc).isoformat() for d in rrulestr(RULE, dtstart=DTSTART)
  // .between(D(2026, 3, 20), D(2026, 4, 20))])", with each case's RULE and DTSTART.
  const at = (uid: string, dtstart: string, rrule: string, windowDays = 21) =>
    starts(parseIcalFeed(feed([[`UID:${uid}`, `DTSTART;TZID=Europe/Rome:${dtstart}`, 'DURATION:PT30M', `RRULE:${rrule}`, 'SUMMARY:Interview panel']]), options({ windowDays })).interviews).map(([, start]) => start);

  it('keeps the INTERVAL of a MONTHLY rule with BYMONTH', () => {
    // Every other month from November: January, March, May… of those, January, March and
    // April are listed. ical.js went to the next listed month: 6 April too.
    assert.deepEqual(at('interval@x', '20251127T100000', 'FREQ=MONTHLY;INTERVAL=2;BYMONTH=1,3,4;BYMONTHDAY=27,6'), ['2026-03-27T09:00:00.000Z']);
  });

  it('gives a YEARLY;BYMONTHDAY rule without BYMONTH in every month', () => {
    // ical.js: in June (DTSTART's month) only.
    assert.deepEqual(at('monthday@x', '20250602T100000', 'FREQ=YEARLY;BYMONTHDAY=2,-1'), ['2026-03-31T08:00:00.000Z', '2026-04-02T08:00:00.000Z']);
  });

  it('gives every hour and minute of a YEARLY rule with several', () => {
    // ical.js: 09:00 only (RFC 5545's own example, every other year every Sunday in January
    // at 8:30 and 9:30, lost its 9:30s too).
    assert.deepEqual(at('hours@x', '20250403T090000', 'FREQ=YEARLY;BYMONTH=4;BYDAY=1TH;BYHOUR=9,15;BYMINUTE=0,30'), [
      '2026-04-02T07:00:00.000Z', '2026-04-02T07:30:00.000Z', '2026-04-02T13:00:00.000Z', '2026-04-02T13:30:00.000Z',
    ]);
  });

  it('puts a YEARLY;BYWEEKNO rule in its week', () => {
    // Week 14 of 2026 is 30 March to 5 April (week 1 has 4 January, as ISO 8601's).
    assert.deepEqual(at('weekno@x', '20250107T100000', 'FREQ=YEARLY;BYWEEKNO=14;BYDAY=TU,TH'), ['2026-03-31T08:00:00.000Z', '2026-04-02T08:00:00.000Z']);
  });

  it('puts a YEARLY;BYWEEKNO rule without BYDAY on the weekday of DTSTART', () => {
    // RFC 5545: what a rule leaves out comes from DTSTART, here Wednesday 4 January 2023.
    // dateutil gives every day of the week instead; the expected instant is its answer with
    // BYDAY=WE written out. ical.js gave nothing. The series starts years back, so the
    // expansion starts from a later year, on another weekday.
    assert.deepEqual(at('weekday@x', '20230104T100000', 'FREQ=YEARLY;BYWEEKNO=14'), ['2026-04-01T08:00:00.000Z']);
  });

  it('applies BYSETPOS to a WEEKLY rule', () => {
    // The last of Monday, Wednesday and Friday: each Friday (ical.js: all three days).
    assert.deepEqual(at('setpos@x', '20260302T100000', 'FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1'), ['2026-03-27T09:00:00.000Z', '2026-04-03T08:00:00.000Z', '2026-04-10T08:00:00.000Z']);
  });
});

describe('iCal: line ends, byte-order marks and encodings', () => {
  const events = [
    ['UID:a@x', 'DTSTART;TZID=Europe/Rome:20260327T100000', 'DTEND;TZID=Europe/Rome:20260327T110000', 'SUMMARY:Colloquio con Società Verdi'],
    ['UID:b@x', 'DTSTART:20260330T090000Z', 'DTEND:20260330T100000Z', 'SUMMARY:Interview', 'DESCRIPTION:folded', ' line'],
  ];
  const expected = parseIcalFeed(feed(events), options());

  it('reads CR-only, LF-only and mixed line ends, a BOM and blanks before the calendar as CRLF', () => {
    assert.equal(Object.keys(expected.interviews).length, 2);
    for (const text of [feed(events, [], '\r'), feed(events, [], '\n'), `\uFEFF${feed(events)}`, feed(events).replace(/\r\n(?=SUMMARY|DTEND)/g, '\r').replace(/\r\n(?=UID)/g, '\n'), `\uFEFF\r\n   \t${feed(events)}`]) {
      assert.deepEqual(parseIcalFeed(text, options()).interviews, expected.interviews);
    }
  });

  it('reads a lower-case RRULE in a CR-only feed: the series started long ago is not taken for an old single event', () => {
    // The scan that skips old single events must see the rule whatever the line ends.
    const series = [['UID:weekly@x', 'DTSTART:20240102T090000Z', 'DTEND:20240102T093000Z', 'rrule:FREQ=WEEKLY;BYDAY=TU', 'SUMMARY:Interview loop']];
    const crlf = parseIcalFeed(feed(series), options());
    // dateutil: rrulestr('FREQ=WEEKLY;BYDAY=TU', dtstart=2024-01-02 09:00Z) between 25 March and 16 April 2026.
    assert.deepEqual(Object.keys(crlf.interviews).sort(), ['2026-03-31', '2026-04-07', '2026-04-14'].map((day) => `ical:weekly@x@${day}T09:00:00.000Z`));
    for (const text of [feed(series, [], '\r'), feed(series, [], '\n'), feed(series).replace('\r\nSUMMARY', '\rSUMMARY')]) {
      assert.deepEqual(parseIcalFeed(text, options()).interviews, crlf.interviews);
    }
  });

  it('decodes UTF-16 (with or without BOM), a declared charset, and Latin-1 sent as UTF-8', async () => {
    const text = feed(events);
    const utf16le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const utf16be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16be[2 * i + 1] = text.charCodeAt(i);
    const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const cases: [string, Uint8Array<ArrayBuffer>, string][] = [
      ['UTF-16LE with BOM', utf16le, 'text/calendar'],
      ['UTF-16BE without BOM', utf16be, 'text/calendar; charset=utf-8'],
      ['ISO-8859-1 declared', latin1, 'text/calendar; charset=ISO-8859-1'],
      ['Latin-1 sent as UTF-8', latin1, 'text/calendar; charset=UTF-8'],
      ['Latin-1 with no charset', latin1, 'text/calendar'],
    ];
    for (const [label, bytes, type] of cases) {
      const fetched = await fetchIcalFeed(URL_, undefined, fetchOf(bytes, type));
      assert.equal(fetched.kind, 'feed', label);
      if (fetched.kind !== 'feed') continue;
      const result = parseIcalFeed(fetched.text, options());
      assert.equal(result.interviews['ical:a@x']?.title, 'Colloquio con Società Verdi', label);
      assert.deepEqual(result.interviews, expected.interviews, label);
    }
  });
});
