import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { notificationId, notificationStep } from '../../src/core/notification-plan.ts';
import { emptyMarks } from '../../src/core/marks.ts';
import { START, afterStart, makeInterview, settingsWith } from './fixtures.ts';

const interview = makeInterview();
const settings = settingsWith();
const atStart = afterStart(1);
const startKey = `start@${START}`;

describe('notificationStep: what the reconcile does about one interview\'s notification', () => {
  it('shows the moment the interview is in, once', () => {
    const step = notificationStep(interview, emptyMarks(), undefined, atStart, settings);
    assert.equal(step.do, 'show');
    assert.equal(step.do === 'show' && step.key, startKey);
    assert.deepEqual(notificationStep(interview, emptyMarks(), startKey, atStart, settings), { do: 'nothing' });
  });

  it('clears a notification whose moment has passed with nothing after it, and does nothing when none was shown', () => {
    const longBefore = START - 3 * 24 * 60 * 60_000;
    assert.deepEqual(notificationStep(interview, emptyMarks(), 'confirm@1', longBefore, settings), { do: 'clear' });
    assert.deepEqual(notificationStep(interview, emptyMarks(), undefined, longBefore, settings), { do: 'nothing' });
  });

  it('clears a notification still on screen that a mark answered, though no longer recorded as shown', () => {
    const longBefore = START - 3 * 24 * 60 * 60_000;
    assert.deepEqual(notificationStep(interview, emptyMarks(), undefined, longBefore, settings, undefined, true), { do: 'clear' });
    assert.deepEqual(notificationStep(interview, emptyMarks(), undefined, longBefore, settings, undefined, false), { do: 'nothing' });
  });

  it('holds back a snoozed moment until the snooze is over', () => {
    const marks = { ...emptyMarks(), snoozed: { key: startKey, until: atStart + 60_000 } };
    assert.deepEqual(notificationStep(interview, marks, undefined, atStart, settings), { do: 'nothing' });
    assert.equal(notificationStep(interview, marks, undefined, atStart + 60_001, settings).do, 'show');
  });

  it('after a browser restart shows a wait moment again when the restart took it away', () => {
    const open = new Set<string>();
    assert.equal(notificationStep(interview, emptyMarks(), startKey, atStart, settings, open).do, 'show');
    assert.deepEqual(notificationStep(interview, emptyMarks(), startKey, atStart, settings, new Set([notificationId(interview.id)])), { do: 'nothing' });
  });

  it('after a restart leaves a moment that is not a wait moment as shown', () => {
    const confirmAt = START - 90 * 60_000;
    const step = notificationStep(interview, emptyMarks(), undefined, confirmAt + 1000, settings);
    assert.equal(step.do === 'show' && step.reminder.kind, 'confirm');
    const key = step.do === 'show' ? step.key : '';
    assert.deepEqual(notificationStep(interview, emptyMarks(), key, confirmAt + 1000, settings, new Set()), { do: 'nothing' });
  });
});
