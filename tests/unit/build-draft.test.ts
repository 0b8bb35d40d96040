import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Interview, Marks } from '../../src/core/types.ts';
import { defaultSettings } from '../../src/core/settings.ts';
import { buildDraft, templateContext } from '../../src/core/build-draft.ts';
import { defaultTemplates } from '../../src/core/render-template.ts';
import { interviewLocale } from '../../src/core/resolve-locale.ts';
import { looksLikeGroup } from '../../src/core/looks-like-group.ts';
import { MINUTE } from '../../src/core/units.ts';

const START = Date.UTC(2026, 10, 26, 14, 30); // 15:30 in Rome
const interview: Interview = {
  id: 'google:1',
  source: 'google',
  eventId: '1',
  title: 'Colloquio Acme',
  company: 'Acme',
  start: START,
  end: START + 30 * MINUTE,
  timeZone: 'Europe/Rome',
  interviewer: { name: 'Giulia Rossi', email: 'giulia@acme.example' },
  phones: [{ display: '02 123', dial: '02123', origin: 'conference' }],
  detectedBy: { rule: 'keyword' },
};
const marks: Marks = { callAttempts: [] };
const env = (now: number) => ({ now, locale: 'en' as const, timeZone: 'Europe/Rome', defaults: defaultTemplates });

describe('templateContext', () => {
  it('promises availability until the end of the maximum wait, only while still waiting', () => {
    assert.equal(templateContext(interview, marks, defaultSettings, env(START + 16 * MINUTE)).availableUntil, START + 30 * MINUTE);
    assert.equal(templateContext(interview, marks, { ...defaultSettings, timing: { ...defaultSettings.timing, maxWait: 20 } }, env(START)).availableUntil, START + 20 * MINUTE);
    assert.equal(templateContext(interview, { ...marks, connectedAt: START }, defaultSettings, env(START + MINUTE)).availableUntil, undefined);
    assert.equal(templateContext(interview, { ...marks, missedAt: START }, defaultSettings, env(START + MINUTE)).availableUntil, undefined);
    assert.equal(templateContext(interview, marks, defaultSettings, env(START + 31 * MINUTE)).availableUntil, undefined);
  });

  it('flags a video interview only when there is no phone number', () => {
    const video = { ...interview, videoUrl: 'https://meet.google.com/abc-defg-hij' };
    assert.equal(templateContext(video, marks, defaultSettings, env(START)).video, false);
    assert.equal(templateContext({ ...video, phones: [] }, marks, defaultSettings, env(START)).video, true);
    assert.equal(templateContext({ ...interview, phones: [] }, marks, defaultSettings, env(START)).video, false);
    // The candidate's own number (the profile phone) is no phone interview (issue 12).
    const ownNumber = { ...video, phones: [{ display: '347 123 4567', dial: '+393471234567', origin: 'description' as const }] };
    assert.equal(templateContext(ownNumber, marks, defaultSettings, env(START)).video, false);
    assert.equal(templateContext(ownNumber, marks, { ...defaultSettings, profile: { ...defaultSettings.profile, phone: '+39 347 1234567' } }, env(START)).video, true);
  });

  it('thanks for flexibility after a move or a missed call, not after a plain call', () => {
    assert.equal(templateContext(interview, { ...marks, doneAt: START }, defaultSettings, env(START)).moved, false);
    assert.equal(templateContext(interview, { ...marks, rescheduled: true }, defaultSettings, env(START)).moved, true);
    assert.equal(templateContext(interview, { ...marks, missedAt: START }, defaultSettings, env(START)).moved, true);
  });

  it('writes the thank-you after a missed call as the candidate\'s mistake, after a move as a new time', () => {
    const spoke = { ...marks, connectedAt: START + 8 * MINUTE, doneAt: START + 50 * MINUTE };
    const thanks = (m: Marks) => buildDraft('thank-you', interview, m, defaultSettings, env(START + 80 * MINUTE)).body;
    const missed = thanks({ ...spoke, missedAt: START + 5 * MINUTE, calledBackAt: START + 7 * MINUTE });
    assert.match(missed, /being flexible after I missed your call earlier\./);
    assert.doesNotMatch(missed, /rescheduling|new time/);
    const moved = thanks({ ...spoke, rescheduled: true });
    assert.match(moved, /your flexibility in rescheduling\./);
    assert.doesNotMatch(moved, /missed/);
    assert.doesNotMatch(thanks(spoke), /flexib/);
  });

  it('greets a team address neutrally, by the extraction flag or by its name', () => {
    const draft = (person: Interview['interviewer'], flag?: boolean) =>
      buildDraft('follow-up', { ...interview, interviewer: person, interviewerIsGroup: flag }, marks, defaultSettings, env(START + 16 * MINUTE)).body.split('\n')[0];
    assert.equal(draft({ name: 'Giulia Rossi' }), 'Dear Giulia,');
    // A team is greeted as the company's team when the company is known, never by its name.
    const team = 'Hello Acme team,';
    assert.equal(draft({ name: 'Giulia Rossi' }, true), team);
    assert.equal(draft({ name: 'HR Team' }), team);
    assert.equal(draft({ name: 'Ufficio Selezione' }), team);
  });
});

describe('looksLikeGroup', () => {
  it('tells a team or a mailbox from a person', () => {
    assert.equal(looksLikeGroup({ name: 'Talent Acquisition' }), true);
    assert.equal(looksLikeGroup({ email: 'careers@acme.example' }), true);
    assert.equal(looksLikeGroup({ email: 'no-reply@calendly.example' }), true);
    assert.equal(looksLikeGroup({ name: 'Jane Doe', email: 'jobs@acme.example' }), false);
    assert.equal(looksLikeGroup({ email: 'giulia.rossi@acme.example' }), false);
    assert.equal(looksLikeGroup({ name: 'Teamaker Rossi' }), false);
    assert.equal(looksLikeGroup({}), false);
  });
});

describe('interviewLocale', () => {
  it('takes the user\'s choice for the interview, else the invite\'s language, else the setting', () => {
    assert.equal(interviewLocale({ language: 'en' }, { language: 'it' }, 'en', 'en-US'), 'it');
    assert.equal(interviewLocale({ language: 'it' }, undefined, 'en', 'en-US'), 'it');
    assert.equal(interviewLocale({}, { language: undefined }, 'it', 'en-US'), 'it');
    assert.equal(interviewLocale({}, undefined, 'auto', 'it-IT'), 'it');
    assert.equal(interviewLocale({}, undefined, 'auto', 'en-GB'), 'en');
  });

  it('reads the title of an interview stored before languages were detected', () => {
    assert.equal(interviewLocale({ title: 'Colloquio conoscitivo Acme' }, undefined, 'en', 'en-US'), 'it');
    assert.equal(interviewLocale({ title: 'Acme' }, undefined, 'en', 'it-IT'), 'en');
  });

  it('does not follow the browser when the invite says otherwise', () => {
    assert.equal(interviewLocale({ language: 'it' }, undefined, 'auto', 'en-US'), 'it');
    assert.equal(interviewLocale({ language: 'fr' as never }, { language: 'de' as never }, 'en', 'it-IT'), 'en');
  });
});
