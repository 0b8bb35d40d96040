import type { I18n } from './i18n.ts';
import type { Locale } from '../core/types.ts';
import { italianCityNames } from '../core/city-names.ts';
import { intlLocales } from '../core/intl-locale.ts';

/** "3:30 PM" / "15:30" in `timeZone` (the browser's by default). */
export function formatTime(i18n: I18n, instant: number, timeZone = i18n.timeZone): string {
  return new Intl.DateTimeFormat(intlLocales[i18n.locale].time, { hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
}

/** "Thu 26 Nov" / "gio 26 nov". */
export function formatDay(i18n: I18n, instant: number): string {
  return new Intl.DateTimeFormat(intlLocales[i18n.locale].date, { weekday: 'short', day: 'numeric', month: 'short', timeZone: i18n.timeZone }).format(instant);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "in 4 minutes" / "tra 4 minuti", "5 minutes ago" / "5 minuti fa", by `Intl.RelativeTimeFormat`.
 * Minutes follow the rule of the wait timer and the notifications: minutes gone count whole
 * (16:45 after the start is "16 minutes ago", as "waited 16 minutes"), minutes to go round up
 * (3:20 before it is "in 4 minutes", as "starts in 4 minutes"). Under a minute it says so;
 * from 45 minutes on, hours, then days, then months, rounded.
 */
export function formatRelative(i18n: I18n, instant: number, now: number): string {
  const diff = instant - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return i18n.t(diff < 0 ? 'relJustNow' : 'relSoon');
  const format = new Intl.RelativeTimeFormat(i18n.locale === 'it' ? 'it-IT' : 'en-US', { numeric: 'always' });
  const sign = diff < 0 ? -1 : 1;
  if (abs < 45 * MINUTE) return format.format(diff < 0 ? -Math.floor(abs / MINUTE) : Math.ceil(abs / MINUTE), 'minute');
  if (abs < 22 * HOUR) return format.format(sign * Math.max(1, Math.round(abs / HOUR)), 'hour');
  if (abs < 30 * DAY) return format.format(sign * Math.max(1, Math.round(abs / DAY)), 'day');
  return format.format(sign * Math.round(abs / (30 * DAY)), 'month');
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
