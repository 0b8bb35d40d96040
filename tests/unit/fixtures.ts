/**
 * Shared test data for the `core` unit tests: one valid interview at a fixed instant and
 * settings built from the real defaults. No test reads the real clock.
 */
import type { Interview } from '../../src/core/types.ts';
import type { Settings, Timing } from '../../src/core/settings.ts';
import { defaultSettings } from '../../src/core/settings.ts';
import { MINUTE, HOUR } from '../../src/core/units.ts';
export { MINUTE, HOUR, DAY } from '../../src/core/units.ts';

/** Thursday 26 November 2026, 14:00 UTC (15:00 in Rome). */
export const START = Date.UTC(2026, 10, 26, 14, 0);
/** A one-hour slot, so the "stop waiting" phase (30–60 min) exists before the end. */
export const END = START + HOUR;

/** The instant `minutes` after the fixture's start (negative: before it). */
export function afterStart(minutes: number, base: number = START): number {
  return base + minutes * MINUTE;
}

/** A valid, fully populated interview; `overrides` replace whole fields. */
export function makeInterview(overrides: Partial<Interview> = {}): Interview {
  return {
    id: 'google:evt-1',
    source: 'google',
    eventId: 'evt-1',
    title: 'Phone screen — Acme',
    company: 'Acme',
    role: 'Backend engineer',
    start: START,
    end: END,
    timeZone: 'Europe/Rome',
    interviewer: { name: 'Giulia Rossi', email: 'giulia.rossi@acme.example' },
    phones: [{ display: '+39 055 123 4567', dial: '+390551234567', origin: 'conference' }],
    videoUrl: 'https://meet.google.com/abc-defg-hij',
    detectedBy: { rule: 'keyword', matched: 'phone screen' },
    ...overrides,
  };
}

/** The product defaults with some timings replaced; never mutates `defaultSettings`. */
export function settingsWith(timing: Partial<Timing> = {}): Settings {
  const settings = structuredClone(defaultSettings);
  return { ...settings, timing: { ...settings.timing, ...timing } };
}

/**
 * The CPU time `work` takes in this process, in milliseconds (user + system). Unlike the wall
 * clock it hardly grows when other processes load the machine, so a bound on it can tell a
 * linear pass from a quadratic one or a regex backtracking out of control, without failing on
 * a busy CI machine. Speed targets themselves belong to `npm run bench`, not to tests.
 */
export function cpuMillis<T>(work: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}
