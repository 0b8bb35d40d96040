/**
 * The last gate before a link from a calendar event reaches the DOM: only https: URLs without
 * credentials and tel: links of digits pass. Everything else renders as plain text.
 */
export function safeHttpsHref(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `tel:` for a dial string of digits, with an extension as RFC 3966 writes it (`;ext=12`). */
export function telHref(dial: string | undefined, ext?: string): string | undefined {
  if (dial === undefined || !/^\+?\d{3,20}$/.test(dial)) return undefined;
  return ext !== undefined && /^\d{1,6}$/.test(ext) ? `tel:${dial};ext=${ext}` : `tel:${dial}`;
}
