export function openOptionsPage(): void {
  chrome.runtime.openOptionsPage().catch((error: unknown) => console.error(error));
}

/** Install, update, and the relaunch of an unpacked extension all fire this. */
export function onInstalled(listener: () => void): void {
  chrome.runtime.onInstalled.addListener(listener);
}

export function onStartup(listener: () => void): void {
  chrome.runtime.onStartup.addListener(listener);
}
