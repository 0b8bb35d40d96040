/**
 * Writes docs/drafts.md: every email and the voicemail script, in English and Italian, for a
 * fixed set of situations, rendered through the real templates and the real draft builder
 * (src/core/build-draft.ts), so a reader can review the wording without running anything.
 *
 *   npm run drafts            regenerate docs/drafts.md
 *
 * tests/unit/drafts-gallery.test.ts fails when the committed file is out of date. Every input
 * is fixed (instants, zones, profile, slots), so the output depends on nothing but the code.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Interview, Locale, Marks, TemplateKind } from '../src/core/types.ts';
import type { Settings } from '../src/core/settings.ts';
import { defaultSettings } from '../src/core/settings.ts';
import { buildDraft } from '../src/core/build-draft.ts';
import { defaultTemplates } from '../src/core/render-template.ts';
import { draftsOffered, offeredDrafts, voicemailOffered } from '../src/core/outcome.ts';
import { proposeSlots } from '../src/core/propose-slots.ts';
import { MINUTE } from '../src/core/units.ts';

const ROME = 'Europe/Rome';
const NEW_YORK = 'America/New_York';
const TOKYO = 'Asia/Tokyo';

/** Thursday 19 November 2026, 15:30 in Rome (9:30 in New York): a week with no public holiday
 * in Italy or the United States (26 November is Thanksgiving). */
const START = Date.UTC(2026, 10, 19, 14, 30);

const fullProfile: Settings['profile'] = { name: 'Marco Bianchi', phone: '+39 347 123 4567', email: 'marco.bianchi@example.com' };
const emptyProfile: Settings['profile'] = { name: '', phone: '', email: '' };

const baseInterview: Interview = {
  id: 'gallery:1',
  source: 'google',
  eventId: '1',
  title: 'Colloquio Acme (mio)',
  company: 'Acme',
  role: 'Backend Engineer',
  start: START,
  end: START + 45 * MINUTE,
  timeZone: ROME,
  interviewer: { name: 'Giulia Rossi', email: 'giulia.rossi@acme.example' },
  phones: [{ display: '+39 02 1234 5678', dial: '+390212345678', origin: 'conference' }],
  detectedBy: { rule: 'keyword', matched: 'colloquio' },
};

interface Moment {
  /** Minutes after the scheduled start (negative: before). */
  at?: number;
  marks?: Partial<Marks>;
}

interface Situation {
  title: string;
  /** What a reader needs to know to judge the wording. */
  facts: string;
  kinds: TemplateKind[];
  interview?: Partial<Interview>;
  marks?: Partial<Marks>;
  profile?: Settings['profile'];
  /** Minutes after the scheduled start (negative: before). */
  at: number;
  /** A kind shown at another moment of the same interview (the product offers each draft only
   * when it fits: the confirmation before the start, the apology after a missed call…). */
  moments?: Partial<Record<TemplateKind, Moment>>;
  /** The candidate's zone. */
  zone?: string;
  /** Propose new times, as the product does: free slots from the real slot finder (an empty
   * calendar, the default working hours, the interviewer's zone). */
  slots?: boolean;
}

const NEW_YORK_PHONE = [{ display: '+1 212 555 0100', dial: '+12125550100', origin: 'conference' as const }];
const TOKYO_CALL = { start: Date.UTC(2026, 10, 19, 15, 30), end: Date.UTC(2026, 10, 19, 16, 15), timeZone: NEW_YORK, phones: NEW_YORK_PHONE };
const TWO_CALLS = { callAttempts: [START + MINUTE, START + 10 * MINUTE] };
const MISSED = { missedAt: START + 5 * MINUTE, callAttempts: [START + 7 * MINUTE] };
const SPOKE = { connectedAt: START + MINUTE, doneAt: START + 50 * MINUTE };

const situations: Situation[] = [
  {
    title: 'Before the call, full profile',
    facts: 'Two hours before a 15:30 call; candidate and interviewer both in Rome.',
    kinds: ['confirmation'],
    at: -120,
  },
  {
    title: 'Empty profile, no calls yet, 12 minutes of the wait left',
    facts: 'The user has not filled in name, phone or email; 18 minutes after the start. An email leaves out a missing phone; the voicemail, read aloud by the user, shows the gap.',
    kinds: ['follow-up', 'voicemail'],
    profile: emptyProfile,
    at: 18,
  },
  {
    title: 'Empty profile, a missed call',
    facts: 'The user has not filled in the profile and marked "I missed their call" 5 minutes after the start; no free time to propose.',
    kinds: ['apology'],
    profile: emptyProfile,
    marks: { missedAt: START + 5 * MINUTE },
    at: 8,
  },
  {
    title: 'Five minutes into the wait, one call made, 25 minutes left',
    facts: '5 minutes after the start (the follow-up is not offered earlier); the candidate called once. The number in the invite is Italian, like the candidate\'s: the voicemail says the number without +39.',
    kinds: ['voicemail', 'follow-up'],
    marks: { callAttempts: [START + MINUTE] },
    at: 5,
  },
  {
    title: 'Two calls, 12 minutes left',
    facts: '18 minutes after the start; the candidate called twice.',
    kinds: ['follow-up', 'voicemail'],
    marks: TWO_CALLS,
    at: 18,
  },
  {
    title: 'Three minutes left: availability left out',
    facts: '27 minutes after the start; two calls. Too little time left to promise availability.',
    kinds: ['follow-up', 'voicemail'],
    marks: TWO_CALLS,
    at: 27,
  },
  {
    title: 'The wait is over: asking for a new time',
    facts: '31 minutes after the start; two calls; the free times proposed. ("Please call me" is only under More emails here: it leads once a moved call has failed again, situation 10.)',
    kinds: ['reschedule'],
    marks: TWO_CALLS,
    at: 31,
    slots: true,
  },
  {
    title: 'The reschedule request with no times to propose',
    facts: '31 minutes after the start; no free time found in the calendar.',
    kinds: ['reschedule'],
    at: 31,
  },
  {
    title: 'They called and the candidate missed it',
    facts: 'Marked "I missed their call" 5 minutes after the start, called back once; the free times proposed.',
    kinds: ['apology'],
    marks: MISSED,
    at: 8,
    slots: true,
  },
  {
    title: 'Moved to a new time, and again no call',
    facts: 'The interview was moved (to this 15:30); 31 minutes after the start.',
    kinds: ['please-call-me'],
    marks: { rescheduled: true },
    at: 31,
  },
  {
    title: 'Thank-you after a call that went ahead as planned',
    facts: 'The call connected at the start and is marked done.',
    kinds: ['thank-you'],
    marks: SPOKE,
    at: 80,
  },
  {
    title: 'Thank-you after a missed call',
    facts: 'The candidate missed the call, called back, and they spoke; the thank-you also thanks them for being flexible after the candidate\'s own mistake (situation 19: a call moved to a new time).',
    kinds: ['thank-you'],
    marks: { missedAt: START + 5 * MINUTE, calledBackAt: START + 7 * MINUTE, connectedAt: START + 8 * MINUTE, doneAt: START + 50 * MINUTE },
    at: 80,
  },
  {
    title: 'Other zone: candidate in Rome, interviewer in New York',
    facts: 'The invite was made in New York (9:30 there, 15:30 in Rome) with a New York number. The confirmation two hours before; the follow-up and the voicemail 18 minutes after the start (two calls); the reschedule request at 31 minutes, with times inside both working days (15:00–18:00 in Rome is 9:00–12:00 in New York).',
    kinds: ['confirmation', 'follow-up', 'voicemail', 'reschedule'],
    interview: { timeZone: NEW_YORK, phones: NEW_YORK_PHONE },
    marks: TWO_CALLS,
    at: 18,
    moments: { confirmation: { at: -120 }, reschedule: { at: 31 } },
    slots: true,
  },
  {
    title: 'Crossing midnight: candidate in Tokyo, interviewer in New York',
    facts: 'The call is at 00:30 on Friday in Tokyo, 10:30 on Thursday in New York; the confirmation is written on Thursday evening in Tokyo, 90 minutes before. (Follow-up and voicemail are not offered before the start: situation 15.)',
    kinds: ['confirmation'],
    interview: TOKYO_CALL,
    zone: TOKYO,
    at: -90,
  },
  {
    title: 'Crossing midnight, 18 minutes into the wait',
    facts: 'As above, now 00:48 in Tokyo; one call. At 31 minutes, the reschedule request: the working days of Tokyo and New York do not overlap, so no times are proposed and the email asks for one.',
    kinds: ['follow-up', 'voicemail', 'reschedule'],
    interview: TOKYO_CALL,
    marks: { callAttempts: [Date.UTC(2026, 10, 19, 15, 40)] },
    zone: TOKYO,
    at: 18,
    moments: { reschedule: { at: 31 } },
    slots: true,
  },
  {
    title: 'Video interview (a Meet link, no phone number)',
    facts: 'The confirmation two hours before; the follow-up 18 minutes after the start (nobody else in the meeting); the reschedule request at 31 minutes; the apology when the candidate missed it.',
    kinds: ['confirmation', 'follow-up', 'reschedule', 'apology'],
    interview: { phones: [], videoUrl: 'https://meet.google.com/abc-defg-hij' },
    at: 18,
    moments: { confirmation: { at: -120 }, reschedule: { at: 31 }, apology: { at: 8, marks: { missedAt: START + 5 * MINUTE } } },
    slots: true,
  },
  {
    title: 'A team address, only the company known',
    facts: 'The organizer is "HR Team <careers@acme.example>"; the title gave the company only. Every draft at its own moment: the confirmation two hours before; the follow-up and the voicemail 18 minutes after the start (one call); the reschedule request at 31 minutes; "please call me" after a moved call failed again; the apology after a missed call; the thank-you after they spoke.',
    kinds: ['confirmation', 'follow-up', 'voicemail', 'reschedule', 'please-call-me', 'apology', 'thank-you'],
    interview: { role: undefined, interviewer: { name: 'HR Team', email: 'careers@acme.example' } },
    marks: { callAttempts: [START + 2 * MINUTE] },
    at: 18,
    moments: {
      confirmation: { at: -120, marks: {} },
      reschedule: { at: 31 },
      'please-call-me': { at: 31, marks: { rescheduled: true } },
      apology: { at: 8, marks: MISSED },
      'thank-you': { at: 80, marks: SPOKE },
    },
    slots: true,
  },
  {
    title: 'A team address with the role known',
    facts: 'The organizer is "Acme Recruiting <jobs@acme.example>"; company and role known; 18 minutes after the start, two calls, then the thank-you.',
    kinds: ['follow-up', 'thank-you'],
    interview: { interviewer: { name: 'Acme Recruiting', email: 'jobs@acme.example' } },
    marks: TWO_CALLS,
    at: 18,
    moments: { 'thank-you': { at: 80, marks: SPOKE } },
  },
  {
    title: 'Thank-you after a call moved to a new time',
    facts: 'The interview was moved (to this 15:30) and they spoke; the thank-you thanks for the flexibility in rescheduling.',
    kinds: ['thank-you'],
    marks: { rescheduled: true, ...SPOKE },
    at: 80,
  },
  {
    title: 'Thank-you to a team after a call moved to a new time',
    facts: 'As situation 19, written to "Acme Recruiting <jobs@acme.example>".',
    kinds: ['thank-you'],
    interview: { interviewer: { name: 'Acme Recruiting', email: 'jobs@acme.example' } },
    marks: { rescheduled: true, ...SPOKE },
    at: 80,
  },
];

const kindNames: Record<TemplateKind, string> = {
  confirmation: 'Confirmation',
  'follow-up': 'Follow-up',
  voicemail: 'Voicemail script',
  apology: 'Apology (missed their call)',
  reschedule: 'Reschedule request',
  'please-call-me': 'Please call me',
  'thank-you': 'Thank-you',
};

const localeNames: Record<Locale, string> = { en: 'English', it: 'Italiano' };

function settingsFor(situation: Situation): Settings {
  return { ...structuredClone(defaultSettings), profile: situation.profile ?? fullProfile };
}

function momentOf(situation: Situation, kind: TemplateKind): { interview: Interview; marks: Marks; now: number } {
  const interview: Interview = { ...baseInterview, ...situation.interview };
  const moment = situation.moments?.[kind];
  const marks: Marks = { callAttempts: [], ...(moment?.marks ?? situation.marks) };
  return { interview, marks, now: interview.start + (moment?.at ?? situation.at) * MINUTE };
}

/** What the product offers at that moment, so the gallery shows nothing it would not. */
function offeredLine(situation: Situation, kind: TemplateKind): string {
  const { interview, marks, now } = momentOf(situation, kind);
  const settings = settingsFor(situation);
  if (kind === 'voicemail') {
    if (!voicemailOffered(interview, marks, now, settings)) throw new Error(`${situation.title}: the voicemail is not offered then`);
    return 'Shown on the card during the wait.';
  }
  const offered = offeredDrafts(interview, marks, now, settings);
  if (!draftsOffered(offered).includes(kind)) throw new Error(`${situation.title}: ${kind} is not offered then`);
  const more = offered.more.map((k) => kindNames[k]).join(', ');
  return offered.primary === kind ? `The primary email at this moment${more ? `; under More emails: ${more}` : ''}.` : `Under More emails at this moment (the primary: ${offered.primary ? kindNames[offered.primary] : 'none'}).`;
}

function render(situation: Situation, kind: TemplateKind, locale: Locale): string {
  const { interview, marks, now } = momentOf(situation, kind);
  const settings = settingsFor(situation);
  const timeZone = situation.zone ?? ROME;
  const slots = situation.slots
    ? proposeSlots([], now, {
        durationMinutes: Math.round((interview.end - interview.start) / MINUTE),
        bufferMinutes: settings.slotBuffer,
        count: 3,
        workingHours: settings.workingHours,
        timeZone,
        interviewerTimeZone: interview.timeZone,
      })
    : undefined;
  const draft = buildDraft(kind, interview, marks, settings, {
    now,
    locale,
    timeZone,
    slots,
    defaults: defaultTemplates,
  });
  // The voicemail is read aloud: it has no subject or recipient.
  const head = kind === 'voicemail' ? '' : `To: ${draft.to ?? '(no address in the invite)'}\nSubject: ${draft.subject}\n\n`;
  return `${head}${draft.body}`;
}

/** The whole gallery as Markdown. */
export function renderGallery(): string {
  const out: string[] = [
    '# Drafts gallery',
    '',
    '<!-- Generated by scripts/render-drafts-gallery.ts (`npm run drafts`) from the real templates; do not edit by hand. -->',
    '',
    'Every email and the voicemail script as the extension writes them, in English and Italian, for a fixed',
    'set of situations. The interview: Acme, Backend Engineer, Thursday 19 November 2026 at 15:30 in Rome,',
    'interviewer Giulia Rossi; the candidate Marco Bianchi (unless the profile is empty). The calendar title',
    '"Colloquio Acme (mio)" is the candidate\'s own label and never appears in a draft.',
    '',
    'Each draft is shown at a moment the product offers it (the script checks this against the outcome model and',
    'fails otherwise), with whether it is the primary email then or sits under "More emails". New times are',
    'computed by the real slot finder: an empty calendar, weekdays 09:00–18:00 for the candidate and, when the',
    'interviewer\'s clock differs, for the interviewer on theirs.',
    '',
    '## Situations',
    '',
    ...situations.map((s, i) => `${i + 1}. [${s.title}](#${i + 1}-${anchor(s.title)})`),
    '',
  ];
  situations.forEach((situation, index) => {
    out.push(`## ${index + 1}. ${situation.title}`, '', situation.facts, '');
    for (const kind of situation.kinds) {
      const offered = offeredLine(situation, kind);
      for (const locale of ['en', 'it'] as const) {
        out.push(`### ${kindNames[kind]} — ${localeNames[locale]}`, '', offered, '', '```text', render(situation, kind, locale), '```', '');
      }
    }
  });
  return out.join('\n');
}

/** GitHub's heading anchors: lower case, spaces to hyphens, punctuation dropped. */
function anchor(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-');
}

export const galleryPath = fileURLToPath(new URL('../docs/drafts.md', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(galleryPath, renderGallery());
  console.log(`wrote ${galleryPath}`);
}
