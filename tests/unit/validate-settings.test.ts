import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Settings } from '../../src/core/settings.ts';
import { validateSettings } from '../../src/core/validate-settings.ts';
import { settingsWith } from './fixtures.ts';

const withProfile = (profile: Partial<Settings['profile']>, settings: Settings = settingsWith()): Settings =>
  ({ ...settings, profile: { ...settings.profile, ...profile } });

describe('validateSettings', () => {
  it('accepts the defaults', () => {
    assert.deepEqual(validateSettings(settingsWith()), {});
  });

  it('accepts a complete, valid profile', () => {
    const settings = { ...withProfile({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '+39 (055) 123-4567' }), composeAccount: 'ada.work@example.co.uk' };
    assert.deepEqual(validateSettings(settings), {});
  });

  it('rejects an email address that is not one plain address', () => {
    for (const email of ['ada', 'ada@', '@example.com', 'ada@example', 'ada@@example.com', 'ada@example.com, eve@example.com', 'Ada <ada@example.com>', 'ada @example.com']) {
      assert.deepEqual(validateSettings(withProfile({ email })), { 'profile.email': { key: 'errorEmail' } }, email);
    }
  });

  it('rejects a compose account that is not an address', () => {
    assert.deepEqual(validateSettings({ ...settingsWith(), composeAccount: 'ada at gmail' }), { composeAccount: { key: 'errorEmail' } });
  });

  it('ignores the compose account when drafts do not open in Gmail (the field is hidden then)', () => {
    assert.deepEqual(validateSettings({ ...settingsWith(), mailProvider: 'outlook', composeAccount: 'ada at gmail' }), {});
    assert.deepEqual(validateSettings({ ...settingsWith(), mailProvider: 'mailto', composeAccount: 'ada at gmail' }), {});
  });

  it('refuses an empty tag list and an empty keyword list, each on its own', () => {
    const base = settingsWith();
    assert.deepEqual(validateSettings({ ...base, rules: { ...base.rules, tags: [] } }), { 'rules.tags': { key: 'errorTagsEmpty' } });
    assert.deepEqual(validateSettings({ ...base, rules: { ...base.rules, keywords: [] } }), { 'rules.keywords': { key: 'errorKeywordsEmpty' } });
  });

  it('refuses a custom template whose text (or, except for the voicemail, subject) is blank', () => {
    const base = settingsWith();
    const withTemplates = (templates: unknown): Settings => ({ ...base, templates: templates as Settings['templates'] });
    assert.deepEqual(validateSettings(withTemplates({ en: { 'follow-up': { subject: 'Hello', body: ' \n ' } } })), { 'templates.en.follow-up': { key: 'errorTemplateEmpty' } });
    assert.deepEqual(validateSettings(withTemplates({ it: { 'thank-you': { subject: '', body: 'Grazie' } } })), { 'templates.it.thank-you': { key: 'errorTemplateEmpty' } });
    assert.deepEqual(validateSettings(withTemplates({ en: { voicemail: { subject: '', body: 'Hi, this is Ada.' } } })), {});
    assert.deepEqual(validateSettings(withTemplates({ en: { 'follow-up': { subject: 'Hello', body: 'Any news?' } } })), {});
  });

  it('accepts phone numbers of 7 to 15 digits with the usual separators', () => {
    for (const phone of ['1234567', '+123456789012345', '055 123.45-67', '(055) 1234567']) {
      assert.deepEqual(validateSettings(withProfile({ phone })), {}, phone);
    }
  });

  it('rejects a phone number that is too short, too long or holds letters', () => {
    for (const phone of ['123456', '+1234567890123456', '055 CALL ME', '055/1234567', '123+4567890', 'tel:0551234567']) {
      assert.deepEqual(validateSettings(withProfile({ phone })), { 'profile.phone': { key: 'errorPhone' } }, phone);
    }
  });

  it('flags a maximum wait of 45 minutes as out of range instead of saving it', () => {
    assert.deepEqual(validateSettings(settingsWith({ maxWait: 45 })), { 'timing.maxWait': { key: 'errorRange', substitutions: [15, 30] } });
  });

  it('flags a minimum wait under 15 minutes', () => {
    assert.deepEqual(validateSettings(settingsWith({ minWait: 10 })), { 'timing.minWait': { key: 'errorRange', substitutions: [15, 30] } });
  });

  it('accepts the edges of every range', () => {
    assert.deepEqual(validateSettings(settingsWith({ confirmLead: 60, getReadyLead: 59, noCallAfter: 14, minWait: 30, maxWait: 30, thankYouDelay: 1440 })), {});
    assert.deepEqual(validateSettings(settingsWith({ confirmLead: 120, getReadyLead: 1, noCallAfter: 1, minWait: 15, maxWait: 15, thankYouDelay: 0 })), {});
  });

  it('flags each timing just outside its range with the range to show', () => {
    const errors = validateSettings(settingsWith({ confirmLead: 59, getReadyLead: 60, noCallAfter: 15, minWait: 31, maxWait: 14, thankYouDelay: 1441 }));
    assert.deepEqual(errors, {
      'timing.confirmLead': { key: 'errorRange', substitutions: [60, 120] },
      'timing.getReadyLead': { key: 'errorRange', substitutions: [1, 59] },
      'timing.noCallAfter': { key: 'errorRange', substitutions: [1, 14] },
      'timing.minWait': { key: 'errorRange', substitutions: [15, 30] },
      'timing.maxWait': { key: 'errorRange', substitutions: [15, 30] },
      'timing.thankYouDelay': { key: 'errorRange', substitutions: [0, 1440] },
    });
  });

  it('flags timings that are NaN, negative or fractional', () => {
    const errors = validateSettings(settingsWith({ confirmLead: Number.NaN, thankYouDelay: -5, minWait: 15.5 }));
    assert.deepEqual(Object.keys(errors).sort(), ['timing.confirmLead', 'timing.minWait', 'timing.thankYouDelay']);
  });

  it('asks for a maximum wait no shorter than the minimum wait', () => {
    assert.deepEqual(validateSettings(settingsWith({ minWait: 25, maxWait: 20 })), { 'timing.maxWait': { key: 'errorMinMax' } });
  });

  it('accepts a maximum wait equal to the minimum wait', () => {
    assert.deepEqual(validateSettings(settingsWith({ minWait: 20, maxWait: 20 })), {});
  });

  it('reports the range problem, not the order problem, when a wait is itself out of range', () => {
    assert.deepEqual(validateSettings(settingsWith({ minWait: 40, maxWait: 20 })), { 'timing.minWait': { key: 'errorRange', substitutions: [15, 30] } });
  });

  it('reports every problem at once', () => {
    const settings = { ...withProfile({ email: 'nope', phone: '12' }, settingsWith({ maxWait: 45 })), composeAccount: 'also nope' };
    assert.deepEqual(Object.keys(validateSettings(settings)).sort(), ['composeAccount', 'profile.email', 'profile.phone', 'timing.maxWait']);
  });
});

describe('validateSettings: when you can talk', () => {
  it('accepts the default working hours and buffer', () => {
    assert.deepEqual(validateSettings(settingsWith()), {});
  });

  it('rejects an end before the start, no days, and a buffer out of range', () => {
    const settings = settingsWith();
    settings.workingHours = { days: [], start: '18:00', end: '09:00' };
    settings.slotBuffer = 500;
    const errors = validateSettings(settings);
    assert.equal(errors['workingHours.end']?.key, 'errorHours');
    assert.equal(errors['workingHours.days']?.key, 'errorDays');
    assert.deepEqual(errors.slotBuffer, { key: 'errorRange', substitutions: [0, 120] });
  });
});
