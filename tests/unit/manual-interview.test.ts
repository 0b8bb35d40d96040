import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ManualEntry } from '../../src/core/manual-interview.ts';
import { manualToInterview, validateManualEntry } from '../../src/core/manual-interview.ts';

const NOW = Date.UTC(2026, 10, 26, 10, 0);

function entry(overrides: Partial<ManualEntry> = {}): ManualEntry {
  return {
    id: 'm1',
    company: 'Acme',
    role: 'Backend Engineer',
    date: '2026-11-27',
    time: '15:30',
    timeZone: 'Europe/Rome',
    durationMinutes: 45,
    interviewerName: 'Giulia Rossi',
    interviewerEmail: 'giulia.rossi@example.com',
    phone: '+39 02 1234 5678',
    ...overrides,
  };
}

describe('validateManualEntry', () => {
  it('accepts a complete entry', () => {
    assert.deepEqual(validateManualEntry(entry(), NOW), {});
  });

  it('asks for a company or a role', () => {
    assert.equal(validateManualEntry(entry({ company: ' ', role: '' }), NOW).company?.key, 'manualErrorWhat');
    assert.deepEqual(validateManualEntry(entry({ company: '' }), NOW), {});
  });

  it('rejects dates that do not exist and malformed times', () => {
    assert.equal(validateManualEntry(entry({ date: '2026-02-31' }), NOW).date?.key, 'manualErrorDate');
    assert.equal(validateManualEntry(entry({ date: '27/11/2026' }), NOW).date?.key, 'manualErrorDate');
    assert.equal(validateManualEntry(entry({ time: '25:00' }), NOW).date?.key, 'manualErrorDate');
    assert.equal(validateManualEntry(entry({ time: '3pm' }), NOW).time?.key, 'manualErrorTime');
  });

  it('rejects an interview more than a day in the past', () => {
    assert.equal(validateManualEntry(entry({ date: '2026-11-24' }), NOW).date?.key, 'manualErrorPast');
    assert.deepEqual(validateManualEntry(entry({ date: '2026-11-26', time: '09:00' }), NOW), {});
  });

  it('rejects an unknown time zone, a bad duration, address or phone', () => {
    const errors = validateManualEntry(entry({ timeZone: 'Mars/Base', durationMinutes: 0, interviewerEmail: 'a@b.com, c@d.com', phone: '12' }), NOW);
    assert.equal(errors.timeZone?.key, 'manualErrorZone');
    assert.deepEqual(errors.durationMinutes, { key: 'errorRange', substitutions: [5, 480] });
    assert.equal(errors.interviewerEmail?.key, 'errorEmail');
    assert.equal(errors.phone?.key, 'errorPhone');
  });
});

describe('manualToInterview', () => {
  it('turns the entry into an interview in its own time zone', () => {
    const interview = manualToInterview(entry());
    assert.ok(interview);
    assert.equal(interview.id, 'manual:m1');
    assert.equal(interview.source, 'manual');
    assert.equal(new Date(interview.start).toISOString(), '2026-11-27T14:30:00.000Z');
    assert.equal(interview.end - interview.start, 45 * 60_000);
    assert.equal(interview.title, 'Backend Engineer — Acme');
    assert.deepEqual(interview.interviewer, { name: 'Giulia Rossi', email: 'giulia.rossi@example.com' });
    assert.equal(interview.phones[0]?.dial, '+390212345678');
    assert.equal(interview.phones[0]?.origin, 'manual');
    assert.deepEqual(interview.detectedBy, { rule: 'manual' });
  });

  it('cleans what was typed and leaves out what is not valid', () => {
    const interview = manualToInterview(entry({ company: 'Acme\u202E\u0000 Corp', role: '', interviewerEmail: 'nope', interviewerName: '  ', phone: '' }));
    assert.ok(interview);
    assert.equal(interview.title, 'Acme Corp');
    assert.equal(interview.interviewer.email, undefined);
    assert.equal(interview.interviewer.name, undefined);
    assert.deepEqual(interview.phones, []);
  });

  it('gives nothing for an entry with no valid start', () => {
    assert.equal(manualToInterview(entry({ date: 'soon' })), undefined);
  });
});

describe('manualToInterview: the phone number as typed', () => {
  it('keeps every digit of a number typed with odd spacing or a local short form', () => {
    assert.equal(manualToInterview(entry({ phone: '+39 02  12345678' }))?.phones[0]?.dial, '+390212345678');
    assert.equal(manualToInterview(entry({ phone: '555-0100' }))?.phones[0]?.dial, '5550100');
    assert.equal(manualToInterview(entry({ phone: '555-0100' }))?.phones[0]?.display, '555-0100');
  });
});
