import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../src/core/detect-language.ts';
import { detectInterview } from '../../src/core/detect-interview.ts';
import { defaultRules } from '../../src/core/default-rules.ts';

describe('detectLanguage', () => {
  it('reads an Italian title, even with an English job title in it', () => {
    assert.equal(detectLanguage('Colloquio Acme', ''), 'it');
    assert.equal(detectLanguage('Colloquio conoscitivo - Backend Engineer', undefined), 'it');
    assert.equal(detectLanguage('Primo colloquio tecnico con Acme', ''), 'it');
  });

  it('reads an English title', () => {
    assert.equal(detectLanguage('Interview with Acme', ''), 'en');
    assert.equal(detectLanguage('Phone screen - Backend Engineer', ''), 'en');
  });

  it('lets an Italian description decide when the title says nothing', () => {
    assert.equal(detectLanguage('Acme / Mario', 'Gentile candidato,\nLa aspettiamo per il colloquio telefonico. Cordiali saluti'), 'it');
    assert.equal(detectLanguage('Acme / Mario', 'Hi, looking forward to our chat. The recruiter will call you.'), 'en');
  });

  it('ignores the boilerplate video tools add in their own language', () => {
    const zoom = 'Acme is inviting you to a scheduled Zoom meeting.\nJoin Zoom Meeting\nhttps://zoom.us/j/123\nMeeting ID: 123 456\nPasscode: 999\nOne tap mobile';
    assert.equal(detectLanguage('Colloquio Acme', zoom), 'it');
    const teams = 'Microsoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting';
    assert.equal(detectLanguage('Colloquio', teams), 'it');
  });

  it('says nothing when the words do not tell, or are not text', () => {
    assert.equal(detectLanguage('Acme', ''), undefined);
    assert.equal(detectLanguage('Call con Marco', ''), undefined);
    assert.equal(detectLanguage(42, { toString: () => 'colloquio' }), undefined);
    assert.equal(detectLanguage('', ''), undefined);
  });

  it('is stored on the detected interview', () => {
    const event = (summary: string) => ({
      id: 'e1',
      summary,
      start: { dateTime: '2026-11-26T15:30:00+01:00', timeZone: 'Europe/Rome' },
      end: { dateTime: '2026-11-26T16:00:00+01:00' },
    });
    const it = detectInterview(event('Colloquio Acme'), defaultRules, { source: 'google' });
    assert.ok(it.isInterview);
    assert.equal(it.interview.language, 'it');
    const en = detectInterview(event('Interview with Acme'), defaultRules, { source: 'google' });
    assert.ok(en.isInterview);
    assert.equal(en.interview.language, 'en');
  });
});
