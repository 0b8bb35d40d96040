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
import { MINUTE } from '../src/core/units.ts';

const ROME = 'Europe/Rome';
const NEW_YORK = 'America/New_York';
const TOKYO = 'Asia/Tokyo';

/** Thursday 26 November 2026, 15:30 in Rome (9:30 in New York). */
const START = Date.UTC(2026, 10, 26, 14, 30);

/** New times the candidate proposes: Friday morning, Monday afternoon, Tuesday morning (Rome). */
const SLOTS = [
  { start: Date.UTC(2026, 10, 27, 9, 0), end: Date.UTC(2026, 10, 27, 9, 30) },
  { start: Date.UTC(2026, 10, 30, 14, 0), end: Date.UTC(2026, 10, 30, 14, 30) },
  { start: Date.UTC(2026, 11, 1, 8, 30), end: Date.UTC(2026, 11, 1, 9, 0) },
];

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
  /** The candidate's zone. */
  zone?: string;
  slots?: boolean;
}

const situations: Situation[] = [
  {
    title: 'Before the call, full profile',
    facts: 'Two hours before a 15:30 call; candidate and interviewer both in Rome.',
    kinds: ['confirmation'],
    at: -120,
  },
  {
    title: 'Empty profile, no calls yet, 12 minutes of the wait left',
    facts: 'The user has not filled in name, phone or email; 18 minutes after the start.',
    kinds: ['follow-up', 'voicemail', 'apology'],
    profile: emptyProfile,
    at: 18,
  },
  {
    title: 'Voicemail copied at the start, one call made, 30 minutes left',
    facts: 'At the scheduled start; the candidate called once.',
    kinds: ['voicemail', 'follow-up'],
    marks: { callAttempts: [START] },
    at: 0,
  },
  {
    title: 'Two calls, 12 minutes left',
    facts: '18 minutes after the start; the candidate called twice.',
    kinds: ['follow-up', 'voicemail'],
    marks: { callAttempts: [START + MINUTE, START + 10 * MINUTE] },
    at: 18,
  },
  {
    title: 'Three minutes left: availability left out',
    facts: '27 minutes after the start; two calls. Too little time left to promise availability.',
    kinds: ['follow-up', 'voicemail'],
    marks: { callAttempts: [START + MINUTE, START + 10 * MINUTE] },
    at: 27,
  },
  {
    title: 'The wait is over: asking for a new time',
    facts: '31 minutes after the start; two calls; three new times proposed.',
    kinds: ['reschedule', 'please-call-me'],
    marks: { callAttempts: [START + MINUTE, START + 10 * MINUTE] },
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
    facts: 'Marked "I missed their call" 5 minutes after the start, called back once; three new times proposed.',
    kinds: ['apology'],
    marks: { missedAt: START + 5 * MINUTE, callAttempts: [START + 7 * MINUTE] },
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
    marks: { connectedAt: START + MINUTE, doneAt: START + 50 * MINUTE },
    at: 80,
  },
  {
    title: 'Thank-you after a call that had been moved or missed',
    facts: 'The call was missed, then held; the thank-you also thanks for the flexibility.',
    kinds: ['thank-you'],
    marks: { missedAt: START + 5 * MINUTE, doneAt: START + 50 * MINUTE },
    at: 80,
  },
  {
    title: 'Other zone: candidate in Rome, interviewer in New York',
    facts: 'The invite was made in New York (9:30 there, 15:30 in Rome); two calls; 18 minutes after the start.',
    kinds: ['confirmation', 'follow-up', 'voicemail', 'reschedule'],
    interview: { timeZone: NEW_YORK },
    marks: { callAttempts: [START + MINUTE, START + 10 * MINUTE] },
    at: 18,
    slots: true,
  },
  {
    title: 'Crossing midnight: candidate in Tokyo, interviewer in New York',
    facts: 'The call is at 00:30 on Friday in Tokyo, 10:30 on Thursday in New York; the drafts are written on Thursday evening in Tokyo, and then 18 minutes after the start.',
    kinds: ['confirmation', 'follow-up', 'voicemail'],
    interview: { start: Date.UTC(2026, 10, 26, 15, 30), end: Date.UTC(2026, 10, 26, 16, 15), timeZone: NEW_YORK },
    zone: TOKYO,
    at: -90,
  },
  {
    title: 'Crossing midnight, 18 minutes into the wait',
    facts: 'As above, now 00:48 in Tokyo; one call.',
    kinds: ['follow-up', 'voicemail'],
    interview: { start: Date.UTC(2026, 10, 26, 15, 30), end: Date.UTC(2026, 10, 26, 16, 15), timeZone: NEW_YORK },
    marks: { callAttempts: [Date.UTC(2026, 10, 26, 15, 40)] },
    zone: TOKYO,
    at: 18,
  },
  {
    title: 'Video interview (a Meet link, no phone number)',
    facts: 'Nobody joined the meeting; 18 minutes after the start, then the apology and the reschedule.',
    kinds: ['confirmation', 'follow-up', 'apology', 'reschedule'],
    interview: { phones: [], videoUrl: 'https://meet.google.com/abc-defg-hij' },
    at: 18,
    slots: true,
  },
  {
    title: 'A team address, only the company known',
    facts: 'The organizer is "HR Team <careers@acme.example>"; the title gave the company only.',
    kinds: ['follow-up', 'apology', 'thank-you'],
    interview: { role: undefined, interviewer: { name: 'HR Team', email: 'careers@acme.example' } },
    marks: { callAttempts: [START + 2 * MINUTE] },
    at: 18,
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

function render(situation: Situation, kind: TemplateKind, locale: Locale): string {
  const interview: Interview = { ...baseInterview, ...situation.interview };
  const marks: Marks = { callAttempts: [], ...situation.marks };
  const settings: Settings = { ...structuredClone(defaultSettings), profile: situation.profile ?? fullProfile };
  const draft = buildDraft(kind, interview, marks, settings, {
    now: interview.start + situation.at * MINUTE,
    locale,
    timeZone: situation.zone ?? ROME,
    slots: situation.slots ? SLOTS : undefined,
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
    'set of situations. The interview: Acme, Backend Engineer, Thursday 26 November 2026 at 15:30 in Rome,',
    'interviewer Giulia Rossi; the candidate Marco Bianchi (unless the profile is empty). The calendar title',
    '"Colloquio Acme (mio)" is the candidate\'s own label and never appears in a draft.',
    '',
    '## Situations',
    '',
    ...situations.map((s, i) => `${i + 1}. [${s.title}](#${i + 1}-${anchor(s.title)})`),
    '',
  ];
  situations.forEach((situation, index) => {
    out.push(`## ${index + 1}. ${situation.title}`, '', situation.facts, '');
    for (const kind of situation.kinds) {
      for (const locale of ['en', 'it'] as const) {
        out.push(`### ${kindNames[kind]} — ${localeNames[locale]}`, '', '```text', render(situation, kind, locale), '```', '');
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
