import { reminderKinds, type ReminderKind } from './types.ts';
import type { Timing } from './settings.ts';

export { reminderKinds };

export function isReminderKind(value: string): value is ReminderKind {
  return (reminderKinds as readonly string[]).includes(value);
}

/** Clamps the user's timings to the ranges the advice allows (README, "Notifications at the right moments"): confirm 60–120 min
 * ahead, wait at least 15 and at most 30 minutes. Settings read back from storage may hold
 * anything, so every consumer goes through this. */
export function effectiveTiming(timing: Timing): Timing {
  const clamp = (value: number, min: number, max: number, fallback: number) =>
    Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
  const minWait = clamp(timing.minWait, 15, 30, 15);
  return {
    confirmLead: clamp(timing.confirmLead, 60, 120, 120),
    getReadyLead: clamp(timing.getReadyLead, 1, 59, 10),
    noCallAfter: clamp(timing.noCallAfter, 1, minWait - 1, 5),
    minWait,
    maxWait: clamp(timing.maxWait, minWait, 30, 30),
    thankYouDelay: clamp(timing.thankYouDelay, 0, 24 * 60, 30),
  };
}
