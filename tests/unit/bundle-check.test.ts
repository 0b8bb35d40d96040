// The production bundles carry no evaluated or remote code and no test endpoint, and the
// build's own check (build.mjs checkBundles) refuses a bundle that does. Builds run in a copy
// of the repository (tests/browser/isolated-build.ts), so dist/ is left alone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyRepo, repoRoot } from '../browser/isolated-build.ts';
import type { RepoCopy } from '../browser/isolated-build.ts';
import type { Metafile } from 'esbuild';

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(path);
  }
  return out;
}

describe('production bundles', () => {
  let copy: RepoCopy;
  let buildError: (Error & { stderr?: string }) | undefined;
  const bundles = new Map<string, string>();
  let meta: Metafile | undefined;

  before(async () => {
    copy = await copyRepo();
    try {
      await copy.build(['--metafile']);
    } catch (error) {
      buildError = error as Error & { stderr?: string };
      return;
    }
    for (const name of await readdir(join(copy.dir, 'dist'))) {
      if (name.endsWith('.js')) bundles.set(name, await readFile(join(copy.dir, 'dist', name), 'utf8'));
    }
    meta = JSON.parse(await readFile(join(copy.dir, 'dist', 'meta.json'), 'utf8')) as Metafile;
  });
  after(async () => {
    await copy?.remove();
  });

  it('builds one production bundle per context, passing the build\'s own check', () => {
    assert.equal(buildError, undefined, `node build.mjs failed:\n${buildError?.stderr ?? buildError?.message}`);
    assert.deepEqual([...bundles.keys()].sort(), ['on-demand.js', 'options.js', 'popup.js', 'service-worker.js']);
  });

  it('are strict classic scripts: the worker\'s compiled code is kept between wake-ups only for a classic script', () => {
    assert.ok(bundles.size > 0, 'no production bundles (see the first test)');
    for (const [name, text] of bundles) {
      // Strict as the modules they come from: a silent failure in sloppy mode (a write to a
      // frozen object, say) stays an error.
      assert.ok(text.startsWith('"use strict";'), `${name}: does not start with "use strict"`);
      // One function expression, run at once: no module syntax at its top level.
      assert.match(text, /^"use strict";\(\(\)=>\{[\s\S]*\}\)\(\);\s*$/, `${name}: not a single immediately run function`);
    }
  });

  it('contain no eval, new Function, string timers, remote scripts or imports, or test endpoints', () => {
    assert.ok(bundles.size > 0, 'no production bundles (see the first test)');
    for (const [name, text] of bundles) {
      assert.doesNotMatch(text, /\beval\s*\(/, `${name}: eval(`);
      assert.doesNotMatch(text, /\bnew\s+Function\s*\(/, `${name}: new Function(`);
      assert.doesNotMatch(text, /\bset(Timeout|Interval)\s*\(\s*["'`]/, `${name}: a timer with code in a string`);
      assert.doesNotMatch(text, /<script[^>]+src=["']?https?:/i, `${name}: remote <script>`);
      assert.doesNotMatch(text, /\bimport\s*\(\s*["'`]https?:/, `${name}: remote import()`);
      // The worker runs one script of its own besides itself, named in it: nothing else does.
      if (name !== 'service-worker.js') assert.doesNotMatch(text, /importScripts\s*\(/, `${name}: importScripts(`);
      assert.equal(text.includes('127.0.0.1'), false, `${name}: a test endpoint`);
      assert.equal(text.includes('__test_seam__'), false, `${name}: a test seam`);
      assert.doesNotMatch(text, /ya29\.|access_token=[\w-]{8,}|Bearer [\w.-]{20,}/, `${name}: something like an OAuth token`);
    }
  });

  it('leave the calendar readers, detection and the drafts out of the script every wake-up starts', () => {
    assert.ok(meta, 'no metafile (see the first test)');
    const inputsOf = (bundle: string) => Object.keys(Object.entries(meta!.outputs).find(([file]) => file.endsWith(`/${bundle}`))?.[1].inputs ?? {});
    // google-calendar.ts and extract.ts lend the worker a few lines (the OAuth scopes, the
    // e-mail address check); their readers and finders stay out with the rest.
    const onDemandOnly = /node_modules\/ical\.js\/|src\/calendar\/(?:ical-[\w-]+|google-round|google-json)\.ts$|src\/core\/(?:detect-interview|build-draft|template-engine)\.ts$/;
    const worker = inputsOf('service-worker.js');
    assert.ok(worker.length > 20, `the worker bundle's inputs: ${worker.length}`);
    assert.deepEqual(worker.filter((input) => onDemandOnly.test(input)), [], 'in service-worker.js, but only a sync, a draft or the demo\'s remaking needs it');
    const onDemand = inputsOf('on-demand.js');
    for (const needed of ['node_modules/ical.js/dist/ical.js', 'src/calendar/ical-feed.ts', 'src/calendar/google-round.ts', 'src/core/detect-interview.ts', 'src/core/build-draft.ts']) {
      // The copy's node_modules is the checkout's: its inputs are named by a path up and across.
      assert.ok(onDemand.some((input) => input === needed || input.endsWith(`/${needed}`)), `on-demand.js lacks ${needed}`);
    }
    // What service-worker.js runs with importScripts is on-demand.js, by that name.
    const workerText = bundles.get('service-worker.js') ?? '';
    assert.deepEqual([...new Set(workerText.match(/"[\w-]+\.js"/g))], ['"on-demand.js"']);
  });

  it('write HTML only where Preact renders dangerouslySetInnerHTML, which no component uses', async () => {
    assert.ok(bundles.size > 0, 'no production bundles (see the first test)');
    for (const [name, text] of bundles) {
      assert.doesNotMatch(text, /outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|srcdoc/, `${name}: an HTML sink`);
      // The one innerHTML assignment allowed is Preact's own `dom.innerHTML = props.dangerouslySetInnerHTML.__html`.
      const assignments = text.match(/\.innerHTML\s*=[^=][^,;)]*/g) ?? [];
      for (const assignment of assignments) assert.match(assignment, /^\.innerHTML\s*=\s*\w+\.__html$/, `${name}: ${assignment}`);
    }
    const offenders: string[] = [];
    for (const file of await sourceFiles(join(repoRoot, 'src'))) {
      const text = await readFile(file, 'utf8');
      if (/dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write/.test(text)) offenders.push(file);
    }
    assert.deepEqual(offenders, [], 'no source file writes HTML');
  });

  it('the production manifest mentions no test endpoint and asks for no extra host', async () => {
    assert.ok(bundles.size > 0, 'no production bundles (see the first test)');
    const manifest = await readFile(join(copy.dir, 'dist', 'manifest.json'), 'utf8');
    assert.equal(manifest.includes('127.0.0.1'), false);
    assert.deepEqual((JSON.parse(manifest) as { host_permissions: string[] }).host_permissions, ['https://www.googleapis.com/*']);
  });

  for (const [label, code, reported] of [
    ['eval(', "eval('1');", /service-worker\.js contains eval\(/],
    ['new Function(', "new Function('return 1')();", /service-worker\.js contains new Function\(/],
    ['a test endpoint (127.0.0.1)', "fetch('http://127.0.0.1:9/');", /service-worker\.js contains a test endpoint/],
  ] as const) {
    it(`the build itself fails when a bundle contains ${label}`, async () => {
      const injected = await copyRepo();
      try {
        const file = join(injected.dir, 'src/background/service-worker.ts');
        await writeFile(file, `${await readFile(file, 'utf8')}\n(globalThis as { probe?: () => unknown }).probe = () => { ${code} };\n`);
        await assert.rejects(injected.build([]), (error: Error & { stderr?: string }) => {
          assert.match(`${error.message}\n${error.stderr ?? ''}`, /Bundle check failed/);
          assert.match(`${error.message}\n${error.stderr ?? ''}`, reported);
          return true;
        });
      } finally {
        await injected.remove();
      }
    });
  }
});
