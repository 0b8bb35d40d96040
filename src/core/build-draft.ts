import type { Interview, Locale, Marks, TemplateKind } from './types.ts';
import type { Settings } from './settings.ts';
import type { Draft } from './compose-url.ts';
import type { TemplateContext } from './template-engine.ts';
import type { DefaultTemplates } from './custom-templates.ts';
import { renderTemplateText } from './template-engine.ts';
import { templateFor } from './custom-templates.ts';
import { effectiveInterview, thanksForFlexibility, waitState } from './outcome.ts';
import { effectiveTiming } from './plan-timeline.ts';
import { looksLikeGroup } from './looks-like-group.ts';
import { interviewerPhones } from './own-contacts.ts';
import { MINUTE } from './units.ts';

export interface DraftEnvironment {
  now: number;
  /** The draft's language: the interview's (see interviewLocale in resolve-locale.ts). */
  locale: Locale;
  /** The browser's IANA zone; times in drafts are written in it. */
  timeZone: string;
  /** New times to propose (reschedule, apology), as the user left them. */
  slots?: Array<{ start: number; end: number }>;
  /** The built-in wording (the worker loads it as data; see render-template.ts). */
  defaults: DefaultTemplates;
}

/** Everything a template may say about this interview, computed at `now`. */
export function templateContext(calendarInterview: Interview, marks: Marks, settings: Settings, env: DraftEnvironment): TemplateContext {
  const state = waitState(calendarInterview, marks, env.now, settings);
  // A call moved with "They moved it" is written about at its new time.
  const interview = effectiveInterview(calendarInterview, marks);
  // The candidate stays available until the maximum wait, and only while still waiting for
  // the call: once it connected, was missed or is over, there is nothing to promise.
  const stillWaiting = state.phase === 'upcoming' || state.phase === 'waiting' || state.phase === 'may-stop';
  const availableUntil = stillWaiting ? interview.start + effectiveTiming(settings.timing).maxWait * MINUTE : undefined;
  return {
    interviewerName: interview.interviewer.name,
    interviewerIsGroup: interview.interviewerIsGroup === true || looksLikeGroup(interview.interviewer),
    candidateName: settings.profile.name,
    candidatePhone: settings.profile.phone,
    candidateEmail: settings.profile.email,
    markMissingProfile: true,
    company: interview.company,
    role: interview.role,
    title: interview.title,
    scheduledAt: interview.start,
    timeZone: env.timeZone,
    eventTimeZone: interview.timeZone,
    now: env.now,
    attempts: marks.callAttempts.length,
    // A clock time computed at the moment the draft is opened; the template leaves it out
    // when less than five minutes remain.
    availableUntil,
    minutesLeft: state.minutesLeft,
    rescheduled: marks.rescheduled === true,
    moved: thanksForFlexibility(marks),
    missedCall: marks.missedAt !== undefined,
    video: interview.videoUrl !== undefined && interviewerPhones(interview, settings).length === 0,
    videoUrl: interview.videoUrl,
    interviewerPhone: interviewerPhones(interview, settings)[0]?.dial,
    slots: env.slots,
  };
}

/** The email for one moment of the interview, addressed to the interviewer when known. */
export function buildDraft(kind: TemplateKind, interview: Interview, marks: Marks, settings: Settings, env: DraftEnvironment): Draft {
  const template = templateFor(kind, env.locale, settings.templates, env.defaults);
  const { subject, body } = renderTemplateText(template, templateContext(interview, marks, settings, env), env.locale);
  return {
    to: interview.interviewer.email,
    subject,
    body,
    account: settings.composeAccount || undefined,
  };
}
