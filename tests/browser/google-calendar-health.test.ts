// Two watched Google calendars, one of which starts answering 404 (it was unshared): the popup
// names it and offers "Stop watching it" / "Try again", its interview is marked as not
// confirmed lately, and the other calendar's new interview still arrives. The built extension
// signs in through the fake OAuth server and syncs against the fake Calendar API (issue 13).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Interview } from '../../src/core/types.ts';
import type { CalendarHealth, SyncStatus } from '../../src/core/stored-state.ts';
import type { FakeEvent, FakeGoogleCalendarApi } from '../fakes/google-calendar-api.ts';
import { invite } from '../fakes/google-invite.ts';
import { allowConsent, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { startGoogleRig } from './google-rig.ts';
import type { GoogleRig } from './google-rig.ts';
import { HOUR } from '../../src/core/units.ts';

const ME = 'candidate@example.org';
const TEAM = 'hiring@group.calendar.google.com';

interface Stored {
  source: { kind: string; calendarIds?: string[] };
  interviews: Record<string, Interview>;
  sync: SyncStatus;
  calendarHealth: Record<string, CalendarHealth>;
}

const event = (id: string, start: number, summary: string, self = true): FakeEvent => invite(id, start, summary, { me: ME, self });

describe('a watched Google calendar that cannot be read any more', () => {
  let rig: GoogleRig | undefined;
  let session: ExtensionSession;
  let api: FakeGoogleCalendarApi;
  let messenger: Page;
  let authOrigin = '';

  const stored = () => session.readStorage<Stored>(['source', 'interviews', 'sync', 'calendarHealth']);
  const syncNow = async () => {
    const reply = await messenger.evaluate(() => chrome.runtime.sendMessage({ type: 'interview-standby', name: 'sync-now', request: {} }) as Promise<{ ok: boolean; error?: { key: string } }>);
    assert.equal(reply.ok, true, reply.error?.key);
  };
  const teamRequests = () => api.eventRequests().filter((r) => r.path.includes(encodeURIComponent(TEAM))).length;

  before(async () => {
    rig = await startGoogleRig((fake) => {
      fake.addCalendar(ME, { primary: true, summary: ME });
      fake.addCalendar(TEAM, { summary: 'Hiring pipeline', summaryOverride: 'Recruiting (shared)' });
      fake.putEvent(ME, event('acme', Date.now() + 3 * HOUR, 'Phone interview with Acme'));
      fake.putEvent(TEAM, event('globex', Date.now() + 5 * HOUR, 'Panel interview with Globex', false));
    });
    ({ session, api, messenger, authOrigin } = rig);
  });
  after(async () => {
    await rig?.close();
  });

  it('names the calendar in the popup and the options page, marks its interview, and still brings the other calendar\'s news', PER_TEST, async () => {
    // Connect, and watch both calendars from the options page, as a user does.
    const options = await session.openPage('options.html');
    const consent = session.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(authOrigin) });
    await options.getByRole('button', { name: 'Connect Google Calendar' }).click();
    await allowConsent(await consent);
    const calendars = options.getByRole('group', { name: 'Calendars to watch' });
    await calendars.getByRole('checkbox', { name: /Recruiting \(shared\)/ }).check();
    await options.getByRole('button', { name: 'Watch the selected calendars' }).click();
    await session.waitFor(async () => {
      const s = await stored();
      return s.interviews['google:globex'] && s.interviews['google:acme'] ? s : undefined;
    }, { message: 'both calendars\' interviews are stored' });

    // The shared calendar is unshared: Google answers 404 for it from now on. Meanwhile a new
    // interview lands on the user's own calendar.
    api.breakCalendar(TEAM, { kind: 'status', status: 404 });
    api.putEvent(ME, event('initech', Date.now() + 6 * HOUR, 'Technical interview with Initech'));
    await syncNow();
    const state = await stored();
    assert.ok(state.interviews['google:initech'], 'the other calendar\'s interview arrived');
    assert.ok(state.interviews['google:globex'], 'the unreadable calendar\'s interview is kept, not dropped');
    assert.equal(state.calendarHealth[TEAM]?.error?.code, 'not-found');
    assert.equal(state.calendarHealth[TEAM]?.stopped, true);
    assert.equal(state.calendarHealth[TEAM]?.name, 'Recruiting (shared)', 'named as in the user\'s calendar list');
    assert.equal(state.calendarHealth[ME]?.error, undefined);
    assert.equal(state.sync.error, undefined);

    const popup = await session.openPage('popup.html');
    const trouble = popup.getByRole('region', { name: 'Calendars that cannot be read' });
    await trouble.getByText('“Recruiting (shared)” cannot be read: it was deleted, or it is no longer shared with you.').waitFor();
    await popup.getByText('Technical interview with Initech').first().waitFor();
    const globexRow = popup.locator('li', { hasText: 'Panel interview with Globex' });
    await globexRow.getByText(/Not confirmed lately: last checked .* ago\./).waitFor();
    assert.equal(await popup.locator('li', { hasText: 'Technical interview with Initech' }).locator('.unchecked-note').count(), 0);
    await session.screenshot(popup, 'popup-calendar-in-trouble');

    // It is asked nothing more at the next syncs.
    const asked = teamRequests();
    await syncNow();
    assert.equal(teamRequests(), asked, 'a 404 is not retried every poll');

    // "Try again" asks once; still 404, still named.
    await trouble.getByRole('button', { name: 'Try again' }).click();
    await session.waitFor(async () => (teamRequests() > asked ? true : undefined), { message: 'Try again asked Google' });
    await session.waitFor(async () => ((await stored()).calendarHealth[TEAM]?.stopped === true ? true : undefined), { message: 'still stopped' });
    await trouble.getByText(/Recruiting \(shared\)/).waitFor();

    // The options page names it too.
    await options.reload();
    await options.getByRole('region', { name: 'Calendars that cannot be read' }).getByText(/“Recruiting \(shared\)” cannot be read/).waitFor();
    await options.close();

    // "Stop watching it": the calendar and what only it held go; the rest stays.
    await trouble.getByRole('button', { name: 'Stop watching it' }).click();
    const after = await session.waitFor(async () => {
      const s = await stored();
      return s.source.calendarIds?.length === 1 ? s : undefined;
    }, { message: 'the calendar is no longer watched' });
    assert.deepEqual(after.source.calendarIds, [ME]);
    assert.equal(after.interviews['google:globex'], undefined);
    assert.ok(after.interviews['google:initech']);
    await trouble.waitFor({ state: 'detached' });
    await popup.close();
  });
});
