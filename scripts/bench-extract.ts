/**
 * Detection and extraction against the labelled sets in tests/fixtures (issue 12): title
 * precision and recall, the share of invites whose first offered number and interviewer are
 * the expected ones, and every forbidden number offered (dates, ids, the candidate's own).
 * Pure and deterministic: `npm run bench -- --only=extract` prints it, a unit test holds it.
 */
import type { CalendarEvent } from '../src/core/types.ts';
import { detectInterview } from '../src/core/detect-interview.ts';
import { defaultRules } from '../src/core/default-rules.ts';
import { positiveTitles, negativeTitles } from '../tests/fixtures/labelled-titles.ts';
import { labelledInvites } from '../tests/fixtures/invite-bodies.ts';

function titled(summary: string): CalendarEvent {
  return { id: 'labelled', summary, start: { dateTime: '2026-04-15T10:00:00Z' }, end: { dateTime: '2026-04-15T11:00:00Z' } };
}

const isInterview = (summary: string) => detectInterview(titled(summary), defaultRules, { source: 'google' }).isInterview;

export function scoreTitles() {
  const missed = positiveTitles.filter((title) => !isInterview(title));
  const falsePositives = negativeTitles.filter(isInterview);
  const truePositives = positiveTitles.length - missed.length;
  return {
    titles: positiveTitles.length + negativeTitles.length,
    precision: truePositives / (truePositives + falsePositives.length),
    recall: truePositives / positiveTitles.length,
    missed,
    falsePositives,
  };
}

export function scoreInvites() {
  const wrongPhone: string[] = [];
  const wrongInterviewer: string[] = [];
  const forbidden: string[] = [];
  for (const invite of labelledInvites) {
    // Every labelled body is an interview: the override isolates extraction from detection.
    const rules = { ...defaultRules, overrides: { [invite.event.id]: 'interview' as const } };
    const detection = detectInterview(invite.event, rules, { source: 'google', selfEmails: invite.self.emails, selfPhones: invite.self.phones });
    const interview = detection.isInterview ? detection.interview : undefined;
    if (interview?.phones[0]?.dial !== invite.firstPhone) wrongPhone.push(invite.name);
    if (interview?.interviewer.email !== invite.interviewer) wrongInterviewer.push(invite.name);
    for (const phone of interview?.phones ?? []) if (invite.never.includes(phone.dial)) forbidden.push(`${invite.name}: ${phone.dial}`);
  }
  const total = labelledInvites.length;
  return {
    invites: total,
    firstPhoneRight: (total - wrongPhone.length) / total,
    interviewerRight: (total - wrongInterviewer.length) / total,
    wrongPhone,
    wrongInterviewer,
    forbidden,
  };
}
