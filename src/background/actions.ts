/**
 * The service worker's answer to each message from the popup and the options page
 * (platform/messages.ts lists them). A handler reads, calls core, writes through the
 * reconcile and applies browser calls; what an action does to the stored state is decided in
 * core/interview-changes.ts and core/source-switch.ts (calendar/demo-source.ts for the demo).
 */
import type { Interview, TemplateKind } from '../core/types.ts';
import type { StoredState } from '../core/stored-state.ts';
import type { Slot } from '../core/propose-slots.ts';
import type { MarkAction, NewTime } from '../core/marks.ts';
import type { DraftEnvironment } from '../core/build-draft.ts';
import { normalizeSettings } from '../core/stored-state.ts';
import { manualToInterview, validateManualEntry } from '../core/manual-interview.ts';
import { validateSettings } from '../core/validate-settings.ts';
import { emptyMarks } from '../core/marks.ts';
import { interviewLocale } from '../core/resolve-locale.ts';
import { composeUrl } from '../core/compose-url.ts';
import { notificationId } from '../core/notification-plan.ts';
import * as change from '../core/interview-changes.ts';
import { UserError } from '../core/message-key.ts';
import { chooseCalendars, connectGoogleSource, connectIcalSource, nameCalendars, retryWatchedCalendar, stopDemo, unwatchCalendar } from '../core/source-switch.ts';
import { restartDemo, switchToDemo } from '../calendar/demo-source.ts';
import { normalizeIcalUrl } from '../core/ical-address.ts';
import type { Handlers } from '../platform/messages.ts';
import { loadDefaultTemplates } from '../platform/default-templates.ts';
import { readState } from '../platform/storage.ts';
import { uiLanguage } from '../platform/i18n.ts';
import { extensionUrl, openTab } from '../platform/tabs.ts';
import { clearNotification } from '../platform/notifications.ts';
import { forgetGoogleTokens } from '../platform/identity.ts';
import { hasOrigin } from '../platform/permissions.ts';
import { reconcileNow } from './reconcile-now.ts';
import { detectOnDemand, onDemand } from './on-demand-script.ts';
import { googleCalendars, syncNow } from './sync-source.ts';

/** The machine's time zone, read when it is needed (it can change while the worker runs). */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Records what the user said about an interview, then reconciles reminders and badge. */
export async function markInterview(interviewId: string, action: MarkAction, newTime?: NewTime): Promise<void> {
  await reconcileNow('message', (state, now) => change.markInterview(state, interviewId, action, now, newTime));
  // Answered or postponed: the notification goes (the reconcile re-raised one if a moment is due).
  if (action === 'snooze') await clearNotification(notificationId(interviewId));
}

const slotKinds: ReadonlySet<TemplateKind> = new Set(['reschedule', 'apology']);

async function draftEnvironment(state: StoredState, interview: Interview, now: number, slots?: Slot[]): Promise<DraftEnvironment> {
  return {
    now,
    locale: interviewLocale(interview, state.marks[interview.id], state.settings.language, uiLanguage()),
    timeZone: localTimeZone(),
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
  const interview = change.findInterview(state, interviewId);
  const chosen = change.validSlots(chosenSlots);
  const slots = slotKinds.has(kind) ? chosen ?? change.slotsFor(state, interview, now, localTimeZone()) : undefined;
  const draft = onDemand().buildDraft(kind, interview, state.marks[interviewId] ?? emptyMarks(), state.settings, await draftEnvironment(state, interview, now, slots));
  const url = composeUrl(state.settings.mailProvider, draft);
  await openTab(url);
  const first = chosen?.[0];
  if (first !== undefined && slotKinds.has(kind)) {
    // Remembered so that "They moved it" can start from the time the user proposed.
    await reconcileNow('message', (latest) => change.rememberProposed(latest, interviewId, first));
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
    const interview = change.findInterview(state, interviewId);
    return { text: onDemand().buildDraft('voicemail', interview, state.marks[interviewId] ?? emptyMarks(), state.settings, await draftEnvironment(state, interview, now)).body };
  },
  'proposed-slots': async ({ interviewId }) => {
    const now = Date.now();
    const { state } = await readState(now);
    return { slots: change.slotsFor(state, change.findInterview(state, interviewId), now, localTimeZone()) };
  },
  'interview-language': async ({ interviewId, language }) => {
    await reconcileNow('message', (state) => change.chooseInterviewLanguage(state, interviewId, language));
    return { ok: true };
  },
  checklist: async ({ interviewId, item, checked }) => {
    await reconcileNow('message', (state) => change.tickChecklist(state, interviewId, item, checked));
    return { ok: true };
  },
  'save-manual': async ({ entry }) => {
    const now = Date.now();
    const problems = Object.keys(validateManualEntry(entry, now));
    const interview = manualToInterview(entry);
    if (problems.length > 0 || !interview || !/^[\w-]{1,64}$/.test(entry.id)) throw new UserError('errorInvalidRequest');
    await reconcileNow('message', (state) => change.saveManual(state, entry));
    return { interviewId: interview.id };
  },
  'delete-manual': async ({ entryId }) => {
    await reconcileNow('message', (state, now) => change.removeManual(state, entryId, now));
    return { ok: true };
  },
  'undo-remove': async () => {
    await reconcileNow('message', change.restoreRemoved);
    return { ok: true };
  },
  'forget-removed': async () => {
    await reconcileNow('message', change.forgetRemoved);
    return { ok: true };
  },
  'save-settings': async ({ settings }) => {
    const normalized = normalizeSettings(settings);
    const problems = Object.keys(validateSettings(normalized));
    if (problems.length > 0) throw new UserError('errorInvalidRequest');
    await reconcileNow('message', (state) => change.saveSettings(state, normalized));
    return { ok: true };
  },
  'not-interview': async ({ interviewId }) => {
    await reconcileNow('message', (state, now) => change.notAnInterview(state, interviewId, now));
    return { ok: true };
  },
  refresh: async () => {
    // The popup just opened: reconcile now, then sync if the source is due (a sync that runs
    // reconciles again with its answer). With the demo, no calendar or one not due, the
    // reconciled state says so and the sync costs nothing: no lock, no second read of storage.
    await syncNow('open', await reconcileNow('message'));
    return { ok: true };
  },
  'connect-google': async () => {
    const calendars = await googleCalendars(true);
    await reconcileNow('message', (state) => connectGoogleSource(state, calendars));
    await syncNow('user');
    return { calendars };
  },
  disconnect: async () => {
    await forgetGoogleTokens();
    await reconcileNow('message', (state, now) => switchToDemo(detectOnDemand, state, now));
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
    await reconcileNow('message', (state) => connectIcalSource(state, normalized));
    await syncNow('user');
    return { ok: true };
  },
  'sync-now': async () => {
    await syncNow('user');
    return { ok: true };
  },
  'restart-demo': async () => {
    await reconcileNow('message', (state, now) => restartDemo(detectOnDemand, state, now));
    return { ok: true };
  },
  'stop-demo': async () => {
    await reconcileNow('message', stopDemo);
    return { ok: true };
  },
};
