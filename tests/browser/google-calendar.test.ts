// Google Calendar end to end: the built extension (test build) signs in through the fake OAuth
// server with launchWebAuthFlow, as a non-Chrome browser does, and syncs against the fake
// Calendar API. Both fakes listen on ports the system chose, and the extension is built
// pointed at them (google-rig.ts, isolated-build.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Interview } from '../../src/core/types.ts';
import type { CalendarHealth, GoogleCursor, SyncStatus } from '../../src/core/stored-state.ts';
import { GOOGLE_SCOPES } from '../../src/calendar/google-calendar.ts';
import type { FakeGoogleCalendarApi } from '../fakes/google-calendar-api.ts';
import type { FakeEvent } from '../fakes/google-calendar-api.ts';
import type { FakeGoogleOAuth } from '../fakes/google-oauth.ts';
import { invite } from '../fakes/google-invite.ts';
import { allowConsent, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { startGoogleRig } from './google-rig.ts';
import type { GoogleRig } from './google-rig.ts';
import { MINUTE, HOUR } from '../../src/core/units.ts';

const ME = 'candidate@example.org';

interface Stored {
  source: { kind: string; calendarIds?: string[]; selfEmail?: string };
  interviews: Record<string, Interview>;
  busy: Record<string, { start: number; end: number }>;
  sync: SyncStatus;
  calendarHealth: Record<string, CalendarHealth>;
  googleCursor: GoogleCursor;
}

const event = (id: string, start: number, summary: string): FakeEvent => invite(id, start, summary, { me: ME, extra: { location: 'Phone: +1 202 555 0142' } });

describe('Google Calendar through the real sign-in path', () => {
  let session: ExtensionSession;
  let api: FakeGoogleCalendarApi;
  let oauth: FakeGoogleOAuth;
  let rig: GoogleRig | undefined;
  /** The fake OAuth server's origin: its consent page opens there. */
  let authOrigin = '';
  /** An extension page (runs none of our code) to send messages from. */
  let messenger: Page;
  const interviewStart = Date.now() + 3 * HOUR;
  let movedStart = 0;

  const stored = () => session.readStorage<Stored>(['source', 'interviews', 'busy', 'sync', 'calendarHealth', 'googleCursor']);
  /** Sends a message to the worker as the UI does and waits for its answer. */
  const message = (name: string) => messenger.evaluate(
    (n) => chrome.runtime.sendMessage({ type: 'interview-standby', name: n, request: {} }) as Promise<{ ok: boolean; error?: { key: string } }>,
    name,
  );
  const syncNow = async () => {
    const reply = await message('sync-now');
    assert.equal(reply.ok, true, reply.error?.key);
  };
  const alarm = (name: string) => session.evaluateInWorker((n) => chrome.alarms.get(n), name);

  before(async () => {
    rig = await startGoogleRig((fake) => {
      fake.addCalendar(ME, { primary: true, summary: ME });
      fake.addCalendar('team@group.calendar.google.com', { summary: 'Team' });
      fake.putEvent(ME, event('int-1', interviewStart, 'Phone interview with Acme'));
      fake.putEvent(ME, event('int-now', Date.now() - 2 * MINUTE, 'Video interview with Globex'));
      fake.putEvent(ME, event('standup', Date.now() + HOUR, 'Team standup'));
    });
    ({ api, oauth, session, messenger, authOrigin } = rig);
  });
  after(async () => {
    await rig?.close();
  });

  it('connects from the options page through Google\'s consent, and the interview appears in the popup', PER_TEST, async () => {
    const options = await session.openPage('options.html');
    const consent = session.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(authOrigin), timeout: 10_000 });
    await options.getByRole('button', { name: 'Connect Google Calendar' }).click();
    const consentPage = await consent;
    await allowConsent(consentPage);

    const state = await session.waitFor(async () => {
      const s = await stored();
      return s.source.kind === 'google' && s.interviews['google:int-1'] ? s : undefined;
    }, { timeout: 10_000, message: 'the Google interview is stored' });
    assert.deepEqual(state.source, { kind: 'google', calendarIds: [ME], selfEmail: ME });
    assert.equal(state.interviews['google:int-1']?.start, interviewStart);
    assert.equal(state.interviews['google:int-1']?.interviewer.email, 'rita@acme.example');
    assert.equal(state.interviews['google:standup'], undefined, 'a standup is not an interview');
    assert.ok(state.busy['google:standup'], 'but it is busy time');
    assert.deepEqual(Object.keys(state.busy['google:standup']!).sort(), ['end', 'start']);
    assert.ok(state.sync.lastSuccessAt);

    const [authorize] = oauth.requests;
    assert.equal(authorize?.query.get('redirect_uri'), `https://${session.extensionId}.chromiumapp.org/`);
    assert.deepEqual(authorize?.query.get('scope')?.split(' '), [...GOOGLE_SCOPES]);
    const full = api.eventRequests().at(-1)!;
    assert.equal(full.query.get('singleEvents'), 'true');
    assert.ok(full.query.get('timeMin') && full.query.get('fields'));

    // The calendar list shows up for choosing.
    await options.getByRole('group', { name: 'Calendars to watch' }).getByRole('checkbox', { name: /Team/ }).waitFor();
    assert.equal(await options.getByRole('group', { name: 'Calendars to watch' }).getByRole('checkbox', { name: new RegExp(ME) }).isChecked(), true, 'the main calendar is watched');
    await session.screenshot(options, 'options-google');
    await options.close();

    const popup = await session.openPage('popup.html');
    await popup.getByText('Phone interview with Acme').first().waitFor();
    await popup.getByText('Video interview with Globex').first().waitFor();
    assert.equal(await popup.getByText('Demo calendar', { exact: true }).count(), 0);
    await popup.locator('.sync-status').getByText(/Last synced/).waitFor();
    await session.screenshot(popup, 'popup-google');
    await popup.close();

    const everything = JSON.stringify(await session.readStorage());
    for (const token of oauth.issued) assert.equal(everything.includes(token), false, 'no OAuth token in storage');
  });

  it('moves the interview\'s alarms when it is moved on the server, asking only for changes', PER_TEST, async () => {
    movedStart = interviewStart + HOUR;
    api.putEvent(ME, event('int-1', movedStart, 'Phone interview with Acme'));
    const before = api.requests.length;
    await syncNow();
    const state = await stored();
    assert.equal(state.interviews['google:int-1']?.start, movedStart);
    const polls = api.requests.slice(before);
    assert.equal(polls.length, 1, 'one incremental request');
    assert.ok(polls[0]!.query.get('syncToken'));
    for (const forbidden of ['timeMin', 'timeMax', 'orderBy', 'q']) assert.equal(polls[0]!.query.has(forbidden), false);
    const getReady = await session.waitFor(() => alarm('reminder:get-ready:google:int-1'), { message: 'the get-ready alarm exists' });
    assert.ok(Math.abs(getReady.scheduledTime - (movedStart - 10 * MINUTE)) < 1000, 'get-ready moved with the interview');
  });

  it('drops a cancelled interview with its alarms and its open notification', PER_TEST, async () => {
    const notificationId = 'interview:google:int-now';
    await session.waitFor(async () => notificationId in (await session.evaluateInWorker(() => chrome.notifications.getAll())), {
      message: 'the running interview has its notification',
    });
    api.cancelEvent(ME, 'int-now');
    await syncNow();
    const state = await stored();
    assert.equal(state.interviews['google:int-now'], undefined);
    assert.ok(state.interviews['google:int-1'], 'the other interview stays');
    await session.waitFor(async () => !(notificationId in (await session.evaluateInWorker(() => chrome.notifications.getAll()))), {
      message: 'its notification is cleared',
    });
    const alarms = await session.evaluateInWorker(() => chrome.alarms.getAll());
    assert.equal(alarms.filter((a) => a.name.endsWith('google:int-now')).length, 0);
    const popup = await session.openPage('popup.html');
    await popup.getByText('Phone interview with Acme').first().waitFor();
    assert.equal(await popup.getByText('Video interview with Globex').count(), 0);
    await popup.close();
  });

  it('resyncs fully without duplicates when Google expires the sync token', PER_TEST, async () => {
    api.expireSyncTokens(ME);
    api.putEvent(ME, event('int-2', Date.now() + 5 * HOUR, 'Technical interview with Initech'));
    // Cancelled while the token was dead: a full sync does not list it, so only replacing
    // (not merging into) what the calendar held makes it go.
    api.cancelEvent(ME, 'standup');
    const before = api.requests.length;
    await syncNow();
    const requests = api.requests.slice(before);
    assert.deepEqual(requests.map((r) => r.status), [410, 200]);
    assert.ok(requests[1]!.query.get('timeMin') && !requests[1]!.query.has('syncToken'));
    const state = await stored();
    assert.deepEqual(Object.keys(state.interviews).sort(), ['google:int-1', 'google:int-2']);
    assert.equal(state.interviews['google:int-1']?.start, movedStart);
    const held = state.googleCursor.items[ME] ?? [];
    assert.equal(new Set(held).size, held.length, 'each event held once');
    assert.deepEqual(Object.keys(state.busy).sort(), ['google:int-1', 'google:int-2'], 'no leftover of the cancelled standup');
  });

  it('waits as Retry-After says after a 429, keeping the data, then recovers', PER_TEST, async () => {
    api.failNext({ kind: 'status', status: 429, retryAfter: '1' });
    api.putEvent(ME, event('int-2', Date.now() + 6 * HOUR, 'Technical interview with Initech'));
    await syncNow();
    const limited = await stored();
    // The calendar that was asked to slow down carries the wait (issue 13: per-calendar health).
    const health = limited.calendarHealth[ME];
    assert.equal(health?.error?.code, 'rate-limited');
    assert.ok(health?.backoffUntil !== undefined && health.backoffUntil >= Date.now() - 100 && health.backoffUntil <= Date.now() + 2_500);
    assert.ok(limited.interviews['google:int-2'], 'the last data is kept');

    const before = api.requests.length;
    await syncNow();
    assert.equal(api.requests.length, before, 'no request before Retry-After has passed');

    // Retry-After is a span of time: the only way past it is to let it pass (one second).
    await new Promise((done) => setTimeout(done, Math.max(0, health!.backoffUntil! - Date.now()) + 50));
    await syncNow();
    const recovered = await stored();
    assert.equal(recovered.calendarHealth[ME]?.error, undefined);
    assert.equal(recovered.calendarHealth[ME]?.failures, 0);
    assert.equal(recovered.sync.error, undefined);
    assert.ok(Math.abs((recovered.interviews['google:int-2']?.start ?? 0) - (Date.now() + 6 * HOUR)) < MINUTE, 'the change arrived');
  });

  it('never runs two syncs at once: a second request waits, an automatic one steps aside', PER_TEST, async () => {
    // A change, so that the first sync gets a new token; the first answer is slow.
    api.putEvent(ME, event('int-2', Date.now() + 6 * HOUR, 'Technical interview with Initech (2nd round)'));
    api.failNext({ kind: 'delay', ms: 400 });
    api.maxInFlight = 0;
    const before = api.requests.length;
    const replies = await Promise.all([message('sync-now'), message('sync-now'), message('refresh')]);
    assert.ok(replies.every((r) => r.ok));
    const requests = api.requests.slice(before);
    assert.equal(requests.length, 2, 'the two requested syncs; the popup\'s refresh added none');
    // One after the other: the second starts from the token the first one stored. (In-flight
    // counting alone would not show stacking: Chrome's HTTP cache lock already serialises two
    // identical GETs.)
    assert.notEqual(requests[1]!.query.get('syncToken'), requests[0]!.query.get('syncToken'), 'the second sync used the first one\'s new token');
    assert.equal(api.maxInFlight, 1, 'requests never overlapped');
  });

  it('refreshes a refused token exactly once, without UI, and keeps it out of storage', PER_TEST, async () => {
    api.revokeAllTokens();
    const grants = oauth.silentGrants();
    const consentPages = oauth.requests.filter((r) => r.outcome === 'consent-page').length;
    const before = api.requests.length;
    await syncNow();
    const requests = api.requests.slice(before);
    assert.deepEqual(requests.map((r) => r.status), [401, 200]);
    assert.notEqual(requests[0]!.authorization, requests[1]!.authorization);
    assert.equal(oauth.silentGrants(), grants + 1, 'one silent token refresh');
    assert.equal(oauth.requests.filter((r) => r.outcome === 'consent-page').length, consentPages, 'no consent page');
    assert.equal((await stored()).sync.error, undefined);
    const everything = JSON.stringify(await session.readStorage());
    for (const token of oauth.issued) assert.equal(everything.includes(token), false, 'no OAuth token in storage');
  });

  it('gets a token again without UI after the worker restarts (it lives only in memory)', PER_TEST, async () => {
    await session.stopServiceWorker();
    const grants = oauth.silentGrants();
    await syncNow();
    assert.equal(oauth.silentGrants(), grants + 1);
    assert.equal((await stored()).sync.error, undefined);
  });

  it('asks to reconnect in the popup and the badge when Google refuses the sign-in, keeping the data, and reconnects', PER_TEST, async () => {
    api.revokeAllTokens();
    oauth.consented = false; // Google wants the user again: prompt=none gets interaction_required
    await syncNow();
    const refused = await stored();
    assert.equal(refused.sync.error?.code, 'auth');
    assert.deepEqual(Object.keys(refused.interviews).sort(), ['google:int-1', 'google:int-2']);
    assert.equal(await session.evaluateInWorker(() => chrome.action.getBadgeText({})), '!');

    const popup = await session.openPage('popup.html');
    const consent = session.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(authOrigin), timeout: 10_000 });
    await popup.locator('.sync-status').getByRole('button', { name: 'Reconnect' }).click();
    await allowConsent(await consent);
    await popup.locator('.sync-status').getByRole('button', { name: 'Sync now' }).waitFor();
    const reconnected = await stored();
    assert.equal(reconnected.sync.error, undefined);
    assert.deepEqual(reconnected.source, { kind: 'google', calendarIds: [ME], selfEmail: ME }, 'same account, same calendars');
    assert.equal(await session.evaluateInWorker(() => chrome.action.getBadgeText({})), '');
    await popup.close();
  });

  it('watches another calendar once the user ticks it, and forgets it once unticked', PER_TEST, async () => {
    const team = 'team@group.calendar.google.com';
    api.putEvent(team, event('team-int', Date.now() + 8 * HOUR, 'Panel interview with Hooli'));
    const options = await session.openPage('options.html');
    await options.getByRole('group', { name: 'Calendars to watch' }).getByRole('checkbox', { name: /Team/ }).check();
    await options.getByRole('button', { name: 'Watch the selected calendars' }).click();
    const watching = await session.waitFor(async () => {
      const s = await stored();
      return s.interviews['google:team-int'] ? s : undefined;
    }, { message: 'the Team calendar\'s interview is stored' });
    assert.deepEqual(watching.source.calendarIds, [ME, team]);
    assert.ok(watching.googleCursor.syncTokens[team]);

    await options.getByRole('group', { name: 'Calendars to watch' }).getByRole('checkbox', { name: /Team/ }).uncheck();
    // Forgetting the calendar is stored first; the sync that follows stores a new lastSuccessAt.
    // Waiting for both means no sync of this test is still running when the next one starts.
    const syncedBefore = watching.sync.lastSuccessAt ?? 0;
    await options.getByRole('button', { name: 'Watch the selected calendars' }).click();
    const back = await session.waitFor(async () => {
      const s = await stored();
      return s.interviews['google:team-int'] || (s.sync.lastSuccessAt ?? 0) <= syncedBefore ? undefined : s;
    }, { message: 'the Team calendar is forgotten and the watched ones synced again' });
    assert.deepEqual(back.source.calendarIds, [ME]);
    assert.equal(back.googleCursor.syncTokens[team], undefined);
    assert.deepEqual(Object.keys(back.interviews).sort(), ['google:int-1', 'google:int-2']);
    await options.close();
  });

  it('keeps the last data when offline, and the popup says when it last synced', PER_TEST, async () => {
    const lastGood = (await stored()).sync.lastSuccessAt;
    await api.goOffline();
    try {
      await syncNow();
      const state = await stored();
      assert.equal(state.sync.error?.code, 'offline');
      assert.equal(state.sync.lastSuccessAt, lastGood);
      assert.deepEqual(Object.keys(state.interviews).sort(), ['google:int-1', 'google:int-2']);
      const popup = await session.openPage('popup.html');
      const line = popup.locator('.sync-status');
      await line.getByText(/Offline/).waitFor();
      assert.match(await line.innerText(), /Last synced (less than a minute|1 minute) ago/);
      await popup.getByText('Phone interview with Acme').first().waitFor();
      await session.screenshot(popup, 'popup-google-offline');
      await popup.close();
    } finally {
      await api.listen();
    }
  });
});
