import browser from 'webextension-polyfill';
import type { TemplateKind } from '../core/types.ts';
import type { MarkAction } from '../core/marks.ts';

/**
 * Every message between the UI and the service worker: name → request and response.
 * `handle` requires a handler for each, so an unhandled message is a compile error.
 */
export interface MessageMap {
  mark: { request: { interviewId: string; action: MarkAction }; response: { ok: true } };
  'open-draft': { request: { interviewId: string; kind: TemplateKind }; response: { url: string } };
  'not-interview': { request: { interviewId: string }; response: { ok: true } };
  'restart-demo': { request: Record<string, never>; response: { ok: true } };
  /** Sent when the popup opens: sync the source and reconcile now rather than at the next alarm. */
  refresh: { request: Record<string, never>; response: { ok: true } };
  /** Signs in to Google (may show Google's consent), switches the source to Google and syncs. */
  'connect-google': { request: Record<string, never>; response: { calendars: CalendarChoice[] } };
  /** Back to the demo calendar; forgets Google's tokens and data. */
  disconnect: { request: Record<string, never>; response: { ok: true } };
  /** The user's Google calendars, and which are watched (no UI; fails when signed out). */
  'list-calendars': { request: Record<string, never>; response: { calendars: CalendarChoice[]; selected: string[] } };
  /** Watch these calendars (at least one). */
  'choose-calendars': { request: { calendarIds: string[] }; response: { ok: true } };
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

/** Errors cross the boundary as values, never as lost rejections. */
export type MessageResult<T> = { ok: true; value: T } | { ok: false; error: string };

interface Envelope<K extends MessageName = MessageName> {
  type: 'interview-standby';
  name: K;
  request: MessageMap[K]['request'];
}

export async function send<K extends MessageName>(name: K, request: MessageMap[K]['request']): Promise<MessageResult<MessageMap[K]['response']>> {
  const envelope: Envelope<K> = { type: 'interview-standby', name, request };
  try {
    const reply = (await browser.runtime.sendMessage(envelope)) as MessageResult<MessageMap[K]['response']> | undefined;
    return reply ?? { ok: false, error: 'No answer from the background service.' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export type Handlers = { [K in MessageName]: (request: MessageMap[K]['request']) => Promise<MessageMap[K]['response']> };

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null
    && (message as { type?: unknown }).type === 'interview-standby'
    && typeof (message as { name?: unknown }).name === 'string';
}

/** Registers the handlers; call synchronously at the top level of the worker. */
export function handle(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    // Only our own pages may ask; content scripts and other extensions cannot reach us anyway,
    // but the check keeps it explicit.
    if (!isEnvelope(message) || sender.id !== browser.runtime.id) return undefined;
    const handler = handlers[message.name] as ((request: unknown) => Promise<unknown>) | undefined;
    if (!handler) return Promise.resolve({ ok: false, error: `Unknown message ${message.name}` });
    return handler(message.request).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
