import type { Settings } from './settings.ts';
import type { FieldError } from './validate-settings.ts';
import { normalizeSettings, withKeywordsOf6 } from './stored-state.ts';
import { validateSettings } from './validate-settings.ts';

const APP = 'interview-standby';
/**
 * Version 1 was written both before and after the default keywords of stored schema 6
 * existed; 2 since. A version-1 file's keyword list is brought up to date as stored settings
 * were (withKeywordsOf6: the new defaults are added unless the list holds at least half of
 * them, which tells a list saved after they were offered); a later file's list is the user's
 * as saved.
 */
const FILE_VERSION = 2;
/** A settings file is a few kilobytes; anything this large is not one of ours. */
export const MAX_SETTINGS_FILE_BYTES = 512 * 1024;

/** The JSON a user downloads: settings and templates, marked as ours. No interviews, no tokens. */
export function exportSettings(settings: Settings, now: number): string {
  return `${JSON.stringify({ app: APP, fileVersion: FILE_VERSION, exportedAt: new Date(now).toISOString(), settings }, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: FieldError; paths?: string[] };

/** Paths in `raw` whose values the normaliser had to replace: wrong types or unknown choices. */
function replacedPaths(raw: unknown, normalized: unknown, path: string, out: string[]): void {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    if (typeof normalized !== 'object' || normalized === null || Array.isArray(normalized)) {
      out.push(path);
      return;
    }
    for (const [key, value] of Object.entries(raw)) {
      if (!(key in normalized)) continue; // unknown keys from a newer version are ignored
      replacedPaths(value, (normalized as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (JSON.stringify(raw) !== JSON.stringify(normalized)) out.push(path);
}

/**
 * Reads a settings file. Anything wrong rejects the whole file with a clear reason; a
 * rejected file changes nothing.
 */
export function importSettings(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, error: { key: 'importErrorTooLarge' } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { key: 'importErrorJson' } };
  }
  if (typeof data !== 'object' || data === null || (data as { app?: unknown }).app !== APP) {
    return { ok: false, error: { key: 'importErrorNotOurs' } };
  }
  const saved = (data as { settings?: unknown }).settings;
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return { ok: false, error: { key: 'importErrorNotOurs' } };
  const version = (data as { fileVersion?: unknown }).fileVersion;
  const raw = version === undefined || version === 1 ? withKeywordsOf6(saved) : saved;
  const settings = normalizeSettings(raw);
  const paths: string[] = [];
  replacedPaths(raw, settings, '', paths);
  const invalid = Object.keys(validateSettings(settings));
  const problems = [...new Set([...paths, ...invalid])];
  if (problems.length > 0) return { ok: false, error: { key: 'importErrorFields' }, paths: problems };
  return { ok: true, settings };
}
