import type { Interview } from '../core/types.ts';
import type { StoredState } from '../core/stored-state.ts';
import { detectInterview } from '../core/detect-interview.ts';
import { demoEvents } from '../calendar/demo-calendar.ts';

const HOUR = 3_600_000;
/** A demo older than this has nothing left to show, so it starts over. */
const DEMO_LIFETIME = 12 * HOUR;

/**
 * Brings `interviews` up to date with the connected source. For the demo calendar this is a
 * pure function of its anchor and the rules, so running it again changes nothing.
 */
export function syncSource(state: StoredState, now: number): StoredState {
  let source = state.source;
  let { marks, notified } = state;
  if (source.kind === 'demo' && now - source.anchor > DEMO_LIFETIME) {
    source = { kind: 'demo', anchor: now };
    marks = {};
    notified = {};
  }
  const interviews: Record<string, Interview> = {};
  for (const event of demoEvents(source.anchor)) {
    const detection = detectInterview(event, state.settings.rules, { source: 'demo' });
    if (!detection.isInterview) continue;
    const interview = detection.interview;
    interviews[interview.id] = interview;
    // The demo's interview that already ended did take place: it shows the thank-you flow
    // rather than a wait nobody is living through.
    if (interview.end <= source.anchor && marks[interview.id] === undefined) {
      marks = { ...marks, [interview.id]: { callAttempts: [], connectedAt: interview.start + 2 * 60_000 } };
    }
  }
  return { ...state, source, interviews, marks, notified };
}

/** Starts the demo again from now, forgetting what the user marked on the old one. */
export function restartDemo(state: StoredState, now: number): StoredState {
  return syncSource({ ...state, source: { kind: 'demo', anchor: now }, marks: {}, notified: {} }, now);
}
