import type { Interview, Marks, WaitPhase } from './types.ts';
import type { Settings } from './settings.ts';
import { emptyMarks, nextReminder, outcomeQuestionAt, waitState, waitingPhases } from './outcome.ts';
import { HOUR } from './units.ts';

export interface Badge {
  text: string;
  phase?: WaitPhase;
  /** The interview the badge speaks of (for the toolbar tooltip). */
  interviewId?: string;
  minutesWaited?: number;
}

/**
 * The toolbar badge speaks of the interview nearest its next step: among running waits, the one
 * whose next moment comes first (its minutes waited); else an interview asking "Did the call
 * happen?" (for 12 hours) shows "?". Else empty.
 */
export function badgeFor(
  interviews: readonly Interview[],
  marks: Readonly<Record<string, Marks>>,
  now: number,
  settings: Settings,
): Badge {
  let best: { next: number; badge: Badge } | undefined;
  let question: Badge | undefined;
  for (const interview of interviews) {
    const m = marks[interview.id] ?? emptyMarks();
    const state = waitState(interview, m, now, settings);
    if (state.phase === 'needs-outcome' && now - outcomeQuestionAt(interview, m, settings) < 12 * HOUR) {
      question ??= { text: '?', phase: state.phase, interviewId: interview.id };
    }
    if (!waitingPhases.has(state.phase)) continue;
    const next = nextReminder(interview, m, now, settings)?.at ?? Number.POSITIVE_INFINITY;
    if (best === undefined || next < best.next) {
      best = { next, badge: { text: `${Math.min(state.minutesWaited, 999)}m`, phase: state.phase, interviewId: interview.id, minutesWaited: state.minutesWaited } };
    }
  }
  return best?.badge ?? question ?? { text: '' };
}
