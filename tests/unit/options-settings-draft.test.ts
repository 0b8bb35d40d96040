import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings } from '../../src/core/settings.ts';
import { withTemplate } from '../../src/core/custom-templates.ts';
import { defaultTemplates } from '../../src/core/render-template.ts';
import { mergeOverrides, parseLines, sameSettings } from '../../src/options/settings-draft.ts';

const copy = () => structuredClone(defaultSettings);

describe('parseLines', () => {
  it('keeps one trimmed entry per non-empty line, first occurrence only', () => {
    assert.deepEqual(parseLines('  interview \r\n\n#colloquio\ninterview\n   \nphone screen'), ['interview', '#colloquio', 'phone screen']);
    assert.deepEqual(parseLines(''), []);
  });
});

describe('sameSettings (unsaved changes)', () => {
  it('ignores the order in which keys were set', () => {
    const a = copy();
    const b = { ...copy(), profile: { email: '', phone: '', name: '' } };
    assert.ok(sameSettings(a, b));
  });

  it('sees an edited field, and an emptied number field', () => {
    assert.ok(!sameSettings(copy(), { ...copy(), profile: { ...copy().profile, name: 'Ada' } }));
    assert.ok(!sameSettings(copy(), { ...copy(), slotBuffer: Number.NaN }));
  });

  it('treats a template reset to the default as no change', () => {
    const edited = withTemplate({}, 'en', 'follow-up', { subject: 'Mine', body: 'Mine' }, defaultTemplates);
    const reset = withTemplate(edited, 'en', 'follow-up', undefined, defaultTemplates);
    assert.ok(sameSettings(copy(), { ...copy(), templates: reset }));
    assert.ok(sameSettings(copy(), { ...copy(), templates: withTemplate({}, 'it', 'apology', defaultTemplates.it.apology, defaultTemplates) }));
    assert.ok(!sameSettings(copy(), { ...copy(), templates: edited }));
  });
});

describe('mergeOverrides', () => {
  it('removes what the page undid and keeps what the popup added meanwhile', () => {
    const baseline = { a: 'not-interview', b: 'interview' } as const;
    const draft = { b: 'interview' } as const; // "a" undone on the page
    const latest = { a: 'not-interview', b: 'interview', c: 'not-interview' } as const; // "c" added from the popup
    assert.deepEqual(mergeOverrides(latest, baseline, draft), { b: 'interview', c: 'not-interview' });
  });

  it('applies a choice the page changed', () => {
    assert.deepEqual(mergeOverrides({ a: 'interview' }, { a: 'interview' }, { a: 'not-interview' }), { a: 'not-interview' });
  });
});
