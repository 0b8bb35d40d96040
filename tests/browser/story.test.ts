// The interview's story through real taps and a moving calendar (issue: the outcome model):
// the demo as a guest beside a typed-in interview, a snooze that holds one moment only, a
// silent slot that asks "Did the call happen?", a missed call that ends in a thank-you for
// their flexibility, and two waits at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Interview, Marks } from '../../src/core/types.ts';
import type { ManualEntry } from '../../src/core/manual-interview.ts';
import { gmailUrlAfter, launchExtension, moveDemo, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { MINUTE, HOUR } from '../../src/core/units.ts';

const PROFILE = { name: 'Alex Morgan', phone: '+39 347 123 4567', email: 'alex@example.com' };

interface Stored {
  marks: Record<string, Marks>;
  notified: Record<string, string>;
  interviews: Record<string, Interview>;
  source: { kind: string; anchor?: number };
  settings: Record<string, unknown>;
}

/** A typed-in interview starting at `start` (whole minutes, UTC wall time). */
function typedIn(id: string, start: number): ManualEntry {
  const iso = new Date(start).toISOString();
  return {
    id, company: 'Quill & Co', role: 'Editor', date: iso.slice(0, 10), time: iso.slice(11, 16), timeZone: 'UTC',
    durationMinutes: 30, interviewerName: 'Rae Quill', interviewerEmail: 'rae@example.com', phone: '+1 202 555 0100',
  };
}

describe('the interview story', () => {
  let session: ExtensionSession;
  let page: Page | undefined;

  before(async () => {
    session = await launchExtension({ locale: 'en-US', timezoneId: 'Europe/Rome' });
    const { settings } = await session.readStorage<Stored>(['settings']);
    await session.writeStorage({ settings: { ...settings, profile: PROFILE } });
  });
  after(async () => {
    await session?.close();
  });

  it('runs the demo as a guest: 13 hours on, it has not restarted and the typed-in interview is untouched', PER_TEST, async () => {
    const start = Math.floor((Date.now() - 20 * MINUTE) / MINUTE) * MINUTE;
    const typedId = 'manual:guest1';
    const typedMarks: Marks = { callAttempts: [start + 6 * MINUTE], forStart: start };
    const typedNotified = `min-wait@${start + 15 * MINUTE}`;
    // A demo started 13 hours ago: the old code restarted it after 12 and cleared every mark.
    const anchor = Date.now() - 13 * HOUR;
    await session.writeStorage({
      source: { kind: 'demo', anchor }, manual: { guest1: typedIn('guest1', start) },
      marks: { [typedId]: typedMarks }, notified: { [typedId]: typedNotified },
    });
    await session.reconcile();
    await session.reconcile();
    const stored = await session.readStorage<Stored>(['source', 'marks', 'notified', 'interviews']);
    assert.deepEqual(stored.source, { kind: 'demo', anchor }, 'the demo did not restart itself');
    assert.deepEqual(stored.marks[typedId], typedMarks, 'the typed-in interview keeps its marks');
    assert.equal(stored.notified[typedId], typedNotified, 'and its record of what was shown');

    // "Restart demo" from the popup restarts the demo alone.
    page = await session.openPage('popup.html');
    await page.getByRole('button', { name: 'Restart demo' }).click();
    const restarted = await session.waitFor(async () => {
      const s = await session.readStorage<Stored>(['source']);
      return s.source.anchor !== anchor ? s : undefined;
    }, { message: 'the demo restarted' });
    assert.equal(restarted.source.kind, 'demo');
    const after = await session.readStorage<Stored>(['marks', 'notified']);
    assert.deepEqual(after.marks[typedId], typedMarks);
    assert.equal(after.notified[typedId], typedNotified);
    // "End demo" leaves the user's own interview alone and the demo's interviews go.
    await page.getByRole('button', { name: 'End demo' }).click();
    const ended = await session.waitFor(async () => {
      const s = await session.readStorage<Stored>(['source', 'interviews', 'marks']);
      return s.source.kind === 'none' ? s : undefined;
    }, { message: 'the demo ended' });
    assert.deepEqual(Object.keys(ended.interviews), []);
    assert.deepEqual(ended.marks[typedId], typedMarks);
    await page.close();
    await session.writeStorage({ manual: {}, marks: {}, notified: {} });
  });

  it('says "Demo" in the title of the demo\'s notifications', PER_TEST, async () => {
    // A spy on chrome.notifications.create in the worker records the titles shown.
    await session.evaluateInWorker(() => {
      const g = globalThis as unknown as { __titles?: string[] };
      g.__titles = [];
      const original = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
      (chrome.notifications as unknown as { create: (...args: unknown[]) => unknown }).create = (...args: unknown[]) => {
        g.__titles?.push((args[1] as { title: string }).title);
        return original(...args);
      };
    });
    const id = await moveDemo(session, Date.now() - 6 * MINUTE, { marks: {}, notified: {} });
    await session.waitFor(async () => (await session.readStorage<Stored>(['notified'])).notified[id]?.startsWith('no-call@'), { message: 'no-call notified' });
    const titles = await session.evaluateInWorker(() => (globalThis as unknown as { __titles?: string[] }).__titles ?? []);
    assert.ok(titles.includes('Demo · No call yet?'), `titles shown: ${titles.join(' | ')}`);
  });

  it('snoozing "get ready" two minutes before never delays "starts now"', { timeout: 240_000 }, async () => {
    // The start is 80 seconds away: get ready is due, and the snooze offered is "until it starts".
    const start = Date.now() + 80_000;
    const id = await moveDemo(session, start, { marks: {}, notified: {} });
    await session.waitFor(async () => (await session.readStorage<Stored>(['notified'])).notified[id]?.startsWith('get-ready@'), { message: 'get-ready notified' });
    await session.evaluateInWorker((nid) => {
      (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch(nid, 1);
    }, `interview:${id}`);
    const snoozed = await session.waitFor(async () => (await session.readStorage<Stored>(['marks'])).marks[id]?.snoozed, { message: 'snooze stored' });
    assert.equal(snoozed.until, start, 'snoozed until it starts, not ten minutes');
    assert.equal(snoozed.key, `get-ready@${start - 10 * MINUTE}`, 'only the get-ready moment is held');
    const alarm = await session.evaluateInWorker((name) => chrome.alarms.get(name), `reminder:start:${id}`);
    assert.ok(alarm && Math.abs(alarm.scheduledTime - start) < 1000, 'the start alarm stays at the start');
    await session.waitFor(async () => (await session.readStorage<Stored>(['notified'])).notified[id]?.startsWith('start@'), {
      timeout: 150_000, message: '"starts now" shown',
    });
    assert.ok(Date.now() - start < 60_000, `"starts now" came ${Math.round((Date.now() - start) / 1000)} s after the start, not minutes late`);
  });

  it('a silent slot asks "Did the call happen?"; "They never called" leads to the reschedule request', PER_TEST, async () => {
    const id = await moveDemo(session, Date.now() - 41 * MINUTE, { marks: {}, notified: {} });
    page = await session.openPage(`popup.html?interview=${encodeURIComponent(id)}`);
    await page.getByRole('heading', { name: 'Did the call happen?' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Write thank-you' }).count(), 0, 'no thank-you for a call that may not have happened');
    await page.getByRole('button', { name: 'They never called' }).click();
    await session.waitFor(async () => (await session.readStorage<Stored>(['marks'])).marks[id]?.noShowAt, { message: 'no-show stored' });
    const primary = page.locator('.card').first().locator('.emails .button.primary');
    await primary.filter({ hasText: 'Ask to reschedule' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Write thank-you' }).count(), 0);
    // The mark can be undone.
    await page.getByRole('button', { name: 'Undo last step' }).click();
    await session.waitFor(async () => (await session.readStorage<Stored>(['marks'])).marks[id]?.noShowAt === undefined, { message: 'no-show undone' });
    await page.getByRole('heading', { name: 'Did the call happen?' }).waitFor();
    await page.close();
  });

  it('a missed call → called back → "We spoke" → a thank-you for their flexibility', PER_TEST, async () => {
    const id = await moveDemo(session, Date.now() - 6 * MINUTE, { marks: {}, notified: {} });
    page = await session.openPage(`popup.html?interview=${encodeURIComponent(id)}`);
    await page.getByRole('button', { name: 'I missed their call' }).click();
    await page.getByRole('button', { name: 'I called back' }).click();
    await page.getByRole('button', { name: 'We spoke' }).click();
    await session.waitFor(async () => (await session.readStorage<Stored>(['marks'])).marks[id]?.connectedAt, { message: 'spoke stored' });
    const marks = (await session.readStorage<Stored>(['marks'])).marks[id]!;
    assert.ok(marks.missedAt && marks.calledBackAt && marks.connectedAt, 'the whole story is kept');
    const primary = page.locator('.card').first().locator('.emails .button.primary');
    await primary.filter({ hasText: 'Write thank-you' }).waitFor();
    const url = await gmailUrlAfter(session, () => primary.click());
    assert.match(url.searchParams.get('body') ?? '', /Thank you also for being flexible after I missed your call/, 'thanks them for their flexibility after the missed call');
  });

  it('gives two waits at once a card each, and a list row opens its card', PER_TEST, async () => {
    const demoStart = Date.now() - 8 * MINUTE;
    await moveDemo(session, demoStart, { marks: {}, notified: {} });
    const typedStart = Math.floor((Date.now() - 3 * MINUTE) / MINUTE) * MINUTE;
    await session.writeStorage({ manual: { two: typedIn('two', typedStart) } });
    await session.reconcile();
    page = await session.openPage('popup.html');
    await session.waitFor(async () => (await page!.locator('.card .clock').count()) === 2, { message: 'two timers' });
    const titles = await page.locator('.card h2').allInnerTexts();
    assert.equal(titles.length, 2);
    assert.ok(titles.some((t) => t.includes('Quill')), `the typed-in wait has a card: ${titles.join(' | ')}`);
    // A row of the later list opens its card at the top.
    await page.getByRole('button', { name: /^Fernhill Analytics/ }).click();
    await page.locator('#current-title', { hasText: 'Fernhill Analytics' }).waitFor();
    await page.close();
    await session.writeStorage({ manual: {}, marks: {} });
  });
});
