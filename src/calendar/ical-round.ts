/**
 * How the outcome of one iCal read lands in the stored state (the read itself is
 * `syncIcalFeed` in ical-feed.ts; the service worker runs it and then this, inside a
 * reconcile). Pure, like google-round.ts for Google.
 */
import type { IcalCursor, StoredState } from '../core/stored-state.ts';
import type { SyncFailure } from '../core/sync-state.ts';
import { syncFailed, syncSucceeded } from '../core/sync-state.ts';
import type { SyncResult } from './source-types.ts';

export type IcalOutcome = { result: SyncResult<IcalCursor> } | { failure: SyncFailure };

/** An iCal feed comes whole: a full result replaces the feed's interviews and busy time. */
export function applyIcalOutcome(state: StoredState, outcome: IcalOutcome, url: string, now: number, random: number): StoredState {
  // Disconnected or switched while the request ran: the answer belongs to nobody now.
  if (state.source.kind !== 'ical' || state.source.url !== url) return state;
  if ('failure' in outcome) return { ...state, sync: syncFailed(state.sync, outcome.failure, now, random) };
  const { result } = outcome;
  if (result.kind === 'full') {
    return { ...state, interviews: result.interviews, busy: result.busy, icalCursor: result.cursor, sync: syncSucceeded(now) };
  }
  return { ...state, icalCursor: result.cursor, sync: syncSucceeded(now) };
}
