/**
 * Wall-clock time in an IANA zone ↔ instants, with Intl only (no date library in core).
 * Correct across DST: the offset is looked up for the instant itself, not for "today".
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The runtime's canonical name of an IANA zone ('europe/rome' → 'Europe/Rome'), or undefined
 * for anything that is not a zone it knows. Untrusted input is fine. */
export function canonicalZone(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || value.length > 64) return undefined;
  // A new Intl.DateTimeFormat costs ~0.1 ms warm and far more cold, and an iCal sync asks
  // for the same few names for every interview it detects: the answer is remembered (pure:
  // a name always resolves the same way in one runtime).
  if (canonicalMemo.has(value)) return canonicalMemo.get(value);
  let resolved: string | undefined;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    resolved = undefined; // RangeError: not a zone this runtime knows.
  }
  if (canonicalMemo.size >= 200) canonicalMemo.clear();
  canonicalMemo.set(value, resolved);
  return resolved;
}

const canonicalMemo = new Map<string, string | undefined>();

/** The zone the runtime runs in (the browser's, in the extension). */
export function runtimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What clocks in `timeZone` show at `instant`. */
export function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    // Some engines still print midnight as 24 even with h23.
    hour: (parts.hour ?? Number.NaN) % 24,
    minute: parts.minute ?? Number.NaN,
    second: parts.second ?? Number.NaN,
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds (Rome in summer: +7,200,000). */
export function zoneOffset(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const result = asUtc - Math.floor(instant / 1000) * 1000;
  if (!Number.isFinite(result)) throw new RangeError(`No offset for ${timeZone}`);
  return result;
}

/**
 * The instant at which clocks in `timeZone` show this wall time. In the hour skipped by a
 * spring-forward the result is the equivalent later instant (02:30 → 03:30); in the hour
 * repeated in autumn it is the first occurrence.
 */
export function wallTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  // Minutes past 59 (or hours past 23) roll over, so minute-of-day callers may pass hour 0.
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force a day either side bracket any change on that date (zones change at
  // most once a day, and no offset exceeds 14 hours).
  const before = zoneOffset(guess - 86_400_000, timeZone);
  const after = zoneOffset(guess + 86_400_000, timeZone);
  const valid = [guess - before, guess - after].filter((candidate) => zoneOffset(candidate, timeZone) === guess - candidate);
  if (valid.length > 0) return Math.min(...valid);
  // A skipped wall time: read it with the offset from before the jump, i.e. one hour later.
  return guess - before;
}
