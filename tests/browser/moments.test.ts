// Walks each moment of the interview timeline (README, "Notifications at the right moments")
// through its notification: the demo calendar is moved so that its first interview is in that
// moment, the worker reconciles, and then the one notification shown is checked and its first button
// pressed, asserting what it opens (a Gmail draft, the popup page) or records (a mark).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Interview, Marks, ReminderKind } from '../../src/core/types.ts';
import { FIRST_DEMO_OFFSET, launchExtension, moveDemo, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { MINUTE } from '../../src/core/units.ts';

/** The demo's first interview lasts 30 minutes. */
const DEMO_LENGTH = 30 * MINUTE;
const PROFILE = { name: 'Alex Morgan', phone: '+39 347 123 4567', email: 'alex@example.com' };
/** The signature every email ends with: name, phone and email, one per line. */
const SIGNATURE = `${PROFILE.name}\n${PROFILE.phone}\n${PROFILE.email}`;

interface Stored {
  interviews: Record<string, Interview>;
  marks: Record<string, Marks>;
  notified: Record<string, string>;
  settings: Record<string, unknown>;
}

/** What the spy installed in the worker saw of one chrome.notifications.create call. */
interface Created {
  id: string;
  title: string;
  buttons: string[];
}

/** Where each moment falls with the default timings, relative to the interview's start. */
const DUE_AT: Record<ReminderKind, number> = {
  confirm: -120 * MINUTE,
  'get-ready': -10 * MINUTE,
  start: 0,
  'no-call': 5 * MINUTE,
  'min-wait': 15 * MINUTE,
  'max-wait': 30 * MINUTE,
  'ask-outcome': DEMO_LENGTH + 10 * MINUTE,
  'thank-you': DEMO_LENGTH + 30 * MINUTE,
};

type DispatchableEvent = { dispatch(id: string, index: number): void };

describe('each moment of the timeline, through its notification', () => {
  let session: ExtensionSession;
  /** The worker's own time zone: the one its drafts are written in. */
  let workerZone: string;

  before(async () => {
    session = await launchExtension({ locale: 'en-US', timezoneId: 'Europe/Rome' });
    workerZone = await session.evaluateInWorker(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
  after(async () => {
    await session?.close();
  });

  beforeEach(async () => {
    // A clean screen for every moment: no tab but the harness's own, no notification left over.
    // Closed from the worker: Playwright's page.close() on a tab the extension opened
    // sometimes left the harness's own page unable to answer an evaluate.
    await session.evaluateInWorker(async (control) => {
      const tabs = await chrome.tabs.query({});
      const others = tabs.filter((t) => t.id !== undefined && t.url !== control && t.pendingUrl !== control).map((t) => t.id!);
      if (others.length > 0) await chrome.tabs.remove(others);
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    }, `chrome-extension://${session.extensionId}/manifest.json`);
    await installCreateSpy();
  });

  /**
   * Records every chrome.notifications.create in the worker (src/platform looks the method up
   * on each call, so replacing it is seen). getAll only tells ids, the spy tells what was shown
   * and how many times.
   */
  async function installCreateSpy(): Promise<void> {
    await session.evaluateInWorker(() => {
      const g = globalThis as unknown as { __created?: unknown[]; __createSpied?: boolean };
      g.__created = [];
      if (g.__createSpied) return;
      g.__createSpied = true;
      const original = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
      (chrome.notifications as unknown as { create: (...args: unknown[]) => unknown }).create = (...args: unknown[]) => {
        const [id, options] = args as [string, chrome.notifications.NotificationCreateOptions];
        g.__created?.push({ id, title: options.title, buttons: (options.buttons ?? []).map((b) => b.title) });
        return original(...args);
      };
    });
  }

  async function createdFor(id: string): Promise<Created[]> {
    const all = await session.evaluateInWorker(() => (globalThis as unknown as { __created?: Created[] }).__created);
    assert.ok(Array.isArray(all), 'the notification spy is still installed (the worker did not restart)');
    return all.filter((c) => c.id === `interview:${id}`);
  }

  /**
   * Anchors the demo so its first interview started `minutesIn` minutes ago (negative: ahead),
   * with the test profile, no marks and nothing notified, and waits until the worker has
   * notified `kind` for it. Returns the stored interview.
   */
  async function enterMoment(minutesIn: number, kind: ReminderKind, marks?: (start: number) => Marks): Promise<Interview> {
    const { settings } = await session.readStorage<Stored>(['settings']);
    const start = Date.now() - minutesIn * MINUTE;
    const demoId = `demo:demo-1-${start - FIRST_DEMO_OFFSET}`;
    const id = await moveDemo(session, start, { marks: marks ? { [demoId]: marks(start) } : {}, notified: {}, settings: { ...settings, profile: PROFILE } });
    await session.waitFor(async () => (await session.readStorage<Stored>(['notified'])).notified[id]?.startsWith(`${kind}@`), {
      timeout: 8000,
      message: `${kind} notified for ${id}`,
    });
    const { interviews } = await session.readStorage<Stored>(['interviews']);
    const interview = interviews[id];
    assert.ok(interview, `${id} is stored`);
    return interview;
  }

  /** The moment's notification: the only one for this interview, shown once, with this title. */
  async function assertOneNotification(interview: Interview, kind: ReminderKind, title: RegExp, firstButton: string): Promise<void> {
    const open = Object.keys(await session.evaluateInWorker(() => chrome.notifications.getAll()));
    assert.deepEqual(open.filter((n) => n.includes(interview.id)), [`interview:${interview.id}`], 'exactly one notification for the interview is open');
    const { notified } = await session.readStorage<Stored>(['notified']);
    assert.equal(notified[interview.id], `${kind}@${interview.start + DUE_AT[kind]}`, 'notified holds the moment’s key');
    const created = await createdFor(interview.id);
    assert.equal(created.length, 1, `shown once, got ${JSON.stringify(created)}`);
    assert.match(created[0]!.title, title);
    assert.equal(created[0]!.buttons[0], firstButton);
  }

  async function pressFirstButton(interview: Interview): Promise<void> {
    await session.evaluateInWorker((nid) => {
      // Chrome's events have dispatch() (it runs the real listeners); the typings omit it.
      (chrome.notifications.onButtonClicked as unknown as DispatchableEvent).dispatch(nid, 0);
    }, `interview:${interview.id}`);
  }

  async function gmailAfterPress(interview: Interview): Promise<{ subject: string; body: string }> {
    const before = new Set(await session.openedTabUrls());
    await pressFirstButton(interview);
    const href = await session.waitFor(async () => (await session.openedTabUrls()).find((u) => u.startsWith('https://mail.google.com/') && !before.has(u)), {
      message: 'a Gmail compose tab opened',
    });
    const url = new URL(href);
    assert.equal(url.searchParams.get('view'), 'cm');
    assert.ok(interview.interviewer.email, 'the demo interview has an interviewer email');
    assert.equal(url.searchParams.get('to'), interview.interviewer.email);
    assert.doesNotMatch(decodeURIComponent(href), /undefined|null|NaN/, 'nothing unfilled in the URL');
    const subject = url.searchParams.get('su') ?? '';
    const body = url.searchParams.get('body') ?? '';
    assert.match(subject, /\S/, 'the draft has a subject');
    assert.ok(body.trimEnd().endsWith(SIGNATURE), `signed by the profile:\n${body}`);
    return { subject, body };
  }

  async function popupTabsOpen(): Promise<number> {
    const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
    return (await session.openedTabUrls()).filter((u) => u.startsWith(popupUrl)).length;
  }

  async function assertPressOpensPopup(interview: Interview): Promise<void> {
    const before = await popupTabsOpen();
    assert.equal(before, 0, 'no popup tab open before the press');
    await pressFirstButton(interview);
    await session.waitFor(async () => (await popupTabsOpen()) === 1, { message: 'the popup page opened in a tab' });
  }

  /** "4:14 PM" as the drafts write it: in the worker's zone, ordinary spaces. */
  function clock(ms: number): string {
    return new Intl.DateTimeFormat('en-US', { timeZone: workerZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h12' })
      .format(ms)
      .replace(/[\u00A0\u202F]/g, ' ');
  }

  it('confirm (start − 90 min): "Write confirmation" opens a confirmation draft with the time and the number, signed', PER_TEST, async () => {
    const interview = await enterMoment(-90, 'confirm');
    await assertOneNotification(interview, 'confirm', /^Demo · Confirm your interview$/, 'Write confirmation');
    const { subject, body } = await gmailAfterPress(interview);
    assert.match(subject, /^Confirming our call/);
    assert.match(body, /I'm writing to confirm our call/);
    assert.ok(body.includes(clock(interview.start)), `mentions ${clock(interview.start)}:\n${body}`);
    // A clock time and the number they will call, never "in about an hour and a half", stale once read.
    assert.doesNotMatch(body, /in about/, `no countdown:\n${body}`);
    assert.match(body, /I'll be ready for your call at \+39 347 123 4567\./);
  });

  it('get-ready (start − 5 min): "Open Standby" opens the popup page in a tab', PER_TEST, async () => {
    const interview = await enterMoment(-5, 'get-ready');
    await assertOneNotification(interview, 'get-ready', /^Demo · Get ready: your interview starts in [45] min$/, 'Open Standby');
    await assertPressOpensPopup(interview);
  });

  it('start (start + 1 min): "Call connected" records the call and clears the notification', PER_TEST, async () => {
    const interview = await enterMoment(1, 'start');
    await assertOneNotification(interview, 'start', /^Demo · Your interview starts now$/, 'Call connected');
    const pressedAt = Date.now();
    await pressFirstButton(interview);
    const connectedAt = await session.waitFor(async () => (await session.readStorage<Stored>(['marks'])).marks[interview.id]?.connectedAt, {
      message: 'marks.connectedAt is stored',
    });
    assert.ok(Math.abs(connectedAt - pressedAt) < 5000, 'connected at the press');
    await session.waitFor(async () => !(`interview:${interview.id}` in (await session.evaluateInWorker(() => chrome.notifications.getAll()))), {
      message: 'the notification is cleared',
    });
  });

  it('no-call (start + 6 min): "Open Standby" opens the popup page in a tab', PER_TEST, async () => {
    const interview = await enterMoment(6, 'no-call');
    await assertOneNotification(interview, 'no-call', /^Demo · No call yet\?$/, 'Open Standby');
    await assertPressOpensPopup(interview);
  });

  it('min-wait (start + 16 min): "Write follow-up" opens a draft stating until when the candidate stays available', PER_TEST, async () => {
    const interview = await enterMoment(16, 'min-wait');
    await assertOneNotification(interview, 'min-wait', /^Demo · You have waited 1[67] minutes$/, 'Write follow-up');
    const { subject, body } = await gmailAfterPress(interview);
    assert.match(subject, /^Our call /);
    // A clock time, the end of the 30-minute wait, not a count of minutes that goes stale.
    assert.ok(body.includes(`I'll stay available at +39 347 123 4567 until ${clock(interview.start + 30 * 60_000)}`), `states until when the candidate stays available:\n${body}`);
    assert.doesNotMatch(body, /another \d+ minutes/);
    assert.ok(body.includes(clock(interview.start)), `states the scheduled time ${clock(interview.start)}:\n${body}`);
  });

  it('max-wait (start + 31 min): "Ask to reschedule" opens a draft proposing new times or asking for theirs', PER_TEST, async () => {
    const interview = await enterMoment(31, 'max-wait');
    await assertOneNotification(interview, 'max-wait', /^Demo · Time to stop waiting$/, 'Ask to reschedule');
    const { subject, body } = await gmailAfterPress(interview);
    assert.match(subject, /^Rescheduling our call/);
    assert.match(body, /weren't able to connect/);
    // A slot line reads like "Friday 27 November, 9:30–10:00 AM".
    const slotLines = body.split('\n').filter((line) => /\d{1,2}:\d{2}\s?(AM|PM)?–\d{1,2}:\d{2}\s?(AM|PM)/.test(line));
    const proposes = body.includes("I'm available at any of these times") && slotLines.length >= 1;
    const asks = body.includes('Could you let me know when you might be available?');
    assert.ok(proposes !== asks, `either proposes times (${slotLines.length} lines) or asks for theirs, exactly one:\n${body}`);
  });

  it('ask-outcome (start + 41 min): a silent slot asks "Did the call happen?", and "We spoke" records it', PER_TEST, async () => {
    const interview = await enterMoment(41, 'ask-outcome');
    await assertOneNotification(interview, 'ask-outcome', /^Demo · Did the call happen\?$/, 'We spoke');
    const created = await createdFor(interview.id);
    assert.deepEqual(created[0]!.buttons, ['We spoke', 'They never called']);
    await pressFirstButton(interview);
    await session.waitFor(async () => (await session.readStorage<Stored>(['marks'])).marks[interview.id]?.connectedAt, { message: 'marks.connectedAt is stored' });
  });

  it('thank-you (start + 61 min, after "we spoke"): "Write thank-you" opens a draft thanking them', PER_TEST, async () => {
    const interview = await enterMoment(61, 'thank-you', (start) => ({ callAttempts: [], connectedAt: start + 2 * MINUTE }));
    await assertOneNotification(interview, 'thank-you', /^Demo · Send a thank-you note$/, 'Write thank-you');
    const { subject, body } = await gmailAfterPress(interview);
    assert.match(subject, /^Thank you for your time/);
    assert.match(body, /Thank you for taking the time to speak with me/);
    assert.doesNotMatch(body, /flexib/, 'the call was not moved, so no thanks for flexibility');
  });

  it('a laptop asleep through several moments shows one notification, for the moment it is in (max-wait)', PER_TEST, async () => {
    // Confirm, get-ready, start, no-call and min-wait all passed unseen.
    const interview = await enterMoment(31, 'max-wait');
    // One more reconcile, answered only once it has shown whatever it would show: a stale
    // notification queued behind the first one would be among those counted below.
    await session.reconcile();
    const created = await createdFor(interview.id);
    assert.deepEqual(created.map((c) => c.title), ['Demo · Time to stop waiting'], 'one notification, never a stale confirm or several');
    assert.deepEqual(created[0]!.buttons, ['Ask to reschedule', 'Call connected']);
    const open = Object.keys(await session.evaluateInWorker(() => chrome.notifications.getAll()));
    assert.deepEqual(open.filter((n) => n.includes(interview.id)), [`interview:${interview.id}`]);
    const { notified } = await session.readStorage<Stored>(['notified']);
    assert.equal(notified[interview.id], `max-wait@${interview.start + 30 * MINUTE}`);
  });
});
