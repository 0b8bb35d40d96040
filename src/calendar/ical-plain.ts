/**
 * The common VEVENT read without ical.js, into the same IcalEvent readEvent makes of
 * ical.js's jCal (tests/unit/ical-plain.test.ts compares the two on every corpus and
 * generated event). In a fresh worker every line of ical.js's parser runs cold, for each of
 * thousands of blocks; here one regular expression checks a block and one more picks out
 * the lines readEvent reads, and only those are decoded; times stay as written, and the event
 * is made from the lines themselves (assembleEvent, as readEvent makes it), without a
 * jCal-shaped property for each in between. Anything else
 * (a line ical.js could refuse or would unescape differently, parameters it splits, RDATE,
 * EXRULE, two RRULEs, no UID) is left to ical.js. Indexes rather than destructuring in what runs per block:
 * destructuring runs the iterator protocol, slow in code the engine has not optimized yet,
 * which is all of it during a first sync.
 */
import ICAL from 'ical.js';
import { assembleEvent, DERIVED, MAX_ATTENDEES, MAX_DATES, NONE, personOf, ruleOf, stampFrom, textOf, timeIn, type IcalEvent, type IcalPerson, type IcalProblem, type IcalTime, type RawProp } from './ical-event.ts';
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
/** Each name's place in NAMES (inlined by the bundler). */
enum At { UID, SUMMARY, DESCRIPTION, LOCATION, STATUS, TRANSP, DTSTART, DTEND, DTSTAMP, RECURRENCE_ID, DURATION, URL, CONFERENCE, ORGANIZER, SEQUENCE, RRULE }
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
/** Whether a block has a line MANY reads. One scan: two searches with indexOf cost more. */
const MANY_NAMES = /\n(?:ATTENDEE|EXDATE)/;
const MANY_NAMES_CASELESS = /\n(?:ATTENDEE|EXDATE)/i;
const FOLD = /\n[ \t]/;

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

/** By value for the RRULE lines without parameters (nearly all); the others by a line
 * break (which no value holds) and their parameters before it. */
const rules = new Map<string, RawProp>();

/** RRULE lines repeat across a feed's series: ical.js reads each distinct one once, and
 * each distinct property gives one rule (ical-event.ts). */
function ruleProp(paramText: string | undefined, value: string): RawProp {
  const key = paramText ? `${paramText}\n${value}` : value;
  let prop = rules.get(key);
  if (!prop) {
    const jcal = ICAL.parse.property(`RRULE${paramText ?? ''}:${value}`) as unknown[];
    prop = { name: 'rrule', params: jcal[1] as Record<string, unknown>, type: jcal[2] as string, values: jcal.slice(3), written: undefined };
    if (rules.size >= 1_000) rules.clear();
    rules.set(key, prop);
  }
  return prop;
}

/** The first line of NAMES[at] (group 2·at + 2 of FIRSTS: its value, 2·at + 1: its parameters). */
type Firsts = (string | undefined)[];

/** A TEXT value (UID … TRANSP) as ical.js decodes it; undefined when the line is missing. */
function textAt(found: Firsts, at: number): string | undefined {
  const value = found[2 * at + 2];
  if (value === undefined) return undefined;
  paramsAt(found, at, TEXT_TYPES);
  return textOf(value.includes('\\') ? value.replace(TEXT_ESCAPE, (escape) => (escape === '\\\\' ? '\\' : escape === '\\;' ? ';' : escape === '\\,' ? ',' : '\n')) : value);
}

/** A line's parameters, when ical.js reads its value as one of `types` (else a throw: not plain). */
function paramsAt(found: Firsts, at: number, types: string[]): Record<string, string> {
  const text = found[2 * at + 1];
  return text ? paramsOf(text, types) : NO_PARAMS;
}

/** How a date or time line's value is written (RawProp's `written`): its VALUE says. */
function writtenAs(params: Record<string, string>): 'date' | 'date-time' {
  return params.value?.toLowerCase() === 'date' ? 'date' : 'date-time';
}

/** A date or time as ical.js reads it, kept as written (see writtenTime). */
function timeOfLine(params: Record<string, string>, value: string): IcalTime | undefined {
  return timeIn(writtenAs(params), value, params.tzid);
}

/** The parameters of a date or time line; a throw (not plain) when its value has a backslash. */
function timeParams(paramText: string | undefined, value: string): Record<string, string> {
  const params = paramText ? paramsOf(paramText, TIME_TYPES) : NO_PARAMS;
  if (value.includes('\\')) throw new Error('not plain');
  return params;
}

/** The time of NAMES[at]'s first line; undefined when there is none or it cannot be read. */
function timeAt(found: Firsts, at: number): IcalTime | undefined {
  const value = found[2 * at + 2];
  return value === undefined ? undefined : timeOfLine(timeParams(found[2 * at + 1], value), value);
}

/** A property that is neither TEXT nor a time, as written (ical.js reads it as its `types`). */
function valueAt(found: Firsts, at: number, types: string[]): string | undefined {
  const value = found[2 * at + 2];
  if (value !== undefined) paramsAt(found, at, types);
  return value;
}

const TEXT_TYPES = ['text'];
const TIME_TYPES = ['date', 'date-time'];
const URI = ['uri'];
const ADDRESS = ['cal-address'];
const OTHER: string[] = [];

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
  const folded = FOLD.test(whole);
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
  const found: Firsts = (anyCase ? FIRSTS : FIRSTS_UPPER).exec(own) ?? [];
  try {
    // ATTENDEE and EXDATE lines: every one is checked as ical.js would read it.
    let attendees: IcalPerson[] | readonly never[] = NONE;
    let exdates: { time: IcalTime }[] | readonly never[] = NONE;
    if ((anyCase ? MANY_NAMES_CASELESS : MANY_NAMES).test(own)) {
      const people: IcalPerson[] = [];
      const dates: { time: IcalTime }[] = [];
      const lines = anyCase ? MANY : MANY_UPPER;
      lines.lastIndex = 0;
      for (let match = lines.exec(own); match; match = lines.exec(own)) {
        const value = match[3] as string;
        // ATTENDEE, in any case (EXDATE is shorter).
        if ((match[1] as string).length === 'ATTENDEE'.length) {
          const params = match[2] ? paramsOf(match[2], ADDRESS) : NO_PARAMS;
          if (people.length < MAX_ATTENDEES) people.push(personOf(textOf(value) as string, params));
          continue;
        }
        const params = timeParams(match[2], value);
        const values = value.split(',');
        for (let i = 0; i < values.length && dates.length < MAX_DATES; i++) {
          const time = timeOfLine(params, values[i] as string);
          if (time) dates.push({ time });
        }
      }
      if (people.length > 0) attendees = people;
      if (dates.length > 0) exdates = dates;
    }
    // In the order eventOf reads them (a problem found first is the answer).
    const start = timeAt(found, At.DTSTART);
    if (!start) return 'no-start';
    const uid = textAt(found, At.UID)?.trim().slice(0, 900);
    // An event without a UID gets one derived from ical.js's text of its times, which is not
    // made here: ical.js reads it (and any whose UID merely looks derived).
    if (!uid || uid.startsWith(DERIVED)) return undefined;
    const sequence = valueAt(found, At.SEQUENCE, OTHER);
    const recurrenceValue = found[2 * At.RECURRENCE_ID + 2];
    const recurrenceId = timeAt(found, At.RECURRENCE_ID);
    if (recurrenceValue !== undefined && !recurrenceId) return 'no-start';
    const end = timeAt(found, At.DTEND);
    const duration = end ? undefined : valueAt(found, At.DURATION, OTHER);
    const ruleValue = found[2 * At.RRULE + 2];
    const rule = ruleValue === undefined ? undefined : ruleOf(ruleProp(found[2 * At.RRULE + 1], ruleValue));
    if (ruleValue !== undefined && !rule) return 'bad-rule';
    const status = textAt(found, At.STATUS);
    const organizer = found[2 * At.ORGANIZER + 2];
    const organizerParams = organizer === undefined ? NO_PARAMS : paramsAt(found, At.ORGANIZER, ADDRESS);
    const stampValue = found[2 * At.DTSTAMP + 2];
    const stampParams = stampValue === undefined ? NO_PARAMS : timeParams(found[2 * At.DTSTAMP + 1], stampValue);
    return assembleEvent({
      uid,
      recurrenceId,
      range: recurrenceValue === undefined ? undefined : paramsAt(found, At.RECURRENCE_ID, TIME_TYPES).range,
      start,
      end,
      duration,
      rules: rule ? [rule] : NONE,
      // EXRULE and RDATE lines make a block not plain.
      exrules: NONE,
      rdates: NONE,
      exdates,
      status,
      transp: textAt(found, At.TRANSP),
      // ical.js: parseInt without a radix ("0x1A" is 26); assembleEvent reads NaN as 0.
      sequence: sequence === undefined ? undefined : parseInt(sequence),
      stamp: stampValue === undefined ? 0 : stampFrom(stampValue, stampParams.tzid, writtenAs(stampParams)),
      summary: textAt(found, At.SUMMARY),
      description: textAt(found, At.DESCRIPTION),
      location: textAt(found, At.LOCATION),
      url: textOf(valueAt(found, At.URL, URI)),
      conference: textOf(valueAt(found, At.CONFERENCE, OTHER)),
      organizer: organizer === undefined ? undefined : personOf(textOf(organizer) as string, organizerParams),
      attendees,
    });
  } catch {
    return undefined;
  }
}
