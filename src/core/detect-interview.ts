/**
 * Decides whether a calendar event is an interview and, when it is, turns it into the
 * `Interview` the rest of the product works from. The event is untrusted input: this
 * function never throws, never scans more than a bounded prefix of any field, and every
 * string it returns has been cleaned or validated.
 */
import { detectLanguage } from './detect-language.ts';
import type {
  CalendarEvent,
  DetectionRule,
  DetectionRules,
  EventAttendee,
  ExclusionReason,
  Interview,
  Person,
  PhoneNumber,
  SourceKind,
} from './types.ts';
import { cleanText, foldForMatch, isAscii } from './text.ts';
import { canonicalZone } from './zoned-time.ts';
import { findEmails, findPhones, findVideoUrl, isValidEmail, phonesFromConference, withoutOwnNumbers } from './extract.ts';
import { isRecord } from './is-record.ts';
import { callingCodeOfEmail, callingCodeOfZone } from './calling-code.ts';
import { CONDUCTED, LOOK_ALIKES, THIRD_PERSON } from './default-rules.ts';

export type Detection =
  | { isInterview: false; reason: ExclusionReason }
  | { isInterview: true; rule: DetectionRule; matched?: string; interview: Interview };

export interface DetectOptions {
  source: SourceKind;
  calendarId?: string;
  /** The user's address, for sources without `self` flags (iCal). */
  selfEmail?: string;
  /** Every other address known to be the user's: signed-in account, primary calendar id,
   * profile email, the iCal owner. The interviewer is never one of them. */
  selfEmails?: string[];
  /** The user's own phone numbers (the profile's): never offered as the interviewer's. */
  selfPhones?: string[];
}

const DESCRIPTION_SCAN_LIMIT = 20_000;
const FIELD_SCAN_LIMIT = 2_000;
const MAX_ATTENDEES = 2_000;
const MAX_PHONES = 5;
const MAX_RULE_ENTRIES = 200;
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

// ---------------------------------------------------------------------------------------------
// Reading untrusted fields

function str(value: unknown, limit = FIELD_SCAN_LIMIT): string {
  return typeof value === 'string' ? value.slice(0, limit) : '';
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_RULE_ENTRIES).filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

/** Strict RFC 3339: `Date.parse` alone would read an offset-less time in the machine's zone. */
function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  // A string the pattern accepts as it is has nothing to upper-case: try that first.
  let upper = value;
  let match = RFC3339.exec(value);
  if (!match) {
    upper = value.toUpperCase();
    match = RFC3339.exec(upper);
  }
  if (!match) return undefined;
  // Date.parse reads milliseconds: another fraction is padded or cut to three digits first.
  const fraction = match[2];
  const ms = Date.parse(fraction === undefined || fraction.length === 3 ? upper : `${match[1]}.${fraction.padEnd(3, '0').slice(0, 3)}${match[3]}`);
  return Number.isFinite(ms) ? ms : undefined;
}

function attendeesOf(event: CalendarEvent): EventAttendee[] {
  const list: unknown = event.attendees;
  return Array.isArray(list) ? list.slice(0, MAX_ATTENDEES).filter(isRecord) : [];
}

// ---------------------------------------------------------------------------------------------
// Whole-token matching on folded text

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
/** The same class on ASCII: a Unicode class takes a millisecond or so to compile on first use. */
const ASCII_WORD_CHAR = /[A-Za-z0-9_]/;

/** Whether one UTF-16 unit (or '') is a word character. */
function isWordChar(ch: string): boolean {
  return ch !== '' && (ch < '\u0080' ? ASCII_WORD_CHAR.test(ch) : WORD_CHAR.test(ch));
}

/**
 * Folded text, as `foldForMatch` folds each character on its own, plus for each folded UTF-16
 * unit where it came from in the original. Without `map` the folding kept every position: the
 * common all-ASCII title, where folding is only lower-casing.
 */
function foldWithMap(s: string): { folded: string; map?: number[] } {
  if (isAscii(s)) return { folded: s.toLowerCase() };
  let folded = '';
  const map: number[] = [];
  let index = 0;
  for (const ch of s) {
    const f = foldForMatch(ch);
    folded += f;
    for (let i = 0; i < f.length; i++) map.push(index);
    index += ch.length;
  }
  map.push(s.length);
  return { folded, map };
}

function normalizeNeedle(needle: string): string {
  return foldForMatch(cleanText(needle, 100));
}

/** A keyword or tag list as matching reads it: its usable entries and their folded needles. */
interface NeedleList {
  /** The entries read, to tell whether the list was edited since. */
  read: unknown[];
  entries: string[];
  needles: string[];
  /** Matches where any needle occurs at all, whole word or not: one pass over a text
   * that holds none of them, which is what nearly every event's title is. */
  anyNeedle: RegExp;
  /** Every needle starts with '#': a text without one cannot hold any of them. */
  hashOnly: boolean;
}

/**
 * The user's keyword and tag lists are folded once per list, not once per event: a full sync
 * classifies thousands of events against the same arrays (callers add a per-event override
 * by spreading the rules, which keeps the arrays). Keyed by the array, so the cache lives
 * only as long as the rules do; an entry is used only while the array still holds the same
 * entries, so it stays a pure function of the list's content.
 */
const needleLists = new WeakMap<unknown[], NeedleList>();

function sameEntries(list: unknown[], read: unknown[]): boolean {
  if (Math.min(list.length, MAX_RULE_ENTRIES) !== read.length) return false;
  for (let i = 0; i < read.length; i++) if (list[i] !== read[i]) return false;
  return true;
}

const NOTHING = /(?!)/;

function needleList(value: unknown): NeedleList {
  if (!Array.isArray(value)) return { read: [], entries: [], needles: [], anyNeedle: NOTHING, hashOnly: true };
  const cached = needleLists.get(value);
  if (cached && sameEntries(value, cached.read)) return cached;
  const entries = stringList(value);
  const needles = entries.map(normalizeNeedle);
  const alternatives = needles.filter((needle) => needle !== '').map((needle) => needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const list = {
    read: value.slice(0, MAX_RULE_ENTRIES),
    entries,
    needles,
    anyNeedle: alternatives.length === 0 ? NOTHING : new RegExp(alternatives.join('|')),
    hashOnly: needles.every((needle) => needle.startsWith('#')),
  };
  needleLists.set(value, list);
  return list;
}

/** Where `needle` (already folded) occurs in `hay` as whole words, or -1. */
function findToken(hay: string, needle: string, from = 0, inflected = false): number {
  if (needle === '') return -1;
  let at = hay.indexOf(needle, from);
  if (at === -1) return -1;
  const checkBefore = isWordChar(needle.charAt(0));
  const checkAfter = isWordChar(needle.charAt(needle.length - 1));
  while (at !== -1) {
    const before = hay.charAt(at - 1);
    const after = hay.charAt(at + needle.length);
    // A tag like "#interview" starts with a non-word character, so "abc#interview" must still
    // be refused by looking at what precedes it.
    const okBefore = checkBefore ? !isWordChar(before) : !isWordChar(before) && before !== '#';
    // Keywords also match their English plural and gerund ("interviews", "interviewing").
    const okAfter = !checkAfter || !isWordChar(after) || (inflected && /^(?:s|ing)(?![\p{L}\p{N}])/u.test(hay.slice(at + needle.length, at + needle.length + 4)));
    if (okBefore && okAfter) return at;
    at = hay.indexOf(needle, at + 1);
  }
  return -1;
}

interface KeywordHit {
  keyword: string;
  /** Range in the original (cleaned) text. */
  start: number;
  end: number;
}

/** The longest keyword found in `text`, so "technical interview" wins over "interview". */
function findKeyword(text: string, keywords: NeedleList): KeywordHit | undefined {
  if (text === '') return undefined;
  const { folded, map } = foldWithMap(text);
  if (!keywords.anyNeedle.test(folded)) return undefined;
  let best: KeywordHit | undefined;
  let bestLength = 0;
  const { entries, needles } = keywords;
  for (let i = 0; i < entries.length; i++) {
    const needle = needles[i] ?? '';
    if (needle.length <= bestLength) continue;
    const at = findToken(folded, needle, 0, true);
    if (at === -1) continue;
    const end = at + needle.length;
    best = { keyword: entries[i] ?? '', start: map ? (map[at] ?? 0) : at, end: map ? (map[end] ?? text.length) : end };
    bestLength = needle.length;
  }
  return best;
}

/** Whether `folded` holds one of the list's needles as whole words. */
function holdsNeedle(folded: string, list: NeedleList): boolean {
  return list.anyNeedle.test(folded) && list.needles.some((needle) => findToken(folded, needle) !== -1);
}

function findTag(title: string, description: string, tags: NeedleList): string | undefined {
  // Folding a long description is the costly part; most events carry no '#' at all.
  const texts = tags.hashOnly ? [title, description].filter((text) => text.includes('#')) : [title, description];
  if (texts.length === 0) return undefined;
  const folded = texts.map(foldForMatch);
  return tags.entries.find((_, i) => {
    const needle = tags.needles[i] ?? '';
    return folded.some((text) => findToken(text, needle) !== -1);
  });
}

// ---------------------------------------------------------------------------------------------
// Interviewer, phones, video

/** Group and resource calendars show up as organizers and attendees but are not people. */
function isCalendarAddress(email: string): boolean {
  return /calendar\.google\.com$/i.test(email);
}

/** One spelling per mailbox: case, `+tags`, and the dots Gmail ignores. */
export function canonicalEmail(email: string): string {
  const lowered = email.trim().toLowerCase();
  const at = lowered.lastIndexOf('@');
  if (at < 1) return lowered;
  const domain = lowered.slice(at + 1);
  let local = lowered.slice(0, at).split('+')[0] ?? '';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

/** Shared and machine mailboxes: scheduling tools, no-reply senders, teams, HR inboxes. */
const MAILBOX_LOCAL = /^(?:no-?reply|do-?not-?reply|notifications?|schedul\w*|calend\w*|recruit\w*|talent|careers?|jobs|hr|hiring|interviews?|people|team|all|info|selezione|candidature|risorse-?umane)(?:[._+-].*)?$/;
const MAILBOX_DOMAIN = /(?:^|\.)(?:calendly\.com|goodtime\.io|greenhouse\.io|lever\.co|ashbyhq\.com|myworkday\.com)$/;
const GROUP_NAME = /\b(?:all|team|group|staff|everyone|recruit\w*|scheduling|talent|hiring|no-?reply|risorse umane|selezione)\b/i;

function isMailbox(email: string, name: string): boolean {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at).toLowerCase();
  return MAILBOX_LOCAL.test(local) || MAILBOX_DOMAIN.test(email.slice(at + 1).toLowerCase()) || (name !== '' && GROUP_NAME.test(name));
}

interface Candidate {
  person: Person;
  /** 0 a person, 1 a shared or machine mailbox (ranked below any person). */
  rank: 0 | 1;
}

function candidateFrom(candidate: Record<string, unknown>, self: Set<string>): Candidate | undefined {
  const email = candidate.email;
  if (candidate.self === true || typeof email !== 'string' || !isValidEmail(email)) return undefined;
  if (isCalendarAddress(email) || self.has(canonicalEmail(email))) return undefined;
  let name = cleanText(candidate.displayName, 80);
  // "jane@acme.com" as a display name, or quoted ("'jane@acme.com'"), is no name.
  if (name.includes('@') || foldForMatch(name.replace(/['"]/g, '')) === foldForMatch(email)) name = '';
  if (isMailbox(email, name)) return { person: { email }, rank: 1 };
  return { person: name ? { name, email } : { email }, rank: 0 };
}

/** The person to write to: a person before any scheduling, no-reply or group mailbox; among
 * equals the organizer, then the attendees in order, then an address in the description. */
function findInterviewer(event: CalendarEvent, attendees: EventAttendee[], description: string, self: Set<string>): Person {
  let fallback: Person | undefined;
  // The first person wins at once; a mailbox is kept only until a person turns up.
  const consider = (record: Record<string, unknown>): Person | undefined => {
    const found = candidateFrom(record, self);
    if (found?.rank === 0) return found.person;
    fallback ??= found?.person;
    return undefined;
  };
  const organizer: unknown = event.organizer;
  const fromOrganizer = isRecord(organizer) ? consider(organizer) : undefined;
  if (fromOrganizer) return fromOrganizer;
  for (const attendee of attendees) {
    const person = attendee.resource === true ? undefined : consider(attendee as Record<string, unknown>);
    if (person) return person;
  }
  for (const email of findEmails(description)) {
    const person = consider({ email });
    if (person) return person;
  }
  return fallback ?? {};
}

/** The addresses that are the user's, in their one spelling. */
function selfAddresses(options: DetectOptions, attendees: EventAttendee[], organizer: unknown): Set<string> {
  const self = new Set<string>();
  const listed: unknown[] = [options?.selfEmail, ...(Array.isArray(options?.selfEmails) ? options.selfEmails.slice(0, 20) : [])];
  for (const email of listed) if (typeof email === 'string' && email.trim() !== '') self.add(canonicalEmail(email));
  for (const person of [organizer, ...attendees]) {
    if (isRecord(person) && person.self === true && typeof person.email === 'string') self.add(canonicalEmail(person.email));
  }
  return self;
}

function conferenceEntryPoints(event: CalendarEvent): unknown[] {
  const conference: unknown = event.conferenceData;
  if (!isRecord(conference) || !Array.isArray(conference.entryPoints)) return [];
  return conference.entryPoints.slice(0, 100);
}

/** Where a number sits on the card: the person's own first, dial-in bridges last. */
function phoneRank(phone: PhoneNumber): number {
  if (phone.kind === 'direct') return 0;
  if (phone.kind === 'bridge') return 3;
  return phone.origin === 'location' ? 1 : 2;
}

function collectPhones(entryPoints: unknown[], location: string, description: string, callingCode: string | undefined, selfPhones: string[]): PhoneNumber[] {
  const context = callingCode === undefined ? {} : { callingCode };
  const found = [...phonesFromConference(entryPoints), ...findPhones(location, 'location', context), ...findPhones(description, 'description', context)];
  const phones: PhoneNumber[] = [];
  for (const phone of withoutOwnNumbers(found, selfPhones)) {
    const twin = phones.find((kept) => kept.dial === phone.dial && kept.ext === phone.ext);
    if (!twin) {
      phones.push(phone);
      continue;
    }
    // A bridge listed in the conference data and again in the text: one entry, with every code.
    if (twin.pin === undefined && phone.pin !== undefined) twin.pin = phone.pin;
    if (twin.passcode === undefined && phone.passcode !== undefined) twin.passcode = phone.passcode;
    // Google's conference data knows a bridge for one; the text may only repeat it.
    if (twin.origin !== 'conference' && phoneRank(phone) < phoneRank(twin) && phone.kind) twin.kind = phone.kind;
  }
  // Stable: within a rank, the invite's own order.
  return phones
    .map((phone, index) => ({ phone, index }))
    .sort((a, b) => phoneRank(a.phone) - phoneRank(b.phone) || a.index - b.index)
    .slice(0, MAX_PHONES)
    .map(({ phone }) => phone);
}

function videoUris(entryPoints: unknown[]): string[] {
  return entryPoints.flatMap((entry) => (isRecord(entry) && entry.entryPointType === 'video' && typeof entry.uri === 'string' ? [entry.uri.slice(0, FIELD_SCAN_LIMIT)] : []));
}

/** Google descriptions are HTML; tags and numbers read better without the markup. */
function plainText(html: string): string {
  // Every pass starts at a '<' or a '&', and the tag passes add neither: most descriptions
  // hold no entity, many no markup either.
  let text = html;
  if (text.includes('<')) {
    // Line structure matters: a dial-in block is a run of lines, a label ends at its line.
    text = text.replace(/<(?:br|\/p|\/div|\/li|\/tr|\/h\d)\b[^<>]{0,500}>/gi, '\n').replace(/<[^<>]{0,500}>/g, ' ');
  }
  if (!text.includes('&')) return text;
  return text
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#0*39;|&apos;/gi, "'");
}

// ---------------------------------------------------------------------------------------------
// Company and role from the title

/** Separators titles use, scheduling tools' included: "Acme <> Jane", "Jane x Acme", "A | B". */
const SEGMENT_SEPARATOR = /\s*(?:<>|[—–|·:])\s*|\s+[-x/]\s+/;
const COMPANY_INTRO = /^(?:with|con|at|presso|@|w\/)\s+(.+)$/i;
const ROLE_INTRO = /^(?:for|per)\s+(?:(?:the|a|an|la|il|lo|l')\s*)?(?:(?:position|role|posizione|ruolo)\s+(?:of|as|di|da)\s+)?(.+?)(?:\s+(?:at|presso|@|with|con)\s+(.+))?$/i;
const TRAILING_PARENS = /^(.*?)\s*\(([^()]+)\)$/;
const ROLE_WORDS =
  /\b(?:engineer|developer|designer|manager|analyst|scientist|architect|consultant|specialist|director|intern(?:ship)?|lead|head|officer|administrator|researcher|writer|marketer|accountant|recruiter|associate|assistant|coordinator|technician|programm(?:er|atore|atrice)|tester|product|frontend|backend|full[- ]?stack|devops|sre|qa|ux|ui|sviluppat(?:ore|rice)|ingegnere|progettista|responsabile|analista|consulente|stagista|tirocinante|impiegat[oa]|addett[oa]|commerciale|tecnic[oa])\b/i;
const SAFE_PART = /\p{L}/u;

function looksLikeRole(s: string): boolean {
  return ROLE_WORDS.test(foldForMatch(s));
}

function tidy(part: string | undefined, keywords: NeedleList, tags: NeedleList): string | undefined {
  if (part === undefined) return undefined;
  const cleaned = cleanText(part.replace(/^[\s,;:–—|·/"'“”«»-]+|[\s,;:–—|·/"'“”«»-]+$/g, ''), 80);
  if (cleaned === '' || cleaned.length > 60 || cleaned.split(' ').length > 8 || !SAFE_PART.test(cleaned)) return undefined;
  // A part that still holds a keyword or a tag was mis-split: better to show nothing.
  if (/[@<>]|https?:|www\./i.test(cleaned)) return undefined;
  const folded = foldForMatch(cleaned);
  if (holdsNeedle(folded, keywords) || holdsNeedle(folded, tags)) return undefined;
  return cleaned;
}

function splitParens(s: string): { main: string; inner?: string } {
  const match = TRAILING_PARENS.exec(s);
  return match ? { main: match[1] ?? '', inner: match[2] } : { main: s };
}

function removeTags(title: string, tags: NeedleList): string {
  let text = title;
  for (const needle of tags.needles) {
    for (let guard = 0; guard < 10; guard++) {
      const { folded, map } = foldWithMap(text);
      const at = findToken(folded, needle);
      if (at === -1) break;
      const end = at + needle.length;
      text = `${text.slice(0, map ? map[at] : at)} ${text.slice(map ? map[end] : end)}`;
    }
  }
  return cleanText(text);
}

/** Best effort: reads the common title shapes and leaves a field out when unsure. */
/** Whether a title part names one of the invite's people: by display name, or by first and
 * last word both in an address ("Jane Doe" and jane.doe@acme.com). */
function namesPerson(part: string, people: { name: string; local: string }[]): boolean {
  const folded = foldForMatch(part.trim());
  const words = folded.split(/\s+/);
  const [first, last] = [words[0] ?? '', words[words.length - 1] ?? ''];
  return people.some(({ name, local }) => (name !== '' && (folded === name || folded.includes(name) || (name.includes(folded) && folded.length > 2)))
    || (words.length >= 2 && words.length <= 3 && first.length > 1 && local.includes(first) && local.includes(last)));
}

function peopleOf(event: CalendarEvent, attendees: EventAttendee[]): { name: string; local: string }[] {
  return [event.organizer, ...attendees].filter(isRecord).slice(0, 50).map((person) => ({
    name: foldForMatch(cleanText(person.displayName, 80)),
    local: typeof person.email === 'string' ? foldForMatch(person.email.split('@')[0] ?? '') : '',
  }));
}

function companyAndRole(title: string, rules: { keywords: NeedleList; tags: NeedleList }, people: { name: string; local: string }[]): { company?: string; role?: string } {
  const text = removeTags(title, rules.tags);
  const segments = text.split(SEGMENT_SEPARATOR).filter((segment) => segment.trim() !== '');
  let hit: KeywordHit | undefined;
  const index = segments.findIndex((segment) => (hit = findKeyword(segment, rules.keywords)) !== undefined);
  const keywordSegment = segments[index];
  if (keywordSegment === undefined || !hit) return {};
  const before = keywordSegment.slice(0, hit.start).trim();
  const after = keywordSegment.slice(hit.end).trim();
  const others = segments.filter((_, i) => i !== index);

  let company: string | undefined;
  let role: string | undefined;
  const companyIntro = COMPANY_INTRO.exec(after);
  const roleIntro = companyIntro ? null : ROLE_INTRO.exec(after);
  if (companyIntro) {
    const { main, inner } = splitParens(companyIntro[1] ?? '');
    const forRole = /^(.+?)\s+(?:for|per)\s+(.+)$/i.exec(main);
    company = forRole ? forRole[1] : main;
    role = forRole ? forRole[2] : inner;
  } else if (roleIntro) {
    role = roleIntro[1];
    company = roleIntro[2];
  }
  if (!role && before && looksLikeRole(before)) role = before;

  const [first, second] = others.map((segment) => splitParens(segment));
  if (first) {
    const firstIsRole = looksLikeRole(first.main) && !(second && looksLikeRole(second.main));
    if (!company && !firstIsRole) {
      company = first.main;
      role ??= first.inner;
    } else if (!role && firstIsRole) {
      role = first.main;
      if (!company && first.inner && !looksLikeRole(first.inner)) company = first.inner;
    }
  }
  if (second) {
    if (!role && !looksLikeRole(second.main) && company === undefined) company = second.main;
    else if (!role) role = second.main;
    else if (!company && !looksLikeRole(second.main)) company = second.main;
  }

  // "Interview with Jane Doe" and "Phone Screen - Jane Doe (Engineer)" name a person, not a company.
  if (company && namesPerson(company, people)) company = undefined;
  if (role && namesPerson(role, people)) role = undefined;
  const result: { company?: string; role?: string } = {};
  const cleanCompany = tidy(company, rules.keywords, rules.tags);
  const cleanRole = tidy(role, rules.keywords, rules.tags);
  if (cleanCompany) result.company = cleanCompany;
  if (cleanRole && cleanRole !== cleanCompany) result.role = cleanRole;
  return result;
}

// ---------------------------------------------------------------------------------------------
// The decision

function exclusion(event: CalendarEvent): ExclusionReason | undefined {
  if (event.status === 'cancelled') return 'cancelled';
  const start: unknown = event.start;
  const end: unknown = event.end;
  if (isRecord(start) && typeof start.date === 'string' && start.date !== '' && typeof start.dateTime !== 'string') return 'all-day';
  if (attendeesOf(event).some((attendee) => attendee.self === true && attendee.responseStatus === 'declined')) return 'declined';
  if (event.eventType !== undefined && event.eventType !== null && event.eventType !== 'default') return 'event-type';
  const startMs = isRecord(start) ? parseInstant(start.dateTime) : undefined;
  const endMs = isRecord(end) ? parseInstant(end.dateTime) : undefined;
  if (startMs === undefined || endMs === undefined || endMs < startMs) return 'invalid-time';
  return undefined;
}

/** "Event Name: 30 Minute Phone Screen" (Calendly), "Event Type: …", Italian "Nome evento: …". */
const EVENT_NAME = /^[ \t]*(?:event name|event type|nome (?:dell'?)?evento|tipo (?:di )?evento)[ \t]*:[ \t]*([^\n]{1,200})/im;

/**
 * Whether a description could make detection find an interview in an event it found none in
 * with another description, all else equal: only through a tag (tags written with '#', the
 * defaults, are looked for only in text with a '#') or a scheduling tool's "Event name:" line
 * (each form says "event" in some case, and the markup plainText drops joins no letters).
 * A calendar repeats a few titles over thousands of events with descriptions that differ in
 * a link or a PIN: the iCal source asks this instead of detecting each again.
 */
export function descriptionMayDecide(rules: DetectionRules, description: string): boolean {
  return !needleList(rules?.tags).hashOnly || description.includes('#') || /event/i.test(description);
}

/** Whether a keyword hit is one of the look-alikes that are not the user's job interview. */
function lookAlike(text: string): boolean {
  const folded = foldForMatch(text);
  // THIRD_PERSON's Unicode classes cost milliseconds to compile, in every fresh worker that
  // meets a title with a keyword: only a title with its verb can match it.
  return LOOK_ALIKES.test(folded) || CONDUCTED.test(text) || ((text.includes('interviews') || text.includes('intervista')) && THIRD_PERSON.test(text));
}

function decide(event: CalendarEvent, rules: DetectionRules, options: DetectOptions, title: string, descriptionText: string): { rule: DetectionRule; matched?: string } | ExclusionReason {
  const overrides: unknown = isRecord(rules) ? rules.overrides : undefined;
  // hasOwn: an event id such as "constructor" must not read Object.prototype.
  const override = isRecord(overrides) && Object.hasOwn(overrides, event.id) ? overrides[event.id] : undefined;
  if (override === 'not-interview') return 'override';
  if (override === 'interview') return { rule: 'override' };

  const tag = findTag(title, descriptionText, needleList(rules?.tags));
  if (tag !== undefined) return { rule: 'tag', matched: tag };

  const keywords = needleList(rules?.keywords);
  const keyword = findKeyword(title, keywords);
  if (keyword) return lookAlike(title) ? 'no-match' : { rule: 'keyword', matched: keyword.keyword };
  // Scheduling tools often title the event with names only and say what it is in the text.
  const eventName = EVENT_NAME.exec(descriptionText.slice(0, 4_000))?.[1] ?? '';
  const named = findKeyword(eventName, keywords);
  if (named && !lookAlike(eventName)) return { rule: 'eventName', matched: named.keyword };

  const calendarId = options?.calendarId;
  if (typeof calendarId === 'string' && stringList(rules?.calendars).includes(calendarId)) return { rule: 'calendar', matched: calendarId };
  if (typeof event.colorId === 'string' && stringList(rules?.colors).includes(event.colorId)) return { rule: 'color', matched: event.colorId };
  return 'no-match';
}

function detect(event: CalendarEvent, rules: DetectionRules, options: DetectOptions): Detection {
  if (!isRecord(event)) return { isInterview: false, reason: 'invalid-time' };
  const excluded = exclusion(event);
  if (excluded) return { isInterview: false, reason: excluded };
  // Without an id the user could not override the decision, and the interview id would collide.
  if (typeof event.id !== 'string' || event.id === '' || event.id.length > 1024) return { isInterview: false, reason: 'no-match' };

  const title = cleanText(str(event.summary));
  const rawDescription = str(event.description, DESCRIPTION_SCAN_LIMIT);
  const description = plainText(rawDescription);
  const decision = decide(event, rules, options, title, description);
  if (typeof decision === 'string') return { isInterview: false, reason: decision };

  const start = parseInstant((event.start as Record<string, unknown>).dateTime) ?? 0;
  const end = parseInstant((event.end as Record<string, unknown>).dateTime) ?? start;
  const source = options?.source ?? 'manual';
  const location = str(event.location);
  const entryPoints = conferenceEntryPoints(event);
  const attendees = attendeesOf(event);
  const self = selfAddresses(options, attendees, event.organizer);
  const interviewer = findInterviewer(event, attendees, description, self);
  const organizerEmail = isRecord(event.organizer) && typeof event.organizer.email === 'string' && !self.has(canonicalEmail(event.organizer.email)) ? event.organizer.email : undefined;
  const callingCode = callingCodeOfEmail(organizerEmail) ?? callingCodeOfEmail(interviewer.email) ?? callingCodeOfZone(str((event.start as Record<string, unknown>).timeZone, 64));
  const selfPhones = Array.isArray(options?.selfPhones) ? options.selfPhones.filter((phone): phone is string => typeof phone === 'string' && /\d{7}/.test(phone.replace(/\D/g, ''))).slice(0, 5) : [];

  const interview: Interview = {
    id: `${source}:${event.id}`,
    source,
    eventId: event.id,
    title,
    start,
    end,
    interviewer,
    phones: collectPhones(entryPoints, location, description, callingCode, selfPhones),
    detectedBy: decision.matched === undefined ? { rule: decision.rule } : { rule: decision.rule, matched: decision.matched },
  };
  const timeZone = canonicalZone((event.start as Record<string, unknown>).timeZone);
  if (timeZone) interview.timeZone = timeZone;
  const videoUrl = findVideoUrl([str(event.hangoutLink), ...videoUris(entryPoints), location, rawDescription]);
  if (videoUrl) interview.videoUrl = videoUrl;
  const people = peopleOf(event, attendees);
  if (interviewer.name) people.push({ name: foldForMatch(interviewer.name), local: '' });
  const { company, role } = companyAndRole(title, { keywords: needleList(rules?.keywords), tags: needleList(rules?.tags) }, people);
  if (company) interview.company = company;
  if (role) interview.role = role;
  const language = detectLanguage(title, description);
  if (language) interview.language = language;

  return decision.matched === undefined
    ? { isInterview: true, rule: decision.rule, interview }
    : { isInterview: true, rule: decision.rule, matched: decision.matched, interview };
}

/**
 * The detection of another occurrence of a repeating event, from the detection of one of
 * its occurrences, without reading the event again. Of an occurrence, detect reads its id
 * and times besides what all occurrences share (the fields, the zone of the times): both
 * enter the interview as they are. It holds when both occurrences have times detect
 * accepts (integer instants of years 0000-9999, the end not before the start), ids it
 * accepts, and rules that decide nothing by id (no override for either).
 */
export function occurrenceDetection(detection: Detection, eventId: string, start: number, end: number): Detection {
  if (!detection.isInterview) return detection;
  const { interview } = detection;
  return { ...detection, interview: { ...interview, id: `${interview.source}:${eventId}`, eventId, start, end } };
}

/** Is this event an interview (README, "Where interviews come from"), and if so, what we know of it. */
export function detectInterview(event: CalendarEvent, rules: DetectionRules, options: DetectOptions): Detection {
  try {
    return detect(event, rules, options);
  } catch {
    // Last line of defence: one malformed invite must not stop the whole sync.
    return { isInterview: false, reason: 'no-match' };
  }
}
