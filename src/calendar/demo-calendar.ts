/**
 * The built-in demo calendar: what a new user sees before connecting a real source. It is
 * generated relative to the moment the demo started, so every stage of the product (get
 * ready, waiting, thank-you) can be tried at once. All people, companies, addresses and
 * numbers are fictional (example.com / example.org, 555-01xx, +39 02 0000 xxxx).
 */
import type { CalendarEvent } from '../core/types.ts';
import { MINUTE, HOUR } from '../core/units.ts';

const SELF = { email: 'you@example.org', displayName: 'You', self: true } as const;

function at(ms: number): { dateTime: string } {
  return { dateTime: new Date(ms).toISOString() };
}

type Person = { email: string; displayName: string };

/** The common shape of every demo event: confirmed, default type, organised by `organizer`. */
function event(id: string, start: number, minutes: number, organizer: Person, selfStatus = 'accepted'): CalendarEvent {
  return {
    id,
    status: 'confirmed',
    eventType: 'default',
    start: at(start),
    end: at(start + minutes * MINUTE),
    organizer,
    attendees: [
      { ...organizer, organizer: true, responseStatus: 'accepted' },
      { ...SELF, responseStatus: selfStatus },
    ],
  };
}

/** Google Calendar API v3 events for a demo started at `anchor` (epoch ms). */
export function demoEvents(anchor: number): CalendarEvent[] {
  const id = (n: number) => `demo-${n}-${anchor}`;
  const recruiter = { email: 'maya.chen@example.com', displayName: 'Maya Chen' };
  const engineer = { email: 'sam.okafor@example.com', displayName: 'Sam Okafor' };
  const italian = { email: 'giulia.bianchi@example.org', displayName: 'Giulia Bianchi' };
  const talent = { email: 'leo.hart@example.com', displayName: 'Leo Hart' };

  return [
    {
      ...event(id(1), anchor + 4 * MINUTE, 30, recruiter),
      summary: 'Phone interview with Brightwave Labs (Frontend Engineer)',
      description:
        'First conversation about the Frontend Engineer role at Brightwave Labs.\n' +
        'Maya will call you on the number in your application. If the call does not come, ' +
        'you can reach her at the number in the location.',
      location: 'Phone: +1 (202) 555-0142',
      conferenceData: {
        entryPoints: [{ entryPointType: 'phone', uri: 'tel:+1-202-555-0199', label: '+1 202-555-0199', regionCode: 'US' }],
      },
    },
    {
      ...event(id(2), anchor + 5 * HOUR, 45, engineer),
      summary: 'Fernhill Analytics — pair programming session',
      description: 'A 45-minute pairing exercise with one of our engineers on Google Meet.\n\n#interview',
      hangoutLink: 'https://meet.google.com/abc-defg-hij',
      conferenceData: {
        entryPoints: [{ entryPointType: 'video', uri: 'https://meet.google.com/abc-defg-hij', label: 'meet.google.com/abc-defg-hij' }],
      },
    },
    {
      ...event(id(3), anchor + 26 * HOUR, 60, italian, 'needsAction'),
      summary: 'Colloquio con Studio Verdi S.r.l.',
      description:
        'Colloquio telefonico per la posizione di Sviluppatore Web.\n' +
        'Ti chiamerà Giulia Bianchi; in caso di necessità puoi richiamarla al numero indicato.',
      location: 'Telefono: +39 02 0000 1234',
      start: { ...at(anchor + 26 * HOUR), timeZone: 'Europe/Rome' },
      end: { ...at(anchor + 27 * HOUR), timeZone: 'Europe/Rome' },
    },
    {
      ...event(id(4), anchor - 65 * MINUTE, 45, talent),
      summary: 'Recruiter call — Harbor & Pine Example Co.',
      description: 'Introductory call with the talent team. Leo can be reached at leo.hart@example.com.',
      location: '+1 202-555-0173',
    },
    {
      ...event(id(5), anchor + 2 * HOUR, 15, SELF),
      summary: 'Team standup',
      description: 'Daily standup of the side-project team.',
      organizer: SELF,
      attendees: [
        { ...SELF, organizer: true, responseStatus: 'accepted' },
        { email: 'alex.rivera@example.org', displayName: 'Alex Rivera', responseStatus: 'accepted' },
      ],
    },
  ];
}
