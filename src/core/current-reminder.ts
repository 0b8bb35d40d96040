import type { Reminder } from './types.ts';
import { isReminderKind } from './timing.ts';

export { currentReminder, reminderKey } from './outcome.ts';

/** Reads back a key written by `reminderKey`. */
export function parseReminderKey(key: string | undefined): Reminder | undefined {
  const match = key === undefined ? null : /^([a-z-]+)@(\d+)$/.exec(key);
  if (!match) return undefined;
  const kind = match[1] ?? '';
  return isReminderKind(kind) ? { kind, at: Number(match[2]) } : undefined;
}
