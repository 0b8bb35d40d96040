import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CalendarEvent, DetectionRules, Interview } from '../../src/core/types.ts';
import { defaultRules } from '../../src/core/default-rules.ts';
import { descriptionMayDecide, detectInterview, type DetectOptions } from '../../src/core/detect-interview.ts';
import { labelledInvites } from '../fixtures/invite-bodies.ts';
import { negativeTitles, positiveTitles } from '../fixtures/labelled-titles.ts';
import { isValidEmail } from '../../src/core/extract.ts';
import { cpuMillis } from './fixtures.ts';

const START = '2026-11-26T15:00:00+01:00';
const END = '2026-11-26T15:45:00+01:00';
const START_MS = Date.UTC(2026, 10, 26, 14, 0);
const END_MS = Date.UTC(2026, 10, 26, 14, 45);
const google: DetectOptions = { source: 'google' };

function event(fields: Partial<CalendarEvent> = {}): CalendarEvent {
  return { id: 'evt1', status: 'confirmed', summary: 'Interview with Acme', start: { dateTime: START }, end: { dateTime: END }, ...fields };
}

function rules(fields: Partial<DetectionRules> = {}): DetectionRules {
  return { ...defaultRules, overrides: {}, ...fields };
}

function interviewOf(ev: CalendarEvent, r: DetectionRules = defaultRules, options: DetectOptions = google): Interview {
  const detection = detectInterview(ev, r, options);
  assert.equal(detection.isInterview, true, JSON.stringify(detection));
  return (detection as { interview: Interview }).interview;
}

function reasonOf(ev: CalendarEvent, r: DetectionRules = defaultRules, options: DetectOptions = google): string {
  const detection = detectInterview(ev, r, options);
  return detection.isInterview ? `interview by ${detection.rule}` : detection.reason;
}

describe('detectInterview: exclusions', () => {
  it('ignores a cancelled event titled Interview', () => {
    assert.equal(reasonOf(event({ status: 'cancelled' })), 'cancelled');
  });

  it('ignores an all-day event titled Interview', () => {
    assert.equal(reasonOf(event({ start: { date: '2026-11-26' }, end: { date: '2026-11-27' } })), 'all-day');
  });

  it('ignores an interview the user declined', () => {
    const attendees = [{ email: 'hr@example.com' }, { email: 'me@example.org', self: true, responseStatus: 'declined' }];
    assert.equal(reasonOf(event({ attendees })), 'declined');
  });

  it('still tracks an interview another attendee declined', () => {
    assert.equal(reasonOf(event({ attendees: [{ email: 'other@example.com', responseStatus: 'declined' }] })), 'interview by keyword');
  });

  it('ignores non-default event types such as out of office', () => {
    for (const eventType of ['outOfOffice', 'focusTime', 'workingLocation', 'fromGmail']) {
      assert.equal(reasonOf(event({ eventType })), 'event-type');
    }
    assert.equal(reasonOf(event({ eventType: 'default' })), 'interview by keyword');
  });

  it('ignores events without a usable start and end', () => {
    assert.equal(reasonOf(event({ start: undefined })), 'invalid-time');
    assert.equal(reasonOf(event({ end: {} })), 'invalid-time');
    assert.equal(reasonOf(event({ start: { dateTime: 'tomorrow at 3' } })), 'invalid-time');
    assert.equal(reasonOf(event({ start: { dateTime: '2026-11-26T15:00:00' } })), 'invalid-time');
    assert.equal(reasonOf(event({ start: { dateTime: '2026-13-45T15:00:00Z' } })), 'invalid-time');
    assert.equal(reasonOf(event({ start: { dateTime: 42 as unknown as string } })), 'invalid-time');
  });

  it('ignores an event that ends before it starts, but accepts a zero-length one', () => {
    assert.equal(reasonOf(event({ end: { dateTime: '2026-11-26T14:59:00+01:00' } })), 'invalid-time');
    assert.equal(reasonOf(event({ end: { dateTime: START } })), 'interview by keyword');
  });

  it('applies the exclusions before an override', () => {
    const r = rules({ overrides: { evt1: 'interview' } });
    assert.equal(reasonOf(event({ status: 'cancelled' }), r), 'cancelled');
    assert.equal(reasonOf(event({ start: { date: '2026-11-26' } }), r), 'all-day');
  });
});

describe('detectInterview: rules and their precedence', () => {
  it('stops tracking an event the user marked as not an interview, even if tagged', () => {
    const r = rules({ overrides: { evt1: 'not-interview' } });
    assert.deepEqual(detectInterview(event({ summary: 'Interview #interview' }), r, google), { isInterview: false, reason: 'override' });
  });

  it('tracks an event the user marked as an interview, whatever its title', () => {
    const detection = detectInterview(event({ summary: 'Chat', description: '#interview' }), rules({ overrides: { evt1: 'interview' } }), google);
    assert.equal(detection.isInterview && detection.rule, 'override');
    assert.equal(detection.isInterview && detection.matched, undefined);
  });

  it('does not read overrides from the object prototype', () => {
    assert.equal(reasonOf(event({ id: 'constructor', summary: 'Lunch' })), 'no-match');
    assert.equal(reasonOf(event({ id: '__proto__', summary: 'Lunch' })), 'no-match');
  });

  it('prefers a tag over a keyword', () => {
    const detection = detectInterview(event({ summary: 'Interview with Acme', description: 'Notes\n#Interview' }), defaultRules, google);
    assert.deepEqual(detection.isInterview && [detection.rule, detection.matched], ['tag', '#interview']);
  });

  it('finds a tag in the title or the description, case-insensitively', () => {
    assert.equal(reasonOf(event({ summary: 'Chat #COLLOQUIO' })), 'interview by tag');
    assert.equal(reasonOf(event({ summary: 'Chat', description: '<p>Agenda</p><p>#colloquio</p>' })), 'interview by tag');
  });

  it('does not take #interviewer or a tag glued to a word for #interview', () => {
    assert.equal(reasonOf(event({ summary: 'Chat', description: 'Ask the #interviewer about it' })), 'no-match');
    assert.equal(reasonOf(event({ summary: 'Chat', description: 'see page#interview' })), 'no-match');
  });

  it('matches keywords as whole words, ignoring case, accents and punctuation', () => {
    for (const summary of ['Interview', 'INTERVIEW: Acme', '(interview)', 'Final interview.', 'Colloquio', 'COLLOQUIO con Rossi', 'Selezióne finale', 'Phone Screen – Acme', 'Screening  call']) {
      assert.equal(reasonOf(event({ summary })), 'interview by keyword', summary);
    }
  });

  it('does not match a keyword inside a longer word', () => {
    for (const summary of ['Interviewers sync', 'interviews debrief', 'Colloquiale', 'Preselezioneria']) {
      assert.equal(reasonOf(event({ summary })), 'no-match', summary);
    }
  });

  it('reports the longest keyword that matched', () => {
    const detection = detectInterview(event({ summary: 'Technical interview with Acme' }), defaultRules, google);
    assert.equal(detection.isInterview && detection.matched, 'technical interview');
  });

  it('matches user keywords written with accents or odd spacing', () => {
    assert.equal(reasonOf(event({ summary: 'Entretien RH' }), rules({ keywords: ['  ENTRETIEN  '] })), 'interview by keyword');
    assert.equal(reasonOf(event({ summary: 'Sélection' }), rules({ keywords: ['selection'] })), 'interview by keyword');
  });

  it('matches keywords holding regular-expression characters as written', () => {
    const keywords = ['C++ screen', 'pay (gross) review', '[tech] chat', 'what? call', 'a|b sync', 'end$', 'back\\slash', 'x.y'];
    for (const keyword of keywords) assert.equal(reasonOf(event({ summary: `${keyword} with Acme` }), rules({ keywords })), 'interview by keyword', keyword);
    assert.equal(reasonOf(event({ summary: 'xzy with Acme' }), rules({ keywords })), 'no-match');
  });

  it('follows a keyword or tag list edited in place after an earlier event used it', () => {
    const r = rules({ keywords: ['interview'], tags: ['#interview'] });
    assert.equal(reasonOf(event({ summary: 'Entretien RH' }), r), 'no-match');
    r.keywords.push('entretien');
    assert.equal(reasonOf(event({ summary: 'Entretien RH' }), r), 'interview by keyword');
    r.keywords[1] = 'rh';
    const detection = detectInterview(event({ summary: 'Entretien RH' }), r, google);
    assert.equal(detection.isInterview && detection.matched, 'rh');
    r.keywords.length = 0;
    assert.equal(reasonOf(event({ summary: 'Interview with Acme' }), r), 'no-match');
    r.tags[0] = '#job';
    assert.equal(reasonOf(event({ summary: 'Sync', description: 'see #job' }), r), 'interview by tag');
  });

  it('looks for keywords in the title only', () => {
    assert.equal(reasonOf(event({ summary: 'Catch-up', description: 'This is an interview' })), 'no-match');
  });

  it('tracks every timed event on a chosen calendar, after tags and keywords', () => {
    const r = rules({ calendars: ['jobs@group.calendar.google.com'] });
    const options: DetectOptions = { source: 'google', calendarId: 'jobs@group.calendar.google.com' };
    assert.equal(reasonOf(event({ summary: 'Chat' }), r, options), 'interview by calendar');
    assert.equal(reasonOf(event({ summary: 'Interview' }), r, options), 'interview by keyword');
    assert.equal(reasonOf(event({ summary: 'Chat' }), r, { source: 'google', calendarId: 'primary' }), 'no-match');
  });

  it('tracks events with a chosen colour, after the calendar rule', () => {
    const r = rules({ colors: ['11'], calendars: ['jobs'] });
    assert.equal(reasonOf(event({ summary: 'Chat', colorId: '11' }), r), 'interview by color');
    assert.equal(reasonOf(event({ summary: 'Chat', colorId: '11' }), r, { source: 'google', calendarId: 'jobs' }), 'interview by calendar');
    assert.equal(reasonOf(event({ summary: 'Chat', colorId: '3' }), r), 'no-match');
  });

  it('says no-match for an ordinary meeting', () => {
    assert.deepEqual(detectInterview(event({ summary: 'Team standup' }), defaultRules, google), { isInterview: false, reason: 'no-match' });
  });
});

describe('detectInterview: the interview it builds', () => {
  it('carries ids, title, absolute times and the event time zone', () => {
    const interview = interviewOf(event({ summary: '  Interview\nwith Acme ', start: { dateTime: START, timeZone: 'Europe/Rome' } }), defaultRules, { source: 'demo' });
    assert.equal(interview.id, 'demo:evt1');
    assert.equal(interview.source, 'demo');
    assert.equal(interview.eventId, 'evt1');
    assert.equal(interview.title, 'Interview with Acme');
    assert.equal(interview.start, START_MS);
    assert.equal(interview.end, END_MS);
    assert.equal(interview.timeZone, 'Europe/Rome');
    assert.deepEqual(interview.detectedBy, { rule: 'keyword', matched: 'interview' });
  });

  it('reads UTC and fractional-second times', () => {
    const interview = interviewOf(event({ start: { dateTime: '2026-11-26T14:00:00.5z' }, end: { dateTime: '2026-11-26T14:45:00Z' } }));
    assert.equal(interview.start, START_MS + 500);
    assert.equal(interview.end, END_MS);
  });

  it('leaves out a time zone that is not a real IANA zone', () => {
    for (const timeZone of ['Mars/Olympus_Mons', '<script>', 'x'.repeat(10_000), 7 as unknown as string]) {
      assert.equal(interviewOf(event({ start: { dateTime: START, timeZone } })).timeZone, undefined);
    }
  });

  it('takes the organizer as interviewer when it is not the user', () => {
    const interview = interviewOf(event({ organizer: { email: 'maya@example.com', displayName: ' Maya\u202E Chen ' } }));
    assert.deepEqual(interview.interviewer, { name: 'Maya Chen', email: 'maya@example.com' });
  });

  it('falls back to the first other attendee when the user organised the event', () => {
    const interview = interviewOf(event({
      organizer: { email: 'me@example.org', self: true },
      attendees: [
        { email: 'me@example.org', self: true, responseStatus: 'accepted' },
        { email: 'room-4@resource.calendar.google.com', resource: true },
        { email: 'not an address', displayName: 'Broken' },
        { email: 'sam@example.com', displayName: 'Sam Okafor' },
        { email: 'lee@example.com' },
      ],
    }));
    assert.deepEqual(interview.interviewer, { name: 'Sam Okafor', email: 'sam@example.com' });
  });

  it('skips group calendars and the configured own address', () => {
    const interview = interviewOf(event({
      organizer: { email: 'jobs123@group.calendar.google.com', displayName: 'Jobs' },
      attendees: [{ email: 'ME@example.org' }, { email: 'hr@example.com' }],
    }), defaultRules, { source: 'ical', selfEmail: 'me@example.org' });
    assert.deepEqual(interview.interviewer, { email: 'hr@example.com' });
  });

  it('falls back to an address in the description, and then to nobody', () => {
    assert.deepEqual(interviewOf(event({ organizer: { self: true, email: 'me@example.org' }, description: 'Questions? <a href="mailto:talent@example.com">talent@example.com</a>' })).interviewer, { email: 'talent@example.com' });
    assert.deepEqual(interviewOf(event({ description: 'No contact' })).interviewer, {});
  });

  it('collects phones from the conference, the location and the description, without repeats', () => {
    const interview = interviewOf(event({
      conferenceData: { entryPoints: [{ entryPointType: 'phone', uri: 'tel:+1-202-555-0199', label: '+1 202-555-0199', pin: '4321' }] },
      location: 'Call +1 (202) 555-0199 or +39 02 0000 1234',
      description: 'Backup: 02 0000 5678<br>Mobile: +39 02 0000 1234',
    }));
    // The location's own number first, the plain one from the text, the conference bridge last.
    assert.deepEqual(interview.phones, [
      { display: '+39 02 0000 1234', dial: '+390200001234', origin: 'location', kind: 'direct' },
      { display: '02 0000 5678', dial: '0200005678', origin: 'description' },
      { display: '+1 202-555-0199', dial: '+12025550199', pin: '4321', origin: 'conference', kind: 'bridge' },
    ]);
  });

  it('keeps at most five phone numbers', () => {
    const description = Array.from({ length: 12 }, (_, i) => `+39 02 0000 ${1000 + i}`).join('\n');
    assert.equal(interviewOf(event({ description })).phones.length, 5);
  });

  it('takes the video link from hangoutLink, then conference entry points, location and description', () => {
    assert.equal(interviewOf(event({ hangoutLink: 'https://meet.google.com/aaa-bbbb-ccc', description: 'https://zoom.us/j/1' })).videoUrl, 'https://meet.google.com/aaa-bbbb-ccc');
    assert.equal(interviewOf(event({ conferenceData: { entryPoints: [{ entryPointType: 'video', uri: 'https://acme.zoom.us/j/123' }] }, location: 'https://teams.live.com/meet/1' })).videoUrl, 'https://acme.zoom.us/j/123');
    assert.equal(interviewOf(event({ location: 'Online: https://teams.live.com/meet/1' })).videoUrl, 'https://teams.live.com/meet/1');
    assert.equal(interviewOf(event({ description: '<a href="https://meet.google.com/xyz-abcd-efg">Join</a>' })).videoUrl, 'https://meet.google.com/xyz-abcd-efg');
  });

  it('refuses video links that are not https Meet, Zoom or Teams', () => {
    const interview = interviewOf(event({
      hangoutLink: 'javascript:alert(1)',
      location: 'http://meet.google.com/abc https://meet.google.com.evil.example/x',
      description: 'https://evil.example/meet.google.com data:text/html,<script>alert(1)</script>',
    }));
    assert.equal(interview.videoUrl, undefined);
  });

  it('reads company and role from common title shapes', () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ['Interview with Acme', 'Acme', undefined],
      ['Acme — Senior Engineer interview', 'Acme', 'Senior Engineer'],
      ['Colloquio con Rossi S.p.A.', 'Rossi S.p.A.', undefined],
      ['Phone screen: Acme (Backend Engineer)', 'Acme', 'Backend Engineer'],
      ['Interview – Acme – Product Designer', 'Acme', 'Product Designer'],
      ['Technical interview with Acme for Backend Engineer', 'Acme', 'Backend Engineer'],
      ['Colloquio per la posizione di Sviluppatore Web presso Acme', 'Acme', 'Sviluppatore Web'],
    ];
    for (const [summary, company, role] of cases) {
      const interview = interviewOf(event({ summary }));
      assert.deepEqual([interview.company, interview.role], [company, role], summary);
    }
  });

  it('leaves company and role out when the title does not say', () => {
    for (const summary of ['Final interview', 'Acme interview', 'Interview']) {
      const interview = interviewOf(event({ summary }));
      assert.deepEqual([interview.company, interview.role], [undefined, undefined], summary);
    }
    const tagged = interviewOf(event({ summary: 'Lunch with Bob', description: '#interview' }));
    assert.equal(tagged.company, undefined);
  });

  it('never puts the tag, the keyword or the interviewer name into the company', () => {
    assert.equal(interviewOf(event({ summary: 'Interview #interview with Acme' })).company, 'Acme');
    assert.equal(interviewOf(event({ summary: 'Interview with Jane Doe', organizer: { email: 'jane@example.com', displayName: 'Jane Doe' } })).company, undefined);
  });
});

describe('detectInterview: hostile invites', () => {
  const hostile = '<img src=x onerror=alert(1)>\u202E\u0000\u0007\u200Bjavascript:alert(1)\r\nbcc:evil@bad.example';

  it('never throws on missing or mistyped fields', () => {
    const junk: unknown[] = [
      null,
      undefined,
      42,
      'interview',
      [],
      {},
      { id: 'x' },
      { id: 5, summary: 'Interview', start: { dateTime: START }, end: { dateTime: END } },
      { id: 'x', summary: ['Interview'], start: 'now', end: null, attendees: 'all', organizer: 'me', conferenceData: { entryPoints: 'x' } },
      { id: 'x', summary: 'Interview', start: { dateTime: START }, end: { dateTime: END }, attendees: [null, 1, 'a', { self: 'yes' }], organizer: [], conferenceData: { entryPoints: [null, 1, { entryPointType: 'phone', uri: 7 }] }, location: {}, description: 9, hangoutLink: {} },
    ];
    for (const item of junk) {
      assert.doesNotThrow(() => detectInterview(item as CalendarEvent, defaultRules, google));
    }
    const detection = detectInterview(junk[9] as CalendarEvent, defaultRules, google);
    assert.equal(detection.isInterview, true);
  });

  it('never throws on malformed rules or options', () => {
    for (const r of [null, {}, { tags: 'x', keywords: [null, 1, 'interview'], calendars: {}, colors: 3, overrides: null }]) {
      assert.doesNotThrow(() => detectInterview(event(), r as unknown as DetectionRules, undefined as unknown as DetectOptions));
    }
    const detection = detectInterview(event(), { tags: [], keywords: [null, 'interview'], calendars: [], colors: [], overrides: {} } as unknown as DetectionRules, google);
    assert.equal(detection.isInterview, true);
  });

  it('cleans hostile strings in every field and keeps only valid addresses', () => {
    const detection = detectInterview(event({
      summary: `Interview with Acme ${hostile}`,
      description: `#interview ${hostile} write to a@b.com\r\nbcc:x@y.com`,
      location: hostile,
      hangoutLink: hostile,
      organizer: { email: 'a@b.com\r\nbcc:x@y.com', displayName: hostile },
      attendees: [{ email: 'a@b.com,c@d.com', displayName: hostile }, { email: 'Name <a@b.com>' }],
      conferenceData: { entryPoints: [{ entryPointType: 'phone', uri: 'tel:+12025550199', label: hostile, pin: hostile }, { entryPointType: 'video', uri: hostile }] },
    }), defaultRules, google);
    assert.equal(detection.isInterview, true);
    const interview = (detection as { interview: Interview }).interview;
    const texts = [interview.title, interview.company, interview.role, interview.interviewer.name, ...interview.phones.flatMap((p) => [p.display, p.pin])].filter((t): t is string => t !== undefined);
    for (const text of texts) {
      // eslint-disable-next-line no-control-regex -- asserting that control characters are gone
      assert.doesNotMatch(text, /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
    }
    assert.equal(interview.videoUrl, undefined);
    assert.ok(interview.interviewer.email === undefined || isValidEmail(interview.interviewer.email));
    // Organizer and attendees are refused; the first plain address of the description is used.
    assert.equal(interview.interviewer.email, 'evil@bad.example');
    assert.ok(interview.phones.every((phone) => /^\+?\d+$/.test(phone.dial)));
  });

  it('copes with a 1 MB description and 500 attendees quickly', () => {
    const attendees = Array.from({ length: 500 }, (_, i) => ({ email: `bad address ${i}`, displayName: hostile }));
    const description = `${'a1@'.repeat(100_000)}${'(415) 555-0100 '.repeat(20_000)}${'x'.repeat(400_000)} #interview https://meet.google.com/late`;
    assert.ok(description.length > 1_000_000);
    const { result: detection, ms } = cpuMillis(() => detectInterview(event({ summary: 'Chat', description, attendees, location: '9'.repeat(1_000_000) }), defaultRules, google));
    assert.ok(ms < 1000, `${Math.round(ms)} ms of CPU`);
    // The tag sits beyond the scanned prefix, so it must not count.
    assert.deepEqual(detection, { isInterview: false, reason: 'no-match' });
    const tagged = detectInterview(event({ summary: 'Interview', description, attendees }), defaultRules, google);
    assert.equal(tagged.isInterview && tagged.interview.videoUrl, undefined);
    assert.deepEqual(tagged.isInterview && tagged.interview.interviewer, {});
  });

  it('caps a very long title', () => {
    assert.ok(interviewOf(event({ summary: `Interview ${'x'.repeat(1_000_000)}` })).title.length <= 200);
  });
});

describe('detectInterview: who to write to', () => {
  it('prefers a person over a scheduling, no-reply or group organizer', () => {
    const interview = interviewOf(event({
      organizer: { email: 'scheduling@acme.com', displayName: 'Acme Scheduling' },
      attendees: [
        { email: 'me@example.org', self: true },
        { email: 'all-team@acme.com', displayName: 'All Team' },
        { email: 'priya.nair@acme.com', displayName: 'Priya Nair' },
      ],
    }));
    assert.deepEqual(interview.interviewer, { name: 'Priya Nair', email: 'priya.nair@acme.com' });
  });

  it('writes to a no-reply address only when there is nobody else, without a name to greet', () => {
    const interview = interviewOf(event({ organizer: { email: 'no-reply@calendly.com', displayName: 'Calendly' }, attendees: [{ email: 'me@example.org', self: true }] }));
    assert.deepEqual(interview.interviewer, { email: 'no-reply@calendly.com' });
  });

  it('never takes the user for the interviewer, whichever of their addresses the invite uses', () => {
    const ev = event({ organizer: { email: 'Ana.Rossi@gmail.com' }, attendees: [{ email: 'ana.rossi+jobs@gmail.com' }, { email: 'luca@acme.it', displayName: 'Luca Bianchi' }] });
    assert.deepEqual(interviewOf(ev, defaultRules, { source: 'google', selfEmails: ['anarossi@gmail.com'] }).interviewer, { name: 'Luca Bianchi', email: 'luca@acme.it' });
    // Without Google's self flag, the signed-in account and the profile email are enough.
    const own = event({ organizer: { email: 'me@example.org' }, attendees: [{ email: 'me@example.org' }, { email: 'sam@acme.com' }] });
    assert.deepEqual(interviewOf(own, defaultRules, { source: 'google', selfEmail: 'ME@example.org' }).interviewer, { email: 'sam@acme.com' });
  });

  it('drops a display name that is only the address', () => {
    const interview = interviewOf(event({ organizer: { email: 'jane@acme.com', displayName: 'jane@acme.com' } }));
    assert.deepEqual(interview.interviewer, { email: 'jane@acme.com' });
  });

  it('never takes a Webex SIP address in the description for an email', () => {
    const interview = interviewOf(event({ organizer: { email: 'me@example.org', self: true }, description: 'Join by video system\nDial sip:25501234567@acme.webex.com\nYou can also dial 173.243.2.68 and enter your meeting number.' }));
    assert.deepEqual(interview.interviewer, {});
  });

  it('never offers the user\'s own phone number', () => {
    const ev = event({ location: '+39 347 123 4567', description: 'Recruiter: +39 02 1234 5678' });
    const interview = interviewOf(ev, defaultRules, { source: 'google', selfPhones: ['347 1234567'] });
    assert.deepEqual(interview.phones.map((phone) => phone.dial), ['+390212345678']);
  });

  it('gives national numbers the country of the organizer\'s domain, else of the event zone', () => {
    const byDomain = interviewOf(event({ organizer: { email: 'hr.milano@acme.it' }, description: 'Tel. 02 1234 5678' }));
    assert.equal(byDomain.phones[0]?.dial, '+390212345678');
    const byZone = interviewOf(event({ start: { dateTime: START, timeZone: 'America/New_York' }, organizer: { email: 'jo@acme.com' }, description: 'Call me: (415) 555-0187' }));
    assert.equal(byZone.phones[0]?.dial, '+14155550187');
  });
});

describe('detectInterview: company and role from the title', () => {
  it('never takes a person in the invite for the company', () => {
    const interview = interviewOf(event({ summary: 'Phone Screen - Jane Doe (Software Engineer)', organizer: { email: 'jane.doe@acme.com' } }));
    assert.equal(interview.company, undefined);
    assert.equal(interview.role, 'Software Engineer');
  });

  it('understands scheduling tools\' separators', () => {
    const tool = interviewOf(event({ summary: 'Acme <> Priya Nair: Phone Screen', attendees: [{ email: 'priya@acme.com', displayName: 'Priya Nair' }] }));
    assert.equal(tool.company, 'Acme');
    const cross = interviewOf(event({ summary: 'Interview | Globex | Data Analyst' }));
    assert.deepEqual([cross.company, cross.role], ['Globex', 'Data Analyst']);
  });
});

describe('detectInterview: titles', () => {
  it('finds plurals, gerunds, screens, final rounds and Italian compounds', () => {
    for (const summary of ['Interviews: Acme onsite loop', 'Interviewing with Globex', 'Recruiter screen - Initech', 'Tech screen w/ Hooli', 'Technical Screen (Backend)', 'Pre-screen call with Stark', 'Final round - Umbrella', 'Videocolloquio con Rossi Srl', 'Colloqui finali Acme']) {
      assert.match(reasonOf(event({ summary })), /^interview by keyword/, summary);
    }
  });

  it('reads the description\'s Event Name line when the title carries only names', () => {
    const detection = detectInterview(event({ summary: 'Ana Rossi and Priya Nair', description: 'Event Name: 30 Minute Phone Screen\n\nLocation: This is a phone call.' }), defaultRules, google);
    assert.equal(detection.isInterview && detection.rule, 'eventName');
    assert.equal(detection.isInterview && detection.matched, 'phone screen');
  });

  it('does not take look-alikes for job interviews', () => {
    for (const summary of [
      'Exit interview - Marco', 'User interview #4 (onboarding study)', 'Customer interview: Globex', 'Podcast interview with Tech Talks', 'Press interview - Corriere',
      'Mock interview with career coach', 'Interview prep', 'Panel debrief: backend candidate', 'Interview calibration', '[Hold] Interview slot', 'Interview Jane Doe for Backend Engineer',
      'Nanny interview - Sofia', 'Colloquio genitori - classe 3B', 'Colloquio con il pediatra', 'Visa interview - US Consulate', 'Selezione fornitori catering', 'Intervista a Paolo Rossi',
    ]) {
      assert.equal(reasonOf(event({ summary })), 'no-match', summary);
    }
  });

  it('does not take one named person interviewing another for the user\'s interview', () => {
    // A real listing from a public London events calendar, and its Italian shape.
    for (const summary of ['The Life Scientific live: Jim Al-Khalili interviews Chris Packham', 'Festival della Mente: Mario Rossi intervista Anna Bianchi']) {
      assert.equal(reasonOf(event({ summary })), 'no-match', summary);
    }
    // The same word without a person on both sides is still the user's interview.
    for (const summary of ['Onsite interviews - Initech', 'Stripe interviews (virtual onsite)', 'Back-to-back interviews at Hooli', 'Interviews with Jane Doe']) {
      assert.match(reasonOf(event({ summary })), /^interview by keyword/, summary);
    }
  });

  it('still tracks a look-alike the user tags or marks', () => {
    assert.equal(reasonOf(event({ summary: 'Mock interview #interview' })), 'interview by tag');
    assert.equal(reasonOf(event({ summary: 'Exit interview' }), rules({ overrides: { evt1: 'interview' } })), 'interview by override');
  });
});

describe('descriptionMayDecide: when a title\'s "no interview" holds for other descriptions', () => {
  // The iCal source skips detection for an event whose title was no interview with a
  // description that could not decide, when its own could not either. It must never skip one
  // detection would find.
  const descriptions = [
    '', 'Weekly catch-up', 'Agenda: budget, hiring plan, Q3 roadmap', 'Prevent the #1 outage cause', 'Notes: https://example.org/#section',
    '#interview', 'Round 2 #colloquio', '#INTERVIEW', 'Event Name: 30 Minute Phone Screen', 'Event Type: Interview', '<p>Event Name: Technical interview</p>',
    '<div>Nome evento: Colloquio conoscitivo</div>', 'Tipo di evento: colloquio', 'EVENT NAME:Recruiter call', 'eventually',
    ...labelledInvites.map((invite) => invite.event.description ?? ''),
  ];
  const titles = [...positiveTitles.slice(0, 40), ...negativeTitles.slice(0, 120), 'Call', 'Sync', 'Mock interview', 'Exit interview - Marco'];

  it('is never wrong: a title with no interview in it and a description that cannot decide stays no interview with any other that cannot', () => {
    let skippable = 0;
    for (const summary of titles) {
      const deciding = descriptions.filter((description) => !descriptionMayDecide(defaultRules, description));
      const noMatch = deciding.filter((description) => reasonOf(event({ summary, description })) === 'no-match');
      if (noMatch.length === 0) continue;
      for (const description of deciding) {
        skippable++;
        assert.equal(reasonOf(event({ summary, description })), 'no-match', `${summary} / ${description.slice(0, 80)}`);
      }
    }
    assert.ok(skippable > 1_000, `${skippable} pairs checked`);
  });

  it('says a tag or an event-name line may decide, and nothing else does', () => {
    for (const description of ['#interview', 'Round 2 #colloquio', 'Event Name: 30 Minute Phone Screen', '<p>Event Type: Interview</p>', 'Tipo di evento: colloquio']) {
      assert.equal(descriptionMayDecide(defaultRules, description), true, description);
      assert.match(reasonOf(event({ summary: 'Call', description })), /^interview by/, description);
    }
    assert.equal(descriptionMayDecide(defaultRules, 'Weekly catch-up, https://meet.google.com/abc-defg-hij'), false);
    // A tag without '#' can be found anywhere in a description: every description may decide.
    assert.equal(descriptionMayDecide(rules({ tags: ['#interview', 'colloquio-tag'] }), 'Weekly catch-up'), true);
  });
});
