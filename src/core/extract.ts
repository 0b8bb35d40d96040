/**
 * Pulls contact details out of invite text. Everything here reads text written by whoever
 * sent the invite, so each result is validated before it can reach a `tel:` link, a
 * compose URL or the DOM: one plain address, digits-only dial strings, https-only links
 * to known meeting hosts.
 */
import type { PhoneNumber } from './types.ts';
import { cleanText, foldForMatch } from './text.ts';
import { isRecord } from './is-record.ts';
import { internationalDial } from './calling-code.ts';
import { lazy } from './lazy.ts';

export { sameNumber, withoutOwnNumbers } from './own-contacts.ts';

/** Free text beyond this is not scanned: invites can be megabytes long. */
const SCAN_LIMIT = 20_000;
const MAX_FOUND = 20;

// A deliberately narrow local part (RFC 5322 allows more): these are the characters real
// interviewer addresses use, and none of them can start a header, a list or a display name.
const LOCAL_CHAR = /[A-Za-z0-9._%+'-]/;
const LOCAL_PART = /^[A-Za-z0-9%+'_-]+(?:\.[A-Za-z0-9%+'_-]+)*$/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/** One plain address, `local@domain.tld`, nothing that could add a recipient or a header. */
export function isValidEmail(s: string): boolean {
  if (typeof s !== 'string' || s.length > 254) return false;
  const at = s.indexOf('@');
  if (at < 1 || at !== s.lastIndexOf('@')) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1] ?? '';
  return labels.every((label) => DOMAIN_LABEL.test(label)) && TOP_LEVEL.test(tld);
}

/** A video-system address ("sip:123@acme.webex.com", "h323:…") is dialled by a room system,
 * not written to: never an email. */
const VIDEO_ADDRESS = /(?:sips?|h\.?323|xmpp|im|tel):$/;

/** Valid addresses in free text, in order, without repeats (compared case-insensitively). */
export function findEmails(text: string): string[] {
  if (typeof text !== 'string') return [];
  const scanned = text.slice(0, SCAN_LIMIT);
  const found: string[] = [];
  const seen = new Set<string>();
  // Walking out from each "@" instead of one big regex keeps the scan linear: a regex with
  // a repeated local-part class backtracks quadratically on long runs of letters.
  let at = scanned.indexOf('@');
  while (at !== -1 && found.length < MAX_FOUND) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(scanned.charAt(start - 1))) start--;
    let end = at + 1;
    while (end < scanned.length && end - at <= 253 && DOMAIN_CHAR.test(scanned.charAt(end))) end++;
    // Quotes and dots around an address belong to the prose, not to the address.
    const candidate = scanned.slice(start, end).replace(/^['.]+/, '').replace(/[.-]+$/, '');
    const key = candidate.toLowerCase();
    const from = scanned.indexOf(candidate, start);
    const lead = scanned.slice(Math.max(0, from - 6), from).toLowerCase();
    if (isValidEmail(candidate) && !seen.has(key) && !VIDEO_ADDRESS.test(lead) && !/\.webex\.com$/.test(key)) {
      seen.add(key);
      found.push(candidate);
    }
    at = scanned.indexOf('@', at + 1);
  }
  return found;
}

/** Digits, optionally grouped with spaces, dots, dashes, slashes and parentheses. */
const PHONE_RUN = /\+?[(\d][\d ().\-/\u00A0]*/g;
/** A date, alone or with the hour of a date-time after it ("15/04/2026 10" of "10:00"). */
const DATE_SHAPE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2}))(?:[ T]\d{1,2})?$/;
const TIME_RANGE = /^\d{1,2}[.:]\d{2} ?[-/] ?\d{1,2}[.:]\d{2}$/;
/** "2026 - 2027", "1000-2000"; but "555-0100" is a North American local number. */
const NUMBER_RANGE = /^(?!\d{3}-\d{4}$)\d+ ?[-/] ?\d+$/;
/** Job references and ISO dates start with a year ("2026-0142-11"); no national number does. */
const YEAR_FIRST = /^(?:19|20)\d\d[-./]/;
/** ZIP+4, and a house number before a five-digit postal code ("Via Roma 12 20121 Milano"). */
const POSTAL = /^\d{5}-\d{4}$/;
const HOUSE_AND_POSTAL = /^\d{1,4} \d{5}$/;
/** Labels that introduce a meeting id, a code or a reference rather than a number to call. */
const ID_LABEL = /* @__PURE__ */ lazy(() => /(?:^|[^\p{L}\p{N}])(?:meeting|webinar|conferen\w+|riunione|id|pin|pass\w+|code|codice|accesso|ref|rif|riferimento|annuncio|req\w*|ticket|case|pratica|prot\w*|order|ordine|cap|zip|iva|vat|iban|fiscale)[\s:#.=()-]*$/u);
/** Two numbers on one line ("333 123 4567 / 02 1234 5678", or spaced apart) are two runs. */
const RUN_SPLIT = /\s+\/\s*|\s*\/\s+|\s{2,}/g;
/** A number glued to these is part of a URL, a dial string or a word, not a phone number. */
const GLUED_BEFORE = /* @__PURE__ */ lazy(() => /[\p{L}\p{N}_/=?&#,;*@+-]/u);
const GLUED_AFTER = /* @__PURE__ */ lazy(() => /[\p{L}\p{N}_/=?&#*@]/u);
/** An extension after the number: "ext. 12", "x12", "int. 34", "interno 34". */
const EXTENSION = /* @__PURE__ */ lazy(() => /^\s*,?\s*(?:ext|extension|x|int|interno|est)\.?\s*:?\s*(\d{1,6})(?![\p{L}\p{N}])/iu);
/** What a number written without separators needs before it to be read as one. */
const PHONE_LABEL = /* @__PURE__ */ lazy(() => /(?:tel|phone|telefono|cell|mobile|cellulare|whatsapp|call|chiama|numero|number|direct|diretto|line|linea)\b[^\p{L}\p{N}]{0,6}$/u);
/** The person's own number, said in so many words. */
const OWN_STRONG = /\b(?:my|mio|mia)\b.{0,24}\b(?:line|number|phone|cell|mobile|numero|cellulare|telefono)|\b(?:tel|direct|diretto|diretta|mobile|mob|cell|cellulare|whatsapp|call me|reach me|chiamarmi|contattarmi)\b/;
/** Where the text says the number is the candidate's: the interviewer will call it. */
const CANDIDATE_CUE = /\b(?:call|ring|reach|phone|contact|dial) you\b|\bcall the (?:guest|invitee|candidate)\b|\byour (?:phone|mobile|cell|number)\b|\b(?:ti|la|vi|le) (?:chiamer|contatter|richiamer)|\b(?:suo|tuo) (?:numero|cellulare)\b|\binvitee phone\b/;
/** A scheduling tool's form answers: "Phone number: …" is what the candidate typed. */
const ANSWER_LINE = /^\s*(?:phone(?: number)?|numero di telefono|telefono|mobile)\s*:?\s*$/;
const ANSWER_TOOL = /calendly|invitee|questions:|domande:/i;
/** Headings and words of a dial-in block (Meet, Zoom, Teams, Webex, in English and Italian). */
const BRIDGE_CUE = /dial[- ]?in|by phone|one tap|dial by|call[- ]in\b|audio only|solo audio|conference (?:number|line|bridge|call)|access code|meeting number|toll|phone numbers|telefon(?:o|icamente)|numeri di tel|global call|numero verde|\((?:us|it|gb|uk|de|fr)\)/;
/** A code in a dial-in block, with its label: PIN, conference id, meeting id, access code. */
const CODE_IN_BLOCK = /* @__PURE__ */ lazy(() => /(?:pin|conference id|meeting id|meeting number|access code|participant code|id conferenza|id riunione|id della riunione|codice (?:di accesso|d'accesso|conferenza|riunione|partecipante))[^\p{L}\p{N}\n]{0,6}(\d[\d ]{2,18}\d#?)/u);
const PASSCODE_IN_BLOCK = /* @__PURE__ */ lazy(() => /(?:passcode|password|codice segreto)[^\p{L}\p{N}\n]{0,6}(\d{4,12})(?!\p{L})/u);

export interface PhoneContext {
  /** Calling code for numbers written without one (from the invite's zone or sender). */
  callingCode?: string;
}

function balancedParens(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (depth < 0 || depth > 1) return false;
  }
  return depth === 0;
}

/** Whether a run of digits has the shape of a phone number (not a date, time, range or code). */
function phoneShaped(display: string, lineBefore: string, after: string): boolean {
  if (!balancedParens(display) || /[.\-/]{2,}|\s{2,}/.test(display)) return false;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(display) || DATE_SHAPE.test(display) || TIME_RANGE.test(display) || NUMBER_RANGE.test(display) || POSTAL.test(display)) return false;
  const international = display.startsWith('+');
  if (!international && YEAR_FIRST.test(display)) return false;
  if (HOUSE_AND_POSTAL.test(display) && /^\s+\p{Lu}/u.test(after)) return false;
  // "…10:00": the run ends on the hour of a time.
  if (/^[:h]\d/.test(after)) return false;
  const digits = display.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  // An unbroken run with no label is an id or a reference far more often than a phone.
  if (!international && /^\d+$/.test(display) && !PHONE_LABEL().test(lineBefore.toLowerCase())) return false;
  return true;
}

/** A run ends on whatever separator came last ("(mobile", "555-0100 -", "4567)"): drop it. */
function trimRun(run: string): string {
  let text = run.replace(/[\s(.\-/\u00A0]+$/, '');
  while (text.endsWith(')') && text.split(')').length > text.split('(').length) {
    text = text.slice(0, -1).replace(/[\s(.\-/\u00A0]+$/, '');
  }
  return text;
}

function splitRun(run: string, offset: number): { text: string; start: number }[] {
  const pieces: { text: string; start: number }[] = [];
  let from = 0;
  for (const gap of run.matchAll(RUN_SPLIT)) {
    pieces.push({ text: run.slice(from, gap.index), start: offset + from });
    from = gap.index + gap[0].length;
  }
  pieces.push({ text: run.slice(from), start: offset + from });
  return pieces;
}

/** The paragraph around `at`: dial-in blocks are written as runs of lines without a gap. */
function blockAround(text: string, at: number): { before: string; whole: string } {
  // Paragraphs end at a blank line or at a rule ("_____", "-----") as Teams and Zoom draw them.
  const gap = /\n[ \t\u00A0]*\n|\n[ \t]*(?:[_=]{5,}|-{3,})[ \t]*(?=\n|$)/g;
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(gap)) {
    if (match.index + match[0].length <= at) start = match.index + match[0].length;
    else if (match.index >= at) {
      end = match.index;
      break;
    }
  }
  return { before: text.slice(start, at), whole: text.slice(start, end) };
}

/** PIN (or conference / meeting id) and passcode of a dial-in, nearest first. */
function codesFor(lineAfter: string, block: string, text: string): { pin?: string; passcode?: string } {
  const codes: { pin?: string; passcode?: string } = {};
  const tap = /^,,+(\d{4,15}#?)/.exec(lineAfter);
  if (tap) codes.pin = tap[1];
  for (const scope of [lineAfter, block, text]) {
    if (codes.pin !== undefined && codes.passcode !== undefined) break;
    const folded = scope.toLowerCase();
    codes.pin ??= CODE_IN_BLOCK().exec(folded)?.[1];
    codes.passcode ??= PASSCODE_IN_BLOCK().exec(folded)?.[1];
  }
  const result: { pin?: string; passcode?: string } = {};
  if (codes.pin) result.pin = cleanText(codes.pin, 32);
  if (codes.passcode) result.passcode = cleanText(codes.passcode, 16);
  return result;
}

/**
 * Phone numbers written in free text (a location or a description), deduplicated by what they
 * dial. Each says whether the text presents it as the person's own (`direct`) or as part of a
 * dial-in block (`bridge`, with its PIN); numbers the text gives as the candidate's are left out.
 */
export function findPhones(text: string, origin: 'location' | 'description', context: PhoneContext = {}): PhoneNumber[] {
  if (typeof text !== 'string') return [];
  const scanned = text.slice(0, SCAN_LIMIT).replace(/\r\n?/g, '\n');
  const answers = ANSWER_TOOL.test(scanned);
  const phones: PhoneNumber[] = [];
  const seen = new Set<string>();
  for (const match of scanned.matchAll(PHONE_RUN)) {
    for (const piece of splitRun(match[0], match.index)) {
      if (phones.length >= MAX_FOUND) return phones;
      const raw = trimRun(piece.text);
      if (raw === '') continue;
      const start = piece.start;
      const end = start + raw.length;
      const context24 = foldForMatch(scanned.slice(Math.max(0, start - 24), start));
      if (ID_LABEL().test(context24)) continue;
      const lineStart = scanned.lastIndexOf('\n', start - 1) + 1;
      const lineEndAt = scanned.indexOf('\n', end);
      const lineBefore = scanned.slice(lineStart, start);
      let lineAfter = scanned.slice(end, lineEndAt === -1 ? scanned.length : lineEndAt);
      const display = raw.replace(/\u00A0/g, ' ').trim();
      if (!phoneShaped(display, lineBefore, lineAfter)) continue;
      const extension = EXTENSION().exec(lineAfter);
      if (extension) lineAfter = lineAfter.slice(extension[0].length);
      if (GLUED_BEFORE().test(scanned.charAt(start - 1)) || GLUED_AFTER().test(lineAfter.charAt(0))) continue;

      const before = lineBefore.toLowerCase().slice(-60);
      const previousLine = scanned.slice(scanned.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1, Math.max(0, lineStart - 1)).toLowerCase();
      const sentence = before.slice(before.search(/[^.!?;]*$/));
      if (CANDIDATE_CUE.test(sentence) || (answers && (ANSWER_LINE.test(before) || (before.trim() === '' && ANSWER_LINE.test(previousLine))))) continue;

      const digits = display.replace(/\D/g, '');
      const dial = display.startsWith('+') ? `+${digits}` : internationalDial(digits, context.callingCode);
      const key = extension ? `${dial};${extension[1]}` : dial;
      if (seen.has(key)) continue;
      seen.add(key);
      const block = blockAround(scanned, start);
      const bridge = BRIDGE_CUE.test(`${block.before}\n${lineAfter}`.toLowerCase()) || /^,,/.test(lineAfter);
      const phone: PhoneNumber = { display: cleanText(extension ? display + extension[0].trimEnd() : display, 48), dial, origin };
      if (extension) phone.ext = extension[1];
      if (OWN_STRONG.test(before) || (!bridge && origin === 'location')) phone.kind = 'direct';
      else if (bridge) {
        phone.kind = 'bridge';
        Object.assign(phone, codesFor(lineAfter, block.whole, scanned));
      }
      phones.push(phone);
    }
  }
  return phones;
}

/**
 * A number the user typed (the add form): the shapes `findPhones` reads in an invite — 7 to 15
 * digits grouped by spaces, dots, dashes, slashes or brackets, an optional leading `+`, an
 * optional extension — as one number, or undefined. Kept apart from `findPhones` so that the
 * popup does not carry the invite reader (its bundle has a 25 KB budget).
 */
export function parseTypedPhone(typed: string, callingCode?: string): PhoneNumber | undefined {
  if (typeof typed !== 'string' || typed.length > 60) return undefined;
  const trimmed = cleanText(typed, 60);
  const match = /^(\+?[(\d][\d ().\-/]*?)(?:\s*,?\s*(?:ext(?:ension)?|x|int(?:erno)?|est)\.?\s*:?\s*(\d{1,6}))?$/i.exec(trimmed);
  const number = match?.[1]?.trim() ?? '';
  if (!match || !balancedParens(number) || /[.\-/]{2,}|\s{2,}/.test(number) || DATE_SHAPE.test(number) || number.search(RUN_SPLIT) !== -1) return undefined;
  const digits = number.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  const phone: PhoneNumber = { display: trimmed, dial: number.startsWith('+') ? `+${digits}` : internationalDial(digits, callingCode), origin: 'manual' };
  if (match[2]) phone.ext = match[2];
  return phone;
}

/** Dial-in numbers of a conference (Meet, Zoom…): `tel:` entry points only. */
export function phonesFromConference(entryPoints: unknown): PhoneNumber[] {
  if (!Array.isArray(entryPoints)) return [];
  const phones: PhoneNumber[] = [];
  const seen = new Set<string>();
  for (const entry of entryPoints.slice(0, 100)) {
    if (!isRecord(entry) || entry.entryPointType !== 'phone' || typeof entry.uri !== 'string') continue;
    const uri = entry.uri.slice(0, 200);
    if (!/^tel:/i.test(uri)) continue;
    // Google writes "tel:+1-555-0100" and sometimes appends ";pin=…" or ",,…#" dial codes.
    const number = uri.slice(4).split(/[;,]/)[0] ?? '';
    if (!/^\+?[\d\s().-]+$/.test(number)) continue;
    const digits = number.replace(/\D/g, '');
    // The same 7–15 digits as numbers found in text: shorter strings are extensions or codes.
    if (digits.length < 7 || digits.length > 15) continue;
    const dial = (number.trim().startsWith('+') ? '+' : '') + digits;
    if (seen.has(dial)) continue;
    seen.add(dial);
    const display = cleanText(entry.label, 40) || cleanText(number, 40);
    const pin = cleanText(entry.pin, 32);
    phones.push(pin ? { display, dial, pin, origin: 'conference', kind: 'bridge' } : { display, dial, origin: 'conference', kind: 'bridge' });
  }
  return phones;
}

const VIDEO_HOSTS = ['meet.google.com', 'zoom.us', 'teams.microsoft.com', 'teams.live.com'];
/** Printable ASCII a URL can hold, minus quotes, brackets and backslashes that end it in prose or HTML. */
const URL_BODY = /[A-Za-z0-9\-._~:/?#@!$&*+,;=%]*/y;
/** What may precede a link: prose, an HTML attribute, or a redirect wrapper's `?q=`. A link
 * glued to anything else ("data:text/html,https://…") is part of some other URL. */
const LINK_BOUNDARY = /^$|[\s"'(<>[{=|*]/;

function* httpsCandidates(text: string): Generator<string> {
  const lowered = text.toLowerCase();
  let at = lowered.indexOf('https://');
  while (at !== -1) {
    const before = text.charAt(at - 1);
    if (LINK_BOUNDARY.test(before)) {
      URL_BODY.lastIndex = at + 8;
      const body = URL_BODY.exec(text)?.[0] ?? '';
      // Inside "?q=…&sa=D" the next parameter belongs to the wrapper, not to the meeting link.
      yield text.slice(at, at + 8) + (before === '=' ? (body.split('&')[0] ?? '') : body);
    }
    at = lowered.indexOf('https://', at + 8);
  }
}

function videoUrlFrom(candidate: string): string | undefined {
  const trimmed = candidate.replace(/[.,;:!?]+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return undefined;
  const host = url.hostname;
  return VIDEO_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`)) ? url.href : undefined;
}

/** The first Meet, Zoom or Teams link (https only) among the texts, normalised. */
export function findVideoUrl(texts: string[]): string | undefined {
  if (!Array.isArray(texts)) return undefined;
  for (const text of texts.slice(0, 100)) {
    if (typeof text !== 'string') continue;
    for (const candidate of httpsCandidates(text.slice(0, SCAN_LIMIT))) {
      const url = videoUrlFrom(candidate);
      if (url) return url;
    }
  }
  return undefined;
}
