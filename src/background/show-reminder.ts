import type { Interview, Marks, Reminder } from '../core/types.ts';
import type { Settings } from '../core/settings.ts';
import { actionLabelKey, notificationId, notificationPlan } from '../core/notification-plan.ts';
import { resolveLocale } from '../core/resolve-locale.ts';
import { waitState } from '../core/wait-state.ts';
import { cleanText } from '../core/text.ts';
import { loadTranslator, uiLanguage } from '../platform/i18n.ts';
import { showNotification } from '../platform/notifications.ts';

const MINUTE = 60_000;

/** Raises the notification of one timeline moment. All event text is cleaned and capped. */
export async function showReminder(interview: Interview, reminder: Reminder, marks: Marks, settings: Settings, now: number): Promise<void> {
  const locale = resolveLocale(settings.language, uiLanguage());
  const t = await loadTranslator(locale);
  const plan = notificationPlan(reminder.kind);
  const time = new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-US', { hour: 'numeric', minute: '2-digit' }).format(interview.start);
  const title = cleanText(interview.title, 80) || t('untitledInterview');
  const minutesToStart = Math.max(0, Math.round((interview.start - now) / MINUTE));
  const { minutesWaited } = waitState(interview, marks, now, settings);
  await showNotification(notificationId(interview.id), {
    title: cleanText(t(plan.titleKey, [minutesToStart, minutesWaited]), 120),
    message: cleanText(t(plan.messageKey, [title, time, minutesToStart, minutesWaited]), 300),
    buttons: plan.buttons.map((action) => t(actionLabelKey(action))),
    requireInteraction: plan.requireInteraction,
  });
}
