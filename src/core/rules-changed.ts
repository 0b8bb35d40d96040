import type { DetectionRules } from './types.ts';
import { sameValue } from './state-changes.ts';

/**
 * "Did the rules change?": different rules can make different events interviews, so what a
 * calendar answered under the old ones is read again (saving settings drops the sync cursors;
 * a sync answer fetched meanwhile is discarded). The one definition of that question: compared
 * as data (keys in any order), not as JSON text.
 */
export function rulesChanged(before: DetectionRules, after: DetectionRules): boolean {
  return !sameValue(before, after);
}
