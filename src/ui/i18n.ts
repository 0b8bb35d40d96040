import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale as DateLocale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { it } from 'date-fns/locale/it';
import type { Locale } from '../core/types.ts';
import type { Translate } from '../platform/i18n.ts';

export interface I18n {
  locale: Locale;
  t: Translate;
  /** date-fns's wording of relative times in the UI's language. */
  dateLocale: DateLocale;
  /** The browser's zone: every time is shown in it, with the event's zone beside when different. */
  timeZone: string;
}

export function makeI18n(locale: Locale, t: Translate): I18n {
  return { locale, t, dateLocale: locale === 'it' ? it : enUS, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

export const I18nContext = createContext<I18n | undefined>(undefined);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nContext');
  return value;
}
