/** What each refusal of the tool library means to a member, as a catalogue key. */
import type { HandoffInputProblem, HandoffReceiptProblem, HandoffReviewProblem, OfferProblem } from '../../app/handoff';
import type { ExpectFrameProblem } from '../../qr/frame';
import type { MessageKey } from '../../i18n/en';
import { codeProblemKey } from '../shell/problems';

const FRAME_PROBLEMS = new Set<string>(['not-tally', 'damaged', 'malformed', 'too-large', 'wrong-kind', 'unsupported-version']);

function frameProblem(problem: string): problem is ExpectFrameProblem {
  return FRAME_PROBLEMS.has(problem);
}

export function handoffProblemKey(problem: HandoffReviewProblem | HandoffInputProblem): MessageKey {
  return frameProblem(problem) ? codeProblemKey(problem) : (`tools.handoffProblem.${problem}` as MessageKey);
}

export function handoffReceiptProblemKey(problem: HandoffReceiptProblem): MessageKey {
  return frameProblem(problem) ? codeProblemKey(problem) : (`tools.receiptProblem.${problem}` as MessageKey);
}

export function offerProblemKey(problem: OfferProblem): MessageKey {
  return `tools.offerProblem.${problem}`;
}
