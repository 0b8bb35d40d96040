/**
 * A deterministic, Google-Calendar-export-shaped iCal feed for benchmarks and load tests:
 * the shape of a large real export (5,000 VEVENTs, 618 weekly RRULEs, 177
 * RECURRENCE-ID overrides, 287 EXDATEs, two VTIMEZONEs, about 5 MB). Series start years
 * back so that a parser which iterates every series from its first DTSTART pays for it.
 * Every address is under example.com / example.org; numbers are fictional.
 */
import { seededRandom } from './seeded-random.ts';
import { DAY } from '../../src/core/units.ts';

export interface GenerateFeedOptions {
  /** Total VEVENT components (masters + overrides + single events). */
  events?: number;
  weeklySeries?: number;
  overrides?: number;
  exdates?: number;
  seed?: number;
  /** The instant the feed is "exported" at; some events are placed around it. Epoch ms. */
  now?: number;
}

export const GENERATOR_NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

const ROME = `BEGIN:VTIMEZONE
TZID:Europe/Rome
X-LIC-LOCATION:Europe/Rome
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:GMT+2
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:GMT+1
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE`;

const NEW_YORK = `BEGIN:VTIMEZONE
TZID:America/New_York
X-LIC-LOCATION:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE`;

const FIRST = ['Maya', 'Sam', 'Giulia', 'Leo', 'Ana', 'Marco', 'Priya', 'Tom', 'Chiara', 'Ivan', 'Sofia', 'Kenji', 'Elena', 'Omar'];
const LAST = ['Chen', 'Okafor', 'Bianchi', 'Hart', 'Rossi', 'Smith', 'Kumar', 'Esposito', 'Novak', 'García', 'Tanaka', 'Ricci'];
const MEETINGS = ['Team standup', 'Sprint planning', 'Retro', '1:1', 'Design review', 'Lunch', 'Gym', 'Dentist', 'Book club', 'Revisione codice', 'Riunione di reparto', 'Call with supplier', 'Budget sync', 'All hands'];
const INTERVIEWS = ['Phone interview with Brightwave Labs', 'Colloquio con Studio Verdi S.r.l.', 'Technical interview — Fernhill Analytics (Backend Engineer)', 'Recruiter call: Northwind', 'Phone screen with Acme Corp'];
const ZONES = ['Europe/Rome', 'Europe/Rome', 'Europe/Rome', 'America/New_York', 'UTC'] as const;
type Zone = (typeof ZONES)[number];

const MEET_BOILERPLATE =
  '-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-\n' +
  'Join with Google Meet: https://meet.google.com/%MEET%\n\nJoin by phone\n(US) +1 202-555-0%NUM% PIN: 123456789\n\n' +
  'Learn more about Meet at: https://support.google.com/a/users/answer/9282720\n\n' +
  'Please do not edit this section.\n-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-';

const encoder = new TextEncoder();

/** Folds at 75 octets without splitting a UTF-8 sequence (what Google's exporter does). */
function fold(line: string): string {
  if (line.length <= 75 && encoder.encode(line).length <= 75) return line;
  // eslint-disable-next-line no-control-regex -- an ASCII-only line folds by string length
  if (/^[\x00-\x7f]*$/.test(line)) return line.match(/^.{1,75}|.{1,74}/g)!.join('\r\n ');
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Wall-clock fields of `ms` read as UTC: the generator picks local times directly. */
export function wall(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

function dateOnly(ms: number): string {
  return wall(ms).slice(0, 8);
}

function timeProp(name: string, zone: Zone, localMs: number): string {
  return zone === 'UTC' ? `${name}:${wall(localMs)}Z` : `${name};TZID=${zone}:${wall(localMs)}`;
}

/** Google-export-shaped iCal text. Same options, same text. */
export function generateFeed(options: GenerateFeedOptions = {}): string {
  const total = options.events ?? 5000;
  const seriesCount = Math.min(options.weeklySeries ?? 618, total);
  const overrideCount = Math.min(options.overrides ?? 177, total - seriesCount);
  const exdateCount = options.exdates ?? 287;
  const now = options.now ?? GENERATOR_NOW;
  const rand = seededRandom(options.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'.charAt(int(0, 15))).join('');
  const stamp = wall(now) + 'Z';

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:you@example.org',
    'X-WR-TIMEZONE:Europe/Rome',
    ROME,
    NEW_YORK,
  ];

  const person = () => {
    const first = pick(FIRST);
    const last = pick(LAST);
    return { name: `${first} ${last}`, email: `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + `@example.${rand() < 0.5 ? 'com' : 'org'}` };
  };

  const body = (uid: string, summary: string, extra: string[] = []) => {
    const organizer = person();
    const meet = `${hex(3)}-${hex(4)}-${hex(3)}`;
    const hasMeet = rand() < 0.25;
    const description = [
      `Agenda for ${summary}: ${pick(MEETINGS)}, then questions. Notes in the shared folder.`,
      rand() < 0.2 ? `Se non riesci a collegarti chiama il ${int(300, 399)} ${int(100, 999)} ${int(1000, 9999)}, grazie. È importante, perché l'ordine del giorno è lungo.` : '',
      hasMeet ? MEET_BOILERPLATE.replace('%MEET%', meet).replace('%NUM%', pad(int(100, 199), 3)) : '',
    ].join('\n');
    const attendees = [organizer, ...(rand() < 0.15 ? [person()] : []), person(), { name: 'You', email: 'you@example.org' }];
    const out = [
      `DTSTAMP:${stamp}`,
      `ORGANIZER;CN=${organizer.name}:mailto:${organizer.email}`,
      `UID:${uid}`,
      ...attendees.map((a, i) => `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${i === 0 || rand() < 0.7 ? 'ACCEPTED' : 'NEEDS-ACTION'};CN=${a.name};X-NUM-GUESTS=0:mailto:${a.email}`),
      ...(hasMeet ? [`X-GOOGLE-CONFERENCE:https://meet.google.com/${meet}`] : []),
      `CREATED:${stamp}`,
      `DESCRIPTION:${escapeText(description)}`,
      `LAST-MODIFIED:${stamp}`,
      `LOCATION:${escapeText(rand() < 0.5 ? 'Sala Riunioni 3, Via Roma 1, Milano' : '')}`,
      `SEQUENCE:${int(0, 2)}`,
      ...extra,
      `SUMMARY:${escapeText(summary)}`,
      `TRANSP:${rand() < 0.1 ? 'TRANSPARENT' : 'OPAQUE'}`,
      'END:VEVENT',
    ];
    return out;
  };

  const title = (interviewChance: number) => (rand() < interviewChance ? pick(INTERVIEWS) : pick(MEETINGS));
  const emit = (props: string[]) => {
    for (const line of props) lines.push(line.includes('\n') ? line : fold(line));
  };

  // Weekly series: the local start is picked as wall time, so occurrence k is start + 7k·interval days.
  interface Series {
    uid: string;
    zone: Zone;
    startLocal: number;
    interval: number;
    minutes: number;
    lastIndex: number;
    rule: string;
    exdates: string[];
  }
  const series: Series[] = [];
  for (let i = 0; i < seriesCount; i++) {
    const zone = pick(ZONES);
    const startDay = Math.floor((now - int(30, 6 * 365) * DAY) / DAY) * DAY;
    const startLocal = startDay + int(8, 18) * 3_600_000 + pick([0, 30]) * 60_000;
    const interval = rand() < 0.8 ? 1 : 2;
    const minutes = pick([30, 45, 60, 60, 90]);
    const uid = `${hex(26)}@google.com`;
    const kind = rand();
    let rule = `RRULE:FREQ=WEEKLY;WKST=MO${interval > 1 ? `;INTERVAL=${interval}` : ''}`;
    const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(startLocal).getUTCDay()];
    let lastIndex = Math.floor((now + 60 * DAY - startLocal) / (7 * interval * DAY));
    if (kind < 0.45) {
      // Ended in the past: most long-lived calendars are full of these.
      const until = startLocal + int(4, 200) * 7 * interval * DAY;
      lastIndex = Math.floor((until - startLocal) / (7 * interval * DAY));
      rule += `;UNTIL=${wall(until + DAY)}Z`;
    } else if (kind < 0.52) {
      const count = int(5, 40);
      lastIndex = count - 1;
      rule += `;COUNT=${count}`;
    }
    rule += `;BYDAY=${weekday}`;
    series.push({ uid, zone, startLocal, interval, minutes, lastIndex, rule, exdates: [] });
  }

  const occurrence = (s: Series, k: number) => s.startLocal + k * 7 * s.interval * DAY;
  /** Mostly recent occurrences, so overrides and EXDATEs matter in the product's window. */
  const someIndex = (s: Series) => {
    const current = Math.max(0, Math.min(s.lastIndex, Math.floor((now - s.startLocal) / (7 * s.interval * DAY))));
    return rand() < 0.5 ? Math.max(0, Math.min(s.lastIndex, current + int(-2, 3))) : int(0, Math.max(0, s.lastIndex));
  };

  // EXDATEs are extra lines of the master, as Google writes them.
  for (let i = 0; i < exdateCount && series.length > 0; i++) {
    const s = pick(series);
    s.exdates.push(timeProp('EXDATE', s.zone, occurrence(s, someIndex(s))));
  }
  for (const s of series) {
    lines.push('BEGIN:VEVENT');
    emit([timeProp('DTSTART', s.zone, s.startLocal), timeProp('DTEND', s.zone, s.startLocal + s.minutes * 60_000), s.rule, ...s.exdates, ...body(s.uid, title(0.01))]);
  }

  for (let i = 0; i < overrideCount && series.length > 0; i++) {
    const s = pick(series);
    const original = occurrence(s, someIndex(s));
    const cancelled = rand() < 0.3;
    const moved = original + pick([1, 2, 24, 48, -1]) * 3_600_000;
    lines.push('BEGIN:VEVENT');
    emit([
      timeProp('DTSTART', s.zone, moved),
      timeProp('DTEND', s.zone, moved + s.minutes * 60_000),
      ...body(s.uid, title(0.05), [timeProp('RECURRENCE-ID', s.zone, original), ...(cancelled ? ['STATUS:CANCELLED'] : ['STATUS:CONFIRMED'])]).filter((line) => !line.startsWith('STATUS')),
    ]);
  }

  const singles = total - seriesCount - overrideCount;
  for (let i = 0; i < singles; i++) {
    const zone = pick(ZONES);
    const near = rand() < 0.08;
    const day = Math.floor((near ? now + int(-2, 20) * DAY : now - int(0, 5 * 365) * DAY + int(0, 60) * DAY) / DAY) * DAY;
    const startLocal = day + int(7, 19) * 3_600_000 + pick([0, 15, 30, 45]) * 60_000;
    const uid = `${hex(26)}@google.com`;
    lines.push('BEGIN:VEVENT');
    if (rand() < 0.05) {
      emit([`DTSTART;VALUE=DATE:${dateOnly(day)}`, `DTEND;VALUE=DATE:${dateOnly(day + DAY)}`, ...body(uid, title(0.03), ['STATUS:CONFIRMED'])]);
    } else {
      const minutes = pick([15, 30, 45, 60, 60, 90, 120]);
      emit([timeProp('DTSTART', zone, startLocal), timeProp('DTEND', zone, startLocal + minutes * 60_000), ...body(uid, title(0.03), ['STATUS:CONFIRMED'])]);
    }
  }

  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}
