import { formatDistance, formatDistanceStrict } from 'date-fns';
import type { I18n } from './i18n.ts';
import type { Locale } from '../core/types.ts';
import { italianCityNames } from '../core/city-names.ts';
import { intlLocales } from '../core/intl-locale.ts';
import { MINUTE } from '../core/units.ts';

/** "3:30 PM" / "15:30" in `timeZone` (the browser's by default). */
export function formatTime(i18n: I18n, instant: number, timeZone = i18n.timeZone): string {
  return new Intl.DateTimeFormat(intlLocales[i18n.locale].time, { hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
}

/** "Thu 26 Nov" / "gio 26 nov". */
export function formatDay(i18n: I18n, instant: number): string {
  return new Intl.DateTimeFormat(intlLocales[i18n.locale].date, { weekday: 'short', day: 'numeric', month: 'short', timeZone: i18n.timeZone }).format(instant);
}

/**
 * "in 4 minutes" / "tra 4 minuti", "5 minutes ago" / "5 minuti fa" (date-fns, in the UI's
 * language). Within the hour, minutes follow the rule of the wait timer and the notifications:
 * minutes gone count whole (16:45 after the start is "16 minutes ago", as "waited 16
 * minutes"), minutes to go round up (3:20 before it is "in 4 minutes", as "starts in 4
 * minutes"). Under a minute and from 45 minutes on, date-fns words it ("less than a minute
 * ago", "in about 3 hours").
 */
export function formatRelative(i18n: I18n, instant: number, now: number): string {
  const diff = instant - now;
  if (Math.abs(diff) >= MINUTE && Math.abs(diff) < 45 * MINUTE) {
    return formatDistanceStrict(instant, now, { addSuffix: true, unit: 'minute', roundingMethod: diff < 0 ? 'floor' : 'ceil', locale: i18n.dateLocale });
  }
  return formatDistance(instant, now, { addSuffix: true, locale: i18n.dateLocale });
}

/** The city part of an IANA zone in the UI's language, for "10:00 in New York", "alle 10:00 a Londra". */
export function zoneCity(timeZone: string, locale: Locale = 'en'): string {
  const city = (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
  return locale === 'it' ? italianCityNames[city] ?? city : city;
}

/** "07:05" for a timer. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
