/**
 * The emergency fund as a pure function of its events: the same set gives the
 * same balance, requests and problems on every phone, whatever order the
 * events arrived in.
 *
 * Requests and pledges are gathered first, whatever their times, because an
 * approval or contribution naming one was made by someone who had seen it: if
 * its time comes earlier, a phone's clock was off, and that must not lose it.
 * Changes of the rules are read in the same pass, in the one order (time, then
 * id), so each request opens under the rules in force when it was made.
 * Everything else is then walked once in that order, which decides what a
 * payout finds in the fund and whether an approval came after the request
 * closed.
 */
import type { FundContributed, FundEvent, FundPledged, FundRulesChanged, RecordId, SupportDecision, SupportRequested } from './events';
import { keepPledge, pledgeProblem, pledgeState } from './pledges';
import type { PledgeBook } from './pledges';
import { approve, decline, openBook, pay, requestProblem, requestState, withdraw } from './requests';
import type { RequestBook } from './requests';
import { compareFundEvents, DEFAULT_FUND_RULES, isMemberAt, isValidAmount, isValidFundRules, MAX_AMOUNT, MAX_APPROVERS, MIN_APPROVERS } from './rules';
import type { FundRules } from './rules';
import type { CycleTotals, FundContext, FundProblem, FundProblemReason, FundRulesChange, FundState } from './types';

/** What moved in one cycle, as the walk goes. */
type CycleTally = Omit<{ -readonly [K in keyof CycleTotals]: CycleTotals[K] }, 'cycle' | 'balance'>;

/** Money in and out, overall and per cycle, as the walk goes. */
interface Till {
  contributed: number;
  paidOut: number;
  readonly cycles: Map<number, CycleTally>;
}

/**
 * Projects the fund. Throws a RangeError only for rules that isValidFundRules
 * refuses, which the caller checks where it reads them; bad events are listed
 * in `problems`, never thrown.
 */
export function projectFund(events: Iterable<FundEvent>, context: FundContext): FundState {
  let rules = context.rules ?? DEFAULT_FUND_RULES;
  if (!isValidFundRules(rules)) {
    throw new RangeError(
      `fund rules need a large amount from 1 to ${MAX_AMOUNT} and ${MIN_APPROVERS} to ${MAX_APPROVERS} approvers, not ${JSON.stringify(rules)}`,
    );
  }
  const rulesHistory: FundRulesChange[] = [];
  const { membership, cycleOf } = context;
  const sorted = distinctInOrder(events);
  const problems: FundProblem[] = [];
  const report = (event: FundEvent, reason: FundProblemReason | null): void => {
    if (reason !== null) problems.push({ id: event.id, kind: event.kind, author: event.author, at: event.at, reason });
  };

  const till: Till = { contributed: 0, paidOut: 0, cycles: new Map() };
  const requests = new Map<RecordId, RequestBook>();
  const pledges = new Map<RecordId, PledgeBook>();
  const refused = new Set<RecordId>();
  // Events naming a refused request or pledge say so, rather than that it is unknown.
  const refuse = (event: SupportRequested | FundPledged, reason: FundProblemReason): void => {
    refused.add(event.id);
    report(event, reason);
  };
  for (const event of sorted) {
    if (event.kind === 'fund.settings') {
      const reason = rulesProblem(event, membership);
      report(event, reason);
      if (reason === null) {
        rules = { largeAmount: event.largeAmount, largeApprovers: event.largeApprovers };
        rulesHistory.push({ id: event.id, changedBy: event.author, at: event.at, rules });
      }
    } else if (event.kind === 'support.requested') {
      const reason = requestProblem(event, membership);
      if (reason === null) {
        requests.set(event.id, openBook(event, rules));
        cycleTally(till, cycleOf(event.at)).requested++;
      } else {
        refuse(event, reason);
      }
    } else if (event.kind === 'fund.pledged') {
      const reason = pledgeProblem(event, membership);
      if (reason === null) pledges.set(event.id, { pledge: event, paid: 0 });
      else refuse(event, reason);
    }
  }

  for (const event of sorted) {
    if (event.kind === 'fund.contributed') report(event, contribute(event));
    else if (event.kind !== 'support.requested' && event.kind !== 'fund.pledged' && event.kind !== 'fund.settings') report(event, decide(event));
  }

  function contribute(event: FundContributed): FundProblemReason | null {
    if (!isMemberAt(membership, event.author, event.at)) return 'not-a-member';
    if (!isValidAmount(event.amount)) return 'bad-amount';
    till.contributed += event.amount;
    cycleTally(till, cycleOf(event.at)).contributed += event.amount;
    return keepPledge(pledges, refused, event);
  }

  function decide(event: SupportDecision): FundProblemReason | null {
    const book = requests.get(event.request);
    if (book === undefined) return refused.has(event.request) ? 'request-not-counted' : 'unknown-request';
    switch (event.kind) {
      case 'support.approved': {
        const wasApproved = book.approvedAt !== null;
        const reason = approve(book, event, membership);
        if (!wasApproved && book.approvedAt !== null) cycleTally(till, cycleOf(event.at)).approved++;
        return reason;
      }
      case 'support.declined':
        return decline(book, event, membership);
      case 'support.withdrawn':
        return withdraw(book, event);
      case 'support.paid': {
        const reason = pay(book, event, membership, till.contributed - till.paidOut);
        if (reason === null) {
          till.paidOut += book.request.amount;
          const tally = cycleTally(till, cycleOf(event.at));
          tally.paidOut += book.request.amount;
          tally.paid++;
        }
        return reason;
      }
    }
  }

  problems.sort(compareFundEvents);
  return {
    balance: till.contributed - till.paidOut,
    contributed: till.contributed,
    paidOut: till.paidOut,
    cycles: cycleTotals(till),
    rules,
    rulesHistory,
    requests: new Map([...requests].map(([id, book]) => [id, requestState(book)])),
    pledges: new Map([...pledges].map(([id, book]) => [id, pledgeState(book, cycleOf, context.asOf)])),
    problems,
  };
}

/** One event per id, in the one order: ids are content hashes, so a repeat is the same event again. */
function distinctInOrder(events: Iterable<FundEvent>): FundEvent[] {
  const byId = new Map<RecordId, FundEvent>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()].sort(compareFundEvents);
}

function cycleTally(till: Till, cycle: number): CycleTally {
  let tally = till.cycles.get(cycle);
  if (tally === undefined) {
    tally = { contributed: 0, paidOut: 0, requested: 0, approved: 0, paid: 0 };
    till.cycles.set(cycle, tally);
  }
  return tally;
}

/** Each cycle's tally in order, with the balance carried through them. */
function cycleTotals(till: Till): CycleTotals[] {
  let balance = 0;
  return [...till.cycles]
    .sort(([a], [b]) => a - b)
    .map(([cycle, tally]) => {
      balance += tally.contributed - tally.paidOut;
      return { cycle, ...tally, balance };
    });
}

/** A change of the rules counts if a member made it and the rules are ones a phone can apply. */
function rulesProblem(change: FundRulesChanged, membership: FundContext['membership']): FundProblemReason | null {
  if (!isMemberAt(membership, change.author, change.at)) return 'not-a-member';
  const rules: FundRules = { largeAmount: change.largeAmount, largeApprovers: change.largeApprovers };
  return isValidFundRules(rules) ? null : 'bad-rules';
}
