// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Browser globals that only src/platform may touch. */
const browserApiGlobals = [
  { name: 'chrome', message: 'Browser APIs live in src/platform.' },
  { name: 'browser', message: 'Browser APIs live in src/platform.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-test/', 'node_modules/', 'bench-results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render event data as text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render event data as text.' },
      ],
    },
  },
  // The architecture's import boundaries (the same zones Dark Reader enforces with
  // import/no-restricted-paths, expressed with ESLint's own rules so no plugin is needed).
  {
    files: ['src/core/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...browserApiGlobals, { name: 'window', message: 'core has no DOM.' }, { name: 'document', message: 'core has no DOM.' }, { name: 'fetch', message: 'core does no I/O.' }],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['webextension-polyfill', 'preact', 'preact/*'], message: 'core is pure: no browser API, no UI.' },
        { group: ['**/platform/**', '**/background/**', '**/popup/**', '**/options/**', '**/ui/**', '**/calendar/**'], message: 'core imports nothing of ours outside core.' },
      ] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'core takes the time as a parameter.' }],
    },
  },
  {
    files: ['src/calendar/**'],
    rules: {
      'no-restricted-globals': ['error', ...browserApiGlobals],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['webextension-polyfill', '**/background/**', '**/popup/**', '**/options/**', '**/ui/**'], message: 'calendar code gets fetch injected and returns data.' },
      ] }],
    },
  },
  {
    files: ['src/popup/**', 'src/options/**', 'src/ui/**'],
    rules: {
      'no-restricted-globals': ['error', ...browserApiGlobals],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/background/**'], message: 'The UI talks to the service worker through messages only.' },
        { group: ['webextension-polyfill'], message: 'Use src/platform.' },
      ] }],
    },
  },
  {
    files: ['src/background/**'],
    rules: {
      'no-restricted-globals': ['error', ...browserApiGlobals],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/popup/**', '**/options/**', '**/ui/**', 'preact', 'preact/*'], message: 'The service worker has no UI.' },
        { group: ['webextension-polyfill'], message: 'Use src/platform.' },
      ] }],
    },
  },
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
