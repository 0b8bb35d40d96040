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

export function telHref(dial: string | undefined): string | undefined {
  return dial !== undefined && /^\+?\d{3,20}$/.test(dial) ? `tel:${dial}` : undefined;
}
