import type { Interview, Marks, Reminder } from '../core/types.ts';
import type { Settings } from '../core/settings.ts';
import type { NotificationAction } from '../core/notification-plan.ts';
import { actionLabelKey, atClockTime, notificationId, notificationPlan } from '../core/notification-plan.ts';
import { resolveLocale } from '../core/resolve-locale.ts';
import { effectiveInterview, snoozeOffer, waitState } from '../core/outcome.ts';
import { cleanText } from '../core/text.ts';
import { intlLocales } from '../core/intl-locale.ts';
import { loadTranslator, uiLanguage } from '../platform/i18n.ts';
import { showNotification } from '../platform/notifications.ts';
import { MINUTE } from '../core/units.ts';

/** Raises the notification of one timeline moment. All event text is cleaned and capped. */
export async function showReminder(interview: Interview, reminder: Reminder, marks: Marks, settings: Settings, now: number): Promise<void> {
  const locale = resolveLocale(settings.language, uiLanguage());
  const t = await loadTranslator(locale);
  const plan = notificationPlan(reminder.kind);
  const current = effectiveInterview(interview, marks);
  const time = atClockTime(new Intl.DateTimeFormat(intlLocales[locale].time, { hour: 'numeric', minute: '2-digit' }).format(current.start), locale);
  const title = cleanText(interview.title, 80) || t('untitledInterview');
  // Whole minutes still to go, rounded up: "starts in 4 minutes" at 3:20 before the start.
  const minutesToStart = Math.max(0, Math.ceil((current.start - now) / MINUTE));
  const { minutesWaited } = waitState(interview, marks, now, settings);
  const snooze = snoozeOffer(interview, marks, now, settings);
  const label = (action: NotificationAction): string => {
    if (action.type === 'mark' && action.action === 'snooze') {
      if (snooze === undefined) return t('dismiss');
      return snooze.untilStart ? t('buttonMark_snooze_start') : t('buttonMark_snooze', [snooze.minutes]);
    }
    return t(actionLabelKey(action));
  };
  const heading = cleanText(t(plan.titleKey, [minutesToStart, minutesWaited]), 120);
  await showNotification(notificationId(interview.id), {
    // The demo's fictional interviews say so, so nobody mistakes one for a real call.
    title: interview.source === 'demo' ? cleanText(t('demoNotificationTitle', [heading]), 120) : heading,
    message: cleanText(t(plan.messageKey, [title, time, minutesToStart, minutesWaited]), 300),
    buttons: plan.buttons.map(label),
    requireInteraction: plan.requireInteraction,
  });
}
