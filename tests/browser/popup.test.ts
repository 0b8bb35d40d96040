import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Interview, Marks } from '../../src/core/types.ts';
import { launchExtension, moveDemo, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { MINUTE } from '../../src/core/units.ts';

/** The stored interview nearest now (started at most 30 minutes ago). */
async function soonestInterview(session: ExtensionSession): Promise<Interview> {
  const { interviews } = (await session.readStorage(['interviews'])) as { interviews: Record<string, Interview> };
  const sorted = Object.values(interviews).sort((a, b) => a.start - b.start);
  const now = Date.now();
  const next = sorted.find((i) => i.start > now - 30 * MINUTE);
  assert.ok(next, 'the demo calendar has an interview around now');
  return next;
}

describe('popup on the demo calendar', () => {
  let session: ExtensionSession;
  before(async () => {
    session = await launchExtension({ locale: 'en-US' });
  });
  after(async () => {
    await session?.close();
  });

  it('shows the demo interview that starts in a few minutes, labelled as demo', PER_TEST, async () => {
    const expected = await soonestInterview(session);
    assert.ok(expected.start > Date.now(), 'the first demo interview is still ahead');
    const page = await session.openPage('popup.html');
    await page.getByRole('heading', { level: 2 }).filter({ hasText: expected.title }).waitFor();
    assert.equal(await page.getByText('Demo calendar', { exact: true }).count(), 1);
    assert.match(await page.locator('.phase').innerText(), /^Starts in \d+ minutes?/);
    assert.equal(await page.locator('a.tel').first().getAttribute('href'), `tel:${expected.phones[0]!.dial}`);
    await session.screenshot(page, 'popup-upcoming');
    await page.close();
  });

  it('runs the wait timer from the scheduled start and keeps it across a stopped worker', PER_TEST, async () => {
    // Move the demo so its first interview started three minutes ago.
    const id = await moveDemo(session, Date.now() - 3 * MINUTE);
    const page = await session.openPage('popup.html');
    await page.getByText('Waiting for the call').waitFor();
    const clock = await page.locator('.clock').innerText();
    assert.match(clock, /^0[2-4]:\d\d$/, `clock shows about three minutes, got ${clock}`);

    await page.getByRole('button', { name: 'I called them' }).click();
    await session.waitFor(async () => {
      const { marks } = (await session.readStorage(['marks'])) as { marks: Record<string, Marks> };
      return marks[id]?.callAttempts.length === 1;
    }, { message: 'the call attempt is stored' });
    await page.getByRole('button', { name: 'I called them (1)' }).waitFor();

    // The voicemail script says what time it is now and how long the candidate stays available.
    await page.getByText('Voicemail script').click();
    const script = page.locator('.voicemail .script');
    await page.getByRole('button', { name: 'Copy' }).waitFor();
    const wallClock = (at: number) => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(at).replace(/\s/g, ' ');
    const text = (await script.innerText()).replace(/\s/g, ' ');
    // The minute may turn between rendering and reading.
    assert.ok([Date.now(), Date.now() - 60_000].some((at) => text.includes(`It's ${wallClock(at)} now`)), text);
    assert.match(text, / — until \d{1,2}:\d\d [AP]M\. If that's too soon for you/);
    assert.doesNotMatch(text, /undefined|null|NaN/);
    await session.screenshot(page, 'popup-waiting');
    await page.close();

    await session.stopServiceWorker();
    const reopened = await session.openPage('popup.html');
    await reopened.getByText('Waiting for the call').waitFor();
    assert.match(await reopened.locator('.clock').innerText(), /^0[2-5]:\d\d$/);
    await reopened.getByRole('button', { name: 'I called them (1)' }).waitFor();
    await reopened.close();
  });

  it('says the call connected and stops the wait', PER_TEST, async () => {
    const page = await session.openPage('popup.html');
    await page.getByRole('button', { name: 'Call connected' }).click();
    await page.getByText('Call connected. Good luck!').waitFor();
    assert.equal(await page.locator('.clock').count(), 0);
    await page.close();
  });
});
