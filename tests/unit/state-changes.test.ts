import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredState } from '../../src/core/stored-state.ts';
import { loadState } from '../../src/core/stored-state.ts';
import { sameValue, stateChanges, whatToWrite } from '../../src/core/state-changes.ts';
import { alignAllMarks } from '../../src/core/reconcile.ts';
import { refreshDemo, restartDemo, withCurrentDemo } from '../../src/calendar/demo-source.ts';
import { detectInterview } from '../../src/core/detect-interview.ts';
import { MINUTE, START, makeInterview } from './fixtures.ts';

const NOW = START;

/** What storage would hand back after `state` was written: JSON, so no shared references. */
function stored(state: StoredState): unknown {
  return JSON.parse(JSON.stringify(state)) as unknown;
}

/** The demo started at NOW, as a first reconcile leaves it in storage. */
function demoState(): StoredState {
  return restartDemo(detectInterview, loadState({}, NOW).state, NOW);
}

describe('sameValue', () => {
  it('compares JSON values by content, not identity', () => {
    assert.equal(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }), true);
    assert.equal(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }), false);
    assert.equal(sameValue([1, 2], [2, 1]), false);
    assert.equal(sameValue({ a: 1 }, { a: 1, b: 2 }), false);
    assert.equal(sameValue({ a: 1 }, [1]), false);
    assert.equal(sameValue(0, '0'), false);
    assert.equal(sameValue(null, undefined), false);
  });

  it('treats a key holding undefined as absent, as storage does', () => {
    assert.equal(sameValue({ a: 1, gone: undefined }, { a: 1 }), true);
    assert.equal(sameValue({ a: 1 }, { a: 1, gone: undefined }), true);
    assert.equal(sameValue({ a: undefined }, { b: undefined }), true);
  });
});

describe('stateChanges', () => {
  it('is empty for a state read back from storage unchanged', () => {
    const state = demoState();
    assert.deepEqual(stateChanges(loadState(stored(state), NOW).state, state), {});
  });

  it('lists exactly the keys that changed, with their new values', () => {
    const state = demoState();
    const next = { ...state, marks: { ...state.marks, x: { callAttempts: [NOW] } } };
    assert.deepEqual(stateChanges(state, next), { marks: next.marks });
  });

  it('lists an optional key that went away as undefined, so the writer removes it', () => {
    const state: StoredState = { ...demoState(), removed: { interview: makeInterview(), at: NOW } };
    const changes = stateChanges(state, { ...state, removed: undefined });
    assert.deepEqual(Object.keys(changes), ['removed']);
    assert.equal(changes.removed, undefined);
  });
});

describe('whatToWrite: a reconcile that changes nothing writes nothing', () => {
  it('writes nothing when the demo is current and nothing was asked (a wake-up)', () => {
    const loaded = loadState(stored(demoState()), NOW + 10 * MINUTE);
    assert.equal(loaded.changed, false);
    const next = alignAllMarks(withCurrentDemo(detectInterview, loaded.state, loaded.state));
    assert.equal(whatToWrite(loaded, next), undefined);
  });

  it('writes nothing even when the demo was made again (an install or a browser start)', () => {
    const loaded = loadState(stored(demoState()), NOW + 10 * MINUTE);
    const next = alignAllMarks(withCurrentDemo(detectInterview, loaded.state));
    assert.notEqual(next.interviews, loaded.state.interviews, 'made again');
    assert.equal(whatToWrite(loaded, next), undefined);
  });

  it('writes only the key a user action changed', () => {
    const loaded = loadState(stored(demoState()), NOW);
    const marked = { ...loaded.state, marks: { ...loaded.state.marks, 'manual:x': { callAttempts: [NOW] } } };
    assert.deepEqual(whatToWrite(loaded, marked), { marks: marked.marks });
  });

  it('writes everything, with what was set aside, when loading repaired storage', () => {
    const raw = stored(demoState()) as Record<string, unknown>;
    const loaded = loadState({ ...raw, interviews: { ...(raw.interviews as object), 'demo:broken': 'garbage' } }, NOW);
    assert.equal(loaded.changed, true);
    const write = whatToWrite(loaded, loaded.state);
    assert.ok(write);
    assert.deepEqual(Object.keys(write).sort(), [...Object.keys(loaded.state), 'storageProblems'].sort());
    assert.deepEqual(write.storageProblems, loaded.problems);
  });

  it('writes the whole state on a first run (nothing stored yet)', () => {
    const loaded = loadState({}, NOW);
    const next = withCurrentDemo(detectInterview, loaded.state);
    const write = whatToWrite(loaded, next);
    assert.ok(write);
    assert.equal(Object.keys(write.interviews ?? {}).length, 4);
  });
});

describe('withCurrentDemo: the demo source runs only when its inputs may have changed', () => {
  it('returns the same state, not run again, when source, rules and stored interviews agree', () => {
    const state = demoState();
    assert.equal(withCurrentDemo(detectInterview, state, state), state);
    // A mark on one interview (the usual message) changes neither source nor rules.
    const marked = { ...state, marks: { ...state.marks, [Object.keys(state.interviews)[0]!]: { callAttempts: [NOW] } } };
    assert.equal(withCurrentDemo(detectInterview, marked, state), marked);
  });

  it('runs again when the rules changed: an event the user ruled out goes', () => {
    const state = demoState();
    const [first] = Object.values(state.interviews);
    assert.ok(first);
    const rules = { ...state.settings.rules, overrides: { ...state.settings.rules.overrides, [first.eventId]: 'not-interview' as const } };
    const next = withCurrentDemo(detectInterview, { ...state, settings: { ...state.settings, rules } }, state);
    assert.equal(next.interviews[first.id], undefined);
    assert.equal(Object.keys(next.interviews).length, 3);
  });

  it('runs again when the stored interviews were made from another anchor (a demo restarted elsewhere)', () => {
    const state = demoState();
    const moved = { ...state, source: { kind: 'demo' as const, anchor: NOW + 60 * MINUTE } };
    // Same source and rules before and after: only what is stored tells.
    const next = withCurrentDemo(detectInterview, moved, moved);
    assert.deepEqual(next, refreshDemo(detectInterview, moved));
    assert.ok(Object.keys(next.interviews).every((id) => id.endsWith(`-${NOW + 60 * MINUTE}`)));
  });

  it('runs again when the ended interview lost its mark, and when nothing is stored', () => {
    const state = demoState();
    const ended = Object.values(state.interviews).find((interview) => interview.end <= NOW);
    assert.ok(ended);
    const marks = { ...state.marks };
    delete marks[ended.id];
    const unmarked = { ...state, marks };
    assert.deepEqual(withCurrentDemo(detectInterview, unmarked, unmarked).marks[ended.id], state.marks[ended.id]);
    const empty = { ...state, interviews: {} };
    assert.equal(Object.keys(withCurrentDemo(detectInterview, empty, empty).interviews).length, 4);
  });

  it('leaves any other source alone', () => {
    const state: StoredState = { ...loadState({}, NOW).state, source: { kind: 'none' }, interviews: {} };
    assert.equal(withCurrentDemo(detectInterview, state), state);
  });
});

describe('alignAllMarks', () => {
  it('returns the state itself when every mark fits its interview', () => {
    const state = demoState();
    assert.equal(alignAllMarks(state), state);
  });

  it('starts a moved interview afresh at its new time', () => {
    const interview = makeInterview();
    const state: StoredState = { ...loadState({}, NOW).state, source: { kind: 'none' }, interviews: { [interview.id]: interview }, marks: { [interview.id]: { callAttempts: [NOW], forStart: START - 60 * MINUTE } } };
    const next = alignAllMarks(state);
    assert.equal(next.marks[interview.id]?.forStart, START);
    assert.deepEqual(next.marks[interview.id]?.callAttempts, []);
  });
});
