import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorText } from '../../src/ui/error-text.ts';

const messages: Record<string, string> = { errorInterviewGone: 'Questo colloquio non è più nel tuo calendario.' };
const t = (key: string, substitutions: ReadonlyArray<string | number> = []) =>
  key === 'actionFailed' ? `Non riuscito: ${String(substitutions[0])}` : messages[key] ?? key;

describe('errorText', () => {
  it('words an error the worker sent as a message key in the user\'s language', () => {
    assert.equal(errorText(t, 'errorInterviewGone'), 'Questo colloquio non è più nel tuo calendario.');
  });

  it('wraps any other error in the generic sentence, never showing a bare key', () => {
    assert.equal(errorText(t, 'Failed to fetch'), 'Non riuscito: Failed to fetch');
    assert.equal(errorText(t, 'unknownKey'), 'Non riuscito: unknownKey');
  });
});
