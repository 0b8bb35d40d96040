/**
 * What each user action does to the stored state, as pure functions: the service worker's
 * message handlers (src/background/actions.ts) run one of these inside a reconcile and write
 * what it returns. Each takes the latest state (and `now` when time matters) and returns the
 * next one, or throws a UserError: a `_locales` key the UI shows.
 */
import { isLocale, type Interview, type Locale } from './types.ts';
import type { StoredState } from './stored-state.ts';
import type { Settings } from './settings.ts';
import type { ManualEntry } from './manual-interview.ts';
import type { MarkAction, NewTime } from './marks.ts';
import type { Slot } from './propose-slots.ts';
import { allInterviews } from './stored-state.ts';
import { applyMark, emptyMarks } from './marks.ts';
import { effectiveInterview } from './outcome.ts';
import { proposeSlots } from './propose-slots.ts';
import { stopDemo } from './source-switch.ts';
import { UserError, type MessageKey } from './message-key.ts';
import { rulesChanged } from './rules-changed.ts';
import { MINUTE } from './units.ts';

/**
 * The error (a `_locales` key) the worker answers when the interview a button acted on is no
 * longer stored: the popup had not yet shown its replacement. The popup tells the user.
 */
export const INTERVIEW_GONE = 'errorInterviewGone' satisfies MessageKey;

/** The interview with this id, whatever its source, or the INTERVIEW_GONE error. */
export function findInterview(state: StoredState, interviewId: string): Interview {
  const interview = allInterviews(state)[interviewId];
  if (interview === undefined) throw new UserError(INTERVIEW_GONE);
  return interview;
}

/** Free times for a new call: busy time from the calendar, every other interview, the user's working hours. */
export function slotsFor(state: StoredState, interview: Interview, now: number, timeZone: string): Slot[] {
  // Every known interview is busy time too, whatever its source (typed-in ones included), at
  // its current time when it was moved.
  const interviews = Object.values(allInterviews(state))
    .filter((other) => other.id !== interview.id)
    .map((other) => effectiveInterview(other, state.marks[other.id] ?? emptyMarks()))
    .map(({ start, end }) => ({ start, end }));
  return proposeSlots([...Object.values(state.busy), ...interviews], now, {
    durationMinutes: Math.max(15, Math.round((interview.end - interview.start) / MINUTE)),
    bufferMinutes: state.settings.slotBuffer,
    count: 3,
    workingHours: state.settings.workingHours,
    timeZone,
    // The event's zone, taken as the interviewer's (as the drafts do): no 4 AM proposals.
    interviewerTimeZone: interview.timeZone,
  });
}

/** The new times the user left in the picker, as far as they are times at all (five at most). */
export function validSlots(chosen: Slot[] | undefined): Slot[] | undefined {
  if (!Array.isArray(chosen)) return undefined;
  return chosen.filter((slot) => Number.isFinite(slot.start) && Number.isFinite(slot.end) && slot.end > slot.start).slice(0, 5);
}

/**
 * Records what the user said about an interview. A mark that no longer fits the interview's
 * phase (a stale button) is refused with a message; a snooze no longer possible (the next
 * moment is under a minute away) just dismisses.
 */
export function markInterview(state: StoredState, interviewId: string, action: MarkAction, now: number, newTime?: NewTime): StoredState {
  const interview = findInterview(state, interviewId);
  const marks = applyMark(interview, state.marks[interviewId] ?? emptyMarks(), action, now, state.settings, newTime);
  if (marks === undefined && action === 'snooze') return state;
  if (marks === undefined) throw new UserError(action === 'moved' ? 'errorNewTime' : 'errorMarkStale');
  const notified = { ...state.notified };
  // The moment's notification asked a question the user has now answered (or postponed): it
  // no longer counts as shown, and the reconcile shows whatever moment now fits, or clears it.
  if (action !== 'called') delete notified[interviewId];
  return { ...state, marks: { ...state.marks, [interviewId]: marks }, notified };
}

/** Remembers the first new time proposed in a draft, so "They moved it" can start from it. */
export function rememberProposed(state: StoredState, interviewId: string, slot: Slot): StoredState {
  if (allInterviews(state)[interviewId] === undefined) return state;
  const current = state.marks[interviewId] ?? emptyMarks();
  return { ...state, marks: { ...state.marks, [interviewId]: { ...current, proposed: { start: slot.start, end: slot.end } } } };
}

/** The language of this interview's drafts; anything but a known language goes back to the detected one. */
export function chooseInterviewLanguage(state: StoredState, interviewId: string, language: Locale | undefined): StoredState {
  findInterview(state, interviewId);
  const marks = state.marks[interviewId] ?? emptyMarks();
  const chosen = isLocale(language) ? language : undefined;
  return { ...state, marks: { ...state.marks, [interviewId]: { ...marks, language: chosen } } };
}

/** Ticks or unticks one item of the get-ready checklist (keys capped at 40 characters, 20 items). */
export function tickChecklist(state: StoredState, interviewId: string, item: string, checked: boolean): StoredState {
  findInterview(state, interviewId);
  const marks = state.marks[interviewId] ?? emptyMarks();
  const list = new Set(marks.checklist ?? []);
  const key = String(item).slice(0, 40);
  if (checked) list.add(key);
  else list.delete(key);
  return { ...state, marks: { ...state.marks, [interviewId]: { ...marks, checklist: [...list].slice(0, 20) } } };
}

/**
 * Adds or replaces a typed-in interview (already validated). A new time starts the wait
 * afresh, remembered as moved: the reconcile aligns the marks with the new start
 * (core/outcome.ts alignMarks), as for a calendar event that moves. The first interview of
 * the user's own ends the demo: from now on only real ones notify.
 */
export function saveManual(state: StoredState, entry: ManualEntry): StoredState {
  const isNew = state.manual[entry.id] === undefined;
  return { ...(isNew ? stopDemo(state) : state), manual: { ...state.manual, [entry.id]: entry } };
}

/** A typed-in interview removed, with what the user marked on it (kept for undo). */
export function removeManual(state: StoredState, entryId: string, now: number): StoredState {
  const entry = state.manual[entryId];
  const interview = entry === undefined ? undefined : allInterviews(state)[`manual:${entryId}`];
  const manual = { ...state.manual };
  delete manual[entryId];
  const marks = { ...state.marks };
  delete marks[`manual:${entryId}`];
  const removed = interview && entry ? { interview, manual: entry, at: now, ...(state.marks[interview.id] ? { marks: state.marks[interview.id] } : {}) } : state.removed;
  return { ...state, manual, marks, removed };
}

/** Puts back the last interview removed, with its marks; a calendar one loses its override. */
export function restoreRemoved(state: StoredState): StoredState {
  const removed = state.removed;
  if (removed === undefined) return state;
  const { interview } = removed;
  const marks = removed.marks ? { ...state.marks, [interview.id]: removed.marks } : state.marks;
  if (removed.manual) return { ...state, manual: { ...state.manual, [removed.manual.id]: removed.manual }, marks, removed: undefined };
  // Only what belongs to the current source comes back (the demo's interview after a switch would not).
  const overrides = { ...state.settings.rules.overrides };
  delete overrides[interview.eventId];
  const settings = { ...state.settings, rules: { ...state.settings.rules, overrides } };
  const sameSource = interview.source === state.source.kind;
  return { ...state, settings, marks, interviews: sameSource ? { ...state.interviews, [interview.id]: interview } : state.interviews, removed: undefined };
}

/** The user let the removal stand: the undo offer goes. */
export function forgetRemoved(state: StoredState): StoredState {
  return { ...state, removed: undefined };
}

/**
 * "Not an interview": gone at once, not at the next sync; the override keeps later syncs from
 * bringing it back. A typed-in one is simply removed. Either can be undone.
 */
export function notAnInterview(state: StoredState, interviewId: string, now: number): StoredState {
  const interview = allInterviews(state)[interviewId];
  if (interview === undefined) return state;
  if (interview.source === 'manual') return removeManual(state, interview.eventId, now);
  const overrides = { ...state.settings.rules.overrides, [interview.eventId]: 'not-interview' as const };
  const interviews = { ...state.interviews };
  delete interviews[interviewId];
  const marks = state.marks[interviewId];
  const removed = { interview, at: now, ...(marks ? { marks } : {}) };
  // Named as the user saw it, for the options page's list of choices; only names of choices
  // still in force are kept.
  const overrideNames = Object.fromEntries(Object.entries(state.overrideNames ?? {}).filter(([eventId]) => eventId in overrides));
  overrideNames[interview.eventId] = { title: interview.title, start: effectiveInterview(interview, marks ?? emptyMarks()).start };
  return { ...state, interviews, removed, overrideNames, settings: { ...state.settings, rules: { ...state.settings.rules, overrides } } };
}

/**
 * New settings (already normalised and validated). Different rules can make different events
 * interviews: Google drops its sync tokens (a full sync next) but keeps what each calendar
 * held, so the full sync can remove events the new rules no longer call interviews; iCal
 * forgets its validators (no 304 next time).
 */
export function saveSettings(state: StoredState, settings: Settings): StoredState {
  const changed = rulesChanged(state.settings.rules, settings.rules);
  return {
    ...state,
    settings,
    googleCursor: changed ? { ...state.googleCursor, syncTokens: {}, fullSyncAt: {} } : state.googleCursor,
    icalCursor: changed ? {} : state.icalCursor,
  };
}
