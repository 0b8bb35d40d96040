import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Interview, Marks } from '../../src/core/types.ts';
import type { ManualEntry } from '../../src/core/manual-interview.ts';
import { gmailUrlAfter, launchExtension, moveDemo, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { MINUTE } from '../../src/core/units.ts';

interface Stored {
  marks: Record<string, Marks>;
  manual: Record<string, ManualEntry>;
  interviews: Record<string, Interview>;
}

/**
 * Moves the demo so that its first interview started `minutesIn` minutes ago (negative: ahead),
 * with no marks, and resolves with its id once the worker has stored it.
 */
function demoAt(session: ExtensionSession, minutesIn: number, extra: Record<string, unknown> = {}): Promise<string> {
  return moveDemo(session, Date.now() - minutesIn * MINUTE, { marks: {}, notified: {}, ...extra });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

describe('the candidate flow in the popup', () => {
  let session: ExtensionSession;
  let page: Page;
  before(async () => {
    session = await launchExtension({ locale: 'en-US', timezoneId: 'Europe/Rome' });
  });
  after(async () => {
    await session?.close();
  });

  it('shows the get-ready checklist before the call and keeps what was ticked', PER_TEST, async () => {
    // 40 minutes ahead: inside the checklist's hour, and still the moment to confirm. (The demo's
    // recruiter call is under way then and has the first card; the row opens this one's.)
    const id = await demoAt(session, -40);
    page = await session.openPage('popup.html');
    const openCard = () => page.getByRole('button', { name: /^Phone interview with Brightwave Labs/ }).click();
    await openCard();
    await page.getByRole('group', { name: /Get ready \(0 of 6\)/ }).waitFor();
    await page.getByLabel('Your CV and portfolio open').check();
    await page.getByLabel('The job description').check();
    await session.waitFor(async () => (await session.readStorage<Stored>(['marks'])).marks[id]?.checklist?.length === 2, { message: 'two ticks stored' });
    await page.reload();
    await openCard();
    await page.getByRole('group', { name: /Get ready \(2 of 6\)/ }).waitFor();
    assert.equal(await page.getByLabel('The job description').isChecked(), true);
    assert.ok(await page.getByText('A short confirmation now shows you are ready').isVisible(), 'the confirmation moment is explained');
    await page.close();
  });

  it('lets the candidate review the proposed times before the reschedule draft opens', PER_TEST, async () => {
    await demoAt(session, 31);
    page = await session.openPage('popup.html');
    await page.getByText('Time to stop waiting').first().waitFor();
    await page.getByRole('button', { name: 'Ask to reschedule' }).click();
    const inputs = page.locator('.slots input[type="datetime-local"]');
    await inputs.first().waitFor();
    const count = await inputs.count();
    assert.ok(count >= 2, `at least two free times proposed, got ${count}`);
    const kept = await inputs.nth(0).inputValue();
    const removed = await inputs.nth(1).inputValue();
    await page.getByRole('button', { name: 'Remove proposed time 2' }).click();
    assert.equal(await inputs.count(), count - 1);
    // The draft is built by the worker's second script: here in a life of the worker that has
    // not run it yet (src/background/on-demand-script.ts).
    await session.stopServiceWorker();
    const url = await gmailUrlAfter(session, () => page.getByRole('button', { name: 'Open the draft' }).click());
    const body = url.searchParams.get('body') ?? '';
    const clock = (value: string) => {
      const [hours, minutes] = value.slice(11).split(':').map(Number);
      const h = hours! % 12 === 0 ? 12 : hours! % 12;
      return `${h}:${pad(minutes!)}`;
    };
    assert.ok(body.includes(clock(kept)), `the kept time ${kept} is in the email:\n${body}`);
    const removedDay = new Date(removed).getDate();
    const keptDay = new Date(kept).getDate();
    if (removedDay !== keptDay || clock(removed) !== clock(kept)) {
      assert.equal(body.split('\n').filter((line) => line.includes(clock(removed)) && line.includes(String(removedDay))).length, 0, `the removed time ${removed} is not:\n${body}`);
    }
    assert.match(url.searchParams.get('su') ?? '', /\S/);
  });

  it('"They moved it" asks for the new time and moves the interview; silent again, it asks them to call', PER_TEST, async () => {
    const id = await demoAt(session, 20);
    page = await session.openPage('popup.html');
    await page.getByRole('button', { name: 'They moved it' }).click();
    // The new date and time, typed as the browser's wall clock three hours from now.
    const { date, time, start } = await page.evaluate(() => {
      const d = new Date(Date.now() + 3 * 3_600_000);
      d.setSeconds(0, 0);
      const pad = (n: number) => String(n).padStart(2, '0');
      return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}`, start: d.getTime() };
    });
    await page.getByLabel('Date', { exact: true }).fill(date);
    await page.getByLabel('Time', { exact: true }).fill(time);
    await page.getByRole('button', { name: 'Move the interview' }).click();
    const moved = await session.waitFor(async () => (await session.readStorage<Stored>(['marks'])).marks[id]?.movedTo, { message: 'the new time is stored' });
    const { interviews, marks } = await session.readStorage<Stored>(['interviews', 'marks']);
    assert.equal(moved.start, start, 'the new start is the time typed');
    assert.equal(moved.end - moved.start, interviews[id]!.end - interviews[id]!.start, 'the length is kept');
    assert.equal(marks[id]?.rescheduled, true);
    assert.deepEqual(marks[id]?.callAttempts, [], 'attempts count from the new start');
    await page.locator('.clock').waitFor({ state: 'detached' });
    const alarms = await session.evaluateInWorker(() => chrome.alarms.getAll());
    assert.ok(alarms.some((a) => a.name === `reminder:start:${id}` && Math.abs(a.scheduledTime - start) < 1000), 'the timeline is rebuilt from the new start');

    // The new time came and went silent: 20 minutes into it, the card asks them to call instead.
    await session.writeStorage({ marks: { ...marks, [id]: { ...marks[id]!, movedTo: { start: Date.now() - 20 * MINUTE, end: Date.now() + 10 * MINUTE } } } });
    await page.getByText('Rescheduled once already').waitFor();
    const primary = page.locator('.emails .button.primary');
    assert.equal(await primary.innerText(), 'Ask them to call you');
    const url = await gmailUrlAfter(session, () => primary.click());
    assert.match(url.searchParams.get('body') ?? '', /call/i);
  });

  it('turns a missed call into call back first, then a short apology', PER_TEST, async () => {
    const id = await demoAt(session, 6);
    page = await session.openPage('popup.html');
    // From the keyboard: the button disappears with the mark, and the focus must not be lost.
    // (Earlier tests opened Gmail tabs in front; keys go to the tab in front.)
    await page.bringToFront();
    await page.locator('.clock', { hasText: /^0[5-7]:\d\d$/ }).waitFor();
    await page.getByRole('button', { name: 'I missed their call' }).press('Enter');
    await page.getByRole('heading', { name: 'Breathe. You can fix this.' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'current-title');
    const callBack = page.getByRole('link', { name: /^Call back / });
    assert.match((await callBack.getAttribute('href')) ?? '', /^tel:\+?\d{7,15}$/);
    assert.ok((await session.readStorage<Stored>(['marks'])).marks[id]?.missedAt !== undefined);
    assert.equal(await page.locator('.emails .button.primary').innerText(), 'Write apology');
    await page.locator('.emails .button.primary').click();
    await page.locator('.slots').waitFor();
    const url = await gmailUrlAfter(session, () => page.getByRole('button', { name: 'Open the draft' }).click());
    // "Now" first, then later times (or any time in the next few days): never the reverse.
    assert.match(url.searchParams.get('body') ?? '', /I'm free to talk now( at [^,.]+)?(\. If another time suits you better, I can do any of these|, or at any other time that suits you, today or in the next few days)/);
  });

  it('says so when a click reaches an interview that was just replaced, then shows the current one', PER_TEST, async () => {
    const oldId = await demoAt(session, 8);
    // A popup a moment behind the worker: its storage events are held until released, so the
    // card on screen is the one that is about to be replaced (the race a real user can hit).
    page = await session.context.newPage();
    await page.addInitScript(() => {
      const g = globalThis as unknown as { held: Array<() => void> | undefined };
      g.held = [];
      const add = chrome.storage.onChanged.addListener.bind(chrome.storage.onChanged);
      chrome.storage.onChanged.addListener = (listener) => add((changes, area) => {
        if (g.held) g.held.push(() => listener(changes, area));
        else listener(changes, area);
      });
    });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.locator('.clock', { hasText: /^0[7-9]:\d\d$/ }).waitFor();
    const newId = await demoAt(session, 3);
    await page.getByRole('button', { name: 'I called them' }).click();

    const notice = page.getByRole('status').filter({ hasText: 'That interview changed a moment ago, so nothing was done.' });
    await notice.waitFor();
    assert.equal(await notice.evaluate((n) => n === document.activeElement), true, 'the notice takes the focus of the button that went away');
    const { marks } = await session.readStorage<Stored>(['marks']);
    assert.equal(marks[oldId], undefined, 'nothing recorded on the replaced interview');
    assert.equal(marks[newId]?.callAttempts.length ?? 0, 0, 'nor on the new one: the user did not press its button');

    await page.evaluate(() => {
      const g = globalThis as unknown as { held: Array<() => void> | undefined };
      const held = g.held ?? [];
      g.held = undefined;
      for (const deliver of held) deliver();
    });
    await page.locator('.clock', { hasText: /^0[2-4]:\d\d$/ }).waitFor();
    assert.equal(await notice.isVisible(), true, 'the notice stays until dismissed');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.close();
  });

  it('adds, edits and deletes an interview typed in by hand, rejecting bad input without losing it', PER_TEST, async () => {
    await demoAt(session, -300);
    page = await session.openPage('popup.html');
    await page.getByRole('button', { name: '+ Add an interview' }).click();
    await page.getByLabel("Interviewer's email").fill('not-an-address');
    await page.getByRole('button', { name: 'Save interview' }).click();
    await page.getByText('Enter the company, the role, or both.').waitFor();
    await page.getByText('Enter a single address like name@example.com.').waitFor();
    assert.deepEqual((await session.readStorage<Stored>(['manual'])).manual ?? {}, {}, 'nothing saved');
    assert.equal(await page.getByLabel("Interviewer's email").inputValue(), 'not-an-address', 'what was typed is kept');

    // The form starts in the browser's zone (Europe/Rome here): type the wall time there.
    const wall = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(Date.now() + 40 * MINUTE).map((part) => [part.type, Number(part.value)]));
    await page.getByLabel('Company').fill('Quill & Co <script>');
    await page.getByLabel('Role').fill('Data Analyst');
    await page.getByLabel('Date').fill(`${wall.year}-${pad(wall.month!)}-${pad(wall.day!)}`);
    await page.getByLabel('Time', { exact: true }).fill(`${pad(wall.hour!)}:${pad(wall.minute!)}`);
    await page.getByLabel("Interviewer's email").fill('ana@example.org');
    await page.getByLabel('Phone number they will call from or you will call').fill('+39 02 5555 0101');
    await page.getByRole('button', { name: 'Save interview' }).click();
    await page.getByRole('heading', { level: 2, name: 'Data Analyst — Quill & Co <script>' }).waitFor();
    const { manual } = await session.readStorage<Stored>(['manual']);
    const entry = Object.values(manual)[0];
    assert.ok(entry);
    assert.equal(entry.interviewerEmail, 'ana@example.org');
    assert.equal(await page.locator('a.tel').first().getAttribute('href'), 'tel:+390255550101');
    const alarms = await session.evaluateInWorker(() => chrome.alarms.getAll());
    assert.ok(alarms.some((a) => a.name === `reminder:get-ready:manual:${entry.id}`), 'the typed-in interview has its reminders');

    await page.locator('.why').getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Role').fill('Senior Data Analyst');
    await page.getByRole('button', { name: 'Save interview' }).click();
    await page.getByRole('heading', { level: 2, name: 'Senior Data Analyst — Quill & Co <script>' }).waitFor();

    await page.locator('.why').getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await session.waitFor(async () => Object.keys((await session.readStorage<Stored>(['manual'])).manual).length === 0, { message: 'entry deleted' });
    await session.waitFor(async () => !(await session.evaluateInWorker(() => chrome.alarms.getAll())).some((a) => a.name.includes('manual:')), { message: 'its alarms cleared' });
    await page.close();
  });

  it('words relative times with date-fns in English and in Italian, as the bundle ships its locales', PER_TEST, async () => {
    // The first interview starts in 30 minutes; the recruiter call started 39 minutes ago, the
    // others are 5 h 26 min and 26 h 26 min ahead. Within 45 minutes the wording is date-fns's
    // formatDistanceStrict (whole minutes; one more or less if the minute turns meanwhile),
    // beyond it formatDistance.
    const wording = {
      en: [/started (39|40) minutes ago/, /in (30|29) minutes/, /in about 5 hours/, /in 1 day/],
      it: [/iniziato (39|40) minuti fa/, /tra (30|29) minuti/, /tra circa 5 ore/, /tra un giorno/],
    };
    const { settings } = await session.readStorage<{ settings: Record<string, unknown> }>(['settings']);
    for (const [language, expected] of Object.entries(wording)) {
      await demoAt(session, -30, { settings: { ...settings, language } });
      page = await session.openPage('popup.html');
      await page.locator(`html[lang=${language}] #app[aria-busy=false]`).waitFor();
      const text = await page.locator('body').innerText();
      for (const pattern of expected) assert.match(text, pattern, language);
      await page.close();
    }
  });

  it('speaks Italian when set to, writes to the recruiter in the invite\'s language, and lets the user switch it', PER_TEST, async () => {
    const { settings } = await session.readStorage<{ settings: Record<string, unknown> }>(['settings']);
    await demoAt(session, 16, { settings: { ...settings, language: 'it' } });
    page = await session.openPage('popup.html');
    await page.getByText('Puoi smettere a breve').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'it');
    // The demo invite is in English: so is the email, whatever the popup's language.
    const english = await gmailUrlAfter(session, () => page.getByRole('button', { name: "Scrivi l'email di follow-up" }).click());
    assert.match(english.searchParams.get('body') ?? '', /I'll stay available/);
    page = await session.openPage('popup.html');
    await page.getByLabel('Email e messaggio in segreteria in').selectOption('it');
    await session.waitFor(async () => {
      const { marks } = await session.readStorage<{ marks: Record<string, { language?: string }> }>(['marks']);
      return Object.values(marks ?? {}).some((m) => m.language === 'it');
    }, { message: 'the interview\'s language is stored' });
    const url = await gmailUrlAfter(session, () => page.getByRole('button', { name: "Scrivi l'email di follow-up" }).click());
    const body = url.searchParams.get('body') ?? '';
    assert.match(body, /Resterò disponibile[^.]* fino all/);
    assert.doesNotMatch(body, /\b(the|minutes|minuti)\b/);
  });
});
