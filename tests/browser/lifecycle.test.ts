// Lifecycle and time, through the real Google sync path (fake OAuth + fake Calendar API on
// ports of this file's own build, see isolated-build.ts): the worker stopped between sync,
// store, reconcile and notify; a browser relaunch during a wait; more reminders than the alarm
// cap; an event in Tokyo seen from New York; an all-day "Interview"; DST days in Rome and New
// York; no OAuth token in storage or in the worker's console.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import type { Interview, Marks } from '../../src/core/types.ts';
import type { Settings } from '../../src/core/settings.ts';
import type { StoredState } from '../../src/core/stored-state.ts';
import { allInterviews } from '../../src/core/stored-state.ts';
import { MAX_REMINDER_ALARMS, REMINDER_PREFIX, reminderAlarmName, wantedAlarms } from '../../src/core/reconcile.ts';
import { currentReminder, reminderKey } from '../../src/core/current-reminder.ts';
import { planTimeline } from '../../src/core/plan-timeline.ts';
import { emptyMarks } from '../../src/core/marks.ts';
import { GOOGLE_SCOPES } from '../../src/calendar/google-calendar.ts';
import { FakeGoogleCalendarApi } from '../fakes/google-calendar-api.ts';
import type { FakeEvent } from '../fakes/google-calendar-api.ts';
import { FakeGoogleOAuth } from '../fakes/google-oauth.ts';
import { allowConsent, launchExtension, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { isolatedTestBuild, TEST_CLIENT_ID } from './isolated-build.ts';
import type { IsolatedTestBuild } from './isolated-build.ts';
import { MINUTE, HOUR } from '../../src/core/units.ts';

const ME = 'candidate@example.org';

type Alarm = { name: string; scheduledTime: number; periodInMinutes?: number };
type Stored = StoredState & { storageProblems?: string[] };

const iso = (ms: number) => new Date(ms).toISOString();
function event(id: string, start: number, summary: string, extra: Partial<FakeEvent> = {}): FakeEvent {
  return {
    id,
    summary,
    start: { dateTime: iso(start) },
    end: { dateTime: iso(start + 30 * MINUTE) },
    organizer: { email: 'rita@acme.example', displayName: 'Rita Recruiter' },
    attendees: [{ email: ME, self: true, responseStatus: 'accepted' }, { email: 'rita@acme.example', organizer: true, responseStatus: 'accepted' }],
    location: 'Phone: +1 202 555 0142',
    ...extra,
  };
}

/** Sends a message to the worker as the UI does. */
function messenger(page: Page) {
  return (name: string, request: unknown = {}) => page.evaluate(
    ([n, r]) => chrome.runtime.sendMessage({ type: 'interview-standby', name: n, request: r }) as Promise<{ ok: boolean; error?: { key: string }; value?: unknown }>,
    [name, request] as const,
  );
}

/** Reminder alarms as the browser holds them. */
async function reminderAlarms(session: ExtensionSession): Promise<Alarm[]> {
  const all = await session.evaluateInWorker(() => chrome.alarms.getAll());
  return all.filter((a) => a.name.startsWith(REMINDER_PREFIX));
}

/**
 * Every guarantee of a settled extension, checked against core computed here from what is
 * stored: each wanted reminder alarm exists once at its time, nothing else does; each
 * interview in a moment has its notification and its `notified` key; no stray notification.
 */
async function assertSettled(session: ExtensionSession, label: string, options: { shownSinceLaunch?: boolean } = {}): Promise<Stored> {
  // applyAlarms does not await alarms.create: the check is retried until it holds (a failing
  // check's last error is the cause of the timeout).
  return session.waitFor(() => checkSettled(session, label, options), { message: `${label}: the extension settled` });
}

async function checkSettled(session: ExtensionSession, label: string, { shownSinceLaunch = true } = {}): Promise<Stored> {
  const state = await session.readStorage<Stored>();
  const now = Date.now();
  const interviews = Object.values(allInterviews(state));
  const wanted = wantedAlarms(interviews, state.marks, state.settings, now).filter((a) => a.name.startsWith(REMINDER_PREFIX));
  const alarms = await reminderAlarms(session);
  const names = alarms.map((a) => a.name);
  assert.equal(new Set(names).size, names.length, `${label}: no duplicate alarm`);
  // A reminder falling due during the check may have fired already: ignore the next 2 seconds.
  const settledWanted = wanted.filter((w) => w.when > now + 2000);
  for (const w of settledWanted) {
    const alarm = alarms.find((a) => a.name === w.name);
    assert.ok(alarm, `${label}: alarm ${w.name} is missing`);
    assert.ok(Math.abs(alarm.scheduledTime - w.when) <= 1000, `${label}: alarm ${w.name} at ${iso(alarm.scheduledTime)}, wanted ${iso(w.when)}`);
  }
  const wantedNames = new Set(wanted.map((w) => w.name));
  assert.deepEqual(names.filter((n) => !wantedNames.has(n)), [], `${label}: no alarm that should not exist`);

  const open = Object.keys(await session.evaluateInWorker(() => chrome.notifications.getAll()));
  const expectedOpen: string[] = [];
  for (const interview of interviews) {
    const reminder = currentReminder(interview, state.marks[interview.id] ?? emptyMarks(), now, state.settings);
    if (reminder === undefined) continue;
    // A moment that began in the last two seconds may not be notified yet.
    if (now - reminder.at < 2000) continue;
    expectedOpen.push(`interview:${interview.id}`);
    assert.equal(state.notified[interview.id], reminderKey(reminder), `${label}: ${interview.id} notified for its current moment`);
  }
  // A browser restart closes every notification while `notified` stays (see the todo below).
  if (shownSinceLaunch) for (const id of expectedOpen) assert.ok(open.includes(id), `${label}: notification ${id} is shown`);
  const known = new Set(interviews.map((i) => `interview:${i.id}`));
  assert.deepEqual(open.filter((id) => !known.has(id)), [], `${label}: no notification of an unknown interview`);
  return state;
}

describe('lifecycle through the real Google sync path (New York browser)', () => {
  let build: IsolatedTestBuild;
  let session: ExtensionSession;
  let api: FakeGoogleCalendarApi;
  let oauth: FakeGoogleOAuth;
  let page: Page;
  let message: ReturnType<typeof messenger>;
  const consoleLines: string[] = [];
  const tokyoStart = Date.now() + 3 * HOUR;

  const listenToConsole = (s: ExtensionSession) => {
    const record = (m: ConsoleMessage) => consoleLines.push(m.text());
    const attach = (w: Worker) => w.on('console', record);
    s.context.serviceWorkers().forEach(attach);
    s.context.on('serviceworker', attach);
    s.context.on('console', record);
  };
  const syncNow = async () => {
    const reply = await message('sync-now');
    assert.equal(reply.ok, true, reply.error?.key);
  };

  before(async () => {
    api = await new FakeGoogleCalendarApi().listen(0);
    oauth = await new FakeGoogleOAuth({ clientId: TEST_CLIENT_ID, requiredScopes: GOOGLE_SCOPES, onToken: (t) => api.validTokens.add(t) }).listen(0);
    build = await isolatedTestBuild({ authUrl: oauth.authorizeUrl, apiBase: api.baseUrl });
    api.addCalendar(ME, { primary: true, summary: ME, timeZone: 'America/New_York' });
    // 9:00 in Tokyo is 19:00 in New York the day before: a Tokyo time written with its own offset.
    const tokyoWall = new Date(tokyoStart + 9 * HOUR).toISOString().slice(0, 19);
    api.putEvent(ME, event('tokyo', tokyoStart, 'Phone interview with Sakura Systems', {
      start: { dateTime: `${tokyoWall}+09:00`, timeZone: 'Asia/Tokyo' },
      end: { dateTime: `${new Date(tokyoStart + 9 * HOUR + 30 * MINUTE).toISOString().slice(0, 19)}+09:00`, timeZone: 'Asia/Tokyo' },
    }));
    const tomorrow = new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);
    const dayAfter = new Date(Date.now() + 48 * HOUR).toISOString().slice(0, 10);
    api.putEvent(ME, event('allday', 0, 'Interview', { start: { date: tomorrow }, end: { date: dayAfter } }));
    session = await launchExtension({ locale: 'en-US', timezoneId: 'America/New_York', distDir: build.distDir });
    listenToConsole(session);
    page = await session.openPage('manifest.json');
    message = messenger(page);

    const options = await session.openPage('options.html');
    const consent = session.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(new URL(oauth.authorizeUrl).origin), timeout: 10_000 });
    await options.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await allowConsent(await consent);
    await session.waitFor(async () => (await session.readStorage<Stored>()).interviews['google:tokyo'], { timeout: 10_000, message: 'the first sync' });
    await options.close();
  });
  after(async () => {
    await session?.close();
    await api?.close();
    await oauth?.close();
    await build?.remove();
  });

  it('shows an interview set in Tokyo in both New York time and Tokyo time, and ignores an all-day "Interview"', PER_TEST, async () => {
    const state = await session.readStorage<Stored>();
    assert.equal(state.interviews['google:tokyo']?.start, tokyoStart - (tokyoStart % 1000));
    assert.equal(state.interviews['google:tokyo']?.timeZone, 'Asia/Tokyo');
    assert.equal(state.interviews['google:allday'], undefined, 'an all-day event is never an interview');
    const time = (zone: string) => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(state.interviews['google:tokyo']!.start);
    const popup = await session.openPage('popup.html');
    const when = popup.locator('.card .when time');
    await when.waitFor();
    const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'America/New_York' }).format(state.interviews['google:tokyo']!.start);
    assert.equal(await when.innerText(), `${day} · ${time('America/New_York')} your time · ${time('Asia/Tokyo')} in Tokyo`);
    await popup.close();
    await assertSettled(session, 'after the first sync');
  });

  for (const checkpoint of ['while the request is in flight', 'once the response is served', 'once the interview is stored'] as const) {
    it(`loses and duplicates nothing when the worker stops ${checkpoint}`, PER_TEST, async () => {
      const id = `stop-${checkpoint.split(' ').at(-2)}`;
      api.putEvent(ME, event(id, Date.now() - MINUTE, `Phone interview (${checkpoint})`));
      if (checkpoint === 'while the request is in flight') api.failNext({ kind: 'delay', ms: 1500 });
      const seen = api.eventRequests().length;
      const pending = message('sync-now').catch(() => undefined);
      if (checkpoint === 'while the request is in flight') {
        await session.waitFor(async () => api.eventRequests().length > seen, { message: 'the events request arrives' });
      } else if (checkpoint === 'once the response is served') {
        await session.waitFor(async () => api.eventRequests().slice(seen).some((r) => r.status === 200), { message: 'the events response is served' });
      } else {
        await session.waitFor(async () => (await session.readStorage<Stored>()).interviews[`google:${id}`], { message: 'the interview is stored' });
      }
      await session.stopServiceWorker();
      await pending;
      // Wake it as the popup or an alarm would, and let it catch up.
      await syncNow();
      const state = await assertSettled(session, checkpoint);
      assert.ok(state.interviews[`google:${id}`], 'the interview arrived');
      assert.ok(state.notified[`google:${id}`]?.startsWith('start@'), 'its "start" moment was notified');

      // Once settled, another wake-up notifies nothing again.
      await session.evaluateInWorker(() => {
        const g = globalThis as unknown as { created?: string[]; realCreate?: typeof chrome.notifications.create };
        g.created = [];
        g.realCreate = chrome.notifications.create;
        chrome.notifications.create = ((nid: string, ...rest: unknown[]) => {
          g.created!.push(nid);
          return (g.realCreate as (...a: unknown[]) => unknown).call(chrome.notifications, nid, ...rest);
        }) as typeof chrome.notifications.create;
      });
      await syncNow();
      assert.equal((await message('refresh')).ok, true);
      const created = await session.evaluateInWorker(() => (globalThis as unknown as { created: string[] }).created);
      assert.deepEqual(created, [], 'no notification shown twice');
      await assertSettled(session, `${checkpoint}, after another wake-up`);
    });
  }

  it('rebuilds every alarm after a browser relaunch during a wait, and the timer shows the right elapsed time', PER_TEST, async () => {
    const before = (await reminderAlarms(session)).map((a) => a.name).sort();
    const beforeState = await session.readStorage<Stored>();
    assert.ok(before.length > 3);
    session = await session.relaunch();
    listenToConsole(session);
    page = await session.openPage('manifest.json');
    message = messenger(page);
    const after = await session.waitFor(async () => {
      const names = (await reminderAlarms(session)).map((a) => a.name).sort();
      return names.length >= before.length - 1 ? names : undefined;
    }, { message: 'alarms are rebuilt' });
    // Only a reminder that came due in between may be gone.
    const gone = before.filter((n) => !after.includes(n));
    assert.ok(gone.length <= 1, `lost alarms: ${gone.join(', ')}`);
    const tick = await session.evaluateInWorker(() => chrome.alarms.get('tick'));
    assert.equal(tick?.periodInMinutes, 1, 'the wait\'s minute tick is back');
    await assertSettled(session, 'after the relaunch', { shownSinceLaunch: false });

    const popup = await session.openPage('popup.html');
    // Two waits run at once here: each has its own card; the first is checked.
    await popup.locator('.card').first().locator('.clock').waitFor();
    const title = await popup.locator('#current-title').innerText();
    const current = Object.values(beforeState.interviews).find((i) => i.title === title);
    assert.ok(current, `the current interview (${title}) is one that was stored`);
    const [mm, ss] = (await popup.locator('.card').first().locator('.clock').innerText()).split(':').map(Number);
    const shown = mm! * 60 + ss!;
    const elapsed = (Date.now() - current.start) / 1000;
    assert.ok(Math.abs(shown - elapsed) <= 3, `the timer shows ${shown} s, ${Math.round(elapsed)} s have passed`);
    await popup.close();
  });

  it('shows the current moment\'s notification again after a browser relaunch (it closed with the browser)', PER_TEST, async () => {
    const state = await session.readStorage<Stored>();
    const waiting = Object.keys(state.notified).filter((id) => id.startsWith('google:stop-'));
    assert.ok(waiting.length > 0);
    // The relaunch's own reconcile shows them again; wait for it rather than read at once.
    await session.waitFor(async () => {
      const open = Object.keys(await session.evaluateInWorker(() => chrome.notifications.getAll()));
      return waiting.every((id) => open.includes(`interview:${id}`));
    }, { message: `the notifications of ${waiting.join(', ')} shown again` });
  });

  it(`schedules only the nearest ${MAX_REMINDER_ALARMS} reminders when there are more, and the later ones as the nearer go`, PER_TEST, async () => {
    const ids: string[] = [];
    // Farthest first, so that storage order is not time order.
    for (let i = 19; i >= 0; i -= 1) {
      ids.unshift(`many-${i}`);
      api.putEvent(ME, event(`many-${i}`, Date.now() + (i + 1) * 12 * HOUR, `Interview round ${i + 1} with Many Corp`));
    }
    await syncNow();
    const soonest = async () => {
      const state = await session.readStorage<Stored>();
      const now = Date.now();
      const all = Object.values(allInterviews(state)).flatMap((interview) => planTimeline(interview, state.settings, state.marks[interview.id] ?? emptyMarks())
        .filter((r) => r.at > now + 2000)
        .map((r) => ({ name: reminderAlarmName(interview.id, r.kind), at: r.at })));
      all.sort((a, b) => a.at - b.at);
      return all;
    };
    let planned = await soonest();
    assert.ok(planned.length > MAX_REMINDER_ALARMS + 20, `more reminders (${planned.length}) than the cap`);
    let alarms = await reminderAlarms(session);
    assert.equal(alarms.length, MAX_REMINDER_ALARMS);
    const latestScheduled = Math.max(...alarms.map((a) => a.scheduledTime));
    const names = new Set(alarms.map((a) => a.name));
    const missing = planned.filter((p) => p.at < latestScheduled && !names.has(p.name));
    assert.deepEqual(missing, [], 'every reminder sooner than the latest scheduled one has its alarm');
    assert.ok(planned.slice(0, MAX_REMINDER_ALARMS - 5).every((p) => names.has(p.name)), 'the soonest reminders are the scheduled ones');

    // The nearer interviews go (cancelled): the later reminders get their alarms.
    for (const id of ids.slice(0, 8)) api.cancelEvent(ME, id);
    await syncNow();
    planned = await soonest();
    alarms = await reminderAlarms(session);
    assert.equal(alarms.length, Math.min(MAX_REMINDER_ALARMS, planned.length));
    const last = planned.find((p) => p.name === reminderAlarmName('google:many-19', 'confirm'));
    assert.ok(last && planned.indexOf(last) < MAX_REMINDER_ALARMS && alarms.some((a) => a.name === last.name), 'a reminder once beyond the cap is now scheduled');
    await assertSettled(session, 'after many interviews', { shownSinceLaunch: false });
  });

  it('keeps OAuth tokens out of storage, of the worker\'s console and of stored errors', PER_TEST, async () => {
    // Give the worker reasons to log: a refused token, a server error.
    api.revokeAllTokens();
    await syncNow();
    api.failNext({ kind: 'status', status: 500 });
    await message('sync-now');
    await session.evaluateInWorker(() => console.log('console-probe'));
    await session.waitFor(async () => consoleLines.includes('console-probe'), { message: 'the worker\'s console is captured' });
    assert.ok(oauth.issued.length >= 2, 'tokens were issued');
    const everything = JSON.stringify(await session.readStorage());
    const logs = consoleLines.join('\n');
    for (const token of oauth.issued) {
      assert.equal(everything.includes(token), false, 'no OAuth token in storage');
      assert.equal(logs.includes(token), false, 'no OAuth token in the console');
    }
    assert.doesNotMatch(everything, /ya29\.|access_token|Bearer /);
    assert.doesNotMatch(logs, /ya29\.|access_token=|Bearer /);
  });
});

describe('interviews on a DST transition day', () => {
  const cases = [
    // Spring forward: 02:00 → 03:00. 03:30 CEST is 01:30 UTC; the confirmation (2 h before) is 00:30 CET.
    { zone: 'Europe/Rome', date: '2027-03-28', time: '03:30', start: Date.UTC(2027, 2, 28, 1, 30), day: 'Sun 28 Mar' },
    // Spring forward: 02:00 → 03:00. 03:30 EDT is 07:30 UTC; the confirmation is 00:30 EST.
    { zone: 'America/New_York', date: '2027-03-14', time: '03:30', start: Date.UTC(2027, 2, 14, 7, 30), day: 'Sun 14 Mar' },
    // Fall back: 01:30 happens twice; the first (EDT) is 05:30 UTC.
    { zone: 'America/New_York', date: '2027-11-07', time: '01:30', start: Date.UTC(2027, 10, 7, 5, 30), day: 'Sun 7 Nov' },
  ];
  for (const zone of ['Europe/Rome', 'America/New_York']) {
    it(`schedules every reminder at its true instant in a ${zone} browser, and shows the local time`, PER_TEST, async () => {
      const session = await launchExtension({ locale: 'en-US', timezoneId: zone });
      try {
        const page = await session.openPage('manifest.json');
        const message = messenger(page);
        for (const c of cases.filter((x) => x.zone === zone)) {
          const id = `dst-${c.date}`;
          const reply = await message('save-manual', { entry: {
            id, company: 'Daylight GmbH', role: `Engineer ${c.date}`, date: c.date, time: c.time, timeZone: c.zone,
            durationMinutes: 30, interviewerName: '', interviewerEmail: '', phone: '',
          } });
          assert.equal(reply.ok, true, reply.error?.key);
          const state = await session.readStorage<{ settings: Settings; marks: Record<string, Marks> }>();
          const interview = { start: c.start, end: c.start + 30 * MINUTE } as Interview;
          const plan = planTimeline(interview, state.settings, emptyMarks());
          // applyAlarms does not await alarms.create, so the reply can come a moment before them.
          const alarms = await session.waitFor(async () => {
            const all = await reminderAlarms(session);
            return all.filter((a) => a.name.endsWith(`:manual:${id}`)).length >= plan.length ? all : undefined;
          }, { message: `the alarms of ${id}` });
          assert.ok(plan.length >= 5);
          for (const reminder of plan) {
            const alarm = alarms.find((a) => a.name === reminderAlarmName(`manual:${id}`, reminder.kind));
            assert.ok(alarm, `alarm for ${reminder.kind}`);
            assert.equal(alarm.scheduledTime, reminder.at, `${reminder.kind} at ${iso(alarm.scheduledTime)}, true instant ${iso(reminder.at)}`);
          }
          const confirm = alarms.find((a) => a.name === reminderAlarmName(`manual:${id}`, 'confirm'));
          assert.equal(confirm?.scheduledTime, c.start - 2 * HOUR, 'two real hours before, across the change of offset');
        }
        const popup = await session.openPage('popup.html');
        for (const c of cases.filter((x) => x.zone === zone)) {
          // The first typed-in interview ended the demo, so the soonest one has the card; the rest are rows.
          const item = popup.locator('.list li, article.card').filter({ hasText: `Engineer ${c.date}` });
          await item.waitFor();
          const text = (await item.innerText()).replace(/ · /g, ' ');
          assert.ok(text.includes(`${c.day} ${Number(c.time.slice(0, 2))}:${c.time.slice(3)} AM`), `"${text}" shows ${c.day} ${c.time}`);
        }
        await popup.close();
      } finally {
        await session.close();
      }
    });
  }
});
