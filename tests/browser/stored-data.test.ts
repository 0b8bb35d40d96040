// Stored data in the real extension: corrupted storage is repaired, rebuilt from the source
// and reported; a schema-1 state keeps the user's marks and settings; a quota error leaves
// the previous state intact and is shown; a late alarm collapses into one notification.
// Demo calendar only (no fakes), on the shared dist-test build.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Interview, Marks } from '../../src/core/types.ts';
import { SCHEMA_VERSION } from '../../src/core/stored-state.ts';
import { RECONCILE_LOCK } from '../../src/core/reconcile.ts';
import { FIRST_DEMO_OFFSET, launchExtension, moveDemo, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { MINUTE } from '../../src/core/units.ts';

interface Stored {
  schemaVersion: number;
  interviews: Record<string, Interview>;
  marks: Record<string, Marks>;
  notified: Record<string, string>;
  source: { kind: string; anchor?: number };
  settings: Record<string, unknown> & { mailProvider: string; timing: Record<string, number>; profile: Record<string, string> };
  storageProblems?: string[];
}

interface Created { id: string; title: string; message: string }

describe('stored data: corruption, migration, quota, late alarms', () => {
  let session: ExtensionSession;
  let messenger: Page;

  const message = (name: string, request: unknown = {}) => messenger.evaluate(
    ([n, r]) => chrome.runtime.sendMessage({ type: 'interview-standby', name: n, request: r }) as Promise<{ ok: boolean; error?: { key: string }; value?: unknown }>,
    [name, request] as const,
  );
  const stored = () => session.readStorage<Stored>();
  /** Replaces everything in storage.local (the harness's writeStorage merges), under the reconcile lock as writeStorage does. */
  const replaceStorage = async (items: Record<string, unknown>) => {
    await messenger.evaluate(({ i, lock }) => navigator.locks.request(lock, async () => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set(i);
    }), { i: items, lock: RECONCILE_LOCK });
  };

  before(async () => {
    session = await launchExtension({ locale: 'en-US' });
    messenger = await session.openPage('manifest.json');
  });
  after(async () => {
    await session?.close();
  });

  it('keeps running on garbage in every key, rebuilds the interviews from the source and records the problem', PER_TEST, async () => {
    await session.writeStorage({ interviews: 'garbage', marks: ['not', 'marks'], settings: 'nonsense', schemaVersion: 999, source: 'a string', notified: 7 });
    const reply = await message('refresh');
    assert.equal(reply.ok, true, reply.error?.key);
    const state = await stored();
    assert.equal(state.schemaVersion, SCHEMA_VERSION);
    assert.equal(state.source.kind, 'demo');
    assert.ok(Number.isFinite(state.source.anchor));
    assert.ok(Object.keys(state.interviews).length >= 3, 'the demo interviews are rebuilt from the source');
    assert.equal(typeof state.settings.timing.minWait, 'number');
    assert.deepEqual(state.marks, Object.fromEntries(Object.entries(state.marks)), 'marks is a map again');
    assert.ok(!Array.isArray(state.marks));
    assert.ok((state.storageProblems ?? []).length > 0, 'the worker recorded what it set aside');
    // Still alive and answering.
    assert.equal(typeof (await session.evaluateInWorker(() => chrome.alarms.getAll())).length, 'number');
    const popup = await session.openPage('popup.html');
    await popup.getByRole('heading', { level: 2 }).first().waitFor();
    await popup.close();
  });

  it('tells the user in the popup (role=alert) that stored data was set aside, also after the repair', PER_TEST, async () => {
    await session.writeStorage({ interviews: 'garbage', settings: 'nonsense', schemaVersion: 999, source: 'a string' });
    const popup = await session.openPage('popup.html');
    try {
      // Wait until the worker has repaired storage (the popup's refresh), then look.
      await session.waitFor(async () => (await stored()).schemaVersion === SCHEMA_VERSION, { message: 'storage repaired' });
      await popup.getByRole('heading', { level: 2 }).first().waitFor();
      const alert = popup.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /could not be read|set aside/);
    } finally {
      await popup.close();
    }
  });

  it('migrates a schema-1 state written by hand, keeping the user\'s marks and settings', PER_TEST, async () => {
    const anchor = Date.now() - FIRST_DEMO_OFFSET - 3 * MINUTE; // the first interview started 3 minutes ago
    const firstId = `demo:demo-1-${anchor}`;
    const attempts = [Date.now() - 2 * MINUTE, Date.now() - MINUTE];
    const settings = {
      language: 'en',
      mailProvider: 'outlook',
      profile: { name: 'Ada Lovelace', phone: '+39 333 1234567', email: 'ada@example.org' },
      timing: { confirmLead: 90, getReadyLead: 15, noCallAfter: 5, minWait: 20, maxWait: 30, thankYouDelay: 45 },
    };
    await replaceStorage({ schemaVersion: 1, settings, interviews: {}, marks: { [firstId]: { callAttempts: attempts } }, source: { kind: 'demo', anchor }, notified: {} });
    const reply = await message('refresh');
    assert.equal(reply.ok, true, reply.error?.key);
    const state = await stored();
    assert.equal(state.schemaVersion, SCHEMA_VERSION);
    assert.ok(state.interviews[firstId], `the demo interview ${firstId} is rebuilt with the same id`);
    assert.deepEqual(state.marks[firstId]?.callAttempts, attempts);
    assert.equal(state.settings.mailProvider, 'outlook');
    assert.deepEqual(state.settings.profile, settings.profile);
    assert.deepEqual(state.settings.timing, settings.timing);
    assert.deepEqual(state.storageProblems ?? [], [], 'a clean migration reports nothing');
    const popup = await session.openPage('popup.html');
    await popup.getByRole('button', { name: 'I called them (2)' }).waitFor();
    await popup.close();
  });

  it('reports a storage quota error in the popup and leaves the stored marks as they were', PER_TEST, async () => {
    const id = await moveDemo(session, Date.now() - 3 * MINUTE, { marks: {}, notified: {} });
    const interview = (await stored()).interviews[id]!;
    const popup = await session.openPage('popup.html');
    await popup.getByText('Waiting for the call').waitFor();
    const before = await stored();
    await session.evaluateInWorker(() => {
      const g = globalThis as unknown as { realSet?: typeof chrome.storage.local.set };
      g.realSet = chrome.storage.local.set;
      // Quota runs out on the write carrying the marks (a reconcile writes only the keys that
      // changed, all in one call); other writes still pass, so a state written in pieces
      // would show up as marks that changed anyway.
      chrome.storage.local.set = ((items: Record<string, unknown>) => ('marks' in items
        ? Promise.reject(new Error('QUOTA_BYTES quota exceeded'))
        : (g.realSet as unknown as (this: unknown, i: unknown) => Promise<void>).call(chrome.storage.local, items))) as unknown as typeof chrome.storage.local.set;
    });
    try {
      await popup.getByRole('button', { name: 'I called them' }).click();
      const alert = popup.locator('.card').getByRole('alert');
      await alert.waitFor({ timeout: 5000 });
      assert.match(await alert.innerText(), /The browser has no room left for this extension's data, so nothing was saved/);
      const after = await stored();
      assert.deepEqual(after.marks, before.marks, 'marks unchanged');
      assert.deepEqual(after.interviews, before.interviews);
      assert.equal(after.marks[interview.id]?.callAttempts.length ?? 0, 0);
    } finally {
      await session.evaluateInWorker(() => {
        const g = globalThis as unknown as { realSet?: typeof chrome.storage.local.set };
        if (g.realSet) chrome.storage.local.set = g.realSet;
      });
    }
    // Storage works again, and so does the button.
    await popup.getByRole('button', { name: 'I called them' }).click();
    await popup.getByRole('button', { name: 'I called them (1)' }).waitFor();
    assert.equal((await stored()).marks[interview.id]?.callAttempts.length, 1);
    await popup.close();
  });

  it('answers a refused message with a message key the page words, never with English', PER_TEST, async () => {
    assert.deepEqual(await message('mark', { interviewId: 'no-such-interview', action: 'connected' }), { ok: false, error: { key: 'errorInterviewGone' } });
    assert.deepEqual(await message('connect-ical', { url: 'ftp://example.org/calendar.ics' }), { ok: false, error: { key: 'icalErrorAddress' } });
    const { settings } = await stored();
    const invalid = { ...settings, timing: { ...settings.timing, maxWait: 999 } };
    assert.deepEqual(await message('save-settings', { settings: invalid }), { ok: false, error: { key: 'errorInvalidRequest' } });
    assert.equal((await stored()).settings.timing.maxWait, settings.timing.maxWait, 'nothing was saved');
    assert.deepEqual(await message('no-such-message'), { ok: false, error: { key: 'errorUnexpected' } });
  });

  it('collapses reminders that came due while asleep into one notification for the current moment', PER_TEST, async () => {
    // The laptop slept through confirm, get-ready, start, no-call and min-wait of the first
    // interview: it started 16 minutes ago and nothing was notified.
    await session.evaluateInWorker(() => {
      const g = globalThis as unknown as { created?: Created[]; realCreate?: typeof chrome.notifications.create };
      g.created = [];
      g.realCreate ??= chrome.notifications.create;
      const real = g.realCreate;
      chrome.notifications.create = ((id: string, options: chrome.notifications.NotificationOptions, callback?: (id: string) => void) => {
        g.created!.push({ id, title: String(options.title), message: String(options.message) });
        return (real as (...args: unknown[]) => unknown).call(chrome.notifications, id, options, ...(callback ? [callback] : []));
      }) as typeof chrome.notifications.create;
    });
    try {
      // Default settings (an earlier test stored its own timing).
      const id = await moveDemo(session, Date.now() - 16 * MINUTE, { marks: {}, notified: {}, settings: {} });
      const interview = (await stored()).interviews[id]!;
      const created = await session.evaluateInWorker(() => (globalThis as unknown as { created: Created[] }).created);
      const mine = created.filter((c) => c.id === `interview:${interview.id}`);
      assert.equal(mine.length, 1, `one notification for the interview, got ${JSON.stringify(mine)}`);
      assert.match(mine[0]!.title, /^Demo · You have waited 1[5-7] minutes$/);
      const { notified } = await stored();
      assert.equal(notified[interview.id], `min-wait@${interview.start + 15 * MINUTE}`);
      const open = await session.evaluateInWorker(() => chrome.notifications.getAll());
      assert.ok(`interview:${interview.id}` in open);
      // Another wake-up shows nothing again.
      await message('refresh');
      const again = await session.evaluateInWorker(() => (globalThis as unknown as { created: Created[] }).created);
      assert.equal(again.filter((c) => c.id === `interview:${interview.id}`).length, 1, 'not shown twice');
    } finally {
      await session.evaluateInWorker(() => {
        const g = globalThis as unknown as { realCreate?: typeof chrome.notifications.create };
        if (g.realCreate) chrome.notifications.create = g.realCreate;
      });
    }
  });
});
