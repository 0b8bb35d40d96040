// Proves the browser test harness against a throwaway MV3 extension built right here, so
// the harness can be trusted before (and independently of) the real extension's build.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromePath, launchExtension, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';

const GMAIL_DRAFT = 'https://mail.google.com/mail/?view=cm&to=a%40example.com';

/** Writes the smallest extension that keeps the harness's contract (`ready` in storage). */
async function buildThrowawayExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'standby-harness-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'Harness probe',
    version: '1.0.0',
    background: { service_worker: 'worker.js', type: 'module' },
    permissions: ['storage'],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(
    join(dir, 'worker.js'),
    `chrome.runtime.onInstalled.addListener(async () => {
       await chrome.storage.local.set({ ready: Date.now() });
     });
     chrome.runtime.onMessage.addListener((message, _sender, respond) => {
       respond({ echo: message, marker: globalThis.marker ?? null });
     });
    `,
  );
  await writeFile(join(dir, 'page.html'), '<!doctype html><title>probe</title><h1>Harness probe</h1>');
  return dir;
}

describe('browser test harness', () => {
  let extensionDir: string;
  let session: ExtensionSession;

  before(async () => {
    extensionDir = await buildThrowawayExtension();
    session = await launchExtension({ distDir: extensionDir });
  });

  after(async () => {
    await session?.close();
    if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
  });

  it('finds a Chromium to drive, honouring CHROME_PATH', PER_TEST, () => {
    const saved = process.env.CHROME_PATH;
    try {
      process.env.CHROME_PATH = '/nonexistent/chromium';
      assert.throws(() => chromePath(), /CHROME_PATH=\/nonexistent\/chromium/);
      delete process.env.CHROME_PATH;
      assert.match(chromePath(), /chrom/);
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    }
  });

  it('refuses to launch without a built extension, saying how to build one', PER_TEST, async () => {
    await assert.rejects(launchExtension({ distDir: join(extensionDir, 'missing') }), /node build\.mjs --test/);
  });

  it('takes the extension id from the service worker URL', PER_TEST, async () => {
    assert.match(session.extensionId, /^[a-p]{32}$/);
    const worker = await session.worker();
    assert.equal(worker.url(), `chrome-extension://${session.extensionId}/worker.js`);
  });

  it('resolves only once the extension has written ready', PER_TEST, async () => {
    const { ready } = await session.readStorage('ready');
    assert.equal(typeof ready, 'number');
  });

  it('reads and writes storage.local and opens extension pages', PER_TEST, async () => {
    await session.writeStorage({ greeting: 'ciao', count: 2 });
    assert.deepEqual(await session.readStorage(['greeting', 'count']), { greeting: 'ciao', count: 2 });
    const page = await session.openPage('/page.html');
    assert.equal(page.url(), `chrome-extension://${session.extensionId}/page.html`);
    assert.equal(await page.textContent('h1'), 'Harness probe');
    const shot = await session.screenshot(page, 'harness probe page');
    assert.ok(shot.endsWith('test-results/harness-probe-page.png') && existsSync(shot));
    await page.close();
  });

  it('evaluates in the worker, also functions with named inner helpers (tsx keepNames)', PER_TEST, async () => {
    const sum = await session.evaluateInWorker((n: number) => {
      const double = (x: number) => x * 2;
      return double(n) + 1;
    }, 20);
    assert.equal(sum, 41);
  });

  it('stops the worker for real, and a message from an extension page wakes a fresh one', PER_TEST, async () => {
    await session.evaluateInWorker(() => {
      (globalThis as { marker?: string }).marker = 'before stop';
    });
    await session.stopServiceWorker();

    // Chrome reports it stopped; the harness then refuses to send it work (which would
    // queue up and run on the next wake) and says so instead of hanging.
    await assert.rejects(
      session.evaluateInWorker(() => 1, undefined, 300),
      /Timed out after 300 ms waiting for a running service worker/,
    );
    // Storage is still readable while the worker is down.
    assert.equal(typeof (await session.readStorage('ready')).ready, 'number');

    const page = await session.openPage('page.html');
    const reply = await page.evaluate(() => chrome.runtime.sendMessage('wake up'));
    await page.close();
    // A new worker instance: module state from before the stop is gone.
    assert.deepEqual(reply, { echo: 'wake up', marker: null });
    assert.equal(await session.evaluateInWorker(() => (globalThis as { marker?: string }).marker ?? null), null);
  });

  it('reports the URL of a tab the worker opened, though DNS is blocked and it never loads', PER_TEST, async () => {
    await session.evaluateInWorker((url) => chrome.tabs.create({ url }).then(() => undefined), GMAIL_DRAFT);
    const urls = await session.waitFor(
      async () => {
        const all = await session.openedTabUrls();
        return all.includes(GMAIL_DRAFT) && all;
      },
      { message: 'the Gmail tab to appear among the targets' },
    );
    assert.ok(!urls.some((url) => url.endsWith('/manifest.json')), 'the harness hides its own control page');
  });

  it('keeps storage.local across a browser restart and waits for the new ready', PER_TEST, async () => {
    await session.writeStorage({ survivor: 'still here' });
    const { profileDir, extensionId } = session;
    session = await session.relaunch();

    assert.equal(session.profileDir, profileDir);
    assert.equal(session.extensionId, extensionId, 'same folder, same id');
    const stored = await session.readStorage(['survivor', 'ready']);
    assert.equal(stored.survivor, 'still here');
    assert.equal(typeof stored.ready, 'number');
  });

  it('removes its temp profile on close', PER_TEST, async () => {
    const { profileDir } = session;
    assert.ok(existsSync(profileDir));
    await session.close();
    assert.ok(!existsSync(profileDir));
    await session.close(); // twice is harmless
  });
});
