import type { Interview, Marks } from './types.ts';
import type { Settings } from './settings.ts';
import { defaultSettings } from './settings.ts';

/** Where interviews come from now. The demo is the default until a real source is connected. */
export type SourceState = { kind: 'demo'; anchor: number };

/** Everything the extension keeps in `storage.local`. */
export interface StoredState {
  schemaVersion: number;
  settings: Settings;
  interviews: Record<string, Interview>;
  marks: Record<string, Marks>;
  source: SourceState;
  /** interviewId → reminderKey of the last reminder notified, so none is shown twice. */
  notified: Record<string, string>;
}

export const SCHEMA_VERSION = 1;

type Raw = Record<string, unknown>;

/**
 * Ordered migrations: `migrations[n]` turns a schema-n object into schema n+1. Each is pure and
 * tested. Version 0 is "nothing stored yet / written before versioning".
 */
export const migrations: ReadonlyArray<(raw: Raw) => Raw> = [
  (raw) => ({ ...raw, schemaVersion: 1 }),
];

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Reads settings back from storage: every leaf of the defaults is taken from `raw` only when it
 * has the same type, so a corrupt or hand-edited value falls back to its default alone.
 */
export function normalizeSettings(raw: unknown): Settings {
  const merged = mergeLike(defaultSettings, raw) as Settings;
  // Enumerated settings: a string outside the offered choices falls back to the default.
  const languages: readonly string[] = ['auto', 'en', 'it'];
  const providers: readonly string[] = ['gmail', 'outlook', 'mailto'];
  if (!languages.includes(merged.language)) merged.language = defaultSettings.language;
  if (!providers.includes(merged.mailProvider)) merged.mailProvider = defaultSettings.mailProvider;
  return merged;
}

function mergeLike(template: unknown, raw: unknown): unknown {
  if (Array.isArray(template)) {
    // Always a copy: handing out the defaults' own array would let one caller change them for all.
    return Array.isArray(raw) && raw.every((item) => typeof item === 'string') ? [...raw] : [...template];
  }
  if (isRecord(template)) {
    if (!isRecord(raw)) return structuredClone(template);
    // Empty templates (e.g. overrides) are open maps: keep string entries as they are.
    if (Object.keys(template).length === 0) {
      return Object.fromEntries(Object.entries(raw).filter(([, value]) => typeof value === 'string'));
    }
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, mergeLike(value, raw[key])]));
  }
  if (typeof template === 'number') return isFiniteNumber(raw) ? raw : template;
  return typeof raw === typeof template ? raw : template;
}

function isInterview(value: unknown): value is Interview {
  return isRecord(value)
    && typeof value.id === 'string'
    && typeof value.title === 'string'
    && isFiniteNumber(value.start)
    && isFiniteNumber(value.end)
    && isRecord(value.interviewer)
    && Array.isArray(value.phones)
    && isRecord(value.detectedBy);
}

function normalizeMarks(value: unknown): Marks | undefined {
  if (!isRecord(value)) return undefined;
  const at = (key: string) => (isFiniteNumber(value[key]) ? (value[key] as number) : undefined);
  return {
    connectedAt: at('connectedAt'),
    missedAt: at('missedAt'),
    doneAt: at('doneAt'),
    callAttempts: Array.isArray(value.callAttempts) ? value.callAttempts.filter(isFiniteNumber) : [],
    rescheduled: value.rescheduled === true ? true : undefined,
  };
}

export interface LoadResult {
  state: StoredState;
  /** What was unreadable and set aside; empty when everything was fine. */
  problems: string[];
  /** True when migrating or repairing changed what must be written back. */
  changed: boolean;
}

/** Turns whatever storage holds into a valid `StoredState`, migrating and repairing as needed. */
export function loadState(raw: unknown, now: number): LoadResult {
  const problems: string[] = [];
  let data: Raw = isRecord(raw) ? raw : {};
  let version = isFiniteNumber(data.schemaVersion) ? data.schemaVersion : 0;
  const changed = version !== SCHEMA_VERSION;
  if (version > SCHEMA_VERSION) {
    problems.push(`storage was written by a newer version (schema ${version}); reading what is compatible`);
    version = SCHEMA_VERSION;
  }
  for (let v = version; v < SCHEMA_VERSION; v += 1) {
    const step = migrations[v];
    if (step) data = step(data);
  }

  const interviews: Record<string, Interview> = {};
  if (isRecord(data.interviews)) {
    for (const [id, value] of Object.entries(data.interviews)) {
      if (isInterview(value) && value.id === id) interviews[id] = value;
      else problems.push(`set aside an unreadable interview (${id.slice(0, 40)})`);
    }
  }
  const marks: Record<string, Marks> = {};
  if (isRecord(data.marks)) {
    for (const [id, value] of Object.entries(data.marks)) {
      const m = normalizeMarks(value);
      if (m) marks[id] = m;
      else problems.push(`set aside unreadable marks (${id.slice(0, 40)})`);
    }
  }
  const notified: Record<string, string> = {};
  if (isRecord(data.notified)) {
    for (const [id, value] of Object.entries(data.notified)) if (typeof value === 'string') notified[id] = value;
  }
  const source: SourceState = isRecord(data.source) && data.source.kind === 'demo' && isFiniteNumber(data.source.anchor)
    ? { kind: 'demo', anchor: data.source.anchor }
    : { kind: 'demo', anchor: now };

  return {
    state: { schemaVersion: SCHEMA_VERSION, settings: normalizeSettings(data.settings), interviews, marks, source, notified },
    problems,
    changed: changed || problems.length > 0 || !isRecord(data.source),
  };
}
