import type { Translate } from '../platform/i18n.ts';
import type { UserMessage } from '../core/message-key.ts';

/**
 * What to show for an error that crossed the message boundary: the worker answers a message key
 * with its substitutions (src/background/message-errors.ts), worded here in the user's language.
 */
export function errorText(t: Translate, error: UserMessage): string {
  return t(error.key, error.substitutions);
}
