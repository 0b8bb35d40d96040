import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs`: the only clock the UI reads. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
