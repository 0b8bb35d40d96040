/**
 * The country calling code an invite implies, so a number written the national way
 * ("(415) 555-0187", "02 1234 5678") can be dialled from anywhere. A small table rather than
 * libphonenumber-js: its smallest build, parsing only, is 29.7 KB gzipped (36.8 KB with the
 * text finder), and the service worker has about 2 KB left of its 60 KB budget. The table
 * covers the countries our users' invites come from; anything else stays as written.
 */

/** "zone code" pairs; a zone ending in `/` is a prefix. The longest matching zone wins. */
const ZONES = 'America/ 1,US/ 1,Canada/ 1,America/Mexico_City 52,America/Sao_Paulo 55,Europe/Rome 39,Europe/London 44,Europe/Dublin 353,Europe/Paris 33,Europe/Berlin 49,Europe/Madrid 34,Europe/Amsterdam 31,Europe/Brussels 32,Europe/Zurich 41,Europe/Vienna 43,Europe/Lisbon 351,Asia/Kolkata 91,Asia/Singapore 65,Australia/ 61'
  .split(',').map((pair) => pair.split(' ') as [string, string]);

/** Country-code top-level domains, in the order of `DOMAIN_CODES`. */
const DOMAINS = /* @__PURE__ */ 'it uk ie fr de es nl be ch at pt in sg au ca us mx br'.split(' ');
const DOMAIN_CODES = /* @__PURE__ */ '39 44 353 33 49 34 31 32 41 43 351 91 65 61 1 1 52 55'.split(' ');

/** Countries whose national numbers start with a trunk 0 that the international form drops.
 * Italy (39) keeps its 0; North America (1), Spain (34), Portugal (351) and Singapore (65) have none. */
const TRUNK_ZERO = ' 44 353 33 49 31 32 41 43 91 61 55 52 ';

/** The calling code an IANA zone implies, if the table knows it. */
export function callingCodeOfZone(zone: string | undefined): string | undefined {
  if (typeof zone !== 'string') return undefined;
  let best: string | undefined;
  let length = 0;
  for (const [key, code] of ZONES) {
    if ((key.endsWith('/') ? zone.startsWith(key) : zone === key) && key.length > length) {
      best = code;
      length = key.length;
    }
  }
  return best;
}

/** The calling code an address's country domain implies (`hr@acme.it` → 39); none for `.com`. */
export function callingCodeOfEmail(email: string | undefined): string | undefined {
  if (typeof email !== 'string') return undefined;
  const tld = email.slice(email.lastIndexOf('.') + 1).toLowerCase();
  const index = DOMAINS.indexOf(tld);
  return index === -1 ? undefined : DOMAIN_CODES[index];
}

/**
 * `+` and digits for a number written without a country code, or the digits unchanged when
 * the country is unknown or the number does not fit it. "00…" is already international.
 */
export function internationalDial(digits: string, code: string | undefined): string {
  if (digits.startsWith('00') && digits.length > 9) return `+${digits.slice(2)}`;
  if (code === undefined) return digits;
  if (code === '1') {
    if (digits.length === 10 && /^[2-9]/.test(digits)) return `+1${digits}`;
    if (digits.length === 11 && /^1[2-9]/.test(digits)) return `+${digits}`;
    return digits;
  }
  if (TRUNK_ZERO.includes(` ${code} `)) return digits.startsWith('0') && !digits.startsWith('00') ? `+${code}${digits.slice(1)}` : digits;
  // Italy: landlines start with 0, mobiles with 3; both keep every digit after +39.
  if (code === '39') return /^[03]/.test(digits) && digits.length >= 6 && digits.length <= 11 ? `+39${digits}` : digits;
  // No trunk prefix: the national number is the whole subscriber number.
  if (/^(?:34|351|65)$/.test(code) && digits.length >= 8 && digits.length <= 9 && !digits.startsWith('0')) return `+${code}${digits}`;
  return digits;
}
