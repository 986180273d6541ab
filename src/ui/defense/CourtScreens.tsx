/**
 * The court screens and the reminders, loaded on demand as one chunk: the
 * first download names one file and one route for all of them.
 */
import { CourtDateScreen } from './CourtDateScreen';
import { CourtScreen } from './CourtScreen';

export { CourtReminders } from './CourtReminders';

/** The list of court dates, or one date when the route names it. */
export function CourtScreens({ dateId }: { readonly dateId: string | null }) {
  return dateId === null ? <CourtScreen /> : <CourtDateScreen dateId={dateId} />;
}
