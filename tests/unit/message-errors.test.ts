import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeError } from '../../src/background/message-errors.ts';
import { UserError, type MessageKey } from '../../src/core/message-key.ts';
import { SyncError } from '../../src/calendar/source-types.ts';
import { errorText } from '../../src/ui/error-text.ts';

const italian = JSON.parse(readFileSync(new URL('../../src/_locales/it/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
/** Enough of a translator for messages without placeholders, plus a marker for substitutions. */
const t = (key: MessageKey, substitutions: ReadonlyArray<string | number> = []) =>
  [italian[key]?.message ?? `MISSING ${key}`, ...substitutions.map(String)].join(' | ');

describe('errors a message handler throws', () => {
  it('answers a UserError with its key and substitutions', () => {
    assert.deepEqual(describeError(new UserError('errorInterviewGone')), { key: 'errorInterviewGone' });
    assert.deepEqual(describeError(new UserError('errorRange', [1, 59])), { key: 'errorRange', substitutions: [1, 59] });
  });

  it('words a failed Google request by its code, never by its English message', () => {
    assert.deepEqual(describeError(new SyncError('auth', 'No Google sign-in: Sign-in was cancelled.')), { key: 'errorGoogleSignIn' });
    assert.deepEqual(describeError(new SyncError('offline', 'Could not reach Google Calendar: Failed to fetch')), { key: 'errorGoogleOffline' });
    assert.deepEqual(describeError(new SyncError('rate-limited', 'slow down')), { key: 'errorGoogleBusy' });
    assert.deepEqual(describeError(new SyncError('forbidden', 'refused')), { key: 'errorGoogleRefused' });
    assert.deepEqual(describeError(new SyncError('server', 'Google Calendar had a problem (HTTP 503).')), { key: 'errorGoogleTrouble' });
  });

  it('knows a SyncError thrown by the worker\'s other script, whose class is another copy', (test) => {
    // on-demand.js bundles its own SyncError: the same name and fields, not the same class.
    class OtherCopy extends Error {
      readonly code = 'offline';
      constructor(message: string) {
        super(message);
        this.name = 'SyncError';
      }
    }
    assert.equal(new OtherCopy('x') instanceof SyncError, false);
    assert.deepEqual(describeError(new OtherCopy('Could not reach Google Calendar: Failed to fetch')), { key: 'errorGoogleOffline' });
    // Only an Error with that name and a code: nothing else passes for one.
    test.mock.method(console, 'error', () => undefined);
    assert.deepEqual(describeError({ name: 'SyncError', code: 'offline' }), { key: 'errorUnexpected' });
    assert.deepEqual(describeError(Object.assign(new Error('x'), { name: 'SyncError' })), { key: 'errorUnexpected' });
  });

  it('tells a full storage quota apart', () => {
    assert.deepEqual(describeError(new Error('QUOTA_BYTES quota exceeded')), { key: 'errorStorageFull' });
  });

  it('answers anything else as "that did not work" and logs the detail in the worker only', (test) => {
    const logged = test.mock.method(console, 'error', () => undefined);
    const bug = new TypeError("Cannot read properties of undefined (reading 'start')");
    const answer = describeError(bug);
    assert.deepEqual(answer, { key: 'errorUnexpected' });
    assert.ok(!JSON.stringify(answer).includes('Cannot read'), 'no English detail crosses to the page');
    assert.equal(logged.mock.callCount(), 1);
    assert.equal(logged.mock.calls[0]?.arguments[0], bug);
    assert.deepEqual(describeError('a string thrown'), { key: 'errorUnexpected' });
  });
});

describe('errorText', () => {
  it("words the worker's answer in the user's language", () => {
    assert.equal(errorText(t, { key: 'errorInterviewGone' }), 'Questo colloquio non è più nel tuo calendario.');
    assert.equal(errorText(t, describeError(new SyncError('forbidden', 'Google Calendar refused access (forbidden).'))), "Google ha negato l'accesso ai calendari.");
  });

  it('passes the substitutions on', () => {
    assert.equal(errorText(t, { key: 'errorRange', substitutions: [0, 120] }), `${italian.errorRange?.message} | 0 | 120`);
  });
});
