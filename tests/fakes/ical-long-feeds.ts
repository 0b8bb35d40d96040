/**
 * Two more feed shapes for `npm run bench` (issue 11, point 3), deterministic like
 * ical-feed-generator.ts:
 * - `generateLongSeriesFeed`: 5,000 open-ended weekly series (no UNTIL, no COUNT) whose
 *   DTSTART is one to three years back. A parser that iterates each rule from DTSTART
 *   pays for 50–160 weeks per series before it reaches the window.
 * - `generateOutlookFeed`: an Outlook/Exchange export: Windows zone names in TZID, every
 *   VTIMEZONE starting in 1601 as Outlook writes them, two "Customized Time Zone" blocks
 *   (a name neither IANA nor Windows, so only the block itself can place those events),
 *   X-MICROSOFT-CDO-* lines, weekly series with UNTIL and open-ended ones.
 * Every address is under example.com / example.org.
 */
import { seededRandom } from './seeded-random.ts';
import { GENERATOR_NOW, pad, wall } from './ical-feed-generator.ts';
import { HOUR, DAY } from '../../src/core/units.ts';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

function fold(line: string): string {
  return line.length <= 75 ? line : line.match(/^.{1,75}|.{1,74}/g)!.join('\r\n ');
}

const MEETINGS = ['Team standup', 'Sprint planning', 'Retro', '1:1', 'Design review', 'Gym', 'Book club', 'Riunione di reparto', 'Budget sync', 'All hands'];
const INTERVIEWS = ['Phone interview with Brightwave Labs', 'Colloquio con Studio Verdi S.r.l.', 'Recruiter call: Northwind'];

const ROME = `BEGIN:VTIMEZONE\r\nTZID:Europe/Rome\r\nX-LIC-LOCATION:Europe/Rome\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:GMT+2\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:GMT+1\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE`;

export interface LongSeriesOptions {
  series?: number;
  seed?: number;
  now?: number;
}

/** 5,000 open-ended weekly series started one to three years before `now` (Google-shaped). */
export function generateLongSeriesFeed(options: LongSeriesOptions = {}): string {
  const count = options.series ?? 5000;
  const now = options.now ?? GENERATOR_NOW;
  const rand = seededRandom(options.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const stamp = `${wall(now)}Z`;
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:you@example.org', 'X-WR-TIMEZONE:Europe/Rome', ROME];
  for (let i = 0; i < count; i++) {
    const zone = pick(['Europe/Rome', 'Europe/Rome', 'America/New_York', 'UTC'] as const);
    const startDay = Math.floor((now - int(365, 3 * 365) * DAY) / DAY) * DAY;
    const start = startDay + int(7, 19) * HOUR + pick([0, 15, 30]) * 60_000;
    const weekday = new Date(start).getUTCDay();
    const interval = rand() < 0.8 ? 1 : int(2, 3);
    // Most series repeat on their own weekday; some on several (MO,WE,FR).
    const days = rand() < 0.75 ? [WEEKDAYS[weekday]] : [...new Set([WEEKDAYS[weekday], WEEKDAYS[(weekday + 2) % 7], WEEKDAYS[(weekday + 4) % 7]])];
    const time = (name: string, ms: number) => (zone === 'UTC' ? `${name}:${wall(ms)}Z` : `${name};TZID=${zone}:${wall(ms)}`);
    const summary = rand() < 0.01 ? pick(INTERVIEWS) : pick(MEETINGS);
    lines.push(
      'BEGIN:VEVENT',
      time('DTSTART', start),
      time('DTEND', start + pick([30, 45, 60]) * 60_000),
      `RRULE:FREQ=WEEKLY;WKST=MO${interval > 1 ? `;INTERVAL=${interval}` : ''};BYDAY=${days.join(',')}`,
      `DTSTAMP:${stamp}`,
      `UID:long-${pad(i, 5)}-${int(100000, 999999)}@google.com`,
      `CREATED:${stamp}`,
      'DESCRIPTION:',
      `LAST-MODIFIED:${stamp}`,
      'LOCATION:',
      'SEQUENCE:0',
      'STATUS:CONFIRMED',
      `SUMMARY:${summary}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** Outlook's VTIMEZONE for a zone with yearly DST rules: both observances start in 1601. */
function outlookZone(tzid: string, standard: string, daylight: string | undefined, toStd: string, toDst: string): string {
  const block = ['BEGIN:VTIMEZONE', `TZID:${tzid}`, 'BEGIN:STANDARD', `DTSTART:16010101T${daylight ? '030000' : '000000'}`, `TZOFFSETFROM:${daylight ?? standard}`, `TZOFFSETTO:${standard}`];
  if (daylight) block.push(`RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=${toStd}`);
  block.push('END:STANDARD');
  if (daylight) block.push('BEGIN:DAYLIGHT', 'DTSTART:16010101T020000', `TZOFFSETFROM:${standard}`, `TZOFFSETTO:${daylight}`, `RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=${toDst}`, 'END:DAYLIGHT');
  block.push('END:VTIMEZONE');
  return block.join('\r\n');
}

const OUTLOOK_ZONES = [
  { tzid: 'W. Europe Standard Time', block: outlookZone('W. Europe Standard Time', '+0100', '+0200', '-1SU;BYMONTH=10', '-1SU;BYMONTH=3') },
  { tzid: 'Romance Standard Time', block: outlookZone('Romance Standard Time', '+0100', '+0200', '-1SU;BYMONTH=10', '-1SU;BYMONTH=3') },
  { tzid: 'GMT Standard Time', block: outlookZone('GMT Standard Time', '+0000', '+0100', '-1SU;BYMONTH=10', '-1SU;BYMONTH=3') },
  { tzid: 'Eastern Standard Time', block: outlookZone('Eastern Standard Time', '-0500', '-0400', '1SU;BYMONTH=11', '2SU;BYMONTH=3') },
  { tzid: 'Pacific Standard Time', block: outlookZone('Pacific Standard Time', '-0800', '-0700', '1SU;BYMONTH=11', '2SU;BYMONTH=3') },
  { tzid: 'India Standard Time', block: outlookZone('India Standard Time', '+0530', undefined, '', '') },
  { tzid: 'Tokyo Standard Time', block: outlookZone('Tokyo Standard Time', '+0900', undefined, '', '') },
  { tzid: 'Customized Time Zone', block: outlookZone('Customized Time Zone', '+0100', '+0200', '-1SU;BYMONTH=10', '-1SU;BYMONTH=3') },
  { tzid: 'Customized Time Zone 1', block: outlookZone('Customized Time Zone 1', '-0500', '-0400', '1SU;BYMONTH=11', '2SU;BYMONTH=3') },
];

export interface OutlookFeedOptions {
  events?: number;
  weeklySeries?: number;
  seed?: number;
  now?: number;
}

/** An Outlook/Exchange calendar export: 1601 VTIMEZONEs, Windows zone names, CDO lines. */
export function generateOutlookFeed(options: OutlookFeedOptions = {}): string {
  const total = options.events ?? 5000;
  const seriesCount = Math.min(options.weeklySeries ?? 600, total);
  const now = options.now ?? GENERATOR_NOW;
  const rand = seededRandom(options.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789ABCDEF'.charAt(int(0, 15))).join('');
  const stamp = `${wall(now)}Z`;
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN', 'VERSION:2.0', 'METHOD:PUBLISH', 'X-CALSTART:20200101T000000Z', 'X-WR-RELCALID:{0000002E-1A2B-3C4D-5E6F-ABCDEF012345}', 'X-WR-CALNAME:Calendar', 'X-MS-OLK-FORCEINSPECTOROPEN:TRUE'];
  for (const zone of OUTLOOK_ZONES) lines.push(zone.block);
  // Most events in the user's own zone, as in a real export.
  const zoneOf = () => (rand() < 0.6 ? OUTLOOK_ZONES[0]! : pick(OUTLOOK_ZONES)).tzid;
  const event = (start: number, minutes: number, zone: string, extra: string[], interviewChance: number) => {
    const summary = rand() < interviewChance ? pick(INTERVIEWS) : pick(MEETINGS);
    const organizer = `${pick(['maya.chen', 'sam.okafor', 'giulia.bianchi', 'leo.hart'])}@example.com`;
    lines.push(
      'BEGIN:VEVENT',
      `CLASS:PUBLIC`,
      `CREATED:${stamp}`,
      fold(`DESCRIPTION:Agenda: ${summary}. Notes in the shared folder.\\n\\n________________________________________________________________________________\\nMicrosoft Teams meeting\\nJoin on your computer\\, mobile app or room device\\n`),
      `DTEND;TZID=${zone}:${wall(start + minutes * 60_000)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${zone}:${wall(start)}`,
      `LAST-MODIFIED:${stamp}`,
      `LOCATION:${rand() < 0.5 ? 'Microsoft Teams Meeting' : ''}`,
      `ORGANIZER;CN="${organizer}":mailto:${organizer}`,
      'PRIORITY:5',
      ...extra,
      'SEQUENCE:0',
      `SUMMARY;LANGUAGE=en-us:${summary}`,
      'TRANSP:OPAQUE',
      `UID:040000008200E00074C5B7101A82E00800000000${hex(16)}000000000000000010000000${hex(32)}`,
      'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
      'X-MICROSOFT-CDO-IMPORTANCE:1',
      'X-MICROSOFT-DISALLOW-COUNTER:FALSE',
      'X-MS-OLK-AUTOFILLLOCATION:FALSE',
      'X-MS-OLK-CONFTYPE:0',
      'BEGIN:VALARM',
      'TRIGGER:-PT15M',
      'ACTION:DISPLAY',
      'DESCRIPTION:Reminder',
      'END:VALARM',
      'END:VEVENT',
    );
  };
  for (let i = 0; i < seriesCount; i++) {
    const startDay = Math.floor((now - int(60, 5 * 365) * DAY) / DAY) * DAY;
    const start = startDay + int(8, 18) * HOUR + pick([0, 30]) * 60_000;
    const weekday = WEEKDAYS[new Date(start).getUTCDay()];
    const until = rand() < 0.5 ? `;UNTIL=${wall(start + int(4, 150) * 7 * DAY)}Z` : '';
    event(start, pick([30, 60]), zoneOf(), [`RRULE:FREQ=WEEKLY;${until.slice(1)}${until ? ';' : ''}INTERVAL=1;BYDAY=${weekday};WKST=SU`], 0.01);
  }
  for (let i = seriesCount; i < total; i++) {
    const near = rand() < 0.08;
    const day = Math.floor((near ? now + int(-2, 20) * DAY : now - int(0, 5 * 365) * DAY) / DAY) * DAY;
    event(day + int(7, 19) * HOUR + pick([0, 15, 30, 45]) * 60_000, pick([30, 45, 60, 90]), zoneOf(), [], 0.03);
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
