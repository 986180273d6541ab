/**
 * Exchange drafts this phone showed and that still wait for a countersignature.
 * Apart from exchange.ts so the first screen can settle them without loading
 * the code that makes and reads exchange codes.
 */
import type { Vault, PendingDraft } from '../replica/vault';
import type { CircleView } from './circle-view';
import type { OpenCircle } from './open-circle';

/** Drafts of this phone that a countersignature has reached (by receipt or by sync) are done. */
export async function settlePendingDrafts(circle: OpenCircle, vault: Vault, view: CircleView): Promise<PendingDraft[]> {
  const pending = await vault.pendingDrafts(circle.membership.circleId);
  const confirmed = new Set<string>();
  for (const confirmation of view.ledger.records()) confirmed.add(confirmation.draft.id);
  const waiting: PendingDraft[] = [];
  for (const draft of pending) {
    if (confirmed.has(draft.draftId)) await vault.removePendingDraft(draft.draftId);
    else waiting.push(draft);
  }
  return waiting;
}
