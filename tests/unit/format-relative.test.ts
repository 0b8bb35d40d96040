import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeI18n } from '../../src/ui/i18n.ts';
import { formatRelative } from '../../src/ui/format.ts';
import { waitState } from '../../src/core/outcome.ts';
import { emptyMarks } from '../../src/core/marks.ts';
import { settingsWith } from './fixtures.ts';
import type { Interview } from '../../src/core/types.ts';

const NOW = Date.UTC(2026, 10, 27, 15, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const en = makeI18n('en', (key) => key);
const it_ = makeI18n('it', (key) => key);

describe('formatRelative: one minute rule with the timer and the notifications', () => {
  it('counts minutes gone whole: 16:45 after the start is "16 minutes ago", as the wait state says 16', () => {
    const start = NOW - (16 * MINUTE + 45 * SECOND);
    assert.equal(formatRelative(en, start, NOW), '16 minutes ago');
    assert.equal(formatRelative(it_, start, NOW), '16 minuti fa');
    const interview = { id: 'x', start, end: start + 30 * MINUTE } as unknown as Interview;
    assert.equal(waitState(interview, emptyMarks(), NOW, settingsWith()).minutesWaited, 16);
  });

  it('rounds minutes to go up: 3:20 before the start is "in 4 minutes", as "starts in 4 minutes"', () => {
    assert.equal(formatRelative(en, NOW + 3 * MINUTE + 20 * SECOND, NOW), 'in 4 minutes');
    assert.equal(formatRelative(it_, NOW + 3 * MINUTE + 20 * SECOND, NOW), 'tra 4 minuti');
    assert.equal(formatRelative(en, NOW + 4 * MINUTE, NOW), 'in 4 minutes');
  });

  it('leaves under a minute and beyond 45 minutes to date-fns, in the UI\'s language', () => {
    assert.equal(formatRelative(en, NOW - 20 * SECOND, NOW), 'less than a minute ago');
    assert.equal(formatRelative(it_, NOW + 20 * SECOND, NOW), 'tra meno di un minuto');
    assert.equal(formatRelative(en, NOW + 3 * 60 * MINUTE, NOW), 'in about 3 hours');
    assert.equal(formatRelative(it_, NOW + 3 * 60 * MINUTE, NOW), 'tra circa 3 ore');
    assert.equal(formatRelative(en, NOW + 2 * 24 * 60 * MINUTE, NOW), 'in 2 days');
    assert.equal(formatRelative(it_, NOW - 2 * 24 * 60 * MINUTE, NOW), '2 giorni fa');
  });
});
