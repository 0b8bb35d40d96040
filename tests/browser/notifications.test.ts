import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Interview, Marks } from '../../src/core/types.ts';
import { launchExtension, moveDemo, PER_TEST } from './harness.ts';
import type { ExtensionSession } from './harness.ts';
import { MINUTE } from '../../src/core/units.ts';

/**
 * How far ahead of now a moment is put when the test needs its alarm to fire. An alarm is
 * only created for a moment still ahead, and then fires by the real clock: this is time
 * that must pass, not a condition that could be awaited. Moving the demo takes about 0.1 s,
 * so 8 s leaves a wide margin on a loaded machine.
 */
const ALARM_MARGIN = 8000;

interface Stored {
  interviews: Record<string, Interview>;
  marks: Record<string, Marks>;
  notified: Record<string, string>;
}

/** Moves the demo's first interview to `start` (no marks, nothing notified) and returns it as stored. */
async function demoInterviewAt(session: ExtensionSession, start: number): Promise<Interview> {
  const id = await moveDemo(session, start, { marks: {}, notified: {} });
  const { interviews } = (await session.readStorage(['interviews'])) as Stored;
  const interview = interviews[id];
  assert.ok(interview, `${id} is stored`);
  return interview;
}

describe('notifications raised by alarms', () => {
  let session: ExtensionSession;
  before(async () => {
    session = await launchExtension({ locale: 'en-US' });
  });
  after(async () => {
    await session?.close();
  });

  it('raises "you have waited 15 minutes" when its alarm fires, and its button opens the follow-up draft in Gmail', PER_TEST, async () => {
    // The 15-minute mark of the demo's first interview is ALARM_MARGIN away.
    const interview = await demoInterviewAt(session, Date.now() - 15 * MINUTE + ALARM_MARGIN);
    const alarmName = `reminder:min-wait:${interview.id}`;
    const alarm = await session.waitFor(
      () => session.evaluateInWorker((name) => chrome.alarms.get(name), alarmName),
      { message: `alarm ${alarmName} exists` },
    );
    assert.ok(Math.abs(alarm.scheduledTime - (interview.start + 15 * MINUTE)) < 1000);

    const notificationId = `interview:${interview.id}`;
    await session.waitFor(async () => {
      const { notified } = (await session.readStorage(['notified'])) as Stored;
      return notified[interview.id]?.startsWith('min-wait@');
    }, { timeout: ALARM_MARGIN + 10_000, message: 'the min-wait reminder was notified' });
    const open = await session.evaluateInWorker(() => chrome.notifications.getAll());
    assert.ok(notificationId in open, `notification ${notificationId} is shown`);

    await session.evaluateInWorker((id) => {
      // Chrome's events have dispatch() (it runs the real listeners); the typings omit it.
      (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch(id, 0);
    }, notificationId);
    const url = await session.waitFor(async () => (await session.openedTabUrls()).find((u) => u.startsWith('https://mail.google.com/')), {
      message: 'a Gmail compose tab opened',
    });
    const params = new URL(url).searchParams;
    assert.equal(params.get('view'), 'cm');
    assert.equal(params.get('to'), interview.interviewer.email);
    assert.ok((params.get('su') ?? '').length > 0, 'the draft has a subject');
    const body = params.get('body') ?? '';
    // Availability is a clock time (start + the 30-minute maximum wait), in the browser's zone.
    const zone = await session.evaluateInWorker(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const until = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit', hourCycle: 'h12' })
      .format(interview.start + 30 * MINUTE).replace(/[\u00A0\u202F]/g, ' ');
    assert.ok(body.replace(/[\u00A0\u202F]/g, ' ').includes(`until ${until}`), `the follow-up says until when the candidate stays available (${until}):\n${body}`);
    assert.doesNotMatch(body, /undefined|null|NaN/);
  });

  it('marks the call connected from the notification and clears it', PER_TEST, async () => {
    const { notified } = (await session.readStorage(['notified'])) as Stored;
    const interviewId = Object.keys(notified).find((id) => notified[id]?.startsWith('min-wait@'));
    assert.ok(interviewId);
    await session.evaluateInWorker((id) => {
      (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch(id, 1);
    }, `interview:${interviewId}`);
    await session.waitFor(async () => {
      const { marks } = (await session.readStorage(['marks'])) as Stored;
      return marks[interviewId]?.connectedAt !== undefined;
    }, { message: 'connectedAt is stored' });
    await session.waitFor(async () => {
      const open = await session.evaluateInWorker(() => chrome.notifications.getAll());
      return !(`interview:${interviewId}` in open);
    }, { message: 'the notification is cleared' });
    const alarms = await session.evaluateInWorker(() => chrome.alarms.getAll());
    assert.equal(alarms.filter((a) => a.name.endsWith(interviewId) && /max-wait|no-call/.test(a.name)).length, 0, 'no wait milestone remains');
  });

  it('snoozes the confirmation reminder for ten minutes from its notification', PER_TEST, async () => {
    // The demo's first interview is 90 minutes away: the confirm moment.
    const interview = await demoInterviewAt(session, Date.now() + 90 * MINUTE);
    const id = `interview:${interview.id}`;
    await session.waitFor(async () => (await session.readStorage<Stored>(['notified'])).notified[interview.id]?.startsWith('confirm@'), { message: 'confirm notified' });
    const pressedAt = Date.now();
    await session.evaluateInWorker((nid) => {
      (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch(nid, 1);
    }, id);
    const snoozedUntil = await session.waitFor(async () => (await session.readStorage<Stored>(['marks'])).marks[interview.id]?.snoozed?.until, { message: 'snooze stored' });
    assert.ok(Math.abs(snoozedUntil - (pressedAt + 10 * MINUTE)) < 5000, 'ten minutes from the press');
    await session.waitFor(async () => !(id in (await session.evaluateInWorker(() => chrome.notifications.getAll()))), { message: 'the notification is cleared' });
    const alarm = await session.evaluateInWorker((name) => chrome.alarms.get(name), `snooze:${interview.id}`);
    assert.ok(alarm && Math.abs(alarm.scheduledTime - snoozedUntil) < 1000, 'an alarm brings it back when the snooze ends');
    assert.equal((await session.readStorage<Stored>(['notified'])).notified[interview.id], undefined, 'the moment will be shown again');
  });

  it('rebuilds every alarm from storage after the browser is relaunched', PER_TEST, async () => {
    const before = (await session.evaluateInWorker(() => chrome.alarms.getAll())).map((a) => a.name).filter((n) => n.startsWith('reminder:')).sort();
    assert.ok(before.length > 3);
    session = await session.relaunch();
    const after = await session.waitFor(async () => {
      const names = (await session.evaluateInWorker(() => chrome.alarms.getAll())).map((a) => a.name).filter((n) => n.startsWith('reminder:')).sort();
      return names.length === before.length ? names : undefined;
    }, { message: 'alarms are rebuilt' });
    assert.deepEqual(after, before);
  });
});
