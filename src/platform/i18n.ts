import { browser } from './browser.ts';
import type { Locale } from '../core/types.ts';
import type { MessageKey } from '../core/message-key.ts';

/** Chrome's messages.json format. */
type MessagesFile = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export type Translate = (key: MessageKey, substitutions?: ReadonlyArray<string | number>) => string;

/** A message in the browser's language, as the manifest's texts are (no file to read). */
export function extensionMessage(key: string): string {
  return browser.i18n.getMessage(key);
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/**
 * A translator for an explicit locale. `browser.i18n.getMessage` only follows the browser's
 * language, and the user may choose another one, so the same `_locales` files are read directly
 * and expanded the way Chrome does ($NAME$ placeholders → $1…$9 substitutions).
 */
export async function loadTranslator(locale: Locale): Promise<Translate> {
  const response = await fetch(browser.runtime.getURL(`_locales/${locale}/messages.json`));
  const messages = (await response.json()) as MessagesFile;
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return key;
    let text = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (match, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? match);
    text = text.replace(/\$(\d)/g, (match, digit: string) => {
      const value = substitutions[Number(digit) - 1];
      return value === undefined ? '' : String(value);
    });
    return text.replace(/\$\$/g, '$');
  };
}
