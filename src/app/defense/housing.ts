/**
 * Asking the circle for somewhere to stay, hosting, closing a request and
 * ending a stay early. The note travels sealed with the circle's field key.
 *
 * Asking needs the app lock, as a roster entry does: the note says who needs
 * a roof and why, and sealing it is worth nothing if the phone's storage holds
 * the key in plain. Hosting, closing and ending reveal nothing new.
 *
 * Each use case refuses up front what the projection would not count, by
 * asking the projection itself about the record it is about to write, so a
 * member is told at once and in words. A record arriving later from another
 * phone (a second host on the same night) can still make a stored stay not
 * count; the projection then lists it.
 */
import { CLOSE_REASONS, DAY_MS, isDayNear, isValidNights, isValidPeople, matchHosts, projectHousing } from '../../domain/housing';
import type { CloseReason, HostMatch, HousingEvent, HousingProblemReason, HousingRequestState } from '../../domain/housing';
import type { RecordId } from '../../domain/events';
import { wasMemberAt } from '../../domain/circle';
import { normalizeOptional } from '../../domain/names';
import { housingClosedBody, housingRequestedBody, housingStayBody, housingStayEndedBody } from '../../records/kinds/housing-bodies';
import type { StayFields } from '../../records/kinds/housing';
import { err, ok } from '../../records/result';
import type { Result } from '../../records/result';
import type { OpenFieldProblem } from '../../records/sealed-field';
import type { ReplicaSnapshot } from '../../replica/replica';
import { rosterOf } from '../defense-view';
import type { AppDeps } from '../deps';
import { housingOf, isHousingEvent } from '../housing-view';
import type { OpenCircle } from '../open-circle';
import { signAndStore } from '../records';
import { lockRequired } from './roster';
import { openAsAuthor, readTexts, sealAsMember } from './sealing';

export const HOUSING_NOTE_CHARS = 400;
const NOTE_PURPOSE = 'housing.note';

export interface HousingRequestInput {
  readonly people: number;
  readonly nights: number;
  /** The first night needed, as a day number (domain/housing/events.ts). */
  readonly from: number;
  readonly accessible: boolean;
  readonly neighbour: boolean;
  /** As typed; blank is none. */
  readonly note: string;
}

type FieldProblem = 'people' | 'nights' | 'from';
export type AskProblem = 'lock-required' | FieldProblem | 'note' | HousingProblemReason;
export type StayProblem = FieldProblem | HousingProblemReason;
export type CloseProblem = 'reason' | HousingProblemReason;
export type EndProblem = 'day' | HousingProblemReason;

/** Today on this phone's calendar, as a day number: the day a date field shows as today. */
export function localDay(now: number): number {
  const date = new Date(now);
  return Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

function checkStayFields(fields: StayFields, now: number): FieldProblem | null {
  if (!isValidPeople(fields.people)) return 'people';
  if (!isValidNights(fields.nights)) return 'nights';
  return isDayNear(fields.from, now) ? null : 'from';
}

/**
 * Why the projection would not count this member's next record, or null.
 * Its id sorts after every real one, so at the same instant it comes last,
 * as a record made now would come after what this phone already holds.
 */
function wouldRefuse(circle: OpenCircle, candidate: HousingEvent): HousingProblemReason | null {
  const snapshot = circle.replica.current();
  const housing = projectHousing([...snapshot.events.filter(isHousingEvent), candidate], (member, at) => wasMemberAt(snapshot.circle, member, at));
  return housing.problems.find((problem) => problem.id === candidate.id)?.reason ?? null;
}

function candidateMeta(circle: OpenCircle, deps: AppDeps) {
  return { id: '~candidate', author: circle.membership.memberKey, at: deps.now() };
}

export async function askForHousing(circle: OpenCircle, input: HousingRequestInput, deps: AppDeps): Promise<Result<RecordId, AskProblem>> {
  if (lockRequired(deps)) return err('lock-required');
  const field = checkStayFields(input, deps.now());
  if (field !== null) return err(field);
  const note = normalizeOptional(input.note, HOUSING_NOTE_CHARS);
  if (!note.ok) return err('note');
  const { people, nights, from, accessible, neighbour } = input;
  const refused = wouldRefuse(circle, { kind: 'housing.requested', ...candidateMeta(circle, deps), people, nights, from, accessible, neighbour, sealedNote: null });
  if (refused !== null) return err(refused);
  const sealedNote = note.value === '' ? null : sealAsMember(circle, NOTE_PURPOSE, new Map([[0, note.value]]), deps.random);
  const record = await signAndStore(circle, 'housing.requested', housingRequestedBody({ people, nights, from, accessible, neighbour, sealedNote }), deps);
  return ok(record.id);
}

/** This member takes in `people` of a request's people for `nights` nights from `from`. */
export async function recordStay(circle: OpenCircle, request: RecordId, fields: StayFields, deps: AppDeps): Promise<Result<RecordId, StayProblem>> {
  const field = checkStayFields(fields, deps.now());
  if (field !== null) return err(field);
  const refused = wouldRefuse(circle, { kind: 'housing.stay', ...candidateMeta(circle, deps), request, ...fields });
  if (refused !== null) return err(refused);
  const record = await signAndStore(circle, 'housing.stay', housingStayBody(request, fields), deps);
  return ok(record.id);
}

/** The requester closes their request: housed elsewhere, or no longer needed. */
export async function closeRequest(circle: OpenCircle, request: RecordId, reason: CloseReason, deps: AppDeps): Promise<Result<RecordId, CloseProblem>> {
  // The runtime check matters: a reason may come from a form.
  if (!CLOSE_REASONS.includes(reason)) return err('reason');
  const refused = wouldRefuse(circle, { kind: 'housing.closed', ...candidateMeta(circle, deps), request, reason });
  if (refused !== null) return err(refused);
  const record = await signAndStore(circle, 'housing.closed', housingClosedBody(request, reason), deps);
  return ok(record.id);
}

/** The host or the requester ends a stay early: the guest leaves on the morning of `day`. */
export async function endStay(circle: OpenCircle, stay: RecordId, day: number, deps: AppDeps): Promise<Result<RecordId, EndProblem>> {
  if (!isDayNear(day, deps.now())) return err('day');
  const refused = wouldRefuse(circle, { kind: 'housing.stay.ended', ...candidateMeta(circle, deps), stay, day });
  if (refused !== null) return err(refused);
  const record = await signAndStore(circle, 'housing.stay.ended', housingStayEndedBody(stay, day), deps);
  return ok(record.id);
}

/** The hosts a request could go to now, fairest first (domain/housing/matching.ts). */
export function hostsFor(snapshot: ReplicaSnapshot, request: HousingRequestState): HostMatch[] {
  return matchHosts(request, rosterOf(snapshot), housingOf(snapshot));
}

/** The request's note opened on this phone: null when there is none, or why it does not open. */
export function openHousingNote(circle: OpenCircle, request: HousingRequestState): Result<string | null, OpenFieldProblem> {
  if (request.sealedNote === null) return ok(null);
  const opened = openAsAuthor(circle, request.requester, NOTE_PURPOSE, request.sealedNote);
  if (!opened.ok) return opened;
  const [note] = readTexts(opened.value, [HOUSING_NOTE_CHARS]) ?? [];
  return note === undefined ? err('damaged') : ok(note);
}
