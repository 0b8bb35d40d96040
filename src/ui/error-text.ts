import type { Translate } from '../platform/i18n.ts';

/**
 * What to show for an error that crossed the message boundary: the worker sends `_locales`
 * keys for the errors a user can meet (so they read in the user's language); anything else
 * is shown inside the generic "That did not work: …".
 */
export function errorText(t: Translate, error: string): string {
  const worded = /^[A-Za-z0-9_]+$/.test(error) ? t(error) : error;
  return worded !== error ? worded : t('actionFailed', [error]);
}
