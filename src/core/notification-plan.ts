import type { ReminderKind, TemplateKind } from './types.ts';
import type { MarkAction } from './marks.ts';
import type { Locale } from './types.ts';
import { alle } from './phrases-it.ts';

/** What a notification button does: open a draft, or record what the user said. */
export type NotificationAction =
  | { type: 'draft'; kind: TemplateKind }
  | { type: 'mark'; action: MarkAction; labelKey?: string }
  | { type: 'open-popup' };

export interface NotificationPlan {
  /** Keys of the `_locales` messages for the title and the text. */
  titleKey: string;
  messageKey: string;
  /** At most two: Chrome shows no more. */
  buttons: NotificationAction[];
  /** The wait moments stay on screen until the user acts. */
  requireInteraction: boolean;
}

/** Each moment of the timeline, with the next useful thing as its first button. */
const plans: Record<ReminderKind, NotificationPlan> = {
  confirm: { titleKey: 'notifConfirmTitle', messageKey: 'notifConfirmMessage', buttons: [{ type: 'draft', kind: 'confirmation' }, { type: 'mark', action: 'snooze' }], requireInteraction: false },
  'get-ready': { titleKey: 'notifGetReadyTitle', messageKey: 'notifGetReadyMessage', buttons: [{ type: 'open-popup' }, { type: 'mark', action: 'snooze' }], requireInteraction: false },
  start: { titleKey: 'notifStartTitle', messageKey: 'notifStartMessage', buttons: [{ type: 'mark', action: 'connected' }], requireInteraction: false },
  'no-call': { titleKey: 'notifNoCallTitle', messageKey: 'notifNoCallMessage', buttons: [{ type: 'open-popup' }, { type: 'mark', action: 'connected' }], requireInteraction: true },
  'min-wait': { titleKey: 'notifMinWaitTitle', messageKey: 'notifMinWaitMessage', buttons: [{ type: 'draft', kind: 'follow-up' }, { type: 'mark', action: 'connected' }], requireInteraction: true },
  'max-wait': { titleKey: 'notifMaxWaitTitle', messageKey: 'notifMaxWaitMessage', buttons: [{ type: 'draft', kind: 'reschedule' }, { type: 'mark', action: 'connected' }], requireInteraction: true },
  // No thank-you for a call that may not have happened: ask first.
  'ask-outcome': { titleKey: 'notifAskOutcomeTitle', messageKey: 'notifAskOutcomeMessage', buttons: [{ type: 'mark', action: 'connected', labelKey: 'buttonMark_spoke' }, { type: 'mark', action: 'no-show' }], requireInteraction: true },
  'thank-you': { titleKey: 'notifThankYouTitle', messageKey: 'notifThankYouMessage', buttons: [{ type: 'draft', kind: 'thank-you' }, { type: 'mark', action: 'snooze' }], requireInteraction: false },
};

export function notificationPlan(kind: ReminderKind): NotificationPlan {
  return plans[kind];
}

/** The `_locales` key of a button's label. */
export function actionLabelKey(action: NotificationAction): string {
  switch (action.type) {
    case 'draft':
      return `buttonDraft_${action.kind.replace(/-/g, '_')}`;
    case 'mark':
      return action.labelKey ?? `buttonMark_${action.action.replace(/-/g, '_')}`;
    case 'open-popup':
      return 'buttonOpenPopup';
  }
}

export const NOTIFICATION_PREFIX = 'interview:';

export function notificationId(interviewId: string): string {
  return `${NOTIFICATION_PREFIX}${interviewId}`;
}

export function interviewIdOfNotification(id: string): string | undefined {
  return id.startsWith(NOTIFICATION_PREFIX) ? id.slice(NOTIFICATION_PREFIX.length) : undefined;
}

/** The start time as a notification says it after the interview's title: "at 3:30 PM",
 * "alle 15:30", "all'1:30" (never "alle 1:30"), "alle 00:30" (never "alle 0:30"). `time` is
 * already formatted for `locale`. */
export function atClockTime(time: string, locale: Locale): string {
  return locale === 'it' ? alle(time.replace(/^0:/, '00:')) : `at ${time}`;
}
