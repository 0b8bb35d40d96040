import { useEffect, useState } from 'preact/hooks';
import type { LoadResult } from '../core/stored-state.ts';
import { onStateChanged, readState } from '../platform/storage.ts';

/** The stored state, kept current as the service worker (or another page) changes it. */
export function useStoredState(): LoadResult | undefined {
  const [loaded, setLoaded] = useState<LoadResult | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const refresh = () => {
      readState(Date.now()).then((result) => { if (alive) setLoaded(result); }, (error: unknown) => console.error(error));
    };
    refresh();
    const unsubscribe = onStateChanged(refresh);
    return () => { alive = false; unsubscribe(); };
  }, []);
  return loaded;
}
