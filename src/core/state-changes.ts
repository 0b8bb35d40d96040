import type { LoadResult, StoredState } from './stored-state.ts';
import { isRecord } from './is-record.ts';

/**
 * Whether two values read from or written to storage are the same JSON: plain objects, arrays,
 * strings, numbers, booleans, null. A key whose value is `undefined` counts as absent (storage
 * keeps no undefined). Objects a reconcile did not touch are the same reference, so most
 * comparisons end at the first line.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
    const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
  }
  return false;
}

/**
 * The part of `after` that differs from `before`, key by key of the stored state: what a
 * reconcile must write, and nothing else. A key that is gone (an optional one set to
 * undefined) is listed with the value `undefined`, so the writer removes it. Empty when
 * nothing changed: then nothing is written.
 */
export function stateChanges<State extends Partial<StoredState>>(before: State, after: State): Partial<State> {
  const changes: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof State>;
  for (const key of keys) {
    if (!sameValue(before[key], after[key])) changes[key as string] = after[key];
  }
  return changes as Partial<State>;
}

/**
 * What a reconcile writes back, given what it loaded and the state it ends with: nothing
 * (undefined) when nothing changed; the changed keys otherwise; everything when loading had to
 * migrate or repair (storage does not hold `loaded.state`), with what was set aside, so the
 * user sees it until they dismiss it.
 */
export function whatToWrite<State extends Partial<StoredState>>(loaded: LoadResult<State>, next: State): (Partial<State> & { storageProblems?: string[] }) | undefined {
  const changes = loaded.changed ? next : stateChanges(loaded.state, next);
  const problems = loaded.problems.length > 0 ? { storageProblems: loaded.problems } : {};
  return Object.keys(changes).length > 0 || loaded.problems.length > 0 ? { ...changes, ...problems } : undefined;
}
