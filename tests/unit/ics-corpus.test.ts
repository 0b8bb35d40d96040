/**
 * The real-world corpus (tests/fixtures/ics-corpus, issue 11 point 4): every file, read as
 * the extension reads a feed, must give exactly the instants of its golden file. The golden
 * files were checked by an independent implementation (scripts/verify-ics-corpus.py:
 * dateutil.rrule and zoneinfo) and the disagreements decided by hand (MANIFEST.json notes):
 * a change that moves, adds or drops any instant fails here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, goldenPath, readManifest, runCorpusFile, type Golden } from './ics-corpus-run.ts';

const manifest = readManifest();

describe('real-world iCal corpus', () => {
  it('lists every corpus file, with its source, commit, licence and exporter', () => {
    const files = readdirSync(CORPUS_DIR, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ics')).map((name) => name.replaceAll('\\', '/')).sort();
    assert.deepEqual(manifest.map((entry) => entry.file).sort(), files);
    for (const entry of manifest) {
      assert.match(entry.repository, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/, entry.file);
      assert.match(entry.commit, /^[0-9a-f]{40}$/, entry.file);
      assert.ok(existsSync(join(CORPUS_DIR, entry.licenceFile)), `${entry.file}: licence text ${entry.licenceFile}`);
      assert.ok(entry.exporter !== '' && entry.exporter !== 'unknown', `${entry.file}: exporter`);
    }
  });

  for (const entry of manifest) {
    it(`${entry.file} (${entry.exporter}) gives the golden instants`, async () => {
      const golden = JSON.parse(readFileSync(goldenPath(entry.file), 'utf8')) as Golden;
      assert.deepEqual(golden.windows.map(({ now, days }) => ({ now, days })), entry.windows, 'golden file and manifest name the same windows');
      assert.deepEqual(await runCorpusFile(entry), golden);
    });
  }
});
