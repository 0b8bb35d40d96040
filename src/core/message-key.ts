/**
 * The names of the user-facing messages: the keys of src/_locales/en/messages.json, read by
 * the type checker alone (a type-only import: no bundle carries the file). `t('typo')` does
 * not compile, and src/_locales/it/messages.json must have the same keys (tests/unit/locales.test.ts).
 */
import type english from '../_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** Words for the user as a message key and its substitutions ($1…$9), rendered by the UI in
 * the user's language. Errors that cross from the worker to a page travel in this form. */
export interface UserMessage {
  key: MessageKey;
  substitutions?: ReadonlyArray<string | number>;
}

/** `kebab-case` → `snake_case` as a type, for keys built from names ('please-call-me' →
 * 'please_call_me'): a key built with `snakeKey` compiles only if every name has its message. */
export type Snake<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${Snake<Tail>}` : S;

export function snakeKey<const Prefix extends string, const Name extends string>(prefix: Prefix, name: Name): `${Prefix}${Snake<Name>}` {
  return `${prefix}${name.replace(/-/g, '_')}` as `${Prefix}${Snake<Name>}`;
}

/** An error the user should read, thrown in the worker: the page receives its message key and
 * words it in the user's language. Any other error reaches the page as `errorUnexpected`. */
export class UserError extends Error {
  readonly words: UserMessage;
  constructor(key: MessageKey, substitutions?: ReadonlyArray<string | number>) {
    super(key);
    this.name = 'UserError';
    this.words = substitutions === undefined ? { key } : { key, substitutions };
  }
}
