import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings } from '../../src/core/settings.ts';
import { exportSettings, importSettings, MAX_SETTINGS_FILE_BYTES } from '../../src/core/settings-file.ts';
import { KEYWORDS_ADDED_IN_6 } from '../../src/core/stored-state.ts';

const NOW = Date.UTC(2026, 10, 26, 10, 0);

function customSettings() {
  const settings = structuredClone(defaultSettings);
  settings.profile = { name: 'Giulia Bianchi', phone: '+39 347 123 4567', email: 'giulia@example.com' };
  settings.language = 'it';
  settings.timing.maxWait = 25;
  settings.workingHours = { days: [1, 2, 3], start: '10:00', end: '16:00' };
  settings.templates = { it: { 'thank-you': { subject: 'Grazie', body: 'Gentile {interviewerName},\ngrazie.' } } };
  return settings;
}

describe('exportSettings / importSettings', () => {
  it('round-trips settings and templates exactly', () => {
    const settings = customSettings();
    const result = importSettings(exportSettings(settings, NOW));
    assert.ok(result.ok);
    assert.deepEqual(result.settings, settings);
  });

  it('rejects text that is not JSON', () => {
    assert.deepEqual(importSettings('{ nope'), { ok: false, error: { key: 'importErrorJson' } });
  });

  it('rejects JSON that is not one of our files', () => {
    assert.deepEqual(importSettings('{"settings": {}}'), { ok: false, error: { key: 'importErrorNotOurs' } });
    assert.deepEqual(importSettings('[1,2]'), { ok: false, error: { key: 'importErrorNotOurs' } });
    assert.deepEqual(importSettings('{"app":"interview-standby","settings":"x"}'), { ok: false, error: { key: 'importErrorNotOurs' } });
  });

  it('names the fields of the wrong type instead of quietly replacing them', () => {
    const file = JSON.stringify({ app: 'interview-standby', settings: { language: 'fr', timing: { maxWait: 'long' }, profile: { name: 7 } } });
    const result = importSettings(file);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.error.key, 'importErrorFields');
    assert.deepEqual(result.paths?.sort(), ['language', 'profile.name', 'timing.maxWait']);
  });

  it('names values outside their ranges', () => {
    const file = JSON.stringify({ app: 'interview-standby', settings: { timing: { minWait: 5 }, profile: { email: 'a@b.com, c@d.com' } } });
    const result = importSettings(file);
    assert.ok(!result.ok);
    assert.deepEqual(result.paths?.sort(), ['profile.email', 'timing.minWait']);
  });

  it('accepts a partial file, keeping defaults for what it does not say', () => {
    const result = importSettings(JSON.stringify({ app: 'interview-standby', settings: { profile: { name: 'Alex' } } }));
    assert.ok(result.ok);
    assert.equal(result.settings.profile.name, 'Alex');
    assert.equal(result.settings.timing.maxWait, defaultSettings.timing.maxWait);
  });

  it('brings the keywords of a file saved before the newer defaults up to date, after the user\'s own, as stored settings were', () => {
    const settings = customSettings();
    settings.rules.keywords = ['interview', 'chiacchierata tecnica'];
    const old = importSettings(JSON.stringify({ app: 'interview-standby', fileVersion: 1, settings }));
    assert.ok(old.ok);
    assert.deepEqual(old.settings.rules.keywords, ['interview', 'chiacchierata tecnica', ...KEYWORDS_ADDED_IN_6]);
    // A version-1 list that holds most of them was saved after they were offered: the rest were deleted.
    const after = [...KEYWORDS_ADDED_IN_6.slice(0, 6), 'interview'];
    settings.rules.keywords = after;
    const kept = importSettings(JSON.stringify({ app: 'interview-standby', fileVersion: 1, settings }));
    assert.ok(kept.ok);
    assert.deepEqual(kept.settings.rules.keywords, after);
  });

  it('keeps the keyword list of a file written since as saved, and writes that version', () => {
    const settings = customSettings();
    settings.rules.keywords = ['interview'];
    const text = exportSettings(settings, NOW);
    assert.equal(JSON.parse(text).fileVersion, 2);
    const result = importSettings(text);
    assert.ok(result.ok);
    assert.deepEqual(result.settings.rules.keywords, ['interview']);
  });

  it('refuses a file too large to be a settings file', () => {
    const huge = `{"app":"interview-standby","settings":{"profile":{"name":"${'x'.repeat(MAX_SETTINGS_FILE_BYTES)}"}}}`;
    assert.deepEqual(importSettings(huge), { ok: false, error: { key: 'importErrorTooLarge' } });
  });
});
