import type { DetectionRules } from './types.ts';

/**
 * Whether two JSON-like values hold the same data: arrays item by item in order, objects by
 * their keys in any order (a record rebuilt with the same entries is the same record), a
 * property holding `undefined` as if absent (JSON drops it too).
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  }
  const entries = (value: object) => Object.entries(value).filter(([, v]) => v !== undefined);
  const left = entries(a);
  const right = new Map(entries(b));
  return left.length === right.size && left.every(([key, value]) => right.has(key) && sameData(value, right.get(key)));
}

/**
 * "Did the rules change?": different rules can make different events interviews, so what a
 * calendar answered under the old ones is read again (saving settings drops the sync cursors;
 * a sync that ran meanwhile is discarded). The one definition of that question.
 */
export function rulesChanged(before: DetectionRules, after: DetectionRules): boolean {
  return !sameData(before, after);
}
