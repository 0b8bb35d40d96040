/**
 * The built-in demo calendar: what a new user sees before connecting a real source. It is
 * generated relative to the moment the demo started, so every stage of the product (get
 * ready, waiting, thank-you) can be tried at once. All people, companies, addresses and
 * numbers are fictional (example.com / example.org, 555-01xx, +39 02 0000 xxxx).
 */
import type { CalendarEvent } from '../core/types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const SELF = { email: 'you@example.org', displayName: 'You', self: true } as const;

function at(ms: number): { dateTime: string } {
  return { dateTime: new Date(ms).toISOString() };
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
      id: id(1),
      status: 'confirmed',
      eventType: 'default',
      summary: 'Phone interview with Brightwave Labs (Frontend Engineer)',
      description:
        'First conversation about the Frontend Engineer role at Brightwave Labs.\n' +
        'Maya will call you on the number in your application. If the call does not come, ' +
        'you can reach her at the number in the location.',
      location: 'Phone: +1 (202) 555-0142',
      start: at(anchor + 4 * MINUTE),
      end: at(anchor + 34 * MINUTE),
      organizer: recruiter,
      attendees: [
        { ...recruiter, organizer: true, responseStatus: 'accepted' },
        { ...SELF, responseStatus: 'accepted' },
      ],
      conferenceData: {
        entryPoints: [{ entryPointType: 'phone', uri: 'tel:+1-202-555-0199', label: '+1 202-555-0199', regionCode: 'US' }],
      },
    },
    {
      id: id(2),
      status: 'confirmed',
      eventType: 'default',
      summary: 'Fernhill Analytics — pair programming session',
      description: 'A 45-minute pairing exercise with one of our engineers on Google Meet.\n\n#interview',
      start: at(anchor + 5 * HOUR),
      end: at(anchor + 5 * HOUR + 45 * MINUTE),
      organizer: engineer,
      attendees: [
        { ...engineer, organizer: true, responseStatus: 'accepted' },
        { ...SELF, responseStatus: 'accepted' },
      ],
      hangoutLink: 'https://meet.google.com/abc-defg-hij',
      conferenceData: {
        entryPoints: [{ entryPointType: 'video', uri: 'https://meet.google.com/abc-defg-hij', label: 'meet.google.com/abc-defg-hij' }],
      },
    },
    {
      id: id(3),
      status: 'confirmed',
      eventType: 'default',
      summary: 'Colloquio con Studio Verdi S.r.l.',
      description:
        'Colloquio telefonico per la posizione di Sviluppatore Web.\n' +
        'Ti chiamerà Giulia Bianchi; in caso di necessità puoi richiamarla al numero indicato.',
      location: 'Telefono: +39 02 0000 1234',
      start: { ...at(anchor + 26 * HOUR), timeZone: 'Europe/Rome' },
      end: { ...at(anchor + 27 * HOUR), timeZone: 'Europe/Rome' },
      organizer: italian,
      attendees: [
        { ...italian, organizer: true, responseStatus: 'accepted' },
        { ...SELF, responseStatus: 'needsAction' },
      ],
    },
    {
      id: id(4),
      status: 'confirmed',
      eventType: 'default',
      summary: 'Recruiter call — Harbor & Pine Example Co.',
      description: 'Introductory call with the talent team. Leo can be reached at leo.hart@example.com.',
      location: '+1 202-555-0173',
      start: at(anchor - 65 * MINUTE),
      end: at(anchor - 20 * MINUTE),
      organizer: talent,
      attendees: [
        { ...talent, organizer: true, responseStatus: 'accepted' },
        { ...SELF, responseStatus: 'accepted' },
      ],
    },
    {
      id: id(5),
      status: 'confirmed',
      eventType: 'default',
      summary: 'Team standup',
      description: 'Daily standup of the side-project team.',
      start: at(anchor + 2 * HOUR),
      end: at(anchor + 2 * HOUR + 15 * MINUTE),
      organizer: SELF,
      attendees: [
        { ...SELF, organizer: true, responseStatus: 'accepted' },
        { email: 'alex.rivera@example.org', displayName: 'Alex Rivera', responseStatus: 'accepted' },
      ],
    },
  ];
}
