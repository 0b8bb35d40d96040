import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredState } from '../../src/core/stored-state.ts';
import { loadState } from '../../src/core/stored-state.ts';
import {
  chooseCalendars, connectGoogleSource, connectIcalSource, nameCalendars, retryWatchedCalendar,
  stopDemo, switchSource, syncAnswerIsStale, unwatchCalendar,
} from '../../src/core/source-switch.ts';
import { restartDemo, switchToDemo } from '../../src/calendar/demo-source.ts';
import { detectInterview } from '../../src/core/detect-interview.ts';
import { START, makeInterview } from './fixtures.ts';

const NOW = START;
const typedIn = { id: 'one', company: 'Acme', role: 'SRE', date: '2026-11-27', time: '10:00', timeZone: 'Europe/Rome', durationMinutes: 30, interviewerName: '', interviewerEmail: '', phone: '' };

/** The demo running beside one typed-in interview, each with a mark and a notification. */
function demoWithTypedIn(): StoredState {
  const demo = restartDemo(detectInterview, loadState({}, NOW).state, NOW);
  const demoId = Object.keys(demo.interviews)[0]!;
  return {
    ...demo,
    manual: { one: typedIn },
    marks: { ...demo.marks, [demoId]: { callAttempts: [NOW] }, 'manual:one': { callAttempts: [NOW] } },
    notified: { [demoId]: 'start@1', 'manual:one': 'start@2' },
  };
}

function googleState(calendarIds = ['me@example.org', 'team@example.org']): StoredState {
  const google = makeInterview({ id: 'google:a' });
  return {
    ...loadState({}, NOW).state,
    source: { kind: 'google', calendarIds, selfEmail: calendarIds[0] },
    interviews: { [google.id]: google },
    googleCursor: { syncTokens: { 'team@example.org': 't' }, fullSyncAt: {}, items: { 'team@example.org': ['google:a'] }, vetoes: {} },
    calendarHealth: { 'team@example.org': { failures: 2, backoffUntil: NOW + 1000, error: { code: 'server', at: NOW } } },
    sync: { failures: 1, backoffUntil: NOW + 5000, error: { code: 'offline', at: NOW } },
  };
}

describe('source switching', () => {
  it('stopDemo: the demo goes with its marks and notifications; the typed-in interview stays', () => {
    const next = stopDemo(demoWithTypedIn());
    assert.deepEqual(next.source, { kind: 'none' });
    assert.deepEqual(next.interviews, {});
    assert.deepEqual(Object.keys(next.marks), ['manual:one']);
    assert.deepEqual(Object.keys(next.notified), ['manual:one']);
    assert.deepEqual(next.manual, { one: typedIn });
  });

  it('switchSource resets the old source entirely but keeps typed-in interviews and their marks', () => {
    const next = switchSource(googleState(), { kind: 'ical', url: 'https://example.org/a.ics' });
    assert.deepEqual(next.interviews, {});
    assert.deepEqual(next.busy, {});
    assert.deepEqual(next.calendarHealth, {});
    assert.deepEqual(next.sync, { failures: 0 });
    assert.deepEqual(next.googleCursor, { syncTokens: {}, fullSyncAt: {}, items: {}, vetoes: {} });
  });

  it('connectGoogleSource from the demo watches the primary calendar, named as listed', () => {
    const next = connectGoogleSource(demoWithTypedIn(), [{ id: 'other@example.org', summary: 'Other' }, { id: 'me@example.org', summary: 'Me', primary: true }]);
    assert.deepEqual(next.source, { kind: 'google', calendarIds: ['me@example.org'], selfEmail: 'me@example.org' });
    assert.equal(next.calendarHealth['me@example.org']?.name, 'Me');
    assert.deepEqual(Object.keys(next.marks), ['manual:one']);
  });

  it('connectGoogleSource again with the same account keeps the data and clears only the error', () => {
    const state = googleState();
    const next = connectGoogleSource(state, [{ id: 'me@example.org', summary: 'Me', primary: true }]);
    assert.equal(next.interviews, state.interviews);
    assert.equal(next.sync.error, undefined);
    assert.equal(next.sync.backoffUntil, undefined);
    assert.equal(next.sync.failures, 1);
  });

  it('connectGoogleSource refuses an account with no calendar', () => {
    assert.throws(() => connectGoogleSource(demoWithTypedIn(), []), { name: 'UserError', words: { key: 'errorNoGoogleCalendar' } });
  });

  it('connectIcalSource: a new address starts afresh, the same one only clears the error', () => {
    const url = 'https://example.org/secret.ics';
    const first = connectIcalSource(googleState(), url);
    assert.deepEqual(first.source, { kind: 'ical', url });
    assert.deepEqual(first.interviews, {});
    const failing = { ...first, interviews: { x: makeInterview({ id: 'x' }) }, sync: { failures: 3, error: { code: 'server' as const, at: NOW }, backoffUntil: NOW + 1 } };
    const again = connectIcalSource(failing, url);
    assert.equal(again.interviews, failing.interviews);
    assert.equal(again.sync.error, undefined);
    assert.equal(again.sync.backoffUntil, undefined);
  });

  it('switchToDemo starts the demo from now with its four interviews', () => {
    const next = switchToDemo(detectInterview, googleState(), NOW + 1000);
    assert.deepEqual(next.source, { kind: 'demo', anchor: NOW + 1000 });
    assert.equal(Object.keys(next.interviews).length, 4);
    assert.deepEqual(next.calendarHealth, {});
  });

  it('restartDemo forgets only the demo\'s own marks, and never replaces a real source', () => {
    const state = demoWithTypedIn();
    const next = restartDemo(detectInterview, state, NOW + 60_000);
    assert.ok(Object.keys(next.interviews).every((id) => id.endsWith(`-${NOW + 60_000}`)));
    assert.deepEqual(next.marks['manual:one'], { callAttempts: [NOW] });
    assert.equal(next.notified['manual:one'], 'start@2');
    const google = googleState();
    assert.equal(restartDemo(detectInterview, google, NOW), google);
  });
});

describe('watched Google calendars', () => {
  it('nameCalendars keeps cleaned names and returns the state itself when nothing changed', () => {
    const state = googleState();
    const named = nameCalendars(state, [{ id: 'team@example.org', summary: 'Team\u202E' }]);
    assert.equal(named.calendarHealth['team@example.org']?.name, 'Team');
    assert.equal(named.calendarHealth['team@example.org']?.failures, 2);
    assert.equal(nameCalendars(named, [{ id: 'team@example.org', summary: 'Team' }]), named);
  });

  it('chooseCalendars drops what a calendar no longer watched held, and keeps the health of those kept', () => {
    const next = chooseCalendars(googleState(), ['me@example.org', 'me@example.org', '']);
    assert.deepEqual(next.source, { kind: 'google', calendarIds: ['me@example.org'], selfEmail: 'me@example.org' });
    assert.equal(next.interviews['google:a'], undefined);
    assert.equal(next.calendarHealth['team@example.org'], undefined);
    assert.throws(() => chooseCalendars(googleState(), []), { name: 'UserError', words: { key: 'googleCalendarsNone' } });
  });

  it('unwatchCalendar refuses to drop the last calendar with a locale key', () => {
    assert.throws(() => unwatchCalendar(googleState(['me@example.org']), 'me@example.org'), { name: 'UserError', words: { key: 'errorLastCalendar' } });
    const state = googleState();
    assert.equal(unwatchCalendar(state, 'unknown'), state);
    assert.deepEqual(unwatchCalendar(state, 'team@example.org').source, { kind: 'google', calendarIds: ['me@example.org'], selfEmail: 'me@example.org' });
  });

  it('retryWatchedCalendar lifts the calendar\'s own backoff', () => {
    const next = retryWatchedCalendar(googleState(), 'team@example.org');
    assert.equal(next.calendarHealth['team@example.org']?.backoffUntil, undefined);
    const state = googleState();
    assert.equal(retryWatchedCalendar(state, 'unknown'), state);
  });
});

describe('syncAnswerIsStale', () => {
  it('holds when the rules, the profile or the source changed while the requests ran', () => {
    const state = googleState();
    assert.equal(syncAnswerIsStale(state, structuredClone(state)), false);
    assert.equal(syncAnswerIsStale({ ...state, settings: { ...state.settings, rules: { ...state.settings.rules, keywords: ['x'] } } }, state), true);
    assert.equal(syncAnswerIsStale({ ...state, settings: { ...state.settings, profile: { ...state.settings.profile, email: 'new@example.org' } } }, state), true);
    assert.equal(syncAnswerIsStale(chooseCalendars(state, ['me@example.org']), state), true);
    // The marks are the user's, not the sync's: a mark meanwhile does not make the answer stale.
    assert.equal(syncAnswerIsStale({ ...state, marks: { x: { callAttempts: [NOW] } } }, state), false);
  });
});
