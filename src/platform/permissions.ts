import { browser } from './browser.ts';

/** The match pattern that covers one address's origin, e.g. https://calendar.google.com/* */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

/**
 * Asks for access to the feed's host now, when the user connects it, rather than at install
 * (an optional host permission). Must run in response to a click.
 */
export async function requestOrigin(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] });
}

export async function hasOrigin(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] });
}

/** Gives the access back when the feed is disconnected. */
export async function releaseOrigin(url: string): Promise<void> {
  try {
    await browser.permissions.remove({ origins: [originPattern(url)] });
  } catch {
    // A permission granted in the manifest (the test build's 127.0.0.1) cannot be removed.
  }
}
