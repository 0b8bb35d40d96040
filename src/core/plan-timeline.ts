import type { Interview, Marks, Reminder, ReminderKind } from './types.ts';
import type { Settings, Timing } from './settings.ts';
import { emptyMarks } from './marks.ts';

const MINUTE = 60_000;

/** The moments of the timeline, in the order they happen. */
export const reminderKinds: readonly ReminderKind[] = ['confirm', 'get-ready', 'start', 'no-call', 'min-wait', 'max-wait', 'thank-you'];

export function isReminderKind(value: string): value is ReminderKind {
  return (reminderKinds as readonly string[]).includes(value);
}

/** Clamps the user's timings to the ranges the advice allows (DESIGN.md): confirm 60–120 min
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

/**
 * The dated reminders of the interview timeline, in order, honouring the user's marks:
 * a connected call or a missed call ends the wait milestones; "done" ends everything but the
 * thank-you, which it brings forward to the moment the user said so.
 */
export function planTimeline(interview: Interview, settings: Settings, marks: Marks = emptyMarks()): Reminder[] {
  const t = effectiveTiming(settings.timing);
  const { start, end } = interview;
  let reminders: Reminder[] = [
    { kind: 'confirm', at: start - t.confirmLead * MINUTE },
    { kind: 'get-ready', at: start - t.getReadyLead * MINUTE },
    { kind: 'start', at: start },
    { kind: 'no-call', at: start + t.noCallAfter * MINUTE },
    { kind: 'min-wait', at: start + t.minWait * MINUTE },
    { kind: 'max-wait', at: start + t.maxWait * MINUTE },
    { kind: 'thank-you', at: Math.max(end, start) + t.thankYouDelay * MINUTE },
  ];
  if (marks.connectedAt !== undefined || marks.missedAt !== undefined) {
    // Once the call happened (or was missed) everything that prepares for it or waits on it is
    // moot; only the thank-you remains.
    reminders = reminders.filter((r) => r.kind === 'thank-you');
  }
  if (marks.missedAt !== undefined && marks.connectedAt === undefined && marks.doneAt === undefined) {
    // The missed-call flow (call back, apologise) replaces the thank-you until they talk.
    reminders = reminders.filter((r) => r.kind !== 'thank-you');
  }
  if (marks.doneAt !== undefined) {
    const doneAt = marks.doneAt;
    reminders = reminders
      .filter((r) => r.kind === 'thank-you')
      .map((r) => ({ ...r, at: Math.min(r.at, doneAt) }));
  }
  // A short slot with no thank-you delay can put the thank-you before the maximum wait.
  return reminders.sort((a, b) => a.at - b.at);
}
