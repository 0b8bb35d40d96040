/**
 * Pulls contact details out of invite text. Everything here reads text written by whoever
 * sent the invite, so each result is validated before it can reach a `tel:` link, a
 * compose URL or the DOM: one plain address, digits-only dial strings, https-only links
 * to known meeting hosts.
 */
import type { PhoneNumber } from './types.ts';
import { cleanText, foldForMatch } from './text.ts';
import { isRecord } from './is-record.ts';

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
    if (isValidEmail(candidate) && !seen.has(key)) {
      seen.add(key);
      found.push(candidate);
    }
    at = scanned.indexOf('@', at + 1);
  }
  return found;
}

/** Digits, optionally grouped with spaces, dots, dashes, slashes and parentheses. */
const PHONE_RUN = /\+?[(\d][\d ().\-/\u00A0]*/g;
const DATE_SHAPE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const TIME_RANGE = /^\d{1,2}[.:]\d{2} ?[-/] ?\d{1,2}[.:]\d{2}$/;
const NUMBER_RANGE = /^\d+ ?[-/] ?\d+$/;
/** Labels that introduce a meeting id or a code rather than a number to call. */
const ID_LABEL = /(?:^|[^\p{L}\p{N}])(?:meeting|webinar|conference|riunione|conferenza|id|pin|passcode|password|code|codice|accesso|ref|order|ordine)[\s:#.=-]*$/u;
/** Two numbers on one line ("333 123 4567 / 02 1234 5678", or spaced apart) are two runs. */
const RUN_SPLIT = /\s+\/\s*|\s*\/\s+|\s{2,}/g;
/** A number glued to these is part of a URL, a dial string or a word, not a phone number. */
const GLUED_BEFORE = /[\p{L}\p{N}_/=?&#,;*@+-]/u;
const GLUED_AFTER = /[\p{L}\p{N}_/=?&#*@]/u;

function balancedParens(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (depth < 0 || depth > 1) return false;
  }
  return depth === 0;
}

function phoneFromRun(raw: string, before: string, after: string): { display: string; dial: string } | undefined {
  const display = raw.replace(/\u00A0/g, ' ').trim();
  if (!balancedParens(display) || /[.\-/]{2,}|\s{2,}/.test(display)) return undefined;
  if (DATE_SHAPE.test(display) || TIME_RANGE.test(display) || NUMBER_RANGE.test(display)) return undefined;
  const digits = display.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  if (GLUED_BEFORE.test(before) || GLUED_AFTER.test(after)) return undefined;
  return { display: cleanText(display, 40), dial: (display.startsWith('+') ? '+' : '') + digits };
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

/** Phone numbers written in free text (a location or a description), deduplicated by dial. */
export function findPhones(text: string, origin: 'location' | 'description'): PhoneNumber[] {
  if (typeof text !== 'string') return [];
  const scanned = text.slice(0, SCAN_LIMIT);
  const phones: PhoneNumber[] = [];
  const seen = new Set<string>();
  for (const match of scanned.matchAll(PHONE_RUN)) {
    for (const piece of splitRun(match[0], match.index)) {
      if (phones.length >= MAX_FOUND) return phones;
      const raw = trimRun(piece.text);
      if (raw === '') continue;
      const start = piece.start;
      const context = foldForMatch(scanned.slice(Math.max(0, start - 24), start));
      if (ID_LABEL.test(context)) continue;
      const phone = phoneFromRun(raw, scanned.charAt(start - 1), scanned.charAt(start + raw.length));
      if (!phone || seen.has(phone.dial)) continue;
      seen.add(phone.dial);
      phones.push({ ...phone, origin });
    }
  }
  return phones;
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
    phones.push(pin ? { display, dial, pin, origin: 'conference' } : { display, dial, origin: 'conference' });
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
