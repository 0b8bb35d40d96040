import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIcalFeed, type IcalParseOptions } from '../../src/calendar/ical-feed.ts';
import { readVtimezone } from '../../src/calendar/ical-vtimezone.ts';
import { ianaZoneName, windowsZoneName } from '../../src/calendar/ical-zones.ts';
import { WINDOWS_ZONES } from '../../src/calendar/windows-zones-data.ts';
import { defaultRules } from '../../src/core/default-rules.ts';
import { HOUR, DAY } from '../../src/core/units.ts';

/** Thursday 26 March 2026, 12:00 UTC: Europe moves to summer time on Sunday the 29th. */
const NOW = Date.UTC(2026, 2, 26, 12);

function options(extra: Partial<IcalParseOptions> = {}): IcalParseOptions {
  return { now: NOW, windowDays: 60, detection: { rules: defaultRules, selfEmail: 'you@example.org' }, floatingTimeZone: 'UTC', windowsZones: WINDOWS_ZONES, ...extra };
}

/** The reference: the UTC offset of `zone` at `utc`, straight from Intl (the runtime's tzdata). */
function intlOffset(zone: string, utc: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(utc);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - utc;
}

/** The reference instant of a local time in `zone` (times used here are away from any gap). */
function intlInstant(zone: string, y: number, mo: number, d: number, h: number): number {
  const wall = Date.UTC(y, mo - 1, d, h);
  return wall - intlOffset(zone, wall - intlOffset(zone, wall));
}

function feed(header: string[], events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...header];
  for (const event of events) lines.push('BEGIN:VEVENT', ...event, 'END:VEVENT');
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

/** A VTIMEZONE that is plainly wrong (UTC all year): a feed's block that must not win over a known name. */
function wrongZone(tzid: string): string[] {
  return ['BEGIN:VTIMEZONE', `TZID:${tzid}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0000', 'END:STANDARD', 'END:VTIMEZONE'];
}

/** Interviews at 10:00 local on 27 March (winter time in Europe) and 14 May (summer time). */
function interviewsIn(tzidParam: string, uid: string): string[][] {
  return [
    [`UID:${uid}-winter`, `DTSTART;TZID=${tzidParam}:20260327T100000`, `DTEND;TZID=${tzidParam}:20260327T110000`, 'SUMMARY:Interview'],
    [`UID:${uid}-summer`, `DTSTART;TZID=${tzidParam}:20260514T100000`, `DTEND;TZID=${tzidParam}:20260514T110000`, 'SUMMARY:Interview'],
  ];
}

function startsOf(text: string, uid: string, extra: Partial<IcalParseOptions> = {}): [number | undefined, number | undefined] {
  const result = parseIcalFeed(text, options(extra));
  return [result.interviews[`ical:${uid}-winter`]?.start, result.interviews[`ical:${uid}-summer`]?.start];
}

const ROME_RULES = [
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
];
const OUTLOOK_BERLIN_RULES = [
  'BEGIN:STANDARD', 'DTSTART:16010101T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'END:STANDARD',
  'BEGIN:DAYLIGHT', 'DTSTART:16010101T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'END:DAYLIGHT',
];
/** RFC 5545 §3.6.5's New York zone: the 1967–2006 rules with UNTIL, then the 2007 ones. */
const NEW_YORK_HISTORY = [
  'BEGIN:STANDARD', 'DTSTART:19671029T020000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10;UNTIL=20061029T060000Z', 'TZOFFSETFROM:-0400', 'TZOFFSETTO:-0500', 'END:STANDARD',
  'BEGIN:STANDARD', 'DTSTART:20071104T020000', 'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11', 'TZOFFSETFROM:-0400', 'TZOFFSETTO:-0500', 'END:STANDARD',
  'BEGIN:DAYLIGHT', 'DTSTART:19870405T020000', 'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4;UNTIL=20060402T070000Z', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0400', 'END:DAYLIGHT',
  'BEGIN:DAYLIGHT', 'DTSTART:20070311T020000', 'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0400', 'END:DAYLIGHT',
];

describe('iCal time zones: names the runtime knows win over the feed\'s VTIMEZONE', () => {
  it('places an IANA TZID with tzdata although the feed\'s block for it is wrong or partial', () => {
    // The RFC 5545 §4 style of block: two RDATE onsets in 1997 and nothing after.
    const partial = [
      'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
      'BEGIN:DAYLIGHT', 'DTSTART:19970330T020000', 'RDATE:19970330T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:DAYLIGHT',
      'BEGIN:STANDARD', 'DTSTART:19971026T030000', 'RDATE:19971026T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD',
      'END:VTIMEZONE',
    ];
    // Checked by hand: Berlin is UTC+1 on 27 March 2026 and UTC+2 on 14 May 2026.
    const expected = [Date.UTC(2026, 2, 27, 9), Date.UTC(2026, 4, 14, 8)];
    assert.deepEqual(expected, [intlInstant('Europe/Berlin', 2026, 3, 27, 10), intlInstant('Europe/Berlin', 2026, 5, 14, 10)]);
    assert.deepEqual(startsOf(feed(partial, interviewsIn('Europe/Berlin', 'p')), 'p'), expected);
    // A block whose coverage starts after the event.
    const late = ['BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'BEGIN:STANDARD', 'DTSTART:20301027T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE'];
    assert.deepEqual(startsOf(feed(late, interviewsIn('Europe/Berlin', 'l')), 'l'), expected);
  });

  const berlinForms = ['europe/berlin', 'EUROPE/BERLIN', '"Europe/Berlin"', '/mozilla.org/20050126_1/Europe/Berlin', '/citadel.org/20190914_1/Europe/Berlin', '/freeassociation.sourceforge.net/Tzfile/Europe/Berlin'];
  for (const form of berlinForms) {
    it(`reads TZID=${form} as Europe/Berlin`, () => {
      const name = form.replace(/"/g, '');
      const result = parseIcalFeed(feed(wrongZone(name), interviewsIn(form, 'b')), options());
      assert.equal(result.interviews['ical:b-winter']?.start, intlInstant('Europe/Berlin', 2026, 3, 27, 10));
      assert.equal(result.interviews['ical:b-summer']?.start, intlInstant('Europe/Berlin', 2026, 5, 14, 10));
      assert.equal(result.interviews['ical:b-winter']?.timeZone, 'Europe/Berlin');
    });
  }

  it('uses the X-LIC-LOCATION of a block whose TZID is no zone name', () => {
    const block = ['BEGIN:VTIMEZONE', 'TZID:Berlin, my office', 'X-LIC-LOCATION:Europe/Berlin', ...wrongZone('x').slice(2, -1), 'END:VTIMEZONE'];
    assert.deepEqual(startsOf(feed(block, interviewsIn('"Berlin, my office"', 'x')), 'x'), [Date.UTC(2026, 2, 27, 9), Date.UTC(2026, 4, 14, 8)]);
  });

  // The IANA zone is CLDR's; the instants are checked by hand for the first four.
  const windows: [string, string, number, number][] = [
    ['W. Europe Standard Time', 'Europe/Berlin', Date.UTC(2026, 2, 27, 9), Date.UTC(2026, 4, 14, 8)],
    ['Romance Standard Time', 'Europe/Paris', Date.UTC(2026, 2, 27, 9), Date.UTC(2026, 4, 14, 8)],
    ['Eastern Standard Time', 'America/New_York', Date.UTC(2026, 2, 27, 14), Date.UTC(2026, 4, 14, 14)],
    ['GMT Standard Time', 'Europe/London', Date.UTC(2026, 2, 27, 10), Date.UTC(2026, 4, 14, 9)],
    ['Pacific Standard Time', 'America/Los_Angeles', 0, 0],
    ['AUS Eastern Standard Time', 'Australia/Sydney', 0, 0],
    ['Tokyo Standard Time', 'Asia/Tokyo', 0, 0],
    ['India Standard Time', 'Asia/Calcutta', 0, 0],
    ['Central Standard Time (Mexico)', 'America/Mexico_City', 0, 0],
    ['e. south america standard time', 'America/Sao_Paulo', 0, 0],
  ];
  for (const [name, iana, winter, summer] of windows) {
    it(`maps the Windows name "${name}" to ${iana} through CLDR`, () => {
      const expected = [intlInstant(iana, 2026, 3, 27, 10), intlInstant(iana, 2026, 5, 14, 10)];
      if (winter !== 0) assert.deepEqual(expected, [winter, summer]);
      const result = parseIcalFeed(feed(wrongZone(name), interviewsIn(`"${name}"`, 'w')), options());
      assert.deepEqual([result.interviews['ical:w-winter']?.start, result.interviews['ical:w-summer']?.start], expected);
      assert.equal(ianaZoneName(result.interviews['ical:w-winter']?.timeZone ?? ''), ianaZoneName(iana));
    });
  }

  it('knows every zone of the CLDR table and every display name, and each resolves in this runtime', () => {
    const rows = WINDOWS_ZONES.split(';');
    const names = rows.filter((row) => !row.startsWith('~'));
    const displays = rows.filter((row) => row.startsWith('~'));
    assert.ok(names.length >= 130, `${names.length} Windows names`);
    assert.ok(displays.length >= 180, `${displays.length} display names`);
    for (const row of names) {
      const [windows = '', iana = ''] = row.split('|');
      const name = windows.endsWith('!') ? windows.slice(0, -1) : `${windows} Standard Time`;
      assert.ok(windowsZoneName(name, WINDOWS_ZONES), `${name} → ${iana}`);
    }
    for (const row of displays) {
      const [key = '', windows = ''] = row.split('|');
      const name = windows.endsWith('!') ? windows.slice(0, -1) : `${windows} Standard Time`;
      assert.equal(windowsZoneName(key, WINDOWS_ZONES), windowsZoneName(name, WINDOWS_ZONES), `${key} → ${name}`);
    }
    assert.equal(windowsZoneName('Not A Windows Zone', WINDOWS_ZONES), undefined);
    assert.equal(windowsZoneName('~not a display name', WINDOWS_ZONES), undefined);
    assert.equal(windowsZoneName('W. Europe Standard Time', undefined), undefined, 'no table, no mapping');
  });

  // Outlook on the web and Exchange write some TZIDs as the zone's Windows display name, often
  // with no VTIMEZONE (node-ical's Office-2012-owa.ics and exchange-custom-tz.ics, in the corpus).
  const displayed: [string, string][] = [
    ['(UTC-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    // Before Windows 7 the offset was "GMT"; some versions wrote "and" for "&".
    ['(GMT-05:00) Eastern Time (US and Canada)', 'America/New_York'],
    ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
    ['(GMT+10:00) Canberra, Melbourne, Sydney', 'Australia/Sydney'],
    ['(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi', 'Asia/Calcutta'],
    ['(utc+00:00) dublin, edinburgh, lisbon, london', 'Europe/London'],
    // Outlook in Italian writes Windows' Italian names.
    ['(UTC-05:00) Fuso orientale (USA e Canada)', 'America/New_York'],
    ['(UTC+01:00) Amsterdam, Berlino, Berna, Roma, Stoccolma, Vienna', 'Europe/Berlin'],
  ];
  for (const [name, iana] of displayed) {
    it(`places a TZID written as the display name "${name}", with no VTIMEZONE, in ${iana}`, () => {
      const expected = [intlInstant(iana, 2026, 3, 27, 10), intlInstant(iana, 2026, 5, 14, 10)];
      const result = parseIcalFeed(feed([], interviewsIn(`"${name}"`, 'd')), options());
      assert.deepEqual([result.interviews['ical:d-winter']?.start, result.interviews['ical:d-summer']?.start], expected);
      assert.equal(ianaZoneName(result.interviews['ical:d-winter']?.timeZone ?? ''), ianaZoneName(iana));
    });
  }

  it('keeps a VTIMEZONE the feed writes for a display name, and floats a display name Windows never had', () => {
    // The feed's own block wins (here UTC all year): the name only stands in for a missing one.
    const defined = '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna';
    assert.deepEqual(startsOf(feed(wrongZone(defined), interviewsIn(`"${defined}"`, 'v')), 'v'), [Date.UTC(2026, 2, 27, 10), Date.UTC(2026, 4, 14, 10)]);
    // Floating: Tokyo here, 01:00 UTC.
    assert.deepEqual(startsOf(feed([], interviewsIn('"(UTC+01:00) Nowhere, Elsewhere"', 'n')), 'n', { floatingTimeZone: 'Asia/Tokyo' }), [Date.UTC(2026, 2, 27, 1), Date.UTC(2026, 4, 14, 1)]);
  });

  it('reads floating times in the Windows zone named by X-WR-TIMEZONE', () => {
    const events = [['UID:f-winter', 'DTSTART:20260327T100000', 'DTEND:20260327T110000', 'SUMMARY:Interview']];
    const result = parseIcalFeed(feed(['X-WR-TIMEZONE:Romance Standard Time'], events), options({ floatingTimeZone: 'Asia/Tokyo' }));
    assert.equal(result.interviews['ical:f-winter']?.start, Date.UTC(2026, 2, 27, 9));
  });
});

describe('iCal time zones: a VTIMEZONE with a name nothing else knows', () => {
  const cases: [string, string[], string, number][] = [
    ['Rome rules from 1970', ROME_RULES, 'Europe/Rome', 1996],
    ['Outlook rules from 1601', OUTLOOK_BERLIN_RULES, 'Europe/Berlin', 1996],
    ['New York history with UNTIL', NEW_YORK_HISTORY, 'America/New_York', 1987],
  ];
  for (const [label, rules, iana, since] of cases) {
    it(`matches tzdata every day and every hour of each switch day (${label}, ${since}–2040)`, () => {
      const zone = readVtimezone(['BEGIN:VTIMEZONE', 'TZID:Custom', ...rules, 'END:VTIMEZONE'].join('\r\n'));
      assert.ok(zone);
      const check = (utc: number) => {
        const ours = zone.offsetAt(utc);
        const tzdata = intlOffset(iana, utc);
        if (ours !== tzdata) assert.fail(`${new Date(utc).toISOString()}: ${ours / HOUR} h, tzdata ${tzdata / HOUR} h`);
        return ours;
      };
      // A daily sample finds every day on which either side switches; that day is then checked
      // hour by hour (and on the minute before and after each hour), so a switch at the wrong
      // hour fails as surely as a wrong offset.
      let switchDays = 0;
      let previous = check(Date.UTC(since, 0, 1));
      for (let day = Date.UTC(since, 0, 2); day < Date.UTC(2040, 0, 1); day += DAY) {
        const offset = check(day);
        if (offset === previous) continue;
        switchDays++;
        for (let utc = day - DAY; utc < day; utc += HOUR) [utc - 60_000, utc, utc + 60_000].forEach(check);
        previous = offset;
      }
      // Two switches a year (the New York history has no switch before its first rule's year).
      assert.ok(switchDays >= 2 * (2040 - since) - 2, `only ${switchDays} switch days found`);
    });
  }

  it('places events with it across the switch and keeps no zone name', () => {
    const block = ['BEGIN:VTIMEZONE', 'TZID:Customized Time Zone', ...OUTLOOK_BERLIN_RULES, 'END:VTIMEZONE'];
    const result = parseIcalFeed(feed(block, interviewsIn('"Customized Time Zone"', 'c')), options());
    assert.deepEqual([result.interviews['ical:c-winter']?.start, result.interviews['ical:c-summer']?.start], [Date.UTC(2026, 2, 27, 9), Date.UTC(2026, 4, 14, 8)]);
    assert.equal(result.interviews['ical:c-winter']?.timeZone, undefined);
  });

  it('uses the first TZOFFSETFROM before the block\'s first onset, never 0', () => {
    const block = ['BEGIN:VTIMEZONE', 'TZID:Late Zone', 'BEGIN:STANDARD', 'DTSTART:20300101T000000', 'TZOFFSETFROM:-0300', 'TZOFFSETTO:-0200', 'END:STANDARD', 'END:VTIMEZONE'];
    const zone = readVtimezone(block.join('\r\n'));
    assert.equal(zone?.offsetAt(Date.UTC(2026, 0, 1)), -3 * HOUR);
    assert.equal(zone?.offsetAt(Date.UTC(2030, 0, 1, 3)), -2 * HOUR);
    assert.deepEqual(startsOf(feed(block, interviewsIn('Late Zone', 'z')), 'z'), [Date.UTC(2026, 2, 27, 13), Date.UTC(2026, 4, 14, 13)]);
  });

  it('reads RDATE onsets (RFC 5545 §4) and nothing more', () => {
    const block = [
      'BEGIN:VTIMEZONE', 'TZID:Rdate Zone',
      'BEGIN:DAYLIGHT', 'DTSTART:19970330T020000', 'RDATE:19970330T020000,20260329T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:DAYLIGHT',
      'BEGIN:STANDARD', 'DTSTART:19971026T030000', 'RDATE;VALUE=PERIOD:20261025T030000/20261025T040000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const zone = readVtimezone(block.join('\r\n'));
    assert.equal(zone?.offsetAt(Date.UTC(1990, 0, 1)), HOUR);
    assert.equal(zone?.offsetAt(Date.UTC(2026, 2, 29, 0, 59)), HOUR);
    assert.equal(zone?.offsetAt(Date.UTC(2026, 2, 29, 1)), 2 * HOUR);
    assert.equal(zone?.offsetAt(Date.UTC(2026, 9, 25, 0, 59)), 2 * HOUR);
    assert.equal(zone?.offsetAt(Date.UTC(2026, 9, 25, 1)), HOUR);
    assert.equal(zone?.offsetAt(Date.UTC(2035, 6, 1)), HOUR);
  });
  // What a 1601 block costs is measured by `npm run bench` (the Outlook shape), not asserted here.
});
