import type { Interview, Marks, WaitPhase } from './types.ts';
import type { Settings } from './settings.ts';
import { waitState } from './wait-state.ts';
import { emptyMarks } from './marks.ts';

export interface Badge {
  text: string;
  phase?: WaitPhase;
}

/** The toolbar badge: minutes waited while a wait runs (the longest-running one), else empty. */
export function badgeFor(
  interviews: readonly Interview[],
  marks: Readonly<Record<string, Marks>>,
  now: number,
  settings: Settings,
): Badge {
  let best: { minutes: number; phase: WaitPhase } | undefined;
  for (const interview of interviews) {
    const state = waitState(interview, marks[interview.id] ?? emptyMarks(), now, settings);
    if (state.phase !== 'waiting' && state.phase !== 'may-stop' && state.phase !== 'stop-waiting') continue;
    if (best === undefined || state.minutesWaited > best.minutes) best = { minutes: state.minutesWaited, phase: state.phase };
  }
  if (best === undefined) return { text: '' };
  return { text: `${Math.min(best.minutes, 999)}m`, phase: best.phase };
}
