/**
 * Splits an iCal feed into its top-level components before anything is parsed, and tells
 * which VEVENTs cannot matter to the product's window.
 *
 * Why not `ICAL.parse` on the whole text: on the 5 MB feed of tests/fakes/ical-feed-generator.ts that
 * alone takes ~150–230 ms and ~70 MB of jCal, for thousands of past events the product
 * never shows. Each component is read on its own (ical-plain.ts, else one `ICAL.parse` per
 * block); the scan only finds block boundaries and skips, conservatively, single events
 * that are days away from the window. When unsure, a block is parsed.
 */
import { SyncError } from './source-types.ts';

export interface FeedBlocks {
  /** The VCALENDAR's own properties, as a parseable VCALENDAR without components. */
  header: string;
  timezones: string[];
  events: string[];
}

const MAX_DEPTH = 8;
const BOUNDARY = /^(BEGIN|END):([A-Za-z0-9-]{1,64})[ \t]*\r?$/gim;
/** A boundary line with blanks after the name ("BEGIN:VEVENT\t"): ical.js would read the
 * blanks as part of the component's name, and lose the event. */
const BLANK_BOUNDARY = /^((?:BEGIN|END):[A-Za-z0-9-]{1,64})[ \t]+(?=\r?$)/gim;

/** Top-level components of every VCALENDAR in `text`. Broken structure (no calendar,
 * unbalanced or truncated components) is `SyncError('malformed')`: a cut download must
 * not look like a calendar that lost its events. */
export function splitFeed(text: string): FeedBlocks {
  const blocks: FeedBlocks = { header: '', timezones: [], events: [] };
  const stack: string[] = [];
  let calendars = 0;
  let calendarStart = -1;
  let childStart = -1;
  let headerEnd = -1;
  // Whether a boundary line of the current top-level component has blanks after its name.
  let blanks = false;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(text); match; match = BOUNDARY.exec(text)) {
    const kind = (match[1] ?? '').toUpperCase();
    const name = (match[2] ?? '').toUpperCase();
    const lineEnd = match.index + match[0].length;
    const bare = kind.length + 1 + name.length;
    // Longer than the name and a CR: blanks follow the name.
    const blank = match[0].length > bare + 1 || (match[0].length === bare + 1 && match[0].charCodeAt(bare) !== 13);
    if (kind === 'BEGIN') {
      if (stack.length === 0 && name !== 'VCALENDAR') throw new SyncError('malformed', `The feed has a ${name.slice(0, 20)} outside any calendar.`);
      if (stack.length >= MAX_DEPTH) throw new SyncError('malformed', 'The feed nests components too deeply.');
      if (stack.length === 0) calendarStart = match.index;
      if (stack.length === 1) {
        childStart = match.index;
        blanks = false;
        if (calendars === 0 && headerEnd === -1) headerEnd = match.index;
      }
      blanks ||= blank;
      stack.push(name);
      continue;
    }
    blanks ||= blank;
    const open = stack.pop();
    // An END naming a component that is not open ("END:VTOOD") closes the one that is, as
    // ical.js and python's icalendar read it; one naming a component open further out (an
    // END left out before it) is broken structure.
    if (open === undefined || (open !== name && stack.includes(name))) throw new SyncError('malformed', 'The feed has a component that ends without beginning.');
    if (stack.length === 1) {
      const block = blanks ? text.slice(childStart, lineEnd).replace(BLANK_BOUNDARY, '$1') : text.slice(childStart, lineEnd);
      if (open === 'VEVENT') blocks.events.push(block);
      else if (open === 'VTIMEZONE') blocks.timezones.push(block);
    } else if (stack.length === 0) {
      if (calendars === 0) blocks.header = `${text.slice(calendarStart, headerEnd === -1 ? match.index : headerEnd)}\r\nEND:VCALENDAR`;
      calendars++;
    }
  }
  if (stack.length > 0) throw new SyncError('malformed', 'The feed ends in the middle of a component (truncated download?).');
  if (calendars === 0) throw new SyncError('malformed', 'The feed holds no calendar.');
  return blocks;
}

/** The unfolded value of the first `name` property of a block, or undefined. */
const peekPatterns = new Map<string, RegExp>();

/** Where the line of property `name` starts in `block`, or -1. Exporters write property
 * names in upper case; `caseless` (set when the feed has a lower-case name anywhere) falls
 * back to a case-insensitive search. */
function findLine(block: string, name: string, caseless: boolean): number {
  if (caseless) {
    let pattern = peekPatterns.get(name);
    if (!pattern) {
      pattern = new RegExp(`^${name}[;:]`, 'im');
      peekPatterns.set(name, pattern);
    }
    return pattern.exec(block)?.index ?? -1;
  }
  return upperCaseLine(block, name);
}

/** Where the first line of property `name`, written as given (upper case), starts in `block`
 * after `from`, or -1. */
export function upperCaseLine(block: string, name: string, from = 0): number {
  let at = block.indexOf(`\n${name}`, from);
  while (at !== -1) {
    const next = block.charAt(at + 1 + name.length);
    if (next === ';' || next === ':') return at + 1;
    at = block.indexOf(`\n${name}`, at + 1);
  }
  return -1;
}

/** The unfolded value of the first `name` property of a block, or undefined. */
export function peekValue(block: string, name: string, caseless = true): string | undefined {
  const start = findLine(block, name, caseless);
  if (start === -1) return undefined;
  let end = block.indexOf('\n', start);
  let folded = false;
  while (end !== -1 && (block.charCodeAt(end + 1) === 0x20 || block.charCodeAt(end + 1) === 0x09)) {
    folded = true;
    end = block.indexOf('\n', end + 1);
  }
  if (end === -1) end = block.length;
  // Dates and times hold no ':'; parameters (quoted TZIDs) might. An unfolded line (all of
  // them in a feed as fetched) is cut once, without a copy of the line.
  if (!folded) {
    const last = block.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    return block.slice(Math.max(block.lastIndexOf(':', last - 1) + 1, start), last);
  }
  const whole = block.slice(start, end).replace(/\r?\n[ \t]/g, '').replace(/\r$/, '');
  return whole.slice(whole.lastIndexOf(':') + 1);
}

/** True when some content line of the feed starts with a lower-case property name. */
export function hasLowerCaseNames(text: string): boolean {
  return /\n[A-Z-]*[a-z]/.test(text);
}

function ymd(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^(\d{8})(?:T\d{6}Z?)?$/i.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}

/** yyyymmdd as a number, for a cheap day comparison. */
export function ymdOf(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

const NESTED = /\nBEGIN:([A-Za-z0-9-]{1,64})\r?\n[\s\S]*?\nEND:\1\r?(?=\n)/g;

/** At most eight BEGIN lines: the expression then costs at most eight passes over the block,
 * and is quicker than cutNested for the one alarm Outlook and Apple put in most events. */
function fewBegins(block: string): boolean {
  let at = block.indexOf('\nBEGIN:');
  for (let count = 0; at !== -1; count++) {
    if (count === 8) return false;
    at = block.indexOf('\nBEGIN:', at + 1);
  }
  return true;
}

const BEGIN_LINE = /\nBEGIN:([A-Za-z0-9-]{1,64})\r?(?=\n)/g;
const END_LINE = /\nEND:([A-Za-z0-9-]{1,64})\r?(?=\n)/g;
const BEGIN_LINE_CASELESS = new RegExp(BEGIN_LINE.source, 'gi');
const END_LINE_CASELESS = new RegExp(END_LINE.source, 'gi');

/**
 * `block.replace(/\nBEGIN:(X)\r?\n[\s\S]*?\nEND:\1\r?(?=\n)/g, '')` (case-insensitive when
 * `caseless`): each component cut from its BEGIN line to the first END line of its name
 * that follows that line, left to right. The expression itself scans to the end of the block
 * for every BEGIN whose END it does not find (an END line with a trailing space, which
 * splitFeed accepts): quadratic in what an invite holds. Here the BEGIN and END lines are
 * each found once, and each name's END lines are taken in order.
 */
export function cutNested(block: string, caseless: boolean): string {
  const beginLine = caseless ? BEGIN_LINE_CASELESS : BEGIN_LINE;
  const endLine = caseless ? END_LINE_CASELESS : END_LINE;
  /** By name: where each END line starts (its line break) and ends (after its name and CR). */
  const ends = new Map<string, number[]>();
  endLine.lastIndex = 0;
  for (let match = endLine.exec(block); match; match = endLine.exec(block)) {
    const name = caseless ? (match[1] as string).toUpperCase() : (match[1] as string);
    const list = ends.get(name) ?? [];
    list.push(match.index, match.index + match[0].length);
    ends.set(name, list);
  }
  const next = new Map<string, number>();
  let own = '';
  let cursor = 0;
  beginLine.lastIndex = 0;
  for (let match = beginLine.exec(block); match; match = beginLine.exec(block)) {
    const name = caseless ? (match[1] as string).toUpperCase() : (match[1] as string);
    // The expression's END search starts after the BEGIN line's own line break.
    const after = match.index + match[0].length + 1;
    const list = ends.get(name) ?? [];
    let at = next.get(name) ?? 0;
    while (at < list.length && (list[at] as number) < after) at += 2;
    next.set(name, at);
    if (at >= list.length) continue;
    own += block.slice(cursor, match.index);
    cursor = list[at + 1] as number;
    beginLine.lastIndex = cursor;
  }
  return own + block.slice(cursor);
}

/** The VEVENT's text without its nested components, or undefined when they are not simply
 * one after another (a component inside a component, an END without its BEGIN). */
function withoutNested(block: string, caseless: boolean): string | undefined {
  const own = caseless || !fewBegins(block) ? cutNested(block, caseless) : block.replace(NESTED, '');
  const begins = own.match(caseless ? /\nBEGIN:/gi : /\nBEGIN:/g)?.length ?? 0;
  const ends = own.match(caseless ? /\nEND:/gi : /\nEND:/g)?.length ?? 0;
  // Left: "BEGIN:VEVENT" at the very start (no line end before it) and one END, its own.
  return begins === 0 && ends === 1 ? own : undefined;
}

/** An RDATE or EXRULE line (findLine's two searches in one scan). */
const MORE_SPANS = /\n(?:RDATE|EXRULE)[;:]/;
const MORE_SPANS_CASELESS = /^(?:RDATE|EXRULE)[;:]/im;

/**
 * True when the VEVENT surely has nothing in [lo, hi] (yyyymmdd days, which the caller
 * widens by two days so no zone offset can move an event across the edge). Only simple
 * shapes are judged: RDATE/EXRULE, components nested more than one deep or unreadable
 * dates → false.
 */
export function outsideWindow(whole: string, lo: number, hi: number, caseless = true): boolean {
  // Skips "BEGIN:VEVENT" itself. Nested components (VALARM: Outlook and Apple write one in
  // most events) are cut out first: their lines could look like ours.
  const nested = whole.indexOf('BEGIN:', 12) !== -1 || (caseless && /\nBEGIN:/i.test(whole.slice(12)));
  const block = nested ? withoutNested(whole, caseless) : whole;
  if (block === undefined) return false;
  if ((caseless ? MORE_SPANS_CASELESS : MORE_SPANS).test(block)) return false;
  const rule = peekValue(block, 'RRULE', caseless);
  if (rule !== undefined) {
    // A master whose rule ended before the window matters only through its overrides,
    // which are blocks of their own.
    const until = /(?:^|;)UNTIL=(\d{8})/i.exec(rule);
    return until !== null && Number(until[1]) < lo;
  }
  const start = ymd(peekValue(block, 'DTSTART', caseless));
  if (start === undefined) return false;
  const recurrenceId = peekValue(block, 'RECURRENCE-ID', caseless);
  if (recurrenceId !== undefined) {
    // A change to this and all later instances reaches into any window after it.
    if (/RANGE=THISANDFUTURE/i.test(block)) return false;
    const original = ymd(recurrenceId);
    if (original === undefined || (original >= lo && original <= hi)) return false;
  }
  if (start > hi) return true;
  if (start >= lo) return false;
  if (findLine(block, 'DURATION', caseless) !== -1) return false;
  const end = ymd(peekValue(block, 'DTEND', caseless));
  return end !== undefined && end < lo;
}
