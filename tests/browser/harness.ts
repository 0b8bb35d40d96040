// Launches the built extension in a real headless Chromium for node:test browser tests.
//
//   node build.mjs --test && node --import tsx --test tests/browser/*.test.ts
//
// Every workaround here answers a fact measured on Debian's Chromium and listed in
// docs/TESTING.md, "What the harness relies on" ("BT" below). One browser per test file:
// launch in `before`, close in `after`.
//
// Contract with the extension: when its install/startup work is done, it writes
// `chrome.storage.local.ready = Date.now()` (any number will do). When a session closes and
// its profile stays (relaunch(), or a caller's profileDir) the harness removes `ready`, so
// the next launch waits for that launch's own work rather than a stale mark.
//
// The harness keeps one tab of its own open (chrome-extension://ID/manifest.json) for
// storage access and CDP; it shows up in context.pages() but not in openedTabUrls().
import { chromium } from 'playwright-core';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECONCILE_LOCK } from '../../src/core/reconcile.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The time limit of one browser test: every browser test passes this as its options,
 * `it('…', PER_TEST, async () => …)`. node:test's --test-timeout cannot say this: with one
 * process per file it limits the whole file (10 minutes, package.json). A test past the limit
 * fails loudly (tests/summary-reporter.mjs) instead of hanging CI on an answer that never comes.
 */
export const PER_TEST = { timeout: 60_000 } as const;

/** How long launch may take to reach `ready` (BT: about 0.4 s; CI machines have 2 cores). */
const READY_TIMEOUT_MS = 10_000;

/**
 * The page the harness keeps open for its own work: every extension has a manifest, its
 * document has the extension's origin and so `chrome.storage`, and unlike popup.html it
 * runs none of our code (which would message the worker and wake it up).
 */
const CONTROL_PATH = 'manifest.json';

export interface LaunchOptions {
  /** The unpacked extension; defaults to `<repo>/dist-test` (made by `node build.mjs --test`). */
  distDir?: string;
  /** Reuse this profile and leave it on disk; by default a fresh temp profile, removed on close. */
  profileDir?: string;
  /** IANA zone for the browser, e.g. 'Europe/Rome'. */
  timezoneId?: string;
  /** e.g. 'it': sets navigator.language and, via --lang, the locale chrome.i18n uses. */
  locale?: string;
}

export interface WaitForOptions {
  /**
   * Milliseconds before giving up; default 15000. Only a failing wait lasts this long, so the
   * default is set for a loaded 2-core machine (npm run test:stress), not for a quiet one.
   */
  timeout?: number;
  /** Says what was awaited, for the error. */
  message: string;
}

export interface ExtensionSession {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly profileDir: string;
  /** The live service worker; while it is stopped, waits (10 s) for something to wake it. */
  worker(): Promise<Worker>;
  /** Opens `chrome-extension://ID/<path>` in a new tab and waits for `load`. */
  openPage(path: string): Promise<Page>;
  /**
   * chrome.storage.local.get (all keys when `keys` is omitted), run in an extension page so it
   * works while the worker is stopped (BT). `T` is the caller's unchecked claim about the shape.
   */
  readStorage<T extends object = Record<string, unknown>>(keys?: string | string[]): Promise<T>;
  /**
   * chrome.storage.local.set, run in an extension page under the worker's reconcile lock, so
   * that a reconcile already running (say, from the previous test's click) cannot write its
   * older copy of the state over these values.
   */
  writeStorage(items: Record<string, unknown>): Promise<void>;
  /**
   * Asks the worker to reconcile now (the `refresh` message the popup sends when it opens) and
   * resolves once it has answered, i.e. once storage holds the reconciled state.
   */
  reconcile(): Promise<void>;
  /** Stops the extension's service worker and resolves once it is really stopped. */
  stopServiceWorker(): Promise<void>;
  /** Evaluates `fn(arg)` in the live worker; rejects with a clear error after `timeoutMs`. */
  evaluateInWorker<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs?: number): Promise<R>;
  /** URLs of all tabs (CDP page targets), including ones that never loaded; not the harness's own page. */
  openedTabUrls(): Promise<string[]>;
  /** Polls `probe` until it returns something other than undefined/false. */
  waitFor<T>(probe: () => Promise<T | undefined | false>, options: WaitForOptions): Promise<T>;
  /** Saves a PNG of `page` as `<repo>/test-results/<name>.png` and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Closes the browser; removes the profile unless the caller supplied it. Safe to call twice. */
  close(): Promise<void>;
  /** Closes the browser and launches it again on the same profile (a browser restart). */
  relaunch(): Promise<ExtensionSession>;
}

/** The browser to drive: $CHROME_PATH, else Debian's chromium, else one found on PATH. */
export function chromePath(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  // BT: branded Google Chrome 137+ ignores --load-extension, so it comes last.
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (dir && isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  throw new Error("Chromium not found: install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH");
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls `probe` every 25 ms until it returns a value other than `undefined` or `false`;
 * a probe that throws counts as "not yet" (its last error becomes the cause). Each probe
 * is itself bounded by the deadline, so a hung evaluate cannot stall the test.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  { timeout = 15_000, message }: WaitForOptions,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await withTimeout(probe(), Math.max(deadline - Date.now(), 1), PROBE_CUT);
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      // The last probe cut short by the deadline says less than the failure before it.
      const cut = error instanceof Error && error.message === PROBE_CUT;
      lastError = cut && lastError !== undefined ? lastError : error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${message}`, { cause: lastError });
    }
    await new Promise((done) => setTimeout(done, 25));
  }
}

const PROBE_CUT = 'the probe was still running at the deadline';

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  // The losing promise may still reject later (say, when the browser closes): keep that quiet.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * tsx compiles test files with esbuild's keepNames, which wraps inner named functions in
 * `__name(...)`; a function serialised into the browser would then throw
 * "__name is not defined". This makes the helper exist wherever we evaluate.
 */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** Launches Chromium with the extension loaded and resolves once the extension is `ready`. */
export function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  return launch(options, options.profileDir === undefined);
}

/** `ownsProfile`: the profile is the harness's (a temp dir, also across relaunches) to remove. */
async function launch(options: LaunchOptions, ownsProfile: boolean): Promise<ExtensionSession> {
  const distDir = resolve(options.distDir ?? join(repoRoot, 'dist-test'));
  if (!existsSync(join(distDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${distDir}: run \`node build.mjs --test\` first`);
  }
  const executablePath = chromePath();
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'standby-profile-')));

  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true, // BT: loads unpacked extensions, needs no X server
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      args: [
        `--disable-extensions-except=${distDir}`,
        `--load-extension=${distDir}`,
        // BT: the flags that keep a browser quiet on a machine with no internet.
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // BT: no DNS at all, so nothing leaks out; context.route() still intercepts.
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
        ...(options.locale ? [`--lang=${options.locale}`] : []),
      ],
    });
    return await startSession(context, { ...options, distDir, profileDir }, ownsProfile);
  } catch (error) {
    await context?.close().catch(() => undefined);
    if (ownsProfile) await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

type ResolvedOptions = LaunchOptions & { distDir: string; profileDir: string };

async function startSession(
  context: BrowserContext,
  options: ResolvedOptions,
  ownsProfile: boolean,
): Promise<ExtensionSession> {
  await context.addInitScript({ content: NAME_SHIM });
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  // BT: the extension id is the host of the worker's URL.
  const firstWorker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: READY_TIMEOUT_MS }));
  const extensionId = new URL(firstWorker.url()).host;
  const origin = `chrome-extension://${extensionId}`;

  // BT: launch resolves before async onInstalled work finishes (1 run in 8 flaked), so wait
  // for the extension's own `ready` mark. The worker cannot have been stopped yet.
  await waitFor(
    async () => {
      const { ready } = await firstWorker.evaluate(() => chrome.storage.local.get('ready'));
      return typeof ready === 'number';
    },
    { timeout: READY_TIMEOUT_MS, message: `the extension to write storage.local.ready (${origin})` },
  );

  // The worker's running status, from CDP. Needed because after ServiceWorker.stopAllWorkers
  // Playwright keeps the same Worker object, which looks alive but whose evaluate just waits
  // (BT) and then runs whenever something else wakes the worker.
  const statuses = new Map<string, string>();
  let control: Promise<{ page: Page; cdp: CDPSession }> | undefined;
  const controlPage = () => {
    control ??= (async () => {
      statuses.clear();
      const page = await context.newPage();
      await page.goto(`${origin}/${CONTROL_PATH}`);
      const cdp = await context.newCDPSession(page);
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions) if (v.scriptURL.startsWith(`${origin}/`)) statuses.set(v.versionId, v.runningStatus);
      });
      // Enabling reports every current version at once, so `statuses` starts complete.
      await cdp.send('ServiceWorker.enable');
      page.once('close', () => (control = undefined));
      return { page, cdp };
    })();
    return control;
  };
  await controlPage();

  /** Playwright's Worker for our extension, but only while CDP says it is running. */
  const runningWorker = async (timeout: number, message: string) => {
    await controlPage();
    return waitFor(
      async () =>
        [...statuses.values()].includes('running') &&
        context.serviceWorkers().filter((w) => w.url().startsWith(`${origin}/`)).at(-1),
      { timeout, message },
    );
  };
  const notRunning = 'a running service worker (stopped? wake it with a message or an alarm)';

  let browserCdp: Promise<CDPSession> | undefined;
  let closed = false;

  const session: ExtensionSession = {
    context,
    extensionId,
    profileDir: options.profileDir,

    worker: () => runningWorker(READY_TIMEOUT_MS, notRunning),

    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`${origin}/${path.replace(/^\/+/, '')}`, { waitUntil: 'load' });
      return page;
    },

    async readStorage<T extends object = Record<string, unknown>>(keys?: string | string[]) {
      const { page } = await controlPage();
      return (await page.evaluate((k) => chrome.storage.local.get<Record<string, unknown>>(k ?? null), keys)) as T;
    },

    async writeStorage(items) {
      const { page } = await controlPage();
      await page.evaluate(
        ({ i, lock }) => navigator.locks.request(lock, () => chrome.storage.local.set(i)),
        { i: items, lock: RECONCILE_LOCK },
      );
    },

    async reconcile() {
      const { page } = await controlPage();
      const reply = await withTimeout(
        page.evaluate(() => chrome.runtime.sendMessage({ type: 'interview-standby', name: 'refresh', request: {} }) as Promise<{ ok: boolean; error?: { key: string } } | undefined>),
        READY_TIMEOUT_MS,
        'reconcile: no answer from the service worker to `refresh`',
      );
      if (reply?.ok !== true) throw new Error(`reconcile: the worker answered ${JSON.stringify(reply)}`);
    },

    async stopServiceWorker() {
      // BT: the worker never idles out while Playwright is attached; stop it through CDP on
      // a page session (ServiceWorker.enable is already on). It takes 10–20 ms.
      const { cdp } = await controlPage();
      await cdp.send('ServiceWorker.stopAllWorkers');
      // BT: asked right after a wake-up (a message answered, then an evaluate), Chromium
      // sometimes leaves the worker running: about one stop in 30 in a loop of just that.
      // Asking again a second later stops it.
      let askedAt = Date.now();
      await waitFor(async () => {
        if ([...statuses.values()].every((s) => s === 'stopped')) return true;
        if (Date.now() - askedAt > 1000) {
          askedAt = Date.now();
          await cdp.send('ServiceWorker.stopAllWorkers');
        }
        return false;
      }, { message: 'the service worker to stop' });
    },

    async evaluateInWorker<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      // Wait for "running" before sending anything: an evaluate sent to a stopped worker
      // would sit in a queue and run later, whenever the worker woke, long after the test
      // had given up on it.
      const w = await runningWorker(timeoutMs, `${notRunning}, for evaluateInWorker`);
      const work = w.evaluate(NAME_SHIM).then(() => w.evaluate(fn as (arg: unknown) => R | Promise<R>, arg));
      return withTimeout(
        work as Promise<R>,
        Math.max(deadline - Date.now(), 1),
        `evaluateInWorker: no answer from the service worker within ${timeoutMs} ms`,
      );
    },

    async openedTabUrls() {
      // BT: a tab opened by tabs.create is not routed on its first navigation and, with DNS
      // blocked, ends on an error page (Page.url() says chrome-error://); the CDP target
      // keeps the URL the extension asked for.
      browserCdp ??= context.browser()?.newBrowserCDPSession() ?? controlPage().then(({ cdp }) => cdp);
      const { targetInfos } = await (await browserCdp).send('Target.getTargets');
      return targetInfos
        .filter((t) => t.type === 'page' && t.url !== `${origin}/${CONTROL_PATH}`)
        .map((t) => t.url);
    },

    waitFor,

    async screenshot(page, name) {
      const dir = join(repoRoot, 'test-results');
      await mkdir(dir, { recursive: true });
      const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path });
      return path;
    },

    close: () => closeSession(false),

    async relaunch() {
      await closeSession(true);
      return launch(options, ownsProfile);
    },
  };

  async function closeSession(keepProfile: boolean): Promise<void> {
    if (closed) return;
    closed = true;
    if (keepProfile || !ownsProfile) {
      // The next launch on this profile must wait for its own install work, not see this
      // run's mark (BT: a relaunch reruns onInstalled and keeps storage.local).
      await withTimeout(
        controlPage().then(({ page }) => page.evaluate(() => chrome.storage.local.remove('ready'))),
        2000,
        'clearing ready',
      ).catch(() => undefined);
    }
    await context.close();
    if (ownsProfile && !keepProfile) await rm(options.profileDir, { recursive: true, force: true, maxRetries: 3 });
  }

  return session;
}

/** The demo's first interview starts this long after the demo's anchor (src/calendar/demo-calendar.ts). */
export const FIRST_DEMO_OFFSET = 4 * 60_000;

/**
 * Moves the demo calendar so that its first interview starts at `start`, with `extra` stored
 * alongside (say `marks: {}`), and resolves with that interview's id once the worker has
 * rebuilt the stored interviews from the new anchor. A popup opened after this shows the new
 * interview from its first paint, so a click can never reach the previous test's card.
 */
export async function moveDemo(session: ExtensionSession, start: number, extra: Record<string, unknown> = {}): Promise<string> {
  const anchor = start - FIRST_DEMO_OFFSET;
  const id = `demo:demo-1-${anchor}`;
  await session.writeStorage({ source: { kind: 'demo', anchor }, ...extra });
  await session.reconcile();
  await session.waitFor(async () => {
    const { interviews } = await session.readStorage<{ interviews?: Record<string, { start: number }> }>(['interviews']);
    return interviews?.[id]?.start === start;
  }, { message: `the demo interview ${id} to be stored` });
  return id;
}

/**
 * Clicks Allow on the fake OAuth consent page. Allow completes the sign-in, and Chrome closes
 * the page as soon as the redirect arrives: on a loaded machine that can be before Playwright's
 * click has returned, which it reports as "Target page, context or browser has been closed"
 * (seen once in 248 tests of a stress run). A page closed then is the click having worked; any
 * other failure is thrown. Callers wait for the sign-in's effect next, which proves the click.
 */
export async function allowConsent(consent: Page): Promise<void> {
  try {
    await consent.locator('#allow').click();
  } catch (error) {
    if (!consent.isClosed()) throw error;
  }
}

/** Runs `action` and resolves with the Gmail compose URL of the tab it opened. */
export async function gmailUrlAfter(session: ExtensionSession, action: () => Promise<void>): Promise<URL> {
  const before = new Set(await session.openedTabUrls());
  await action();
  const url = await session.waitFor(async () => (await session.openedTabUrls()).find((u) => u.startsWith('https://mail.google.com/') && !before.has(u)), {
    message: 'a new Gmail compose tab opened',
  });
  return new URL(url);
}

/**
 * Records the keys each `chrome.storage.local.get` asks for (null: everything) in
 * `globalThis.storageReads`, in the context it runs in: pass it to `page.addInitScript` for a
 * page, from its first script on, or to `session.evaluateInWorker` for the worker, and
 * `stopRecordingStorageReads` there after.
 */
export function recordStorageReads(): void {
  const area = chrome.storage.local;
  const original = area.get;
  const read = original.bind(area);
  const asked: unknown[] = [];
  Object.assign(globalThis, { storageReads: asked, storageGetBeforeRecording: original });
  area.get = ((keys: unknown, ...rest: unknown[]) => {
    asked.push(keys ?? null);
    return (read as (...args: unknown[]) => unknown)(keys, ...rest);
  }) as typeof area.get;
}

/** Puts back the `chrome.storage.local.get` that recordStorageReads replaced (it is an own
 * property of the area: deleting the replacement would leave none). */
export function stopRecordingStorageReads(): void {
  chrome.storage.local.get = (globalThis as unknown as { storageGetBeforeRecording: typeof chrome.storage.local.get }).storageGetBeforeRecording;
}
