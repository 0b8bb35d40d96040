/**
 * Downloads a secret iCal address with `fetch` injected: conditional requests, a size
 * limit enforced while reading, and errors as `SyncError` codes the UI can translate.
 *
 * The address is a secret (anyone holding it reads the whole calendar): it never goes into
 * an error message or a log line. `maskIcalUrl` is the only form in which it may be shown.
 */
import { SyncError, isSyncError, retryAfterOf, type FetchLike } from './source-types.ts';

import { normalizeIcalUrl } from '../core/ical-address.ts';

// The address helpers are pure and the options page needs them too: they live in core.
export { maskIcalUrl, normalizeIcalUrl } from '../core/ical-address.ts';

export interface IcalValidators {
  etag?: string;
  lastModified?: string;
}

export type IcalFetchResult =
  | { kind: 'unchanged'; cursor: IcalValidators }
  | { kind: 'feed'; text: string; cursor: IcalValidators; bytes: number };

export interface IcalFetchOptions {
  /** Default 10 MB. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Epoch ms, to turn a `Retry-After: <seconds>` into an instant. */
  now?: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** BEGIN:VCALENDAR must show up this early (after a BOM, blank lines or a stray comment). */
const SNIFF_BYTES = 1024;

function statusError(status: number, retryAfter: number | undefined): SyncError {
  const extra = retryAfter === undefined ? { status } : { status, retryAfter };
  if (status === 404 || status === 410) return new SyncError('not-found', `The calendar address no longer exists (HTTP ${status}).`, extra);
  if (status === 401 || status === 403) return new SyncError('forbidden', `The calendar refused the request (HTTP ${status}); the secret address may have been reset.`, extra);
  if (status === 429) return new SyncError('rate-limited', 'The calendar server asked to slow down (HTTP 429).', extra);
  if (status >= 500) return new SyncError('server', `The calendar server had a problem (HTTP ${status}).`, extra);
  return new SyncError('http', `The calendar server answered HTTP ${status}.`, extra);
}

function tooLarge(maxBytes: number): SyncError {
  return new SyncError('too-large', `The calendar is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
}

/**
 * The encoding of the body: a byte-order mark first, then the zero bytes every ASCII
 * character has in UTF-16 ("BEGIN" starts the file), then the Content-Type's charset,
 * else UTF-8.
 */
function encodingOf(bytes: Uint8Array, declared: string | undefined): string {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (bytes.length >= 2 && a === 0 && b !== 0) return 'utf-16be';
  if (bytes.length >= 2 && a !== 0 && b === 0) return 'utf-16le';
  return declared ?? 'utf-8';
}

function looksLikeIcal(bytes: Uint8Array, declared: string | undefined): boolean {
  const head = new TextDecoder(encodingOf(bytes, declared)).decode(bytes.subarray(0, SNIFF_BYTES));
  return /^\uFEFF?\s*BEGIN:VCALENDAR\b/i.test(head);
}

/**
 * Bytes → text. UTF-16 is decoded first and unfolded as text; any 8-bit encoding is
 * unfolded as bytes (see unfoldBytes). Text that is not valid UTF-8 although it says so
 * (or says nothing) is Latin-1 in practice, read as windows-1252 (its superset, which
 * is also what browsers do with a page labelled ISO-8859-1).
 */
function decode(raw: Uint8Array, declared: string | undefined): string {
  const encoding = encodingOf(raw, declared);
  if (encoding.startsWith('utf-16')) return new TextDecoder(encoding).decode(raw).replace(/\r?\n[ \t]/g, '');
  const unfolded = unfoldBytes(raw);
  if (encoding !== 'utf-8') return new TextDecoder(encoding).decode(unfolded);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(unfolded);
  } catch {
    return new TextDecoder('windows-1252').decode(unfolded);
  }
}

/**
 * RFC 5545 unfolding done on bytes, before decoding: exporters fold at 75 octets and may
 * cut a multi-byte UTF-8 character in two, which decoding line by line would turn into
 * two U+FFFD. Removes CRLF (or LF) followed by one space or tab, in place (the result is
 * never longer), jumping from newline to newline with the native `indexOf`.
 */
export function unfoldBytes(bytes: Uint8Array): Uint8Array {
  let write = 0;
  let from = 0;
  let newline = bytes.indexOf(0x0a);
  while (newline !== -1) {
    const next = bytes[newline + 1];
    if (next === 0x20 || next === 0x09) {
      const cut = newline > 0 && bytes[newline - 1] === 0x0d ? newline - 1 : newline;
      if (write !== from) bytes.copyWithin(write, from, cut);
      write += cut - from;
      from = newline + 2;
    }
    newline = bytes.indexOf(0x0a, newline + 1);
  }
  if (write !== from) bytes.copyWithin(write, from, bytes.length);
  write += bytes.length - from;
  return bytes.subarray(0, write);
}

/**
 * The body as one fresh array (the caller unfolds it in place), enforcing `maxBytes` while
 * reading. With a Content-Length the bytes are copied into one buffer as they arrive, so
 * the chunks do not all stay alive next to the whole (5 MB less at the peak).
 */
async function readBody(response: Response, declared: number | undefined, maxBytes: number, charset: string | undefined): Promise<Uint8Array> {
  const body = response.body;
  if (!body) return new Uint8Array(0);
  let buffer: Uint8Array = new Uint8Array(declared ?? 0);
  let chunks: Uint8Array[] | undefined = declared === undefined ? [] : undefined;
  let total = 0;
  let sniffed = false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new SyncError('not-ical', 'The address did not return calendar data.');
      if (total + value.byteLength > maxBytes) throw tooLarge(maxBytes);
      if (!chunks && total + value.byteLength > buffer.byteLength) {
        // More than announced: fall back to collecting chunks.
        chunks = [buffer.subarray(0, total)];
      }
      if (chunks) chunks.push(value);
      else buffer.set(value, total);
      total += value.byteLength;
      if (!sniffed && total >= SNIFF_BYTES) {
        sniffed = true;
        // An HTML login page or an error document: stop downloading it.
        if (!looksLikeIcal(chunks ? concat(chunks, total) : buffer.subarray(0, total), charset)) throw new SyncError('not-ical', 'The address did not return calendar data.');
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (isSyncError(error)) throw error;
    throw new SyncError('offline', 'The connection dropped while downloading the calendar.');
  }
  if (chunks) buffer = concat(chunks, total);
  return buffer.subarray(0, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/** The Content-Type's charset as a TextDecoder encoding, or undefined (none, unknown). */
function charsetOf(response: Response): string | undefined {
  const match = /charset\s*=\s*"?([A-Za-z0-9_.:-]{1,40})/i.exec(response.headers.get('content-type') ?? '');
  if (!match?.[1]) return undefined;
  try {
    return new TextDecoder(match[1]).encoding;
  } catch {
    return undefined;
  }
}

function validatorsOf(response: Response, previous: IcalValidators | undefined): IcalValidators {
  const cursor: IcalValidators = {};
  const etag = response.headers.get('etag') ?? previous?.etag;
  const lastModified = response.headers.get('last-modified') ?? previous?.lastModified;
  if (etag) cursor.etag = etag.slice(0, 512);
  if (lastModified) cursor.lastModified = lastModified.slice(0, 100);
  return cursor;
}

/** Fetches the feed; a 304 to the conditional request is `unchanged`. Rejects only with
 * `SyncError`, whose message never contains the address. */
export async function fetchIcalFeed(url: string, cursor: IcalValidators | undefined, fetchImpl: FetchLike, options: IcalFetchOptions = {}): Promise<IcalFetchResult> {
  const maxBytes = typeof options.maxBytes === 'number' && options.maxBytes > 0 ? options.maxBytes : DEFAULT_MAX_BYTES;
  const address = normalizeIcalUrl(url);
  // No dedicated code for a bad address in SyncErrorCode: it is "not an iCal address".
  if (!address) throw new SyncError('not-ical', 'This is not an https iCal address.');

  const headers: Record<string, string> = { Accept: 'text/calendar, text/plain;q=0.8, */*;q=0.5' };
  if (cursor?.etag) headers['If-None-Match'] = cursor.etag;
  if (cursor?.lastModified) headers['If-Modified-Since'] = cursor.lastModified;

  let response: Response;
  try {
    response = await fetchImpl(address, options.signal ? { method: 'GET', headers, signal: options.signal } : { method: 'GET', headers });
  } catch {
    // The original error may quote the address: it is not passed on.
    throw new SyncError('offline', 'The calendar could not be reached (offline or the server is down).');
  }

  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'unchanged', cursor: validatorsOf(response, cursor) };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw statusError(response.status, retryAfterOf(response, options.now ?? Date.now()));
  }
  const length = response.headers.get('content-length');
  const declared = length !== null && /^\d{1,15}$/.test(length.trim()) ? Number(length.trim()) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }

  const charset = charsetOf(response);
  const raw = await readBody(response, declared, maxBytes, charset);
  if (!looksLikeIcal(raw, charset)) throw new SyncError('not-ical', 'The address did not return calendar data.');
  const bytes = raw.byteLength;
  // `raw` is ours (read from the stream), so it is unfolded in place: no second 5 MB copy.
  const text = decode(raw, charset);
  return { kind: 'feed', text, cursor: validatorsOf(response, undefined), bytes };
}
