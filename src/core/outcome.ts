/**
 * The outcome model: the one place that decides what each interview is waiting for.
 *
 *   scheduled (upcoming) → waiting (waiting, may-stop, stop-waiting) → one outcome:
 *     spoke (connected → done)
 *     missed their call → called back → spoke
 *     no-show ("They never called") → moved (a new time: scheduled again) | asked them to call → spoke
 *   After the maximum wait and the end of the slot with no outcome: needs-outcome, which asks
 *   "Did the call happen?" ("We spoke" / "They never called").
 *
 * Everything the user sees is derived from here: the phase, the timeline of reminders, the
 * actions offered, the drafts offered (one primary per phase), the snooze offered, the next step
 * the badge counts down to. The marks store only timestamps; every mark can be undone because
 * each one keeps a snapshot of the marks before it.
 */
import type { EmailKind, Interview, Marks, MarksSnapshot, Reminder, TemplateKind, WaitPhase, WaitState } from './types.ts';
import type { Settings } from './settings.ts';
import { effectiveTiming } from './timing.ts';
import { interviewerPhones } from './own-contacts.ts';
import { MINUTE, HOUR } from './units.ts';

/** Once the wait and the slot are both over, the question "Did the call happen?" comes this much later. */
export const OUTCOME_QUESTION_DELAY_MINUTES = 10;
/** How long "remind me later" waits at most. */
export const SNOOZE_MINUTES = 10;
/** A thank-you or an outcome question is still worth showing this long after it was due. */
const LATE_VALIDITY = 12 * HOUR;
const HISTORY_LIMIT = 20;

/** What the user can say about an interview. `moved` carries the new time. */
export type MarkAction = 'connected' | 'missed' | 'called-back' | 'no-show' | 'asked-to-call' | 'done' | 'called' | 'moved' | 'undo' | 'snooze';

export interface NewTime {
  start: number;
  end: number;
}

export function emptyMarks(): Marks {
  return { callAttempts: [] };
}

/** The interview as it now stands: a time given with "They moved it" replaces the calendar's. */
export function effectiveInterview(interview: Interview, marks: Marks): Interview {
  const moved = marks.movedTo;
  return moved === undefined ? interview : { ...interview, start: moved.start, end: moved.end };
}

/** When "Did the call happen?" is asked of an interview with no outcome. */
export function outcomeQuestionAt(interview: Interview, marks: Marks, settings: Settings): number {
  const t = effectiveTiming(settings.timing);
  const { start, end } = effectiveInterview(interview, marks);
  return Math.max(end, start + t.maxWait * MINUTE) + OUTCOME_QUESTION_DELAY_MINUTES * MINUTE;
}

/** True once the user said how the call went (or did not go). */
export function hasOutcome(marks: Marks): boolean {
  return marks.connectedAt !== undefined || marks.missedAt !== undefined || marks.calledBackAt !== undefined
    || marks.noShowAt !== undefined || marks.askedToCallAt !== undefined;
}

/** The phase of one interview at `now`: the wait's sub-phases, then the outcome. */
export function phaseOf(interview: Interview, marks: Marks, now: number, settings: Settings): WaitPhase {
  if (marks.connectedAt !== undefined) return marks.doneAt !== undefined ? 'done' : 'connected';
  if (marks.askedToCallAt !== undefined) return 'asked-to-call';
  if (marks.noShowAt !== undefined) return 'no-show';
  if (marks.calledBackAt !== undefined) return 'called-back';
  if (marks.missedAt !== undefined) return 'missed';
  const { start } = effectiveInterview(interview, marks);
  if (now < start) return 'upcoming';
  if (now >= outcomeQuestionAt(interview, marks, settings)) return 'needs-outcome';
  const t = effectiveTiming(settings.timing);
  const waited = minutesSince(start, now);
  if (waited < t.minWait) return 'waiting';
  if (waited < t.maxWait) return 'may-stop';
  return 'stop-waiting';
}

/** The one rounding rule for elapsed minutes everywhere (timer, notifications, drafts): whole
 * minutes completed, so "waited 16 minutes" and a 16:45 timer agree. */
export function minutesSince(start: number, now: number): number {
  return Math.max(0, Math.floor((now - start) / MINUTE));
}

/** Where the candidate is in the wait, derived only from stored instants and `now`. */
export function waitState(interview: Interview, marks: Marks, now: number, settings: Settings): WaitState {
  const t = effectiveTiming(settings.timing);
  const { start } = effectiveInterview(interview, marks);
  const minutesWaited = now < start ? 0 : minutesSince(start, now);
  return { phase: phaseOf(interview, marks, now, settings), minutesWaited, minutesLeft: Math.max(0, t.maxWait - minutesWaited) };
}

export const waitingPhases: ReadonlySet<WaitPhase> = new Set(['waiting', 'may-stop', 'stop-waiting']);

/**
 * The dated reminders of the timeline, in order, derived from the outcome: with no outcome, the
 * whole wait and then the question; after "spoke", only the thank-you ("done" brings it
 * forward); after a missed call, a no-show or a request to call, nothing (the popup leads).
 * A moved interview is planned from its new time.
 */
export function planTimeline(interview: Interview, settings: Settings, marks: Marks = emptyMarks()): Reminder[] {
  const t = effectiveTiming(settings.timing);
  const { start, end } = effectiveInterview(interview, marks);
  if (marks.connectedAt !== undefined) {
    const at = Math.max(end, start) + t.thankYouDelay * MINUTE;
    return [{ kind: 'thank-you', at: marks.doneAt === undefined ? at : Math.min(at, marks.doneAt) }];
  }
  if (hasOutcome(marks)) return [];
  return [
    { kind: 'confirm', at: start - t.confirmLead * MINUTE },
    { kind: 'get-ready', at: start - t.getReadyLead * MINUTE },
    { kind: 'start', at: start },
    { kind: 'no-call', at: start + t.noCallAfter * MINUTE },
    { kind: 'min-wait', at: start + t.minWait * MINUTE },
    { kind: 'max-wait', at: start + t.maxWait * MINUTE },
    { kind: 'ask-outcome', at: outcomeQuestionAt(interview, marks, settings) },
  ];
}

/**
 * The one reminder that fits the moment now, or none. An alarm can fire late (the laptop slept
 * through three of them): the moment collapses to the latest one due, never several at once.
 */
export function currentReminder(interview: Interview, marks: Marks, now: number, settings: Settings): Reminder | undefined {
  const latest = planTimeline(interview, settings, marks).filter((r) => r.at <= now).at(-1);
  if (latest === undefined) return undefined;
  if ((latest.kind === 'thank-you' || latest.kind === 'ask-outcome') && now - latest.at > LATE_VALIDITY) return undefined;
  return latest;
}

/** The next reminder still to come, if any. */
export function nextReminder(interview: Interview, marks: Marks, now: number, settings: Settings): Reminder | undefined {
  return planTimeline(interview, settings, marks).find((r) => r.at > now);
}

/** Stable key of a reminder occurrence, so one is never notified twice. */
export function reminderKey(reminder: Reminder): string {
  return `${reminder.kind}@${reminder.at}`;
}

/** True while the reminder due now is the one the user snoozed. Later moments are never held. */
export function isSnoozed(marks: Marks, reminder: Reminder, now: number): boolean {
  return marks.snoozed !== undefined && marks.snoozed.until > now && marks.snoozed.key === reminderKey(reminder);
}

export interface SnoozeOffer {
  until: number;
  /** Whole minutes from now to `until`. */
  minutes: number;
  /** The interview starts at `until`: "remind me when it starts". */
  untilStart: boolean;
}

/**
 * "Remind me later", offered only up to the next moment: 10 minutes, or until the next moment
 * when it is nearer ("until it starts" when that moment is the start). None when the next
 * moment is less than a minute away, or when nothing is due to snooze.
 */
export function snoozeOffer(interview: Interview, marks: Marks, now: number, settings: Settings): SnoozeOffer | undefined {
  if (currentReminder(interview, marks, now, settings) === undefined) return undefined;
  const next = nextReminder(interview, marks, now, settings);
  const full = now + SNOOZE_MINUTES * MINUTE;
  if (next === undefined || next.at >= full) return { until: full, minutes: SNOOZE_MINUTES, untilStart: false };
  if (next.at - now < MINUTE) return undefined;
  return { until: next.at, minutes: Math.floor((next.at - now) / MINUTE), untilStart: next.kind === 'start' };
}

/** What the user may say about the interview in each phase (before phone and undo rules). */
const actionsByPhase: Record<WaitPhase, readonly MarkAction[]> = {
  upcoming: ['moved'],
  waiting: ['connected', 'called', 'missed', 'moved'],
  'may-stop': ['connected', 'called', 'missed', 'no-show', 'moved'],
  'stop-waiting': ['connected', 'called', 'missed', 'no-show', 'moved'],
  'needs-outcome': ['connected', 'no-show', 'missed', 'moved'],
  connected: ['done'],
  missed: ['called-back', 'connected', 'moved'],
  'called-back': ['connected', 'moved'],
  'no-show': ['moved', 'asked-to-call', 'connected'],
  'asked-to-call': ['connected', 'moved'],
  done: [],
};

/** Actions that only make sense with a number to dial. */
const phoneActions: ReadonlySet<MarkAction> = new Set(['called', 'called-back']);

/**
 * The marks the user may set now. Close to the start ("get ready" onwards) a call may come early,
 * so "Call connected" and "I missed their call" are offered then, not hours before.
 */
export function availableActions(interview: Interview, marks: Marks, now: number, settings: Settings): MarkAction[] {
  const phase = phaseOf(interview, marks, now, settings);
  const t = effectiveTiming(settings.timing);
  const actions = [...actionsByPhase[phase]];
  if (phase === 'upcoming' && now >= effectiveInterview(interview, marks).start - t.getReadyLead * MINUTE) actions.unshift('connected', 'missed');
  // The candidate's own number (the profile phone) is no number to call them on.
  const dialable = interviewerPhones(interview, settings).length > 0;
  const result = actions.filter((a) => dialable || !phoneActions.has(a));
  if ((marks.history?.length ?? 0) > 0) result.push('undo');
  if (snoozeOffer(interview, marks, now, settings) !== undefined) result.push('snooze');
  return result;
}

function snapshot(marks: Marks): MarksSnapshot {
  const copy: Marks = { ...marks };
  delete copy.history;
  delete copy.snoozed;
  return copy;
}

function validNewTime(time: NewTime | undefined, now: number): time is NewTime {
  return time !== undefined && Number.isFinite(time.start) && Number.isFinite(time.end) && time.end > time.start
    && time.end - time.start <= 24 * HOUR && time.start > now;
}

/**
 * Applies one thing the user said. Pure: returns new marks, or `undefined` when the action does
 * not fit the phase (a stale button, a double tap), so the caller can say so instead of
 * recording nonsense. Every mark but the snooze keeps what came before it, for undo.
 */
export function applyMark(interview: Interview, marks: Marks, action: MarkAction, now: number, settings: Settings, newTime?: NewTime): Marks | undefined {
  if (!availableActions(interview, marks, now, settings).includes(action)) return undefined;
  if (action === 'snooze') {
    const offer = snoozeOffer(interview, marks, now, settings);
    const due = currentReminder(interview, marks, now, settings);
    return offer && due ? { ...marks, snoozed: { key: reminderKey(due), until: offer.until } } : undefined;
  }
  if (action === 'undo') {
    const history = marks.history ?? [];
    const previous = history.at(-1);
    if (previous === undefined) return undefined;
    // The language chosen for the emails is a preference, not a step: undo leaves it.
    return withLanguageOf(marks, history.length > 1 ? { ...previous, history: history.slice(0, -1) } : { ...previous });
  }
  const history = [...(marks.history ?? []), snapshot(marks)].slice(-HISTORY_LIMIT);
  const base: Marks = { ...snapshot(marks), forStart: marks.forStart ?? interview.start, history };
  switch (action) {
    case 'connected':
      return { ...base, connectedAt: now };
    case 'missed':
      return { ...base, missedAt: now };
    case 'called-back':
      return { ...base, calledBackAt: now };
    case 'no-show':
      return { ...base, noShowAt: now };
    case 'asked-to-call':
      return { ...base, askedToCallAt: now };
    case 'done':
      return { ...base, doneAt: now };
    case 'called':
      return { ...base, callAttempts: [...marks.callAttempts, now] };
    case 'moved':
      // A new time starts a new wait: attempts, outcome and checklist belonged to the old one.
      if (!validNewTime(newTime, now)) return undefined;
      return withLanguageOf(marks, { callAttempts: [], rescheduled: true, movedTo: { start: newTime.start, end: newTime.end }, forStart: base.forStart, history });
  }
}

/**
 * Keeps marks true to the calendar. When the event itself moves (its start is not the one the
 * marks were made for), the interview starts afresh at its new time, remembered as moved; when it
 * moved to the time the user already gave with "They moved it", nothing is lost.
 */
export function alignMarks(interview: Interview, marks: Marks): Marks {
  if (marks.forStart === undefined || marks.forStart === interview.start) return marks;
  if (marks.movedTo !== undefined && marks.movedTo.start === interview.start) {
    const aligned: Marks = { ...marks, forStart: interview.start };
    delete aligned.movedTo;
    return aligned;
  }
  return withLanguageOf(marks, { callAttempts: [], rescheduled: true, forStart: interview.start });
}

/** `next`, keeping the email language the user chose on `marks` (a new time or an undo does not change it). */
function withLanguageOf(marks: Marks, next: Marks): Marks {
  if (marks.language === undefined) {
    const rest: Marks = { ...next };
    delete rest.language;
    return rest;
  }
  return { ...next, language: marks.language };
}

/** The thank-you thanks for flexibility when the call had to be moved or was missed first. */
export function thanksForFlexibility(marks: Marks): boolean {
  return marks.rescheduled === true || marks.missedAt !== undefined;
}

export interface OfferedDrafts {
  /** The one email the phase calls for, if any (the screen may say "wait" instead). */
  primary?: EmailKind;
  /** The others that make sense now, under "More emails". */
  more: EmailKind[];
}

/** Minutes after the start before a follow-up is offered at all (the primary comes later, at
 * the minimum wait). */
export const FOLLOW_UP_GRACE_MINUTES = 5;

/** Which emails each phase offers, following the advice: confirm until about 30 minutes before;
 * the follow-up from the minimum wait; the reschedule request at the maximum; the apology after
 * a missed call; the thank-you only after they spoke. A call moved once and silent again asks
 * them to call instead. */
export function offeredDrafts(interview: Interview, marks: Marks, now: number, settings: Settings): OfferedDrafts {
  const t = effectiveTiming(settings.timing);
  const phase = phaseOf(interview, marks, now, settings);
  const { start } = effectiveInterview(interview, marks);
  const askToCall = marks.rescheduled === true;
  const offer = (primary: EmailKind | undefined, more: EmailKind[]): OfferedDrafts => ({
    ...(primary === undefined ? {} : { primary }),
    more: more.filter((k, i) => k !== primary && more.indexOf(k) === i),
  });
  switch (phase) {
    case 'upcoming': {
      const confirmWindow = now >= start - t.confirmLead * MINUTE && now < start - 30 * MINUTE;
      return offer(confirmWindow ? 'confirmation' : undefined, ['confirmation', 'reschedule']);
    }
    case 'waiting':
      // A follow-up at the very start ("I called you once but couldn't get through") reads as
      // impatience: a few minutes' grace first, as recruiters expect.
      return offer(undefined, now >= start + FOLLOW_UP_GRACE_MINUTES * MINUTE ? ['follow-up', 'reschedule'] : ['reschedule']);
    case 'may-stop':
      return offer(askToCall ? 'please-call-me' : 'follow-up', ['follow-up', 'reschedule']);
    case 'stop-waiting':
    case 'no-show':
      return offer(askToCall ? 'please-call-me' : 'reschedule', ['reschedule', 'please-call-me', 'follow-up']);
    case 'needs-outcome':
      return offer(undefined, ['reschedule', 'follow-up']);
    case 'asked-to-call':
      return offer(undefined, ['please-call-me', 'reschedule']);
    case 'missed':
    case 'called-back':
      return offer('apology', ['reschedule']);
    case 'connected':
    case 'done':
      return offer('thank-you', []);
  }
}

/** The voicemail script is shown from an hour before the start (to read ahead) and through the wait. */
export const VOICEMAIL_LEAD_MINUTES = 60;

/** Whether the voicemail script is offered now (the popup also needs a number to call). */
export function voicemailOffered(interview: Interview, marks: Marks, now: number, settings: Settings): boolean {
  const phase = phaseOf(interview, marks, now, settings);
  if (waitingPhases.has(phase)) return true;
  return phase === 'upcoming' && effectiveInterview(interview, marks).start - now <= VOICEMAIL_LEAD_MINUTES * MINUTE;
}

/** Every draft offered now, primary first. */
export function draftsOffered(offered: OfferedDrafts): TemplateKind[] {
  return offered.primary === undefined ? offered.more : [offered.primary, ...offered.more];
}

/** Phases in which an interview needs the user (a card of its own in the popup). */
const livePhases: ReadonlySet<WaitPhase> = new Set(['waiting', 'may-stop', 'stop-waiting', 'needs-outcome', 'missed', 'called-back', 'no-show', 'asked-to-call']);

/** True while the interview needs the user: a wait, an open outcome (for a day), a call under way. */
export function isLive(interview: Interview, marks: Marks, now: number, settings: Settings): boolean {
  const phase = phaseOf(interview, marks, now, settings);
  const current = effectiveInterview(interview, marks);
  if (phase === 'connected') return now < current.end;
  if (!livePhases.has(phase)) return false;
  return waitingPhases.has(phase) || now - current.start < 24 * HOUR;
}
