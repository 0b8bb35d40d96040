/**
 * A VEVENT that ical.js refuses as a whole, read line by line: each line that can be read
 * is kept, a few known exporter mistakes are repaired, and the rest is left out. One odd
 * line (anyone can put one in an invite) must not lose the event around it.
 */
import ICAL from 'ical.js';
import { EVENT_PROPERTIES } from './ical-event.ts';

const PROPERTY_START = /^[A-Za-z0-9-]+[;:]/;
/** The properties readEvent reads, and component lines: a line that starts with one is its
 * own property, even after a line that was cut. */
const READ = new RegExp(`^(?:${[...EVENT_PROPERTIES, 'begin', 'end'].join('|')})[;:]`, 'i');

/** A line that cannot end where it does: no value yet, or one that stops after a ":", ",",
 * ";" or "=" (a long TZID or RRULE folded without its space: "TZID=Europe/" + "Berlin:…",
 * "BYDAY=MO," + "TU;COUNT=4"). */
function cut(text: string): boolean {
  return !text.includes(':') || endsCut(text);
}

function endsCut(text: string): boolean {
  return /[:,;=]\s*$/.test(text);
}
const STRUCTURED = new Set(['date', 'date-time', 'period', 'recur', 'duration', 'integer', 'utc-offset']);

/** Known mistakes, repaired before a line is read. */
function repair(line: string): string {
  // Exchange: DTSTART;TZID="W. Europe Standard Time:20200101T100000" (quote closed after the value).
  const quote = /^([^:"]*;[A-Za-z0-9-]+=)"([^"]*?):([^":]*)"\s*$/.exec(line);
  if (quote) return `${quote[1]}"${quote[2]}":${quote[3]}`;
  // Hand-written rules: BYDAY=MO, TU, WE, or freq=weekly (RFC 5545 reads a rule's names
  // and values in any case; ical.js only in upper case, and nothing in a rule needs lower).
  if (/^(?:RRULE|EXRULE)[;:]/i.test(line)) return line.replace(/\s+/g, '').toUpperCase();
  return line;
}

function property(line: string): unknown[] | undefined {
  try {
    const prop: unknown = ICAL.parse.property(repair(line));
    return Array.isArray(prop) ? prop : undefined;
  } catch {
    return undefined;
  }
}

/** The jCal of the VEVENT in `block` with every readable line of its own (nested
 * components such as VALARM are left out: nothing here reads them). */
export function salvageEvent(block: string): unknown[] {
  // Unfold, then join lines that cannot start a property to the one before: a continuation
  // that lost its leading space. After a cut line, so is any line but one readEvent reads.
  const groups: string[][] = [];
  // Whether the last group, joined, is cut: kept line by line, as joining the group for each
  // line would be quadratic in a block of thousands of orphan lines (anyone can send one).
  let colon = false;
  let lastCut = false;
  for (const line of block.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n')) {
    // Apple's "X-APPLE-RADIUS=72.0" (a name, then "=" for ":") is a property of its own
    // gone wrong, not a continuation: joined, it became part of the UID or the title.
    if (line.trim() === '' || /^X-[A-Za-z0-9-]+=/i.test(line)) continue;
    const last = groups[groups.length - 1];
    if (!last || (PROPERTY_START.test(line) && (READ.test(line) || (colon && !lastCut)))) {
      groups.push([line]);
      colon = false;
    } else last.push(line);
    // The group ends with this line, which is not blank: it is cut if this line ends so.
    colon ||= line.includes(':');
    lastCut = endsCut(line);
  }
  const props: unknown[] = [];
  let depth = 0;
  for (const group of groups) {
    const head = group[0] ?? '';
    if (/^BEGIN:/i.test(head)) depth++;
    else if (/^END:/i.test(head)) depth--;
    else if (depth === 1) {
      // Joined when that reads as text (long DESCRIPTION, ATTENDEE or Apple location lines
      // are the ones folded) or the line was cut; after a whole date or rule the orphan is a
      // stray line and is left out.
      const joined = group.length > 1 ? property(group.join('')) : undefined;
      const prop = joined && (cut(head) || !STRUCTURED.has(String(joined[2]))) ? joined : property(head);
      const name = /^[A-Za-z0-9-]+/.exec(head)?.[0].toLowerCase() ?? '';
      if (prop) props.push(prop);
      // Left out, these would change what the event is (a series read as one event, a
      // moved instance read as the whole series): kept as unreadable, so the event is skipped.
      else if (name === 'rrule' || name === 'recurrence-id') props.push([name, {}, 'unknown', null]);
    }
  }
  return ['vevent', props, []];
}
