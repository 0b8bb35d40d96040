// Builds the extension: one esbuild bundle per runtime context, plus the static files.
//
//   node build.mjs            production build into dist/
//   node build.mjs --watch    rebuild dist/ on every change
//   node build.mjs --test     test build into dist-test/ (test seams compiled in)
//   node build.mjs --test --outdir=DIR   a test build elsewhere (a browser test's own build)
//   node build.mjs --zip      production build, then a store-ready zip of dist/
//   node build.mjs --metafile also write dist/meta.json (used by the benchmark)
import * as esbuild from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { watch as watchFiles } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDirectory } from './scripts/zip-directory.mjs';
import { dateFnsLocalesPlugin } from './scripts/date-fns-locales.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const args = new Set(argv);
const isTest = args.has('--test');
const isWatch = args.has('--watch');
const outdirArg = argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length);
if (outdirArg !== undefined && !isTest) throw new Error('--outdir is for test builds only: dist/ is what gets zipped and loaded');
const outdir = outdirArg ? resolve(root, outdirArg) : join(root, isTest ? 'dist-test' : 'dist');

/**
 * Google endpoints. Production bundles get Google's and nothing else. A `--test` build points
 * at the fakes (tests/fakes/) on 127.0.0.1: a browser test that signs in starts its fakes on
 * free ports first, then builds with TEST_GOOGLE_AUTH_URL and TEST_GOOGLE_API_BASE set to them
 * (tests/browser/isolated-build.ts). Without them, the shared dist-test/ points at port 9
 * (the "discard" port, where nothing listens): tests that never sign in never reach it.
 */
const TEST_GOOGLE_DEFAULTS = {
  authUrl: 'http://127.0.0.1:9/o/oauth2/v2/auth',
  apiBase: 'http://127.0.0.1:9/calendar/v3',
  webClientId: 'test-client.apps.googleusercontent.com',
};
const google = isTest
  ? {
    authUrl: process.env.TEST_GOOGLE_AUTH_URL || TEST_GOOGLE_DEFAULTS.authUrl,
    apiBase: process.env.TEST_GOOGLE_API_BASE || TEST_GOOGLE_DEFAULTS.apiBase,
    // Set but empty: a build without Google sign-in, as a build with no client id is.
    webClientId: process.env.TEST_GOOGLE_WEB_CLIENT_ID ?? TEST_GOOGLE_DEFAULTS.webClientId,
    chromeClientId: '',
  }
  : {
    authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    apiBase: 'https://www.googleapis.com/calendar/v3',
    // Both are public identifiers, not secrets; they still come from the environment so that
    // each developer and the store build use their own Google Cloud project.
    webClientId: process.env.GOOGLE_WEB_CLIENT_ID ?? '',
    chromeClientId: process.env.GOOGLE_OAUTH_CLIENT_ID ?? '',
  };
/** Read-only scopes; the same list is in src/calendar/google-calendar.ts (GOOGLE_SCOPES). */
const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/calendar.events.readonly',
  'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
];

/** Code that must never appear in a bundle (MV3 forbids remote and evaluated code). */
const forbiddenInBundles = [
  [/\beval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/<script[^>]+src=["']?https?:/i, 'remote <script>'],
  [/import\s*\(\s*["']https?:/, 'remote import()'],
];

/**
 * webextension-polyfill is a UMD file, so esbuild would wrap it as CommonJS and import it with
 * `__toESM`, which copies every property of what it exports onto a namespace object, asking for
 * each property's descriptor. Where the browser has its own `browser` namespace (Chrome 148+),
 * the polyfill exports that object, and reading a descriptor makes Chrome set up that API: every
 * wake-up of the worker, and every page, set up all of them before running a line of ours
 * (about 6 ms of the worker's start, measured with `npm run bench`). Loaded as an ES module
 * instead, with the `module` its UMD header looks for, the same code runs unchanged and its
 * export is used as it is.
 */
const polyfillAsModule = {
  name: 'polyfill-as-module',
  setup(build) {
    let loaded = false;
    build.onStart(() => {
      loaded = false;
    });
    build.onLoad({ filter: /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(?:\.min)?\.js$/ }, async ({ path }) => {
      loaded = true;
      const source = await readFile(path, 'utf8');
      return { contents: `const module = { exports: {} };\nconst exports = module.exports;\n${source}\nexport default module.exports;\n`, loader: 'js' };
    });
    // A polyfill release that moves its file would otherwise be bundled the slow way, silently.
    build.onEnd((result) => {
      const bundled = Object.values(result.metafile?.outputs ?? {}).some(({ inputs }) => Object.keys(inputs).some((input) => input.includes('webextension-polyfill')));
      if (bundled && !loaded) return { errors: [{ text: 'webextension-polyfill was bundled without polyfillAsModule (build.mjs): its file moved; update the filter' }] };
      return undefined;
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: {
    'service-worker': 'src/background/service-worker.ts',
    // The worker's second script: what only a sync, a draft or remaking the demo needs
    // (src/background/on-demand-script.ts).
    'on-demand': 'src/background/on-demand.ts',
    popup: 'src/popup/popup.tsx',
    options: 'src/options/options.tsx',
  },
  outdir,
  bundle: true,
  // Classic scripts, not ES modules: Chromium keeps the compiled code of a classic service
  // worker it has installed, and compiles a module worker again on every wake-up (about 15 ms of
  // a 220 KB worker's start, `npm run bench`). The pages load the same format for one build.
  // Each bundle stays strict, as modules are: esbuild writes "use strict" first, because
  // tsconfig.json has `strict` (tests/unit/bundle-check.test.ts).
  format: 'iife',
  target: 'chrome116',
  // esbuild counts every Chrome out for Unicode property escapes (its table tests the newest
  // Unicode's properties), so it would turn each /\p{…}/u into `new RegExp("…", "u")`: longer,
  // and a module-level one the bundle never uses can then no longer be dropped (a constructor
  // call might throw). The general categories src/ uses (\p{L}, \p{Lu}, \p{N}, …) are in
  // every Chrome since 64; tests/unit/regexp-escapes.test.ts holds src/ to them.
  supported: { 'regexp-unicode-property-escapes': true },
  minify: !isWatch,
  sourcemap: isWatch || isTest ? 'linked' : false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // The pages read only `formatDistance` of a date-fns locale: the rest stays out (the popup's
  // size budget, `npm run bench`). The polyfill is read as an ES module (polyfillAsModule).
  plugins: [dateFnsLocalesPlugin(), polyfillAsModule],
  define: {
    __TEST_BUILD__: JSON.stringify(isTest),
    __GOOGLE_AUTH_URL__: JSON.stringify(google.authUrl),
    __GOOGLE_API_BASE__: JSON.stringify(google.apiBase),
    __GOOGLE_WEB_CLIENT_ID__: JSON.stringify(google.webClientId),
  },
};

async function copyStatic() {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  manifest.version = pkg.version;
  // A stable extension id (needed for the OAuth redirect) comes from the environment,
  // never from the repository.
  if (process.env.EXTENSION_KEY) manifest.key = process.env.EXTENSION_KEY;
  // getAuthToken needs the Chrome Extension OAuth client; without one the build still works
  // and sign-in uses the web flow (or the options page says what is missing).
  if (google.chromeClientId) manifest.oauth2 = { client_id: google.chromeClientId, scopes: GOOGLE_SCOPES };
  // The fakes live on 127.0.0.1; only the test build may reach them.
  if (isTest) manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  if (!isTest && JSON.stringify(manifest).includes('127.0.0.1')) throw new Error('A production manifest must not mention 127.0.0.1');
  await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await cp(join(root, 'src/_locales'), join(outdir, '_locales'), { recursive: true });
  await mkdir(join(outdir, 'icons'), { recursive: true });
  for (const name of await readdir(join(root, 'icons'))) {
    if (name.endsWith('.png')) await cp(join(root, 'icons', name), join(outdir, 'icons', name));
  }
  await cp(join(root, 'src/popup/popup.html'), join(outdir, 'popup.html'));
  await cp(join(root, 'src/options/options.html'), join(outdir, 'options.html'));
  await cp(join(root, 'src/ui/styles.css'), join(outdir, 'styles.css'));
}

/**
 * The built-in email wording as data (dist/templates.json), taken from the same module the
 * options page and the tests use. The service worker fetches it when it builds a draft, so
 * the text stays out of the bundle every wake-up parses (the worker's size budget, `npm run bench`).
 */
async function writeTemplates() {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/core/render-template.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  await writeFile(join(outdir, 'templates.json'), JSON.stringify(module.defaultTemplates));
}

/**
 * CLDR's Windows → IANA zone table as data (dist/windows-zones.txt), from the generated
 * module the tests use: the worker reads it at sync time instead of bundling it.
 */
async function writeWindowsZones() {
  const source = await readFile(join(root, 'src/calendar/windows-zones-data.ts'), 'utf8');
  const table = /WINDOWS_ZONES = '([^']+)'/.exec(source)?.[1];
  if (!table) throw new Error('src/calendar/windows-zones-data.ts holds no table');
  await writeFile(join(outdir, 'windows-zones.txt'), table);
}

/** Fails the build when a bundle contains code MV3 forbids or we never want. */
async function checkBundles(metafile) {
  const problems = [];
  for (const file of Object.keys(metafile.outputs)) {
    if (!file.endsWith('.js')) continue;
    const text = await readFile(join(root, file), 'utf8');
    for (const [pattern, label] of forbiddenInBundles) {
      if (pattern.test(text)) problems.push(`${relative(root, join(root, file))} contains ${label}`);
    }
    if (!isTest && text.includes('__test_seam__')) problems.push(`${file} contains a test seam in a production build`);
    // The fakes' address: a production bundle must only ever talk to Google.
    if (!isTest && text.includes('127.0.0.1')) problems.push(`${file} contains a test endpoint (127.0.0.1) in a production build`);
  }
  if (problems.length > 0) throw new Error(`Bundle check failed:\n  ${problems.join('\n  ')}`);
}

async function buildOnce() {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await esbuild.build(options);
  await checkBundles(result.metafile);
  await copyStatic();
  await writeTemplates();
  await writeWindowsZones();
  if (args.has('--metafile')) await writeFile(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  return result;
}

if (isWatch) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const ctx = await esbuild.context({
    ...options,
    plugins: [...options.plugins, {
      name: 'report',
      setup(build) {
        build.onEnd((result) => {
          writeTemplates().catch((error) => console.error(error));
          const stamp = new Date().toLocaleTimeString();
          console.log(`[${stamp}] rebuilt${result.errors.length ? ` with ${result.errors.length} error(s)` : ''}`);
        });
      },
    }],
  });
  await copyStatic();
  await writeWindowsZones();
  await ctx.watch();
  // Static files are not part of the esbuild graph: copy them again when they change.
  for (const dir of ['src/_locales', 'icons', 'src/popup', 'src/options', 'src/ui']) {
    watchFiles(join(root, dir), { recursive: true }, () => { copyStatic().catch((error) => console.error(error)); });
  }
  watchFiles(join(root, 'manifest.json'), () => { copyStatic().catch((error) => console.error(error)); });
  console.log(`Watching; loading ${relative(root, outdir)}/ unpacked picks up each rebuild.`);
} else {
  await buildOnce();
  console.log(`Built ${relative(root, outdir)}/${isTest ? ' (test build)' : ''}`);
  if (args.has('--zip')) {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    const zipPath = join(root, `interview-standby-${pkg.version}.zip`);
    const count = await zipDirectory(outdir, zipPath);
    console.log(`Wrote ${relative(root, zipPath)} (${count} files)`);
  }
}
