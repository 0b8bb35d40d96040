import type { Interview, Marks } from './types.ts';
import type { Settings } from './settings.ts';
import { effectiveInterview, emptyMarks, isLive } from './outcome.ts';
import { DAY } from './units.ts';

export interface PickedInterviews {
  /** Every interview that needs the user now (a wait, an open outcome, a call under way): one card each. */
  live: Interview[];
  /** The first live interview, or else the next one. */
  current?: Interview;
  /** Later interviews, soonest first. */
  upcoming: Interview[];
  /** Interviews of the last week that need nothing now, newest first. */
  recent: Interview[];
}

/** Decides what the popup shows, from stored interviews and marks at `now` (moved ones at their new time). */
export function pickInterviews(
  interviews: readonly Interview[],
  marks: Readonly<Record<string, Marks>>,
  now: number,
  settings: Settings,
): PickedInterviews {
  const current = (i: Interview) => effectiveInterview(i, marks[i.id] ?? emptyMarks());
  const sorted = [...interviews].sort((a, b) => current(a).start - current(b).start || a.id.localeCompare(b.id));
  const live = sorted.filter((i) => current(i).start <= now && isLive(i, marks[i.id] ?? emptyMarks(), now, settings));
  const future = sorted.filter((i) => current(i).start > now);
  const first = live[0] ?? future[0];
  return {
    live,
    current: first,
    upcoming: future.filter((i) => i !== first),
    recent: sorted
      .filter((i) => !live.includes(i) && i !== first && current(i).start <= now && now - current(i).end < 7 * DAY)
      .reverse()
      .slice(0, 5),
  };
}
