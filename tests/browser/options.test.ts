import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { Settings } from '../../src/core/settings.ts';
import type { Interview } from '../../src/core/types.ts';
import { defaultTemplates } from '../../src/core/render-template.ts';
import { defaultRules } from '../../src/core/default-rules.ts';
import { launchExtension, moveDemo, PER_TEST, recordStorageReads } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { MINUTE } from '../../src/core/units.ts';

async function storedSettings(session: ExtensionSession): Promise<Settings> {
  const { settings } = await session.readStorage<{ settings: Settings }>(['settings']);
  return settings;
}

async function storedInterviews(session: ExtensionSession): Promise<Interview[]> {
  const { interviews } = await session.readStorage<{ interviews: Record<string, Interview> }>(['interviews']);
  return Object.values(interviews ?? {});
}

async function storedInterview(session: ExtensionSession, id: string): Promise<Interview> {
  const { interviews } = await session.readStorage<{ interviews: Record<string, Interview> }>(['interviews']);
  const interview = interviews[id];
  assert.ok(interview, `${id} is stored`);
  return interview;
}

describe('options page', () => {
  let session: ExtensionSession;
  before(async () => {
    session = await launchExtension({ locale: 'en-US' });
  });
  after(async () => {
    await session?.close();
  });

  /** Waits until a control shows `expected` (Preact renders after the event that changed it). */
  async function hasValue(locator: Locator, expected: string): Promise<void> {
    await session.waitFor(async () => (await locator.inputValue()) === expected, { message: `the control to show ${JSON.stringify(expected.slice(0, 60))}` });
  }

  /** Makes the viewport as tall as the page, so a screenshot shows all of it. */
  async function showWholePage(page: Page): Promise<void> {
    await page.setViewportSize({ width: 820, height: 900 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 820, height });
  }

  /** Opens the options page and waits until it has loaded the settings and its language. */
  async function openOptions(saveName = 'Save'): Promise<Page> {
    const page = await session.openPage('options.html');
    await page.getByRole('button', { name: saveName, exact: true }).waitFor();
    return page;
  }

  /** Saves the form and waits for the page to say so. */
  async function save(page: Page, saveName = 'Save', savedText = 'Saved.'): Promise<void> {
    await page.getByRole('button', { name: saveName, exact: true }).click();
    await page.getByRole('status').filter({ hasText: savedText }).waitFor();
  }

  it('opens, and saves, without asking storage for the busy time or what was notified', PER_TEST, async () => {
    // Thousands of busy intervals for a large calendar: 13,372 made the page 190 ms slower to open.
    const busy = { 'ical:standup@x@2030-01-07T08:00:00.000Z': { start: Date.UTC(2030, 0, 7, 8), end: Date.UTC(2030, 0, 7, 9) } };
    await session.writeStorage({ busy });
    const page = await session.context.newPage();
    await page.addInitScript(recordStorageReads);
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    const reads = await page.evaluate(() => (globalThis as unknown as { storageReads: unknown[] }).storageReads);
    // Both sections' reads and the one before saving.
    assert.ok(reads.length >= 3, JSON.stringify(reads));
    for (const keys of reads) {
      assert.ok(Array.isArray(keys), JSON.stringify(keys));
      for (const left of ['busy', 'notified']) assert.ok(!keys.includes(left), `${left} read: ${JSON.stringify(keys)}`);
      assert.ok(keys.includes('settings') && keys.includes('icalCursor'), JSON.stringify(keys));
    }
    await page.close();
    assert.deepEqual((await session.readStorage<{ busy: unknown }>(['busy'])).busy, busy, 'the busy time as it was');
  });

  it('saves the profile and the timing, which survive a reload', PER_TEST, async () => {
    const page = await openOptions();
    await page.getByLabel('Your name').fill('Ada Rossi');
    await page.getByLabel('Your phone number').fill('+39 333 123 4567');
    await page.getByLabel('Your email').fill('ada@example.org');
    await page.getByLabel('Confirmation reminder, minutes before').fill('90');
    await page.getByLabel('Maximum wait, minutes').fill('25');
    await page.getByText('Unsaved changes').waitFor();
    await save(page);

    const settings = await storedSettings(session);
    assert.deepEqual(settings.profile, { name: 'Ada Rossi', phone: '+39 333 123 4567', email: 'ada@example.org' });
    assert.equal(settings.timing.confirmLead, 90);
    assert.equal(settings.timing.maxWait, 25);
    assert.equal(await page.getByText('Unsaved changes').count(), 0, 'nothing is left unsaved');

    await page.reload();
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    assert.equal(await page.getByLabel('Your name').inputValue(), 'Ada Rossi');
    assert.equal(await page.getByLabel('Your email').inputValue(), 'ada@example.org');
    assert.equal(await page.getByLabel('Confirmation reminder, minutes before').inputValue(), '90');
    assert.equal(await page.getByLabel('Maximum wait, minutes').inputValue(), '25');
    await page.close();
  });

  it('refuses an invalid email, a 45-minute wait and hours that end before they start: errors shown, input kept, nothing stored', PER_TEST, async () => {
    const before = await storedSettings(session);
    const page = await openOptions();
    await page.getByLabel('Your email').fill('ada at example');
    await page.getByLabel('Maximum wait, minutes').fill('45');
    await page.locator('#work-start').fill('18:00');
    await page.locator('#work-end').fill('09:00');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await page.getByRole('status').filter({ hasText: 'Nothing was saved. Please fix the highlighted fields.' }).waitFor();
    await page.getByText('Enter a single address like name@example.com.').waitFor();
    await page.getByText('Enter a whole number from 15 to 30.').waitFor();
    await page.getByText('The end must come after the start.').waitFor();
    const email = page.getByLabel('Your email');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    assert.equal(await page.locator(`[id="${describedBy}"]`).innerText(), 'Enter a single address like name@example.com.');
    assert.equal(await page.locator('#work-end').getAttribute('aria-invalid'), 'true');
    // The summary takes the focus and links to each field.
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
    await page.locator('.error-summary').getByRole('link', { name: 'Maximum wait, minutes (15–30)' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'timing-maxWait');

    // What the user typed is still there, and storage did not move.
    assert.equal(await email.inputValue(), 'ada at example');
    assert.equal(await page.getByLabel('Maximum wait, minutes').inputValue(), '45');
    assert.equal(await page.locator('#work-start').inputValue(), '18:00');
    assert.deepEqual(await storedSettings(session), before);

    // Fixing a field clears its error at once; the others stay until they are fixed too.
    await email.fill('ada@example.org');
    await page.getByText('Enter a single address like name@example.com.').waitFor({ state: 'detached' });
    assert.equal(await page.getByText('Enter a whole number from 15 to 30.').count(), 1);
    assert.deepEqual(await storedSettings(session), before);
    await page.close();
  });

  it('edits the follow-up wording with a live preview; the next follow-up draft from the popup uses it', PER_TEST, async () => {
    // Move the demo so its first interview started three minutes ago: the wait is on.
    const interview = await storedInterview(session, await moveDemo(session, Date.now() - 6 * MINUTE));

    const page = await openOptions();
    await page.getByLabel('Email', { exact: true }).selectOption('follow-up');
    await page.getByLabel('Language of the email').selectOption('en');
    const preview = page.locator('.preview');
    await preview.getByText(interview.title).first().waitFor();
    await page.getByLabel('Subject', { exact: true }).fill('Still here for {title}');
    await page.getByLabel('Text', { exact: true }).fill('Hello {interviewerName},\nI am still by the phone for {minutesLeft}.\n{candidateName}');
    await preview.getByText(`Still here for ${interview.title}`).waitFor();
    assert.match(await preview.locator('.script').innerText(), /^Hello Maya Chen,\nI am still by the phone for another \d+ minutes?\.\nAda Rossi$/);
    await page.getByText('Your wording (saved with Save).').waitFor();
    await save(page);
    const saved = await storedSettings(session);
    assert.deepEqual(saved.templates.en?.['follow-up'], {
      subject: 'Still here for {title}',
      body: 'Hello {interviewerName},\nI am still by the phone for {minutesLeft}.\n{candidateName}',
    });
    await page.close();

    const opened = new Set(await session.openedTabUrls());
    const popup = await session.openPage('popup.html');
    await popup.getByRole('button', { name: 'Write follow-up' }).click();
    const url = await session.waitFor(async () => (await session.openedTabUrls()).find((u) => u.startsWith('https://mail.google.com/') && !opened.has(u)), {
      message: 'a Gmail compose tab opened',
    });
    const params = new URL(url).searchParams;
    assert.equal(params.get('su'), `Still here for ${interview.title}`);
    assert.match(params.get('body') ?? '', /^Hello Maya Chen,\nI am still by the phone for another \d+ minutes?\.\nAda Rossi$/);
    assert.equal(params.get('to'), interview.interviewer.email);
    if (!popup.isClosed()) await popup.close();
  });

  it('"Reset to the default" brings the built-in follow-up wording back', PER_TEST, async () => {
    const page = await openOptions();
    await page.getByLabel('Email', { exact: true }).selectOption('follow-up');
    await page.getByLabel('Language of the email').selectOption('en');
    await hasValue(page.getByLabel('Subject', { exact: true }), 'Still here for {title}');
    await page.getByRole('button', { name: 'Reset to the default' }).click();
    await hasValue(page.getByLabel('Subject', { exact: true }), defaultTemplates.en['follow-up'].subject);
    await hasValue(page.getByLabel('Text', { exact: true }), defaultTemplates.en['follow-up'].body);
    await page.getByText('The built-in wording.').waitFor();
    assert.ok(await page.getByRole('button', { name: 'Reset to the default' }).isDisabled());
    await save(page);
    const saved = await storedSettings(session);
    assert.equal(saved.templates.en?.['follow-up'], undefined);
    await page.close();
  });

  it('rejects a settings file that is not JSON, or has invalid values, with a clear message and changes nothing', PER_TEST, async () => {
    const before = await storedSettings(session);
    const page = await openOptions();
    await page.locator('#import-file').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from('{ "app": "interview-standby", oops') });
    await page.getByText('This file is not valid JSON. Nothing was changed.').waitFor();
    assert.deepEqual(await storedSettings(session), before);

    const tooLong = { app: 'interview-standby', fileVersion: 1, settings: { ...before, timing: { ...before.timing, maxWait: 45 } } };
    await page.locator('#import-file').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tooLong)) });
    // The field is named as the page names it, never by its internal key.
    await page.getByText('Some values in the file are not valid, so nothing was changed: Maximum wait, minutes (15–30)', { exact: true }).waitFor();
    assert.deepEqual(await storedSettings(session), before);
    assert.equal(await page.getByLabel('Maximum wait, minutes').inputValue(), String(before.timing.maxWait));
    await page.close();
  });

  it('exports the settings to a file and imports them back', PER_TEST, async () => {
    const exported = await storedSettings(session);
    const page = await openOptions();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download settings' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'interview-standby-settings.json');
    const path = await download.path();
    const file = JSON.parse(await readFile(path, 'utf8')) as { app: string; settings: Settings };
    assert.equal(file.app, 'interview-standby');
    assert.deepEqual(file.settings, exported);

    // Change something and save, then load the file: the exported settings come back.
    await page.getByLabel('Your name').fill('Somebody Else');
    await page.getByLabel('Minimum wait, minutes').fill('20');
    await save(page);
    assert.equal((await storedSettings(session)).profile.name, 'Somebody Else');

    await page.locator('#import-file').setInputFiles(path);
    await page.getByText('Settings loaded and saved.').waitFor();
    await session.waitFor(async () => JSON.stringify(await storedSettings(session)) === JSON.stringify(exported) || undefined, {
      message: 'the imported settings are stored',
    });
    await hasValue(page.getByLabel('Your name'), exported.profile.name);
    await hasValue(page.getByLabel('Minimum wait, minutes'), String(exported.timing.minWait));
    await page.close();
  });

  it('switches the page to Italian once Italiano is saved, and back to English', PER_TEST, async () => {
    const page = await openOptions();
    await page.getByLabel('Language', { exact: true }).selectOption('it');
    // Choosing is not saving: the page keeps its language until then.
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Interview Standby settings');
    await save(page, 'Save', 'Salvato.');
    await page.getByRole('heading', { level: 1, name: 'Impostazioni di Interview Standby' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'it');
    await page.getByRole('button', { name: 'Salva', exact: true }).waitFor();
    await page.getByLabel('La tua email').waitFor();
    assert.equal((await storedSettings(session)).language, 'it');

    await showWholePage(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await session.screenshot(page, `options-it-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByLabel('Lingua', { exact: true }).selectOption('en');
    await save(page, 'Salva', 'Saved.');
    await page.getByRole('heading', { level: 1, name: 'Interview Standby settings' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.close();
  });

  it('adding the keyword "standup" makes the demo\'s "Team standup" an interview once saved', PER_TEST, async () => {
    const isStandup = (i: Interview) => i.title === 'Team standup';
    assert.equal((await storedInterviews(session)).filter(isStandup).length, 0, 'the standup is not an interview by default');
    const page = await openOptions();
    const keywords = page.getByLabel('Title keywords, one per line');
    await keywords.press('ControlOrMeta+End');
    await keywords.pressSequentially('\nstandup');
    await save(page);
    assert.ok((await storedSettings(session)).rules.keywords.includes('standup'));
    const standup = await session.waitFor(async () => (await storedInterviews(session)).find(isStandup), {
      message: 'the worker reconciles the demo with the new keyword',
    });
    assert.deepEqual(standup.detectedBy, { rule: 'keyword', matched: 'standup' });

    // "Reset the keywords to the defaults" takes it away again.
    await page.getByRole('button', { name: 'Reset the keywords to the defaults' }).click();
    await hasValue(keywords, defaultRules.keywords.join('\n'));
    await save(page);
    await session.waitFor(async () => !(await storedInterviews(session)).some(isStandup), { message: 'the standup is no longer an interview' });
    await page.close();
  });

  it('lists the per-event choices and undoes one on save, keeping a choice the popup made meanwhile', PER_TEST, async () => {
    const interviews = await storedInterviews(session);
    const target = interviews.find((i) => i.title.startsWith('Recruiter call'));
    assert.ok(target, 'the demo has its recruiter call');
    const popup = await session.openPage('popup.html');
    const settingsBefore = await storedSettings(session);
    // The popup's "Not an interview" stores an override for the event.
    const sent = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'interview-standby', name: 'not-interview', request: { interviewId: id } }), target.id);
    assert.deepEqual(sent, { ok: true, value: { ok: true } });
    await popup.close();
    assert.equal((await storedSettings(session)).rules.overrides[target.eventId], 'not-interview');

    const page = await openOptions();
    // Listed by the title (and day) the user saw when choosing, not by the event's id.
    const row = page.locator('.override-list li', { hasText: target.title });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`^Not an interview: “${target.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” \\(\\w{3} \\d{1,2} \\w{3}\\)`));
    assert.doesNotMatch(await row.innerText(), new RegExp(target.eventId));
    // Meanwhile another event gets an override from elsewhere (as the popup would).
    const other = interviews.find((i) => i.title.startsWith('Fernhill'));
    assert.ok(other);
    await row.getByRole('button', { name: /^Undo the choice for / }).click();
    await page.getByText('Unsaved changes').waitFor();
    const latest = await storedSettings(session);
    await session.writeStorage({ settings: { ...latest, rules: { ...latest.rules, overrides: { ...latest.rules.overrides, [other.eventId]: 'interview' } } } });
    await save(page);
    const after = await storedSettings(session);
    assert.deepEqual(after.rules.overrides, { ...settingsBefore.rules.overrides, [other.eventId]: 'interview' });
    await session.waitFor(async () => (await storedInterviews(session)).some((i) => i.id === target.id), { message: 'the recruiter call is an interview again' });
    await page.close();
  });

  it('is operable from the keyboard: Enter in a field saves the form', PER_TEST, async () => {
    const page = await openOptions();
    await page.getByLabel('Your name').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Ada Keyboard');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    assert.equal((await storedSettings(session)).profile.name, 'Ada Keyboard');
    await page.close();
  });

  it('takes screenshots of the page in English, light and dark', PER_TEST, async () => {
    const page = await openOptions();
    await showWholePage(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const path = await session.screenshot(page, `options-en-${scheme}`);
      assert.ok((await readFile(path)).length > 10_000, `${path} has content`);
    }
    // And with errors showing.
    await page.getByLabel('Your email').fill('nope');
    await page.getByLabel('Maximum wait, minutes').fill('45');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.error-summary').waitFor();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 820, height: 900 });
    await session.screenshot(page, 'options-en-errors');
    await page.close();
  });
});
