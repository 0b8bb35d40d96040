/**
 * The common VEVENT read without ical.js, into the same IcalEvent readEvent makes of
 * ical.js's jCal (tests/unit/ical-plain.test.ts compares the two on every corpus and
 * generated event). In a fresh worker every line of ical.js's parser runs cold, for each of
 * thousands of blocks; here one regular expression checks a block and one more picks out
 * the lines readEvent reads, and only those are decoded; times stay as written. Anything else
 * (a line ical.js could refuse or would unescape differently, parameters it splits, RDATE,
 * EXRULE, two RRULEs, no UID) is left to ical.js. Indexes rather than destructuring in what runs per block:
 * destructuring runs the iterator protocol, slow in code the engine has not optimized yet,
 * which is all of it during a first sync.
 */
import ICAL from 'ical.js';
import { DERIVED, eventOf, type EventProperty, type IcalEvent, type IcalProblem, type RawProp } from './ical-event.ts';
import { upperCaseLine } from './ical-scan.ts';

/** Parameters ical.js reads without throwing and without unescaping them. Linear: every
 * repetition starts with a character the one before cannot end with. */
const PARAMS = String.raw`(?:;[A-Za-z0-9-]+=(?:"[^"\r\n\\^]*"|[^";:\r\n\\^]*))*`;
const PLAIN = new RegExp(String.raw`^BEGIN:VEVENT\r?\n(?:[A-Z0-9-]+${PARAMS}:[^\r\n]*\r?\n)*END:VEVENT\r?$`, 'i');
/** Parameters ical.js turns into lists or types whose reading can throw; lines not read here. */
const UNUSUAL = /;(?:VALUE="?(?:RECUR|PERIOD)|MEMBER=|DELEGATED-)|\n(?:EXRULE|RDATE|FREEBUSY)[;:]/i;
const BOUNDARY = /\n(BEGIN|END):([^\r\n]*)/gi;
const RRULES = /\nRRULE[;:]/gi;
const PARAM = /;([A-Za-z0-9-]+)=(?:"([^"]*)"|([^";:]*))/g;
const TEXT_ESCAPE = /\\\\|\\;|\\,|\\[Nn]/g;

/** The properties read once (the first line of each), in the order of FIRSTS' groups:
 * TEXT values first, then times (EXDATE is one too), then the rest. */
const NAMES = ['uid', 'summary', 'description', 'location', 'status', 'transp', 'dtstart', 'dtend', 'dtstamp', 'recurrence-id', 'duration', 'url', 'x-google-conference', 'organizer', 'sequence', 'rrule'];
/** Group 2i + 1: the parameters of NAMES[i], 2i + 2: its value. Each lookahead scans the block once. */
const firsts = (names: readonly string[], flags: string) => new RegExp(`^${names.map((name) => String.raw`(?=(?:[\s\S]*?\n${name}(${PARAMS}):([^\r\n]*))?)`).join('')}`, flags);
const FIRSTS = firsts(NAMES, 'i');
/** The properties a VEVENT may have several of. */
const MANY = new RegExp(String.raw`\n(ATTENDEE|EXDATE)(${PARAMS}):([^\r\n]*)`, 'gi');
/** The same for a feed whose names are all in upper case, as exporters write them: they
 * match the same lines there, and run as fast, but compile in a third of the time (1.9
 * against 5.5 ms for FIRSTS), which a fresh worker pays on its first sync. */
const FIRSTS_UPPER = firsts(NAMES.map((name) => name.toUpperCase()), '');
const MANY_UPPER = new RegExp(MANY.source, 'g');

const paramSets = new Map<string, Record<string, string>>();
/** A line without parameters: one object for all of them (nothing changes a property's parameters). */
const NO_PARAMS: Record<string, string> = {};

/** The parameters as ical.js reads them (names lower-cased, the last of a name wins). A
 * VALUE parameter changes how ical.js decodes the value: only the `types` that it decodes
 * as here are read. */
function paramsOf(text: string, types: string[]): Record<string, string> {
  // The same few (";TZID=Europe/Rome") on thousands of lines: read once each, and shared,
  // as nothing changes them.
  let params = paramSets.get(text);
  if (!params) {
    params = {};
    PARAM.lastIndex = 0;
    for (let match = PARAM.exec(text); match; match = PARAM.exec(text)) params[(match[1] as string).toLowerCase()] = match[2] ?? match[3] ?? '';
    if (paramSets.size >= 1_000) paramSets.clear();
    paramSets.set(text, params);
  }
  const type = params.value?.toLowerCase();
  if (type !== undefined && !types.includes(type)) throw new Error('not plain');
  return params;
}

/** The VALUE each of the rest may say: the type ical.js reads it as anyway. */
const TYPES: Record<string, string[]> = { url: ['uri'], organizer: ['cal-address'], attendee: ['cal-address'] };

/** RRULE lines repeat across a feed's series: ical.js reads each distinct one once. */
const rules = new Map<string, RawProp>();

/** One line's property as ical.js's jCal has it. The rest of what readEvent reads is kept
 * as written: URL, ORGANIZER, ATTENDEE, DURATION, X-GOOGLE-CONFERENCE. */
function decode(name: string, paramText: string | undefined, value: string): RawProp {
  if (name === 'rrule') {
    const line = `RRULE${paramText ?? ''}:${value}`;
    let prop = rules.get(line);
    if (!prop) {
      const jcal = ICAL.parse.property(line) as unknown[];
      prop = { name, params: jcal[1] as Record<string, unknown>, type: jcal[2] as string, values: jcal.slice(3), written: undefined };
      if (rules.size >= 1_000) rules.clear();
      rules.set(line, prop);
    }
    return prop;
  }
  const at = NAMES.indexOf(name);
  const time = (at > 5 && at < 10) || name === 'exdate';
  const params = paramText ? paramsOf(paramText, time ? ['date', 'date-time'] : at !== -1 && at < 6 ? ['text'] : (TYPES[name] ?? [])) : NO_PARAMS;
  let values: unknown[] = [value];
  if (time) {
    // EXDATE is a list: ical.js would split it at unescaped commas only. The values stay as
    // written: eventOf reads them as ical.js's text of them.
    if (value.includes('\\')) throw new Error('not plain');
    const written = params.value?.toLowerCase() === 'date' ? 'date' : 'date-time';
    return { name, params, type: undefined, values: name === 'exdate' ? value.split(',') : values, written };
  } else if (at !== -1 && at < 6) {
    if (value.includes('\\')) values = [value.replace(TEXT_ESCAPE, (escape) => (escape === '\\\\' ? '\\' : escape === '\\;' ? ';' : escape === '\\,' ? ',' : '\n'))];
  } else if (name === 'sequence') {
    // ical.js: parseInt without a radix ("0x1A" is 26), NaN read as 0.
    const number = parseInt(value);
    values = [Number.isNaN(number) ? 0 : number];
  }
  return { name, params, type: undefined, values, written: undefined };
}

/**
 * The block without its nested components (VALARM), when they are simply one after another
 * inside it, each END naming its BEGIN; undefined otherwise (ical.js reads the block). One
 * pass, whatever the block holds.
 */
function withoutNested(block: string): string | undefined {
  let own = '';
  let from = 0;
  let open: string | undefined;
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(block); match; match = BOUNDARY.exec(block)) {
    const name = (match[2] as string).toUpperCase();
    if (!/^[A-Z0-9-]{1,64}$/.test(name)) return undefined;
    if ((match[1] as string).toUpperCase() === 'BEGIN') {
      if (open !== undefined) return undefined;
      open = name;
      start = match.index;
    } else if (open === undefined) {
      // Only the block's own END:VEVENT, its last line.
      if (block.length - BOUNDARY.lastIndex > 1) return undefined;
    } else {
      if (name !== open) return undefined;
      own += block.slice(from, start);
      from = BOUNDARY.lastIndex + (block[BOUNDARY.lastIndex] === '\r' ? 1 : 0);
      open = undefined;
    }
  }
  return open === undefined ? own + block.slice(from) : undefined;
}

/** How many RRULE lines the block has (upper case), counted up to two. */
function upperCaseRules(block: string): number {
  const first = upperCaseLine(block, 'RRULE');
  return first === -1 ? 0 : upperCaseLine(block, 'RRULE', first) === -1 ? 1 : 2;
}

/**
 * The event of a VEVENT block (as splitFeed cuts it), as readEvent reads ical.js's jCal of
 * it, when the block is plain; undefined when it is not, or needs ical.js after all (a
 * parameter ical.js reads otherwise, an RRULE it refuses): ical.js reads it. Property
 * names in any letter case, as ical.js reads them. `caseless` false says the feed has only
 * upper-case names (parseIcalFeed scans it for others): four of the expressions that scan
 * the block then give way to the native indexOf, and two to case-sensitive ones.
 */
export function readPlainEvent(whole: string, caseless = true): IcalEvent | IcalProblem | undefined {
  // A folded block (parseIcalFeed's callers may pass a feed as written) is read in any case:
  // a fold can cut a name, and the scan for lower-case names does not see past it.
  const folded = whole.indexOf('\n ') !== -1 || whole.indexOf('\n\t') !== -1;
  const block = folded ? whole.replace(/\r?\n[ \t]/g, '') : whole;
  const anyCase = caseless || folded;
  if (!PLAIN.test(block) || UNUSUAL.test(block)) return undefined;
  // Nested components (VALARM) are not read; their lines passed the same checks. Left
  // to ical.js: components nested deeper, and an RRULE in one (ical.js reads it too).
  // Without BEGIN lines, the block is its own when its one END line is its last.
  const own = anyCase || block.indexOf('\nBEGIN:') !== -1 ? withoutNested(block) : block.indexOf('\nEND:') === block.lastIndexOf('\nEND:') ? block : undefined;
  if (own === undefined) return undefined;
  const rrules = anyCase ? (own.match(RRULES)?.length ?? 0) : upperCaseRules(own);
  if (rrules > 1 || (own !== block && (anyCase ? (block.match(RRULES)?.length ?? 0) : upperCaseRules(block)) !== rrules)) return undefined;
  const found = (anyCase ? FIRSTS : FIRSTS_UPPER).exec(own) ?? [];
  const many: Record<string, RawProp[]> = { attendee: [], exdate: [] };
  try {
    if (anyCase ? /\n(?:ATTENDEE|EXDATE)/i.test(own) : own.indexOf('\nATTENDEE') !== -1 || own.indexOf('\nEXDATE') !== -1) {
      const lines = anyCase ? MANY : MANY_UPPER;
      lines.lastIndex = 0;
      for (let match = lines.exec(own); match; match = lines.exec(own)) {
        const name = (match[1] as string).toLowerCase();
        many[name]?.push(decode(name, match[2], match[3] as string));
      }
    }
    const first = (name: EventProperty): RawProp | undefined => {
      const at = NAMES.indexOf(name);
      const value = found[2 * at + 2];
      return at === -1 ? many[name]?.[0] : value === undefined ? undefined : decode(name, found[2 * at + 1], value);
    };
    // Read once each: RRULE (one at most here), ATTENDEE and EXDATE. EXRULE and RDATE make a
    // block not plain.
    const event = eventOf(first, (name) => {
      if (name !== 'rrule') return many[name] ?? [];
      const rule = first(name);
      return rule ? [rule] : [];
    });
    // An event without a UID gets one derived from ical.js's text of its times, which is not
    // made here: ical.js reads it (and any whose UID merely looks derived).
    return typeof event === 'string' || !event.uid.startsWith(DERIVED) ? event : undefined;
  } catch {
    return undefined;
  }
}
