/**
 * One cycle's balances straight from the confirmations, without building the
 * whole ledger: what the home screen needs first when a phone opens years of
 * history. A draft's cycle is fixed by its own time, and whether a
 * confirmation counts depends only on the other confirmations of the same
 * draft, so projecting just the drafts of one cycle gives exactly the balances
 * the full ledger has for it.
 */
import type { CircleState } from './circle';
import type { ExchangeConfirmed, MemberKey } from './events';
import { balancesForCycle, projectLedger } from './ledger';
import type { CycleOf } from './ledger-rules';

export function cycleBalances(
  confirmations: Iterable<ExchangeConfirmed>,
  membership: CircleState,
  cycleOf: CycleOf,
  cycle: number,
): ReadonlyMap<MemberKey, number> {
  const inCycle: ExchangeConfirmed[] = [];
  for (const confirmation of confirmations) if (cycleOf(confirmation.draft.at) === cycle) inCycle.push(confirmation);
  return balancesForCycle(projectLedger(inCycle, membership, cycleOf), cycle);
}
