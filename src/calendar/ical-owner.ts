/**
 * Whose calendar an iCal feed is (issue 12): the interviewer is never the user, and an iCal
 * event carries no `self` flag, so the feed's owner is one more address that is the user's.
 * What can be known of it:
 * - Google's secret and public addresses name the calendar:
 *   `https://calendar.google.com/calendar/ical/<calendar id>/private-<key>/basic.ics`. A
 *   primary calendar's id is its owner's address (url-encoded, `jane.doe%40gmail.com`); other
 *   calendars have ids at `group.calendar.google.com` and the like, which name nobody.
 * - Google names a primary calendar's feed after its owner: `X-WR-CALNAME:jane.doe@gmail.com`.
 *   A calendar the user named with an address is taken at its word.
 * Other providers' addresses (Outlook's mailbox id, iCloud, Fastmail) name no person. Once
 * known, the owner's address marks the ORGANIZER or ATTENDEE that carries it as the user.
 */
import { isValidEmail } from '../core/extract.ts';

const GOOGLE_HOST = /^(?:calendar|www)\.google\.com$/i;
const GOOGLE_FEED_PATH = /^\/calendar\/ical\/([^/]{1,300})\/(?:private-[^/]+|public)\/[^/]+\.ics$/i;

/** A person's address, lower-cased, or nothing: Google's group, import and holiday calendar
 * ids are addresses of no one. */
function personal(value: string): string | undefined {
  const address = value.trim().toLowerCase();
  if (!isValidEmail(address) || /(?:^|\.)calendar\.google\.com$/.test(address.slice(address.lastIndexOf('@') + 1))) return undefined;
  return address;
}

/** The owner named by a Google calendar's secret or public iCal address. */
export function ownerOfFeedUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim().replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    return undefined;
  }
  if (!GOOGLE_HOST.test(parsed.hostname)) return undefined;
  const id = GOOGLE_FEED_PATH.exec(parsed.pathname)?.[1];
  if (id === undefined) return undefined;
  try {
    return personal(decodeURIComponent(id));
  } catch {
    return undefined; // a malformed escape
  }
}

/** The owner a feed's name gives: `X-WR-CALNAME` that is an address. */
export function ownerOfCalendarName(name: string | undefined): string | undefined {
  return typeof name === 'string' && name.length <= 254 ? personal(name) : undefined;
}
