/**
 * The service worker's side of calendar sync: it owns the network round (Google through
 * platform/identity's tokens, iCal through fetch) under its own Web Lock, and hands each
 * answer to the reconcile (reconcile-now.ts) to be applied. What an answer does to the stored
 * state is decided in core/source-switch.ts, calendar/google-round.ts and calendar/ical-round.ts.
 */
import type { StoredState } from '../core/stored-state.ts';
import type { SyncTrigger } from '../core/sync-state.ts';
import { syncDue } from '../core/sync-state.ts';
import { syncAnswerIsStale } from '../core/source-switch.ts';
import { ownContacts } from '../core/own-contacts.ts';
import { GOOGLE_SCOPES } from '../calendar/google-calendar.ts';
import type { GoogleCalendarEntry, GoogleClient } from '../calendar/google-calendar.ts';
import type { IcalOutcome } from '../calendar/ical-round.ts';
import { failureOf } from '../calendar/source-types.ts';
import { loadWindowsZones } from '../platform/windows-zones.ts';
import { dropGoogleToken, getGoogleToken, googleApiBase } from '../platform/identity.ts';
import type { TokenRequest } from '../platform/identity.ts';
import { readStateWithoutBusy } from '../platform/storage.ts';
import { reconcileNow } from './reconcile-now.ts';
import { onDemand } from './on-demand-script.ts';

/** Held while talking to Google, so syncs never stack (the reconcile lock is only for storage). */
const SYNC_LOCK = 'interview-standby-sync';
const ICAL_TIMEOUT_MS = 30_000;

/** The read-only scopes, for the account last connected when there is one. */
function tokenRequest(interactive: boolean, loginHint: string | undefined): TokenRequest {
  return loginHint === undefined ? { interactive, scopes: GOOGLE_SCOPES } : { interactive, scopes: GOOGLE_SCOPES, loginHint };
}

/** Tokens come from platform/identity without UI; a refused one is dropped, then asked for again. */
function googleClient(loginHint: string | undefined): GoogleClient {
  const request = tokenRequest(false, loginHint);
  return {
    fetch: (input, init) => fetch(input, init),
    apiBase: googleApiBase,
    tokens: {
      get: () => getGoogleToken(request),
      refresh: async (stale) => {
        await dropGoogleToken(stale);
        return getGoogleToken(request);
      },
    },
  };
}

/** The calendars on the user's Google list (for the options page). */
export async function googleCalendars(interactive: boolean, loginHint?: string): Promise<GoogleCalendarEntry[]> {
  if (interactive) {
    // Shows Google's consent (or Chrome's) now, while the user is looking.
    await getGoogleToken(tokenRequest(interactive, loginHint));
  }
  const { calendars } = await onDemand().listCalendars(googleClient(loginHint), Date.now());
  return calendars;
}

async function fetchIcal(state: Pick<StoredState, 'source' | 'settings' | 'icalCursor'>, now: number): Promise<IcalOutcome> {
  if (state.source.kind !== 'ical') return { failure: { code: 'http' } };
  const own = ownContacts(state.settings);
  try {
    const result = await onDemand().syncIcalFeed(state.source.url, state.icalCursor, (input, init) => fetch(input, init), {
      now,
      // The same addresses and phone the Google path uses; the feed adds its owner.
      detection: { rules: state.settings.rules, selfEmails: own.emails, selfPhones: own.phones },
      floatingTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      windowsZones: await loadWindowsZones(),
      // A server that never answers must not hold the sync lock (and the user's buttons) forever.
      signal: AbortSignal.timeout(ICAL_TIMEOUT_MS),
    });
    return { result };
  } catch (error) {
    // Never log the error itself: a fetch error can carry the secret address. Read without the
    // second script, so that one that failed to run is recorded too (as 'malformed').
    return { failure: failureOf(error) };
  }
}

/**
 * Syncs the connected source if one is due for this trigger, then reconciles. Network work
 * happens outside the reconcile lock (a mark from the popup never waits for Google) but under
 * its own lock, so syncs never stack: an automatic trigger that finds one running gives up
 * (that sync brings the news), a user's request waits for it and then decides. `reconciled`:
 * the state a reconcile just returned, when the caller has one.
 */
export async function syncNow(trigger: SyncTrigger, reconciled?: Pick<StoredState, 'source' | 'sync'>): Promise<boolean> {
  // A state the caller has just reconciled says enough when it has no calendar connected, or
  // one not due for this trigger: no lock, no second read of storage (most wake-ups).
  // Connecting a calendar syncs by itself, and a sync that ran since only makes one less due.
  if (reconciled !== undefined && (reconciled.source.kind === 'demo' || reconciled.source.kind === 'none' || !syncDue(reconciled.sync, trigger, Date.now()))) return false;
  // True when a sync ran, and with it a reconcile: the caller need not run another.
  return navigator.locks.request(SYNC_LOCK, { ifAvailable: trigger !== 'user' }, async (lock) => {
    if (lock === null) return false;
    const startedAt = Date.now();
    // What the request depends on: not the busy time, the bulk of a large calendar's storage,
    // which only the answer's reconcile reads.
    const { state } = await readStateWithoutBusy(startedAt);
    if (state.source.kind === 'demo' || state.source.kind === 'none' || !syncDue(state.sync, trigger, startedAt)) return false;
    if (state.source.kind === 'ical') {
      const { url } = state.source;
      const outcome = await fetchIcal(state, startedAt);
      await reconcileNow('sync', (latest, now) => (syncAnswerIsStale(latest, state) ? latest : onDemand().applyIcalOutcome(latest, outcome, url, now, Math.random())));
      return true;
    }
    const outcome = await onDemand().readGoogleCalendars(googleClient(state.source.selfEmail), state, trigger, startedAt);
    await reconcileNow('sync', (latest, now) => (syncAnswerIsStale(latest, state) ? latest : onDemand().applyGoogleOutcome(latest, outcome, now, Math.random)));
    return true;
  });
}
