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

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `instant`, in milliseconds (Rome in summer: +7,200,000). */
export function zoneOffset(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which clocks in `timeZone` show this wall time. In the hour skipped by a
 * spring-forward the result is the equivalent later instant (02:30 → 03:30); in the hour
 * repeated in autumn it is the first occurrence.
 */
export function wallTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force half a day either side cover any single transition on that day.
  const before = zoneOffset(guess - 12 * 3_600_000, timeZone);
  const after = zoneOffset(guess + 12 * 3_600_000, timeZone);
  const valid = [guess - before, guess - after].filter((candidate) => zoneOffset(candidate, timeZone) === guess - candidate);
  if (valid.length > 0) return Math.min(...valid);
  // A skipped wall time: read it with the offset from before the jump, i.e. one hour later.
  return guess - before;
}
