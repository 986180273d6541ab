/**
 * The emergency fund of the synthetic circle: the takings of a street party,
 * then the roster's fund contributors pledging every cycle (a few once) and
 * paying in every four cycles or so; the circle tightening its payout rules
 * part of the way through; and six requests: three paid, one declined, one
 * withdrawn, and one still waiting for its second approval at the end, which
 * the viewer can give.
 */
import { approversNeeded, DEFAULT_FUND_RULES } from '../domain/fund';
import type { FundRules, SupportReasonKind } from '../domain/fund';
import { fundContributedBody, fundPledgedBody, fundSettingsBody, supportDecisionBody, supportRequestedBody } from '../records/kinds/fund';
import { add, DAY, MINUTE, presentAt, when } from './defense-context';
import type { DefenseContext, DefenseMember, GeneratedEntry } from './defense-context';

type Outcome = 'paid' | 'declined' | 'withdrawn' | 'open';

interface PlannedRequest {
  readonly share: number;
  readonly amount: number;
  readonly reason: SupportReasonKind;
  readonly note: string | null;
  readonly outcome: Outcome;
}

const RULES_CHANGE = { share: 0.7, rules: { largeAmount: 40_000, largeApprovers: 3 } } as const;

/** The second is large under the starting rules; the fifth is made under the tighter ones. */
const REQUESTS: readonly PlannedRequest[] = [
  { share: 0.35, amount: 35_000, reason: 'housing', note: 'Rent arrears after my hours were cut', outcome: 'paid' },
  { share: 0.5, amount: 80_000, reason: 'legal', note: null, outcome: 'paid' },
  { share: 0.6, amount: 12_000, reason: 'health', note: 'Dentist, an emergency extraction', outcome: 'declined' },
  { share: 0.65, amount: 6_000, reason: 'food', note: null, outcome: 'withdrawn' },
  { share: 0.82, amount: 40_000, reason: 'bereavement', note: 'A flight home for my father’s funeral', outcome: 'paid' },
  { share: 1, amount: 25_000, reason: 'housing', note: 'Deposit for a new flat after the eviction', outcome: 'open' },
];

export function syntheticFund(context: DefenseContext, entries: readonly GeneratedEntry[]): void {
  const founder = context.members[0]!;
  add(context, 'fund.contributed', when(context, 0.04), fundContributedBody({ amount: 60_000, pledge: null }), founder);
  const contributors = [...new Set(entries.filter((entry) => entry.roles.includes('fund')).map((entry) => entry.member))];
  contributors.forEach((member, i) => {
    const entry = entries.find((candidate) => candidate.member === member)!;
    addPledge(context, member, entry.at + context.random.int(1, 10) * DAY, i % 4 === 3);
  });
  const changeAt = when(context, RULES_CHANGE.share);
  add(context, 'fund.settings', changeAt, fundSettingsBody(RULES_CHANGE.rules), contributors[0] ?? founder);
  const requesters = new Set<DefenseMember>();
  for (const planned of REQUESTS) {
    const at = planned.outcome === 'open' ? context.end - 4 * DAY : when(context, planned.share);
    const rules: FundRules = at > changeAt ? RULES_CHANGE.rules : DEFAULT_FUND_RULES;
    const requester = pickOther(context, at, [context.viewer, ...requesters]);
    requesters.add(requester);
    addRequest(context, planned, at, requester, approversNeeded(planned.amount, rules), contributors);
  }
}

/** A pledge and the money that keeps it: once, or four cycles at a time until the pledge is kept. */
function addPledge(context: DefenseContext, member: DefenseMember, at: number, once: boolean): void {
  const { random, end } = context;
  if (at >= end - DAY) return;
  if (once) {
    const amount = random.pick([5_000, 10_000, 20_000]);
    const pledge = add(context, 'fund.pledged', at, fundPledgedBody({ amount, schedule: { kind: 'once' } }), member);
    const paidAt = at + random.int(3, 30) * DAY;
    if (paidAt < end - DAY) add(context, 'fund.contributed', paidAt, fundContributedBody({ amount, pledge: pledge.id }), member);
    return;
  }
  const amount = random.pick([1_000, 1_500, 2_000, 2_500, 3_000]);
  const cycles = random.pick([12, 24]);
  const pledge = add(context, 'fund.pledged', at, fundPledgedBody({ amount, schedule: { kind: 'per-cycle', cycles } }), member);
  let paidAt = at + random.int(1, 7) * DAY;
  for (let kept = 0; kept < cycles && paidAt < end - DAY; kept += 4) {
    add(context, 'fund.contributed', paidAt, fundContributedBody({ amount: amount * 4, pledge: pledge.id }), member);
    paidAt += random.int(110, 125) * DAY;
  }
}

function addRequest(context: DefenseContext, planned: PlannedRequest, at: number, requester: DefenseMember, required: number, payers: readonly DefenseMember[]): void {
  const { random } = context;
  const fields = { amount: planned.amount, reason: planned.reason, note: planned.note };
  const request = add(context, 'support.requested', at, supportRequestedBody(fields), requester).id;
  const decision = supportDecisionBody(request);
  const approvals = planned.outcome === 'paid' ? required : planned.outcome === 'withdrawn' ? 0 : 1;
  const approvers: DefenseMember[] = [];
  let t = at;
  for (let i = 0; i < approvals; i++) {
    t += random.int(3 * 60, 20 * 60) * MINUTE;
    const approver = pickOther(context, t, [context.viewer, requester, ...approvers]);
    approvers.push(approver);
    add(context, 'support.approved', t, decision, approver);
  }
  if (planned.outcome === 'paid') {
    const payer = payers.find((member) => member !== requester && member.joinedAt + DAY < t) ?? pickOther(context, t, [requester]);
    add(context, 'support.paid', t + random.int(1, 4) * DAY, decision, payer);
  } else if (planned.outcome === 'declined') {
    add(context, 'support.declined', t + 2 * DAY, decision, pickOther(context, t + 2 * DAY, [context.viewer, requester, ...approvers]));
  } else if (planned.outcome === 'withdrawn') {
    add(context, 'support.withdrawn', at + DAY, decision, requester);
  }
}

/** A member present at `at` who is none of `except`. */
function pickOther(context: DefenseContext, at: number, except: readonly DefenseMember[]): DefenseMember {
  const candidates = presentAt(context, at).filter((member) => !except.includes(member));
  return context.random.pick(candidates);
}
