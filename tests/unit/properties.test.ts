/**
 * Property-based proof of issue 6, "Hostile and broken input": whatever a calendar invite
 * holds — missing fields, wrong types, markup, lookalike links, control and bidi characters,
 * header injection, 100 KB strings, 500 attendees — detection, extraction, the timeline, the
 * templates and the compose links never throw, never print `undefined`/`null`/`NaN`, and a
 * compose link always reads back as at most one vetted recipient and exactly the text we meant.
 * An iCal feed, however mangled, gives clean interviews or a `SyncError`, never anything else.
 *
 * Every run uses a fixed seed so a failure is reproducible; fast-check prints the seed and
 * the shrunk counterexample. `FC_SEED=<n>` explores another corner of the input space and
 * `FC_RUNS_SCALE=<k>` multiplies every run count.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CalendarEvent, DetectionRules, Interview, Locale, Marks, TemplateKind } from '../../src/core/types.ts';
import type { Settings, Timing } from '../../src/core/settings.ts';
import { defaultSettings } from '../../src/core/settings.ts';
import { defaultRules } from '../../src/core/default-rules.ts';
import { detectInterview, occurrenceDetection, type DetectOptions } from '../../src/core/detect-interview.ts';
import { isValidEmail } from '../../src/core/extract.ts';
import { isReminderKind, planTimeline } from '../../src/core/plan-timeline.ts';
import { waitState } from '../../src/core/wait-state.ts';
import { currentReminder, parseReminderKey, reminderKey } from '../../src/core/current-reminder.ts';
import { defaultTemplates, renderTemplate, templateKinds, type TemplateContext } from '../../src/core/render-template.ts';
import { gmailComposeUrl, isSingleAddress, mailtoUrl, outlookComposeUrl, type Draft } from '../../src/core/compose-url.ts';
import { buildDraft } from '../../src/core/build-draft.ts';
import { parseIcalFeed, type IcalParseOptions } from '../../src/calendar/ical-feed.ts';
import { SyncError } from '../../src/calendar/source-types.ts';
import { DAY, MINUTE, START, makeInterview } from './fixtures.ts';

const SEED = process.env.FC_SEED !== undefined && Number.isSafeInteger(Number(process.env.FC_SEED)) ? Number(process.env.FC_SEED) : 20_261_126;
/** `FC_RUNS_SCALE=50` for a long bug hunt; the default keeps the file under ten seconds on two cores. */
const RUNS_SCALE = Number(process.env.FC_RUNS_SCALE) > 0 ? Number(process.env.FC_RUNS_SCALE) : 1;

function runs(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.ceil(numRuns * RUNS_SCALE) };
}

/** The instants `Date` can represent. */
const MAX_INSTANT = 8.64e15;

// =============================================================================================
// Characters and strings an attacker (or a broken client) can put in an invite

function charRange(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
}

/** C0 and C1 controls, line breaks of every flavour, bidi controls, zero-width characters,
 * BOM, soft hyphen, odd spaces and lone surrogates. */
const DANGEROUS_UNITS = [
  ...charRange(0x00, 0x1f),
  ...charRange(0x7f, 0x9f),
  '\u00A0', '\u00AD', '\u061C', '\u1680', '\u180E', '\u2000', '\u200A',
  ...charRange(0x200b, 0x200f),
  '\u2028', '\u2029',
  ...charRange(0x202a, 0x202f),
  ...charRange(0x2060, 0x2064),
  ...charRange(0x2066, 0x2069),
  '\u3000', '\uFEFF', '\uFFFD', '\uFFFE',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D',
];

const PLAIN_UNITS = 'abcdeijkmnorstuvwxyzACEGIRSTZ0123456789 '.split('');
const PUNCTUATION_UNITS = '.,;:-_@+#()<>/"\'`&=?%|[]{}\\*!~$^'.split('');

const unit = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PLAIN_UNITS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION_UNITS) },
  { weight: 3, arbitrary: fc.constantFrom(...DANGEROUS_UNITS) },
  // Any UTF-16 code unit, lone surrogates included.
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

const noise = fc.string({ unit, maxLength: 30 });

/** Pieces of real and hostile invites, mixed into the noise. */
const FRAGMENTS = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">Join</a>',
  '<b>Interview</b>', '&lt;b&gt;', '&amp;', '&nbsp;', '<br>', '</a>', '<',
  'javascript:alert(document.cookie)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>',
  'data:text/html,https://zoom.us/j/123', 'vbscript:msgbox', 'http://meet.google.com/abc-defg-hij',
  'https://meet.google.com/abc-defg-hij', 'https://zoom.us/j/1234567890?pwd=abc', 'https://acme.zoom.us/j/55',
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting', 'https://teams.live.com/meet/123',
  'https://meet.google.com.evil.com/abc', 'https://zoom.us.evil.example/j/1', 'https://evilzoom.us/j/1',
  'https://zoom.us@evil.com/', 'https://user:pw@meet.google.com/x', 'https://zoom.us:8443/j/1',
  'https://xn--zom-ipa.us/j/1', 'https://ｚｏｏｍ.us/j/1', 'https://meet.google.com./x', 'https://evil.com/?u=https://zoom.us/j/1',
  'https://www.google.com/url?q=https://meet.google.com/abc&sa=D', 'HTTPS://MEET.GOOGLE.COM/ABC',
  'a@b.com\r\nBcc: x@y.com', 'a@b.com\nCc: x@y.com', 'a@b.com, c@d.com', 'a@b.com;c@d.com', '"Eve" <eve@evil.com>',
  'eve@evil.com%0d%0abcc:x@y.com', 'giulia.rossi@acme.example', 'hr+jobs@acme.co.uk', "o'brien@acme.com",
  'anna@società.it', 'x@group.calendar.google.com', 'me@example.com', 'a%b@c.com', '@', 'a@', '@b.com',
  'tel:+39 055 123 4567', '+39 055 123 4567', '+1 (415) 555-0100', '333 123 4567', '02/1234/5678',
  'Meeting ID: 987 654 3210', 'PIN: 1234#', '2026-11-26', '10:00-10:30', '12345678901234567890',
  '#interview', '#colloquio', '#Interview', 'abc#interview', 'Interview', 'interview', 'INTERVIEW', 'Colloquio',
  'colloquio conoscitivo', 'Selezióne', 'SELEZIONE', 'phone screen', 'Technical Interview', 'intervista',
  '{candidatePhone}', '{interviewerName}', '[x|y]', ']', '|', '[', '{', '}', '—', '–', '·', ':', ' - ', 'w/',
  '\u202Eevil\u202C', '\u2066x\u2069', 'in\u200Bterview', '\uFEFF', '\r\n', '\n\n\n', '\t', '\u0000', '\u001B[31m',
  '😀', '👩🏽‍💻', 'e\u0301', 'ﬁ', 'İ', 'ß',
];

const fragment = fc.constantFrom(...FRAGMENTS);

const hostileText = fc
  .array(fc.oneof({ weight: 1, arbitrary: noise }, { weight: 2, arbitrary: fragment }), { maxLength: 6 })
  .map((parts) => parts.join(''));

/** Up to ~100 KB; the cut may split a surrogate pair, which is one more hostile case. */
const hugeText = fc
  .tuple(fc.oneof(hostileText, fragment).filter((s) => s.length > 0), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([seed, length]) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length));

const anyText = fc.oneof({ weight: 12, arbitrary: hostileText }, { weight: 1, arbitrary: hugeText });

/** What JSON (or a buggy client, or storage) can hand over instead of the type we expect. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, 0, -0, true, false, '', [], {}),
  fc.double(),
  fc.integer(),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.anything({ maxDepth: 2, maxKeys: 3, withNullPrototype: true, withBigInt: true, withDate: true }),
);

/** A field that is usually what the API says it is, and otherwise missing, wrong or hostile. */
function field<T>(valid: fc.Arbitrary<T>, weights: { valid?: number; hostile?: number; wrong?: number } = {}): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: weights.valid ?? 6, arbitrary: valid as fc.Arbitrary<unknown> },
    { weight: weights.hostile ?? 2, arbitrary: anyText as fc.Arbitrary<unknown> },
    { weight: weights.wrong ?? 1, arbitrary: wrongType },
  );
}

// =============================================================================================
// Google Calendar API events

const COMPANIES = ['Acme', 'Globex Corporation', 'Initech S.p.A.', 'Rossi & Figli S.r.l.', 'Ünïcödé GmbH', 'Stark Industries', 'Café Milano'];
const ROLES = ['Backend Engineer', 'Senior Frontend Developer', 'Data Analyst', 'Sviluppatore Java', 'Product Manager', 'UX Designer', 'Stagista marketing'];
const PEOPLE = ['Giulia Rossi', 'John Smith', 'Ana María López', 'Chloé Dubois', 'Łukasz Nowak', '李雷', 'Maria'];
const KEYWORDS = [...defaultRules.keywords, 'Interview', 'COLLOQUIO', 'Selezióne', 'Phone Screen', 'Colloquio Conoscitivo'];

/** Realistic titles in English and Italian, with and without keywords and tags. */
const realisticTitle = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYWORDS), fc.constantFrom(...COMPANIES), fc.constantFrom(...ROLES)).chain(([keyword, company, role]) =>
    fc.constantFrom(
      `${keyword} with ${company}`,
      `${keyword} with ${company} for ${role}`,
      `${keyword} for the ${role} position at ${company}`,
      `${company} — ${keyword} (${role})`,
      `${role} | ${company} | ${keyword}`,
      `${keyword} con ${company} per ${role}`,
      `${keyword}: ${company} - ${role}`,
      `${company} · ${role} · ${keyword} #interview`,
      `Chiamata ${company} #colloquio`,
      `${keyword} w/ ${company}`,
    ),
  ),
  fc.constantFrom('Team sync', 'Dentist', 'Pranzo con Marco', 'Standup', 'Interviewing skills workshop', 'Preinterview prep', '1:1', ''),
);

const offsetMinutes = fc.integer({ min: -12 * 60, max: 14 * 60 });

function rfc3339(ms: number, offset: number, fraction: boolean): string {
  const local = new Date(ms + offset * MINUTE).toISOString().slice(0, fraction ? 23 : 19);
  if (offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Around the fixtures' interview instant, and anywhere between 1970 and 2100. */
const instant = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -7 * 24 * 60, max: 7 * 24 * 60 }).map((minutes) => START + minutes * MINUTE) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }) },
);

const ZONES = ['Europe/Rome', 'America/New_York', 'Asia/Tokyo', 'UTC', 'Etc/GMT+5', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'];
const timeZone = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ZONES) },
  { weight: 1, arbitrary: fc.constantFrom('Invalid/Zone', '', 'europe/rome', 'Europe/Rome\u0000', 'x'.repeat(65), '../../etc/passwd') },
);

const BROKEN_DATE_TIMES = [
  '2026-11-26T15:00:00', '2026-11-26 15:00:00+01:00', '2026-11-26T25:00:00Z', '2026-13-40T10:00:00Z', '2026-11-26',
  'tomorrow', '', 'T', '2026-11-26T15:00:00+1:00', '2026-11-26T15:00:00.123456789012Z', '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59+14:00', '0000-01-01T00:00:00-12:00', '2026-11-26t15:00:00z', '2026-11-26T15:00:00\u0000Z',
];

/** A start and an end that usually make a valid timed slot. */
const timedSlot = fc
  .record({
    start: instant,
    duration: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 180 }) }, { weight: 1, arbitrary: fc.integer({ min: -600, max: 60 * 24 * 30 }) }),
    startOffset: offsetMinutes,
    endOffset: offsetMinutes,
    fraction: fc.boolean(),
    zone: fc.option(timeZone, { nil: undefined }),
  })
  .map(({ start, duration, startOffset, endOffset, fraction, zone }) => ({
    start: zone === undefined ? { dateTime: rfc3339(start, startOffset, fraction) } : { dateTime: rfc3339(start, startOffset, fraction), timeZone: zone },
    end: zone === undefined ? { dateTime: rfc3339(start + duration * MINUTE, endOffset, fraction) } : { dateTime: rfc3339(start + duration * MINUTE, endOffset, fraction), timeZone: zone },
  }));

const eventDateTime = fc.record(
  {
    dateTime: field(fc.oneof(instant.chain((ms) => offsetMinutes.map((offset) => rfc3339(ms, offset, false))), fc.constantFrom(...BROKEN_DATE_TIMES))),
    date: field(fc.constantFrom('2026-11-26', '2026-02-30', '')),
    timeZone: field(timeZone),
  },
  { requiredKeys: [] },
);

const VALID_EMAILS = ['giulia.rossi@acme.example', 'hr+jobs@acme.co.uk', 'recruiting@globex.com', 'j.smith@initech.it', "o'brien@acme.com", 'a%b@c.com', 'me@example.com', 'ROOM-1@resource.calendar.google.com', 'x@group.calendar.google.com'];
const HOSTILE_EMAILS = [
  'a@b.com\r\nBcc: x@y.com', 'a@b.com\nBcc: x@y.com', 'a@b.com\rCc: x@y.com', 'a@b.com, c@d.com', 'a@b.com;c@d.com', 'a@b.com c@d.com',
  '"Eve" <eve@evil.com>', '<eve@evil.com>', 'eve@evil.com>', 'e\u200Bve@evil.com', 'eve@evil.com\u202E', ' eve@evil.com ', 'eve@evil.com.',
  'eve@@evil.com', 'eve@localhost', 'eve@-evil.com', 'eve..x@evil.com', 'javascript:alert(1)//@evil.com', 'eve@evil.com?bcc=x@y.com',
  'eve@evil.com&bcc=x@y.com', 'eve%0d%0abcc:x@y.com@evil.com', `${'a'.repeat(65)}@evil.com`, 'anna@società.it', 'eve@\uD800.com',
];
const email = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VALID_EMAILS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_EMAILS) },
  { weight: 1, arbitrary: fc.emailAddress() },
);
const displayName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PEOPLE) }, { weight: 1, arbitrary: anyText });

const person = fc.record(
  { email: field(email), displayName: field(displayName), self: field(fc.boolean()) },
  { requiredKeys: [] },
);

const attendee = fc.record(
  {
    email: field(email),
    displayName: field(displayName),
    self: field(fc.boolean()),
    organizer: field(fc.boolean()),
    resource: field(fc.boolean()),
    responseStatus: field(fc.constantFrom('needsAction', 'declined', 'tentative', 'accepted')),
  },
  { requiredKeys: [] },
);

const attendees = fc.oneof(
  { weight: 8, arbitrary: fc.array(attendee, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(attendee, { minLength: 100, maxLength: 500, size: 'max' }) },
);

const PHONE_URIS = ['tel:+1-555-0100', 'tel:+39-02-1234-5678;pin=123456', 'tel:+1 415 555 0100,,123#', 'tel:123', 'tel:', 'tel:+', 'tel:+1234567890123456789', 'tel:javascript:alert(1)', 'sms:+15550100', 'TEL:+44 20 7946 0018'];
const VIDEO_URIS = ['https://meet.google.com/abc-defg-hij', 'https://zoom.us/j/1234567890', 'https://teams.microsoft.com/l/meetup-join/x', 'http://meet.google.com/abc', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'https://meet.google.com.evil.com/x', 'https://zoom.us@evil.com/'];

const entryPoint = fc.record(
  {
    entryPointType: field(fc.constantFrom('video', 'phone', 'sip', 'more')),
    uri: field(fc.constantFrom(...PHONE_URIS, ...VIDEO_URIS)),
    label: field(fc.constantFrom('+1 555-0100', 'meet.google.com/abc-defg-hij', '\u202E0010-555 1+')),
    pin: field(fc.constantFrom('123456', '12\u200B34', '1234#')),
    regionCode: field(fc.constantFrom('US', 'IT')),
  },
  { requiredKeys: [] },
);

const DESCRIPTION_PIECES = [
  'Join Zoom Meeting<br>https://zoom.us/j/1234567890?pwd=abc<br>Meeting ID: 123 456 7890',
  'Dial in: +39 02 1234 5678 (PIN 4321#)',
  'Contact <a href="mailto:giulia.rossi@acme.example">Giulia</a> or call 333 123 4567.',
  '<a href="https://www.google.com/url?q=https://meet.google.com/abc-defg-hij&amp;sa=D">Join</a>',
  'Colloquio conoscitivo per la posizione di Sviluppatore presso Initech. #colloquio',
  'Please call me on +1 (415) 555-0100 at 10:00-10:30 on 2026-11-26.',
];

const description = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...DESCRIPTION_PIECES), hostileText), { maxLength: 5 }).map((parts) => parts.join('\n')) },
  { weight: 1, arbitrary: hugeText },
);

const location = fc.oneof(
  fc.constantFrom('Via Roma 1, Milano', '+39 055 123 4567', 'https://meet.google.com/abc-defg-hij', 'Phone: (415) 555-0100 / 02 1234 5678', 'Zoom'),
  anyText,
);

const hangoutLink = fc.constantFrom(...VIDEO_URIS, ...FRAGMENTS.filter((f) => /:\/\/|:/.test(f)));

const eventId = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-v0-9]{5,26}$/) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'x'.repeat(1025)) },
  { weight: 1, arbitrary: hostileText },
);

/** An event where every field may be missing, of the wrong type or hostile. */
const hostileEvent = fc.record(
  {
    id: field(eventId, { valid: 8 }),
    status: field(fc.constantFrom('confirmed', 'tentative', 'cancelled')),
    summary: field(fc.oneof(realisticTitle, hostileText)),
    description: field(description),
    location: field(location),
    colorId: field(fc.constantFrom('1', '5', '11')),
    eventType: field(fc.constantFrom('default', 'outOfOffice', 'focusTime', 'workingLocation')),
    htmlLink: field(fc.constantFrom('https://www.google.com/calendar/event?eid=abc', 'javascript:alert(1)')),
    hangoutLink: field(hangoutLink),
    start: field(fc.oneof(eventDateTime, timedSlot.map((s) => s.start)), { valid: 8 }),
    end: field(fc.oneof(eventDateTime, timedSlot.map((s) => s.end)), { valid: 8 }),
    organizer: field(person),
    attendees: field(attendees),
    conferenceData: field(fc.record({ entryPoints: field(fc.array(entryPoint, { maxLength: 6 })) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<unknown> as fc.Arbitrary<CalendarEvent>;

/** An event as Google would send it, with hostile text only where the sender writes it. */
const plausibleEvent = fc
  .record({
    id: fc.stringMatching(/^[a-v0-9]{5,26}$/),
    status: fc.constantFrom('confirmed', 'tentative', undefined),
    summary: realisticTitle,
    description: fc.option(description, { nil: undefined }),
    location: fc.option(location, { nil: undefined }),
    hangoutLink: fc.option(hangoutLink, { nil: undefined }),
    slot: timedSlot,
    organizer: fc.option(
      fc.record({ email: email, displayName: fc.option(displayName, { nil: undefined }), self: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['email'] }),
      { nil: undefined },
    ),
    attendees: fc.option(attendees, { nil: undefined }),
    entryPoints: fc.option(fc.array(entryPoint, { maxLength: 4 }), { nil: undefined }),
  })
  .map(({ slot, entryPoints, ...rest }) => {
    const event: Record<string, unknown> = { ...rest, start: slot.start, end: slot.end };
    if (entryPoints) event.conferenceData = { entryPoints };
    for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
    return event as unknown as CalendarEvent;
  });

/** A hostile event that still passes the exclusions (timed, not cancelled, not declined), so
 * that its hostile fields reach extraction instead of stopping at the first check. */
const hostileInterviewEvent = fc
  .tuple(hostileEvent, timedSlot, fc.stringMatching(/^[a-v0-9]{5,26}$/), hostileText, fc.constantFrom(...KEYWORDS, '#interview', '#colloquio'), hostileText)
  .map(([event, slot, id, before, keyword, after]) => {
    const hostile = event as unknown as Record<string, unknown>;
    const list = hostile.attendees;
    const attendeesKept = Array.isArray(list) ? list.filter((a: unknown) => !(a !== null && typeof a === 'object' && (a as Record<string, unknown>).self === true && (a as Record<string, unknown>).responseStatus === 'declined')) : list;
    const merged: Record<string, unknown> = { ...hostile, id, summary: `${before} ${keyword} ${after}`, start: slot.start, end: slot.end, attendees: attendeesKept };
    delete merged.status;
    delete merged.eventType;
    return merged as unknown as CalendarEvent;
  });

const anyEvent = fc.oneof(
  { weight: 3, arbitrary: hostileEvent },
  { weight: 3, arbitrary: hostileInterviewEvent },
  { weight: 3, arbitrary: plausibleEvent },
  { weight: 1, arbitrary: wrongType as fc.Arbitrary<CalendarEvent> },
);

const hostileRules = fc.record(
  {
    tags: field(fc.array(fc.oneof(fc.constantFrom('#interview', '#colloquio', '#', ''), hostileText), { maxLength: 5 })),
    keywords: field(fc.array(fc.oneof(fc.constantFrom(...KEYWORDS, 'a', ' ', ''), hostileText), { maxLength: 12 })),
    calendars: field(fc.array(fc.constantFrom('primary', 'work@example.com'), { maxLength: 2 })),
    colors: field(fc.array(fc.constantFrom('1', '5', '11'), { maxLength: 2 })),
    overrides: field(fc.dictionary(fc.constantFrom('evt1', '__proto__', 'constructor', 'abcde'), fc.constantFrom('interview', 'not-interview', 'maybe'))),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<unknown> as fc.Arbitrary<DetectionRules>;

const rules = fc.oneof({ weight: 3, arbitrary: fc.constant(defaultRules) }, { weight: 1, arbitrary: hostileRules });

const detectOptions = fc.record(
  {
    source: fc.constantFrom('google', 'ical', 'demo', 'manual'),
    calendarId: fc.option(fc.constantFrom('primary', 'work@example.com'), { nil: undefined }),
    selfEmail: fc.option(fc.oneof(fc.constantFrom('me@example.com', ' ME@example.com '), anyText), { nil: undefined }),
  },
  { requiredKeys: ['source'] },
) as fc.Arbitrary<DetectOptions>;

// =============================================================================================
// Oracles

/** Control characters (C0, C1), bidi controls, zero-width and other invisible format
 * characters, line/paragraph separators and lone surrogates: none may survive cleaning. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNCLEAN = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The same for multi-line text, where only the newline is allowed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNCLEAN_MULTILINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
const LEAKED_VALUE = /undefined|null|NaN|Infinity|\[object/;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const VIDEO_HOSTS = ['meet.google.com', 'zoom.us', 'teams.microsoft.com', 'teams.live.com'];

/** Would this input, once cleaned, spell one of the words a leaked value prints? Such input
 * is the sender's own text and may appear in a draft; every other input must not produce them. */
function spellsLeakedValue(text: string): boolean {
  return /undefined|null|NaN|Infinity|object/.test(text.replace(/[^A-Za-z]/g, ''));
}

/** Every string inside a value (bounded depth), for deciding whether its text is excusable. */
function stringsIn(value: unknown, depth = 0, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (depth < 6 && value !== null && typeof value === 'object') {
    for (const item of Object.values(value as Record<string, unknown>)) stringsIn(item, depth + 1, out);
  }
  return out;
}

function assertClean(value: string | undefined, maxLength: number, what: string): void {
  if (value === undefined) return;
  assert.equal(typeof value, 'string', what);
  assert.ok(!UNCLEAN.test(value), `${what} holds a control, bidi or invisible character: ${JSON.stringify(value)}`);
  assert.ok(value.length <= maxLength, `${what} is ${value.length} long (cap ${maxLength})`);
  assert.equal(value, value.trim(), `${what} is not trimmed`);
}

function assertSingleRecipient(address: string, what: string): void {
  assert.ok(isSingleAddress(address), `${what}: ${JSON.stringify(address)}`);
  assert.ok(!/[\s,;<>"]/.test(address), `${what} holds a separator: ${JSON.stringify(address)}`);
  assert.equal(address.split('@').length, 2, `${what} holds more than one @`);
}

/** A dial string that can go after `tel:` and nothing else. The 7–15 digit range has a
 * property of its own below. */
function assertDialIsSafe(dial: string): void {
  assert.match(dial, /^\+?\d+$/, `dial ${JSON.stringify(dial)}`);
}

function assertDialIsPhoneNumber(dial: string): void {
  assert.match(dial, /^\+?\d{7,15}$/, `dial ${JSON.stringify(dial)}`);
}

function assertInterviewIsClean(interview: Interview, checkDial: (dial: string) => void = assertDialIsSafe): void {
  assertClean(interview.title, 200, 'title');
  assertClean(interview.company, 60, 'company');
  assertClean(interview.role, 60, 'role');
  assertClean(interview.interviewer.name, 80, 'interviewer name');
  const address = interview.interviewer.email;
  if (address !== undefined) {
    assert.ok(isValidEmail(address), `interviewer email ${JSON.stringify(address)} is not valid`);
    assert.ok(!/[\s,;<>\r\n]/.test(address), `interviewer email ${JSON.stringify(address)} holds a separator`);
    assert.equal(address.split('@').length, 2);
  }
  assert.ok(Array.isArray(interview.phones));
  for (const phone of interview.phones) {
    checkDial(phone.dial);
    assertClean(phone.display, 40, 'phone display');
    assertClean(phone.pin, 32, 'phone pin');
  }
  if (interview.videoUrl !== undefined) {
    const url = new URL(interview.videoUrl);
    assert.equal(url.protocol, 'https:', interview.videoUrl);
    assert.equal(url.username + url.password + url.port, '', interview.videoUrl);
    assert.ok(VIDEO_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`)), `video host ${url.hostname}`);
    assert.ok(!UNCLEAN.test(interview.videoUrl), interview.videoUrl);
  }
  assert.ok(Number.isFinite(interview.start) && Number.isFinite(interview.end), `start ${interview.start}, end ${interview.end}`);
  assert.ok(interview.end >= interview.start, `end ${interview.end} before start ${interview.start}`);
}

// =============================================================================================
// Detection and extraction

describe('detectInterview on generated Google Calendar events (properties)', () => {
  it('never throws, and every interview it returns holds only clean, validated data', () => {
    fc.assert(
      fc.property(anyEvent, rules, detectOptions, (event, ruleSet, options) => {
        const detection = detectInterview(event, ruleSet, options);
        assert.equal(typeof detection.isInterview, 'boolean');
        if (detection.isInterview) assertInterviewIsClean(detection.interview);
      }),
      runs(800),
    );
  });

  it(
    'gives every phone number a dial string of 7 to 15 digits, conference dial-ins included',
    // Found by this property: conferenceData.entryPoints = [{ entryPointType: 'phone', uri: 'tel:123' }]
    // gave phones = [{ dial: '123' }]; phonesFromConference now takes 7–15 digits like findPhones.
    () => {
      fc.assert(
        fc.property(anyEvent, rules, detectOptions, (event, ruleSet, options) => {
          const detection = detectInterview(event, ruleSet, options);
          if (detection.isInterview) for (const phone of detection.interview.phones) assertDialIsPhoneNumber(phone.dial);
        }),
        runs(800),
      );
    },
  );

  it('detects every well-formed timed event whose title carries a default keyword, whatever the other fields hold', () => {
    // Catches a throw swallowed by detectInterview's last-resort catch: that would read as "no-match".
    const keywordEvent = fc
      .tuple(plausibleEvent, fc.constantFrom(...KEYWORDS), fc.constantFrom('', 'Call: ', 'Acme — '), fc.constantFrom('', ' with Acme', ' (Backend Engineer)'))
      .map(([event, keyword, before, after]) => {
        const withoutDecline = Array.isArray(event.attendees) ? event.attendees.filter((a) => !(a.self === true && a.responseStatus === 'declined')) : undefined;
        return { ...event, status: 'confirmed', summary: `${before}${keyword}${after}`, attendees: withoutDecline };
      });
    fc.assert(
      fc.property(keywordEvent, (event) => {
        const start = Date.parse(String(event.start?.dateTime));
        const end = Date.parse(String(event.end?.dateTime));
        fc.pre(end >= start);
        const detection = detectInterview(event, defaultRules, { source: 'google' });
        assert.equal(detection.isInterview, true, JSON.stringify(detection));
        if (detection.isInterview) {
          assert.equal(detection.interview.start, start);
          assert.equal(detection.interview.end, end);
          assertInterviewIsClean(detection.interview);
        }
      }),
      runs(200),
    );
  });
});

describe('one detection for every occurrence of a series (properties)', () => {
  // The iCal source detects a series' first occurrence in the window and derives the others
  // with occurrenceDetection: each must come out as if it had been detected on its own.
  const when = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
  const occurrenceRules = rules.map((ruleSet) => ({ ...ruleSet, overrides: {} }));
  it('derives what detecting the other occurrence gives, interview or not', () => {
    let interviews = 0;
    fc.assert(
      fc.property(
        fc.oneof(plausibleEvent, hostileInterviewEvent),
        occurrenceRules,
        detectOptions,
        fc.tuple(when, when),
        fc.integer({ min: 0, max: 8 * 60 * MINUTE }),
        fc.constantFrom(undefined, 'Europe/Rome', 'America/New_York', 'Asia/Kolkata'),
        (event, ruleSet, options, [first, other], length, timeZone) => {
          const occurrence = (start: number): CalendarEvent => {
            const at = (ms: number) => (timeZone ? { dateTime: new Date(ms).toISOString(), timeZone } : { dateTime: new Date(ms).toISOString() });
            return { ...event, id: `${String(event.id)}@${new Date(start).toISOString()}`, start: at(start), end: at(start + length) };
          };
          const expected = detectInterview(occurrence(other), ruleSet, options);
          if (expected.isInterview) interviews++;
          const derived = occurrenceDetection(detectInterview(occurrence(first), ruleSet, options), occurrence(other).id, other, other + length);
          assert.deepStrictEqual(derived, expected);
        },
      ),
      runs(400),
    );
    // Most are interviews, or the property would hold trivially.
    assert.ok(interviews > 200, `${interviews} interviews`);
  });
});

// =============================================================================================
// Timeline, wait state, current reminder

/** Settings read back from storage may hold anything in the timing fields. */
const absurdNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 0.5, 14.5, 30.5),
  fc.constantFrom('20', '', null, undefined, true, [], {}),
);

const timing = fc.record(
  {
    confirmLead: absurdNumber,
    getReadyLead: absurdNumber,
    noCallAfter: absurdNumber,
    minWait: absurdNumber,
    maxWait: absurdNumber,
    thankYouDelay: absurdNumber,
  },
  { requiredKeys: [] },
) as fc.Arbitrary<unknown> as fc.Arbitrary<Timing>;

const settings: fc.Arbitrary<Settings> = fc.oneof(fc.constant(defaultSettings.timing), timing).map((t) => ({ ...structuredClone(defaultSettings), timing: t }));

/** Any instant a validated interview can hold: near the fixtures, or anywhere `Date` reaches. */
const storedInstant = fc.oneof(
  { weight: 4, arbitrary: instant },
  { weight: 1, arbitrary: fc.double({ min: -MAX_INSTANT, max: MAX_INSTANT, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(-MAX_INSTANT, MAX_INSTANT, 0) },
);

const interview: fc.Arbitrary<Interview> = fc
  .record({
    start: storedInstant,
    length: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 180 }).map((minutes) => minutes * MINUTE) },
      { weight: 1, arbitrary: fc.double({ min: -MAX_INSTANT, max: MAX_INSTANT, noNaN: true }) },
    ),
  })
  .map(({ start, length }) => makeInterview({ start, end: start + length }));

/** Marks as stored: finite instants (JSON cannot hold NaN), any combination set. */
const marks: fc.Arbitrary<Marks> = fc
  .record(
    {
      connectedAt: storedInstant,
      missedAt: storedInstant,
      doneAt: storedInstant,
      callAttempts: fc.array(storedInstant, { maxLength: 5 }),
      rescheduled: fc.boolean(),
    },
    { requiredKeys: ['callAttempts'] },
  );

const timelineCase = fc.record({ interview, marks, settings, nowOffset: fc.oneof(fc.integer({ min: -3 * DAY, max: 3 * DAY }), fc.double({ min: -2 * MAX_INSTANT, max: 2 * MAX_INSTANT, noNaN: true })) });

describe('timeline, wait state and current reminder (properties)', () => {
  it('planTimeline never throws and gives distinct reminders at finite instants, in order', () => {
    fc.assert(
      fc.property(interview, marks, settings, (iv, m, s) => {
        const reminders = planTimeline(iv, s, m);
        assert.ok(Array.isArray(reminders));
        const kinds = new Set<string>();
        for (const [i, reminder] of reminders.entries()) {
          assert.ok(isReminderKind(reminder.kind), reminder.kind);
          assert.ok(!kinds.has(reminder.kind), `duplicate ${reminder.kind}`);
          kinds.add(reminder.kind);
          assert.ok(Number.isFinite(reminder.at), `${reminder.kind} at ${reminder.at}`);
          if (i > 0) assert.ok(reminders[i - 1]!.at <= reminder.at, 'out of order');
        }
      }),
      runs(1500),
    );
  });

  it('waitState never throws and gives whole, finite, non-negative minutes', () => {
    fc.assert(
      fc.property(timelineCase, ({ interview: iv, marks: m, settings: s, nowOffset }) => {
        const now = iv.start + nowOffset;
        const state = waitState(iv, m, now, s);
        assert.ok(['upcoming', 'waiting', 'may-stop', 'stop-waiting', 'needs-outcome', 'connected', 'missed', 'called-back', 'no-show', 'asked-to-call', 'done'].includes(state.phase), state.phase);
        for (const minutes of [state.minutesWaited, state.minutesLeft]) {
          assert.ok(Number.isSafeInteger(minutes) || (Number.isInteger(minutes) && Number.isFinite(minutes)), `minutes ${minutes}`);
          assert.ok(minutes >= 0, `minutes ${minutes}`);
        }
        assert.ok(state.minutesLeft <= 30, `minutesLeft ${state.minutesLeft} beyond the maximum wait`);
      }),
      runs(1500),
    );
  });

  it('names every planned reminder with a key that reads back as the same reminder', () => {
    // Instants from detection are whole, non-negative milliseconds (Date.parse of RFC 3339).
    const detected = fc.record({ start: instant, minutes: fc.integer({ min: 0, max: 600 }) }).map(({ start, minutes }) => makeInterview({ start, end: start + minutes * MINUTE }));
    fc.assert(
      fc.property(detected, marks, settings, (iv, m, s) => {
        for (const reminder of planTimeline(iv, s, m)) {
          // `+ 0` because a key cannot tell -0 from 0, and stored JSON cannot either.
          if (Number.isSafeInteger(reminder.at) && reminder.at >= 0) assert.deepEqual(parseReminderKey(reminderKey(reminder)), { ...reminder, at: reminder.at + 0 });
        }
      }),
      runs(300),
    );
  });

  it('currentReminder never throws and gives nothing or one planned reminder that is already due', () => {
    fc.assert(
      fc.property(timelineCase, ({ interview: iv, marks: m, settings: s, nowOffset }) => {
        const now = iv.start + nowOffset;
        const reminder = currentReminder(iv, m, now, s);
        if (reminder === undefined) return;
        assert.ok(isReminderKind(reminder.kind), reminder.kind);
        assert.ok(Number.isFinite(reminder.at), `at ${reminder.at}`);
        assert.ok(reminder.at <= now, `due at ${reminder.at}, now ${now}`);
        assert.ok(planTimeline(iv, s, m).some((r) => r.kind === reminder.kind && r.at === reminder.at));
      }),
      runs(1500),
    );
  });
});

// =============================================================================================
// Templates

/** Text for a template field that does not itself spell a leaked value. */
const contextText = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PEOPLE, ...COMPANIES, ...ROLES, '+39 347 123 4567', 'marco@example.com') }, { weight: 3, arbitrary: anyText }).filter((s) => !spellsLeakedValue(s));
const contextField = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 2, arbitrary: wrongType.filter((v) => !stringsIn(v).some(spellsLeakedValue)) });
const contextNumber = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.4, 0.5, 1.5, 1e300, -1e300, 100_001, MAX_INSTANT, MAX_INSTANT + 1, -MAX_INSTANT, Number.MAX_VALUE),
);
const contextInstant = fc.oneof({ weight: 3, arbitrary: instant }, { weight: 1, arbitrary: contextNumber });
const slot = fc.oneof(
  instant.chain((start) => fc.integer({ min: -60, max: 26 * 60 }).map((minutes) => ({ start, end: start + minutes * MINUTE }))),
  fc.record({ start: contextField(contextInstant), end: contextField(contextInstant) }, { requiredKeys: [] }),
  wrongType.filter((v) => !stringsIn(v).some(spellsLeakedValue)),
);

const templateContext = fc.record(
  {
    interviewerName: contextField(contextText),
    candidateName: contextField(contextText),
    candidatePhone: contextField(contextText),
    candidateEmail: contextField(contextText),
    company: contextField(contextText),
    role: contextField(contextText),
    title: contextField(contextText),
    scheduledAt: contextField(contextInstant),
    timeZone: contextField(timeZone),
    eventTimeZone: contextField(timeZone),
    now: contextField(contextInstant),
    attempts: contextField(contextNumber),
    minutesLeft: contextField(contextNumber),
    slots: contextField(fc.array(slot, { maxLength: 12 })),
    rescheduled: contextField(fc.boolean()),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<unknown> as fc.Arbitrary<TemplateContext>;

const templateKind = fc.constantFrom(...templateKinds);
const locale = fc.constantFrom<Locale>('en', 'it');

function assertRendered(rendered: { subject: string; body: string }): void {
  assert.equal(typeof rendered.subject, 'string');
  assert.equal(typeof rendered.body, 'string');
  const leak = LEAKED_VALUE.exec(`${rendered.subject}\n${rendered.body}`);
  assert.equal(leak, null, `leaked ${JSON.stringify(leak?.[0])} in ${JSON.stringify(rendered)}`);
  assert.ok(!LINE_BREAK.test(rendered.subject), `line break in subject ${JSON.stringify(rendered.subject)}`);
  assert.ok(!UNCLEAN.test(rendered.subject), `unclean subject ${JSON.stringify(rendered.subject)}`);
  assert.ok(!UNCLEAN_MULTILINE.test(rendered.body), `unclean body ${JSON.stringify(rendered.body)}`);
  assert.notEqual(rendered.body.trim(), '', 'empty body');
}

/** Sentences that only make sense right after the availability they refer to. */
const CONNECTIVE = /^(Otherwise|Altrimenti|In that case|In tal caso|In caso contrario|If that doesn't suit you|If you can't make it by then|If not|Se per Lei non fosse possibile|Se non fosse possibile|In alternativa|Se no)\b/;
// "I can join … now" / "Posso collegarmi subito": a video interview's offer to meet at once.
const AVAILABILITY = /available|stay in the meeting|can join the|disponibile|in collegamento|Posso collegarmi subito/;

function assertConnectivesHaveAntecedents(body: string): void {
  for (const line of body.split('\n')) {
    const sentences = line.split(/(?<=[.?!])\s+/);
    sentences.forEach((sentence, i) => {
      if (!CONNECTIVE.test(sentence)) return;
      const before = sentences[i - 1];
      assert.ok(before !== undefined && AVAILABILITY.test(before), `"${sentence}" has no antecedent in ${JSON.stringify(body)}`);
    });
  }
}

/** A number and its noun (or verb) that disagree: "1 minutes", "Mancano 1", "sono le 1:05". */
const DISAGREEMENT: Record<Locale, RegExp> = {
  en: /\b(1|one) (minutes|times|hours)\b|(?<![\d:])\b([02-9]|\d{2,}|two|three|four|five|six|seven|eight|nine) (minute|time|hour)\b|\bone (minute|hour)s\b|\b0?0:\d\d [AP]M\b/,
  it: /\b[Mm]ancano (1|un|una|un')\b|\b[Mm]anca ([02-9]|\d{2,})\b|\b1 minuti\b|(?<![\d:])\b([02-9]|\d{2,}) minuto\b|\buna volte\b|(?<![\d:])\b(due|tre|\d+) volta\b|\bsono l'|\bè le\b|\balle 1:|\ble 1:|\bsono le 1:|(?<![\d:])0:\d\d\b|\buna ore\b|(?<![\d:])\b(due|tre|[2-9]|\d{2,}) ora\b/,
};

function assertAgreement(text: string, loc: Locale): void {
  const bad = DISAGREEMENT[loc].exec(text);
  assert.equal(bad, null, `disagreement ${JSON.stringify(bad?.[0])} in ${JSON.stringify(text)}`);
}

describe('renderTemplate on arbitrary contexts (properties)', () => {
  it('never throws, never prints undefined/null/NaN/Infinity/[object, and keeps the subject on one clean line', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(templateKind, templateContext, locale, (kind, context, loc) => {
        seen.add(`${kind}/${loc}`);
        assertRendered(renderTemplate(kind, context, loc));
      }),
      runs(1000),
    );
    assert.equal(seen.size, templateKinds.length * 2, `only ${[...seen].join(', ')} were exercised`);
  });

  it('keeps the names and the company in the wording of every well-formed context, at any date and in any zone', () => {
    // Catches a throw swallowed by renderTemplateText's fallback, which renders without data.
    const wellFormed = fc.record({
      interviewerName: fc.constantFrom(...PEOPLE),
      candidateName: fc.constantFrom('Marco Bianchi', 'Jane Doe', 'Zoë Brontë'),
      company: fc.constantFrom(...COMPANIES),
      role: fc.option(fc.constantFrom(...ROLES), { nil: undefined }),
      scheduledAt: instant,
      now: fc.option(instant, { nil: undefined }),
      timeZone: fc.constantFrom(...ZONES),
      eventTimeZone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
      attempts: fc.integer({ min: 0, max: 20 }),
      minutesLeft: fc.integer({ min: 0, max: 30 }),
      slots: fc.array(instant.chain((start) => fc.integer({ min: 15, max: 120 }).map((minutes) => ({ start, end: start + minutes * MINUTE }))), { maxLength: 4 }),
      rescheduled: fc.boolean(),
    });
    fc.assert(
      fc.property(templateKind, wellFormed, locale, (kind, context, loc) => {
        const rendered = renderTemplate(kind, context, loc);
        assertRendered(rendered);
        // English greets by first name ("Dear Giulia,", "Hello Giulia"); Italian writes the whole
        // name ("Gentile Giulia Rossi,") and speaks none.
        const name = loc === 'en' ? context.interviewerName.split(' ')[0]! : kind !== 'voicemail' ? context.interviewerName : '';
        assert.ok(rendered.body.includes(name), `no interviewer name in ${JSON.stringify(rendered.body)}`);
        assert.ok(rendered.body.includes(context.candidateName), `no candidate name in ${JSON.stringify(rendered.body)}`);
        assert.ok(rendered.subject.includes(context.company), `no company in ${JSON.stringify(rendered.subject)}`);
      }),
      runs(300),
    );
  });

  it('starts no sentence with a connective whose antecedent was dropped, and makes numbers agree with their nouns', () => {
    const context = fc.record({
      interviewerName: fc.option(fc.constantFrom(...PEOPLE, 'HR Team'), { nil: undefined }),
      interviewerIsGroup: fc.boolean(),
      candidateName: fc.option(fc.constantFrom('Marco Bianchi', 'Jane Doe'), { nil: undefined }),
      candidatePhone: fc.option(fc.constant('+39 347 123 4567'), { nil: undefined }),
      markMissingProfile: fc.boolean(),
      company: fc.option(fc.constantFrom(...COMPANIES), { nil: undefined }),
      role: fc.option(fc.constantFrom(...ROLES), { nil: undefined }),
      scheduledAt: instant,
      nowOffset: fc.integer({ min: -26 * 60, max: 26 * 60 }),
      availableOffset: fc.option(fc.integer({ min: -40, max: 40 }), { nil: undefined }),
      timeZone: fc.constantFrom(...ZONES),
      eventTimeZone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
      attempts: fc.integer({ min: 0, max: 12 }),
      minutesLeft: fc.integer({ min: 0, max: 30 }),
      slots: fc.array(instant.chain((start) => fc.integer({ min: 15, max: 120 }).map((minutes) => ({ start, end: start + minutes * MINUTE }))), { maxLength: 3 }),
      rescheduled: fc.boolean(),
      moved: fc.boolean(),
      video: fc.boolean(),
    }).map(({ nowOffset, availableOffset, ...rest }) => ({
      ...rest,
      now: rest.scheduledAt + nowOffset * MINUTE,
      availableUntil: availableOffset === undefined ? undefined : rest.scheduledAt + nowOffset * MINUTE + availableOffset * MINUTE,
    }));
    fc.assert(
      fc.property(templateKind, context, locale, (kind, ctx, loc) => {
        const { subject, body } = renderTemplate(kind, ctx, loc);
        assertConnectivesHaveAntecedents(body);
        assertAgreement(`${subject}\n${body}`, loc);
      }),
      runs(300),
    );
  });

  it('copes with a context that is not an object at all', () => {
    fc.assert(
      fc.property(templateKind, wrongType.filter((v) => !stringsIn(v).some(spellsLeakedValue)), locale, (kind, context, loc) => {
        assertRendered(renderTemplate(kind, context as TemplateContext, loc));
      }),
      runs(100),
    );
  });
});

// =============================================================================================
// Compose URLs

const recipient: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VALID_EMAILS, ...HOSTILE_EMAILS, 'a%b?c@acme.com', 'x&cc=y@evil.com', 'a=b@c.com', 'a#b@c.com', 'x/y@c.com') },
  { weight: 2, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.tuple(fc.emailAddress(), fc.constantFrom(',', ';', ' ', '\r\n', '\n', '%0A', '&to=', '?bcc='), fc.emailAddress()).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: wrongType },
);

const draftText: fc.Arbitrary<unknown> = fc.oneof({ weight: 8, arbitrary: anyText }, { weight: 1, arbitrary: wrongType });

const draft = fc.record(
  { to: recipient, subject: draftText, body: draftText, account: recipient },
  { requiredKeys: ['subject', 'body'] },
) as fc.Arbitrary<unknown> as fc.Arbitrary<Draft>;

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** What the subject should read back as: compose-url.ts turns each line break (CRLF counting
 * as one) into a space; a lone surrogate, which cannot be encoded, becomes U+FFFD. */
function expectedSubject(subject: unknown): string {
  return asText(subject).replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ').replace(LONE_SURROGATES, '\uFFFD');
}

function expectedBody(body: unknown): string {
  return asText(body).replace(LONE_SURROGATES, '\uFFFD');
}

/** Parses an https compose link; every parameter must appear at most once and be one we write. */
function httpsParams(url: string, host: string, path: string, allowed: string[]): URLSearchParams {
  const parsed = new URL(url);
  assert.equal(parsed.protocol, 'https:');
  assert.equal(parsed.host, host);
  assert.equal(parsed.pathname, path);
  assert.equal(parsed.hash, '');
  const names = [...parsed.searchParams.keys()];
  assert.equal(new Set(names).size, names.length, `repeated parameter in ${names.join(',')}`);
  for (const name of names) assert.ok(allowed.includes(name), `unexpected parameter ${name}`);
  return parsed.searchParams;
}

/** Reads a mailto: URL back as RFC 6068 defines it. */
function parseMailto(url: string): { to: string; params: Map<string, string> } {
  assert.ok(url.startsWith('mailto:'), url.slice(0, 20));
  const rest = url.slice('mailto:'.length);
  const q = rest.indexOf('?');
  const path = q === -1 ? rest : rest.slice(0, q);
  const query = q === -1 ? '' : rest.slice(q + 1);
  assert.ok(!path.includes(','), 'a comma in the path would be a second recipient');
  const params = new Map<string, string>();
  for (const pair of query.split('&').filter(Boolean)) {
    const eq = pair.indexOf('=');
    const name = decodeURIComponent(eq === -1 ? pair : pair.slice(0, eq));
    assert.ok(!params.has(name), `duplicate ${name}`);
    params.set(name, decodeURIComponent(eq === -1 ? '' : pair.slice(eq + 1)));
  }
  return { to: decodeURIComponent(path), params };
}

describe('compose URLs for arbitrary drafts (properties)', () => {
  it('Gmail: at most one vetted recipient, exactly the subject and body, the account only when valid', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const params = httpsParams(gmailComposeUrl(d), 'mail.google.com', '/mail/', ['view', 'fs', 'to', 'su', 'body', 'authuser']);
        assert.equal(params.get('view'), 'cm');
        assert.equal(params.get('fs'), '1');
        const to = params.getAll('to');
        assert.deepEqual(to, isSingleAddress(d.to) ? [d.to] : []);
        for (const address of to) assertSingleRecipient(address, 'to');
        assert.equal(params.get('su'), expectedSubject(d.subject));
        assert.ok(!LINE_BREAK.test(params.get('su') ?? ''), 'line break in su');
        assert.equal(params.get('body'), expectedBody(d.body));
        assert.deepEqual(params.getAll('authuser'), isSingleAddress(d.account) ? [d.account] : []);
      }),
      runs(800),
    );
  });

  it('Outlook: at most one vetted recipient (none with a "+"), exactly the subject and body', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const params = httpsParams(outlookComposeUrl(d), 'outlook.office.com', '/mail/deeplink/compose', ['to', 'subject', 'body']);
        const to = params.getAll('to');
        assert.deepEqual(to, isSingleAddress(d.to) && !d.to.includes('+') ? [d.to] : []);
        for (const address of to) assertSingleRecipient(address, 'to');
        assert.equal(params.get('subject'), expectedSubject(d.subject));
        assert.equal(params.get('body'), expectedBody(d.body));
      }),
      runs(800),
    );
  });

  it('mailto: at most one vetted recipient, exactly the subject, the body with CRLF line breaks', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const { to, params } = parseMailto(mailtoUrl(d));
        assert.equal(to, isSingleAddress(d.to) ? d.to : '');
        if (to !== '') assertSingleRecipient(to, 'mailto path');
        assert.deepEqual([...params.keys()], ['subject', 'body']);
        assert.equal(params.get('subject'), expectedSubject(d.subject));
        assert.equal(params.get('body'), expectedBody(d.body).replace(/\r\n|\r|\n/g, '\r\n'));
      }),
      runs(800),
    );
  });
});

// =============================================================================================
// End to end: invite → interview → draft → Gmail link

const profileText = fc.oneof(fc.constant(''), contextText);
const draftSettings = fc
  .record({ name: profileText, phone: profileText, email: profileText, composeAccount: fc.oneof(fc.constant(''), recipient.filter((v) => typeof v === 'string') as fc.Arbitrary<string>), timing: settings.map((s) => s.timing) })
  .map(({ name, phone, email: address, composeAccount, timing: t }): Settings => ({ ...structuredClone(defaultSettings), profile: { name, phone, email: address }, composeAccount, timing: t }));

describe('invite to Gmail draft, end to end (properties)', () => {
  it('turns any invite that is an interview into a draft whose Gmail link reads back exactly', () => {
    const scenario = fc.record({
      event: fc.oneof({ weight: 3, arbitrary: plausibleEvent }, { weight: 2, arbitrary: hostileInterviewEvent }, { weight: 1, arbitrary: hostileEvent }),
      rules,
      kind: templateKind as fc.Arbitrary<TemplateKind>,
      locale,
      marks,
      settings: draftSettings,
      nowOffset: fc.integer({ min: -3 * DAY, max: 3 * DAY }),
      timeZone: fc.oneof(fc.constantFrom(...ZONES), timeZone),
    });
    let drafted = 0;
    fc.assert(
      fc.property(scenario, ({ event, rules: ruleSet, kind, locale: loc, marks: m, settings: s, nowOffset, timeZone: zone }) => {
        const detection = detectInterview(event, ruleSet, { source: 'google' });
        if (!detection.isInterview) return;
        drafted++;
        const iv = detection.interview;
        assertInterviewIsClean(iv);
        const d = buildDraft(kind, iv, m, s, { now: iv.start + nowOffset, locale: loc, timeZone: zone, defaults: defaultTemplates });
        assert.ok(!LINE_BREAK.test(d.subject) && !UNCLEAN.test(d.subject), `subject ${JSON.stringify(d.subject)}`);
        assert.ok(!UNCLEAN_MULTILINE.test(d.body), `body ${JSON.stringify(d.body)}`);
        const excusable = [...stringsIn(event), s.profile.name, s.profile.phone, s.profile.email].some(spellsLeakedValue);
        if (!excusable) {
          const leak = LEAKED_VALUE.exec(`${d.subject}\n${d.body}`);
          assert.equal(leak, null, `leaked ${JSON.stringify(leak?.[0])} in ${JSON.stringify(d)}`);
        }
        const params = httpsParams(gmailComposeUrl(d), 'mail.google.com', '/mail/', ['view', 'fs', 'to', 'su', 'body', 'authuser']);
        const address = iv.interviewer.email;
        assert.deepEqual(params.getAll('to'), address !== undefined && isSingleAddress(address) ? [address] : []);
        for (const to of params.getAll('to')) assertSingleRecipient(to, 'to');
        // Rendered text is already clean: the link must carry it through untouched.
        assert.equal(params.get('su'), d.subject);
        assert.equal(params.get('body'), d.body);
        assert.deepEqual(params.getAll('authuser'), isSingleAddress(s.composeAccount) ? [s.composeAccount] : []);
        // The alternatives the user can pick carry the same draft just as faithfully.
        const outlook = httpsParams(outlookComposeUrl(d), 'outlook.office.com', '/mail/deeplink/compose', ['to', 'subject', 'body']);
        assert.deepEqual(outlook.getAll('to'), address !== undefined && isSingleAddress(address) && !address.includes('+') ? [address] : []);
        assert.equal(outlook.get('subject'), d.subject);
        assert.equal(outlook.get('body'), d.body);
        const mailto = parseMailto(mailtoUrl(d));
        assert.equal(mailto.to, address !== undefined && isSingleAddress(address) ? address : '');
        assert.equal(mailto.params.get('subject'), d.subject);
        assert.equal(mailto.params.get('body')?.replace(/\r\n/g, '\n'), d.body);
      }),
      runs(600),
    );
    // A generator that never produced an interview would prove nothing.
    assert.ok(drafted > 100, `only ${drafted} generated invites were interviews`);
  });
});

// =============================================================================================
// iCal feeds (the secret-address source)

/** Text as a careful server writes it (RFC 5545 escapes) or as a careless one does (raw, so
 * a line break in a value starts a line of its own). */
function icalText(value: string, escaped: boolean): string {
  return escaped ? value.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/[,;]/g, (ch) => `\\${ch}`) : value;
}

/** RFC 5545 folding: a long line continues on the next one after a space (at 75 UTF-16 units
 * here, which may split a surrogate pair — one more thing a broken server does). */
function fold(line: string): string {
  if (line.length <= 75) return line;
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
  return parts.join('\r\n ');
}

function icalStamp(ms: number, utc: boolean): string {
  const iso = new Date(ms).toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  return utc ? `${stamp}Z` : stamp;
}

const ICAL_ZONES = ['Europe/Rome', 'America/New_York', 'Asia/Tokyo', 'W. Europe Standard Time', 'Weird/Zone', '"Europe/Rome"', ''];

const icalTimeProp = (name: string, ms: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(`${name}:${icalStamp(ms, true)}`) },
    { weight: 3, arbitrary: fc.constantFrom(...ICAL_ZONES).map((zone) => `${name};TZID=${zone}:${icalStamp(ms, false)}`) },
    { weight: 1, arbitrary: fc.constant(`${name}:${icalStamp(ms, false)}`) },
    { weight: 1, arbitrary: fc.constant(`${name};VALUE=DATE:${icalStamp(ms, false).slice(0, 8)}`) },
    { weight: 1, arbitrary: fc.constantFrom(`${name}:tomorrow`, `${name}:99999999T999999Z`, `${name}:20260230T100000Z`, `${name};VALUE=DATE:2026`, `${name}:`, `${name}:${icalStamp(ms, false).slice(0, 8)}`) },
  );

const RRULES = [
  'FREQ=DAILY;COUNT=5', 'FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270101T000000Z', 'FREQ=WEEKLY;INTERVAL=2', 'FREQ=SECONDLY', 'FREQ=MINUTELY;INTERVAL=1',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=DAILY;COUNT=1000000', 'FREQ=HOURLY;INTERVAL=0', 'FREQ=BOGUS', 'FREQ=DAILY;ITERATOR=x',
  'FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU', 'FREQ=DAILY;UNTIL=20200101', 'FREQ=DAILY;UNTIL=20200101T000000Z', 'FREQ=MONTHLY;BYDAY=5FR',
  'FREQ=DAILY;BYHOUR=25', 'FREQ=WEEKLY;WKST=XX', 'COUNT=3', '', 'FREQ=DAILY;COUNT=-1', 'FREQ=YEARLY;BYWEEKNO=53;BYDAY=SU',
];

const icalPerson = (name: 'ORGANIZER' | 'ATTENDEE'): fc.Arbitrary<string> =>
  fc
    .record({
      cn: fc.option(fc.oneof(fc.constantFrom(...PEOPLE), fc.constantFrom('"Eve, Evil"', '"x\u202Ey"', 'Bob\\nBcc')), { nil: undefined }),
      partstat: fc.option(fc.constantFrom('ACCEPTED', 'DECLINED', 'TENTATIVE', 'NEEDS-ACTION', 'WEIRD'), { nil: undefined }),
      cutype: fc.option(fc.constantFrom('INDIVIDUAL', 'RESOURCE', 'ROOM'), { nil: undefined }),
      address: fc.oneof(email.map((e) => `mailto:${e}`), email, fc.constantFrom('MAILTO:me@example.com', 'invalid:x', 'mailto:')),
    })
    .map(({ cn, partstat, cutype, address }) => {
      const params = [cn === undefined ? '' : `;CN=${cn}`, partstat === undefined ? '' : `;PARTSTAT=${partstat}`, cutype === undefined ? '' : `;CUTYPE=${cutype}`].join('');
      return `${name}${params}:${address}`;
    });

/** One VEVENT as lines; hostile text in the fields an inviter writes. */
const icalEvent = fc
  .record({
    uid: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('evt-1@example.com', 'evt-2@example.com', 'series@example.com') }, { weight: 1, arbitrary: hostileText.map((s) => s.slice(0, 60)) }),
    start: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -1 * 24 * 60, max: 7 * 24 * 60 }) }, { weight: 1, arbitrary: fc.integer({ min: -30 * 24 * 60, max: 30 * 24 * 60 }) }).map((minutes) => START + minutes * MINUTE),
    length: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 180 }) }, { weight: 1, arbitrary: fc.integer({ min: -120, max: 60 * 24 * 3 }) }),
    endKind: fc.constantFrom('dtend', 'duration', 'none', 'bad-duration'),
    badDuration: fc.constantFrom('DURATION:-PT1H', 'DURATION:P', 'DURATION:PT', 'DURATION:P99999999W', 'DURATION:1H'),
    escaped: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    summary: fc.option(fc.oneof({ weight: 3, arbitrary: realisticTitle }, { weight: 1, arbitrary: anyText }), { nil: undefined }),
    description: fc.option(description, { nil: undefined }),
    location: fc.option(location, { nil: undefined }),
    url: fc.option(fc.constantFrom(...VIDEO_URIS, ...FRAGMENTS.filter((f) => f.includes(':'))), { nil: undefined }),
    conference: fc.option(fc.constantFrom(...VIDEO_URIS), { nil: undefined }),
    status: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(undefined, 'CONFIRMED', 'TENTATIVE') }, { weight: 1, arbitrary: fc.constantFrom('CANCELLED', 'Cancelled', '?') }),
    transp: fc.option(fc.constantFrom('OPAQUE', 'TRANSPARENT'), { nil: undefined }),
    sequence: fc.option(fc.constantFrom('0', '1', '2', '-1', '99999999999999999999', 'abc'), { nil: undefined }),
    rrule: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...RRULES) }),
    recurrenceId: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 10 }) }),
    exdate: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    rdate: fc.option(fc.constantFrom('RDATE:20261127T140000Z', 'RDATE;VALUE=PERIOD:20261128T140000Z/PT1H', 'RDATE:garbage', 'RDATE;VALUE=DATE:20261129'), { nil: undefined }),
    organizer: fc.option(icalPerson('ORGANIZER'), { nil: undefined }),
    attendees: fc.oneof({ weight: 8, arbitrary: fc.array(icalPerson('ATTENDEE'), { maxLength: 5 }) }, { weight: 1, arbitrary: fc.array(icalPerson('ATTENDEE'), { minLength: 100, maxLength: 500, size: 'max' }) }),
    alarm: fc.boolean(),
  })
  .chain((e) =>
    fc.tuple(icalTimeProp('DTSTART', e.start), icalTimeProp('DTEND', e.start + e.length * MINUTE), icalTimeProp('RECURRENCE-ID', e.start + (e.recurrenceId ?? 0) * DAY)).map(([dtstart, dtend, recurrenceId]) => {
      const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, 'DTSTAMP:20261120T090000Z', dtstart];
      if (e.endKind === 'dtend') lines.push(dtend);
      else if (e.endKind === 'duration') lines.push(`DURATION:PT${Math.abs(e.length)}M`);
      else if (e.endKind === 'bad-duration') lines.push(e.badDuration);
      if (e.rrule !== undefined) lines.push(`RRULE:${e.rrule}`);
      if (e.recurrenceId !== undefined) lines.push(recurrenceId);
      if (e.exdate !== undefined) lines.push(`EXDATE:${icalStamp(e.start + e.exdate * DAY, true)}`);
      if (e.rdate !== undefined) lines.push(e.rdate);
      if (e.summary !== undefined) lines.push(`SUMMARY:${icalText(e.summary, e.escaped)}`);
      if (e.description !== undefined) lines.push(`DESCRIPTION:${icalText(e.description, e.escaped)}`);
      if (e.location !== undefined) lines.push(`LOCATION:${icalText(e.location, e.escaped)}`);
      if (e.url !== undefined) lines.push(`URL:${e.url}`);
      if (e.conference !== undefined) lines.push(`X-GOOGLE-CONFERENCE:${e.conference}`);
      if (e.status !== undefined) lines.push(`STATUS:${e.status}`);
      if (e.transp !== undefined) lines.push(`TRANSP:${e.transp}`);
      if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
      if (e.organizer !== undefined) lines.push(e.organizer);
      lines.push(...e.attendees);
      if (e.alarm) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT10M', 'DESCRIPTION:Reminder', 'END:VALARM');
      lines.push('END:VEVENT');
      return lines;
    }),
  );

const ROME_VTIMEZONE = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Rome',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];
const BROKEN_VTIMEZONE = ['BEGIN:VTIMEZONE', 'TZID:Weird/Zone', 'BEGIN:STANDARD', 'TZOFFSETFROM:+9999', 'TZOFFSETTO:bogus', 'DTSTART:garbage', 'END:STANDARD', 'END:VTIMEZONE'];

/** A whole feed, as lines. */
const icalLines = fc
  .record({
    calendarZone: fc.option(fc.constantFrom('Europe/Rome', 'America/New_York', 'Not/AZone', ''), { nil: undefined }),
    zones: fc.subarray([ROME_VTIMEZONE, BROKEN_VTIMEZONE]),
    events: fc.array(icalEvent, { maxLength: 8 }),
  })
  .map(({ calendarZone, zones, events }) => [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Interview Standby//properties//EN', 'CALSCALE:GREGORIAN',
    ...(calendarZone === undefined ? [] : [`X-WR-TIMEZONE:${calendarZone}`]),
    ...zones.flat(),
    ...events.flat(),
    'END:VCALENDAR',
  ]);

/** What a broken download, a proxy or an attacker does to a feed. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: fc.oneof(fc.constantFrom('BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR', 'BEGIN:VCALENDAR', 'BEGIN:VTODO', 'END:VALARM', 'BEGIN:X-' + 'A'.repeat(70), ' continued', ':', ';;;', 'DTSTART:20261126T140000Z', 'UID:evt-1@example.com'), hostileText) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

type Mutation = { kind: 'delete' | 'duplicate' | 'insert' | 'truncate'; at: number; line?: string };

function applyMutations(lines: string[], mutations: Mutation[]): string[] {
  const result = [...lines];
  for (const m of mutations) {
    const at = result.length === 0 ? 0 : m.at % result.length;
    if (m.kind === 'delete') result.splice(at, 1);
    else if (m.kind === 'duplicate') result.splice(at, 0, result[at] ?? '');
    else if (m.kind === 'insert') result.splice(at, 0, m.line ?? '');
    else result.splice(at + 1);
  }
  return result;
}

const icalFeed = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(icalLines, fc.constantFrom('\r\n', '\n'), fc.boolean()).map(([lines, eol, folded]) => (folded ? lines.map(fold) : lines).join(eol) + eol) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(icalLines, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom('\r\n', '\n', '\r'), fc.option(fc.nat(), { nil: undefined }))
      .map(([lines, mutations, eol, cut]) => {
        const text = applyMutations(lines, mutations).join(eol);
        return cut === undefined ? text : text.slice(0, cut % (text.length + 1));
      }),
  },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constantFrom('', 'BEGIN:VCALENDAR', 'END:VCALENDAR', '<!doctype html><html>Sign in</html>', '{"kind":"calendar#events"}', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n') },
);

const icalOptions = fc.record({
  now: fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 }).map((minutes) => START + minutes * MINUTE),
  detection: fc.record({ rules, selfEmail: fc.option(fc.constantFrom('me@example.com', 'ME@EXAMPLE.COM', ''), { nil: undefined }) }, { requiredKeys: ['rules'] }),
  windowDays: fc.option(fc.constantFrom(1, 14, 60, 0, -5, 1.5, 1000), { nil: undefined }),
  floatingTimeZone: fc.option(fc.constantFrom(...ZONES, 'Not/AZone'), { nil: undefined }),
});

const SYNC_ERROR_CODES = ['offline', 'auth', 'forbidden', 'rate-limited', 'server', 'not-found', 'too-large', 'not-ical', 'malformed', 'http'];

describe('parseIcalFeed on generated and mutated iCal text (properties)', () => {
  it('either returns clean interviews and finite busy intervals, or throws a SyncError and nothing else', () => {
    fc.assert(
      fc.property(icalFeed, icalOptions, (text, options) => {
        let result: ReturnType<typeof parseIcalFeed>;
        try {
          result = parseIcalFeed(text, options as IcalParseOptions);
        } catch (error) {
          assert.ok(error instanceof SyncError, `threw ${String(error)}`);
          assert.ok(SYNC_ERROR_CODES.includes(error.code), error.code);
          assert.ok(!UNCLEAN.test(error.message), `unclean message ${JSON.stringify(error.message)}`);
          return;
        }
        assert.ok(Number.isSafeInteger(result.skipped) && result.skipped >= 0, `skipped ${result.skipped}`);
        for (const [key, iv] of Object.entries(result.interviews)) {
          assert.equal(key, iv.id);
          assert.equal(iv.source, 'ical');
          assertInterviewIsClean(iv);
        }
        for (const [key, busy] of Object.entries(result.busy)) {
          assert.ok(key.startsWith('ical:'), key);
          assert.ok(Number.isFinite(busy.start) && Number.isFinite(busy.end) && busy.end > busy.start, `${key}: ${busy.start}–${busy.end}`);
        }
      }),
      runs(200),
    );
  });

  it('finds the interview in any well-formed feed, whatever hostile text its fields hold', () => {
    // Catches an invite that is skipped, or a whole feed refused, because of what a field says.
    const wellFormed = fc.record({
      keyword: fc.constantFrom(...KEYWORDS, '#interview'),
      company: fc.constantFrom(...COMPANIES),
      minutesAhead: fc.integer({ min: 0, max: 13 * 24 * 60 }),
      length: fc.integer({ min: 15, max: 180 }),
      rome: fc.boolean(),
      noise: hostileText,
      description: fc.option(description, { nil: undefined }),
      location: fc.option(location, { nil: undefined }),
      organizer: fc.option(icalPerson('ORGANIZER'), { nil: undefined }),
      attendees: fc.array(icalPerson('ATTENDEE'), { maxLength: 5 }),
      eol: fc.constantFrom('\r\n', '\n'),
      folded: fc.boolean(),
    });
    fc.assert(
      fc.property(wellFormed, (f) => {
        const start = START + f.minutesAhead * MINUTE;
        const dtstart = f.rome ? `DTSTART;TZID=Europe/Rome:${icalStamp(start + (isRomeSummer(start) ? 2 : 1) * 60 * MINUTE, false)}` : `DTSTART:${icalStamp(start, true)}`;
        const lines = [
          'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Interview Standby//properties//EN',
          ...(f.rome ? ROME_VTIMEZONE : []),
          'BEGIN:VEVENT', 'UID:evt-42@example.com', 'DTSTAMP:20261120T090000Z', dtstart, `DURATION:PT${f.length}M`,
          `SUMMARY:${icalText(`${f.keyword} with ${f.company} ${f.noise}`, true)}`,
          ...(f.description === undefined ? [] : [`DESCRIPTION:${icalText(f.description, true)}`]),
          ...(f.location === undefined ? [] : [`LOCATION:${icalText(f.location, true)}`]),
          ...(f.organizer === undefined ? [] : [f.organizer]),
          ...f.attendees.filter((line) => !line.includes('DECLINED')),
          'END:VEVENT', 'END:VCALENDAR',
        ];
        const text = (f.folded ? lines.map(fold) : lines).join(f.eol) + f.eol;
        const result = parseIcalFeed(text, { now: START, detection: { rules: defaultRules } });
        const iv = result.interviews['ical:evt-42@example.com'];
        assert.ok(iv, `no interview; skipped ${result.skipped}`);
        assert.equal(iv.start, start);
        assert.equal(iv.end, start + f.length * MINUTE);
        assertInterviewIsClean(iv);
      }),
      runs(200),
    );
  });
});

describe('the scan that leaves out events far from the window (properties)', () => {
  it('reads an event with nested components (VALARM) exactly as the same event without them', () => {
    // The scan cuts nested components out before it judges an event's dates (ical-scan.ts);
    // nothing reads what they hold. An alarm whose lines look like an event's own (a
    // DTSTART in the window, a rule, an RDATE) must neither hide the event nor keep it. (Alarm
    // lines are well formed: a line ical.js refuses sends the whole event another way.)
    const alarmLine = fc.constantFrom('ACTION:DISPLAY', 'TRIGGER:-PT10M', 'DESCRIPTION:Reminder', `DTSTART:${icalStamp(START + DAY, true)}`, 'DTSTART:20200101T100000Z', 'RRULE:FREQ=DAILY;UNTIL=20200201', 'RDATE:20261127T140000Z', 'RECURRENCE-ID:20261127T140000Z', 'X-NOTE:RANGE=THISANDFUTURE', 'DURATION:PT1H');
    const alarm = fc.tuple(fc.constantFrom('VALARM', 'X-THING', 'valarm'), fc.array(alarmLine, { maxLength: 5 })).map(([name, lines]) => [`BEGIN:${name}`, ...lines, `END:${name}`]);
    const withAlarms = icalEvent.chain((lines) =>
      fc.tuple(fc.constant(lines.filter((line) => !/^(?:BEGIN|END):VALARM$|^ACTION:DISPLAY$|^TRIGGER:-PT10M$|^DESCRIPTION:Reminder$/.test(line))), fc.array(fc.tuple(alarm, fc.nat()), { minLength: 1, maxLength: 3 })),
    );
    fc.assert(
      fc.property(withAlarms, icalOptions, ([plain, alarms], options) => {
        const nested = [...plain];
        // Anywhere between BEGIN:VEVENT and END:VEVENT.
        for (const [lines, at] of alarms) nested.splice(1 + (at % (nested.length - 1)), 0, ...lines);
        const feed = (event: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Interview Standby//properties//EN', ...event, 'END:VCALENDAR'].join('\r\n');
        const read = (text: string) => {
          try {
            const { interviews, busy, report } = parseIcalFeed(text, options as IcalParseOptions);
            return { interviews, busy, skipped: report.skipped };
          } catch (error) {
            return { error: error instanceof SyncError ? error.code : String(error) };
          }
        };
        assert.deepEqual(read(feed(nested)), read(feed(plain)));
      }),
      runs(300),
    );
  });
});

/** Whether Rome is on summer time (UTC+02:00) at this instant, to write its wall-clock time. */
function isRomeSummer(ms: number): boolean {
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'longOffset' }).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
  return offset === 'GMT+02:00';
}
