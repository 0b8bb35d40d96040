/**
 * The one way to call the browser: webextension-polyfill's promise-based `browser`. This module
 * is the only one that imports the polyfill (ESLint forbids it elsewhere, and forbids the
 * `chrome` and `browser` globals outside src/platform); every other file of src/platform calls
 * `browser.*` through it. docs/ARCHITECTURE.md, "Calling the browser", says why.
 *
 * A few Chrome APIs this extension needs are missing from the polyfill's types (they are
 * Firefox's schemas). They are not a second way to call the browser: the polyfill passes any
 * method it has no metadata for straight to Chrome's own (promise-returning in MV3), so they go
 * through the same `browser` object, and only their types are added here, as extensions of the
 * polyfill's own types.
 */
import browser from 'webextension-polyfill';
import type { Identity, Manifest, Notifications, Runtime } from 'webextension-polyfill';

export { browser };

/** Who sent a runtime message (the extension's own pages carry its id). */
export type MessageSender = Runtime.MessageSender;

/** Chrome's notification options add buttons (at most two) and requireInteraction. */
export type NotificationOptions = Notifications.CreateNotificationOptions & {
  buttons?: { title: string }[];
  requireInteraction?: boolean;
};

/** Chrome's launchWebAuthFlow can fail fast when a page without UI would want some. */
export type WebAuthFlowDetails = Identity.LaunchWebAuthFlowDetailsType & {
  abortOnLoadForNonInteractive?: boolean;
  timeoutMsForNonInteractive?: number;
};

/**
 * Chrome's own sign-in (Chrome only: optional, so every caller checks it is there), and the
 * launchWebAuthFlow options above.
 */
export interface ChromeIdentity extends Omit<Identity.Static, 'launchWebAuthFlow'> {
  launchWebAuthFlow(details: WebAuthFlowDetails): Promise<string>;
  getAuthToken?(details: { interactive: boolean; scopes: string[] }): Promise<{ token?: string; grantedScopes?: string[] }>;
  removeCachedAuthToken?(details: { token: string }): Promise<void>;
  clearAllCachedAuthTokens?(): Promise<void>;
}

/** `browser.identity` with Chrome's additions typed (the object is the polyfill's). */
export function identity(): ChromeIdentity {
  return browser.identity;
}

/** The manifest with Chrome's `oauth2` key (the client getAuthToken uses). */
export type ChromeManifest = Manifest.WebExtensionManifest & { oauth2?: { client_id: string; scopes?: string[] } };
