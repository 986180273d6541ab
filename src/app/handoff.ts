/**
 * Handing a tool over face to face, with no network. The holder signs an
 * offer naming the tool and the handoff by which they hold it, and shows it;
 * the receiver checks the tool and the offer, countersigns with the checklist
 * and the condition, and shows the record back as a receipt so the holder's
 * phone records the same handoff at once. Until the receipt or a sync arrives,
 * the holder's phone still shows the tool as theirs: nothing is lost if the
 * receiver walks away before countersigning.
 */
import { wasMemberAt } from '../domain/circle';
import type { MemberKey } from '../domain/events';
import type { CustodyRole, ToolCondition } from '../domain/tool-events';
import { canTakeOnLoan } from '../domain/tools';
import type { ToolState } from '../domain/tools';
import { bytesEqual } from '../records/bytes';
import { MAX_HANDOFF_NOTE_CHARS, parseHandoffOffer, toolHandoffBody } from '../records/kinds/tool-handoff';
import { makeHandoffOffer } from '../records/make';
import type { ParsedOffer } from '../records/kinds/tool-handoff';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import { normalizeOptional } from '../domain/names';
import { CodeKind, encodeFrame, expectFrame } from '../qr/frame';
import type { ExpectFrameProblem } from '../qr/frame';
import type { CircleView } from './circle-view';
import type { ToolsView } from './tools-view';
import type { AppDeps } from './deps';
import { recordBytesOf } from './exchange';
import type { OpenCircle } from './open-circle';
import { readReceipt, storeReceipt } from './receipts';
import { signAndStore } from './records';
import { verify } from '../records/signatures';

const CODE_VERSION = 1;

export type OfferProblem = 'unknown-tool' | 'not-the-holder' | 'retired' | 'missing';

/** Why a tool cannot leave this member's hands now, or null. */
export function offerProblem(tools: ToolsView, me: MemberKey, toolId: string): OfferProblem | null {
  const tool = tools.state.tools.get(toolId);
  if (tool === undefined) return 'unknown-tool';
  if (tool.status === 'retired') return 'retired';
  if (tool.status === 'missing') return 'missing';
  if (tool.holder !== me) return 'not-the-holder';
  return null;
}

/** The holder's code. A tool reported missing must be marked found first, so that the log says where it turned up. */
export function handoffOfferCode(circle: OpenCircle, tools: ToolsView, toolId: string, deps: AppDeps): Result<string, OfferProblem> {
  const problem = offerProblem(tools, circle.membership.memberKey, toolId);
  const tool = tools.state.tools.get(toolId);
  if (problem !== null || tool === undefined) return err(problem ?? 'unknown-tool');
  const offer = makeHandoffOffer({ circle: circle.replica.circleId, tool: toolId, after: tool.head, at: deps.now() }, circle.signing);
  return ok(encodeFrame(CodeKind.ToolHandoffOffer, CODE_VERSION, offer.bytes));
}

export type HandoffReviewProblem =
  | ExpectFrameProblem
  | 'tampered'
  | 'invalid-offer'
  | 'other-circle'
  | 'own-offer'
  | 'not-a-member'
  | 'holder-not-member'
  | 'unknown-tool'
  | 'not-the-holder'
  | 'already-handed'
  | 'retired'
  | 'missing';

export interface HandoffReview {
  readonly offer: ParsedOffer;
  readonly tool: ToolState;
  /** This member already countersigned this very offer: its record, to show the receipt again. */
  readonly alreadyConfirmed: Uint8Array | null;
  /** Taking it on loan would pass the circle's limit of tools held at once; hosting is still possible. */
  readonly loanLimitReached: boolean;
}

export interface HandoffContext {
  readonly circle: OpenCircle;
  readonly view: CircleView;
  readonly tools: ToolsView;
  readonly now: number;
}

/** Everything the receiver must know before countersigning, or why they cannot. */
export function reviewHandoffCode(text: string, context: HandoffContext): Result<HandoffReview, HandoffReviewProblem> {
  const frame = expectFrame(text, CodeKind.ToolHandoffOffer, [CODE_VERSION]);
  if (!frame.ok) return frame;
  const parsed = parseHandoffOffer(frame.value.body, verify);
  if (!parsed.ok) return err(parsed.error === 'invalid-fields' ? 'invalid-offer' : 'tampered');
  const offer = parsed.value;
  const { circle, view, tools, now } = context;
  const me = circle.membership.memberKey;
  if (!bytesEqual(offer.circle, circle.replica.circleId)) return err('other-circle');
  if (offer.holder === me) return err('own-offer');
  if (!wasMemberAt(view.membership, me, now)) return err('not-a-member');
  if (!wasMemberAt(view.membership, offer.holder, offer.at)) return err('holder-not-member');
  const tool = tools.state.tools.get(offer.tool);
  if (tool === undefined) return err('unknown-tool');
  const earlier = earlierCountersignature(context, offer.id);
  if (earlier !== null) return ok({ offer, tool, alreadyConfirmed: earlier, loanLimitReached: false });
  if (tool.status === 'retired') return err('retired');
  if (tool.status === 'missing') return err('missing');
  if (tool.holder !== offer.holder) return err('not-the-holder');
  if (tool.head !== offer.after) return err('already-handed');
  return ok({ offer, tool, alreadyConfirmed: null, loanLimitReached: !canTakeOnLoan(tools.state, me) });
}

function earlierCountersignature(context: HandoffContext, offerId: string): Uint8Array | null {
  const me = context.circle.membership.memberKey;
  for (const step of context.tools.handoffsByOffer.get(offerId) ?? []) {
    if (step.author === me) return recordBytesOf(context.circle, step.id) ?? null;
  }
  return null;
}

export interface HandoffInput {
  readonly role: CustodyRole;
  readonly present: number;
  readonly condition: ToolCondition;
  readonly area: string | null;
  readonly note: string;
}

export type HandoffInputProblem = 'note' | 'loan-limit' | 'area';

export function checkHandoffInput(input: HandoffInput, review: HandoffReview, tools: ToolsView): HandoffInputProblem | null {
  if (input.role === 'loan' && review.loanLimitReached) return 'loan-limit';
  if (input.area !== null && !tools.state.areas.has(input.area)) return 'area';
  if (!normalizeOptional(input.note, MAX_HANDOFF_NOTE_CHARS).ok) return 'note';
  return null;
}

export interface ConfirmedHandoff {
  readonly receiptCode: string;
  readonly recordId: string;
}

/** Countersigns and stores the handoff; resolves once it is on disk. */
export async function confirmHandoff(circle: OpenCircle, review: HandoffReview, input: HandoffInput, deps: AppDeps): Promise<ConfirmedHandoff> {
  if (review.alreadyConfirmed !== null) return { receiptCode: handoffReceiptCode(review.alreadyConfirmed), recordId: '' };
  const note = normalizeOptional(input.note, MAX_HANDOFF_NOTE_CHARS);
  if (!note.ok) throw new RangeError('a handoff note that checkHandoffInput refuses');
  const body = toolHandoffBody(review.offer.bytes, { ...input, note: note.value });
  const record = await signAndStore(circle, 'tool.handoff', body, deps);
  return { receiptCode: handoffReceiptCode(record.bytes), recordId: record.id };
}

export function handoffReceiptCode(recordBytes: Uint8Array): string {
  return encodeFrame(CodeKind.ToolHandoffReceipt, CODE_VERSION, recordBytes);
}

export type HandoffReceiptProblem = ExpectFrameProblem | 'tampered' | 'other-circle' | 'not-your-handoff';

/** The holder scans the receipt: the countersigned record is checked and stored, and the tool has moved on this phone too. */
export async function acceptHandoffReceipt(circle: OpenCircle, text: string): Promise<Result<string, HandoffReceiptProblem>> {
  const receipt = readReceipt(circle, text, CodeKind.ToolHandoffReceipt, CODE_VERSION);
  if (!receipt.ok) return receipt;
  const event = receipt.value.event;
  if (event.kind !== 'tool.handoff' || event.offer.holder !== circle.membership.memberKey) return err('not-your-handoff');
  if (!(await storeReceipt(circle, receipt.value))) return err('tampered');
  return ok(event.offer.tool);
}
