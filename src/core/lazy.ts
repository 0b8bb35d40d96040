/**
 * A value made the first time it is asked for, then kept. For the regular expressions with
 * Unicode property classes (`\p{L}`): building one costs a fraction of a millisecond, and the
 * service worker evaluates every module of its bundle on each wake-up, when most of them are
 * not used (`npm run bench`, "our worker starting").
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
