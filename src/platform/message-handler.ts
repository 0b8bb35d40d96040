import type { MessageSender } from './browser.ts';
import { browser } from './browser.ts';
import type { Envelope, Handlers, MessageResult } from './messages.ts';
import type { UserMessage } from '../core/message-key.ts';

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null
    && (message as { type?: unknown }).type === 'interview-standby'
    && typeof (message as { name?: unknown }).name === 'string';
}

/** Registers the handlers; call synchronously at the top level of the worker. `describe` turns
 * what a handler threw into the message key the page shows. */
export function handle(handlers: Handlers, describe: (error: unknown) => UserMessage): void {
  // A listener that returns a promise answers with its value (the polyfill keeps the channel
  // open until it settles); one that returns undefined leaves the message to others.
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender): Promise<MessageResult<unknown>> | undefined => {
    // Only our own pages may ask; content scripts and other extensions cannot reach us anyway,
    // but the check keeps it explicit.
    if (!isEnvelope(message) || sender.id !== browser.runtime.id) return undefined;
    // Own handlers only: 'toString' or 'constructor' must not resolve to Object.prototype's.
    const handler = Object.hasOwn(handlers, message.name) ? (handlers[message.name] as (request: unknown) => Promise<unknown>) : undefined;
    if (!handler) return Promise.resolve({ ok: false, error: describe(new Error(`Unknown message ${message.name}`)) });
    // Never a rejection: errors cross the boundary as values.
    return handler(message.request).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error: describe(error) }),
    );
  });
}
