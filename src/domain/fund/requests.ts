/**
 * How a request for support is settled. Two people other than the requester
 * must agree before money goes out (more for a large request), so that nobody
 * can pay themselves and no single friend can pay them either. Approvals keep
 * counting after a request is approved, since the screen should show everyone
 * who agreed; nothing counts once it is paid, declined or withdrawn.
 */
import type { FundProblemReason, SupportClosure, SupportRequestState, SupportStatus, UncountedApproval } from './types';
import type { MemberKey, SupportApproved, SupportDeclined, SupportPaid, SupportRequested, SupportWithdrawn } from './events';
import { approversNeeded, isMemberAt, isValidAmount } from './rules';
import type { FundRules, Membership } from './rules';

/** A request while the events are walked: filled in as decisions arrive, read out at the end. */
export interface RequestBook {
  readonly request: SupportRequested;
  readonly rules: FundRules;
  readonly required: number;
  readonly approvers: MemberKey[];
  readonly uncounted: UncountedApproval[];
  approvedAt: number | null;
  closure: SupportClosure | null;
}

/** Why a request cannot count, or null when it opens. */
export function requestProblem(request: SupportRequested, membership: Membership): FundProblemReason | null {
  if (!isMemberAt(membership, request.author, request.at)) return 'not-a-member';
  return isValidAmount(request.amount) ? null : 'bad-amount';
}

/** `rules` are those in force when the request was made: a later change of them does not move its goalposts. */
export function openBook(request: SupportRequested, rules: FundRules): RequestBook {
  return { request, rules, required: approversNeeded(request.amount, rules), approvers: [], uncounted: [], approvedAt: null, closure: null };
}

export function statusOf(book: RequestBook): SupportStatus {
  if (book.closure !== null) return book.closure.status;
  return book.approvers.length >= book.required ? 'approved' : 'open';
}

/** Counts the approval, or says why not (and keeps it on the request for the screen). */
export function approve(book: RequestBook, approval: SupportApproved, membership: Membership): FundProblemReason | null {
  const reason = approvalProblem(book, approval, membership);
  if (reason === null) {
    book.approvers.push(approval.author);
    if (book.approvedAt === null && book.approvers.length >= book.required) book.approvedAt = approval.at;
  } else {
    book.uncounted.push({ id: approval.id, author: approval.author, at: approval.at, reason });
  }
  return reason;
}

function approvalProblem(book: RequestBook, approval: SupportApproved, membership: Membership): UncountedApproval['reason'] | null {
  if (!isMemberAt(membership, approval.author, approval.at)) return 'not-a-member';
  if (approval.author === book.request.author) return 'by-requester';
  if (book.closure !== null) return 'request-closed';
  return book.approvers.includes(approval.author) ? 'duplicate-approval' : null;
}

/**
 * A decline closes a request that is not yet paid, even an approved one:
 * paying is the step that cannot be undone, so until then the circle can
 * still say no. The requester withdraws rather than declines.
 */
export function decline(book: RequestBook, event: SupportDeclined, membership: Membership): FundProblemReason | null {
  if (!isMemberAt(membership, event.author, event.at)) return 'not-a-member';
  if (event.author === book.request.author) return 'by-requester';
  return close(book, event, 'declined');
}

/** Only the requester withdraws, and may do so even after leaving the circle: taking back one's own request harms nobody. */
export function withdraw(book: RequestBook, event: SupportWithdrawn): FundProblemReason | null {
  if (event.author !== book.request.author) return 'not-the-requester';
  return close(book, event, 'withdrawn');
}

/** A payout counts only for an approved request the fund can cover at the payout's time. */
export function pay(book: RequestBook, event: SupportPaid, membership: Membership, balance: number): FundProblemReason | null {
  if (!isMemberAt(membership, event.author, event.at)) return 'not-a-member';
  if (book.closure !== null) return 'request-closed';
  if (book.approvers.length < book.required) return 'not-approved';
  if (book.request.amount > balance) return 'insufficient-balance';
  return close(book, event, 'paid');
}

function close(book: RequestBook, event: SupportDeclined | SupportWithdrawn | SupportPaid, status: SupportClosure['status']): FundProblemReason | null {
  if (book.closure !== null) return 'request-closed';
  book.closure = { id: event.id, author: event.author, at: event.at, status };
  return null;
}

export function requestState(book: RequestBook): SupportRequestState {
  const { request } = book;
  return {
    id: request.id,
    requester: request.author,
    amount: request.amount,
    reason: request.reason,
    at: request.at,
    rules: book.rules,
    required: book.required,
    approvers: book.approvers,
    uncounted: book.uncounted,
    status: statusOf(book),
    approvedAt: book.approvedAt,
    closure: book.closure,
  };
}
