import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoEvents } from '../../src/calendar/demo-calendar.ts';
import { defaultRules } from '../../src/core/default-rules.ts';
import { detectInterview } from '../../src/core/detect-interview.ts';
import type { Interview } from '../../src/core/types.ts';
import { MINUTE, HOUR } from '../../src/core/units.ts';

const ANCHOR = Date.UTC(2026, 10, 26, 9, 30);

function detectAll(anchor: number) {
  return demoEvents(anchor).map((event) => ({ event, detection: detectInterview(event, defaultRules, { source: 'demo' }) }));
}

function interviews(anchor: number): Interview[] {
  return detectAll(anchor).flatMap(({ detection }) => (detection.isInterview ? [detection.interview] : []));
}

describe('demoEvents', () => {
  it('holds four interviews and one ordinary meeting under the default rules', () => {
    const results = detectAll(ANCHOR);
    assert.equal(results.length, 5);
    assert.equal(interviews(ANCHOR).length, 4);
    const others = results.filter(({ detection }) => !detection.isInterview);
    assert.equal(others.length, 1);
    assert.equal(others[0]?.event.summary, 'Team standup');
  });

  it('places the interviews relative to the moment the demo started', () => {
    const [soon, later, tomorrow, ended] = interviews(ANCHOR);
    assert.deepEqual([soon?.start, soon?.end], [ANCHOR + 4 * MINUTE, ANCHOR + 34 * MINUTE]);
    assert.equal(later?.start, ANCHOR + 5 * HOUR);
    assert.equal(tomorrow?.start, ANCHOR + 26 * HOUR);
    assert.equal(ended?.end, ANCHOR - 20 * MINUTE);
    assert.ok((ended?.start ?? Infinity) < ANCHOR);
  });

  it('gives stable ids for the same anchor and new ids for a new anchor', () => {
    const ids = demoEvents(ANCHOR).map((event) => event.id);
    assert.deepEqual(ids, [1, 2, 3, 4, 5].map((n) => `demo-${n}-${ANCHOR}`));
    assert.deepEqual(demoEvents(ANCHOR), demoEvents(ANCHOR));
    assert.notDeepEqual(demoEvents(ANCHOR + 1).map((event) => event.id), ids);
  });

  it('makes the imminent one a phone interview with a recruiter to call', () => {
    const [soon] = interviews(ANCHOR);
    assert.equal(soon?.detectedBy.rule, 'keyword');
    assert.deepEqual(soon?.interviewer, { name: 'Maya Chen', email: 'maya.chen@example.com' });
    // The recruiter's own number (the location) first, the Meet dial-in after it.
    assert.deepEqual(soon?.phones.map((phone) => [phone.origin, phone.kind]), [['location', 'direct'], ['conference', 'bridge']]);
    assert.equal(soon?.company, 'Brightwave Labs');
    assert.equal(soon?.role, 'Frontend Engineer');
  });

  it('makes the later one a tagged Meet call', () => {
    const later = interviews(ANCHOR)[1];
    assert.deepEqual(later?.detectedBy, { rule: 'tag', matched: '#interview' });
    assert.equal(later?.videoUrl, 'https://meet.google.com/abc-defg-hij');
  });

  it('makes tomorrow\'s one Italian, in the Rome time zone', () => {
    const tomorrow = interviews(ANCHOR)[2];
    assert.match(tomorrow?.title ?? '', /^Colloquio con /);
    assert.equal(tomorrow?.timeZone, 'Europe/Rome');
    assert.equal(tomorrow?.interviewer.name, 'Giulia Bianchi');
    assert.equal(tomorrow?.company, 'Studio Verdi S.r.l.');
    assert.equal(tomorrow?.phones[0]?.dial, '+390200001234');
  });

  it('uses only fictional domains', () => {
    const text = JSON.stringify(demoEvents(ANCHOR));
    for (const email of text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []) {
      assert.match(email, /@example\.(com|org)$/, email);
    }
  });
});
