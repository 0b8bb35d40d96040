import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkingHours, proposeSlots, type SlotOptions } from '../../src/core/propose-slots.ts';
import { renderTemplate } from '../../src/core/render-template.ts';

const ROME = 'Europe/Rome';
const NEW_YORK = 'America/New_York';

function options(overrides: Partial<SlotOptions> = {}): SlotOptions {
  return { durationMinutes: 60, bufferMinutes: 30, count: 3, workingHours: defaultWorkingHours, timeZone: ROME, ...overrides };
}

/** The bulleted lines of a rendered body. */
function bullets(body: string): string[] {
  return body.split('\n').filter((line) => line.startsWith('• '));
}

describe('proposed slots in the drafts', () => {
  // Friday 27 November 2026, 16:00 in Rome, 10:00 in New York (15:00 UTC).
  const now = Date.UTC(2026, 10, 27, 15, 0);

  it('lists the proposed slots on the Rome clock in English and Italian', () => {
    const slots = proposeSlots([], now, options());
    const context = { slots, timeZone: ROME, now };
    assert.deepEqual(bullets(renderTemplate('reschedule', context, 'en').body), [
      '• Monday 30 November, 9:00–10:00 AM',
      '• Monday 30 November, 10:30–11:30 AM',
      '• Tuesday 1 December, 9:00–10:00 AM',
    ]);
    assert.deepEqual(bullets(renderTemplate('reschedule', context, 'it').body), [
      '• lunedì 30 novembre, 9:00–10:00',
      '• lunedì 30 novembre, 10:30–11:30',
      '• martedì 1 dicembre, 9:00–10:00',
    ]);
  });

  it('writes a New York user’s slots on the Rome interviewer’s clock first, with New York’s beside', () => {
    const slots = proposeSlots([], now, options({ timeZone: NEW_YORK, durationMinutes: 30 }));
    const context = { slots, timeZone: NEW_YORK, eventTimeZone: ROME, now };
    const en = renderTemplate('reschedule', context, 'en').body;
    // Rome is six hours ahead of New York in late November.
    assert.deepEqual(bullets(en), [
      '• Friday 27 November, 6:00–6:30 PM Rome time (12:00–12:30 PM in New York)',
      '• Friday 27 November, 7:00–7:30 PM Rome time (1:00–1:30 PM in New York)',
      '• Monday 30 November, 3:00–3:30 PM Rome time (9:00–9:30 AM in New York)',
    ]);
    assert.doesNotMatch(en, /All times are/);
    const it = renderTemplate('reschedule', context, 'it').body;
    assert.deepEqual(bullets(it), [
      '• venerdì 27 novembre, 18:00–18:30 ora di Roma (12:00–12:30 a New York)',
      '• venerdì 27 novembre, 19:00–19:30 ora di Roma (13:00–13:30 a New York)',
      '• lunedì 30 novembre, 15:00–15:30 ora di Roma (9:00–9:30 a New York)',
    ]);
  });

  it('still says 9:00 in the apology after Rome has moved to summer time', () => {
    // Friday 27 March 2026, 16:00 in Rome; the clocks change on Sunday 29 March.
    const before = Date.UTC(2026, 2, 27, 15, 0);
    const slots = proposeSlots([], before, options({ maxPerDay: 1 }));
    const context = { slots, timeZone: ROME, now: before };
    assert.deepEqual(bullets(renderTemplate('apology', context, 'en').body), [
      '• Monday 30 March, 9:00–10:00 AM',
      '• Tuesday 31 March, 9:00–10:00 AM',
      '• Wednesday 1 April, 9:00–10:00 AM',
    ]);
    assert.deepEqual(bullets(renderTemplate('apology', context, 'it').body), [
      '• lunedì 30 marzo, 9:00–10:00',
      '• martedì 31 marzo, 9:00–10:00',
      '• mercoledì 1 aprile, 9:00–10:00',
    ]);
  });

  it('asks for their availability when no slot is free', () => {
    const busy = [{ start: now - 86_400_000, end: now + 30 * 86_400_000 }];
    const slots = proposeSlots(busy, now, options());
    assert.deepEqual(slots, []);
    assert.match(renderTemplate('reschedule', { slots, timeZone: ROME, now }, 'en').body, /Could you let me know when you might be available\?/);
    assert.match(renderTemplate('reschedule', { slots, timeZone: ROME, now }, 'it').body, /Mi farebbe sapere quando potrebbe essere disponibile\?/);
  });
});
