import { browser } from './browser.ts';

export function openOptionsPage(): void {
  browser.runtime.openOptionsPage().catch((error: unknown) => console.error(error));
}

/** Install, update, and the relaunch of an unpacked extension all fire this. */
export function onInstalled(listener: () => void): void {
  browser.runtime.onInstalled.addListener(listener);
}

export function onStartup(listener: () => void): void {
  browser.runtime.onStartup.addListener(listener);
}
