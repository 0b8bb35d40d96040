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

/**
 * `make` remembered per object: asked again for the same object, it answers from memory
 * (undefined answers too). Kept only while the object lives. For pure reads of values nothing
 * changes, which a sync asks for thousands of times (an iCal feed's series that share one
 * RRULE line).
 */
export function perObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    const known = made.get(key);
    if (known !== undefined || made.has(key)) return known as V;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
