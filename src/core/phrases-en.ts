/**
 * The grammar English needs to turn numbers and instants into words for the templates
 * (templates-en.ts). Code, not data; kept apart from the wording so that the worker
 * can render drafts from wording loaded as data (templates.json) without bundling it.
 */
import type { LocalePhrases } from './template-engine.ts';
import { intlLocales } from './intl-locale.ts';

const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Prose convention: small counts in words, larger ones in figures. */
function count(n: number): string {
  return SMALL_NUMBERS[n] ?? String(n);
}

export const phrasesEn: LocalePhrases = {
  // US-style clock ("3:30 PM") with a British-style date ("Tuesday 1 December"): both are
  // unambiguous to an international reader, unlike "12/1".
  timeLocale: intlLocales.en.time,
  dateLocale: intlLocales.en.date,
  hourCycle: 'h12',
  attempts: (n) => (n === 1 ? 'once' : n === 2 ? 'twice' : n === 3 ? 'three times' : 'several times'),
  minutesLeft: (n) => `another ${n} minutes`,
  startsIn(minutes) {
    if (minutes < 5) return 'in a few minutes';
    if (minutes < 55) return `in about ${Math.max(5, Math.round(minutes / 5) * 5)} minutes`;
    const halfHours = Math.round(minutes / 30);
    const hours = Math.floor(halfHours / 2);
    const half = halfHours % 2 === 1;
    if (hours === 1) return half ? 'in about an hour and a half' : 'in about an hour';
    return `in about ${count(hours)}${half ? ' and a half' : ''} hours`;
  },
  // Placed straight after "our call" in a subject, so a date carries its own preposition.
  day: (relative, date) => (relative === undefined ? `on ${date}` : relative),
  // Placed after "scheduled for": no preposition before the date.
  dayAndTime: (relative, date, time) => `${relative ?? date} at ${time}`,
  zoned: (time, place) => (place.isCity ? `${time} ${place.name} time` : `${time} ${place.name}`),
  otherZone: (time, place, weekday) => `(${time}${weekday ? ` on ${weekday}` : ''}${place.isCity ? ' in ' : ' '}${place.name})`,
  zoneNote: (place) => (place.isCity ? `(${place.name} time)` : `(${place.name})`),
  // "Thu 19 Nov, 10:30 AM" in a subject: short enough to read whole in an inbox.
  subjectWhen: (relative, date, time) => (relative === undefined ? `${date}, ${time}` : `${relative} at ${time}`),
  shortSubjectDate: true,
  // Spoken to the listener, whose clock every time in the script is on.
  spokenZoned: (time) => `${time} your time`,
  until: (time) => `until ${time}`,
  now: (time, here, there) => (here && there ? `${time} here in ${here.name}, ${there.time}${there.place.isCity ? ' in ' : ' '}${there.place.name}` : time),
  spokenGreeting: () => 'Hi',
  missingName: '[your name]',
  missingPhone: '[your phone number]',
  timeRange(start, end) {
    // "10:00–10:30 AM" when both ends share AM/PM, "11:30 AM–12:30 PM" otherwise.
    const s = /^(.*) (AM|PM)$/.exec(start);
    const e = /^(.*) (AM|PM)$/.exec(end);
    if (s && e && s[2] === e[2]) return `${s[1]}–${end}`;
    return `${start}–${end}`;
  },
  slot: (date, range) => `${date}, ${range}`,
  cityNames: {},
};
