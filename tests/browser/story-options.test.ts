// The options page as a candidate meets it (issue: the interview's story), in a build without
// Google sign-in: a calm sentence instead of a developer's message, the secret address first,
// the demo stopped and restarted from here, empty lists and templates refused with nothing
// lost, import errors in words, the Gmail account only for Gmail, and "Not an interview"
// choices listed by title.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Settings } from '../../src/core/settings.ts';
import { isolatedTestBuild } from './isolated-build.ts';
import type { IsolatedTestBuild } from './isolated-build.ts';
import { launchExtension, moveDemo, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';

const MINUTE = 60_000;

interface Stored {
  settings: Settings;
  source: { kind: string; anchor?: number };
  interviews: Record<string, { title: string; eventId: string }>;
}

describe('the options page speaks to a candidate', () => {
  let build: IsolatedTestBuild | undefined;
  let session: ExtensionSession;

  before(async () => {
    // Port 9: nothing listens there, and nothing here signs in.
    build = await isolatedTestBuild({ authUrl: 'http://127.0.0.1:9/auth', apiBase: 'http://127.0.0.1:9/calendar/v3', clientId: '' });
    session = await launchExtension({ distDir: build.distDir, locale: 'en-US', timezoneId: 'Europe/Rome' });
  });
  after(async () => {
    await session?.close();
    await build?.remove();
  });

  async function openOptions(): Promise<Page> {
    const page = await session.openPage('options.html');
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    return page;
  }

  it('without Google sign-in in the build: one calm sentence, after the secret-address option it leads with', PER_TEST, async () => {
    const page = await openOptions();
    const note = page.locator('#google-not-configured');
    assert.equal(await note.innerText(), 'Signing in with Google is not available in this version; the secret address above works with Google Calendar too.');
    assert.equal(await note.getAttribute('class'), 'hint', 'a hint, not a notice or an error');
    const text = await page.locator('#section-calendar').innerText();
    assert.doesNotMatch(text, /OAuth|client id|GOOGLE_/i, 'nothing a candidate cannot act on');
    assert.equal(await page.locator('#section-calendar .error-text:not(:empty), #section-calendar .notice').count(), 0, 'nothing red');
    // The secret address comes first, the sentence about Google after it.
    const order = await page.evaluate(() => {
      const ical = document.getElementById('ical-address');
      const google = document.getElementById('google-not-configured');
      return ical && google ? ical.compareDocumentPosition(google) & Node.DOCUMENT_POSITION_FOLLOWING : -1;
    });
    assert.ok(order > 0, 'the secret-address field comes before the Google sentence');
    await page.close();
  });

  it('connecting a secret address: a stale address error goes once a valid one is typed, and the page says it waits for the permission', PER_TEST, async () => {
    const page = await openOptions();
    const field = page.getByLabel('Secret address');
    const status = page.locator('#ical-status');
    await field.fill('calendar.google.com/my-feed');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await session.waitFor(async () => (await status.innerText()).startsWith('That is not an https://'), { message: 'the address error' });
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await field.fill('https://calendar.example.org/feed/basic.ics');
    await session.waitFor(async () => (await status.innerText()) === '', { message: 'the stale error to go once the address is valid' });
    assert.equal(await field.getAttribute('aria-invalid'), null);

    // The browser's prompt, held open: the test answers it when it has seen the page wait.
    await page.evaluate(() => {
      const w = window as unknown as { answerPrompt?: (granted: boolean) => void };
      chrome.permissions.request = (() => new Promise<boolean>((resolve) => { w.answerPrompt = resolve; })) as typeof chrome.permissions.request;
    });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await session.waitFor(async () => (await status.innerText()).startsWith('Waiting for your permission'), { message: '"waiting for your permission" while the prompt is open' });
    assert.equal(await status.getAttribute('class'), 'hint', 'said calmly, not as an error');
    await page.evaluate(() => (window as unknown as { answerPrompt: (granted: boolean) => void }).answerPrompt(false));
    await session.waitFor(async () => (await status.innerText()) === 'Access to that site was not allowed, so the calendar cannot be read.', { message: 'the refusal, once answered' });
    const { source } = await session.readStorage<Stored>(['source']);
    assert.equal(source.kind, 'demo', 'nothing was connected');
    await page.close();
  });

  it('ends, starts and restarts the demo from the options page', PER_TEST, async () => {
    const page = await openOptions();
    const before = (await session.readStorage<Stored>(['source'])).source;
    assert.equal(before.kind, 'demo');
    await page.getByRole('button', { name: 'End demo' }).click();
    await session.waitFor(async () => (await session.readStorage<Stored>(['source'])).source.kind === 'none', { message: 'the demo to end' });
    await session.waitFor(async () => Object.keys((await session.readStorage<Stored>(['interviews'])).interviews).length === 0, { message: 'its interviews to go' });
    await page.getByRole('button', { name: 'Try the demo' }).click();
    const started = await session.waitFor(async () => {
      const { source } = await session.readStorage<Stored>(['source']);
      return source.kind === 'demo' ? source : undefined;
    }, { message: 'the demo to start again' });
    await page.getByRole('button', { name: 'Restart demo' }).click();
    await session.waitFor(async () => {
      const { source } = await session.readStorage<Stored>(['source']);
      return source.kind === 'demo' && source.anchor !== started.anchor;
    }, { message: 'the demo to restart from now' });
    await page.close();
  });

  it('refuses empty tag and keyword lists and an empty email with a clear message, keeping what was typed', PER_TEST, async () => {
    const page = await openOptions();
    const saved = (await session.readStorage<Stored>(['settings'])).settings;
    await page.getByLabel('Tags, one per line').fill('');
    await page.getByLabel('Title keywords, one per line').fill('  \n');
    await page.getByLabel('Email', { exact: true }).selectOption('follow-up');
    const subject = await page.locator('#template-subject').inputValue();
    await page.locator('#template-body').fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await page.getByText('Keep at least one tag: with none, tagged events are no longer found.', { exact: false }).waitFor();
    await page.getByText('Keep at least one keyword: with none, interviews are no longer found by their title.', { exact: false }).waitFor();
    await page.locator('#template-error').getByText('This email is empty', { exact: false }).waitFor();
    const summary = await page.locator('.error-summary').innerText();
    assert.match(summary, /Tags, one per line/);
    assert.match(summary, /Title keywords, one per line/);
    assert.match(summary, /Email “Follow-up \(no call yet\)” \(English\)/);
    assert.doesNotMatch(summary, /rules\.|templates\./, 'no internal keys');
    // Nothing saved, nothing lost.
    const stored = (await session.readStorage<Stored>(['settings'])).settings;
    assert.deepEqual(stored.rules, saved.rules);
    assert.deepEqual(stored.templates, saved.templates);
    assert.equal(await page.locator('#template-subject').inputValue(), subject, 'the subject is kept');
    assert.equal(await page.getByLabel('Title keywords, one per line').inputValue(), '  \n', 'the keywords field is as typed');

    // The summary's link to the email brings its text field into view, focused.
    await page.locator('.error-summary a', { hasText: 'Follow-up' }).click();
    await session.waitFor(async () => page.evaluate(() => document.activeElement?.id === 'template-body'), { message: 'the empty email text focused' });
    await page.close();
  });

  it('names the fields of a refused import in words, never by internal key', PER_TEST, async () => {
    const page = await openOptions();
    const { settings } = await session.readStorage<Stored>(['settings']);
    const file = { app: 'interview-standby', fileVersion: 1, settings: { ...settings, profile: { ...settings.profile, email: 'not an address' }, timing: { ...settings.timing, confirmLead: 5 } } };
    await page.locator('#import-file').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const status = page.locator('#section-transfer [role="status"]');
    await session.waitFor(async () => (await status.innerText()) !== '', { message: 'the import to be refused' });
    const text = await status.innerText();
    assert.match(text, /^Some values in the file are not valid, so nothing was changed:/);
    assert.match(text, /Your email/);
    assert.match(text, /confirm/i);
    assert.doesNotMatch(text, /profile\.email|timing\.confirmLead|\btiming\b|\bprofile\b/);
    await page.close();
  });

  it('shows the Gmail account field only while drafts open in Gmail', PER_TEST, async () => {
    const page = await openOptions();
    const provider = page.getByLabel('Open drafts in');
    assert.equal(await provider.inputValue(), 'gmail');
    await page.locator('#compose-account').waitFor();
    await provider.selectOption('outlook');
    await page.locator('#compose-account').waitFor({ state: 'detached' });
    await provider.selectOption('mailto');
    assert.equal(await page.locator('#compose-account').count(), 0);
    await provider.selectOption('gmail');
    await page.locator('#compose-account').waitFor();
    await page.close();
  });

  it('lists a "Not an interview" choice by the title and day the user saw, older ones by their id', PER_TEST, async () => {
    // Started three minutes ago: the wait is on and its card shows.
    const start = Math.floor((Date.now() - 3 * MINUTE) / MINUTE) * MINUTE;
    const id = await moveDemo(session, start, { marks: {}, notified: {} });
    const { interviews, settings } = await session.readStorage<Stored>(['interviews', 'settings']);
    const interview = interviews[id]!;
    // A choice made before names were stored.
    await session.writeStorage({ settings: { ...settings, rules: { ...settings.rules, overrides: { 'old-event-7': 'not-interview' } } } });
    const popup = await session.openPage('popup.html');
    await popup.getByRole('heading', { level: 2, name: interview.title }).waitFor();
    await popup.getByRole('button', { name: 'Not an interview' }).first().click();
    await session.waitFor(async () => (await session.readStorage<Stored>(['interviews'])).interviews[id] === undefined, { message: 'the event to go' });
    await popup.close();

    const page = await openOptions();
    const list = page.locator('.override-list');
    const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/Rome' }).format(start);
    await list.getByText(`Not an interview: “${interview.title}” (${day})`, { exact: true }).waitFor();
    await list.getByText('Not an interview: event old-event-7', { exact: true }).waitFor();
    assert.equal(await list.getByText(interview.eventId, { exact: false }).count(), 0, 'the new choice is not named by its id');
    await page.close();
  });
});
