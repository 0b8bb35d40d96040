/**
 * An interview invitation as one Google calendar holds it: 30 minutes in Europe/Rome,
 * organised by a recruiter, with the user as an attendee. Google sets `self` on the user's
 * entry only on the user's own copy; `self: false` gives the copy another calendar shows.
 */
import type { FakeEvent } from './google-calendar-api.ts';

export interface InviteOptions {
  /** The user's address as it appears on the copy. */
  me: string;
  /** The user's response on the copy. */
  response?: string;
  /** Whether Google flagged the user's entry `self` on this copy (default: yes). */
  self?: boolean;
  minutes?: number;
  extra?: Partial<FakeEvent>;
}

export function invite(id: string, start: number, summary: string, { me, response = 'accepted', self = true, minutes = 30, extra = {} }: InviteOptions): FakeEvent {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id,
    summary,
    start: { dateTime: iso(start), timeZone: 'Europe/Rome' },
    end: { dateTime: iso(start + minutes * 60_000), timeZone: 'Europe/Rome' },
    organizer: { email: 'rita@acme.example', displayName: 'Rita Recruiter' },
    attendees: [
      self ? { email: me, self: true, responseStatus: response } : { email: me, responseStatus: response },
      { email: 'rita@acme.example', organizer: true, responseStatus: 'accepted' },
    ],
    ...extra,
  };
}
