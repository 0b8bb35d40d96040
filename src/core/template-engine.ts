/**
 * Turns a template (subject + body text with placeholders) and what we know about an
 * interview into the words of an email or a voicemail script.
 *
 * The wording lives in templates-en.ts / templates-it.ts as plain text, so that an options
 * page can later let the user edit it. The text uses a deliberately tiny syntax:
 *
 *   {name}         a placeholder (see `templatePlaceholders`). An unknown name is left as
 *                  written, so a typo in a user's template shows up instead of vanishing.
 *   [ … ]          an optional part: dropped when any placeholder directly inside it has no
 *                  value. Groups nest.
 *   [ a | b | c ]  alternatives: the first whose placeholders all have values; none → nothing.
 *
 * A line with a missing placeholder outside any group is dropped whole (that is how the
 * signature loses its phone line when there is no phone). Missing data therefore removes
 * the clause that needed it, never prints "undefined" or leaves "Dear ,".
 *
 * Values are substituted after parsing, in one pass: a name like "{candidatePhone}" or
 * "[x|y]" coming from a calendar invite is printed literally, never interpreted.
 */
import type { Locale, TemplateKind } from './types.ts';
import { cleanText } from './text.ts';
import { canonicalZone, runtimeZone } from './zoned-time.ts';
import { phrasesEn } from './phrases-en.ts';
import { phrasesIt } from './phrases-it.ts';

export interface TemplateContext {
  interviewerName?: string;
  candidateName?: string;
  candidatePhone?: string;
  candidateEmail?: string;
  company?: string;
  role?: string;
  /** The event title, the fallback when company and role are unknown. */
  title?: string;
  /** Epoch ms of the scheduled start. */
  scheduledAt?: number;
  /** IANA zone times are written in (the user's); absent → the runtime's default. */
  timeZone?: string;
  /** The event's own zone: when its offset differs from `timeZone`, both times are given. */
  eventTimeZone?: string;
  /** Epoch ms "now": "today"/"tomorrow", the voicemail's current time, "in about an hour". */
  now?: number;
  /** Times the candidate called. */
  attempts?: number;
  /** How much longer the candidate will stay available. */
  minutesLeft?: number;
  /** Proposed new times (reschedule, apology). */
  slots?: Array<{ start: number; end: number }>;
  /** The interview was moved (thank-you, please-call-me). */
  rescheduled?: boolean;
}

export interface RenderedTemplate {
  subject: string;
  body: string;
}

/** What a user-editable template consists of. */
export interface TemplateText {
  subject: string;
  body: string;
}

export type RelativeDay = 'today' | 'tomorrow' | 'yesterday';

/** The grammar a language needs to turn numbers and instants into words. Code, not data:
 * plural rules and elision cannot be expressed as placeholders. */
export interface LocalePhrases {
  /** BCP 47 tag for clock times. */
  timeLocale: string;
  /** BCP 47 tag for dates. */
  dateLocale: string;
  hourCycle: 'h12' | 'h23';
  /** n ≥ 1: "twice", "due volte". */
  attempts(n: number): string;
  /** n ≥ 1: "another 12 minutes", "ancora 12 minuti". */
  minutesLeft(n: number): string;
  /** minutes > 0 until the start: "in about an hour". */
  startsIn(minutes: number): string;
  /** The day, as it reads right after "our call" / "il colloquio di". */
  day(relative: RelativeDay | undefined, date: string): string;
  /** "today at 3:30 PM", "oggi alle 15:30". `time` may carry a zone note after it. */
  dayAndTime(day: string, time: string): string;
  /** The same instant in the event's zone, e.g. "(9:30 AM in New York)". */
  otherZone(time: string, place: ZonePlace): string;
  /** Same-day range: "10:00–10:30 AM". */
  timeRange(start: string, end: string): string;
  /** "Tuesday 1 December, 10:00–10:30 AM". */
  slot(date: string, range: string): string;
  /** IANA city (underscores as spaces) → the language's name for it. */
  cityNames: Readonly<Record<string, string>>;
}

export interface ZonePlace {
  /** "New York", or an offset label such as "UTC-05:00" for zones that are not a place. */
  name: string;
  isCity: boolean;
}

export { templateKinds } from './template-kinds.ts';

const PEOPLE = ['interviewerName', 'candidateName', 'candidatePhone', 'candidateEmail'];
const JOB = ['company', 'role', 'title', 'position'];
const WHEN = ['scheduledDay', 'scheduledTime', 'scheduledWhen'];

/** Placeholders that make sense in each kind of template (for the options page's editor).
 * `position` is "company, role" (or whichever is known, else the title). `rescheduled` is a
 * flag: it prints nothing and only lets its group appear when the call was moved. */
// Built by a pure-annotated call so that bundles which never list placeholders (the worker,
// the popup) can drop it: an object of array spreads counts as a side effect to esbuild.
export const templatePlaceholders: Record<TemplateKind, string[]> = /* @__PURE__ */ placeholdersByKind();

function placeholdersByKind(): Record<TemplateKind, string[]> {
  const common = [...PEOPLE, ...JOB, ...WHEN];
  return {
    confirmation: [...common, 'startsIn'],
    'follow-up': [...common, 'attempts', 'minutesLeft'],
    voicemail: [...common, 'currentTime', 'attempts', 'minutesLeft'],
    apology: [...common, 'slots', 'timeZoneCity'],
    reschedule: [...common, 'slots', 'timeZoneCity'],
    'please-call-me': [...common, 'rescheduled'],
    'thank-you': [...common, 'rescheduled'],
  };
}

const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set([
  ...PEOPLE,
  ...JOB,
  ...WHEN,
  'startsIn',
  'currentTime',
  'attempts',
  'minutesLeft',
  'slots',
  'timeZoneCity',
  'rescheduled',
]);

const phrasesByLocale: Readonly<Record<Locale, LocalePhrases>> = { en: phrasesEn, it: phrasesIt };

const EMPTY: RenderedTemplate = { subject: '', body: '' };

/** Renders any template text (a user's edited one included). Never throws: on a hostile
 * context it falls back to the wording without data rather than breaking a button. */
export function renderTemplateText(template: TemplateText, context: TemplateContext, locale: Locale): RenderedTemplate {
  const phrases = phrasesByLocale[locale === 'it' ? 'it' : 'en'];
  for (const ctx of [context, {}]) {
    try {
      const values = placeholderValues(ctx, phrases);
      return {
        subject: tidySubject(renderText(String(template.subject), values)),
        body: renderText(String(template.body), values),
      };
    } catch {
      // A throwing getter or a broken Intl: try again with nothing but the fixed wording.
    }
  }
  return { ...EMPTY };
}

// ---------------------------------------------------------------------------------------
// Placeholder values

type Values = Partial<Record<string, string>>;

function placeholderValues(raw: unknown, phrases: LocalePhrases): Values {
  const ctx: Record<string, unknown> = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const values: Values = {};
  for (const key of ['interviewerName', 'candidateName', 'candidatePhone', 'candidateEmail', 'company', 'role', 'title']) {
    const value = cleanText(ctx[key]);
    if (value) values[key] = value;
  }
  const { company, role, title } = values;
  values.position = company && role ? `${company}, ${role}` : (company ?? role ?? title);

  const userZone = canonicalZone(ctx.timeZone) ?? runtimeZone();
  const eventZone = canonicalZone(ctx.eventTimeZone);
  const now = instant(ctx.now);
  const scheduledAt = instant(ctx.scheduledAt);

  if (scheduledAt !== undefined) {
    const date = formatDate(scheduledAt, userZone, phrases, now);
    const day = phrases.day(now === undefined ? undefined : relativeDay(scheduledAt, now, userZone), date);
    let time = formatTime(scheduledAt, userZone, phrases);
    if (eventZone && zonesDiffer(scheduledAt, userZone, eventZone)) {
      time += ' ' + phrases.otherZone(formatTime(scheduledAt, eventZone, phrases), zonePlace(eventZone, phrases));
    }
    values.scheduledDay = day;
    values.scheduledTime = time;
    values.scheduledWhen = phrases.dayAndTime(day, time);
    if (now !== undefined) {
      const minutes = (scheduledAt - now) / 60_000;
      // Only a call that is still ahead, and soon enough for "in about …" to be useful.
      if (minutes > 0 && minutes <= 12 * 60) values.startsIn = phrases.startsIn(minutes);
    }
  }
  if (now !== undefined) values.currentTime = formatTime(now, userZone, phrases);

  const attempts = wholeNumber(ctx.attempts, Math.floor);
  if (attempts !== undefined && attempts >= 1) values.attempts = phrases.attempts(attempts);
  // "another 0 minutes" would be false comfort: no time left means the clause goes.
  const minutesLeft = wholeNumber(ctx.minutesLeft, Math.round);
  if (minutesLeft !== undefined && minutesLeft >= 1) values.minutesLeft = phrases.minutesLeft(minutesLeft);

  const slots = validSlots(ctx.slots);
  if (slots.length > 0) {
    values.slots = slots.map((slot) => '• ' + formatSlot(slot, userZone, phrases, now)).join('\n');
  }
  // The slots are written in the user's zone; say which when the interviewer may be elsewhere.
  const reference = scheduledAt ?? slots[0]?.start ?? now;
  if (eventZone && reference !== undefined && zonesDiffer(reference, userZone, eventZone)) {
    values.timeZoneCity = zonePlace(userZone ?? 'UTC', phrases).name;
  }

  if (ctx.rescheduled === true) values.rescheduled = '';
  return values;
}

/** A plausible epoch-ms instant (the range `Date` accepts). */
function instant(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e15 ? value : undefined;
}

function wholeNumber(value: unknown, round: (n: number) => number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(round(value), 100_000) : undefined;
}

const MAX_SLOTS = 10;
const DAY_MS = 86_400_000;

function validSlots(value: unknown): Array<{ start: number; end: number }> {
  if (!Array.isArray(value)) return [];
  const slots: Array<{ start: number; end: number }> = [];
  for (const item of value as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const start = instant((item as Record<string, unknown>).start);
    const end = instant((item as Record<string, unknown>).end);
    if (start === undefined || end === undefined || end <= start || end - start > DAY_MS) continue;
    slots.push({ start, end });
    if (slots.length === MAX_SLOTS) break;
  }
  return slots;
}

// ---------------------------------------------------------------------------------------
// Time

/** ICU puts narrow no-break and thin spaces in "3:30 PM" and ranges; plain-text email
 * clients render those unevenly, so every Intl output is reduced to ordinary spaces. */
function plainSpaces(s: string): string {
  return s.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
}

function formatTime(ms: number, zone: string | undefined, phrases: LocalePhrases): string {
  const format = new Intl.DateTimeFormat(phrases.timeLocale, {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: phrases.hourCycle,
    timeZone: zone,
  });
  return plainSpaces(format.format(ms));
}

function formatDate(ms: number, zone: string | undefined, phrases: LocalePhrases, now: number | undefined): string {
  // The year only when it is not the current one: "Tuesday 1 December" is enough otherwise.
  const withYear = now !== undefined && calendarDay(ms, zone).year !== calendarDay(now, zone).year;
  const format = new Intl.DateTimeFormat(phrases.dateLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: withYear ? 'numeric' : undefined,
    timeZone: zone,
  });
  return plainSpaces(format.format(ms));
}

/** The calendar date of an instant in a zone, as a day count so dates can be subtracted. */
function calendarDay(ms: number, zone: string | undefined): { year: number; index: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: zone,
  }).formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const year = part('year');
  return { year, index: Math.round(Date.UTC(year, part('month') - 1, part('day')) / DAY_MS) };
}

function relativeDay(ms: number, now: number, zone: string | undefined): RelativeDay | undefined {
  const diff = calendarDay(ms, zone).index - calendarDay(now, zone).index;
  return diff === 0 ? 'today' : diff === 1 ? 'tomorrow' : diff === -1 ? 'yesterday' : undefined;
}

function offsetLabel(ms: number, zone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** Compared by offset at that instant, not by name: Europe/Rome and Europe/Berlin read the
 * same clock, and a note saying so would only confuse. */
function zonesDiffer(ms: number, a: string | undefined, b: string): boolean {
  return offsetLabel(ms, a) !== offsetLabel(ms, b);
}

const REGIONS = new Set(['Africa', 'America', 'Antarctica', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific']);

function zonePlace(zone: string, phrases: LocalePhrases): ZonePlace {
  const segments = zone.split('/');
  const city = segments[segments.length - 1]?.replace(/_/g, ' ');
  if (segments.length > 1 && REGIONS.has(segments[0] ?? '') && city) {
    return { name: phrases.cityNames[city] ?? city, isCity: true };
  }
  // UTC, Etc/GMT+5 and the like are not places: name them by their offset, which (unlike
  // the inverted sign of "Etc/GMT+5") cannot be misread.
  const label = offsetLabel(0, zone).replace(/^GMT/, 'UTC');
  return { name: /^UTC([+-]00:00)?$/.test(label) || label === '' ? 'UTC' : label, isCity: false };
}

function formatSlot(slot: { start: number; end: number }, zone: string | undefined, phrases: LocalePhrases, now: number | undefined): string {
  const startDate = formatDate(slot.start, zone, phrases, now);
  const start = formatTime(slot.start, zone, phrases);
  const end = formatTime(slot.end, zone, phrases);
  if (calendarDay(slot.start, zone).index === calendarDay(slot.end, zone).index) {
    return phrases.slot(startDate, phrases.timeRange(start, end));
  }
  return `${phrases.slot(startDate, start)} – ${phrases.slot(formatDate(slot.end, zone, phrases, now), end)}`;
}

// ---------------------------------------------------------------------------------------
// The template language

type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'placeholder'; name: string }
  | { type: 'group'; alternatives: TemplateNode[][] };

const PLACEHOLDER = /^\{([A-Za-z][A-Za-z0-9]*)\}/;

/** Parses into nodes; forgiving by design (a user will edit these): a stray `]` or `|`
 * outside a group is text, an unclosed `[` closes at the end. */
function parse(source: string): TemplateNode[] {
  let i = 0;
  const sequence = (inGroup: boolean): TemplateNode[][] => {
    const alternatives: TemplateNode[][] = [[]];
    let current = alternatives[0] as TemplateNode[];
    let text = '';
    const flush = () => {
      if (text !== '') current.push({ type: 'text', text });
      text = '';
    };
    while (i < source.length) {
      const ch = source.charAt(i);
      if (ch === '{') {
        const match = PLACEHOLDER.exec(source.slice(i, i + 64));
        if (match?.[1]) {
          flush();
          current.push({ type: 'placeholder', name: match[1] });
          i += match[0].length;
          continue;
        }
      } else if (ch === '[') {
        flush();
        i++;
        current.push({ type: 'group', alternatives: sequence(true) });
        continue;
      } else if (inGroup && ch === '|') {
        flush();
        current = [];
        alternatives.push(current);
        i++;
        continue;
      } else if (inGroup && ch === ']') {
        flush();
        i++;
        return alternatives;
      }
      text += ch;
      i++;
    }
    flush();
    return alternatives;
  };
  return sequence(false)[0] ?? [];
}

/** undefined = a placeholder this sequence needs has no value. */
function renderNodes(nodes: readonly TemplateNode[], values: Values): string | undefined {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += node.text;
    } else if (node.type === 'placeholder') {
      if (!KNOWN_PLACEHOLDERS.has(node.name)) {
        out += `{${node.name}}`;
        continue;
      }
      const value = values[node.name];
      if (value === undefined) return undefined;
      out += value;
    } else {
      for (const alternative of node.alternatives) {
        const rendered = renderNodes(alternative, values);
        if (rendered !== undefined) {
          out += rendered;
          break;
        }
      }
    }
  }
  return out;
}

/** Splits the top level into source lines, so a missing placeholder outside any group
 * removes only its own line. */
function topLevelLines(nodes: readonly TemplateNode[]): TemplateNode[][] {
  const lines: TemplateNode[][] = [[]];
  for (const node of nodes) {
    if (node.type !== 'text') {
      lines[lines.length - 1]?.push(node);
      continue;
    }
    node.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push([]);
      if (piece !== '') lines[lines.length - 1]?.push({ type: 'text', text: piece });
    });
  }
  return lines;
}

function renderText(source: string, values: Values): string {
  const kept: string[] = [];
  for (const line of topLevelLines(parse(source))) {
    const isBlank = line.every((node) => node.type === 'text' && node.text.trim() === '');
    if (isBlank) {
      kept.push(''); // a paragraph break in the template
      continue;
    }
    const rendered = renderNodes(line, values);
    // A line whose every part vanished goes too, or it would leave a stray blank line.
    if (rendered !== undefined && rendered.trim() !== '') kept.push(rendered);
  }
  return kept
    .join('\n')
    .split('\n')
    .map(tidyLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Repairs the seams a dropped clause can leave, for user-edited templates above all: the
 * default ones are written so that none of these fire. */
function tidyLine(line: string): string {
  return line
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.;:!?)])/g, '$1')
    .replace(/\( +/g, '(')
    .replace(/\(\)/g, '')
    .replace(/,(?=[.;:!?])/g, '')
    .replace(/([,;:])\1+/g, '$1')
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

const MAX_SUBJECT = 250;

/** A subject is one header line: any line break in it would let an invite's text forge
 * headers in a mailto: client, so everything collapses to single spaces. */
function tidySubject(subject: string): string {
  return tidyLine(cleanText(subject, MAX_SUBJECT));
}
