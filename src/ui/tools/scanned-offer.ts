/**
 * A handoff code scanned on the Scan tab is reviewed on the tool's own page.
 * It waits here, in memory only, for that page to take it: a code is never
 * put in the address, where it would linger in the history.
 */
let waiting: { readonly tool: string; readonly code: string } | null = null;

export function leaveScannedOffer(tool: string, code: string): void {
  waiting = { tool, code };
}

export function takeScannedOffer(tool: string): string | null {
  if (waiting === null || waiting.tool !== tool) return null;
  const { code } = waiting;
  waiting = null;
  return code;
}
