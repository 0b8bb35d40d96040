import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredState } from '../../src/core/stored-state.ts';
import { loadState } from '../../src/core/stored-state.ts';
import {
  INTERVIEW_GONE, chooseInterviewLanguage, findInterview, forgetRemoved, markInterview, notAnInterview,
  rememberProposed, removeManual, restoreRemoved, saveManual, saveSettings, slotsFor, tickChecklist, validSlots,
} from '../../src/core/interview-changes.ts';
import { withCurrentDemo } from '../../src/calendar/demo-source.ts';
import { detectInterview } from '../../src/core/detect-interview.ts';
import { HOUR, MINUTE, START, afterStart, makeInterview } from './fixtures.ts';

const interview = makeInterview();
const ID = interview.id;
const typedIn = { id: 'one', company: 'Acme', role: 'SRE', date: '2026-11-30', time: '10:00', timeZone: 'Europe/Rome', durationMinutes: 30, interviewerName: '', interviewerEmail: '', phone: '' };

function state(extra: Partial<StoredState> = {}): StoredState {
  const base = loadState({}, START).state;
  return { ...base, source: { kind: 'google', calendarIds: ['me@example.org'] }, interviews: { [ID]: interview }, ...extra };
}

describe('findInterview', () => {
  it('finds calendar and typed-in interviews, and throws the INTERVIEW_GONE key otherwise', () => {
    const s = state({ manual: { one: typedIn } });
    assert.equal(findInterview(s, ID), interview);
    assert.equal(findInterview(s, 'manual:one').company, 'Acme');
    assert.throws(() => findInterview(s, 'google:gone'), { name: 'UserError', words: { key: INTERVIEW_GONE } });
    assert.equal(INTERVIEW_GONE, 'errorInterviewGone');
  });
});

describe('markInterview', () => {
  it('records the mark and forgets the notification it answered', () => {
    const s = state({ notified: { [ID]: 'no-call@1' } });
    const next = markInterview(s, ID, 'connected', afterStart(3));
    assert.equal(next.marks[ID]?.connectedAt, afterStart(3));
    assert.equal(next.notified[ID], undefined);
  });

  it('keeps the notification on record for "they called" (the wait goes on)', () => {
    const s = state({ notified: { [ID]: 'no-call@1' } });
    assert.equal(markInterview(s, ID, 'called', afterStart(3)).notified[ID], 'no-call@1');
  });

  it('refuses a stale button with a locale key, and a moved time that makes no sense', () => {
    assert.throws(() => markInterview(state(), ID, 'undo', afterStart(3)), { name: 'UserError', words: { key: 'errorMarkStale' } });
    assert.throws(() => markInterview(state(), ID, 'moved', afterStart(3), { start: afterStart(10), end: afterStart(5) }), { name: 'UserError', words: { key: 'errorNewTime' } });
  });
});

describe('small marks', () => {
  it('remembers the first proposed time, unless the interview is gone', () => {
    const slot = { start: START + 24 * HOUR, end: START + 25 * HOUR };
    assert.deepEqual(rememberProposed(state(), ID, slot).marks[ID]?.proposed, slot);
    const s = state();
    assert.equal(rememberProposed(s, 'google:gone', slot), s);
  });

  it('sets the draft language to a known one, anything else back to the detected one', () => {
    assert.equal(chooseInterviewLanguage(state(), ID, 'it').marks[ID]?.language, 'it');
    assert.equal(chooseInterviewLanguage(state(), ID, 'fr' as 'it').marks[ID]?.language, undefined);
    assert.throws(() => chooseInterviewLanguage(state(), 'google:gone', 'it'), { name: 'UserError', words: { key: INTERVIEW_GONE } });
  });

  it('ticks and unticks checklist items, capped in length', () => {
    const ticked = tickChecklist(state(), ID, 'x'.repeat(60), true);
    assert.deepEqual(ticked.marks[ID]?.checklist, ['x'.repeat(40)]);
    assert.deepEqual(tickChecklist(ticked, ID, 'x'.repeat(40), false).marks[ID]?.checklist, []);
  });

  it('validSlots keeps only real intervals, five at most', () => {
    const good = { start: 1, end: 2 };
    assert.equal(validSlots(undefined), undefined);
    assert.deepEqual(validSlots([good, { start: 2, end: 1 }, { start: Number.NaN, end: 3 }]), [good]);
    assert.equal(validSlots(Array.from({ length: 9 }, () => good))?.length, 5);
  });
});

describe('typed-in interviews and undo', () => {
  it('the first typed-in interview ends the demo; a later one does not touch the source', () => {
    const demo = withCurrentDemo(detectInterview, { ...loadState({}, START).state, source: { kind: 'demo', anchor: START } });
    const first = saveManual(demo, typedIn);
    assert.deepEqual(first.source, { kind: 'none' });
    assert.deepEqual(first.interviews, {});
    const edited = saveManual(first, { ...typedIn, time: '11:00' });
    assert.equal(edited.manual.one?.time, '11:00');
    const other = saveManual({ ...demo, manual: { one: typedIn } }, { ...typedIn, time: '11:00' });
    assert.equal(other.source.kind, 'demo');
  });

  it('removing a typed-in interview keeps it and its marks for undo, and undo puts both back', () => {
    const s = state({ manual: { one: typedIn }, marks: { 'manual:one': { callAttempts: [START] } } });
    const removed = removeManual(s, 'one', START);
    assert.deepEqual(removed.manual, {});
    assert.equal(removed.marks['manual:one'], undefined);
    assert.equal(removed.removed?.manual?.id, 'one');
    const back = restoreRemoved(removed);
    assert.deepEqual(back.manual, { one: typedIn });
    assert.deepEqual(back.marks['manual:one'], { callAttempts: [START] });
    assert.equal(back.removed, undefined);
  });

  it('"Not an interview" removes a calendar interview at once with an override, and undo lifts it', () => {
    const s = state({ marks: { [ID]: { callAttempts: [START] } } });
    const next = notAnInterview(s, ID, START);
    assert.equal(next.interviews[ID], undefined);
    assert.equal(next.settings.rules.overrides[interview.eventId], 'not-interview');
    assert.deepEqual(next.removed, { interview, at: START, marks: { callAttempts: [START] } });
    const back = restoreRemoved(next);
    assert.equal(back.interviews[ID], interview);
    assert.equal(back.settings.rules.overrides[interview.eventId], undefined);
    assert.equal(forgetRemoved(next).removed, undefined);
  });

  it('undo after a source switch brings back the marks but not the other source\'s interview', () => {
    const next = notAnInterview(state(), ID, START);
    const switched = { ...next, source: { kind: 'none' as const }, interviews: {} };
    assert.deepEqual(restoreRemoved(switched).interviews, {});
  });
});

describe('saveSettings', () => {
  it('new rules restart both syncs from scratch (Google keeps what each calendar held)', () => {
    const s = state({
      googleCursor: { syncTokens: { a: 't' }, fullSyncAt: { a: 1 }, items: { a: [ID] }, vetoes: {} },
      icalCursor: { etag: '"x"' },
    });
    const next = saveSettings(s, { ...s.settings, rules: { ...s.settings.rules, keywords: ['colloquio'] } });
    assert.deepEqual(next.googleCursor, { syncTokens: {}, fullSyncAt: {}, items: { a: [ID] }, vetoes: {} });
    assert.deepEqual(next.icalCursor, {});
    const same = saveSettings(s, { ...structuredClone(s.settings), slotBuffer: 45 });
    assert.equal(same.googleCursor, s.googleCursor);
    assert.equal(same.icalCursor, s.icalCursor);
    assert.equal(same.settings.slotBuffer, 45);
  });
});

describe('slotsFor', () => {
  it('never proposes a time over another interview, typed-in ones included', () => {
    const alone = slotsFor(state(), interview, START, 'Europe/Rome');
    const first = alone[0];
    assert.ok(first, 'a free time at all');
    // A typed-in interview exactly where the first proposal was.
    const rome = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(first.start);
    const part = (type: string) => rome.find((p) => p.type === type)?.value ?? '';
    const entry = { ...typedIn, date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}`, durationMinutes: (first.end - first.start) / MINUTE };
    const slots = slotsFor(state({ manual: { one: entry } }), interview, START, 'Europe/Rome');
    assert.equal(slots.length, 3);
    for (const slot of slots) assert.ok(slot.end <= first.start || slot.start >= first.end, `${new Date(slot.start).toISOString()} is not over the typed-in interview`);
  });
});
