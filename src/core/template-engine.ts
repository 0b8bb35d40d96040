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
import { isLocale, type Locale, type TemplateKind, type TemplateText } from './types.ts';
import { cleanText } from './text.ts';
import { canonicalZone, offsetsDiffer, runtimeZone, wallClock } from './zoned-time.ts';
import { phrasesEn } from './phrases-en.ts';
import { phrasesIt } from './phrases-it.ts';
import { MINUTE, DAY } from './units.ts';

export interface TemplateContext {
  interviewerName?: string;
  /** The organizer is a team or a scheduling address: greet neutrally, never by its name. */
  interviewerIsGroup?: boolean;
  candidateName?: string;
  candidatePhone?: string;
  candidateEmail?: string;
  /** A missing name or phone of the candidate shows as a visible "[your name]" to fill in,
   * not as a silent gap (drafts the user opens; the raw engine leaves them out). */
  markMissingProfile?: boolean;
  company?: string;
  role?: string;
  /** The event title. Never used in the default wording: it is often the candidate's own
   * label, maybe in another language. Kept for user-edited templates. */
  title?: string;
  /** Epoch ms of the scheduled start. */
  scheduledAt?: number;
  /** The candidate's IANA zone (the browser's); absent → the runtime's default. */
  timeZone?: string;
  /** The event's own zone, taken as the interviewer's: when its clock differs from
   * `timeZone`, every time is written in it first, labelled, with the candidate's beside. */
  eventTimeZone?: string;
  /** Epoch ms "now": "today"/"tomorrow", the voicemail's current time, "in about an hour". */
  now?: number;
  /** Times the candidate called. */
  attempts?: number;
  /** Epoch ms until which the candidate stays available; left out when it is less than
   * five minutes after `now`. */
  availableUntil?: number;
  /** Legacy: minutes of availability, for user-edited templates written before clock times. */
  minutesLeft?: number;
  /** Proposed new times (reschedule, apology). */
  slots?: Array<{ start: number; end: number }>;
  /** The interview was moved to a new time (please-call-me: "again at the new time"). */
  rescheduled?: boolean;
  /** The call had to be moved or was missed: the thank-you thanks for their flexibility. */
  moved?: boolean;
  /** The candidate missed their call first: the thank-you's flexibility follows the candidate's
   * own mistake, not a new time found together. */
  missedCall?: boolean;
  /** A video interview with no phone number: the wording speaks of a meeting, not of calls. */
  video?: boolean;
  /** The meeting link, to name the service ("Google Meet") in a video interview's wording. */
  videoUrl?: string;
  /** The number in the invite, as dialled ("+390212345678"): when it is in the candidate's
   * country (and the clocks agree), the voicemail speaks the candidate's number without the
   * country code, as anyone in that country would say it. */
  interviewerPhone?: string;
}

export interface RenderedTemplate {
  subject: string;
  body: string;
}

// Re-exported for the built-in templates (templates-en.ts, templates-it.ts); defined in types.ts.
export type { TemplateText };

export type RelativeDay = 'today' | 'tomorrow' | 'yesterday';

/** The grammar a language needs to turn numbers and instants into words. Code, not data:
 * plural rules and elision cannot be expressed as placeholders. */
export interface LocalePhrases {
  /** BCP 47 tag for clock times. */
  timeLocale: string;
  /** BCP 47 tag for dates. */
  dateLocale: string;
  hourCycle: 'h12' | 'h23';
  /** n ≥ 1: "twice", "due volte"; a number past three reads as insistence, so "several times". */
  attempts(n: number): string;
  /** Legacy {minutesLeft}, n ≥ 1: "another 12 minutes", "ancora 12 minuti". */
  minutesLeft(n: number): string;
  /** minutes > 0 until the start: "in about an hour". */
  startsIn(minutes: number): string;
  /** The day as it reads right after "our call" / "il colloquio di" in a subject. */
  day(relative: RelativeDay | undefined, date: string): string;
  /** "today at 3:30 PM", "Tuesday 1 December at 3:30 PM", "oggi alle 15:30". `time` may
   * carry a zone label and a note after it. */
  dayAndTime(relative: RelativeDay | undefined, date: string, time: string): string;
  /** A time labelled with its zone: "9:30 AM New York time", "9:30 ora di New York". */
  zoned(time: string, place: ZonePlace): string;
  /** The same instant on the candidate's clock: "(3:30 PM in Rome)", "(le 15:30 a Roma)";
   * `weekday` when the date there is another; `range` for "10:00–10:30" (no article);
   * `night` when it is the small hours after the reader's day there: [reader's weekday, that weekday]. */
  otherZone(time: string, place: ZonePlace, weekday: string | undefined, range: boolean, night?: [string, string]): string;
  /** The one zone note of an email whose times are all on one clock: "(Rome time)", "(ora di Roma)". */
  zoneNote(place: ZonePlace): string;
  /** A day and time after a noun in a subject: "today at 3:30 PM", "on Thursday 26 November at 3:30 PM", "oggi alle 15:30". */
  subjectWhen(relative: RelativeDay | undefined, date: string, time: string): string;
  /** Subjects write a date short ("Thu 19 Nov") where the language does so naturally. */
  shortSubjectDate?: boolean;
  /** A time on the listener's clock, spoken once with its zone: "9:30 AM your time", "9:30, ora di New York". */
  spokenZoned(time: string, place: ZonePlace): string;
  /** "until 4:00 PM", "fino alle 16:00" (`time` may carry a label). */
  until(time: string): string;
  /** What follows "It's now" / "In questo momento": "3:47 PM", "sono le 15:47", "è l'1:05".
   * `here`: the candidate's city when the interviewer's clock differs, then `there` follows. */
  now(time: string, here?: ZonePlace, there?: { time: string; place: ZonePlace }): string;
  /** The spoken greeting at this hour of the listener's day. */
  spokenGreeting(hour: number | undefined): string;
  /** Visible gaps for the user to fill in before sending. */
  missingName: string;
  missingPhone: string;
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

const PEOPLE = ['interviewerName', 'interviewerFirstName', 'candidateName', 'candidatePhone', 'candidateEmail'];
const JOB = ['company', 'role', 'position'];
const WHEN = ['scheduledDay', 'scheduledTime', 'scheduledWhen', 'subjectWhen'];

/** Placeholders that make sense in each kind of template (for the options page's editor).
 * `position` is "company, role" (or whichever is known). `rescheduled`, `moved` and `video`
 * are flags: they print nothing and only let their group appear when true. */
// Built by a pure-annotated call so that bundles which never list placeholders (the worker,
// the popup) can drop it: an object of array spreads counts as a side effect to esbuild.
export const templatePlaceholders: Record<TemplateKind, string[]> = /* @__PURE__ */ placeholdersByKind();

function placeholdersByKind(): Record<TemplateKind, string[]> {
  const common = [...PEOPLE, ...JOB, ...WHEN, 'localZone', 'video', 'videoService', 'group'];
  return {
    confirmation: [...common, 'startsIn'],
    'follow-up': [...common, 'attempts', 'availableUntil', 'subjectUntil'],
    voicemail: [...common, 'spokenGreeting', 'currentTime', 'attempts', 'availableUntil', 'spokenWhen', 'spokenNow', 'spokenUntil', 'spokenPhone'],
    apology: [...common, 'attempts', 'slots', 'timeZoneCity', 'slotsZone', 'noSlots'],
    reschedule: [...common, 'slots', 'timeZoneCity', 'slotsZone', 'noSlots'],
    'please-call-me': [...common, 'rescheduled'],
    'thank-you': [...common, 'moved', 'missedCall'],
  };
}

const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set([
  ...PEOPLE,
  ...JOB,
  ...WHEN,
  'title',
  'startsIn',
  'spokenGreeting',
  'currentTime',
  'attempts',
  'availableUntil',
  'minutesLeft',
  'slots',
  'timeZoneCity',
  'rescheduled',
  'moved',
  'missedCall',
  'video',
  'videoService',
  'group',
  'localZone',
  'noSlots',
  'slotsZone',
  'subjectUntil',
  'spokenWhen',
  'spokenNow',
  'spokenUntil',
  'spokenPhone',
]);

const phrasesByLocale: Readonly<Record<Locale, LocalePhrases>> = { en: phrasesEn, it: phrasesIt };

const EMPTY: RenderedTemplate = { subject: '', body: '' };

/** Renders any template text (a user's edited one included). Never throws: on a hostile
 * context it falls back to the wording without data rather than breaking a button. */
export function renderTemplateText(template: TemplateText, context: TemplateContext, locale: Locale): RenderedTemplate {
  const phrases = phrasesByLocale[isLocale(locale) ? locale : 'en'];
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

/** Less availability than this is not worth promising in a message read minutes later. */
const MIN_AVAILABILITY = 5 * MINUTE;

/** The two clocks of a draft: the reader's (the event's zone, when its clock differs from
 * the candidate's) and the candidate's. `other` is set only when they differ at `at`. */
interface Clocks {
  reader: string;
  other?: string;
}

function clocksAt(at: number, userZone: string, eventZone: string | undefined): Clocks {
  return eventZone && offsetsDiffer(at, userZone, eventZone) ? { reader: eventZone, other: userZone } : { reader: userZone };
}

function placeholderValues(raw: unknown, phrases: LocalePhrases): Values {
  const ctx: Record<string, unknown> = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const values: Values = {};
  for (const key of ['interviewerName', 'candidateName', 'candidatePhone', 'candidateEmail', 'company', 'role', 'title']) {
    const value = cleanText(ctx[key]);
    if (value) values[key] = value;
  }
  if (ctx.interviewerIsGroup === true) {
    delete values.interviewerName;
    values.group = '';
  }
  if (values.interviewerName) values.interviewerFirstName = firstName(values.interviewerName);
  // A missing name shows as a visible gap to fill in. A missing phone only in the voicemail,
  // which the user reads aloud: an email simply leaves out the clause that needed it.
  const spokenPhoneMissing = ctx.markMissingProfile === true && values.candidatePhone === undefined;
  if (ctx.markMissingProfile === true) values.candidateName ??= phrases.missingName;
  const { company, role } = values;
  // Never the title: it is often the candidate's own label for the event.
  const position = company && role ? `${company}, ${role}` : (company ?? role);
  if (position) values.position = position;

  const userZone = canonicalZone(ctx.timeZone) ?? runtimeZone();
  const eventZone = canonicalZone(ctx.eventTimeZone);
  const now = instant(ctx.now);
  const scheduledAt = instant(ctx.scheduledAt);

  if (scheduledAt !== undefined) {
    const clocks = clocksAt(scheduledAt, userZone, eventZone);
    const relative = now === undefined ? undefined : sharedRelativeDay(scheduledAt, now, clocks);
    const date = formatDate(scheduledAt, clocks.reader, phrases, now);
    const time = labelledTime(scheduledAt, clocks, phrases);
    values.scheduledDay = phrases.day(relative, date);
    values.scheduledTime = time;
    values.scheduledWhen = phrases.dayAndTime(relative, date, time);
    // One clock for the whole email: its zone is named once, after the first time.
    if (!clocks.other) values.localZone = phrases.zoneNote(zonePlace(userZone, phrases));
    const readerTime = formatTime(scheduledAt, clocks.reader, phrases);
    const subjectDate = phrases.shortSubjectDate ? formatDate(scheduledAt, clocks.reader, phrases, now, true) : date;
    values.subjectWhen = phrases.subjectWhen(relative, subjectDate, clocks.other ? phrases.zoned(readerTime, zonePlace(clocks.reader, phrases)) : readerTime);
    // Spoken to the interviewer: their clock only, their zone said once, "today" as it is for them.
    const listenerRelative = now === undefined ? undefined : relativeDay(scheduledAt, now, clocks.reader);
    values.spokenWhen = phrases.dayAndTime(listenerRelative, date, clocks.other ? phrases.spokenZoned(readerTime, zonePlace(clocks.reader, phrases)) : readerTime);
    if (now !== undefined) {
      const minutes = (scheduledAt - now) / MINUTE;
      // Only a call that is still ahead, and soon enough for "in about …" to be useful.
      if (minutes > 0 && minutes <= 12 * 60) values.startsIn = phrases.startsIn(minutes);
    }
  }
  if (now !== undefined) {
    const clocks = clocksAt(now, userZone, eventZone);
    const here = formatTime(now, userZone, phrases);
    values.currentTime = clocks.other
      ? phrases.now(here, zonePlace(userZone, phrases), { time: formatTime(now, clocks.reader, phrases), place: zonePlace(clocks.reader, phrases) })
      : phrases.now(here);
    // "It's now 3:30 PM" right after "scheduled for 3:30 PM" says nothing: the current time is
    // spoken only when it is another minute than the start.
    const sameMinute = scheduledAt !== undefined && Math.floor(now / MINUTE) === Math.floor(scheduledAt / MINUTE);
    if (!sameMinute) values.spokenNow = phrases.now(formatTime(now, clocks.reader, phrases));
    values.spokenGreeting = phrases.spokenGreeting(wallHour(now, clocks.reader));
  } else {
    values.spokenGreeting = phrases.spokenGreeting(undefined);
  }

  const attempts = wholeNumber(ctx.attempts, Math.floor);
  if (attempts !== undefined && attempts >= 1) values.attempts = phrases.attempts(attempts);
  const availableUntil = instant(ctx.availableUntil);
  // A promise of availability must still hold when it is read: under five minutes, say nothing.
  if (availableUntil !== undefined && now !== undefined && availableUntil - now >= MIN_AVAILABILITY && availableUntil - now <= DAY) {
    const clocks = clocksAt(availableUntil, userZone, eventZone);
    values.availableUntil = phrases.until(labelledTime(availableUntil, clocks, phrases));
    values.subjectUntil = phrases.until(formatTime(availableUntil, clocks.reader, phrases));
    values.spokenUntil = values.subjectUntil;
  }
  if (values.candidatePhone !== undefined) {
    const sameClock = now === undefined || !clocksAt(now, userZone, eventZone).other;
    values.spokenPhone = sameClock ? domesticNumber(values.candidatePhone, cleanText(ctx.interviewerPhone)) : values.candidatePhone;
  } else if (spokenPhoneMissing) {
    values.spokenPhone = phrases.missingPhone;
  }
  const minutesLeft = wholeNumber(ctx.minutesLeft, Math.round);
  if (minutesLeft !== undefined && minutesLeft >= 5) values.minutesLeft = phrases.minutesLeft(minutesLeft);

  const slots = validSlots(ctx.slots);
  if (slots.length > 0) {
    values.slots = slots.map((slot) => '• ' + formatSlot(slot, clocksAt(slot.start, userZone, eventZone), phrases, now)).join('\n');
    // Each slot carries both zones when they differ; otherwise one line names the zone.
    if (!slots.some((slot) => clocksAt(slot.start, userZone, eventZone).other)) {
      values.timeZoneCity = zonePlace(userZone, phrases).name;
      values.slotsZone = phrases.zoneNote(zonePlace(userZone, phrases));
    }
  } else {
    values.noSlots = '';
  }

  if (ctx.rescheduled === true) values.rescheduled = '';
  if (ctx.moved === true) values.moved = '';
  if (ctx.missedCall === true) values.missedCall = '';
  if (ctx.video === true) values.video = '';
  const service = videoService(ctx.videoUrl);
  if (service) values.videoService = service;
  return values;
}

/** The meeting service a link belongs to, by its host; undefined for any other link. */
function videoService(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const is = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  if (is('meet.google.com')) return 'Google Meet';
  if (is('zoom.us') || is('zoom.com')) return 'Zoom';
  if (is('teams.microsoft.com') || is('teams.live.com')) return 'Microsoft Teams';
  if (is('webex.com')) return 'Webex';
  return undefined;
}

/** Country calling codes whose domestic form is the number without any prefix (Italy, the
 * NANP, Spain, …) and those that put a trunk "0" in front (United Kingdom, Germany, France, …).
 * A code in neither keeps the international form. */
const NO_TRUNK_PREFIX = new Set(['1', '30', '34', '39', '45', '47', '48', '351', '352', '420']);
const TRUNK_ZERO = new Set(['27', '31', '32', '33', '41', '43', '44', '46', '49', '61', '64', '81', '82', '90', '91', '353', '358']);

/**
 * The candidate's number as spoken to someone in the same country: "+39 347 123 4567" →
 * "347 123 4567" when the invite's number is Italian too, "+44 7700 900123" → "07700 900123".
 * Anything else, or a number that does not start with a known "+code", is left as written.
 */
export function domesticNumber(phone: string, interviewerDial: string | undefined): string {
  if (!interviewerDial) return phone;
  const match = /^\+(\d{1,3})[\s.-]+(?:\(0\)\s*)?(\d[\d\s.-]*)$/.exec(phone.trim());
  if (!match) return phone;
  const [, code = '', rest = ''] = match;
  const dial = interviewerDial.replace(/[^\d+]/g, '');
  if (!dial.startsWith(`+${code}`)) return phone;
  if (NO_TRUNK_PREFIX.has(code)) return rest;
  if (TRUNK_ZERO.has(code)) return rest.startsWith('0') ? rest : `0${rest}`;
  return phone;
}

const HONORIFIC = /^(dr|mr|mrs|ms|miss|prof|dott|dott\.ssa|dottssa|ing|avv|sig|sig\.ra|sigra)\.?$/i;

/** "Jane" from "Jane Doe", for a spoken greeting; a title keeps the whole name ("Dr. Smith"). */
function firstName(name: string): string {
  const words = name.split(' ');
  const first = words[0] ?? name;
  return words.length < 2 || HONORIFIC.test(first) || first.length < 2 ? name : first;
}

/** A plausible epoch-ms instant (the range `Date` accepts). */
function instant(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e15 ? value : undefined;
}

function wholeNumber(value: unknown, round: (n: number) => number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(round(value), 100_000) : undefined;
}

const MAX_SLOTS = 10;

function validSlots(value: unknown): Array<{ start: number; end: number }> {
  if (!Array.isArray(value)) return [];
  const slots: Array<{ start: number; end: number }> = [];
  for (const item of value as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const start = instant((item as Record<string, unknown>).start);
    const end = instant((item as Record<string, unknown>).end);
    if (start === undefined || end === undefined || end <= start || end - start > DAY) continue;
    slots.push({ start, end });
    if (slots.length === MAX_SLOTS) break;
  }
  return slots;
}

// ---------------------------------------------------------------------------------------
// Time

const formats = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs far more than using one, and a draft formats the same
 * few patterns many times. Zones reaching here are canonical, so the cache stays small. */
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    if (formats.size >= 500) formats.clear();
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** ICU puts narrow no-break and thin spaces in "3:30 PM" and ranges; plain-text email
 * clients render those unevenly, so every Intl output is reduced to ordinary spaces. */
function plainSpaces(s: string): string {
  return s.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
}

function formatTime(ms: number, zone: string, phrases: LocalePhrases): string {
  const format = dateTimeFormat(phrases.timeLocale, {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: phrases.hourCycle,
    timeZone: zone,
  });
  // A 24-hour clock writes the hour after midnight "00:30", never "0:30".
  return plainSpaces(format.format(ms)).replace(/^0:/, '00:');
}

function wallHour(ms: number, zone: string): number | undefined {
  const { hour } = wallClock(ms, zone);
  return Number.isFinite(hour) ? hour : undefined;
}

/** The time on the reader's clock, and when the candidate's differs, labelled with both. */
function labelledTime(ms: number, clocks: Clocks, phrases: LocalePhrases): string {
  const time = formatTime(ms, clocks.reader, phrases);
  if (!clocks.other) return time;
  const otherDay = calendarDay(ms, clocks.other).index !== calendarDay(ms, clocks.reader).index ? weekday(ms, clocks.other, phrases) : undefined;
  return `${phrases.zoned(time, zonePlace(clocks.reader, phrases))} ${phrases.otherZone(formatTime(ms, clocks.other, phrases), zonePlace(clocks.other, phrases), otherDay, false, nightOf(ms, clocks, phrases))}`;
}

/** The small hours (before 6) of the day after the reader's, on the other clock: [reader's weekday, other's]. */
function nightOf(ms: number, clocks: Clocks, phrases: LocalePhrases): [string, string] | undefined {
  if (!clocks.other) return undefined;
  const hour = wallHour(ms, clocks.other);
  if (hour === undefined || hour >= 6) return undefined;
  if (calendarDay(ms, clocks.other).index !== calendarDay(ms, clocks.reader).index + 1) return undefined;
  return [weekday(ms, clocks.reader, phrases), weekday(ms, clocks.other, phrases)];
}

function weekday(ms: number, zone: string, phrases: LocalePhrases): string {
  return plainSpaces(dateTimeFormat(phrases.dateLocale, { weekday: 'long', timeZone: zone }).format(ms));
}

function formatDate(ms: number, zone: string, phrases: LocalePhrases, now: number | undefined, short = false): string {
  // The year only when it is not the current one: "Tuesday 1 December" is enough otherwise.
  const withYear = now !== undefined && calendarDay(ms, zone).year !== calendarDay(now, zone).year;
  const format = dateTimeFormat(phrases.dateLocale, {
    weekday: short ? 'short' : 'long',
    day: 'numeric',
    month: short ? 'short' : 'long',
    year: withYear ? 'numeric' : undefined,
    timeZone: zone,
  });
  return plainSpaces(format.format(ms));
}

/** The calendar date of an instant in a zone, as a day count so dates can be subtracted. */
function calendarDay(ms: number, zone: string): { year: number; index: number } {
  const { year, month, day } = wallClock(ms, zone);
  return { year, index: Math.round(Date.UTC(year, month - 1, day) / DAY) };
}

function relativeDay(ms: number, now: number, zone: string): RelativeDay | undefined {
  const diff = calendarDay(ms, zone).index - calendarDay(now, zone).index;
  return diff === 0 ? 'today' : diff === 1 ? 'tomorrow' : diff === -1 ? 'yesterday' : undefined;
}

/** "today"/"tomorrow" only when it is true on both clocks; else the date is written. */
function sharedRelativeDay(ms: number, now: number, clocks: Clocks): RelativeDay | undefined {
  const reader = relativeDay(ms, now, clocks.reader);
  return clocks.other === undefined || relativeDay(ms, now, clocks.other) === reader ? reader : undefined;
}

function offsetLabel(ms: number, zone: string): string {
  const parts = dateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

const REGIONS = new Set(['Africa', 'America', 'Antarctica', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific']);

/** The place an IANA zone names, in the draft's language ("Londra" in Italian). */
export function zonePlace(zone: string, phrases: LocalePhrases): ZonePlace {
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

function formatRange(slot: { start: number; end: number }, zone: string, phrases: LocalePhrases, now: number | undefined, withDate: boolean): string {
  const start = formatTime(slot.start, zone, phrases);
  const end = formatTime(slot.end, zone, phrases);
  const date = (ms: number) => formatDate(ms, zone, phrases, now);
  if (calendarDay(slot.start, zone).index === calendarDay(slot.end, zone).index) {
    return withDate ? phrases.slot(date(slot.start), phrases.timeRange(start, end)) : phrases.timeRange(start, end);
  }
  return withDate ? `${phrases.slot(date(slot.start), start)} – ${phrases.slot(date(slot.end), end)}` : `${start}–${end}`;
}

function formatSlot(slot: { start: number; end: number }, clocks: Clocks, phrases: LocalePhrases, now: number | undefined): string {
  const main = formatRange(slot, clocks.reader, phrases, now, true);
  if (!clocks.other) return main;
  const otherDay = calendarDay(slot.start, clocks.other).index !== calendarDay(slot.start, clocks.reader).index ? weekday(slot.start, clocks.other, phrases) : undefined;
  const other = formatRange(slot, clocks.other, phrases, now, false);
  return `${phrases.zoned(main, zonePlace(clocks.reader, phrases))} ${phrases.otherZone(other, zonePlace(clocks.other, phrases), otherDay, true)}`;
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
