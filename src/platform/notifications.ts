import type { NotificationOptions } from './browser.ts';
import { browser } from './browser.ts';

export interface NotificationSpec {
  title: string;
  message: string;
  /** At most two (Chrome's limit). */
  buttons: string[];
  /** Keeps the notification up until the user acts (the wait moments). */
  requireInteraction: boolean;
}

/** Shows (or replaces) the notification with this id. */
export async function showNotification(id: string, spec: NotificationSpec): Promise<void> {
  const options: NotificationOptions = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: spec.title,
    message: spec.message,
    priority: spec.requireInteraction ? 2 : 0,
  };
  if (spec.buttons.length > 0) options.buttons = spec.buttons.slice(0, 2).map((title) => ({ title }));
  if (spec.requireInteraction) options.requireInteraction = true;
  await browser.notifications.create(id, options);
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}

export async function openNotificationIds(): Promise<string[]> {
  return Object.keys(await browser.notifications.getAll());
}

export function onNotificationButton(listener: (id: string, index: number) => void): void {
  browser.notifications.onButtonClicked.addListener(listener);
}

export function onNotificationClicked(listener: (id: string) => void): void {
  browser.notifications.onClicked.addListener(listener);
}
