/**
 * Links that open a ready-to-send email in Gmail, Outlook on the web or the system's mail
 * client. The subject and body come from templates filled with calendar data, so the
 * encoding must carry any text through unchanged, and the recipient — also from the invite —
 * must be exactly one address or nothing.
 *
 * Every value is encoded with encodeURIComponent rather than URLSearchParams: the latter
 * writes spaces as "+", which mailto: clients and Outlook on the web show as literal plus
 * signs (e.g. AnandChowdhary/calendar-link#219, kentcdodds/kentcdodds.com#882). %20 and %2B
 * are read the same way by every target.
 */
import type { MailProvider } from './types.ts';
import { lazy } from './lazy.ts';

export interface Draft {
  to?: string;
  subject: string;
  body: string;
  /** The Google account the Gmail draft should open in (`authuser=`). */
  account?: string;
}

const MAX_ADDRESS = 254; // RFC 5321 path limit minus the angle brackets
const MAX_LOCAL = 64;

/** RFC 5322 atext minus the quote characters, plus any letter or digit for internationalised
 * local parts. Deliberately narrower than the RFC: no quoted strings, comments, IP literals,
 * and no apostrophe (an O'Brien address is left for the user to type). */
const LOCAL_PART = /* @__PURE__ */ lazy(() => /^[\p{L}\p{N}!#$%&*+/=?^_{|}~-]+(?:\.[\p{L}\p{N}!#$%&*+/=?^_{|}~-]+)*$/u);
const DOMAIN_LABEL = /* @__PURE__ */ lazy(() => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u);

/**
 * One plain address, nothing that a mail client could read as a second recipient or a
 * header: no whitespace, commas, semicolons, angle brackets, quotes or control characters,
 * exactly one "@", a dotted domain, at most 254 characters.
 */
export function isSingleAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ADDRESS) return false;
  // Checked explicitly even though the patterns below would reject most of these: this is
  // the security boundary, so it should read as one.
  if (/[\s,;<>"'`\\()[\]:\p{Cc}\p{Cf}]/u.test(value)) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > MAX_LOCAL || !LOCAL_PART().test(local)) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => DOMAIN_LABEL().test(label));
}

/** A lone surrogate makes encodeURIComponent throw; a draft link must never throw. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function encode(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A subject is a single header line. A line break in it could let text from an invite add
 * headers in a mailto: client, so breaks become spaces instead. */
function subjectLine(value: unknown): string {
  return text(value).replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ');
}

function recipient(draft: Draft): string | undefined {
  return isSingleAddress(draft.to) ? draft.to : undefined;
}

function query(params: Array<[string, string | undefined]>): string {
  return params
    .filter((param): param is [string, string] => param[1] !== undefined)
    .map(([name, value]) => `${name}=${encode(value)}`)
    .join('&');
}

/** https://mail.google.com/mail/?view=cm&fs=1&to=…&su=…&body=…[&authuser=…] */
export function gmailComposeUrl(draft: Draft): string {
  return (
    'https://mail.google.com/mail/?' +
    query([
      ['view', 'cm'],
      ['fs', '1'],
      ['to', recipient(draft)],
      ['su', subjectLine(draft.subject)],
      ['body', text(draft.body)],
      // Without it Gmail opens the browser's first signed-in account, which may not be the
      // one the candidate applied from.
      ['authuser', isSingleAddress(draft.account) ? draft.account : undefined],
    ])
  );
}

/** https://outlook.office.com/mail/deeplink/compose?to=…&subject=…&body=… */
export function outlookComposeUrl(draft: Draft): string {
  // Outlook's deeplink turns an encoded "+" in `to` into a space (OfficeDev/office-js#4127),
  // which would address someone else or no one; leave the field for the user instead.
  const to = recipient(draft);
  return (
    'https://outlook.office.com/mail/deeplink/compose?' +
    query([
      ['to', to?.includes('+') ? undefined : to],
      ['subject', subjectLine(draft.subject)],
      ['body', text(draft.body)],
    ])
  );
}

/** mailto:<addr>?subject=…&body=… as RFC 6068 asks: percent-encoded UTF-8, and line breaks
 * in the body written as CRLF (%0D%0A) whatever the input used. */
export function mailtoUrl(draft: Draft): string {
  const to = recipient(draft);
  // "@" stays literal: RFC 6068 allows it in the path, and some clients do not decode %40.
  const path = to === undefined ? '' : to.split('@').map(encode).join('@');
  const body = text(draft.body).replace(/\r\n|\r|\n/g, '\r\n');
  return `mailto:${path}?${query([
    ['subject', subjectLine(draft.subject)],
    ['body', body],
  ])}`;
}

export function composeUrl(provider: MailProvider, draft: Draft): string {
  switch (provider) {
    case 'outlook':
      return outlookComposeUrl(draft);
    case 'mailto':
      return mailtoUrl(draft);
    case 'gmail':
    default:
      // Settings read back from storage may hold anything; Gmail is the default provider.
      return gmailComposeUrl(draft);
  }
}
