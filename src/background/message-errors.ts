import { UserError, type MessageKey, type UserMessage } from '../core/message-key.ts';
import type { SyncErrorCode } from '../core/stored-state.ts';
import { isSyncError } from '../calendar/source-types.ts';

/** Why a Google request made for the user (connecting, listing the calendars) failed, in words.
 * Syncs never answer a message with their error: they record it in the stored state. */
const googleFailure: Partial<Record<SyncErrorCode, MessageKey>> = {
  auth: 'errorGoogleSignIn',
  offline: 'errorGoogleOffline',
  'rate-limited': 'errorGoogleBusy',
  forbidden: 'errorGoogleRefused',
};

/**
 * What the page shows for an error a message handler threw: always a message key, worded in the
 * user's language by the page. Anything not meant for the user is logged here, in the worker,
 * and reaches the page only as "That did not work".
 */
export function describeError(error: unknown): UserMessage {
  if (error instanceof UserError) return error.words;
  if (isSyncError(error)) return { key: googleFailure[error.code] ?? 'errorGoogleTrouble' };
  // chrome.storage's own words when the extension's storage quota is used up.
  if (error instanceof Error && /QUOTA_BYTES/.test(error.message)) return { key: 'errorStorageFull' };
  console.error(error);
  return { key: 'errorUnexpected' };
}
