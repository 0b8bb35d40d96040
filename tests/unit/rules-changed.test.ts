import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rulesChanged } from '../../src/core/rules-changed.ts';
import { defaultRules } from '../../src/core/default-rules.ts';
import type { DetectionRules } from '../../src/core/types.ts';

const rules = (change: Partial<DetectionRules> = {}): DetectionRules => ({ ...structuredClone(defaultRules), ...change });

describe('rulesChanged', () => {
  it('is false for a copy of the same rules, overrides listed in another order included', () => {
    assert.equal(rulesChanged(rules(), rules()), false);
    const before = rules({ overrides: { a: 'interview', b: 'not-interview' } });
    const after = rules({ overrides: { b: 'not-interview', a: 'interview' } });
    assert.equal(rulesChanged(before, after), false);
  });

  it('is true for a keyword, tag, calendar or colour more or less, or in another order', () => {
    assert.equal(rulesChanged(rules(), rules({ keywords: [...defaultRules.keywords, 'chat'] })), true);
    assert.equal(rulesChanged(rules(), rules({ tags: [] })), true);
    assert.equal(rulesChanged(rules(), rules({ calendars: ['team@example.org'] })), true);
    assert.equal(rulesChanged(rules({ colors: ['1', '2'] }), rules({ colors: ['2', '1'] })), true);
  });

  it('is true for an override added, removed or turned around', () => {
    const one = rules({ overrides: { a: 'interview' } });
    assert.equal(rulesChanged(one, rules({ overrides: {} })), true);
    assert.equal(rulesChanged(one, rules({ overrides: { a: 'interview', b: 'interview' } })), true);
    assert.equal(rulesChanged(one, rules({ overrides: { a: 'not-interview' } })), true);
  });
});
