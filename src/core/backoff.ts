import { MINUTE } from './units.ts';
/**
 * How long to leave a failing source alone. Pure: the random number is a parameter, so tests
 * (and the caller's jitter source) decide it.
 */

export interface BackoffOptions {
  /** Failures in a row, counting the one that just happened (1 for the first). */
  failures: number;
  /** A number in [0, 1): spreads retries so that many clients do not retry in lockstep. */
  random: number;
  /** What the server asked for (Retry-After), in ms from now; honoured when present. */
  retryAfterMs?: number;
  /** Delay after the first failure without Retry-After. */
  baseMs?: number;
  /** No wait is ever longer than this, whatever the server or the count says. */
  maxMs?: number;
}

/**
 * Milliseconds to wait before the next attempt.
 *
 * Without Retry-After: exponential (base × 2^(failures−1), capped) with "equal jitter", i.e.
 * between half and all of that, so the wait still grows but clients spread out.
 * With Retry-After: the server said when, so exactly that plus at most one second of jitter.
 * Google's own guidance for 403 rate limits, 429 and 5xx is this exponential backoff.
 */
export function backoffDelay({ failures, random, retryAfterMs, baseMs = MINUTE, maxMs = 60 * MINUTE }: BackoffOptions): number {
  const r = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0.5;
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) {
    return Math.min(Math.max(retryAfterMs, 0), maxMs) + Math.round(r * 1000);
  }
  const n = Math.max(1, Math.floor(Number.isFinite(failures) ? failures : 1));
  // 2^n overflows to Infinity long before it matters; the cap keeps the result finite.
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 30));
  return Math.round(exponential / 2 + (r * exponential) / 2);
}
