/**
 * The worker's second script, built into on-demand.js: the iCal and Google readers (with
 * ical.js), interview detection and the drafts. Only a calendar sync, a draft or remaking the
 * demo needs them, so they stay out of service-worker.js, which every wake-up reads and starts
 * (on-demand-script.ts).
 */
import { syncIcalFeed } from '../calendar/ical-feed.ts';
import { applyIcalOutcome } from '../calendar/ical-round.ts';
import { listCalendars } from '../calendar/google-calendar.ts';
import { applyGoogleOutcome, readGoogleCalendars } from '../calendar/google-round.ts';
import { buildDraft } from '../core/build-draft.ts';
import { detectInterview } from '../core/detect-interview.ts';
import { ON_DEMAND_SCRIPT, type OnDemand } from './on-demand-script.ts';

const provided: OnDemand = { syncIcalFeed, applyIcalOutcome, listCalendars, readGoogleCalendars, applyGoogleOutcome, buildDraft, detectInterview };
(globalThis as unknown as Record<string, unknown>)[ON_DEMAND_SCRIPT.name] = provided;
