/** Reading a scanned draft against everything this phone knows at the moment. */
import { recordBytesOf, reviewDraftCode } from '../../app/exchange';
import type { DraftReview, ReviewProblem } from '../../app/exchange';
import type { Result } from '../../records/result';
import type { AppStore } from '../shell/store';

/** Null when no circle is open; the state is read fresh, so a check just before signing sees the latest sync. */
export function reviewNow(store: AppStore, code: string): Result<DraftReview, ReviewProblem> | null {
  const { circle, view, pendingDrafts } = store.get();
  if (circle === null || view === null) return null;
  return reviewDraftCode(code, {
    circle,
    view,
    pending: pendingDrafts,
    now: store.deps.now(),
    recordBytes: (id) => recordBytesOf(circle, id),
  });
}
