/**
 * A camera sees the same code in many frames in a row. The filter lets a text
 * through once, then holds it back for as long as it keeps being seen within
 * `windowMs` of the last sighting: a code held still is reported once, and
 * again only after it has left the view for a while.
 */
export function createRepeatFilter(windowMs: number, now: () => number): (text: string) => boolean {
  const lastSeen = new Map<string, number>();
  return (text) => {
    const at = now();
    for (const [seen, when] of lastSeen) if (at - when > windowMs) lastSeen.delete(seen);
    const fresh = !lastSeen.has(text);
    lastSeen.set(text, at);
    return fresh;
  };
}
