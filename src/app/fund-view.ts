/**
 * The emergency fund, projected only when a fund screen or use case asks for
 * it, and again only when records about the fund (its rules among them),
 * membership or the reset rule arrive, or a new cycle begins (which pledges have fallen due depends
 * only on the cycle of `asOf`).
 */
import { wasMemberAt } from '../domain/circle';
import { cycleIndexer } from '../domain/cycle-lookup';
import type { CircleEvent } from '../domain/events';
import { projectFund } from '../domain/fund';
import type { FundEvent, FundEventKind, FundState } from '../domain/fund';
import { projectSettings } from '../domain/settings';
import type { ReplicaSnapshot } from '../replica/replica';

const FUND_KINDS: ReadonlySet<CircleEvent['kind']> = new Set<FundEventKind>([
  'fund.pledged',
  'fund.contributed',
  'support.requested',
  'support.approved',
  'support.declined',
  'support.withdrawn',
  'support.paid',
  'fund.settings',
]);
const RELEVANT = new Set<CircleEvent['kind']>([...FUND_KINDS, 'circle.founded', 'member.admitted', 'circle.settings']);

function isFundEvent(event: CircleEvent): event is FundEvent {
  return FUND_KINDS.has(event.kind);
}

interface Built {
  seen: number;
  readonly cycleOf: (at: number) => number;
  readonly cycle: number;
  readonly fund: FundState;
}
/** Per event log (a replica grows one log in place): how much of it the view has seen. */
const built = new WeakMap<readonly CircleEvent[], Built>();

/** The fund as the records say, with pledges due as of `asOf` (the phone's clock). */
export function fundOf(snapshot: ReplicaSnapshot, asOf: number): FundState {
  const { events } = snapshot;
  const known = built.get(events);
  if (known !== undefined && !events.slice(known.seen).some((event) => RELEVANT.has(event.kind))) {
    known.seen = events.length;
    if (known.cycleOf(asOf) === known.cycle) return known.fund;
  }
  const cycleOf = cycleIndexer(projectSettings(events, snapshot.circle).current.resetRule);
  const fund = projectFund(events.filter(isFundEvent), {
    membership: (member, at) => wasMemberAt(snapshot.circle, member, at),
    cycleOf,
    asOf,
  });
  built.set(events, { seen: events.length, cycleOf, cycle: cycleOf(asOf), fund });
  return fund;
}
