import { isLocale, type Interview, type TemplateKind } from '../core/types.ts';
import type { StoredState } from '../core/stored-state.ts';
import type { Slot } from '../core/propose-slots.ts';
import { allInterviews, normalizeSettings } from '../core/stored-state.ts';
import { proposeSlots } from '../core/propose-slots.ts';
import { manualToInterview, validateManualEntry } from '../core/manual-interview.ts';
import { validateSettings } from '../core/validate-settings.ts';
import type { MarkAction, NewTime } from '../core/marks.ts';
import type { Handlers } from '../platform/messages.ts';
import { INTERVIEW_GONE } from '../platform/messages.ts';
import { applyMark, emptyMarks } from '../core/marks.ts';
import { effectiveInterview } from '../core/outcome.ts';
import type { DraftEnvironment } from '../core/build-draft.ts';
import { buildDraft } from '../core/build-draft.ts';
import { loadDefaultTemplates } from '../platform/default-templates.ts';
import { interviewLocale } from '../core/resolve-locale.ts';
import { composeUrl } from '../core/compose-url.ts';
import { notificationId } from '../core/notification-plan.ts';
import { readState } from '../platform/storage.ts';
import { uiLanguage } from '../platform/i18n.ts';
import { extensionUrl, openTab } from '../platform/tabs.ts';
import { clearNotification } from '../platform/notifications.ts';
import { reconcileNow } from './reconcile-now.ts';
import { forgetGoogleTokens } from '../platform/identity.ts';
import { chooseCalendars, googleCalendars, nameCalendars, restartDemo, retryWatchedCalendar, stopDemo, syncNow, unwatchCalendar, useDemo, useGoogle, useIcal } from './sync-source.ts';
import { normalizeIcalUrl } from '../calendar/ical-fetch.ts';
import { hasOrigin } from '../platform/permissions.ts';
import { UserError } from '../core/message-key.ts';
import { rulesChanged } from '../core/rules-changed.ts';


function findInterview(state: StoredState, interviewId: string): Interview {
  const interview = allInterviews(state)[interviewId];
  if (interview === undefined) throw new UserError(INTERVIEW_GONE);
  return interview;
}

/** Free times for a new call: busy time from the calendar, every other interview, the user's working hours. */
function slotsFor(state: StoredState, interview: Interview, now: number): Slot[] {
  // Every known interview is busy time too, whatever its source (typed-in ones included), at
  // its current time when it was moved.
  const interviews = Object.values(allInterviews(state))
    .filter((other) => other.id !== interview.id)
    .map((other) => effectiveInterview(other, state.marks[other.id] ?? emptyMarks()))
    .map(({ start, end }) => ({ start, end }));
  return proposeSlots([...Object.values(state.busy), ...interviews], now, {
    durationMinutes: Math.max(15, Math.round((interview.end - interview.start) / 60_000)),
    bufferMinutes: state.settings.slotBuffer,
    count: 3,
    workingHours: state.settings.workingHours,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
}

/** Records what the user said about an interview, then reconciles reminders and badge. A mark
 * that no longer fits the interview's phase (a stale button) is refused with a message. */
export async function markInterview(interviewId: string, action: MarkAction, newTime?: NewTime): Promise<void> {
  await reconcileNow('message', (state, now) => {
    const interview = findInterview(state, interviewId);
    const marks = applyMark(interview, state.marks[interviewId] ?? emptyMarks(), action, now, state.settings, newTime);
    // A snooze no longer possible (the next moment is under a minute away) just dismisses.
    if (marks === undefined && action === 'snooze') return state;
    if (marks === undefined) throw new UserError(action === 'moved' ? 'errorNewTime' : 'errorMarkStale');
    const notified = { ...state.notified };
    // The moment's notification asked a question the user has now answered (or postponed): it
    // no longer counts as shown, and the reconcile shows whatever moment now fits, or clears it.
    if (action !== 'called') delete notified[interviewId];
    return { ...state, marks: { ...state.marks, [interviewId]: marks }, notified };
  });
  // Answered or postponed: the notification goes (the reconcile re-raised one if a moment is due).
  if (action === 'snooze') await clearNotification(notificationId(interviewId));
}

/** A typed-in interview removed, with what the user marked on it (kept for undo). */
function withoutManual(state: StoredState, entryId: string, now: number): StoredState {
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
function restoreRemoved(state: StoredState): StoredState {
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

const slotKinds: ReadonlySet<TemplateKind> = new Set(['reschedule', 'apology']);

async function draftEnvironment(state: StoredState, interview: Interview, now: number, slots?: Slot[]): Promise<DraftEnvironment> {
  return {
    now,
    locale: interviewLocale(interview, state.marks[interview.id], state.settings.language, uiLanguage()),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    slots,
    defaults: await loadDefaultTemplates(),
  };
}

/**
 * Builds the draft at this moment (minutes left are computed now) and opens it in a tab.
 * Reschedule and apology drafts propose new times: the user's from the picker, else free
 * slots computed now (a notification button has no picker).
 */
export async function openDraft(interviewId: string, kind: TemplateKind, chosenSlots?: Slot[]): Promise<string> {
  const now = Date.now();
  const { state } = await readState(now);
  const interview = findInterview(state, interviewId);
  const validSlots = Array.isArray(chosenSlots)
    ? chosenSlots.filter((slot) => Number.isFinite(slot.start) && Number.isFinite(slot.end) && slot.end > slot.start).slice(0, 5)
    : undefined;
  const slots = slotKinds.has(kind) ? validSlots ?? slotsFor(state, interview, now) : undefined;
  const draft = buildDraft(kind, interview, state.marks[interviewId] ?? emptyMarks(), state.settings, await draftEnvironment(state, interview, now, slots));
  const url = composeUrl(state.settings.mailProvider, draft);
  await openTab(url);
  const first = validSlots?.[0];
  if (first !== undefined && slotKinds.has(kind)) {
    // Remembered so that "They moved it" can start from the time the user proposed.
    await reconcileNow('message', (latest) => {
      if (allInterviews(latest)[interviewId] === undefined) return latest;
      const current = latest.marks[interviewId] ?? emptyMarks();
      return { ...latest, marks: { ...latest.marks, [interviewId]: { ...current, proposed: { start: first.start, end: first.end } } } };
    });
  }
  return url;
}

/** Opens the popup page in a tab, on one interview's card when given. */
export async function openPopupPage(interviewId?: string): Promise<void> {
  await openTab(extensionUrl(interviewId === undefined ? 'popup.html' : `popup.html?interview=${encodeURIComponent(interviewId)}`));
}

export const messageHandlers: Handlers = {
  mark: async ({ interviewId, action, newTime }) => {
    await markInterview(interviewId, action, newTime);
    return { ok: true };
  },
  'open-draft': async ({ interviewId, kind, slots }) => ({ url: await openDraft(interviewId, kind, slots) }),
  // Rendered here rather than in the popup: the templates stay out of the popup's bundle.
  voicemail: async ({ interviewId }) => {
    const now = Date.now();
    const { state } = await readState(now);
    const interview = findInterview(state, interviewId);
    return { text: buildDraft('voicemail', interview, state.marks[interviewId] ?? emptyMarks(), state.settings, await draftEnvironment(state, interview, now)).body };
  },
  'proposed-slots': async ({ interviewId }) => {
    const now = Date.now();
    const { state } = await readState(now);
    return { slots: slotsFor(state, findInterview(state, interviewId), now) };
  },
  'interview-language': async ({ interviewId, language }) => {
    await reconcileNow('message', (state) => {
      findInterview(state, interviewId);
      const marks = state.marks[interviewId] ?? emptyMarks();
      const chosen = isLocale(language) ? language : undefined;
      return { ...state, marks: { ...state.marks, [interviewId]: { ...marks, language: chosen } } };
    });
    return { ok: true };
  },
  checklist: async ({ interviewId, item, checked }) => {
    await reconcileNow('message', (state) => {
      findInterview(state, interviewId);
      const marks = state.marks[interviewId] ?? emptyMarks();
      const list = new Set(marks.checklist ?? []);
      const key = String(item).slice(0, 40);
      if (checked) list.add(key);
      else list.delete(key);
      return { ...state, marks: { ...state.marks, [interviewId]: { ...marks, checklist: [...list].slice(0, 20) } } };
    });
    return { ok: true };
  },
  'save-manual': async ({ entry }) => {
    const now = Date.now();
    const problems = Object.keys(validateManualEntry(entry, now));
    const interview = manualToInterview(entry);
    if (problems.length > 0 || !interview || !/^[\w-]{1,64}$/.test(entry.id)) throw new UserError('errorInvalidRequest');
    await reconcileNow('message', (state) => {
      // A new time starts the wait afresh, remembered as moved: the reconcile aligns the marks
      // with the new start (core/outcome.ts alignMarks), as for a calendar event that moves.
      // The first interview of the user's own ends the demo: from now on only real ones notify.
      const isNew = state.manual[entry.id] === undefined;
      return { ...(isNew ? stopDemo(state) : state), manual: { ...state.manual, [entry.id]: entry } };
    });
    return { interviewId: interview.id };
  },
  'delete-manual': async ({ entryId }) => {
    await reconcileNow('message', (state, now) => withoutManual(state, entryId, now));
    return { ok: true };
  },
  'undo-remove': async () => {
    await reconcileNow('message', restoreRemoved);
    return { ok: true };
  },
  'forget-removed': async () => {
    await reconcileNow('message', (state) => ({ ...state, removed: undefined }));
    return { ok: true };
  },
  'save-settings': async ({ settings }) => {
    const normalized = normalizeSettings(settings);
    const problems = Object.keys(validateSettings(normalized));
    if (problems.length > 0) throw new UserError('errorInvalidRequest');
    await reconcileNow('message', (state) => {
      // Different rules can make different events interviews: the next Google sync starts over.
      const changed = rulesChanged(state.settings.rules, normalized.rules);
      // Google: drop the tokens (full sync next) but keep what each calendar held, so the full
      // sync can remove events the new rules no longer call interviews. iCal: no 304 next time.
      return {
        ...state,
        settings: normalized,
        googleCursor: changed ? { ...state.googleCursor, syncTokens: {}, fullSyncAt: {} } : state.googleCursor,
        icalCursor: changed ? {} : state.icalCursor,
      };
    });
    return { ok: true };
  },
  'not-interview': async ({ interviewId }) => {
    await reconcileNow('message', (state, now) => {
      const interview = allInterviews(state)[interviewId];
      if (interview === undefined) return state;
      if (interview.source === 'manual') return withoutManual(state, interview.eventId, now);
      const overrides = { ...state.settings.rules.overrides, [interview.eventId]: 'not-interview' as const };
      // Gone at once, not at the next sync; the override keeps later syncs from bringing it back.
      const interviews = { ...state.interviews };
      delete interviews[interviewId];
      const marks = state.marks[interviewId];
      const removed = { interview, at: now, ...(marks ? { marks } : {}) };
      return { ...state, interviews, removed, settings: { ...state.settings, rules: { ...state.settings.rules, overrides } } };
    });
    return { ok: true };
  },
  refresh: async () => {
    // A sync that ran has reconciled already; otherwise reconcile now (the popup just opened).
    if (!(await syncNow('open'))) await reconcileNow('message');
    return { ok: true };
  },
  'connect-google': async () => {
    const calendars = await googleCalendars(true);
    await reconcileNow('message', (state) => useGoogle(state, calendars));
    await syncNow('user');
    return { calendars };
  },
  disconnect: async () => {
    await forgetGoogleTokens();
    await reconcileNow('message', useDemo);
    return { ok: true };
  },
  'list-calendars': async () => {
    const { state } = await readState(Date.now());
    if (state.source.kind !== 'google') return { calendars: [], selected: [] };
    const calendars = await googleCalendars(false, state.source.selfEmail);
    // The names the user sees are kept, so that a calendar in trouble later is named as they know it.
    if (nameCalendars(state, calendars) !== state) await reconcileNow('message', (latest) => nameCalendars(latest, calendars));
    return { calendars, selected: state.source.calendarIds };
  },
  'retry-calendar': async ({ calendarId }) => {
    await reconcileNow('message', (state) => retryWatchedCalendar(state, String(calendarId)));
    await syncNow('user');
    return { ok: true };
  },
  'unwatch-calendar': async ({ calendarId }) => {
    await reconcileNow('message', (state) => unwatchCalendar(state, String(calendarId)));
    return { ok: true };
  },
  'choose-calendars': async ({ calendarIds, names }) => {
    const listed = Object.entries(names !== null && typeof names === 'object' ? names : {})
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([id, summary]) => ({ id, summary }));
    await reconcileNow('message', (state) => nameCalendars(chooseCalendars(state, Array.isArray(calendarIds) ? calendarIds : []), listed));
    await syncNow('user');
    return { ok: true };
  },
  'connect-ical': async ({ url }) => {
    const normalized = typeof url === 'string' ? normalizeIcalUrl(url) : undefined;
    if (normalized === undefined) throw new UserError('icalErrorAddress');
    if (!(await hasOrigin(normalized))) throw new UserError('icalErrorPermission');
    await reconcileNow('message', (state) => useIcal(state, normalized));
    await syncNow('user');
    return { ok: true };
  },
  'sync-now': async () => {
    await syncNow('user');
    return { ok: true };
  },
  'restart-demo': async () => {
    await reconcileNow('message', restartDemo);
    return { ok: true };
  },
  'stop-demo': async () => {
    await reconcileNow('message', stopDemo);
    return { ok: true };
  },
};
