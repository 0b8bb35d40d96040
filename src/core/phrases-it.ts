/**
 * The grammar Italian needs to turn numbers and instants into words for the templates
 * (templates-it.ts). Code, not data; kept apart from the wording so that the worker
 * can render drafts from wording loaded as data (templates.json) without bundling it.
 */
import type { LocalePhrases } from './template-engine.ts';

const SMALL_NUMBERS = ['zero', 'una', 'due', 'tre'];

function count(n: number): string {
  return SMALL_NUMBERS[n] ?? String(n);
}

/** "alle 15:30" but "all'1:30": the article elides before "una". */
function alle(time: string): string {
  return time.startsWith('1:') ? `all'${time}` : `alle ${time}`;
}

function le(time: string): string {
  return time.startsWith('1:') ? `l'${time}` : `le ${time}`;
}

export const phrasesIt: LocalePhrases = {
  timeLocale: 'it-IT',
  dateLocale: 'it-IT',
  hourCycle: 'h23',
  attempts: (n) => `${count(n)} ${n === 1 ? 'volta' : 'volte'}`,
  minutesLeft: (n) => (n === 1 ? 'ancora un minuto' : `ancora ${n} minuti`),
  startsIn(minutes) {
    if (minutes < 5) return 'tra pochi minuti';
    if (minutes < 55) return `tra circa ${Math.max(5, Math.round(minutes / 5) * 5)} minuti`;
    const halfHours = Math.round(minutes / 30);
    const hours = Math.floor(halfHours / 2);
    const half = halfHours % 2 === 1 ? ' e mezza' : '';
    if (hours === 1) return `tra circa un'ora${half}`;
    return `tra circa ${hours === 2 ? 'due' : hours === 3 ? 'tre' : String(hours)} ore${half}`;
  },
  day: (relative, date) => (relative === 'today' ? 'oggi' : relative === 'tomorrow' ? 'domani' : relative === 'yesterday' ? 'ieri' : date),
  dayAndTime: (day, time) => `${day} ${alle(time)}`,
  otherZone: (time, place) => (place.isCity ? `(${le(time)} a ${place.name})` : `(${le(time)} ${place.name})`),
  timeRange: (start, end) => `${start}–${end}`,
  slot: (date, range) => `${date}, ${range}`,
  // Italian writes the big cities' names in Italian; the rest keep the IANA spelling.
  cityNames: {
    Rome: 'Roma',
    London: 'Londra',
    Paris: 'Parigi',
    Berlin: 'Berlino',
    Lisbon: 'Lisbona',
    Brussels: 'Bruxelles',
    Zurich: 'Zurigo',
    Vienna: 'Vienna',
    Warsaw: 'Varsavia',
    Prague: 'Praga',
    Dublin: 'Dublino',
    Athens: 'Atene',
    Moscow: 'Mosca',
    Stockholm: 'Stoccolma',
    Copenhagen: 'Copenaghen',
    'Mexico City': 'Città del Messico',
    'Sao Paulo': 'San Paolo',
  },
};
