/**
 * How the worker reaches its second script, on-demand.js (built from on-demand.ts): the code
 * only a calendar sync, a draft or remaking the demo needs. It is taken in when the worker is
 * installed and run the first time something calls `onDemand()` in a life of the worker; a
 * wake-up that only reconciles never reads it (src/platform/worker-scripts.ts says why it works
 * this way).
 *
 * `OnDemand` lists what the script provides. Its modules are named here as types only: a value
 * imported from one of them would put it back into the first script.
 */
import type { syncIcalFeed } from '../calendar/ical-feed.ts';
import type { applyIcalOutcome } from '../calendar/ical-round.ts';
import type { listCalendars } from '../calendar/google-calendar.ts';
import type { applyGoogleOutcome, readGoogleCalendars } from '../calendar/google-round.ts';
import type { buildDraft } from '../core/build-draft.ts';
import type { detectInterview } from '../core/detect-interview.ts';
import { addWhenInstalled, packagedScript } from '../platform/worker-scripts.ts';

export interface OnDemand {
  syncIcalFeed: typeof syncIcalFeed;
  applyIcalOutcome: typeof applyIcalOutcome;
  listCalendars: typeof listCalendars;
  readGoogleCalendars: typeof readGoogleCalendars;
  applyGoogleOutcome: typeof applyGoogleOutcome;
  buildDraft: typeof buildDraft;
  detectInterview: typeof detectInterview;
}

/** The built file, and the global name under which it leaves what it provides. */
export const ON_DEMAND_SCRIPT = { file: 'on-demand.js', name: 'interviewStandbyOnDemand' } as const;

/** At the worker's top level: on-demand.js is taken in when the worker installs. */
export function addOnDemandScript(): void {
  addWhenInstalled(ON_DEMAND_SCRIPT.file);
}

/** What on-demand.js provides; the first call in a life of the worker runs it (a few ms). */
export function onDemand(): OnDemand {
  return packagedScript<OnDemand>(ON_DEMAND_SCRIPT.file, ON_DEMAND_SCRIPT.name);
}

/** Interview detection, run from on-demand.js when called (when the demo is made again). */
export const detectOnDemand: typeof detectInterview = (...args) => onDemand().detectInterview(...args);
