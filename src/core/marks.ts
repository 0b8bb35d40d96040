/** The marks' vocabulary; what each mark does is decided in outcome.ts. */
export { applyMark, emptyMarks, SNOOZE_MINUTES } from './outcome.ts';
export type { MarkAction, NewTime } from './outcome.ts';
