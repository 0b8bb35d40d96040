/**
 * The demo as a source: how its interviews land in the stored state. Pure: the interviews are
 * a function of the demo's anchor and the rules, so running `refreshDemo` again changes nothing.
 * The demo is a guest: it never restarts by itself and touches only its own interviews' marks,
 * never those of interviews typed in by hand.
 */
import type { Interview } from '../core/types.ts';
import type { StoredState } from '../core/stored-state.ts';
import type { detectInterview } from '../core/detect-interview.ts';
import { switchSource, withoutDemo } from '../core/source-switch.ts';
import { sameValue } from '../core/state-changes.ts';
import { demoEvents } from './demo-calendar.ts';
import { MINUTE } from '../core/units.ts';

/**
 * Interview detection, handed in by the caller: the worker keeps it in its second script
 * (src/background/on-demand-script.ts), run only when the demo is made again.
 */
export type Detect = typeof detectInterview;

/** What the demo's interviews depend on and change. */
type DemoState = Pick<StoredState, 'source' | 'settings' | 'interviews' | 'marks'>;

/** Demo interview ids carry the anchor they were made from (`demo:demo-<n>-<anchor>`). */
function madeFrom(id: string, anchor: number): boolean {
  return id.startsWith('demo:') && id.endsWith(`-${anchor}`);
}

/**
 * Brings `interviews` up to date with the demo calendar. The demo's interview that already
 * ended did take place: it shows the thank-you flow rather than a wait nobody is living
 * through. Any other source is left alone here: its data changes only when a sync result is
 * applied.
 */
export function refreshDemo<State extends DemoState>(detect: Detect, state: State): State {
  if (state.source.kind !== 'demo') return state;
  const source = state.source;
  let { marks } = state;
  const interviews: Record<string, Interview> = {};
  for (const event of demoEvents(source.anchor)) {
    const detection = detect(event, state.settings.rules, { source: 'demo' });
    if (!detection.isInterview) continue;
    const interview = detection.interview;
    interviews[interview.id] = interview;
    if (interview.end <= source.anchor && marks[interview.id] === undefined) {
      marks = { ...marks, [interview.id]: { callAttempts: [], connectedAt: interview.start + 2 * MINUTE } };
    }
  }
  return { ...state, interviews, marks };
}

/**
 * Whether the stored demo interviews may no longer be what `refreshDemo` would make: none
 * stored, one made from another anchor (the demo restarted), or the ended one without its
 * mark. A cheap look at what is stored, so that a wake-up need not run detection again; a
 * change of the rules is the caller's to notice (it knows when it changed them).
 */
export function demoMayBeStale(state: DemoState): boolean {
  if (state.source.kind !== 'demo') return false;
  const { anchor } = state.source;
  const stored = Object.values(state.interviews);
  if (stored.length === 0) return true;
  return stored.some((interview) => !madeFrom(interview.id, anchor) || (interview.end <= anchor && state.marks[interview.id] === undefined));
}

/**
 * `after` with its demo interviews current. They are made again only when something they
 * depend on may have changed since `before`: the source, the rules, or what is stored (see
 * `demoMayBeStale`). Without `before` (an install, a browser start, a repaired storage) they
 * are always made again, so an update of the demo itself shows at once.
 */
export function withCurrentDemo<State extends DemoState>(detect: Detect, after: State, before?: State): State {
  if (after.source.kind !== 'demo') return after;
  const unchanged = before !== undefined && sameValue(before.source, after.source) && sameValue(before.settings.rules, after.settings.rules) && !demoMayBeStale(after);
  return unchanged ? after : refreshDemo(detect, after);
}

/** Starts the demo again from now, forgetting what was marked on the demo's own interviews only. */
export function restartDemo(detect: Detect, state: StoredState, now: number): StoredState {
  if (state.source.kind !== 'demo' && state.source.kind !== 'none') return state;
  return refreshDemo(detect, { ...state, source: { kind: 'demo', anchor: now }, interviews: {}, marks: withoutDemo(state.marks), notified: withoutDemo(state.notified) });
}

/** Back to the demo calendar, from now (disconnecting Google or iCal). */
export function switchToDemo(detect: Detect, state: StoredState, now: number): StoredState {
  return refreshDemo(detect, switchSource(state, { kind: 'demo', anchor: now }));
}
