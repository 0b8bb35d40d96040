/**
 * The stored state in `browser.storage.local`: read (through core's loadState), written key by
 * key, and watched. Besides the state it keeps two extras: `ready` (install and browser-start
 * work done) and `storageProblems` (what the last repair set aside, until dismissed).
 */
import { browser } from './browser.ts';
import type { LoadResult, PopupState, ReconcileState, StateWithoutBusy, StoredState } from '../core/stored-state.ts';
import { POPUP_KEYS, RECONCILE_KEYS, STORED_KEYS, WITHOUT_BUSY_KEYS, loadPopupState, loadReconcileState, loadState, loadStateWithoutBusy } from '../core/stored-state.ts';

/** Keys the extension writes besides the state proper. */
export interface StorageExtras {
  /** Epoch ms at which install/startup work last finished; the browser tests wait on it. */
  ready: number;
  /** Last problems met while loading storage, shown to the user. */
  storageProblems: string[];
}

/** Reads, migrates and repairs the stored state. Never throws on bad data. */
export async function readState(now: number): Promise<LoadResult> {
  const raw = await browser.storage.local.get([...STORED_KEYS]);
  return loadState(raw, now);
}

/** The same, without the keys the popup never reads (core/stored-state.ts, PopupState): they are not fetched. */
export async function readPopupState(now: number): Promise<LoadResult<PopupState>> {
  const raw = await browser.storage.local.get([...POPUP_KEYS]);
  return loadPopupState(raw, now);
}

/** The same, without the busy time and what was notified (StateWithoutBusy): the options page's read, and a sync's before it asks the calendar. */
export async function readStateWithoutBusy(now: number): Promise<LoadResult<StateWithoutBusy>> {
  const raw = await browser.storage.local.get([...WITHOUT_BUSY_KEYS]);
  return loadStateWithoutBusy(raw, now);
}

/** The same, without the keys a reconcile with no change to apply never reads (ReconcileState). */
export async function readReconcileState(now: number): Promise<LoadResult<ReconcileState>> {
  const raw = await browser.storage.local.get([...RECONCILE_KEYS]);
  return loadReconcileState(raw, now);
}

/** Writes part of the state. A quota error rejects and leaves the previous values in place
 * (storage.local.set is atomic per call). */
export async function writeState(partial: Partial<StoredState> & Partial<StorageExtras>): Promise<void> {
  await browser.storage.local.set(partial);
  // An optional key set to undefined (the undo of a removal, once used) is gone, not kept.
  const cleared = Object.entries(partial).filter(([, value]) => value === undefined).map(([key]) => key);
  if (cleared.length > 0) await browser.storage.local.remove(cleared);
}

/**
 * Stamps `ready` once the install or browser-start work is done (the browser tests wait for
 * it). Kept apart from the state: a reconcile that changes nothing writes nothing.
 */
export async function markReady(now: number): Promise<void> {
  const extras: Pick<StorageExtras, 'ready'> = { ready: now };
  await browser.storage.local.set(extras);
}

/** Calls `listener` whenever any state key changes (from any context). Returns an unsubscribe. */
export function onStateChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => (STORED_KEYS as readonly string[]).includes(key))) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** What the worker set aside when it last repaired storage, until the user dismisses it. */
export function watchStorageProblems(listener: (problems: string[]) => void): () => void {
  const read = () => {
    browser.storage.local.get('storageProblems').then((items: Record<string, unknown>) => {
      const value = items.storageProblems;
      listener(Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
    }, (error: unknown) => console.error(error));
  };
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && 'storageProblems' in changes) read();
  };
  read();
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export async function dismissStorageProblems(): Promise<void> {
  await browser.storage.local.remove('storageProblems');
}
