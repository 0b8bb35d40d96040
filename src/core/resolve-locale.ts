import type { Locale } from './types.ts';
import type { Settings } from './settings.ts';

/** 'auto' follows the browser's UI language; anything not Italian falls back to English. */
export function resolveLocale(setting: Settings['language'], uiLanguage: string): Locale {
  if (setting === 'en' || setting === 'it') return setting;
  return uiLanguage.toLowerCase().startsWith('it') ? 'it' : 'en';
}
