import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StoredState } from '../core/stored-state.ts';
import { interviewLastChecked } from '../core/sync-state.ts';
import { useI18n } from './i18n.ts';
import { formatRelative } from './format.ts';

/** interviewId → when a calendar last confirmed it (null: never), for interviews no calendar can confirm now. */
export type UncheckedInterviews = Record<string, number | null>;

export const UncheckedContext = createContext<UncheckedInterviews>({});

/** Which of the stored Google interviews only calendars in trouble hold. */
export function uncheckedInterviews(state: Pick<StoredState, 'source' | 'interviews' | 'googleCursor' | 'calendarHealth'>, now: number): UncheckedInterviews {
  const result: UncheckedInterviews = {};
  if (state.source.kind !== 'google') return result;
  for (const id of Object.keys(state.interviews)) {
    const at = interviewLastChecked(id, state.source.calendarIds, state.googleCursor, state.calendarHealth, now);
    if (at !== undefined) result[id] = at;
  }
  return result;
}

/**
 * "Not confirmed lately: last checked 3 hours ago" on an interview that only a calendar in
 * trouble holds: it is neither trusted silently nor dropped silently.
 */
export function UncheckedNote({ interviewId, now }: { interviewId: string; now: number }) {
  const unchecked = useContext(UncheckedContext);
  const i18n = useI18n();
  const at = unchecked[interviewId];
  if (at === undefined) return null;
  return (
    <span class="unchecked-note" data-unchecked={interviewId}>
      {at === null ? i18n.t('interviewNeverChecked') : i18n.t('interviewUnchecked', [formatRelative(i18n, at, now)])}
    </span>
  );
}
