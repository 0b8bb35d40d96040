import { useEffect, useState } from 'preact/hooks';
import type { LoadResult } from '../core/stored-state.ts';
import { onStateChanged } from '../platform/storage.ts';

/**
 * The stored state, kept current as the service worker (or another page) changes it. `read`
 * is one of platform/storage.ts's reads: readStateWithoutBusy on the options page, readPopupState
 * in the popup (no default, so that neither page's bundle carries the other's).
 */
export function useStoredState<State>(read: (now: number) => Promise<LoadResult<State>>): LoadResult<State> | undefined {
  const [loaded, setLoaded] = useState<LoadResult<State> | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const refresh = () => {
      read(Date.now()).then((result) => { if (alive) setLoaded(result); }, (error: unknown) => console.error(error));
    };
    refresh();
    const unsubscribe = onStateChanged(refresh);
    return () => { alive = false; unsubscribe(); };
  }, []);
  return loaded;
}
