// The machine's time zone changes while the extension runs (issue 6, "a time-zone change of
// the machine"): labels are re-derived in the new zone, alarms (instants) stay where they are.
//
// How the zone is changed: Chromium keeps ONE time-zone override per renderer process, and the
// extension's pages and its service worker share one process. Playwright's `timezoneId` puts
// that override on the first extension page it opens (the harness's control page); any other
// CDP session then gets "Timezone override is already in effect", on a page or on the worker.
// So the test closes every extension page (releasing Playwright's override), sets the new zone
// through a CDP session on the service-worker target (which then owns the override for the
// whole process: worker and every page opened later) and opens the popup again. Playwright's
// own attempt on the new pages fails silently (it ignores exactly that error). That is what a
// real zone change looks like to the extension: worker and pages see the new zone together.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CDPSession, Page } from 'playwright-core';
import type { ManualEntry } from '../../src/core/manual-interview.ts';
import { launchExtension, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { MINUTE } from '../../src/core/units.ts';

const ROME = 'Europe/Rome';
const NEW_YORK = 'America/New_York';
const TOKYO = 'Asia/Tokyo';

interface Alarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/** What the popup shows for an instant: "3:30 PM" in `timeZone` (as src/ui/format.ts, computed independently). */
/** The day as the popup writes it beside the times (en-GB short form, in that zone). */
function day(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(instant);
}

function clock(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Moves the demo so that its first interview started `minutesIn` minutes ago (negative: ahead); as candidate-flow.test.ts. */
async function demoAt(session: ExtensionSession, minutesIn: number): Promise<{ id: string; start: number }> {
  const anchor = Date.now() - (minutesIn + 4) * MINUTE;
  await session.writeStorage({ source: { kind: 'demo', anchor }, marks: {}, notified: {} });
  return { id: `demo:demo-1-${anchor}`, start: anchor + 4 * MINUTE };
}

async function alarms(session: ExtensionSession): Promise<Alarm[]> {
  const all = await session.evaluateInWorker(() => chrome.alarms.getAll());
  return all
    .map(({ name, scheduledTime, periodInMinutes }) => ({ name, scheduledTime, ...(periodInMinutes === undefined ? {} : { periodInMinutes }) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The card's time label, once the card is the interview starting at `start` (the popup may first render the state from before the last write). */
async function timeLabel(session: ExtensionSession, page: Page, start: number, what: string): Promise<string> {
  const time = page.locator('article.card p.when time');
  await session.waitFor(async () => (await time.getAttribute('datetime')) === new Date(start).toISOString(), { message: `${what} as the card (<time datetime> of its start)` });
  return time.innerText();
}

/** Sends a CDP command to a target through a browser session (attach without flatten; Playwright's CDPSession has no sessionId parameter). */
async function targetCommand(browser: CDPSession, targetSessionId: string, method: string, params: object): Promise<{ error?: { message: string } }> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve) => {
    const listener = (event: { sessionId: string; message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; error?: { message: string } };
      if (event.sessionId !== targetSessionId || reply.id !== id) return;
      browser.off('Target.receivedMessageFromTarget', listener);
      resolve(reply);
    };
    browser.on('Target.receivedMessageFromTarget', listener);
    void browser.send('Target.sendMessageToTarget', { sessionId: targetSessionId, message: JSON.stringify({ id, method, params }) });
  });
}

describe('the machine changes time zone while the extension runs', () => {
  let session: ExtensionSession;
  let manualStart = 0;
  let demo = { id: '', start: 0 };
  let recorded: Alarm[] = [];

  before(async () => {
    session = await launchExtension({ locale: 'en-US', timezoneId: ROME });
  });
  after(async () => {
    await session?.close();
  });

  it('shows a typed-in interview in Asia/Tokyo with both times, from a Rome browser', PER_TEST, async () => {
    // The demo's interviews hours away, so the typed-in one is the card.
    await demoAt(session, -300);
    const page = await session.openPage('popup.html');
    assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), ROME);
    await page.getByRole('button', { name: '+ Add an interview' }).click();
    manualStart = Math.floor((Date.now() + 40 * MINUTE) / MINUTE) * MINUTE;
    const wall = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: TOKYO, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(manualStart).map((part) => [part.type, Number(part.value)]));
    await page.getByLabel('Company').fill('Sakura Systems');
    await page.getByLabel('Role').fill('Site Reliability Engineer');
    await page.getByLabel('Date').fill(`${wall.year}-${pad(wall.month!)}-${pad(wall.day!)}`);
    await page.getByLabel('Time', { exact: true }).fill(`${pad(wall.hour!)}:${pad(wall.minute!)}`);
    await page.getByLabel('Time zone').selectOption(TOKYO);
    await page.getByLabel('Phone number they will call from or you will call').fill('+81 3 5555 0101');
    await page.getByRole('button', { name: 'Save interview' }).click();
    await page.getByRole('heading', { level: 2, name: 'Site Reliability Engineer — Sakura Systems' }).waitFor();

    const { manual } = await session.readStorage<{ manual: Record<string, ManualEntry> }>(['manual']);
    assert.equal(Object.values(manual)[0]?.timeZone, TOKYO, 'stored with the zone it was typed in');
    // The Tokyo wall time became the right instant (else this times out) ...
    const label = await timeLabel(session, page, manualStart, 'the typed-in interview');
    // ... shown in the browser's zone with the event's zone beside it.
    assert.equal(label, `${day(manualStart, ROME)} · ${clock(manualStart, ROME)} your time · ${clock(manualStart, TOKYO)} in Tokyo`);
    await page.close();
  });

  it('in Rome, shows the Rome wall time of the start and schedules the reminders', PER_TEST, async () => {
    demo = await demoAt(session, -3);
    const page = await session.openPage('popup.html');
    const label = await timeLabel(session, page, demo.start, 'the demo interview');
    assert.ok(label.endsWith(` · ${clock(demo.start, ROME)}`), `Rome time ${clock(demo.start, ROME)} in "${label}"`);
    assert.ok(!label.includes(clock(demo.start, NEW_YORK)), label);

    // A reconcile asked for after the popup's own (reconciles run one at a time): when it has
    // answered, the alarms are those of this state. A reconcile that changes nothing writes
    // nothing, so storage holds no mark of it to wait for.
    await session.reconcile();
    recorded = await alarms(session);
    const names = recorded.map((a) => a.name);
    assert.ok(names.some((n) => n.startsWith('reminder:') && n.endsWith(`:${demo.id}`)), `the demo's reminders in ${names.join(', ')}`);
    assert.ok(names.some((n) => n.startsWith('reminder:') && n.includes(':manual:')), `the typed-in interview's reminders in ${names.join(', ')}`);
    // Instants, not wall times: the "start" reminders sit exactly on the starts.
    assert.equal(recorded.find((a) => a.name === `reminder:start:${demo.id}`)?.scheduledTime, demo.start, 'the demo call\'s start reminder');
    assert.equal(recorded.find((a) => a.name.startsWith('reminder:start:manual:'))?.scheduledTime, manualStart, 'the typed-in call\'s start reminder');
    assert.ok(!names.includes('tick'), 'no wait running, so no periodic tick to race with');
    await page.close();
  });

  it('after a change to New York: labels re-derived, alarms neither moved nor duplicated', PER_TEST, async () => {
    // Release Playwright's override (held by an extension page), then own it from the worker.
    for (const page of session.context.pages()) if (page.url().startsWith(`chrome-extension://${session.extensionId}/`)) await page.close();
    const browser = await session.context.browser()?.newBrowserCDPSession();
    assert.ok(browser, 'a browser CDP session');
    const { targetInfos } = await browser.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`));
    assert.ok(worker, 'the service worker target');
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    await session.waitFor(async () => (await targetCommand(browser, sessionId, 'Emulation.setTimezoneOverride', { timezoneId: NEW_YORK })).error === undefined, {
      message: 'the worker target to accept the New York override',
    });

    assert.equal(await session.evaluateInWorker(() => Intl.DateTimeFormat().resolvedOptions().timeZone), NEW_YORK, 'the worker now lives in New York');
    assert.deepEqual(await alarms(session), recorded, 'the zone change alone moves no alarm');

    const page = await session.openPage('popup.html');
    assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), NEW_YORK, 'the popup now lives in New York');
    const label = await timeLabel(session, page, demo.start, 'the same demo interview');
    assert.ok(label.endsWith(` · ${clock(demo.start, NEW_YORK)}`), `New York time ${clock(demo.start, NEW_YORK)} in "${label}"`);
    assert.ok(!label.includes(clock(demo.start, ROME)), `no Rome time left in "${label}"`);

    // Opening the popup sent 'refresh'; this one, after it, is a full reconcile computed in New York.
    await session.reconcile();
    assert.deepEqual(await alarms(session), recorded, 'the reconcile in the new zone neither duplicates nor moves an alarm');

    // The typed-in interview, its instant kept from the Tokyo wall time: New York time beside Tokyo time.
    await demoAt(session, -300);
    await page.reload();
    assert.equal(await timeLabel(session, page, manualStart, 'the typed-in interview'), `${day(manualStart, NEW_YORK)} · ${clock(manualStart, NEW_YORK)} your time · ${clock(manualStart, TOKYO)} in Tokyo`);
    await page.close();
    await browser.detach();
  });
});
