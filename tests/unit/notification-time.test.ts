import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { atClockTime } from '../../src/core/notification-plan.ts';

const italian = (utcHour: number, minute: number) =>
  atClockTime(new Intl.DateTimeFormat('it-IT', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Rome' }).format(Date.UTC(2026, 10, 19, utcHour, minute)), 'it');

describe('the start time in a notification ("Colloquio Acme all\'1:30.")', () => {
  it('elides the Italian article before one o\'clock and writes the hour after midnight as 00', () => {
    assert.equal(italian(14, 30), 'alle 15:30');
    assert.equal(italian(0, 30), "all'1:30");
    assert.equal(italian(0, 0), "all'una");
    assert.equal(italian(12, 5), 'alle 13:05');
    assert.equal(italian(23, 5), 'alle 00:05');
  });

  it('says "at" in English, and the messages put no preposition of their own before the time', () => {
    assert.equal(atClockTime('3:30 PM', 'en'), 'at 3:30 PM');
    for (const locale of ['en', 'it']) {
      const messages = JSON.parse(readFileSync(new URL(`../../src/_locales/${locale}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>;
      for (const key of ['notifConfirmMessage', 'notifGetReadyMessage']) {
        assert.match(messages[key]!.message, /^\$P1\$ \$P2\$\. /, `${locale} ${key}`);
      }
    }
  });
});
