import { useEffect, useState } from 'preact/hooks';

/**
 * The phone's clock, read again every minute, so that "in 5 hours" and the
 * current cycle stay true on a screen left open across a reset.
 */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
