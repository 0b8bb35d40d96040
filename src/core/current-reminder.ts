import type { Interview, Marks, Reminder } from './types.ts';
import type { Settings } from './settings.ts';
import { isReminderKind, planTimeline } from './plan-timeline.ts';

const HOUR = 3_600_000;
/** A thank-you reminder is still worth showing this long after it was due. */
const THANK_YOU_VALIDITY = 12 * HOUR;

/**
 * The one reminder that fits the moment the interview is in now, or none.
 *
 * An alarm can fire late (the laptop slept through three of them). Instead of replaying every
 * missed reminder, the moment collapses to the latest one that is due: a stale "confirm" never
 * fires after the interview started, and never several at once.
 */
export function currentReminder(interview: Interview, marks: Marks, now: number, settings: Settings): Reminder | undefined {
  const due = planTimeline(interview, settings, marks).filter((r) => r.at <= now);
  const latest = due.at(-1);
  if (latest === undefined) return undefined;
  if (latest.kind === 'thank-you' && now - latest.at > THANK_YOU_VALIDITY) return undefined;
  return latest;
}

/** Stable key of a reminder occurrence, so one is never notified twice. */
export function reminderKey(reminder: Reminder): string {
  return `${reminder.kind}@${reminder.at}`;
}

/** Reads back a key written by `reminderKey`. */
export function parseReminderKey(key: string | undefined): Reminder | undefined {
  const match = key === undefined ? null : /^([a-z-]+)@(\d+)$/.exec(key);
  if (!match) return undefined;
  const kind = match[1] ?? '';
  return isReminderKind(kind) ? { kind, at: Number(match[2]) } : undefined;
}
