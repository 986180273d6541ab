/**
 * Recording an exchange face to face: the first party signs a draft and shows
 * it; the second party checks it, countersigns and stores it, and shows the
 * record back as a receipt so the first phone completes at once. Until then,
 * or until the record arrives by sync, the first phone keeps the draft as
 * "waiting for countersignature" and counts it against its own limits.
 */
import { wasMemberAt } from '../domain/circle';
import { balancesForCycle, checkLimits, withPending } from '../domain/ledger';
import type { LimitCheck, PendingExchange } from '../domain/ledger';
import type { ExchangeRole, MemberKey, SkillRef } from '../domain/events';
import { isKnownSkill } from '../domain/skills';
import { bytesEqual } from '../records/bytes';
import { exchangeConfirmedBody, isValidNote, MAX_QUARTERS, MAX_SEATS, parseExchangeDraft } from '../records/kinds/exchange';
import { alreadyChecked } from '../records/crypto';
import type { ParsedDraft } from '../records/kinds/exchange';
import { makeExchangeDraft, makeRecord } from '../records/make';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import { decodeEnvelope } from '../records/envelope';
import { CodeKind, encodeFrame, expectFrame } from '../qr/frame';
import type { ExpectFrameProblem } from '../qr/frame';
import type { PendingDraft, Vault } from '../replica/vault';
import type { CircleView } from './circle-view';
import type { AppDeps } from './deps';
import type { OpenCircle } from './open-circle';
import { readReceipt, storeReceipt } from './receipts';
import { verify } from '../records/signatures';

const CODE_VERSION = 1;
/** Phones whose clocks differ by more than this are told so, with both times. */
export const CLOCK_WARNING_MS = 15 * 60 * 1000;
/** Someone the first party has not met yet: only their own side of a draft is known. */
const NOT_YET_KNOWN = '';

export interface ExchangeInput {
  readonly role: ExchangeRole;
  readonly quarters: number;
  readonly skill: SkillRef;
  readonly note: string;
  readonly seats: number;
}

export type InputProblem = 'quarters' | 'note' | 'seats' | 'skill';

export function checkInput(input: ExchangeInput, view: CircleView): InputProblem | null {
  if (!Number.isInteger(input.quarters) || input.quarters < 1 || input.quarters > MAX_QUARTERS) return 'quarters';
  if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > MAX_SEATS || (input.seats > 1 && input.role !== 'provider')) {
    return 'seats';
  }
  if (!isValidNote(input.note)) return 'note';
  if (!isKnownSkill(view.skills, input.skill)) return 'skill';
  return null;
}

/** What this phone's unsynced drafts would add to the balances of the cycle they fall in. */
export function pendingDeltas(pending: readonly PendingDraft[], view: CircleView, cycle: number): PendingExchange[] {
  const deltas: PendingExchange[] = [];
  for (const entry of pending) {
    const draft = parseExchangeDraft(entry.bytes, alreadyChecked);
    if (!draft.ok || view.cycleOf(draft.value.at) !== cycle) continue;
    const quarters = draft.value.quarters * (draft.value.role === 'provider' ? draft.value.seats : 1);
    deltas.push(
      draft.value.role === 'provider'
        ? { provider: draft.value.author, receiver: NOT_YET_KNOWN, quarters }
        : { provider: NOT_YET_KNOWN, receiver: draft.value.author, quarters },
    );
  }
  return deltas;
}

function balancesKnownHere(view: CircleView, pending: readonly PendingDraft[], at: number): ReadonlyMap<MemberKey, number> {
  const cycle = view.cycleOf(at);
  return withPending(balancesForCycle(view.ledger, cycle), pendingDeltas(pending, view, cycle));
}

/** The first party's own side of the limits, before making a draft. */
export function checkOwnLimits(view: CircleView, me: MemberKey, input: ExchangeInput, pending: readonly PendingDraft[], at: number): LimitCheck {
  const balances = balancesKnownHere(view, pending, at);
  const total = input.quarters * (input.role === 'provider' ? input.seats : 1);
  const check =
    input.role === 'provider'
      ? checkLimits(view.settings.current, balances, me, NOT_YET_KNOWN, total)
      : checkLimits(view.settings.current, balances, NOT_YET_KNOWN, me, total);
  // The other side is not known yet: only this member's own side can block.
  const mine = input.role === 'provider' ? check.provider !== 'ok' : check.receiver !== 'ok';
  return { ...check, provider: input.role === 'provider' ? check.provider : 'ok', receiver: input.role === 'receiver' ? check.receiver : 'ok', blocking: check.blocking && mine };
}

export interface ShownDraft {
  readonly code: string;
  readonly draft: ParsedDraft;
}

export type StartProblem = InputProblem | 'hard-limit';

export async function startExchange(
  circle: OpenCircle,
  vault: Vault,
  view: CircleView,
  input: ExchangeInput,
  deps: AppDeps,
): Promise<Result<ShownDraft, StartProblem>> {
  const problem = checkInput(input, view);
  if (problem !== null) return err(problem);
  const at = deps.now();
  const pending = await vault.pendingDrafts(circle.membership.circleId);
  if (checkOwnLimits(view, circle.membership.memberKey, input, pending, at).blocking) return err('hard-limit');
  const made = makeExchangeDraft({ ...input, circle: circle.replica.circleId, at }, circle.signing);
  await vault.savePendingDraft({ draftId: made.id, circleId: circle.membership.circleId, bytes: made.bytes, createdAt: at });
  const parsed = parseExchangeDraft(made.bytes, verify);
  if (!parsed.ok) throw new Error('a draft made here could not be read back');
  return ok({ code: draftCode(made.bytes), draft: parsed.value });
}

export function draftCode(draftBytes: Uint8Array): string {
  return encodeFrame(CodeKind.ExchangeDraft, CODE_VERSION, draftBytes);
}

export type ReviewProblem =
  | ExpectFrameProblem
  | 'tampered'
  | 'invalid-draft'
  | 'other-circle'
  | 'own-draft'
  | 'author-not-member'
  | 'not-a-member'
  | 'hard-limit'
  | 'seats-taken';

export interface DraftReview {
  readonly draft: ParsedDraft;
  readonly provider: MemberKey;
  readonly receiver: MemberKey;
  /** This phone's clock minus the first party's, at the moment of scanning. */
  readonly clockDifferenceMs: number;
  readonly clockWarning: boolean;
  readonly limits: LimitCheck;
  /** This member already countersigned the draft: its record, to show the receipt again. */
  readonly alreadyConfirmed: Uint8Array | null;
}

export interface ReviewContext {
  readonly circle: OpenCircle;
  readonly view: CircleView;
  readonly pending: readonly PendingDraft[];
  readonly now: number;
  /** Bytes of this circle's records by id, to find an earlier countersignature. */
  readonly recordBytes: (id: string) => Uint8Array | undefined;
}

/** Everything the second party must know before countersigning, or why they cannot. */
export function reviewDraftCode(text: string, context: ReviewContext): Result<DraftReview, ReviewProblem> {
  const frame = expectFrame(text, CodeKind.ExchangeDraft, [CODE_VERSION]);
  if (!frame.ok) return frame;
  const parsed = parseExchangeDraft(frame.value.body, verify);
  if (!parsed.ok) return err(parsed.error === 'bad-signature' || parsed.error === 'malformed' ? 'tampered' : 'invalid-draft');
  const draft = parsed.value;
  const { view, circle, now } = context;
  const me = circle.membership.memberKey;
  if (!bytesEqual(draft.circle, circle.replica.circleId)) return err('other-circle');
  if (draft.author === me) return err('own-draft');
  if (!wasMemberAt(view.membership, me, now)) return err('not-a-member');
  if (!wasMemberAt(view.membership, draft.author, draft.at)) return err('author-not-member');

  let alreadyConfirmed: Uint8Array | null = null;
  const others = new Set<MemberKey>();
  for (const confirmation of view.ledger.records()) {
    if (confirmation.draft.id !== draft.id) continue;
    if (confirmation.author === me) alreadyConfirmed ??= context.recordBytes(confirmation.id) ?? null;
    else others.add(confirmation.author);
  }
  if (alreadyConfirmed === null && others.size >= draft.seats) return err('seats-taken');

  const provider = draft.role === 'provider' ? draft.author : me;
  const receiver = draft.role === 'provider' ? me : draft.author;
  const limits = checkLimits(view.settings.current, balancesKnownHere(view, context.pending, draft.at), provider, receiver, draft.quarters);
  if (limits.blocking && alreadyConfirmed === null) return err('hard-limit');
  const clockDifferenceMs = now - draft.at;
  return ok({
    draft,
    provider,
    receiver,
    clockDifferenceMs,
    clockWarning: Math.abs(clockDifferenceMs) > CLOCK_WARNING_MS,
    limits,
    alreadyConfirmed,
  });
}

/**
 * The stored bytes of one of this circle's records, as reviewDraftCode's
 * recordBytes wants them. The replica puts back any valid record a peer
 * overwrites, so what the document holds under a known id is that record.
 */
export function recordBytesOf(circle: OpenCircle, id: string): Uint8Array | undefined {
  const value: unknown = circle.replica.doc.getMap('records').get(id);
  return value instanceof Uint8Array ? value : undefined;
}

// The exchange.confirmed body's only key, which holds the draft (records/kinds/exchange.ts).
const BODY_DRAFT = 0;

/**
 * A draft read back from a countersignature of it that this phone holds. A
 * group draft leaves the pending list at its first countersignature, yet its
 * code must stay up for the next receiver.
 */
export function draftFromRecords(circle: OpenCircle, view: CircleView, draftId: string): ParsedDraft | undefined {
  for (const confirmation of view.ledger.records()) {
    if (confirmation.draft.id !== draftId) continue;
    const bytes = recordBytesOf(circle, confirmation.id);
    const envelope = bytes === undefined ? null : decodeEnvelope(bytes);
    if (envelope === null || !envelope.ok) continue;
    const draftBytes = envelope.value.payload.body.get(BODY_DRAFT);
    if (!(draftBytes instanceof Uint8Array)) continue;
    // The id is the hash of the bytes, so a match is the very draft, with no signature to check again.
    const draft = parseExchangeDraft(draftBytes, alreadyChecked);
    if (draft.ok && draft.value.id === draftId) return draft.value;
  }
  return undefined;
}

export interface Confirmed {
  readonly receiptCode: string;
  readonly recordId: string;
}

/** Countersigns and stores the exchange; resolves once it is on disk. */
export async function confirmDraft(circle: OpenCircle, review: DraftReview, deps: AppDeps): Promise<Confirmed> {
  if (review.alreadyConfirmed !== null) {
    return { receiptCode: receiptCode(review.alreadyConfirmed), recordId: '' };
  }
  const record = makeRecord(
    { kind: 'exchange.confirmed', circle: circle.replica.circleId, at: deps.now(), body: exchangeConfirmedBody(review.draft.bytes) },
    circle.signing,
  );
  const added = await circle.replica.add(record.bytes);
  if (!added.ok) throw new Error(`an exchange countersigned here was rejected: ${added.error.problem}`);
  return { receiptCode: receiptCode(record.bytes), recordId: record.id };
}

export function receiptCode(recordBytes: Uint8Array): string {
  return encodeFrame(CodeKind.ExchangeReceipt, CODE_VERSION, recordBytes);
}

export type ReceiptProblem = ExpectFrameProblem | 'tampered' | 'other-circle' | 'not-your-exchange';

/** The first phone scans the receipt: the countersigned record is checked, stored, and the draft is done. */
export async function acceptReceipt(circle: OpenCircle, vault: Vault, text: string): Promise<Result<string, ReceiptProblem>> {
  const receipt = readReceipt(circle, text, CodeKind.ExchangeReceipt, CODE_VERSION);
  if (!receipt.ok) return receipt;
  const event = receipt.value.event;
  if (event.kind !== 'exchange.confirmed' || event.draft.author !== circle.membership.memberKey) return err('not-your-exchange');
  if (!(await storeReceipt(circle, receipt.value))) return err('tampered');
  await vault.removePendingDraft(event.draft.id);
  return ok(event.draft.id);
}
