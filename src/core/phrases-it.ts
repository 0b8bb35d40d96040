/**
 * The grammar Italian needs to turn numbers and instants into words for the templates
 * (templates-it.ts). Code, not data; kept apart from the wording so that the worker
 * can render drafts from wording loaded as data (templates.json) without bundling it.
 */
import type { LocalePhrases, RelativeDay } from './template-engine.ts';
import { italianCityNames } from './city-names.ts';
import { intlLocales } from './intl-locale.ts';

const SMALL_NUMBERS = ['zero', 'una', 'due', 'tre'];

function count(n: number): string {
  return SMALL_NUMBERS[n] ?? String(n);
}

/** "alle 15:30" but "all'1:30", and "all'una" on the hour: the article elides before "una". */
export function alle(time: string): string {
  return time === '1:00' ? "all'una" : isOne(time) ? `all'${time}` : `alle ${time}`;
}

function le(time: string): string {
  return time === '1:00' ? "l'una" : isOne(time) ? `l'${time}` : `le ${time}`;
}

/** 1:xx is "l'una": singular verb, elided article. 01:xx is not written by this clock. */
function isOne(time: string): boolean {
  return time.startsWith('1:');
}

function phrasesItDay(relative: RelativeDay | undefined, date: string): string {
  return relative === 'today' ? 'oggi' : relative === 'tomorrow' ? 'domani' : relative === 'yesterday' ? 'ieri' : date;
}

export const phrasesIt: LocalePhrases = {
  timeLocale: intlLocales.it.time,
  dateLocale: intlLocales.it.date,
  hourCycle: 'h23',
  // Past three, a number reads as insistence: "più volte".
  attempts: (n) => (n > 3 ? 'più volte' : `${count(n)} ${n === 1 ? 'volta' : 'volte'}`),
  minutesLeft: (n) => `ancora ${n} minuti`,
  startsIn(minutes) {
    if (minutes < 5) return 'tra pochi minuti';
    if (minutes < 55) return `tra circa ${Math.max(5, Math.round(minutes / 5) * 5)} minuti`;
    const halfHours = Math.round(minutes / 30);
    const hours = Math.floor(halfHours / 2);
    const half = halfHours % 2 === 1 ? ' e mezza' : '';
    if (hours === 1) return `tra circa un'ora${half}`;
    return `tra circa ${hours === 2 ? 'due' : hours === 3 ? 'tre' : String(hours)} ore${half}`;
  },
  day: phrasesItDay,
  dayAndTime: (relative, date, time) => `${phrasesItDay(relative, date)} ${alle(time)}`,
  zoned: (time, place) => (place.isCity ? `${time} ora di ${place.name}` : `${time} ${place.name}`),
  // After midnight there, the night is named by both its days: "(a Tokyo, le 00:30 della notte
  // tra giovedì e venerdì)", never a bare "00:30 di venerdì" a reader could take for the next night.
  otherZone: (time, place, weekday, range, night) =>
    night && !range
      ? `(${place.isCity ? 'a ' : ''}${place.name}, ${le(time)} della notte tra ${night[0]} e ${night[1]})`
      : `(${range ? time : le(time)}${weekday ? ` di ${weekday}` : ''}${place.isCity ? ' a ' : ' '}${place.name})`,
  zoneNote: (place) => (place.isCity ? `(ora di ${place.name})` : `(${place.name})`),
  subjectWhen: (relative, date, time) => `${phrasesItDay(relative, date)} ${alle(time)}`,
  spokenZoned: (time, place) => (place.isCity ? `${time}, ora di ${place.name}` : `${time} ${place.name}`),
  until: (time) => `fino ${alle(time)}`,
  now: (time, here, there) => {
    const verb = isOne(time) ? `è ${le(time)}` : `sono ${le(time)}`;
    return here && there ? `${verb} qui a ${here.name}, ${le(there.time)}${there.place.isCity ? ' a ' : ' '}${there.place.name}` : verb;
  },
  // Buonasera from late afternoon, as a caller would say it; the listener's hour decides.
  spokenGreeting: (hour) => (hour !== undefined && (hour >= 17 || hour < 4) ? 'Buonasera' : 'Buongiorno'),
  // The user reads these in the draft before sending: the product speaks to them with "tu".
  missingName: '[il tuo nome]',
  missingPhone: '[il tuo numero di telefono]',
  timeRange: (start, end) => `${start}–${end}`,
  slot: (date, range) => `${date}, ${range}`,
  cityNames: italianCityNames,
};
