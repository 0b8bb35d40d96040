import type { Interview, Marks, WaitState } from './types.ts';
import type { Settings } from './settings.ts';
import { effectiveTiming } from './plan-timeline.ts';

const MINUTE = 60_000;

/**
 * Where the candidate is in the wait, derived only from stored instants and `now`, so it
 * survives the worker stopping and the popup closing.
 *
 * 0–15 min: waiting; 15–30: may stop (the minimum was honoured); 30+: stop waiting, reschedule.
 * An interview whose maximum wait and thank-you moment have both passed with no mark is done.
 */
export function waitState(interview: Interview, marks: Marks, now: number, settings: Settings): WaitState {
  const t = effectiveTiming(settings.timing);
  const elapsed = Math.max(0, Math.floor((now - interview.start) / MINUTE));
  const minutesWaited = now < interview.start ? 0 : elapsed;
  const minutesLeft = Math.max(0, t.maxWait - minutesWaited);
  const result = (phase: WaitState['phase']): WaitState => ({ phase, minutesWaited, minutesLeft });

  if (marks.doneAt !== undefined) return result('done');
  if (marks.connectedAt !== undefined) return result('connected');
  if (marks.missedAt !== undefined) return result('missed');
  if (now < interview.start) return result('upcoming');
  // With no word from the user, the interview counts as over once both the wait and the
  // thank-you moment have passed; until then a silent call keeps saying "stop waiting".
  const over = Math.max(interview.end, interview.start) + t.thankYouDelay * MINUTE;
  if (now >= over && now >= interview.start + t.maxWait * MINUTE) return result('done');
  if (minutesWaited < t.minWait) return result('waiting');
  if (minutesWaited < t.maxWait) return result('may-stop');
  return result('stop-waiting');
}
