// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The import-boundary matrix: for each folder ("room") of src/, the rooms it may import. Every
 * pair not listed is forbidden, on purpose; the README ("How it is built") and
 * docs/ARCHITECTURE.md say the same in words. A test (tests/unit/import-graph.test.ts) checks
 * the real imports against this table and that no import cycle exists.
 */
export const mayImport = {
  core: [],
  calendar: ['core'],
  platform: ['core'],
  background: ['core', 'calendar', 'platform'],
  ui: ['core', 'platform'],
  popup: ['core', 'platform', 'ui'],
  options: ['core', 'platform', 'ui'],
};

/** Why a room may not import another: one sentence per importing room. */
const becauseOf = {
  core: 'core is pure: it imports nothing of ours outside core.',
  calendar: 'calendar code gets fetch injected and returns data: it uses core only.',
  platform: 'platform wraps browser APIs for everyone: it uses core only, never the rooms that use it.',
  background: 'The service worker has no UI.',
  ui: 'Shared UI uses core and platform only: popup and options use it, not the reverse.',
  popup: 'The popup talks to the service worker through messages only, and reads no calendar code.',
  options: 'The options page talks to the service worker through messages only, and reads no calendar code.',
};

/** npm packages and the rooms that may use them. */
const packageRooms = [
  { group: ['preact', 'preact/*'], rooms: ['ui', 'popup', 'options'], message: 'Only the pages render UI.' },
  { group: ['date-fns', 'date-fns/*'], rooms: ['ui', 'popup', 'options'], message: 'date-fns formats for the pages only.' },
  { group: ['ical.js'], rooms: ['calendar'], message: 'Only the iCal source parses iCalendar.' },
];

/** Browser globals that only src/platform may touch (docs/ARCHITECTURE.md, "Calling the browser"). */
const browserApiGlobals = [
  { name: 'chrome', message: 'Browser APIs live in src/platform.' },
  { name: 'browser', message: 'Browser APIs live in src/platform.' },
  { name: 'importScripts', message: 'The worker runs its second script through src/platform/worker-scripts.ts.' },
];

/**
 * Inside src/platform the globals are forbidden too: every file calls the `browser` that
 * src/platform/browser.ts exports (webextension-polyfill), the one way to call the browser.
 */
const platformGlobals = [
  { name: 'chrome', message: "Call browser.* imported from './browser.ts' (webextension-polyfill), not chrome.*." },
  { name: 'browser', message: "Import browser from './browser.ts'." },
];

/** The one file that imports webextension-polyfill. */
const polyfillFile = 'src/platform/browser.ts';

/** Event text is rendered as text, everywhere. */
const markupRules = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render event data as text.' },
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render event data as text.' },
];

/** The imports a room may not make; `polyfill` is true for src/platform/browser.ts only. */
function forbiddenImports(room, { polyfill = false } = {}) {
  const allowed = new Set([room, ...mayImport[room]]);
  const forbiddenRooms = Object.keys(mayImport).filter((other) => !allowed.has(other));
  return [
    ...(forbiddenRooms.length > 0 ? [{ group: forbiddenRooms.map((other) => `**/${other}/**`), message: becauseOf[room] }] : []),
    ...packageRooms.filter((p) => !p.rooms.includes(room)).map((p) => ({ group: p.group, message: p.message })),
    ...(polyfill ? [] : [{ group: ['webextension-polyfill'], message: `Only ${polyfillFile} imports webextension-polyfill; call browser.* through it (docs/ARCHITECTURE.md).` }]),
  ];
}

/** The ESLint block of one room: its forbidden imports and globals. */
function roomBlock(room) {
  const rules = {
    'no-restricted-imports': ['error', { patterns: forbiddenImports(room) }],
    'no-restricted-globals': ['error', ...(room === 'platform' ? platformGlobals : browserApiGlobals)],
  };
  if (room === 'core') {
    rules['no-restricted-globals'] = ['error', ...browserApiGlobals, { name: 'window', message: 'core has no DOM.' }, { name: 'document', message: 'core has no DOM.' }, { name: 'fetch', message: 'core does no I/O.' }];
    rules['no-restricted-properties'] = ['error', { object: 'Date', property: 'now', message: 'core takes the time as a parameter.' }];
    rules['no-restricted-syntax'] = ['error', ...markupRules, { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core takes the time as a parameter.' }];
  }
  return { files: [`src/${room}/**`], ...(room === 'core' ? { languageOptions: { globals: {} } } : {}), rules };
}

export default tseslint.config(
  { ignores: ['dist/', 'dist-test/', 'node_modules/', 'bench-results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...markupRules],
    },
  },
  // The architecture's import boundaries (the zones Dark Reader enforces with
  // import/no-restricted-paths, expressed with ESLint's own rules so no plugin is needed).
  ...Object.keys(mayImport).map(roomBlock),
  { files: [polyfillFile], rules: { 'no-restricted-imports': ['error', { patterns: forbiddenImports('platform', { polyfill: true }) }] } },
  {
    files: ['tests/**', 'build.mjs', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Every browser test has a time limit of its own (see PER_TEST in tests/browser/harness.ts),
    // and waits for conditions, not for time (docs/TESTING.md).
    files: ['tests/browser/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.name='it'][arguments.length<3]", message: "Give the test its time limit: it('…', PER_TEST, async () => …)." },
        { selector: "CallExpression[callee.property.name='waitForTimeout']", message: 'Wait for a condition (session.waitFor, a locator), not for time.' },
      ],
    },
  },
);
