/**
 * The real-world iCal corpus (tests/fixtures/ics-corpus, issue 11 point 4): each file is
 * read the way the extension reads a feed (fetch → decode → parse) at the windows its
 * manifest names, and the instants of its busy time (UTC start, end and id) are listed:
 * parseIcalFeed's, one per instance (a sync stores them merged, which would hide them).
 * Shared by the unit test (compares with the golden files) and scripts/ics-corpus-golden.ts
 * (writes them). The golden files are checked independently by scripts/verify-ics-corpus.py.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchIcalFeed, parseIcalFeed, type IcalParseResult } from '../../src/calendar/ical-feed.ts';
import { SyncError } from '../../src/calendar/source-types.ts';
import { WINDOWS_ZONES } from '../../src/calendar/windows-zones-data.ts';
import { defaultRules } from '../../src/core/default-rules.ts';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ics-corpus');

/** Floating times (no TZID, no X-WR-TIMEZONE) are read in this zone, as a browser there would. */
export const FLOATING_ZONE = 'Europe/Rome';

export interface CorpusWindow {
  /** The sync's "now" (ISO, UTC); busy time is [now, now + days). */
  now: string;
  days: number;
}

export interface CorpusEntry {
  file: string;
  repository: string;
  path: string;
  commit: string;
  licence: string;
  licenceFile: string;
  exporter: string;
  prodid: string | null;
  windows: CorpusWindow[];
  /** Where the verifier and the parser disagreed, and how it was decided. */
  notes?: string;
}

export interface GoldenWindow extends CorpusWindow {
  /** Busy time (timed, opaque, not cancelled, overlapping the window), sorted by start, then id. */
  instants: { id: string; start: string; end: string }[];
  /** Events the detector took for interviews (any transparency), with their instants. */
  interviews: { id: string; start: string; end: string }[];
  read: number;
  skipped: Record<string, number>;
  /** The whole feed refused (SyncError code): nothing else is read. */
  error?: string;
}

export interface Golden {
  file: string;
  windows: GoldenWindow[];
}

export function readManifest(): CorpusEntry[] {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'MANIFEST.json'), 'utf8')) as CorpusEntry[];
}

export function goldenPath(file: string): string {
  return join(CORPUS_DIR, 'golden', file.replace(/\.ics$/i, '.json'));
}

/** The corpus file's busy instants in each of its windows, as the extension computes them
 * (`dir`: another folder's file, for scripts/ics-held-out.ts). */
export async function runCorpusFile(entry: Pick<CorpusEntry, 'file' | 'windows'>, dir = CORPUS_DIR): Promise<Golden> {
  const bytes = readFileSync(join(dir, entry.file));
  const fetchImpl = async () => new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'text/calendar' } });
  const windows: GoldenWindow[] = [];
  for (const window of entry.windows) {
    let result: IcalParseResult;
    try {
      const fetched = await fetchIcalFeed('https://calendar.example.com/corpus.ics', undefined, fetchImpl);
      if (fetched.kind !== 'feed') throw new Error(`${entry.file}: no feed`);
      result = parseIcalFeed(fetched.text, {
        now: Date.parse(window.now),
        windowDays: window.days,
        floatingTimeZone: FLOATING_ZONE,
        windowsZones: WINDOWS_ZONES,
        detection: { rules: defaultRules, selfEmail: '' },
      });
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      windows.push({ ...window, instants: [], interviews: [], read: 0, skipped: {}, error: error.code });
      continue;
    }
    const instants = Object.entries(result.busy)
      .map(([id, busy]) => ({ id, start: new Date(busy.start).toISOString(), end: new Date(busy.end).toISOString() }))
      .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
    const interviews = Object.values(result.interviews)
      .map((interview) => ({ id: interview.id, start: new Date(interview.start).toISOString(), end: new Date(interview.end).toISOString() }))
      .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
    windows.push({ ...window, instants, interviews, read: result.report.events, skipped: result.report.skipped });
  }
  return { file: entry.file, windows };
}
