/**
 * The one reconcile step, and the only writer of the stored state. It owns the Web Lock
 * (RECONCILE_LOCK) under which every read-modify-write of storage runs: it reads the state,
 * applies the caller's change (a pure function from core), keeps the demo current, shows or
 * clears the notification of each interview's moment, writes back only what changed, then
 * makes the alarms and the badge match. Everything it decides comes from core.
 */
import type { LoadResult, ReconcileState, StoredState } from '../core/stored-state.ts';
import type { Interview } from '../core/types.ts';
import { MINUTE } from '../core/units.ts';
import { allInterviews } from '../core/stored-state.ts';
import { RECONCILE_LOCK, SYNC_ALARM, alignAllMarks, wantedAlarms } from '../core/reconcile.ts';
import { SYNC_INTERVAL_MINUTES } from '../core/sync-state.ts';
import { badgeFor } from '../core/badge.ts';
import type { Badge } from '../core/badge.ts';
import { resolveLocale } from '../core/resolve-locale.ts';
import { cleanText } from '../core/text.ts';
import { extensionMessage, loadTranslator, uiLanguage } from '../platform/i18n.ts';
import { emptyMarks } from '../core/outcome.ts';
import { interviewIdOfNotification, notificationId, notificationStep } from '../core/notification-plan.ts';
import { whatToWrite } from '../core/state-changes.ts';
import { readReconcileState, readState, writeState } from '../platform/storage.ts';
import { applyAlarms, currentAlarms } from '../platform/alarms.ts';
import { setBadge } from '../platform/badge.ts';
import { clearNotification, openNotificationIds } from '../platform/notifications.ts';
import { withCurrentDemo } from '../calendar/demo-source.ts';
import { showReminder } from './show-reminder.ts';
import { detectOnDemand } from './on-demand-script.ts';

/**
 * Shows (or clears) the notification of the moment one interview is in, as core decides,
 * recording it in `notified`. `open` is the set of notifications on screen; `afterRestart`,
 * whether the browser has just started (and taken every notification away).
 */
async function notifyCurrentMoment(interview: Interview, state: ReconcileState, notified: Record<string, string>, now: number, open: ReadonlySet<string>, afterRestart: boolean): Promise<void> {
  const marks = state.marks[interview.id] ?? emptyMarks();
  const id = notificationId(interview.id);
  const step = notificationStep(interview, marks, notified[interview.id], now, state.settings, afterRestart ? open : undefined, open.has(id));
  if (step.do === 'clear') {
    await clearNotification(id);
    delete notified[interview.id];
  } else if (step.do === 'show') {
    // Show first, then record: if the worker stops in between, the next run shows the same
    // notification id again, which replaces rather than duplicates it.
    await showReminder(interview, step.reminder, marks, state.settings, now);
    notified[interview.id] = step.key;
  }
}

/** The toolbar tooltip: the interview the badge speaks of and its minutes, else the product's name. */
async function toolbarTitle(badge: Badge, all: Readonly<Record<string, Interview>>, state: ReconcileState): Promise<string> {
  const interview = badge.interviewId === undefined ? undefined : all[badge.interviewId];
  // The name reads the same in every language: no messages file is read on most wake-ups.
  if (interview === undefined || badge.phase === undefined) return extensionMessage('actionTitle');
  const t = await loadTranslator(resolveLocale(state.settings.language, uiLanguage()));
  const title = cleanText(interview.title, 80) || t('untitledInterview');
  const name = interview.source === 'demo' ? t('demoNotificationTitle', [title]) : title;
  if (badge.phase === 'needs-outcome') return t('actionTitleQuestion', [name]);
  return t('actionTitleWaiting', [name, badge.minutesWaited ?? 0]);
}

export type ReconcileReason = 'install' | 'startup' | 'wake' | 'alarm' | 'message' | 'sync';

/**
 * The one place that turns stored state + now into browser state: interviews from the source,
 * the alarms that should exist, the notification for the moment each interview is in, the
 * badge. Idempotent: running it twice in a row changes nothing the second time.
 *
 * Runs under a Web Lock so that the install, startup, top-level and alarm triggers that fire
 * together on a browser start do not interleave their read-modify-write of storage.
 */
export function reconcileNow(reason: ReconcileReason): Promise<ReconcileState>;
export function reconcileNow(reason: ReconcileReason, mutate: (state: StoredState, now: number) => StoredState): Promise<StoredState>;
export function reconcileNow(reason: ReconcileReason, mutate?: (state: StoredState, now: number) => StoredState): Promise<ReconcileState> {
  // A page that just opened asks for a reconcile with no change to make: while the wake-up's
  // own reconcile runs or waits for the lock, that one answers it (see `wakeRun`).
  if (reason === 'message' && mutate === undefined && wakeRun !== undefined) return wakeRun;
  const run = navigator.locks.request(RECONCILE_LOCK, () => (mutate ? reconcileChange(reason, mutate) : reconcileAsStored(reason)));
  if (reason === 'wake') {
    wakeRun = run;
    run.then(() => undefined, () => undefined).finally(() => {
      if (wakeRun === run) wakeRun = undefined;
    });
  }
  return run;
}

/**
 * The wake-up's reconcile while it runs or waits for the lock. Every write of the state
 * happens under the lock, so nothing it reads can change before it ends: a `refresh` that
 * arrives meanwhile (the popup woke the worker) waits for it rather than running a second,
 * identical reconcile. Only that pair joins: an alarm's reconcile computes with its own `now`,
 * and install and startup show lost notifications again. It lives only as long as the run:
 * a stopped worker takes both along, so it holds no state between events.
 */
let wakeRun: Promise<ReconcileState> | undefined;

/** What the browser holds beside storage: the notifications on screen and the alarms. */
function browserState(): Promise<[string[], Awaited<ReturnType<typeof currentAlarms>>]> {
  return Promise.all([openNotificationIds(), currentAlarms()]);
}

/**
 * A reconcile with no change to apply (most of them: every wake-up, alarm and opened popup)
 * reads only what it can change or depends on: not the calendar's busy time and cursors,
 * the bulk of what a large calendar stores (core/stored-state.ts, ReconcileState). Storage
 * that must be migrated or repaired is read and written whole, as for a change.
 */
async function reconcileAsStored(reason: ReconcileReason): Promise<ReconcileState> {
  const now = Date.now();
  // What storage, the notification tray and the alarms hold, asked for at once: none of the
  // three waits for another.
  const [loaded, [openIds, existingAlarms]] = await Promise.all([readReconcileState(now), browserState()]);
  if (loaded.changed) return settle(reason, await readState(now), now, openIds, existingAlarms);
  return settle(reason, loaded, now, openIds, existingAlarms);
}

async function reconcileChange(reason: ReconcileReason, mutate: (state: StoredState, now: number) => StoredState): Promise<StoredState> {
  const now = Date.now();
  const [loaded, [openIds, existingAlarms]] = await Promise.all([readState(now), browserState()]);
  return settle(reason, loaded, now, openIds, existingAlarms, mutate);
}

/** The reconcile proper, on the state as loaded (the whole of it, or a ReconcileState). */
async function settle<State extends ReconcileState>(
  reason: ReconcileReason,
  loaded: LoadResult<State>,
  now: number,
  openIds: string[],
  existingAlarms: Awaited<ReturnType<typeof currentAlarms>>,
  mutate?: (state: State, now: number) => State,
): Promise<State> {
  // The demo's interviews are made again only when what they depend on may have changed;
  // an install, a browser start and a repaired storage always make them again.
  const fresh = reason === 'install' || reason === 'startup' || loaded.changed;
  let state = withCurrentDemo(detectOnDemand, loaded.state, fresh ? undefined : loaded.state);
  if (mutate) state = withCurrentDemo(detectOnDemand, mutate(state, now), state);

  state = alignAllMarks(state);
  const all = allInterviews(state);
  const interviews = Object.values(all);
  const notified = { ...state.notified };
  // A browser restart takes every notification away. The wait moments are the ones a
  // candidate must not lose, so after a restart the current one is shown again.
  const afterRestart = reason === 'install' || reason === 'startup';
  const open = new Set(openIds);
  for (const interview of interviews) {
    try {
      await notifyCurrentMoment(interview, state, notified, now, open, afterRestart);
    } catch (error) {
      // One notification the browser refused must not stop the alarms, badge and storage
      // below; it stays unrecorded, so the next reconcile tries it again.
      console.error('Interview Standby: notification failed', error);
    }
  }
  // Interviews that disappeared (cancelled, "not an interview") take their notification along.
  for (const id of openIds) {
    const interviewId = interviewIdOfNotification(id);
    if (interviewId !== undefined && all[interviewId] === undefined) await clearNotification(id);
  }
  for (const id of Object.keys(notified)) if (all[id] === undefined) delete notified[id];
  state = { ...state, notified };

  // Only what changed is written, and nothing when nothing did (most wake-ups); a repaired
  // or migrated storage is written whole (core/state-changes.ts).
  const write = whatToWrite(loaded, state);
  if (write !== undefined) await writeState(write);
  const alarms = wantedAlarms(interviews, state.marks, state.settings, now);
  // The calendar poll lives with the other alarms so that install, startup and every wake
  // rebuild it (relaunching an unpacked extension loses all alarms: docs/TESTING.md, "Relaunch"), and
  // a disconnect clears it.
  if (state.source.kind !== 'demo' && state.source.kind !== 'none') alarms.push({ name: SYNC_ALARM, when: now + SYNC_INTERVAL_MINUTES * MINUTE, periodInMinutes: SYNC_INTERVAL_MINUTES });
  await applyAlarms(alarms, existingAlarms);
  const badge = badgeFor(interviews, state.marks, now, state.settings);
  // Google refused the sign-in even after a fresh token: the badge asks for a reconnect
  // (a running wait's minutes matter more, so they win).
  const reconnect = badge.text === '' && state.source.kind === 'google' && state.sync.error?.code === 'auth';
  await setBadge(reconnect ? { text: '!' } : badge, await toolbarTitle(badge, all, state));
  if (loaded.problems.length > 0) console.warn(`Interview Standby (${reason}): ${loaded.problems.join('; ')}`);
  return state;
}
