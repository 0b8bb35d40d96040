// Corrupted storage is repaired without throwing AND reported, key by key; a schema-1 state
// written by hand keeps the user's marks and settings through every migration.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadState, SCHEMA_VERSION } from '../../src/core/stored-state.ts';
import { defaultSettings } from '../../src/core/settings.ts';

const NOW = Date.UTC(2026, 10, 26, 14, 0);
const healthy = () => loadState({ schemaVersion: SCHEMA_VERSION, source: { kind: 'demo', anchor: NOW } }, NOW).state;

describe('loading corrupted storage', () => {
  const garbage: Array<[string, unknown]> = [
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [1, 2, 3]],
    ['null', null],
  ];
  for (const key of ['interviews', 'marks', 'settings', 'source', 'notified', 'manual'] as const) {
    for (const [label, value] of garbage) {
      it(`never throws and falls back to a valid ${key} when it holds ${label}`, () => {
        const { state } = loadState({ ...healthy(), [key]: value }, NOW);
        assert.equal(state.schemaVersion, SCHEMA_VERSION);
        assert.equal(typeof state.settings.timing.minWait, 'number');
        assert.ok(state.source.kind === 'demo' && Number.isFinite(state.source.anchor));
        for (const record of [state.interviews, state.marks, state.notified, state.manual]) {
          assert.ok(record !== null && typeof record === 'object' && !Array.isArray(record));
        }
      });
    }
  }

  for (const key of ['interviews', 'marks', 'settings', 'source'] as const) {
    it(`reports that ${key} was unreadable and set aside, rather than silently replacing it`, () => {
      const { problems, changed } = loadState({ ...healthy(), [key]: 'garbage' }, NOW);
      assert.equal(changed, true, 'the repaired value must be written back');
      assert.ok(problems.length > 0, `no problem reported for a garbage ${key}`);
    });
  }

  it('reports a schema written by a newer version and still reads what is compatible', () => {
    const marks = { 'demo:x': { callAttempts: [NOW - 60_000] } };
    const { state, problems } = loadState({ ...healthy(), schemaVersion: 999, marks }, NOW);
    assert.ok(problems.some((p) => /newer version/.test(p)));
    assert.deepEqual(state.marks['demo:x']?.callAttempts, [NOW - 60_000]);
    assert.equal(state.schemaVersion, SCHEMA_VERSION);
  });

  it('reports the storage problem of the brief (garbage everywhere, schema 999) and rebuilds valid state', () => {
    const { state, problems, changed } = loadState({ interviews: 'x', marks: ['y'], settings: 'z', schemaVersion: 999, source: 'google' }, NOW);
    assert.ok(problems.length > 0);
    assert.equal(changed, true);
    assert.deepEqual(state.interviews, {});
    assert.deepEqual(state.settings, defaultSettings);
    assert.deepEqual(state.source, { kind: 'demo', anchor: NOW });
  });
});

describe('migrating a schema-1 state written by hand', () => {
  const schema1 = {
    schemaVersion: 1,
    settings: {
      language: 'it',
      mailProvider: 'outlook',
      profile: { name: 'Ada Lovelace', phone: '+39 333 1234567', email: 'ada@example.org' },
      timing: { confirmLead: 90, getReadyLead: 15, noCallAfter: 5, minWait: 20, maxWait: 30, thankYouDelay: 45 },
    },
    interviews: {},
    marks: {
      'demo:first': { callAttempts: [NOW - 120_000, NOW - 60_000], connectedAt: NOW - 30_000 },
      'google:abc': { callAttempts: [], missedAt: NOW - 10_000, rescheduled: true },
    },
    source: { kind: 'demo', anchor: NOW - 600_000 },
    notified: { 'demo:first': 'start@123' },
  };

  it('keeps every mark and setting the user made, and adds the new keys empty', () => {
    const { state, problems, changed } = loadState(structuredClone(schema1), NOW);
    assert.deepEqual(problems, []);
    assert.equal(changed, true);
    assert.equal(state.schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(state.marks['demo:first']?.callAttempts, [NOW - 120_000, NOW - 60_000]);
    assert.equal(state.marks['demo:first']?.connectedAt, NOW - 30_000);
    assert.equal(state.marks['google:abc']?.missedAt, NOW - 10_000);
    assert.equal(state.marks['google:abc']?.rescheduled, true);
    assert.equal(state.settings.language, 'it');
    assert.equal(state.settings.mailProvider, 'outlook');
    assert.deepEqual(state.settings.profile, schema1.settings.profile);
    assert.deepEqual(state.settings.timing, schema1.settings.timing);
    assert.deepEqual(state.source, schema1.source);
    assert.deepEqual(state.notified, schema1.notified);
    assert.deepEqual(state.busy, {});
    assert.deepEqual(state.manual, {});
    assert.deepEqual(state.sync, { failures: 0 });
  });

  it('is stable: loading the migrated state again changes nothing', () => {
    const once = loadState(structuredClone(schema1), NOW).state;
    const twice = loadState(structuredClone(once), NOW);
    assert.deepEqual(twice.state, once);
    assert.equal(twice.changed, false);
  });
});
