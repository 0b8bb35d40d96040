import type { Locale } from './types.ts';

/**
 * The one mapping from the product's languages to the BCP 47 tags Intl formats with, for the
 * pages, the notifications and the drafts alike. English writes dates day first ("Thursday
 * 26 November", en-GB) and times on the 12-hour clock ("3:30 PM", en-US); Italian uses it-IT.
 */
export const intlLocales: Readonly<Record<Locale, { readonly date: string; readonly time: string }>> = {
  en: { date: 'en-GB', time: 'en-US' },
  it: { date: 'it-IT', time: 'it-IT' },
};
