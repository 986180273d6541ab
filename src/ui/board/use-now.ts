import { useEffect, useState } from 'preact/hooks';
import { useAppStore } from '../shell/context';

const TICK_MS = 60_000;

/**
 * The app's clock, read again every minute: "posted 5 minutes ago" keeps
 * up, and a listing that expires while the screen is open leaves the board.
 */
export function useNow(): number {
  const { deps } = useAppStore();
  const [now, setNow] = useState(() => deps.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(deps.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [deps]);
  return now;
}
