/** The periodic alarm that polls the connected calendar (every SYNC_INTERVAL_MINUTES). */
export { SYNC_ALARM } from '../core/reconcile.ts';
