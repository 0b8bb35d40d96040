/**
 * The corpus check on files outside the corpus: reads every .ics file of a folder as the
 * extension reads a feed (tests/unit/ics-corpus-run.ts) and prints its busy instants as JSON,
 * for scripts/verify-ics-corpus.py to recompute independently and compare:
 *
 *   node --import tsx scripts/ics-held-out.ts DIR > ours.json
 *   python3 scripts/verify-ics-corpus.py --held-out DIR ours.json
 *
 * Each file is read in four 60-day windows: from the day before its earliest DTSTART since
 * 1970, 200 and 800 days after that, and from 27 November 2026 (open-ended rules). Nothing
 * of the folder is kept in the repository: held-out files stay outside it, licences and all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCorpusFile, type CorpusWindow, type Golden } from '../tests/unit/ics-corpus-run.ts';

const DAY = 86_400_000;

function windowsOf(text: string): CorpusWindow[] {
  const starts = [...text.matchAll(/\nDTSTART[^:\r\n]*:(\d{8})/gi)].map((match) => match[1] ?? '').filter((day) => day >= '19700101').sort();
  const first = starts[0] ?? '20240101';
  const base = Date.UTC(Number(first.slice(0, 4)), Number(first.slice(4, 6)) - 1, Number(first.slice(6, 8))) - DAY;
  return [base, base + 200 * DAY, base + 800 * DAY, Date.UTC(2026, 10, 27)].map((now) => ({ now: new Date(now).toISOString(), days: 60 }));
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: scripts/ics-held-out.ts DIR');
const results: Golden[] = [];
for (const file of readdirSync(dir).filter((name) => /\.(ics|ical)$/i.test(name)).sort()) {
  results.push(await runCorpusFile({ file, windows: windowsOf(readFileSync(join(dir, file), 'latin1')) }, dir));
}
process.stdout.write(`${JSON.stringify(results)}\n`);
