/**
 * Writes the golden files of the real-world iCal corpus (tests/fixtures/ics-corpus/golden)
 * from what the parser produces now:
 *
 *   node --import tsx scripts/ics-corpus-golden.ts          print what would change
 *   node --import tsx scripts/ics-corpus-golden.ts --write  write the golden files
 *
 * A golden file is not trusted because it was written here: run
 * `python3 scripts/verify-ics-corpus.py`, which computes the same instants independently
 * (python's dateutil.rrule and zoneinfo with the system's tzdata), and decide every
 * disagreement by hand (notes in MANIFEST.json) before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { goldenPath, readManifest, runCorpusFile } from '../tests/unit/ics-corpus-run.ts';

const write = process.argv.includes('--write');
let changed = 0;
for (const entry of readManifest()) {
  const golden = `${JSON.stringify(await runCorpusFile(entry), null, 1)}\n`;
  const path = goldenPath(entry.file);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (before === golden) continue;
  changed++;
  console.log(`${before === undefined ? 'new' : 'changed'}: ${entry.file}`);
  if (write) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, golden);
  }
}
console.log(`${changed} golden file(s) ${write ? 'written' : 'would change'}`);
