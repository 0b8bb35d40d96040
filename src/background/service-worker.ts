/**
 * The service worker. Chrome stops it at will, so it keeps no state in module variables: every
 * listener is registered synchronously here at the top level (so a wake-up event is never
 * missed), reads storage, calls core, writes storage and applies browser calls.
 */
import { interviewIdOfNotification, notificationPlan } from '../core/notification-plan.ts';
import { parseReminderAlarmName, SNOOZE_PREFIX, SYNC_ALARM, TICK_ALARM } from '../core/reconcile.ts';
import { handle } from '../platform/message-handler.ts';
import { onAlarm } from '../platform/alarms.ts';
import { clearNotification, onNotificationButton, onNotificationClicked } from '../platform/notifications.ts';
import { markReady, readReconcileState } from '../platform/storage.ts';
import { onInstalled, onStartup } from '../platform/runtime.ts';
import { reconcileNow } from './reconcile-now.ts';
import { syncNow } from './sync-source.ts';
import { describeError } from './message-errors.ts';
import { markInterview, messageHandlers, openDraft, openPopupPage } from './actions.ts';
import { parseReminderKey } from '../core/current-reminder.ts';
import { addOnDemandScript } from './on-demand-script.ts';

function report(context: string) {
  return (error: unknown) => console.error(`Interview Standby: ${context} failed`, error);
}

handle(messageHandlers, describeError);

// What only a sync, a draft or remaking the demo needs is a second script: taken in when the
// worker installs, run when needed (on-demand-script.ts).
addOnDemandScript();

// A fresh install, an update, and a relaunch of an unpacked extension all land here; alarms
// may be gone, so they are rebuilt from storage.
onInstalled(() => {
  reconcileNow('install').then(() => markReady(Date.now())).catch(report('install'));
});
onStartup(() => {
  // A browser start is a good moment to catch up with the calendar.
  reconcileNow('startup').then((state) => markReady(Date.now()).then(() => syncNow('open', state))).catch(report('startup'));
});

onAlarm((alarm) => {
  if (alarm.name === SYNC_ALARM) {
    syncNow('poll').catch(report('sync'));
  } else if (alarm.name === TICK_ALARM || alarm.name.startsWith(SNOOZE_PREFIX) || parseReminderAlarmName(alarm.name) !== undefined) {
    reconcileNow('alarm').catch(report(`alarm ${alarm.name}`));
  }
});

onNotificationButton((id, index) => {
  const interviewId = interviewIdOfNotification(id);
  if (interviewId === undefined) return;
  (async () => {
    // Which buttons the notification had is derived from what was notified, not remembered.
    const { state } = await readReconcileState(Date.now());
    const shown = parseReminderKey(state.notified[interviewId]);
    const action = shown ? notificationPlan(shown.kind).buttons[index] : undefined;
    if (action === undefined) return;
    // The button was used: its notification goes (it stays recorded as shown, so it does not come back).
    await clearNotification(id);
    if (action.type === 'draft') await openDraft(interviewId, action.kind);
    else if (action.type === 'mark') await markInterview(interviewId, action.action);
    else await openPopupPage(interviewId);
  })().catch(report('notification button'));
});

onNotificationClicked((id) => {
  const interviewId = interviewIdOfNotification(id);
  if (interviewId !== undefined) openPopupPage(interviewId).catch(report('notification click'));
});

// Every wake-up (an alarm, a message, a notification click) also reconciles: cheap, idempotent,
// and the safety net for alarms lost while the browser was closed.
// A wake-up also syncs when the poll is overdue (an alarm lost while the browser was closed).
reconcileNow('wake').then((state) => syncNow('poll', state)).catch(report('wake'));
