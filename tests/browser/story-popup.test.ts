// The popup's smaller promises (issue: the interview's story): the toolbar tooltip names the
// wait, a used notification goes, the focus always lands on something, the time error speaks
// the field's format, removals can be undone, proposed times avoid typed-in interviews and
// state their zone, and typed-in interviews are not "as written in the invite".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Interview } from '../../src/core/types.ts';
import type { ManualEntry } from '../../src/core/manual-interview.ts';
import { launchExtension, moveDemo, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';

const MINUTE = 60_000;
const PROFILE = { name: 'Alex Morgan', phone: '+39 347 123 4567', email: 'alex@example.com' };

interface Stored {
  interviews: Record<string, Interview>;
  manual: Record<string, ManualEntry>;
  settings: { rules: { overrides: Record<string, string> } } & Record<string, unknown>;
  removed?: { interview: Interview };
}

/** A typed-in interview at `start` (whole minutes), written as UTC wall time. */
function typedIn(id: string, start: number, durationMinutes = 30): ManualEntry {
  const iso = new Date(start).toISOString();
  return {
    id, company: 'Quill & Co', role: 'Editor', date: iso.slice(0, 10), time: iso.slice(11, 16), timeZone: 'UTC',
    durationMinutes, interviewerName: 'Rae Quill', interviewerEmail: 'rae@example.com', phone: '+1 202 555 0100',
  };
}

describe('the popup keeps its smaller promises', () => {
  let session: ExtensionSession;

  before(async () => {
    session = await launchExtension({ locale: 'en-US', timezoneId: 'Europe/Rome' });
    const { settings } = await session.readStorage<{ settings: Record<string, unknown> }>(['settings']);
    await session.writeStorage({ settings: { ...settings, profile: PROFILE } });
  });
  after(async () => {
    await session?.close();
  });

  /** A live wait on the demo's first interview (started `minutesIn` minutes ago), nothing marked. */
  async function liveDemo(minutesIn = 3): Promise<{ id: string; title: string }> {
    const start = Math.floor((Date.now() - minutesIn * MINUTE) / MINUTE) * MINUTE;
    const id = await moveDemo(session, start, { marks: {}, notified: {}, manual: {} });
    const { interviews } = await session.readStorage<Stored>(['interviews']);
    return { id, title: interviews[id]!.title };
  }

  async function openPopup(title: string): Promise<Page> {
    const page = await session.openPage('popup.html');
    await page.getByRole('heading', { level: 2, name: title }).first().waitFor();
    return page;
  }

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const toolbarTitle = () => session.evaluateInWorker(() => chrome.action.getTitle({}));

  it('names the interview and its minutes in the toolbar tooltip during a wait, and clears the wait notification once answered', PER_TEST, async () => {
    // Seven minutes in: the "No call yet?" notification, which stays until answered.
    const { id, title } = await liveDemo(7);
    const during = await session.waitFor(async () => {
      const text = await toolbarTitle();
      return text.startsWith('Demo · ') ? text : undefined;
    }, { message: 'the tooltip to name the wait' });
    assert.match(during, new RegExp(`^Demo · ${title.replace(/[()]/g, '\\$&')}: waiting for [78] min · Interview Standby$`));
    const notificationId = await session.waitFor(async () => {
      const open = await session.evaluateInWorker(() => chrome.notifications.getAll());
      return Object.keys(open).find((key) => key.includes(id));
    }, { message: 'the wait notification to be up' });

    // Answered in the popup rather than on the notification itself.
    const page = await openPopup(title);
    await page.getByRole('button', { name: 'Call connected' }).click();
    await session.waitFor(async () => (await toolbarTitle()) === 'Interview Standby', { message: 'the tooltip back to the name' });
    await session.waitFor(async () => !(notificationId in (await session.evaluateInWorker(() => chrome.notifications.getAll()))), {
      message: 'the notification that asked to go once the call is marked',
    });
    await page.close();
  });

  it('shows the email a wait calls for within a 600 px popup under a one-line demo banner, names its interview, and centres the popup in a tab', PER_TEST, async () => {
    // 16 minutes in: past the minimum wait, the follow-up is the email to send.
    const { title } = await liveDemo(16);
    const page = await openPopup(title);
    await page.setViewportSize({ width: 380, height: 600 });
    const banner = await page.locator('.demo-banner').boundingBox();
    assert.ok(banner && banner.height <= 40, `the banner is ${banner?.height} px high`);
    // Its accessible name says which interview (several cards can show the same button).
    const primary = page.getByRole('button', { name: `Write follow-up: ${title}`, exact: true });
    const box = await primary.boundingBox();
    assert.ok(box && box.y + box.height <= 600, `the follow-up button ends at ${box ? box.y + box.height : '?'} px`);
    assert.equal(await primary.getAttribute('class'), 'button primary');

    await page.setViewportSize({ width: 1280, height: 800 });
    const body = await page.evaluate(() => { const r = document.body.getBoundingClientRect(); return { left: r.left, right: document.documentElement.clientWidth - r.right, width: r.width }; });
    assert.ok(body.width <= 520 && Math.abs(body.left - body.right) <= 2 && body.left > 300, `the column is centred: ${JSON.stringify(body)}`);
    await page.close();
  });

  it('moves the focus to the form, to the first field to fix (with the time in the field\'s own format), and back to the heading', PER_TEST, async () => {
    const { title } = await liveDemo(3);
    const page = await openPopup(title);
    await page.getByRole('button', { name: '+ Add an interview' }).click();
    await session.waitFor(async () => (await focusedId(page)) === 'manual-company', { message: 'the form to open on its first field' });
    await page.getByLabel('Company').fill('Quill & Co');
    await page.getByLabel('Time', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save interview' }).click();
    await session.waitFor(async () => (await focusedId(page)) === 'manual-time', { message: 'the focus on the time field, not on Save' });
    // The browser shows 12-hour time in American English, and so does the example.
    const shown = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(new Date(2000, 0, 1, 15, 30));
    assert.equal(shown, '3:30 PM');
    await page.getByText(`Enter a time like ${shown}.`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await session.waitFor(async () => (await focusedId(page)) === 'current-title', { message: 'the focus on the card\'s heading after Cancel' });

    // "They moved it" opens the time picker on its first field; cancelling it returns to the title.
    await page.getByRole('button', { name: 'They moved it' }).click();
    await session.waitFor(async () => (await focusedId(page)) === 'new-time-date', { message: 'the time picker focused on its date' });
    await page.locator('.new-time').getByRole('button', { name: 'Cancel' }).click();
    await session.waitFor(async () => (await focusedId(page)) === 'current-title', { message: 'the focus back on the card\'s heading' });

    // "Mark as done" removes the buttons and the card's wait: the focus goes to a heading.
    await page.getByRole('button', { name: 'Call connected' }).click();
    await page.getByRole('button', { name: 'Mark as done' }).click();
    await session.waitFor(async () => page.evaluate(() => /^H[12]$/.test(document.activeElement?.tagName ?? '')), { message: 'the focus on a heading after "Mark as done"' });

    // Saved: the form goes and the focus lands on the view's heading, not on the page.
    await page.getByRole('button', { name: '+ Add an interview' }).click();
    await session.waitFor(async () => (await focusedId(page)) === 'manual-company', { message: 'the form open again' });
    await page.getByLabel('Company').fill('Quill & Co');
    await page.getByRole('button', { name: 'Save interview' }).click();
    await session.waitFor(async () => Object.keys((await session.readStorage<Stored>(['manual'])).manual ?? {}).length === 1, { message: 'the interview saved' });
    await session.waitFor(async () => page.evaluate(() => /^H[12]$/.test(document.activeElement?.tagName ?? '')), { message: 'the focus on a heading after saving' });
    await page.close();
  });

  it('undoes "Not an interview": the interview and its card come back, the choice goes', PER_TEST, async () => {
    const { id, title } = await liveDemo(3);
    const { interviews } = await session.readStorage<Stored>(['interviews']);
    const eventId = interviews[id]!.eventId;
    const page = await openPopup(title);
    await page.getByRole('button', { name: 'Not an interview' }).first().click();
    await page.getByText(`“${title}” is no longer tracked.`).waitFor();
    assert.equal((await session.readStorage<Stored>(['settings'])).settings.rules.overrides[eventId], 'not-interview');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    const after = await session.readStorage<Stored>(['interviews', 'settings', 'removed']);
    assert.ok(after.interviews[id], 'the interview is back');
    assert.equal(after.settings.rules.overrides[eventId], undefined, 'the choice is undone');
    assert.equal(after.removed, undefined);
    await page.close();
  });

  it('undoes deleting a typed-in interview, reached by an Edit button that names it', PER_TEST, async () => {
    const start = Math.floor((Date.now() - 4 * MINUTE) / MINUTE) * MINUTE;
    await liveDemo(3);
    await session.writeStorage({ manual: { undo1: typedIn('undo1', start) } });
    await session.reconcile();
    const page = await session.openPage('popup.html');
    const headingLocator = page.getByRole('heading', { level: 2, name: /Quill & Co/ });
    await headingLocator.waitFor();
    const heading = await headingLocator.innerText();
    // The typed-in phone is "as you typed it", not "as written in the invite" (the demo's card beside it still is).
    const card = page.locator('article', { has: headingLocator });
    await card.getByText('Check the number: you typed “+1 202 555 0100”', { exact: false }).waitFor();
    assert.equal(await card.getByText('as written in the invite', { exact: false }).count(), 0);
    await page.getByRole('button', { name: `Edit ${heading}`, exact: true }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText(`“${heading}” is no longer tracked.`).waitFor();
    assert.equal((await session.readStorage<Stored>(['manual'])).manual.undo1, undefined, 'deleted');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await session.waitFor(async () => (await session.readStorage<Stored>(['manual'])).manual.undo1 !== undefined, { message: 'the typed-in interview to come back' });
    assert.deepEqual((await session.readStorage<Stored>(['manual'])).manual.undo1, typedIn('undo1', start));
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    await page.close();
  });

  it('proposes new times that avoid a typed-in interview, states their zone and takes the focus', PER_TEST, async () => {
    const { title } = await liveDemo(3);
    const slotsShown = async (page: Page): Promise<number[]> => {
      await page.locator('#slots-title').waitFor();
      return page.locator('.slots input[type="datetime-local"]').evaluateAll((inputs) => inputs.map((input) => new Date((input as HTMLInputElement).value).getTime()));
    };
    const openPicker = async (): Promise<Page> => {
      const page = await openPopup(title);
      // Open "More emails" (it is open already when the phase has no primary email).
      await page.locator('details.more-emails').first().evaluate((details) => { (details as HTMLDetailsElement).open = true; });
      await page.getByRole('button', { name: 'Ask to reschedule' }).first().click();
      return page;
    };
    let page = await openPicker();
    const first = await slotsShown(page);
    assert.ok(first.length > 0, 'times are proposed');
    await session.waitFor(async () => (await focusedId(page)) === 'slots-title', { message: 'the picker\'s title focused' });
    assert.equal(await page.locator('#slots-zone').innerText(), 'Times in your time zone (Rome).');
    await page.close();

    // A typed-in interview right over the first proposed time.
    const busy = first[0]!;
    await session.writeStorage({ manual: { clash1: typedIn('clash1', busy, 60) } });
    await session.reconcile();
    page = await openPicker();
    const second = await slotsShown(page);
    assert.ok(second.length > 0);
    const { interviews } = await session.readStorage<Stored>(['interviews']);
    const demo = Object.values(interviews).find((i) => i.title === title)!;
    const length = Math.max(15 * MINUTE, demo.end - demo.start);
    for (const start of second) {
      assert.ok(start + length <= busy || start >= busy + 60 * MINUTE, `${new Date(start).toISOString()} overlaps the typed-in interview at ${new Date(busy).toISOString()}`);
    }
    assert.ok(!second.includes(busy), 'the clashing time is no longer offered');
    await page.close();
  });
});
