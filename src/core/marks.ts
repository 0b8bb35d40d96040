import type { Marks } from './types.ts';

export function emptyMarks(): Marks {
  return { callAttempts: [] };
}

/** What the user can say about an interview at any time (DESIGN.md). */
export type MarkAction = 'connected' | 'missed' | 'done' | 'called' | 'rescheduled' | 'undo-rescheduled' | 'undo-missed' | 'snooze' | 'reset';

/** How long "remind me later" waits. */
export const SNOOZE_MINUTES = 10;

/** Applies one user action to the marks. Pure: returns a new object. */
export function applyMark(marks: Marks, action: MarkAction, now: number): Marks {
  switch (action) {
    case 'connected':
      return { ...marks, connectedAt: marks.connectedAt ?? now, missedAt: undefined };
    case 'missed':
      return { ...marks, missedAt: marks.missedAt ?? now, connectedAt: undefined };
    case 'done':
      return { ...marks, doneAt: marks.doneAt ?? now };
    case 'called':
      return { ...marks, callAttempts: [...marks.callAttempts, now] };
    case 'rescheduled':
      return { ...marks, rescheduled: true };
    case 'undo-rescheduled':
      return { ...marks, rescheduled: undefined };
    case 'undo-missed':
      return { ...marks, missedAt: undefined };
    case 'snooze':
      return { ...marks, snoozedUntil: now + SNOOZE_MINUTES * 60_000 };
    case 'reset':
      // The wait starts over; the language chosen for this interview's emails stays.
      return marks.language === undefined ? emptyMarks() : { ...emptyMarks(), language: marks.language };
  }
}
