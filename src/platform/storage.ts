import browser from 'webextension-polyfill';
import type { LoadResult, StoredState } from '../core/stored-state.ts';
import { loadState } from '../core/stored-state.ts';

/** Keys the extension writes besides the state proper. */
export interface StorageExtras {
  /** Epoch ms at which install/startup work last finished; tests wait on it. */
  ready: number;
  /** Last problems met while loading storage, shown to the user. */
  storageProblems: string[];
}

const stateKeys = ['schemaVersion', 'settings', 'interviews', 'marks', 'source', 'notified', 'busy', 'sync', 'googleCursor'] as const;

/** Reads, migrates and repairs the stored state. Never throws on bad data. */
export async function readState(now: number): Promise<LoadResult> {
  const raw = await browser.storage.local.get([...stateKeys]);
  return loadState(raw, now);
}

/** Writes part of the state. A quota error rejects and leaves the previous values in place
 * (storage.local.set is atomic per call). */
export async function writeState(partial: Partial<StoredState> & Partial<StorageExtras>): Promise<void> {
  await browser.storage.local.set(partial);
}

/** Calls `listener` whenever any state key changes (from any context). Returns an unsubscribe. */
export function onStateChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => (stateKeys as readonly string[]).includes(key))) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
