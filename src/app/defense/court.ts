/**
 * Court accompaniment: posting a hearing with the help it needs, signing up
 * for a place, withdrawing, and cancelling. When and where the hearing is
 * travels sealed (court-details.ts).
 *
 * Posting needs the app lock, as a roster entry does: the phone that writes a
 * neighbour's hearing must not give it away when lost. Signing up does not:
 * the record says only who goes and as what, which every member may see.
 *
 * Each use case refuses up front what the projection would not count, against
 * the records this phone holds now; a record that arrives later (a sign-up
 * made offline for the last place) can still make a stored one wait, and the
 * projection then says so.
 */
import { wasMemberAt } from '../../domain/circle';
import { courtDateExpiry } from '../../domain/alerts';
import { COURT_LIMITS, courtDateStatus, placeOf, slotsProblem } from '../../domain/court';
import type { CourtDateState, CourtHelp, CourtSlot, CourtState, RecordId } from '../../domain/court';
import { courtDateBody, courtReferenceBody, courtSignupBody } from '../../records/kinds/court-bodies';
import { err, ok } from '../../records/result';
import type { Result } from '../../records/result';
import { courtOf } from '../court-view';
import type { AppDeps } from '../deps';
import type { OpenCircle } from '../open-circle';
import { signAndStore } from '../records';
import { sealCourtDetails } from './court-details';
import type { CourtDetails } from './court-details';
import { lockRequired } from './roster';

export interface CourtDateInput extends CourtDetails {
  /** Places wanted per kind, as chosen; kinds with none are left out. */
  readonly slots: readonly CourtSlot[];
}

export type PostCourtProblem =
  | 'lock-required'
  | 'not-a-member'
  | 'hearing-time'
  | 'hearing-past'
  | 'hearing-too-far'
  | 'court'
  | 'room'
  | 'note'
  | 'slots'
  | 'slots-too-many'
  | 'no-chain';
export type SignUpProblem = 'not-a-member' | 'unknown-date' | 'date-closed' | 'help-not-wanted' | 'already-signed-up' | 'slot-full';
export type WithdrawSignupProblem = 'unknown-signup' | 'not-the-signer' | 'date-closed';
export type CancelCourtProblem = 'unknown-date' | 'not-the-author' | 'already-cancelled' | 'date-closed';

/** The court dates now, who this phone's member is, and whether they are a member now. */
function standing(circle: OpenCircle, deps: AppDeps): { readonly court: CourtState; readonly me: string; readonly member: boolean; readonly now: number } {
  const snapshot = circle.replica.current();
  const now = deps.now();
  const me = circle.membership.memberKey;
  return { court: courtOf(snapshot), me, member: wasMemberAt(snapshot.circle, me, now), now };
}

export async function postCourtDate(circle: OpenCircle, input: CourtDateInput, deps: AppDeps): Promise<Result<RecordId, PostCourtProblem>> {
  if (lockRequired(deps)) return err('lock-required');
  const { member, now } = standing(circle, deps);
  if (!member) return err('not-a-member');
  if (!Number.isSafeInteger(input.hearingAt)) return err('hearing-time');
  if (input.hearingAt <= now) return err('hearing-past');
  if (input.hearingAt > now + COURT_LIMITS.aheadMs) return err('hearing-too-far');
  const slots = input.slots.filter((slot) => slot.count !== 0);
  const slotProblem = slotsProblem(slots);
  if (slotProblem !== null) return err(slotProblem === 'too-many' ? 'slots-too-many' : 'slots');
  const sealed = sealCourtDetails(circle, input, deps);
  // Checked above: the hearing is ahead, so its details cannot have expired already.
  if (!sealed.ok) return err(sealed.error === 'expired' ? 'hearing-past' : sealed.error);
  const body = courtDateBody({ slots, expiresAt: courtDateExpiry(input.hearingAt), sealedDetails: sealed.value }, now);
  return ok((await signAndStore(circle, 'court.date', body, deps)).id);
}

/** Takes an open place of `help` at a hearing still ahead: one place per member per date. */
export async function signUp(circle: OpenCircle, dateId: RecordId, help: CourtHelp, deps: AppDeps): Promise<Result<RecordId, SignUpProblem>> {
  const { court, me, member, now } = standing(circle, deps);
  if (!member) return err('not-a-member');
  const date = court.dates.get(dateId);
  if (date === undefined) return err('unknown-date');
  if (courtDateStatus(date, now) !== 'upcoming') return err('date-closed');
  const slot = date.slots.find((candidate) => candidate.help === help);
  if (slot === undefined) return err('help-not-wanted');
  if (placeOf(date, me) !== null) return err('already-signed-up');
  if (slot.filled.length >= slot.count) return err('slot-full');
  return ok((await signAndStore(circle, 'court.signup', courtSignupBody(dateId, help), deps)).id);
}

/** Takes back one's own sign-up, before the hearing's details expire. */
export async function withdrawSignup(circle: OpenCircle, signupId: RecordId, deps: AppDeps): Promise<Result<RecordId, WithdrawSignupProblem>> {
  const { court, me, now } = standing(circle, deps);
  const found = findSignup(court, signupId);
  if (found === null) return err('unknown-signup');
  if (found.member !== me) return err('not-the-signer');
  if (courtDateStatus(found.date, now) === 'past') return err('date-closed');
  return ok((await signAndStore(circle, 'court.signup.withdrawn', courtReferenceBody(signupId), deps)).id);
}

/** The author says the hearing is off. */
export async function cancelCourtDate(circle: OpenCircle, dateId: RecordId, deps: AppDeps): Promise<Result<RecordId, CancelCourtProblem>> {
  const { court, me, now } = standing(circle, deps);
  const date = court.dates.get(dateId);
  if (date === undefined) return err('unknown-date');
  if (date.author !== me) return err('not-the-author');
  const status = courtDateStatus(date, now);
  if (status === 'cancelled') return err('already-cancelled');
  if (status === 'past') return err('date-closed');
  return ok((await signAndStore(circle, 'court.cancelled', courtReferenceBody(dateId), deps)).id);
}

function findSignup(court: CourtState, signupId: RecordId): { readonly date: CourtDateState; readonly member: string } | null {
  for (const date of court.dates.values()) {
    for (const slot of date.slots) {
      const signup = [...slot.filled, ...slot.waiting].find((candidate) => candidate.id === signupId);
      if (signup !== undefined) return { date, member: signup.member };
    }
  }
  return null;
}
