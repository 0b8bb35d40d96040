// Google Calendar sync benchmark (issue 3): a full sync of 2,500 generated events against the
// fake API (tests/fakes/google-calendar-api.ts) in Node, then an incremental poll with no
// changes. Printed, not asserted; scripts/bench.ts prints its figures (the poll's budget:
// exactly one request, well under 1 KB).
//
//   node --import tsx scripts/bench-google.ts
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { syncCalendar } from '../src/calendar/google-calendar.ts';
import type { GoogleClient } from '../src/calendar/google-calendar.ts';
import { defaultSettings } from '../src/core/settings.ts';
import { FakeGoogleCalendarApi } from '../tests/fakes/google-calendar-api.ts';
import type { FakeEvent, Json } from '../tests/fakes/google-calendar-api.ts';
import { seededRandom } from '../tests/fakes/seeded-random.ts';
import type { PartFigure } from './bench-figure.ts';
import { MINUTE } from '../src/core/units.ts';

const EVENTS = 2_500;
const RUNS = 5;
const CALENDAR = 'bench@example.org';

export interface SyncCost {
  requests: number;
  bytes: number;
  ms: number;
}


/** A busy working calendar: meetings with long HTML descriptions, attendees, conference data. */
function generate(now: number): FakeEvent[] {
  const random = seededRandom(42);
  const iso = (ms: number) => new Date(ms).toISOString();
  return Array.from({ length: EVENTS }, (_, n) => {
    const start = now - 12 * 60 * MINUTE + Math.floor(random() * 14 * 24 * 60) * MINUTE;
    const interview = n % 12 === 0;
    const attendees: Json[] = Array.from({ length: 2 + Math.floor(random() * 8) }, (_, i) => ({
      email: `person${(n * 7 + i) % 300}@acme.example`,
      displayName: `Person ${(n * 7 + i) % 300}`,
      responseStatus: i % 3 === 0 ? 'tentative' : 'accepted',
    }));
    attendees.push({ email: CALENDAR, displayName: 'Me', responseStatus: 'accepted', self: true });
    const entryPoints: Json[] = [
      { entryPointType: 'video', uri: 'https://meet.google.com/abc-defg-hij', label: 'meet.google.com/abc-defg-hij' },
      { entryPointType: 'phone', uri: 'tel:+39-02-0000-1234', label: '+39 02 0000 1234', pin: '123456789' },
    ];
    return {
      id: `evt${n.toString(36)}x${Math.floor(random() * 1e9).toString(36)}`,
      summary: interview ? `Phone interview with Company ${n}` : `Meeting ${n}: roadmap and planning`,
      description: `<p>Agenda for meeting ${n}.</p>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.</p>'.repeat(1 + Math.floor(random() * 12))}`,
      location: random() < 0.3 ? 'Room 4.2, Via Roma 1, Milano' : '',
      start: { dateTime: iso(start), timeZone: 'Europe/Rome' },
      end: { dateTime: iso(start + (30 + Math.floor(random() * 4) * 15) * MINUTE), timeZone: 'Europe/Rome' },
      organizer: { email: `person${n % 300}@acme.example`, displayName: `Person ${n % 300}` },
      creator: { email: `person${n % 300}@acme.example` },
      attendees,
      hangoutLink: 'https://meet.google.com/abc-defg-hij',
      conferenceData: {
        entryPoints,
        conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet', iconUri: 'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png' },
        conferenceId: 'abc-defg-hij',
      },
      reminders: { useDefault: true },
      iCalUID: `evt${n}@google.com`,
      sequence: 0,
    };
  });
}

/** The same full sync's bytes without a `fields` selector, for comparison. */
async function bytesWithoutFields(api: FakeGoogleCalendarApi, now: number): Promise<number> {
  let bytes = 0;
  let pageToken: string | undefined;
  do {
    const params = new URLSearchParams({ singleEvents: 'true', maxResults: '1000', timeMin: new Date(now - 24 * 60 * MINUTE).toISOString(), timeMax: new Date(now + 14 * 24 * 60 * MINUTE).toISOString() });
    if (pageToken) params.set('pageToken', pageToken);
    const response = await fetch(`${api.baseUrl}/calendars/${encodeURIComponent(CALENDAR)}/events?${params}`, { headers: { Authorization: 'Bearer bench-token' } });
    const body = await response.arrayBuffer();
    bytes += body.byteLength;
    pageToken = (JSON.parse(new TextDecoder().decode(body)) as { nextPageToken?: string }).nextPageToken;
  } while (pageToken);
  return bytes;
}

function stats(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

export async function benchGoogleSync(): Promise<{ fullSync: SyncCost; unchangedPoll: SyncCost; figures: PartFigure[] }> {
  const api = await new FakeGoogleCalendarApi().listen(0);
  try {
    const now = Date.now();
    api.addCalendar(CALENDAR, { primary: true });
    api.putEvents(CALENDAR, generate(now));
    api.validTokens.add('bench-token');
    const client: GoogleClient = { fetch: (url, init) => fetch(url, init), tokens: { get: async () => 'bench-token', refresh: async () => 'bench-token' }, apiBase: api.baseUrl };
    const request = { calendarId: CALENDAR, rules: defaultSettings.rules, now };

    const fullRuns: SyncCost[] = [];
    const pollRuns: SyncCost[] = [];
    let interviews = 0;
    for (let run = 0; run < RUNS; run += 1) {
      let started = performance.now();
      const full = await syncCalendar(client, request);
      fullRuns.push({ requests: full.requests, bytes: full.bytes, ms: performance.now() - started });
      if (full.kind === 'full') interviews = Object.keys(full.interviews).length;
      started = performance.now();
      const poll = await syncCalendar(client, { ...request, syncToken: full.cursor });
      pollRuns.push({ requests: poll.requests, bytes: poll.bytes, ms: performance.now() - started });
      if (poll.kind !== 'unchanged') throw new Error(`the poll without changes came back as ${poll.kind}`);
    }
    const median = (runs: SyncCost[]): SyncCost => ({ requests: runs[0]!.requests, bytes: runs[0]!.bytes, ms: stats(runs.map((r) => r.ms)).median });
    const fullSync = median(fullRuns);
    const unfiltered = await bytesWithoutFields(api, now);
    const unchangedPoll = median(pollRuns);
    const note = `Node against the fake API; ${interviews} interviews found`;
    const figures: PartFigure[] = [
      { id: 'full.requests', label: `Full sync of ${EVENTS} events: requests`, unit: 'requests', median: fullSync.requests, min: fullSync.requests, max: fullSync.requests, runs: RUNS },
      { id: 'full.bytes', label: `Full sync of ${EVENTS} events: response bytes (with \`fields\`)`, unit: 'bytes', median: fullSync.bytes, min: fullSync.bytes, max: fullSync.bytes, runs: RUNS },
      { id: 'full.bytesWithoutFields', label: `Full sync of ${EVENTS} events: response bytes if \`fields\` were left out`, unit: 'bytes', median: unfiltered, min: unfiltered, max: unfiltered, runs: 1 },
      { id: 'full.ms', label: `Full sync of ${EVENTS} events: time`, unit: 'ms', ...stats(fullRuns.map((r) => r.ms)), runs: RUNS, note },
      // Issue 3: an unchanged incremental poll is exactly one request, well under 1 KB.
      { id: 'poll.requests', label: 'Unchanged incremental poll: requests', unit: 'requests', median: unchangedPoll.requests, min: unchangedPoll.requests, max: unchangedPoll.requests, runs: RUNS, budget: { max: 1, min: 1, enforced: false, text: 'exactly 1' } },
      { id: 'poll.bytes', label: 'Unchanged incremental poll: response bytes', unit: 'bytes', median: unchangedPoll.bytes, min: unchangedPoll.bytes, max: unchangedPoll.bytes, runs: RUNS, budget: { max: 1024, enforced: false, text: '< 1 KB' } },
      { id: 'poll.ms', label: 'Unchanged incremental poll: time', unit: 'ms', ...stats(pollRuns.map((r) => r.ms)), runs: RUNS },
    ];
    return { fullSync, unchangedPoll, figures };
  } finally {
    await api.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { fullSync, unchangedPoll } = await benchGoogleSync();
  console.log(JSON.stringify({ fullSync, unchangedPoll }, null, 2));
}
