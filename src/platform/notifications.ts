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
  const options: chrome.notifications.NotificationCreateOptions = {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title: spec.title,
    message: spec.message,
    priority: spec.requireInteraction ? 2 : 0,
  };
  if (spec.buttons.length > 0) options.buttons = spec.buttons.slice(0, 2).map((title) => ({ title }));
  if (spec.requireInteraction) options.requireInteraction = true;
  await chrome.notifications.create(id, options);
}

export async function clearNotification(id: string): Promise<void> {
  await chrome.notifications.clear(id);
}

export async function openNotificationIds(): Promise<string[]> {
  return Object.keys(await chrome.notifications.getAll());
}

export function onNotificationButton(listener: (id: string, index: number) => void): void {
  chrome.notifications.onButtonClicked.addListener(listener);
}

export function onNotificationClicked(listener: (id: string) => void): void {
  chrome.notifications.onClicked.addListener(listener);
}
