/** The periodic alarm that polls the connected calendar (every SYNC_INTERVAL_MINUTES). */
export const SYNC_ALARM = 'sync';
