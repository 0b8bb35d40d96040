// The pages bundle date-fns's locales without the parts they never read
// (scripts/date-fns-locales.mjs): the relative times they word must read exactly as with the
// full locales, in English and Italian, and a build that would read a left-out part must fail.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
import { DROPPED_PARTS, dateFnsLocalesPlugin, slimLocaleSource } from '../../scripts/date-fns-locales.mjs';
import { formatRelative } from '../../src/ui/format.ts';
import { makeI18n } from '../../src/ui/i18n.ts';
import type { I18n } from '../../src/ui/i18n.ts';
import { locales } from '../../src/core/types.ts';
import type { Locale } from '../../src/core/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = Date.UTC(2026, 10, 27, 15, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Bundled {
  formatRelative: typeof formatRelative;
  makeI18n: typeof makeI18n;
}

/** Bundles `contents` (resolved from the repository) as the build does, with the plugin. */
async function bundle(contents: string): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    absWorkingDir: root,
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'probe.ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    plugins: [dateFnsLocalesPlugin()],
  });
  return { code: result.outputFiles[0]!.text, metafile: result.metafile! };
}

/** Distances from a few seconds to a few years, both ways, and either side of each of date-fns's thresholds. */
function distances(): number[] {
  const out: number[] = [0];
  for (let s = 1; s <= 120; s += 1) out.push(s * SECOND);
  for (let m = 1; m <= 24 * 60; m += 1) out.push(m * MINUTE, m * MINUTE + 20 * SECOND, m * MINUTE + 40 * SECOND);
  for (let d = 1; d <= 800; d += 1) out.push(d * DAY, d * DAY + 11 * HOUR);
  for (let y = 2; y <= 12; y += 1) out.push(y * 365 * DAY + 3 * DAY, y * 365 * DAY + 200 * DAY);
  return [...out, ...out.map((d) => -d)];
}

describe('date-fns locales in the page bundles', () => {
  let slim: Bundled;
  let metafile: Metafile;
  before(async () => {
    const built = await bundle("export { formatRelative } from './src/ui/format.ts';\nexport { makeI18n } from './src/ui/i18n.ts';\n");
    metafile = built.metafile;
    slim = await import(`data:text/javascript;base64,${Buffer.from(built.code).toString('base64')}`) as Bundled;
  });

  it('leave out the parts the pages never read, and keep the rest as date-fns wrote it', () => {
    const inputs = Object.keys(metafile.inputs);
    for (const locale of ['en-US', 'it']) {
      assert.ok(inputs.includes(`node_modules/date-fns/locale/${locale}/_lib/formatDistance.js`), `${locale}: formatDistance is bundled`);
      for (const part of DROPPED_PARTS) {
        assert.equal(inputs.includes(`node_modules/date-fns/locale/${locale}/_lib/${part}.js`), false, `${locale}: ${part} is left out`);
      }
    }
    for (const locale of locales) {
      const full = makeI18n(locale, (key) => key).dateLocale;
      const reduced = slim.makeI18n(locale, (key) => key).dateLocale;
      assert.deepEqual(Object.keys(reduced).sort(), ['code', 'formatDistance', 'options']);
      assert.equal(reduced.code, full.code);
      assert.deepEqual(reduced.options, full.options);
    }
  });

  it('word every relative time exactly as the full locales do, in English and Italian', () => {
    const checked: Record<Locale, number> = { en: 0, it: 0 };
    for (const locale of locales) {
      const full: I18n = makeI18n(locale, (key) => key);
      const reduced: I18n = slim.makeI18n(locale, (key) => key);
      const mismatches: string[] = [];
      for (const distance of distances()) {
        const expected = formatRelative(full, NOW + distance, NOW);
        const actual = formatRelative(reduced, NOW + distance, NOW);
        if (actual !== expected) mismatches.push(`${distance} ms: ${actual} ≠ ${expected}`);
        checked[locale] += 1;
      }
      assert.deepEqual(mismatches.slice(0, 5), [], `${locale}: ${mismatches.length} differ`);
    }
    // The wording is date-fns's own in each language, not one language twice.
    assert.equal(slim.formatRelative(slim.makeI18n('en', (key) => key), NOW + 3 * HOUR, NOW), 'in about 3 hours');
    assert.equal(slim.formatRelative(slim.makeI18n('it', (key) => key), NOW + 3 * HOUR, NOW), 'tra circa 3 ore');
    assert.equal(slim.formatRelative(slim.makeI18n('it', (key) => key), NOW - 16 * MINUTE - 45 * SECOND, NOW), '16 minuti fa');
    assert.ok(checked.en > 10_000 && checked.it === checked.en);
  });

  it('fail the build when a date-fns function that reads a left-out part is bundled', async () => {
    await assert.rejects(
      bundle("import { format } from 'date-fns';\nimport { it } from 'date-fns/locale/it';\nexport const day = format(0, 'PPP', { locale: it });\n"),
      (error: Error) => {
        assert.match(error.message, /leaves out of the bundles/);
        assert.match(error.message, /node_modules\/date-fns\/format\.js/);
        return true;
      },
    );
  });

  it('refuse a locale module whose shape changed rather than ship one that names what it no longer imports', async () => {
    const path = createRequire(import.meta.url).resolve('date-fns/locale/it', { paths: [root] }).replace(/\.cjs$/, '.js');
    const source = await readFile(path, 'utf8');
    const reduced = slimLocaleSource(source, path);
    assert.doesNotMatch(reduced, /_lib\/(?:localize|match|formatLong|formatRelative)\.js/);
    assert.match(reduced, /formatDistance: formatDistance,/);
    assert.throws(() => slimLocaleSource(source.replace('  localize: localize,', '  localize,'), path), /`localize`/);
    assert.throws(() => slimLocaleSource(source.replace(/^import \{ match \}.*\n/m, ''), path), /`match`/);
    assert.throws(() => slimLocaleSource(`${source}\nexport const extra = { formatLong: null };\n`, path), /still mentions `formatLong`/);
  });
});
