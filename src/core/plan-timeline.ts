/** The timeline's timings and moments; what the timeline holds is decided in outcome.ts. */
export { effectiveTiming, isReminderKind, reminderKinds } from './timing.ts';
export { planTimeline } from './outcome.ts';
