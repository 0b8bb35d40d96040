import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KEYWORDS_ADDED_IN_6, POPUP_KEYS, RECONCILE_KEYS, SCHEMA_VERSION, STORED_KEYS, WITHOUT_BUSY_KEYS, allInterviews, loadPopupState, loadReconcileState, loadState, loadStateWithoutBusy, migrations, normalizeSettings } from '../../src/core/stored-state.ts';
import { defaultRules } from '../../src/core/default-rules.ts';
import { defaultSettings } from '../../src/core/settings.ts';
import { START, afterStart, makeInterview, settingsWith } from './fixtures.ts';

const NOW = START - 3_600_000;
const ID = 'google:evt-1';

/** A healthy schema-1 state as the extension writes it. */
function storedState(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: settingsWith({ minWait: 20 }),
    busy: {},
    sync: { failures: 0 },
    calendarHealth: {},
    googleCursor: { syncTokens: {}, fullSyncAt: {}, items: {}, vetoes: {} },
    manual: {},
    icalCursor: {},
    interviews: { [ID]: makeInterview() },
    marks: { [ID]: { callAttempts: [afterStart(6)], connectedAt: afterStart(8) } },
    source: { kind: 'demo', anchor: START - 86_400_000 },
    notified: { [ID]: `start@${START}` },
    ...overrides,
  };
}

describe('schema version and migrations', () => {
  it('has one migration per schema version', () => {
    assert.equal(SCHEMA_VERSION, 6);
    assert.equal(migrations.length, SCHEMA_VERSION);
  });

  it('gives each watched Google calendar of schema-3 data its own health from the old status, dropping the error no calendar can be blamed for', () => {
    const step = migrations[3]!;
    const migrated = step({
      schemaVersion: 3,
      source: { kind: 'google', calendarIds: ['me@example.org', 'team@example.org'], selfEmail: 'me@example.org' },
      // One error for all calendars, and a backoff inflated by it (issue 13).
      sync: { lastSuccessAt: 100, lastAttemptAt: 200, failures: 12, backoffUntil: 5_000, serverAskedUntil: 4_000, error: { code: 'not-found', at: 200, status: 404 } },
      googleCursor: { syncTokens: { 'me@example.org': 't' }, fullSyncAt: {}, items: {} },
    });
    assert.deepEqual(migrated, {
      schemaVersion: 4,
      source: { kind: 'google', calendarIds: ['me@example.org', 'team@example.org'], selfEmail: 'me@example.org' },
      sync: { lastSuccessAt: 100, lastAttemptAt: 200, failures: 0 },
      calendarHealth: { 'me@example.org': { lastSuccessAt: 100, failures: 0 }, 'team@example.org': { lastSuccessAt: 100, failures: 0 } },
      googleCursor: { syncTokens: { 'me@example.org': 't' }, fullSyncAt: {}, items: {}, vetoes: {} },
    });
  });

  it('leaves the sync status of a schema-3 iCal or demo source alone', () => {
    const step = migrations[3]!;
    const sync = { lastSuccessAt: 1, failures: 2, backoffUntil: 9, error: { code: 'server', at: 1 } };
    assert.deepEqual(step({ schemaVersion: 3, source: { kind: 'ical', url: 'https://x.example/a.ics' }, sync }), {
      schemaVersion: 4, source: { kind: 'ical', url: 'https://x.example/a.ics' }, sync, calendarHealth: {},
    });
  });

  it('migrates a schema-3 Google state through loadState: the calendars are read at once', () => {
    const { state } = loadState({
      schemaVersion: 3,
      source: { kind: 'google', calendarIds: ['me@example.org'], selfEmail: 'me@example.org' },
      sync: { lastSuccessAt: 100, failures: 9, backoffUntil: NOW + 3_600_000, error: { code: 'forbidden', at: 90 } },
    }, NOW);
    assert.deepEqual(state.calendarHealth, { 'me@example.org': { lastSuccessAt: 100, failures: 0 } });
    assert.deepEqual(state.sync, { lastSuccessAt: 100, failures: 0 });
    assert.deepEqual(state.googleCursor.vetoes, {});
  });

  it('drops the old snooze that held every later moment when reading schema-4 marks, keeping the rest', () => {
    const step = migrations[4]!;
    assert.deepEqual(step({ schemaVersion: 4, marks: { a: { callAttempts: [1], snoozedUntil: 5, missedAt: 2 } }, busy: {} }), {
      schemaVersion: 5, marks: { a: { callAttempts: [1], missedAt: 2 } }, busy: {},
    });
  });

  it('reads back the outcome marks, the new time, the snooze of one moment and the undo history', () => {
    const marks = {
      callAttempts: [], noShowAt: 5, askedToCallAt: 6, calledBackAt: 4, rescheduled: true, forStart: 1,
      movedTo: { start: 10, end: 20 }, snoozed: { key: 'confirm@1', until: 9 }, history: [{ callAttempts: [3], noShowAt: 5 }],
    };
    const { state } = loadState({ schemaVersion: 5, marks: { x: marks } }, NOW);
    assert.deepEqual(state.marks.x, marks);
    const broken = loadState({ schemaVersion: 5, marks: { x: { callAttempts: [], movedTo: { start: 20, end: 10 }, snoozed: { key: 3, until: 9 }, history: 'no' } } }, NOW);
    assert.deepEqual(broken.state.marks.x, { callAttempts: [] });
  });

  describe('schema 6: the new default keywords reach saved keyword lists (issue 12)', () => {
    /** The default keywords before issue 12, as lists saved then hold them. */
    const FIRST_DEFAULTS = ['interview', 'phone screen', 'screening call', 'recruiter call', 'hiring manager', 'technical interview', 'colloquio', 'colloquio conoscitivo', 'intervista', 'selezione'];
    const step = migrations[5]!;
    const schema5 = (keywords: unknown) => ({
      schemaVersion: 5,
      settings: { language: 'it', rules: { tags: ['#interview'], keywords, calendars: ['work@example.org'], colors: ['5'], overrides: { e1: 'not-interview' } } },
      marks: {},
    });

    it('every default keyword was offered by the first defaults or is added here: a change to the defaults needs a migration', () => {
      assert.deepEqual(defaultRules.keywords.filter((keyword) => !FIRST_DEFAULTS.includes(keyword) && !KEYWORDS_ADDED_IN_6.includes(keyword)), []);
      assert.ok(KEYWORDS_ADDED_IN_6.every((keyword) => defaultRules.keywords.includes(keyword)));
    });

    it('adds them after the user\'s own entries, keeping every entry and not bringing back a deleted default', () => {
      // The user deleted "selezione" and added two of their own.
      const saved = [...FIRST_DEFAULTS.filter((keyword) => keyword !== 'selezione'), 'Assessment centre', 'prova tecnica'];
      assert.deepEqual(step(schema5(saved)), {
        schemaVersion: 6,
        settings: {
          language: 'it',
          rules: {
            tags: ['#interview'],
            keywords: [
              'interview', 'phone screen', 'screening call', 'recruiter call', 'hiring manager', 'technical interview', 'colloquio', 'colloquio conoscitivo', 'intervista',
              'Assessment centre', 'prova tecnica',
              'recruiter screen', 'tech screen', 'technical screen', 'hr screen', 'pre-screen', 'prescreen', 'final round', 'colloqui', 'videocolloquio', 'chiamata conoscitiva',
            ],
            calendars: ['work@example.org'],
            colors: ['5'],
            overrides: { e1: 'not-interview' },
          },
        },
        marks: {},
      });
    });

    it('does not add again what the user already wrote, in any case or spacing', () => {
      const migrated = step(schema5(['interview', ' Final Round ', 'COLLOQUI']));
      const keywords = (migrated.settings as { rules: { keywords: string[] } }).rules.keywords;
      assert.deepEqual(keywords.slice(0, 3), ['interview', ' Final Round ', 'COLLOQUI']);
      assert.equal(keywords.length, 3 + 8);
      assert.ok(!keywords.includes('final round') && !keywords.includes('colloqui'));
    });

    it('leaves a list saved with the new defaults as it is: the ones it lacks were deleted', () => {
      const saved = defaultRules.keywords.filter((keyword) => keyword !== 'final round' && keyword !== 'colloqui' && keyword !== 'selezione');
      assert.deepEqual(step(schema5(saved)), { ...schema5(saved), schemaVersion: 6 });
    });

    it('is idempotent, and leaves missing or unreadable lists to the normaliser', () => {
      const once = step(schema5([...FIRST_DEFAULTS]));
      assert.deepEqual(step({ ...once, schemaVersion: 5 }), once);
      for (const settings of [undefined, 'x', {}, { rules: 'x' }, { rules: {} }, { rules: { keywords: 'interview' } }]) {
        assert.deepEqual(step({ schemaVersion: 5, settings }), { schemaVersion: 6, settings }, JSON.stringify(settings));
      }
    });

    it('migrates through loadState, and a state saved at schema 6 is read unchanged', () => {
      const { state, changed } = loadState(schema5([...FIRST_DEFAULTS, 'selezione personale']), NOW);
      assert.equal(changed, true);
      assert.deepEqual(state.settings.rules.keywords, [...FIRST_DEFAULTS, 'selezione personale', ...KEYWORDS_ADDED_IN_6]);
      const again = loadState({ ...state }, NOW);
      assert.deepEqual(again.state.settings.rules.keywords, state.settings.rules.keywords);
    });
  });

  it('gives schema-2 data an empty set of typed-in interviews, keeping the rest', () => {
    const step = migrations[2]!;
    assert.deepEqual(step({ schemaVersion: 2, busy: { a: { start: 1, end: 2 } } }), { schemaVersion: 3, busy: { a: { start: 1, end: 2 } }, manual: {}, icalCursor: {} });
  });

  it('gives schema-1 data empty busy time, sync status and Google cursor, keeping the rest', () => {
    const step = migrations[1]!;
    assert.deepEqual(step({ schemaVersion: 1, source: { kind: 'demo', anchor: 5 } }), {
      schemaVersion: 2,
      source: { kind: 'demo', anchor: 5 },
      busy: {},
      sync: { failures: 0 },
      googleCursor: { syncTokens: {}, fullSyncAt: {}, items: {} },
    });
  });

  it('stamps unversioned data as schema 1 and keeps the rest', () => {
    const step = migrations[0]!;
    assert.deepEqual(step({ settings: { language: 'it' } }), { settings: { language: 'it' }, schemaVersion: 1 });
  });
});

describe('loadState', () => {
  it('reads back a healthy state unchanged and with nothing to write', () => {
    const raw = storedState();
    const { state, problems, changed } = loadState(raw, NOW);
    assert.deepEqual(problems, []);
    assert.equal(changed, false);
    assert.equal(state.schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(state.interviews, { [ID]: makeInterview() });
    assert.equal(state.settings.timing.minWait, 20);
    assert.deepEqual(state.marks[ID]?.callAttempts, [afterStart(6)]);
    assert.equal(state.marks[ID]?.connectedAt, afterStart(8));
    assert.deepEqual(state.source, { kind: 'demo', anchor: START - 86_400_000 });
    assert.deepEqual(state.notified, { [ID]: `start@${START}` });
  });

  for (const [label, raw] of [['null', null], ['undefined', undefined], ['an array', [1, 2, 3]], ['a string', 'interviews'], ['a number', 42]] as const) {
    it(`starts afresh with defaults and a demo from now when storage holds ${label}`, () => {
      const { state, problems, changed } = loadState(raw, NOW);
      assert.deepEqual(state, {
        schemaVersion: SCHEMA_VERSION,
        settings: defaultSettings,
        interviews: {},
        marks: {},
        source: { kind: 'demo', anchor: NOW },
        notified: {},
        busy: {},
        sync: { failures: 0 },
        calendarHealth: {},
        googleCursor: { syncTokens: {}, fullSyncAt: {}, items: {}, vetoes: {} },
        manual: {},
        icalCursor: {},
      });
      assert.deepEqual(problems, []);
      assert.equal(changed, true);
    });
  }

  it('migrates data written before versioning and asks for it to be written back', () => {
    const raw = storedState();
    delete raw.schemaVersion;
    const { state, problems, changed } = loadState(raw, NOW);
    assert.equal(state.schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(state.interviews, { [ID]: makeInterview() });
    assert.deepEqual(problems, []);
    assert.equal(changed, true);
  });

  it('treats a schema version that is not a number as unversioned', () => {
    const { state, changed } = loadState(storedState({ schemaVersion: '1' }), NOW);
    assert.equal(state.schemaVersion, SCHEMA_VERSION);
    assert.equal(changed, true);
  });

  it('reads what it can from a newer schema version and says so', () => {
    const { state, problems } = loadState(storedState({ schemaVersion: 7, futureField: { x: 1 } }), NOW);
    assert.equal(state.schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(state.interviews, { [ID]: makeInterview() });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /newer version \(schema 7\)/);
    assert.equal('futureField' in state, false);
  });

  it('sets aside a corrupted interview and keeps the rest', () => {
    const good = makeInterview({ id: 'google:ok', eventId: 'ok' });
    const { state, problems, changed } = loadState(storedState({
      interviews: {
        'google:ok': good,
        'google:bad-start': makeInterview({ id: 'google:bad-start', start: Number.NaN }),
        'google:no-title': { ...makeInterview({ id: 'google:no-title' }), title: 7 },
        'google:no-phones': { ...makeInterview({ id: 'google:no-phones' }), phones: 'none' },
        'google:null': null,
      },
    }), NOW);
    assert.deepEqual(state.interviews, { 'google:ok': good });
    assert.equal(problems.length, 4);
    assert.ok(problems.every((p) => p.startsWith('set aside an unreadable interview')));
    assert.equal(changed, true);
  });

  it('sets aside an interview stored under another interview\'s id', () => {
    const { state, problems } = loadState(storedState({ interviews: { 'google:other': makeInterview() } }), NOW);
    assert.deepEqual(state.interviews, {});
    assert.deepEqual(problems, ['set aside an unreadable interview (google:other)']);
  });

  it('keeps the problem report short for a very long id', () => {
    const id = 'x'.repeat(500);
    const { problems } = loadState(storedState({ interviews: { [id]: 'garbage' } }), NOW);
    assert.deepEqual(problems, [`set aside an unreadable interview (${'x'.repeat(40)})`]);
  });

  it('reads no interviews when the interviews are not a map', () => {
    const { state } = loadState(storedState({ interviews: [makeInterview()] }), NOW);
    assert.deepEqual(state.interviews, {});
  });

  it('drops wrong-typed mark fields and keeps the readable ones', () => {
    const { state, problems } = loadState(storedState({
      marks: { [ID]: { connectedAt: '2026-11-26', missedAt: Number.NaN, doneAt: afterStart(40), callAttempts: [afterStart(6), 'twice', null, Infinity], rescheduled: 'yes' } },
    }), NOW);
    const marks = state.marks[ID];
    assert.ok(marks);
    assert.equal(marks.connectedAt, undefined);
    assert.equal(marks.missedAt, undefined);
    assert.equal(marks.doneAt, afterStart(40));
    assert.deepEqual(marks.callAttempts, [afterStart(6)]);
    assert.equal(marks.rescheduled, undefined);
    assert.deepEqual(problems, []);
  });

  it('gives marks without a list of call attempts an empty one', () => {
    const { state } = loadState(storedState({ marks: { [ID]: { rescheduled: true, callAttempts: 3 } } }), NOW);
    assert.deepEqual(state.marks[ID]?.callAttempts, []);
    assert.equal(state.marks[ID]?.rescheduled, true);
  });

  it('sets aside marks that are not an object and keeps the rest', () => {
    const { state, problems } = loadState(storedState({ marks: { [ID]: { callAttempts: [] }, 'google:x': 'connected', 'google:y': [1] } }), NOW);
    assert.deepEqual(Object.keys(state.marks), [ID]);
    assert.deepEqual(problems, ['set aside unreadable marks (google:x)', 'set aside unreadable marks (google:y)']);
  });

  it('drops notified entries that are not strings', () => {
    const { state } = loadState(storedState({ notified: { [ID]: `start@${START}`, 'google:x': 12, 'google:y': null } }), NOW);
    assert.deepEqual(state.notified, { [ID]: `start@${START}` });
  });

  it('restarts the demo from now when the stored source is unreadable, and writes it back', () => {
    for (const source of [undefined, 'demo', { kind: 'google' }, { kind: 'demo', anchor: 'yesterday' }]) {
      const { state } = loadState(storedState({ source }), NOW);
      assert.deepEqual(state.source, { kind: 'demo', anchor: NOW }, JSON.stringify(source));
    }
    assert.equal(loadState(storedState({ source: undefined }), NOW).changed, true);
  });

  it('migrates a schema-1 state written before Google existed, keeping interviews, marks and the demo', () => {
    const raw = storedState({ schemaVersion: 1 });
    delete raw.busy;
    delete raw.sync;
    delete raw.googleCursor;
    delete raw.manual;
    delete raw.icalCursor;
    const { state, problems, changed } = loadState(raw, NOW);
    assert.deepEqual(problems, []);
    assert.equal(changed, true);
    assert.equal(state.schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(state.manual, {});
    assert.deepEqual(state.interviews, { [ID]: makeInterview() });
    assert.deepEqual(state.marks[ID]?.callAttempts, [afterStart(6)]);
    assert.deepEqual(state.busy, {});
    assert.deepEqual(state.sync, { failures: 0 });
  });

  it('reads back a Google source, its busy time, sync status and cursor, dropping what is unreadable', () => {
    const { state } = loadState(storedState({
      source: { kind: 'google', calendarIds: ['me@example.org', 7, ''], selfEmail: 'me@example.org' },
      busy: { 'google:a': { start: 1, end: 2 }, 'google:b': { start: 'x', end: 2 }, 'google:c': { start: 5, end: 1 } },
      sync: { lastSuccessAt: 10, lastAttemptAt: 20, failures: 2, backoffUntil: 30, error: { code: 'rate-limited', at: 20, status: 429 } },
      googleCursor: { syncTokens: { 'me@example.org': 'tok', bad: 3 }, fullSyncAt: { 'me@example.org': 9 }, items: { 'me@example.org': ['google:a', 4] }, vetoes: { 'me@example.org': ['google:d', null] } },
      calendarHealth: {
        'me@example.org': { name: 'Me', lastSuccessAt: 5, failures: 1, stopped: true, error: { code: 'not-found', at: 6, status: 404, reason: 'notFound' } },
        broken: 'nonsense',
        odd: { failures: 'x', stopped: 'yes', error: { code: 'nonsense', at: 1 } },
      },
    }), NOW);
    assert.deepEqual(state.calendarHealth, {
      'me@example.org': { name: 'Me', lastSuccessAt: 5, failures: 1, stopped: true, error: { code: 'not-found', at: 6, status: 404, reason: 'notFound' } },
      odd: { failures: 0 },
    });
    assert.deepEqual(state.source, { kind: 'google', calendarIds: ['me@example.org'], selfEmail: 'me@example.org' });
    assert.deepEqual(state.busy, { 'google:a': { start: 1, end: 2 } });
    assert.deepEqual(state.sync, { lastSuccessAt: 10, lastAttemptAt: 20, failures: 2, backoffUntil: 30, error: { code: 'rate-limited', at: 20, status: 429 } });
    assert.deepEqual(state.googleCursor, { syncTokens: { 'me@example.org': 'tok' }, fullSyncAt: { 'me@example.org': 9 }, items: { 'me@example.org': ['google:a'] }, vetoes: { 'me@example.org': ['google:d'] } });
    assert.deepEqual(loadState(storedState({ sync: { failures: -1, error: { code: 'nonsense', at: 1 } } }), NOW).state.sync, { failures: 0 });
  });

  it('repairs broken settings without losing the readable ones', () => {
    const { state } = loadState(storedState({ settings: { language: 'it', timing: { maxWait: 'thirty', minWait: 20 } } }), NOW);
    assert.equal(state.settings.language, 'it');
    assert.equal(state.settings.timing.maxWait, 30);
    assert.equal(state.settings.timing.minWait, 20);
    assert.equal(state.settings.mailProvider, 'gmail');
  });
});

describe('normalizeSettings', () => {
  it('returns the defaults for missing or garbage settings', () => {
    for (const raw of [undefined, null, 'settings', 3, [], true]) assert.deepEqual(normalizeSettings(raw), defaultSettings, String(raw));
  });

  it('returns a copy that cannot change the defaults', () => {
    const settings = normalizeSettings(undefined);
    settings.timing.maxWait = 99;
    settings.rules.keywords.push('coffee');
    assert.equal(defaultSettings.timing.maxWait, 30);
    assert.equal(defaultSettings.rules.keywords.includes('coffee'), false);
  });

  it('returns rule lists that cannot change the defaults when stored ones are missing or broken', () => {
    const settings = normalizeSettings({ rules: { tags: [1, 2] } });
    assert.notEqual(settings.rules.tags, defaultSettings.rules.tags);
    assert.notEqual(settings.rules.keywords, defaultSettings.rules.keywords);
  });

  it('keeps every setting of the right type', () => {
    const custom = {
      language: 'it',
      profile: { name: 'Ada', phone: '+39 055 000 0000', email: 'ada@example.com' },
      composeAccount: 'ada@example.com',
      mailProvider: 'outlook',
      timing: { confirmLead: 90, getReadyLead: 15, noCallAfter: 4, minWait: 20, maxWait: 25, thankYouDelay: 60 },
      rules: { tags: ['#job'], keywords: ['chat'], calendars: ['cal-1'], colors: ['11'], overrides: { 'evt-1': 'not-interview' } },
    };
    // Settings this test does not name (added later) come back as their defaults.
    assert.deepEqual(normalizeSettings(custom), { ...structuredClone(defaultSettings), ...custom });
  });

  it('falls back to the default for a setting of the wrong type', () => {
    const settings = normalizeSettings({ language: 3, composeAccount: null, profile: { name: ['Ada'], email: 'ada@example.com' } });
    assert.equal(settings.language, 'auto');
    assert.equal(settings.composeAccount, '');
    assert.equal(settings.profile.name, '');
    assert.equal(settings.profile.email, 'ada@example.com');
    assert.equal(settings.profile.phone, '');
  });

  it('falls back to the default for a timing that is not a finite number', () => {
    const settings = normalizeSettings({ timing: { confirmLead: Number.NaN, getReadyLead: Infinity, noCallAfter: '5', maxWait: null, minWait: 25 } });
    assert.deepEqual(settings.timing, { confirmLead: 120, getReadyLead: 10, noCallAfter: 5, minWait: 25, maxWait: 30, thankYouDelay: 30 });
  });

  it('keeps an out-of-range timing for the timeline to clamp', () => {
    assert.equal(normalizeSettings({ timing: { maxWait: 45 } }).timing.maxWait, 45);
  });

  it('falls back to the default list when a rule list holds anything but strings', () => {
    const settings = normalizeSettings({ rules: { tags: ['#job', 3], keywords: 'interview', calendars: ['cal-1'] } });
    assert.deepEqual(settings.rules.tags, defaultSettings.rules.tags);
    assert.deepEqual(settings.rules.keywords, defaultSettings.rules.keywords);
    assert.deepEqual(settings.rules.calendars, ['cal-1']);
  });

  it('keeps the per-event overrides that are strings and drops the rest', () => {
    const settings = normalizeSettings({ rules: { overrides: { 'evt-1': 'interview', 'evt-2': 'not-interview', 'evt-3': true, 'evt-4': { a: 1 } } } });
    assert.deepEqual(settings.rules.overrides, { 'evt-1': 'interview', 'evt-2': 'not-interview' });
  });

  it('ignores keys the schema does not know', () => {
    const settings = normalizeSettings({ theme: 'dark', timing: { snooze: 5 } });
    assert.equal('theme' in settings, false);
    assert.equal('snooze' in settings.timing, false);
  });

  it('falls back to the default for a mail provider or language the product does not offer', () => {
    const settings = normalizeSettings({ mailProvider: 'yahoo', language: 'fr' });
    assert.equal(settings.mailProvider, 'gmail');
    assert.equal(settings.language, 'auto');
  });
});

describe('typed-in interviews in storage', () => {
  const entry = {
    id: 'k1', company: 'Acme', role: '', date: '2026-11-27', time: '15:30', timeZone: 'Europe/Rome',
    durationMinutes: 30, interviewerName: '', interviewerEmail: '', phone: '',
  };

  it('reads them back and lists them among all interviews', () => {
    const { state, problems } = loadState(storedState({ manual: { k1: entry } }), NOW);
    assert.deepEqual(problems, []);
    assert.deepEqual(state.manual, { k1: entry });
    const all = allInterviews(state);
    assert.equal(all['manual:k1']?.start, Date.UTC(2026, 10, 27, 14, 30));
    assert.ok(all[ID], 'the calendar interview is still there');
  });

  it('sets aside an entry with a field of the wrong type, keeping the others', () => {
    const { state, problems } = loadState(storedState({ manual: { k1: entry, k2: { ...entry, id: 'k2', durationMinutes: 'long' }, k3: { ...entry, id: 'other' } } }), NOW);
    assert.deepEqual(Object.keys(state.manual), ['k1']);
    assert.equal(problems.length, 2);
  });
});

describe('the iCal source in storage', () => {
  it('reads back a secret address source and its validators', () => {
    const { state } = loadState(storedState({ source: { kind: 'ical', url: 'https://calendar.example.org/secret/basic.ics' }, icalCursor: { etag: '"v1"', expandedAt: 5, junk: 1 } }), NOW);
    assert.deepEqual(state.source, { kind: 'ical', url: 'https://calendar.example.org/secret/basic.ics' });
    assert.deepEqual(state.icalCursor, { etag: '"v1"', expandedAt: 5 });
  });

  it('keeps the last read\'s report, only its known reasons and counts', () => {
    const report = { events: 12, skipped: { 'no-start': 2, duplicate: 1, 'made-up': 5, 'bad-rule': 'x', 'bad-zone': -1 } };
    const { state } = loadState(storedState({ source: { kind: 'ical', url: 'https://calendar.example.org/secret/basic.ics' }, icalCursor: { etag: '"v1"', report } }), NOW);
    assert.deepEqual(state.icalCursor.report, { events: 12, skipped: { 'no-start': 2, duplicate: 1 } });
    const { state: broken } = loadState(storedState({ source: { kind: 'ical', url: 'https://calendar.example.org/secret/basic.ics' }, icalCursor: { report: { events: 'many' } } }), NOW);
    assert.equal(broken.icalCursor.report, undefined);
  });

  it('falls back to the demo for an iCal source that is not an https address', () => {
    const { state } = loadState(storedState({ source: { kind: 'ical', url: 'javascript:alert(1)' } }), NOW);
    assert.equal(state.source.kind, 'demo');
  });
});

describe('the names of "Not an interview" choices in storage', () => {
  it('keeps each well-formed name, drops the rest, and has none when none were stored (older choices)', () => {
    const { state } = loadState({
      schemaVersion: SCHEMA_VERSION,
      overrideNames: { a: { title: 'Coffee with Sam', start: 1_700_000_000_000 }, b: { title: 3, start: 1 }, c: { title: 'No start' }, d: 'x' },
    }, NOW);
    assert.deepEqual(state.overrideNames, { a: { title: 'Coffee with Sam', start: 1_700_000_000_000 } });
    assert.equal(loadState({ schemaVersion: SCHEMA_VERSION }, NOW).state.overrideNames, undefined);
  });
});

describe('loadPopupState (the popup\'s read)', () => {
  /** loadState's answer without the keys the popup never reads, beside loadPopupState's. */
  function bothReads(raw: unknown): { full: unknown; popup: unknown } {
    const { state: { notified: _notified, busy: _busy, icalCursor: _icalCursor, overrideNames: _names, ...rest }, problems, changed } = loadState(raw, NOW);
    return { full: { state: rest, problems, changed }, popup: loadPopupState(raw, NOW) };
  }
  const removed = { interview: makeInterview(), at: NOW - 60_000, marks: { callAttempts: [] } };
  const google = { kind: 'google', calendarIds: ['primary', 'team'], selfEmail: 'me@example.com' };

  it('reads every key it has exactly as loadState, with the same problems and the same need to write back', () => {
    for (const raw of [
      storedState(),
      storedState({ removed, overrideNames: { x: { title: 'Coffee', start: NOW } } }),
      storedState({ schemaVersion: 3, source: google, sync: { failures: 2, lastSuccessAt: NOW - 60_000, error: { code: 'server', at: NOW } } }),
      storedState({ schemaVersion: 5, settings: { ...settingsWith(), rules: { ...defaultRules, keywords: ['interview'] } } }),
      storedState({ schemaVersion: 999, busy: 'x', notified: [1], icalCursor: 3, overrideNames: 'y' }),
      { interviews: 'x', marks: ['y'], settings: 'z', schemaVersion: 999, source: 'google' },
      null,
      'garbage',
    ]) {
      const { full, popup } = bothReads(raw);
      assert.deepEqual(popup, full, JSON.stringify(raw));
    }
  });

  it('agrees with loadState on any mix of healthy, missing and corrupt keys', () => {
    const healthy = storedState({ removed, source: google, overrideNames: { x: { title: 'Coffee', start: NOW } } });
    const anyValue = fc.oneof(fc.anything(), fc.constant(undefined));
    const raw = fc.record(
      Object.fromEntries(Object.entries(healthy).map(([key, value]) => [key, fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, anyValue)])),
      { requiredKeys: [] },
    );
    fc.assert(fc.property(raw, fc.integer({ min: 0, max: SCHEMA_VERSION + 1 }), (stored, version) => {
      const { full, popup } = bothReads({ ...stored, schemaVersion: version });
      assert.deepEqual(popup, full);
    }), { numRuns: 300, seed: 16 });
  });

  it('leaves out only the keys the popup never reads', () => {
    const { state } = loadPopupState(storedState({ removed }), NOW);
    assert.deepEqual(Object.keys(state).sort(), ['calendarHealth', 'googleCursor', 'interviews', 'manual', 'marks', 'removed', 'schemaVersion', 'settings', 'source', 'sync']);
  });

  it('asks storage for exactly the keys its state has', () => {
    const { state } = loadPopupState(storedState({ removed }), NOW);
    assert.deepEqual([...POPUP_KEYS].sort(), Object.keys(state).sort());
  });
});

describe('loadStateWithoutBusy (the options page\'s read, and a sync\'s before its request)', () => {
  const removed = { interview: makeInterview(), at: NOW - 60_000, marks: { callAttempts: [] } };
  const busy = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`ical:a@${i}`, { start: NOW + i * 60_000, end: NOW + i * 60_000 + 1 }]));

  it('agrees with loadState on every key it has, on any mix of healthy, missing and corrupt keys', () => {
    const healthy = storedState({ removed, busy, icalCursor: { etag: '"v1"', expandedAt: NOW, report: { events: 3, skipped: { 'bad-rule': 1 } } }, overrideNames: { x: { title: 'Coffee', start: NOW } } });
    const anyValue = fc.oneof(fc.anything(), fc.constant(undefined));
    const raw = fc.record(
      Object.fromEntries(Object.entries(healthy).map(([key, value]) => [key, fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, anyValue)])),
      { requiredKeys: [] },
    );
    fc.assert(fc.property(raw, fc.integer({ min: 0, max: SCHEMA_VERSION + 1 }), (stored, version) => {
      const { state: { notified: _notified, busy: _busy, ...rest }, problems, changed } = loadState({ ...stored, schemaVersion: version }, NOW);
      assert.deepEqual(loadStateWithoutBusy({ ...stored, schemaVersion: version }, NOW), { state: rest, problems, changed });
    }), { numRuns: 300, seed: 16 });
  });

  it('asks storage for every key but the busy time and what was notified, and has them all', () => {
    const { state } = loadStateWithoutBusy(storedState({ removed, busy, overrideNames: { x: { title: 'Coffee', start: NOW } } }), NOW);
    assert.deepEqual([...WITHOUT_BUSY_KEYS].sort(), Object.keys(state).sort());
    assert.deepEqual(STORED_KEYS.filter((key) => !(WITHOUT_BUSY_KEYS as readonly string[]).includes(key)).sort(), ['busy', 'notified']);
  });
});

/** The raw object with only `keys`, as `storage.local.get(keys)` answers. */
function only(raw: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => keys.includes(key)));
}

describe('loadReconcileState (a reconcile with no change to apply)', () => {
  const removed = { interview: makeInterview(), at: NOW - 60_000, marks: { callAttempts: [] } };
  const google = { kind: 'google', calendarIds: ['primary', 'team'], selfEmail: 'me@example.com' };
  /** What a large calendar stores besides its interviews: the keys this read leaves out. */
  const bulk = {
    busy: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`google:evt-${i}`, { start: START + i * 3_600_000, end: START + i * 3_600_000 + 1_800_000 }])),
    googleCursor: { syncTokens: { primary: 'token' }, fullSyncAt: { primary: NOW }, items: { primary: [ID] }, vetoes: {} },
    icalCursor: { etag: '"v1"', expandedAt: NOW },
    overrideNames: { x: { title: 'Coffee', start: NOW } },
  };

  it('leaves out the busy time, the calendar cursors and the names of overridden events, and asks storage for nothing else', () => {
    assert.deepEqual(STORED_KEYS.filter((key) => !(RECONCILE_KEYS as readonly string[]).includes(key)).sort(), ['busy', 'googleCursor', 'icalCursor', 'overrideNames']);
    const { state } = loadReconcileState(storedState({ removed, ...bulk }), NOW);
    assert.deepEqual(Object.keys(state).sort(), [...RECONCILE_KEYS].sort());
  });

  it('reads every key it has exactly as loadState reads it from the whole of storage, with the same problems and need to write back', () => {
    const healthy = storedState({ removed, source: google, ...bulk });
    const anyValue = fc.oneof(fc.anything(), fc.constant(undefined));
    // Any mix of healthy, missing and corrupt keys among those it reads; the rest as the
    // worker wrote them (a corrupt one of those is repaired by the next read of everything).
    const raw = fc.record(
      Object.fromEntries(RECONCILE_KEYS.map((key) => [key, fc.oneof({ weight: 3, arbitrary: fc.constant(healthy[key]) }, anyValue)])),
      { requiredKeys: [] },
    );
    fc.assert(fc.property(raw, fc.integer({ min: 0, max: SCHEMA_VERSION + 1 }), (read, version) => {
      const stored = { ...healthy, ...read, schemaVersion: version };
      const { state: { busy: _busy, googleCursor: _google, icalCursor: _ical, overrideNames: _names, ...rest }, problems, changed } = loadState(stored, NOW);
      assert.deepEqual(loadReconcileState(only(stored, RECONCILE_KEYS), NOW), { state: rest, problems, changed });
    }), { numRuns: 300, seed: 16 });
  });
});
