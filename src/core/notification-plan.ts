import type { EmailKind, Interview, Locale, Marks, Reminder, ReminderKind } from './types.ts';
import type { Settings } from './settings.ts';
import type { MarkAction } from './marks.ts';
import { alle } from './phrases-it.ts';
import { currentReminder, isSnoozed, reminderKey } from './outcome.ts';
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

const waitMoments: ReadonlySet<ReminderKind> = new Set(['start', 'no-call', 'min-wait', 'max-wait']);

/** What the reconcile does about one interview's notification. */
export type NotificationStep =
  | { do: 'nothing' }
  | { do: 'clear' }
  | { do: 'show'; reminder: Reminder; key: string };

/**
 * The notification step for one interview at `now`: show the moment it is in unless that
 * moment was already shown (`notifiedKey`) or is snoozed, clear a notification whose moment
 * has passed. After a browser restart (`openAfterRestart`: the notifications still open) a wait
 * moment that the restart took away is shown again: those are the ones a candidate must not lose.
 * `onScreen`: this interview's notification is open now.
 */
export function notificationStep(interview: Interview, marks: Marks, notifiedKey: string | undefined, now: number, settings: Settings, openAfterRestart?: ReadonlySet<string>, onScreen = false): NotificationStep {
  const reminder = currentReminder(interview, marks, now, settings);
  // "Remind me later" holds back only the moment it was pressed on; the snooze alarm brings it
  // back, and any later moment shows on time.
  if (reminder !== undefined && isSnoozed(marks, reminder, now)) return { do: 'nothing' };
  // Cleared also when on screen but no longer recorded: a mark forgets what was shown
  // (markInterview), and the notification it answered must not stay.
  if (reminder === undefined) return notifiedKey === undefined && !onScreen ? { do: 'nothing' } : { do: 'clear' };
  const key = reminderKey(reminder);
  const lostInRestart = openAfterRestart !== undefined && waitMoments.has(reminder.kind) && !openAfterRestart.has(notificationId(interview.id));
  return notifiedKey === key && !lostInRestart ? { do: 'nothing' } : { do: 'show', reminder, key };
}

/** The start time as a notification says it after the interview's title: "at 3:30 PM",
 * "alle 15:30", "all'1:30" (never "alle 1:30"), "alle 00:30" (never "alle 0:30"). `time` is
 * already formatted for `locale`. */
export function atClockTime(time: string, locale: Locale): string {
  return locale === 'it' ? alle(time.replace(/^0:/, '00:')) : `at ${time}`;
}
