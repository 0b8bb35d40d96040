import type { TemplateKind } from '../core/types.ts';
import type { MarkAction } from '../core/marks.ts';
import type { Handlers } from '../platform/messages.ts';
import { applyMark, emptyMarks } from '../core/marks.ts';
import { buildDraft, resolveLocale } from '../core/build-draft.ts';
import { composeUrl } from '../core/compose-url.ts';
import { notificationId } from '../core/notification-plan.ts';
import { readState } from '../platform/storage.ts';
import { uiLanguage } from '../platform/i18n.ts';
import { extensionUrl, openTab } from '../platform/tabs.ts';
import { clearNotification } from '../platform/notifications.ts';
import { reconcileNow } from './reconcile-now.ts';
import { forgetGoogleTokens } from '../platform/identity.ts';
import { chooseCalendars, googleCalendars, restartDemo, syncNow, useDemo, useGoogle } from './sync-source.ts';

/** Records what the user said about an interview, then reconciles reminders and badge. */
export async function markInterview(interviewId: string, action: MarkAction): Promise<void> {
  await reconcileNow('message', (state, now) => {
    if (state.interviews[interviewId] === undefined) throw new Error('This interview is no longer in your calendar.');
    const marks = applyMark(state.marks[interviewId] ?? emptyMarks(), action, now);
    return { ...state, marks: { ...state.marks, [interviewId]: marks } };
  });
  // The moment's notification asked a question the user has now answered.
  if (action === 'connected' || action === 'done' || action === 'missed') await clearNotification(notificationId(interviewId));
}

/** Builds the draft at this moment (minutes left are computed now) and opens it in a tab. */
export async function openDraft(interviewId: string, kind: TemplateKind): Promise<string> {
  const now = Date.now();
  const { state } = await readState(now);
  const interview = state.interviews[interviewId];
  if (interview === undefined) throw new Error('This interview is no longer in your calendar.');
  const draft = buildDraft(kind, interview, state.marks[interviewId] ?? emptyMarks(), state.settings, {
    now,
    locale: resolveLocale(state.settings.language, uiLanguage()),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const url = composeUrl(state.settings.mailProvider, draft);
  await openTab(url);
  return url;
}

export async function openPopupPage(): Promise<void> {
  await openTab(extensionUrl('popup.html'));
}

export const messageHandlers: Handlers = {
  mark: async ({ interviewId, action }) => {
    await markInterview(interviewId, action);
    return { ok: true };
  },
  'open-draft': async ({ interviewId, kind }) => ({ url: await openDraft(interviewId, kind) }),
  'not-interview': async ({ interviewId }) => {
    await reconcileNow('message', (state) => {
      const interview = state.interviews[interviewId];
      if (interview === undefined) return state;
      const overrides = { ...state.settings.rules.overrides, [interview.eventId]: 'not-interview' as const };
      return { ...state, settings: { ...state.settings, rules: { ...state.settings.rules, overrides } } };
    });
    return { ok: true };
  },
  refresh: async () => {
    await syncNow('open');
    await reconcileNow('message');
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
    return { calendars: await googleCalendars(false, state.source.selfEmail), selected: state.source.calendarIds };
  },
  'choose-calendars': async ({ calendarIds }) => {
    await reconcileNow('message', (state) => chooseCalendars(state, Array.isArray(calendarIds) ? calendarIds : []));
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
};
