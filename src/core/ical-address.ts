/**
 * A secret iCal address as the user pastes it and as it may be shown. The address is a secret
 * (anyone holding it reads the whole calendar): `maskIcalUrl` is the only form in which it may
 * be shown. Pure: the options page checks an address with these before asking for permission,
 * the worker again before connecting it (src/calendar/ical-fetch.ts downloads it).
 */

/**
 * The https:// form of a pasted address, or undefined when it is not one we may fetch:
 * https (or webcal, which means https), or http only on 127.0.0.1 for the tests' server.
 * Addresses with a user name or password are refused (fetch rejects them anyway).
 */
export function normalizeIcalUrl(input: string): string | undefined {
  if (typeof input !== 'string' || input.length > 4096) return undefined;
  const trimmed = input.trim();
  const rewritten = /^webcals?:\/\//i.test(trimmed) ? trimmed.replace(/^webcals?:\/\//i, 'https://') : trimmed;
  let url: URL;
  try {
    url = new URL(rewritten);
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.protocol === 'https:') return url.href;
  // Plain http only for the tests' feed server. The production build defines __TEST_BUILD__
  // as false, so esbuild folds this branch away, address included; Node's unit tests have no
  // define (typeof is 'undefined') and keep it.
  if ((typeof __TEST_BUILD__ === 'undefined' || __TEST_BUILD__) && url.protocol === 'http:' && url.hostname === '127.0.0.1') return url.href;
  return undefined;
}

/** "calendar.google.com/…3f9a": the host and the last four characters of the secret part
 * (a trailing "/basic.ics" or ".ics" is left out, since every Google address ends that way). */
export function maskIcalUrl(input: string): string {
  const normalized = typeof input === 'string' ? normalizeIcalUrl(input) : undefined;
  if (!normalized) return '(invalid address)';
  const url = new URL(normalized);
  const secret = (url.pathname + url.search).replace(/\/basic\.ics$/i, '').replace(/\.ics$/i, '').replace(/\/+$/, '');
  // A path too short to hide anything shows nothing of it.
  const tail = secret.length >= 12 ? secret.slice(-4) : '';
  return `${url.host}/…${tail}`;
}
