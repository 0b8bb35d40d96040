import { browser } from './browser.ts';

/** Opens a compose URL or a page in a new foreground tab. Only https: and mailto: get here. */
export async function openTab(url: string): Promise<void> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'mailto:' && protocol !== 'chrome-extension:') {
    throw new Error(`Refusing to open a ${protocol} URL`);
  }
  await browser.tabs.create({ url, active: true });
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}
