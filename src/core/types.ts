/**
 * The domain types shared by every context. Pure data: no browser API, no class instances,
 * everything JSON-serialisable so it can live in `chrome.storage` and cross message ports.
 * A union with a runtime list is derived from the list (`(typeof list)[number]`).
 *
 * Instants are epoch milliseconds (UTC). Durations are minutes.
 */

/** The subset of a Google Calendar API v3 `Event` that the product reads. Every field is
 * written by whoever sent the invite, so every field is optional and untrusted. */
export interface CalendarEvent {
  id: string;
  status?: string; // 'confirmed' | 'tentative' | 'cancelled'
  summary?: string;
  description?: string;
  location?: string;
  colorId?: string;
  eventType?: string; // 'default' | 'outOfOffice' | 'focusTime' | 'workingLocation' | …
  htmlLink?: string;
  hangoutLink?: string;
  start?: EventDateTime;
  end?: EventDateTime;
  organizer?: EventPerson;
  attendees?: EventAttendee[];
  conferenceData?: {
    entryPoints?: ConferenceEntryPoint[];
  };
}

export interface EventDateTime {
  /** All-day events carry only `date` (yyyy-mm-dd). */
  date?: string;
  /** RFC 3339 with an offset, e.g. 2026-11-26T15:00:00+01:00. */
  dateTime?: string;
  /** IANA zone the event was created in, e.g. Europe/Rome. */
  timeZone?: string;
}

export interface EventPerson {
  email?: string;
  displayName?: string;
  self?: boolean;
}

export interface EventAttendee extends EventPerson {
  organizer?: boolean;
  resource?: boolean;
  responseStatus?: string; // 'needsAction' | 'declined' | 'tentative' | 'accepted'
}

export interface ConferenceEntryPoint {
  entryPointType?: string; // 'video' | 'phone' | 'sip' | 'more'
  uri?: string;
  label?: string;
  pin?: string;
  regionCode?: string;
}

/** Where the calendar event came from: decides nothing in core but is carried along. */
export type SourceKind = 'demo' | 'google' | 'ical' | 'manual';

/** Which rule decided that an event is (or is not) an interview. */
/** `manual`: the user typed the interview in. */
/** `eventName`: the description's "Event Name:" line (scheduling tools) holds a keyword. */
export type DetectionRule = 'override' | 'tag' | 'keyword' | 'eventName' | 'calendar' | 'color' | 'manual';

export type ExclusionReason =
  | 'override'
  | 'all-day'
  | 'cancelled'
  | 'declined'
  | 'event-type'
  | 'invalid-time'
  | 'no-match';

export interface DetectionRules {
  /** Tags such as `#interview`, matched as whole tokens in title or description. */
  tags: string[];
  /** Whole-word, case- and accent-insensitive title keywords. */
  keywords: string[];
  /** Calendar ids whose every timed event is an interview. */
  calendars: string[];
  /** Google event colour ids (`colorId`) that mark an interview. */
  colors: string[];
  /** Per-event decisions by the user, keyed by event id. */
  overrides: Record<string, 'interview' | 'not-interview'>;
}

export interface PhoneNumber {
  /** As found in the invite (trimmed, control characters removed), for "check the number". */
  display: string;
  /** Only `+` and digits: safe to put after `tel:`. */
  dial: string;
  /** Extension to dial after the number answers (`tel:…;ext=12`), digits only. */
  ext?: string;
  /** Conference PIN (or conference / meeting id), when the invite gives one. */
  pin?: string;
  /** A dial-in's numeric passcode, asked for after the meeting id (Zoom). */
  passcode?: string;
  /** `direct`: the text gives it as the person's own number; `bridge`: a conference bridge. */
  kind?: 'direct' | 'bridge';
  origin: 'conference' | 'location' | 'description' | 'manual';
}

export interface Person {
  name?: string;
  /** Validated single address (no spaces, commas, angle brackets or control characters). */
  email?: string;
}

/** A normalised interview: what the popup, the timeline and the drafts work from. */
export interface Interview {
  /** Stable across syncs: `${source}:${eventId}`. */
  id: string;
  source: SourceKind;
  /** The calendar event id, for overrides. */
  eventId: string;
  /** Clean single-line title (control and bidi characters removed, length capped). */
  title: string;
  company?: string;
  role?: string;
  /** Epoch ms. */
  start: number;
  end: number;
  /** The event's own IANA zone when it has one. */
  timeZone?: string;
  interviewer: Person;
  phones: PhoneNumber[];
  /** https only, and only Meet / Zoom / Teams hosts. */
  videoUrl?: string;
  /** The organizer is a team or a scheduling address rather than a person (set by extraction
   * when it can tell; the drafts then greet neutrally). */
  interviewerIsGroup?: boolean;
  /** The language the invite is written in, when title and description tell (detect-language.ts). */
  language?: Locale;
  detectedBy: { rule: DetectionRule; matched?: string };
}

/** What the user said about one interview. Timestamps, never counters in memory. The outcome
 * these marks describe is derived in one place: `core/outcome.ts`. */
export interface Marks {
  /** "Call connected" / "We spoke". */
  connectedAt?: number;
  /** "I missed their call". Kept after they spoke: the thank-you then thanks for flexibility. */
  missedAt?: number;
  /** "I called back" after a missed call. */
  calledBackAt?: number;
  /** "They never called". */
  noShowAt?: number;
  /** "I asked them to call me" (after a moved call went silent again). */
  askedToCallAt?: number;
  /** "Mark as done" after speaking: brings the thank-you forward. */
  doneAt?: number;
  /** One timestamp per "I called them", counted from the current start. */
  callAttempts: number[];
  /** The call was moved to another time at least once (changes the thank-you and please-call-me wording). */
  rescheduled?: boolean;
  /** The new time the user gave with "They moved it"; it replaces the calendar's start and end. */
  movedTo?: { start: number; end: number };
  /** The first new time proposed in the last reschedule or apology draft: "They moved it" starts from it. */
  proposed?: { start: number; end: number };
  /** The calendar start these marks were made for; a calendar event that moves is detected against it. */
  forStart?: number;
  /** Ticked items of the get-ready checklist. */
  checklist?: string[];
  /** The language the user chose for this interview's drafts and voicemail (else detected). */
  language?: Locale;
  /** "Remind me later" on one moment (its reminder key): only that moment waits, until `until`. */
  snoozed?: { key: string; until: number };
  /** What the marks were before each mark, newest last, so that every mark can be undone. */
  history?: MarksSnapshot[];
}

/** A past state of the marks, kept for undo (without its own history or snooze). */
export type MarksSnapshot = Omit<Marks, 'history' | 'snoozed'>;

/** The moments of the timeline, in the order they happen. */
export const reminderKinds = ['confirm', 'get-ready', 'start', 'no-call', 'min-wait', 'max-wait', 'ask-outcome', 'thank-you'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export interface Reminder {
  kind: ReminderKind;
  /** Epoch ms. */
  at: number;
}

/** Where an interview stands: the wait's sub-phases, then its outcome (see core/outcome.ts). */
export type WaitPhase =
  | 'upcoming'
  | 'waiting'
  | 'may-stop'
  | 'stop-waiting'
  | 'needs-outcome'
  | 'connected'
  | 'missed'
  | 'called-back'
  | 'no-show'
  | 'asked-to-call'
  | 'done';

export interface WaitState {
  phase: WaitPhase;
  /** Whole minutes since the scheduled start (0 before it). */
  minutesWaited: number;
  /** Whole minutes until the maximum wait (0 once it has passed). */
  minutesLeft: number;
}

/** Every email and script the product writes, in the order the options page lists them. */
export const templateKinds = ['confirmation', 'follow-up', 'voicemail', 'apology', 'reschedule', 'please-call-me', 'thank-you'] as const;
export type TemplateKind = (typeof templateKinds)[number];

/** What a user-editable template consists of: an email's subject and body (a voicemail script
 * has only a body; its subject is unused). */
export interface TemplateText {
  subject: string;
  body: string;
}

/** The templates that are emails (a draft opens in the mail provider); the voicemail is a script. */
export type EmailKind = Exclude<TemplateKind, 'voicemail'>;

/** The languages of the interface and of the drafts. */
export const locales = ['en', 'it'] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return (locales as readonly unknown[]).includes(value);
}

/** The language setting: a locale, or 'auto' to follow the browser's. */
export const languageSettings = ['auto', ...locales] as const;
export type LanguageSetting = (typeof languageSettings)[number];

export const mailProviders = ['gmail', 'outlook', 'mailto'] as const;
export type MailProvider = (typeof mailProviders)[number];
