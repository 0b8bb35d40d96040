import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings } from '../../src/core/settings.ts';
import { withTemplate } from '../../src/core/custom-templates.ts';
import { defaultTemplates } from '../../src/core/render-template.ts';
import { mergeOverrides, parseLines, sameSettings, settingName } from '../../src/options/settings-draft.ts';

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

describe('settingName', () => {
  // A translator that shows which key and substitutions were asked for.
  const t = (key: string, subs: ReadonlyArray<string | number> = []) => (subs.length > 0 ? `${key}(${subs.join('|')})` : key);

  it('names a field by its label, a template by its kind and language, anything else by its section', () => {
    assert.equal(settingName('profile.email', t), 'optionsEmail');
    assert.equal(settingName('timing.confirmLead', t), 'optionsConfirmLead');
    assert.equal(settingName('rules.tags', t), 'rulesTags');
    assert.equal(settingName('templates.it.follow-up.body', t), 'settingTemplateName(template_follow_up|Italiano)');
    assert.equal(settingName('templates.en.thank-you', t), 'settingTemplateName(template_thank_you|English)');
    assert.equal(settingName('workingHours.days.3', t), 'optionsWorkDays');
    assert.equal(settingName('rules.overrides.abc', t), 'rulesOverrides');
    assert.equal(settingName('profile', t), 'optionsProfile');
    assert.equal(settingName('somethingNew.deep', t), 'settingOther');
  });

  it('never returns the path itself for any key validateSettings or the importer can report', () => {
    for (const path of ['profile.phone', 'composeAccount', 'timing.maxWait', 'workingHours.end', 'slotBuffer', 'rules.keywords', 'language', 'mailProvider', 'templates.en.apology.subject']) {
      const name = settingName(path, t);
      assert.ok(!name.includes(path) && name !== 'settingOther', `${path} → ${name}`);
    }
  });
});
