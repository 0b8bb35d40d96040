import type { EmailKind, ReminderKind } from './types.ts';
import type { MarkAction } from './marks.ts';
import { snakeKey, type MessageKey } from './message-key.ts';

/** What a notification button does: open a draft, or record what the user said. */
export type NotificationAction =
  | { type: 'draft'; kind: EmailKind }
  | { type: 'mark'; action: MarkAction; labelKey?: MessageKey }
  | { type: 'open-popup' };

export interface NotificationPlan {
  /** Keys of the `_locales` messages for the title and the text. */
  titleKey: MessageKey;
  messageKey: MessageKey;
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
export function actionLabelKey(action: NotificationAction): MessageKey {
  switch (action.type) {
    case 'draft':
      return snakeKey('buttonDraft_', action.kind);
    case 'mark':
      return action.labelKey ?? snakeKey('buttonMark_', action.action);
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
