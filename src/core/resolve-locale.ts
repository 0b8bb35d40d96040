import type { Interview, Locale, Marks } from './types.ts';
import type { Settings } from './settings.ts';

/** 'auto' follows the browser's UI language; anything not Italian falls back to English. */
export function resolveLocale(setting: Settings['language'], uiLanguage: string): Locale {
  if (setting === 'en' || setting === 'it') return setting;
  return uiLanguage.toLowerCase().startsWith('it') ? 'it' : 'en';
}

function asLocale(value: unknown): Locale | undefined {
  return value === 'en' || value === 'it' ? value : undefined;
}

/**
 * The language of one interview's drafts and voicemail: the user's choice for this interview,
 * else the invite's own language, else the user's language setting. The recruiter reads the
 * email, so the browser's UI language only matters through the 'auto' setting.
 */
export function interviewLocale(interview: Pick<Interview, 'language'>, marks: Pick<Marks, 'language'> | undefined, setting: Settings['language'], uiLanguage: string): Locale {
  return asLocale(marks?.language) ?? asLocale(interview.language) ?? resolveLocale(setting, uiLanguage);
}
