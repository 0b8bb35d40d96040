import { isLocale, type Interview, type Locale, type Marks } from './types.ts';
import { detectLanguage } from './detect-language.ts';
import type { Settings } from './settings.ts';

/** 'auto' follows the browser's UI language; anything not Italian falls back to English. */
export function resolveLocale(setting: Settings['language'], uiLanguage: string): Locale {
  if (isLocale(setting)) return setting;
  return uiLanguage.toLowerCase().startsWith('it') ? 'it' : 'en';
}

function asLocale(value: unknown): Locale | undefined {
  return isLocale(value) ? value : undefined;
}

/**
 * The language of one interview's drafts and voicemail: the user's choice for this interview,
 * else the invite's own language, else the user's language setting. The recruiter reads the
 * email, so the browser's UI language only matters through the 'auto' setting.
 */
export function interviewLocale(interview: Pick<Interview, 'language'> & { title?: unknown }, marks: Pick<Marks, 'language'> | undefined, setting: Settings['language'], uiLanguage: string): Locale {
  // Interviews stored before languages were detected carry none until their event changes
  // (an incremental sync returns only changed events): their title still tells.
  return asLocale(marks?.language) ?? asLocale(interview.language) ?? detectLanguage(interview.title, '') ?? resolveLocale(setting, uiLanguage);
}
