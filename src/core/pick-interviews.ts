import type { Interview, Marks } from './types.ts';
import type { Settings } from './settings.ts';
import { waitState } from './wait-state.ts';
import { emptyMarks } from './marks.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface PickedInterviews {
  /** The interview happening now, or else the next one. */
  current?: Interview;
  /** Later interviews, soonest first. */
  upcoming: Interview[];
  /** Interviews of the last week, newest first (for the thank-you and the missed-call flow). */
  recent: Interview[];
}

/** Decides what the popup shows, from stored interviews and marks at `now`. */
export function pickInterviews(
  interviews: readonly Interview[],
  marks: Readonly<Record<string, Marks>>,
  now: number,
  settings: Settings,
): PickedInterviews {
  const sorted = [...interviews].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  const isActive = (interview: Interview): boolean => {
    const m = marks[interview.id] ?? emptyMarks();
    const { phase } = waitState(interview, m, now, settings);
    switch (phase) {
      case 'waiting':
      case 'may-stop':
      case 'stop-waiting':
        return true;
      case 'missed':
        return now - interview.start < DAY;
      case 'connected':
        // While the call runs; afterwards it moves to "recent", with its thank-you.
        return now < interview.end;
      default:
        return false;
    }
  };
  const active = sorted.filter((i) => i.start <= now && isActive(i)).at(-1);
  const future = sorted.filter((i) => i.start > now);
  const current = active ?? future[0];
  return {
    current,
    upcoming: future.filter((i) => i !== current),
    recent: sorted
      .filter((i) => i !== current && i.start <= now && now - i.end < 7 * DAY)
      .reverse()
      .slice(0, 5),
  };
}
