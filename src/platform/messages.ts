import { browser } from './browser.ts';
import type { Locale, TemplateKind } from '../core/types.ts';
import type { MarkAction, NewTime } from '../core/marks.ts';
import type { ManualEntry } from '../core/manual-interview.ts';
import type { Settings } from '../core/settings.ts';
import type { Slot } from '../core/propose-slots.ts';
import type { UserMessage } from '../core/message-key.ts';

/**
 * Every message between the UI and the service worker: name → request and response.
 * `handle` requires a handler for each, so an unhandled message is a compile error.
 */
export interface MessageMap {
  /** `newTime` goes with `moved`: the interview's new start and end. */
  mark: { request: { interviewId: string; action: MarkAction; newTime?: NewTime }; response: { ok: true } };
  /** Opens the draft; `slots` are the new times the user left in the picker (else proposed now). */
  'open-draft': { request: { interviewId: string; kind: TemplateKind; slots?: Slot[] }; response: { url: string } };
  /** The voicemail script for this interview as of now (current time, minutes left). */
  voicemail: { request: { interviewId: string }; response: { text: string } };
  /** Free times for a new call, from busy time and working hours, for the picker. */
  'proposed-slots': { request: { interviewId: string }; response: { slots: Slot[] } };
  /** The language of this interview's drafts and voicemail; undefined goes back to the detected one. */
  'interview-language': { request: { interviewId: string; language?: Locale }; response: { ok: true } };
  /** Ticks or unticks one item of the get-ready checklist. */
  checklist: { request: { interviewId: string; item: string; checked: boolean }; response: { ok: true } };
  /** Adds or replaces an interview typed in by hand (validated again here). */
  'save-manual': { request: { entry: ManualEntry }; response: { interviewId: string } };
  'delete-manual': { request: { entryId: string }; response: { ok: true } };
  /** Saves the settings (validated again here); the reconcile moves reminders at once. */
  'save-settings': { request: { settings: Settings }; response: { ok: true } };
  'not-interview': { request: { interviewId: string }; response: { ok: true } };
  'restart-demo': { request: Record<string, never>; response: { ok: true } };
  /** Ends the demo (no calendar until one is connected or the demo is started again). */
  'stop-demo': { request: Record<string, never>; response: { ok: true } };
  /** Puts back the interview last removed ("Not an interview", a typed-in one deleted). */
  'undo-remove': { request: Record<string, never>; response: { ok: true } };
  /** The user let the removal stand: the undo offer goes. */
  'forget-removed': { request: Record<string, never>; response: { ok: true } };
  /** Sent when the popup opens: sync the source and reconcile now rather than at the next alarm. */
  refresh: { request: Record<string, never>; response: { ok: true } };
  /** Signs in to Google (may show Google's consent), switches the source to Google and syncs. */
  'connect-google': { request: Record<string, never>; response: { calendars: CalendarChoice[] } };
  /** Back to the demo calendar; forgets Google's tokens and data. */
  disconnect: { request: Record<string, never>; response: { ok: true } };
  /** The user's Google calendars, and which are watched (no UI; fails when signed out). */
  'list-calendars': { request: Record<string, never>; response: { calendars: CalendarChoice[]; selected: string[] } };
  /** Watch these calendars (at least one); `names` are the calendar list's, to name one in trouble later. */
  'choose-calendars': { request: { calendarIds: string[]; names?: Record<string, string> }; response: { ok: true } };
  /** Connects a secret iCal address; its host permission must already be granted. */
  'connect-ical': { request: { url: string }; response: { ok: true } };
  /** "Try again" on a calendar in trouble: read it now (still honouring Google's Retry-After). */
  'retry-calendar': { request: { calendarId: string }; response: { ok: true } };
  /** "Stop watching it": drop a calendar in trouble (not the last one watched). */
  'unwatch-calendar': { request: { calendarId: string }; response: { ok: true } };
  /** Sync now (still honouring a server's Retry-After). */
  'sync-now': { request: Record<string, never>; response: { ok: true } };
}

/** A Google calendar as the options page lists it. */
export interface CalendarChoice {
  id: string;
  summary: string;
  primary: boolean;
  backgroundColor?: string;
}

export type MessageName = keyof MessageMap;

/** The error the worker answers when the interview a button acted on is gone (decided in core). */
export { INTERVIEW_GONE } from '../core/interview-changes.ts';

/** Errors cross the boundary as values, never as lost rejections, and as message keys: the
 * page words them in the user's language (ui/error-text.ts), never shows the worker's English. */
export type MessageResult<T> = { ok: true; value: T } | { ok: false; error: UserMessage };

export interface Envelope<K extends MessageName = MessageName> {
  type: 'interview-standby';
  name: K;
  request: MessageMap[K]['request'];
}

/**
 * Sends one message to the service worker; a missing answer or a closed channel comes back as
 * an error value, never as a rejection.
 */
export async function send<K extends MessageName>(name: K, request: MessageMap[K]['request']): Promise<MessageResult<MessageMap[K]['response']>> {
  const envelope: Envelope<K> = { type: 'interview-standby', name, request };
  try {
    const reply = (await browser.runtime.sendMessage(envelope)) as MessageResult<MessageMap[K]['response']> | undefined;
    return reply ?? { ok: false, error: { key: 'errorNoAnswer' } };
  } catch (error) {
    // No worker to answer ("Receiving end does not exist"), or the extension was reloaded.
    console.error(error);
    return { ok: false, error: { key: 'errorNoAnswer' } };
  }
}

export type Handlers = { [K in MessageName]: (request: MessageMap[K]['request']) => Promise<MessageMap[K]['response']> };
