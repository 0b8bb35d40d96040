// Hostile invites through the real Google sync path (fake OAuth + fake Calendar API on this
// file's own ports): nothing from an event reaches the DOM except as text and vetted https:/tel:
// links; notification text is clean and capped; the popup keeps working; a Gmail draft for
// any of them has at most one valid recipient and a one-line subject.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Interview } from '../../src/core/types.ts';
import { GOOGLE_SCOPES } from '../../src/calendar/google-calendar.ts';
import { FakeGoogleCalendarApi } from '../fakes/google-calendar-api.ts';
import { FakeGoogleOAuth } from '../fakes/google-oauth.ts';
import { CONTROL_OR_BIDI, hostileEvents, ME } from '../fixtures/hostile-events.ts';
import { allowConsent, launchExtension, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { isolatedTestBuild, TEST_CLIENT_ID } from './isolated-build.ts';
import type { IsolatedTestBuild } from './isolated-build.ts';
import { MINUTE } from '../../src/core/units.ts';

const VIDEO_HOSTS = /^(meet\.google\.com|([\w-]+\.)?zoom\.us|teams\.microsoft\.com|teams\.live\.com)$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

interface Created { id: string; title: string; message: string; buttons: string[] }

/** Everything under the popup's #app that markup from an event could have produced. */
async function domFindings(page: Page) {
  return page.evaluate(() => {
    const app = document.getElementById('app')!;
    const elements = [...document.querySelectorAll('*')];
    return {
      // The popup's own forms (the name-and-phone prompt, a new time, a typed-in interview)
      // are ours; any other form could only have come from the input.
      tags: [...new Set([...app.querySelectorAll('*')]
        .filter((e) => !(e.localName === 'form' && ['profile-prompt', 'new-time', 'manual-form'].some((ours) => e.classList.contains(ours))))
        .map((e) => e.localName))],
      images: [...app.querySelectorAll('img')].map((i) => i.getAttribute('src')),
      handlers: elements.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      hrefs: [...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')]
        .filter((e) => e.localName !== 'link' && e.localName !== 'script' && e.localName !== 'img')
        .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('formaction') ?? ''),
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      styles: [...app.querySelectorAll('[style]')].map((e) => e.getAttribute('style') ?? '').filter((s) => /url\(|expression|javascript/i.test(s)),
      text: app.innerText,
    };
  });
}

describe('hostile invites in the popup, notifications and drafts', () => {
  let build: IsolatedTestBuild;
  let session: ExtensionSession;
  let api: FakeGoogleCalendarApi;
  let oauth: FakeGoogleOAuth;
  let messenger: Page;
  const start = Date.now() - MINUTE;
  const corpus = hostileEvents(start);
  const dialogs: string[] = [];

  const message = (name: string, request: unknown = {}) => messenger.evaluate(
    ([n, r]) => chrome.runtime.sendMessage({ type: 'interview-standby', name: n, request: r }) as Promise<{ ok: boolean; error?: { key: string }; value?: unknown }>,
    [name, request] as const,
  );
  const interviews = async () => (await session.readStorage<{ interviews: Record<string, Interview> }>(['interviews'])).interviews;

  before(async () => {
    api = await new FakeGoogleCalendarApi().listen(0);
    oauth = await new FakeGoogleOAuth({ clientId: TEST_CLIENT_ID, requiredScopes: GOOGLE_SCOPES, onToken: (t) => api.validTokens.add(t) }).listen(0);
    build = await isolatedTestBuild({ authUrl: oauth.authorizeUrl, apiBase: api.baseUrl });
    api.addCalendar(ME, { primary: true, summary: ME });
    api.putEvents(ME, corpus);
    session = await launchExtension({ locale: 'en-US', distDir: build.distDir });
    session.context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); }));
    messenger = await session.openPage('manifest.json');
    // Record every notification the worker raises (it runs the real create afterwards).
    await session.evaluateInWorker(() => {
      const g = globalThis as unknown as { created: Created[]; realCreate?: typeof chrome.notifications.create };
      g.created = [];
      g.realCreate ??= chrome.notifications.create;
      const real = g.realCreate;
      chrome.notifications.create = ((id: string, options: chrome.notifications.NotificationOptions, ...rest: unknown[]) => {
        g.created.push({ id, title: String(options.title), message: String(options.message), buttons: (options.buttons ?? []).map((b) => b.title) });
        return (real as (...a: unknown[]) => unknown).call(chrome.notifications, id, options, ...rest);
      }) as typeof chrome.notifications.create;
    });
    const options = await session.openPage('options.html');
    const consent = session.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(new URL(oauth.authorizeUrl).origin), timeout: 10_000 });
    await options.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await allowConsent(await consent);
    await session.waitFor(async () => {
      const stored = await interviews();
      return corpus.every((e) => stored[`google:${e.id}`]) ? stored : undefined;
    }, { timeout: 15_000, message: 'every hostile invite is stored as an interview' });
    await options.close();
  });
  after(async () => {
    await session?.close();
    await api?.close();
    await oauth?.close();
    await build?.remove();
  });

  it('stores clean, capped single-line titles and no unsafe link or address', PER_TEST, async () => {
    const stored = await interviews();
    for (const event of corpus) {
      const interview = stored[`google:${event.id}`]!;
      for (const text of [interview.title, interview.company, interview.role, interview.interviewer.name].filter((t): t is string => t !== undefined)) {
        assert.doesNotMatch(text, CONTROL_OR_BIDI, `${event.id}: control or bidi character in ${JSON.stringify(text)}`);
        assert.doesNotMatch(text, /[\r\n]/);
        assert.ok(text.length <= 300, `${event.id}: ${text.length} characters`);
      }
      if (interview.interviewer.email !== undefined) assert.match(interview.interviewer.email, EMAIL, `${event.id}: interviewer email`);
      if (interview.videoUrl !== undefined) {
        const url = new URL(interview.videoUrl);
        assert.equal(url.protocol, 'https:');
        assert.match(url.hostname, VIDEO_HOSTS);
        assert.equal(url.username + url.password, '');
      }
      for (const phone of interview.phones) assert.match(phone.dial, /^\+?\d{3,20}$/, `${event.id}: dial ${phone.dial}`);
    }
    const size = JSON.stringify(await session.readStorage()).length;
    assert.ok(size < 500_000, `the 1 MB description is not kept in storage (${size} bytes)`);
  });

  it('raises notifications whose text is trimmed, capped and free of control and bidi characters', PER_TEST, async () => {
    const created = await session.waitFor(async () => {
      const list = await session.evaluateInWorker(() => (globalThis as unknown as { created: Created[] }).created);
      return corpus.every((e) => list.some((c) => c.id === `interview:google:${e.id}`)) ? list : undefined;
    }, { message: 'a notification for each hostile interview' });
    for (const c of created) {
      for (const text of [c.title, c.message, ...c.buttons]) {
        assert.doesNotMatch(text, CONTROL_OR_BIDI, `${c.id}: ${JSON.stringify(text)}`);
        assert.doesNotMatch(text, /[\r\n]/, `${c.id}: line break in ${JSON.stringify(text)}`);
        assert.equal(text, text.trim());
      }
      assert.ok(c.title.length <= 120 && c.message.length <= 300, `${c.id}: title ${c.title.length}, message ${c.message.length}`);
    }
  });

  it('renders every hostile invite as text in the popup, with only vetted links, and stays usable', PER_TEST, async () => {
    const popup = await session.openPage('popup.html');
    popup.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const stored = await interviews();
    const seen = new Set<string>();
    for (let round = 0; round < corpus.length; round += 1) {
      const title = popup.locator('#current-title');
      await title.waitFor();
      const shown = await title.innerText();
      const current = Object.values(stored).find((i) => i.title === shown);
      assert.ok(current, `the card's title is an interview's stored title, as text: ${shown.slice(0, 80)}`);
      assert.ok(!seen.has(current.id), `${current.id} shown once`);
      seen.add(current.id);

      const dom = await domFindings(popup);
      const label = current.id;
      assert.deepEqual(dom.tags.filter((t) => ['script', 'svg', 'iframe', 'object', 'embed', 'math', 'form', 'base', 'meta', 'link', 'style', 'b'].includes(t)), [], `${label}: element from the input`);
      assert.deepEqual(dom.images, ['icons/icon-32.png'], `${label}: only the brand icon is an image`);
      assert.deepEqual(dom.handlers, [], `${label}: event-handler attributes`);
      assert.deepEqual(dom.styles, [], `${label}: style with a URL`);
      assert.deepEqual(dom.scripts, ['popup.js'], `${label}: scripts`);
      for (const href of dom.hrefs) {
        if (href === 'styles.css') continue;
        if (href.startsWith('tel:')) {
          assert.match(href, /^tel:\+?\d{3,20}(?:;ext=\d{1,6})?$/, `${label}: ${href}`);
          continue;
        }
        const url = new URL(href);
        assert.equal(url.protocol, 'https:', `${label}: ${href}`);
        assert.match(url.hostname, VIDEO_HOSTS, `${label}: ${href}`);
        assert.equal(url.username + url.password, '', `${label}: ${href}`);
      }
      // Markup from the invite shows up as the characters it is made of.
      if (current.title.includes('<')) assert.ok(dom.text.includes('<img src=x onerror=alert(1)>') || dom.text.includes('<svg'), `${label}: markup shown as text`);
      assert.doesNotMatch(dom.text, CONTROL_OR_BIDI, `${label}: control or bidi character rendered`);

      // A follow-up draft for it: one valid recipient or none, a one-line subject.
      const reply = await message('open-draft', { interviewId: current.id, kind: 'follow-up' });
      assert.equal(reply.ok, true, reply.error?.key);
      const url = new URL((reply.value as { url: string }).url);
      assert.equal(url.origin + url.pathname, 'https://mail.google.com/mail/');
      const to = url.searchParams.getAll('to');
      assert.ok(to.length <= 1, `${label}: ${to.length} to parameters`);
      if (to[0] !== undefined && to[0] !== '') assert.match(to[0], EMAIL, `${label}: to=${JSON.stringify(to[0])}`);
      for (const forbidden of ['cc', 'bcc']) assert.equal(url.searchParams.has(forbidden), false, `${label}: ${forbidden}`);
      const su = url.searchParams.get('su') ?? '';
      assert.doesNotMatch(su, /[\r\n]/, `${label}: su=${JSON.stringify(su)}`);
      assert.doesNotMatch(su, CONTROL_OR_BIDI);
      assert.doesNotMatch(url.searchParams.get('body') ?? '', /undefined|null|NaN/);

      // The popup still works: "Not an interview" takes this one away and shows the next.
      // Every live interview has a card; this one's is the card titled #current-title.
      await popup.locator('article.card', { has: popup.locator('#current-title') }).locator('.card-footer button').click();
      await session.waitFor(async () => !(await interviews())[current.id], { message: `${current.id} dismissed` });
      await popup.waitForFunction((t) => document.getElementById('current-title')?.textContent !== t, shown);
    }
    assert.deepEqual([...seen].sort(), corpus.map((e) => `google:${e.id}`).sort());
    assert.deepEqual(dialogs, [], 'no script ran');
    await popup.close();
  });
});
