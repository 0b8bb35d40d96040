import { browser } from './browser.ts';
import type { ExistingAlarm, WantedAlarm } from '../core/reconcile.ts';
import { diffAlarms } from '../core/reconcile.ts';

export async function currentAlarms(): Promise<ExistingAlarm[]> {
  const alarms = await browser.alarms.getAll();
  return alarms.map((a) => ({ name: a.name, scheduledTime: a.scheduledTime, periodInMinutes: a.periodInMinutes }));
}

/**
 * Makes the browser's alarms match `wanted`, touching only what differs. `existing` saves
 * asking again when the caller already has them (read under the same lock).
 */
export async function applyAlarms(wanted: readonly WantedAlarm[], existing?: readonly ExistingAlarm[]): Promise<{ created: number; cleared: number }> {
  const { create, clear } = diffAlarms(existing ?? await currentAlarms(), wanted);
  await Promise.all(clear.map((name) => browser.alarms.clear(name)));
  // Awaited, so that when a reconcile (and the message that asked for it) is done, the alarms exist.
  await Promise.all(create.map((alarm) => browser.alarms.create(alarm.name, alarm.periodInMinutes === undefined
    ? { when: alarm.when }
    : { when: alarm.when, periodInMinutes: alarm.periodInMinutes })));
  return { created: create.length, cleared: clear.length };
}

export function onAlarm(listener: (alarm: { name: string; scheduledTime: number }) => void): void {
  browser.alarms.onAlarm.addListener(listener);
}
