/**
 * The reconcile's decisions about browser state: which alarms should exist for the stored
 * interviews at a given instant, how they differ from those that do, and the marks aligned with
 * an interview that moved. Pure; src/background/reconcile-now.ts applies what these return.
 */
import type { Interview, Marks, ReminderKind } from './types.ts';
import type { Settings } from './settings.ts';
import { isReminderKind } from './timing.ts';
import type { StoredState } from './stored-state.ts';
import { allInterviews } from './stored-state.ts';
import { alignMarks, emptyMarks, planTimeline, waitState, waitingPhases } from './outcome.ts';
import { MINUTE } from './units.ts';

/** An alarm as the shell should create it. */
export interface WantedAlarm {
  name: string;
  when: number;
  periodInMinutes?: number;
}

/** An alarm as the browser reports it. */
export interface ExistingAlarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/**
 * The Web Lock under which every read-modify-write of the stored state runs (the worker's
 * reconcile). Anything else that writes the state, a test harness included, takes it too, so
 * a reconcile already running cannot write its older copy over the new values.
 */
export const RECONCILE_LOCK = 'interview-standby-reconcile';

export const REMINDER_PREFIX = 'reminder:';
/** Fires when a "remind me later" is over, so the moment's notification comes back. */
export const SNOOZE_PREFIX = 'snooze:';
/** Polls the connected calendar (Google or iCal); absent for the demo. */
export const SYNC_ALARM = 'sync';
/** Ticks once a minute while a wait runs, to keep the badge's minutes current. */
export const TICK_ALARM = 'tick';
/**
 * Chrome caps the alarms an extension may hold (500 since Chrome 117). We stay far below it:
 * only the nearest reminders are scheduled; each alarm that fires reconciles again, so the
 * rest are scheduled as they approach.
 */
export const MAX_REMINDER_ALARMS = 100;

export function reminderAlarmName(interviewId: string, kind: ReminderKind): string {
  return `${REMINDER_PREFIX}${kind}:${interviewId}`;
}

export function parseReminderAlarmName(name: string): { interviewId: string; kind: ReminderKind } | undefined {
  if (!name.startsWith(REMINDER_PREFIX)) return undefined;
  const rest = name.slice(REMINDER_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return undefined;
  const kind = rest.slice(0, colon);
  if (!isReminderKind(kind)) return undefined;
  return { interviewId: rest.slice(colon + 1), kind };
}

export function isWaitRunning(interview: Interview, marks: Marks, now: number, settings: Settings): boolean {
  return waitingPhases.has(waitState(interview, marks, now, settings).phase);
}

/** The alarms that should exist for these interviews at `now`. Pure and idempotent. */
export function wantedAlarms(
  interviews: readonly Interview[],
  marks: Readonly<Record<string, Marks>>,
  settings: Settings,
  now: number,
): WantedAlarm[] {
  const reminders: WantedAlarm[] = [];
  let waitRunning = false;
  for (const interview of interviews) {
    const m = marks[interview.id] ?? emptyMarks();
    if (isWaitRunning(interview, m, now, settings)) waitRunning = true;
    for (const reminder of planTimeline(interview, settings, m)) {
      if (reminder.at > now) reminders.push({ name: reminderAlarmName(interview.id, reminder.kind), when: reminder.at });
    }
    // A snooze holds back only the moment it was pressed on; later moments keep their own alarms.
    if (m.snoozed !== undefined && m.snoozed.until > now) reminders.push({ name: `${SNOOZE_PREFIX}${interview.id}`, when: m.snoozed.until });
  }
  reminders.sort((a, b) => a.when - b.when || a.name.localeCompare(b.name));
  const wanted = reminders.slice(0, MAX_REMINDER_ALARMS);
  if (waitRunning) wanted.push({ name: TICK_ALARM, when: now + MINUTE, periodInMinutes: 1 });
  return wanted;
}

/** The difference between what exists and what should: the shell applies exactly this. */
export function diffAlarms(
  existing: readonly ExistingAlarm[],
  wanted: readonly WantedAlarm[],
): { create: WantedAlarm[]; clear: string[] } {
  const existingByName = new Map(existing.map((a) => [a.name, a]));
  const wantedNames = new Set(wanted.map((a) => a.name));
  const create = wanted.filter((w) => {
    const e = existingByName.get(w.name);
    if (e === undefined) return true;
    // A periodic tick that exists is left running: recreating it would only delay it.
    if (w.periodInMinutes !== undefined) return e.periodInMinutes !== w.periodInMinutes;
    // Chrome may round scheduled times; a second of slack avoids churning every reconcile.
    return Math.abs(e.scheduledTime - w.when) > 1000;
  });
  const clear = existing
    .filter((e) => (e.name.startsWith(REMINDER_PREFIX) || e.name.startsWith(SNOOZE_PREFIX) || e.name === TICK_ALARM || e.name === SYNC_ALARM) && !wantedNames.has(e.name))
    .map((e) => e.name);
  return { create, clear };
}

/**
 * A calendar event (or a typed-in interview) that moved starts afresh at its new time: every
 * interview's marks are aligned with its current start. Marks that already fit keep their
 * identity, so a state with nothing to align comes back equal to what was stored.
 */
export function alignAllMarks<State extends Pick<StoredState, 'interviews' | 'manual' | 'marks'>>(state: State): State {
  let marks = state.marks;
  for (const interview of Object.values(allInterviews(state))) {
    const current = marks[interview.id];
    if (current === undefined) continue;
    const aligned = alignMarks(interview, current);
    if (aligned !== current) marks = { ...marks, [interview.id]: aligned };
  }
  return marks === state.marks ? state : { ...state, marks };
}
