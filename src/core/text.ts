/**
 * Making untrusted strings (everything in a calendar invite) safe to show and to match.
 * Removing invisible characters matters beyond looks: bidi overrides can make a title or a
 * phone number read differently from what it is, and zero-width characters can hide a
 * keyword from matching or smuggle a second address into an email field.
 */

/** Line breaks of every flavour, so they become spaces (or newlines) instead of vanishing. */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/** C0/C1 controls (minus the whitespace ones handled first), bidi controls, zero-width
 * characters, BOM, soft hyphen and word joiner / invisible operators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A lone surrogate makes `encodeURIComponent` throw, which would break compose links. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const PRINTABLE_ASCII = /^[ -~]*$/;

const ELLIPSIS = '…';

/** Bounds the work on hostile input (a 1 MB description) before the linear passes run. */
function inputLimit(maxLength: number): number {
  return Math.max(maxLength * 4, 20_000);
}

function normalizeMax(maxLength: number, fallback: number): number {
  return typeof maxLength === 'number' && Number.isFinite(maxLength) ? Math.max(0, Math.floor(maxLength)) : fallback;
}

function prepare(value: string, maxLength: number): { text: string; truncated: boolean } {
  const limit = inputLimit(maxLength);
  const truncated = value.length > limit;
  const text = (truncated ? value.slice(0, limit) : value).replace(LONE_SURROGATE, '\uFFFD');
  return { text, truncated };
}

/** Cuts at `maxLength` UTF-16 units including the ellipsis, never inside a surrogate pair. */
function cap(text: string, maxLength: number, truncated: boolean): string {
  if (maxLength === 0) return '';
  if (text.length <= maxLength && !truncated) return text;
  let cut = text.length < maxLength ? text : text.slice(0, maxLength - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  cut = cut.trimEnd();
  return cut === '' ? '' : cut + ELLIPSIS;
}

/** One clean line of text: no controls, no invisible characters, single spaces, capped. */
export function cleanText(value: unknown, maxLength = 200): string {
  if (typeof value !== 'string') return '';
  const max = normalizeMax(maxLength, 200);
  const { text, truncated } = prepare(value, max);
  // Printable ASCII (most titles and names) holds no line break, invisible character or
  // whitespace but the plain space: only runs of spaces are left to collapse.
  const line = PRINTABLE_ASCII.test(text)
    ? text.replace(/ {2,}/g, ' ').trim()
    : text
      .replace(LINE_BREAKS, ' ')
      .replace(INVISIBLE, '')
      .replace(/\s+/g, ' ')
      .trim();
  return cap(line, max, truncated);
}

/** Like `cleanText` but keeps paragraphs: single newlines stay, blank-line runs shrink to one. */
export function cleanMultiline(value: unknown, maxLength = 4000): string {
  if (typeof value !== 'string') return '';
  const max = normalizeMax(maxLength, 4000);
  const { text, truncated } = prepare(value, max);
  const lines = text
    .replace(LINE_BREAKS, '\n')
    .replace(INVISIBLE, '')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim());
  const joined = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return cap(joined, max, truncated);
}

const COMBINING_MARKS = /\p{M}/gu;
const NON_ASCII = /[\u0080-\uFFFF]/;

/** Every UTF-16 unit below U+0080. */
export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

/** Lowercase without accents, so "Selezióne" and "SELEZIONE" compare equal. */
export function foldForMatch(s: string): string {
  if (typeof s !== 'string') return '';
  // ASCII has nothing to decompose and no marks to strip: only case is left to fold.
  if (isAscii(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}
