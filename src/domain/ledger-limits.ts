/**
 * Credit limits: how far a member may go into debt, or pile up credit, in one
 * cycle. A phone checks before it signs, against every balance it knows of,
 * including its own exchanges that have not synced yet.
 */
import type { MemberKey } from './events';

export interface LimitSettings {
  readonly lowerLimit: number;
  readonly upperLimit: number;
  readonly limitMode: 'soft' | 'hard';
}

export interface LimitCheck {
  readonly provider: 'ok' | 'above-upper';
  readonly receiver: 'ok' | 'below-lower';
  /** Hard limits, and at least one party would end beyond theirs: the phone must not sign. */
  readonly blocking: boolean;
  readonly providerAfter: number;
  readonly receiverAfter: number;
}

/**
 * What an exchange would do to both parties' balances. Reaching a limit exactly
 * is fine; going past it warns under soft limits and blocks under hard ones.
 */
export function checkLimits(
  settings: LimitSettings,
  balancesOfCycle: ReadonlyMap<MemberKey, number>,
  provider: MemberKey,
  receiver: MemberKey,
  quarters: number,
): LimitCheck {
  const providerAfter = (balancesOfCycle.get(provider) ?? 0) + quarters;
  const receiverAfter = (balancesOfCycle.get(receiver) ?? 0) - quarters;
  const providerState = providerAfter > settings.upperLimit ? 'above-upper' : 'ok';
  const receiverState = receiverAfter < settings.lowerLimit ? 'below-lower' : 'ok';
  const crossing = providerState !== 'ok' || receiverState !== 'ok';
  return {
    provider: providerState,
    receiver: receiverState,
    blocking: settings.limitMode === 'hard' && crossing,
    providerAfter,
    receiverAfter,
  };
}

/** An exchange a phone knows of that the ledger does not count yet, such as its own unsynced draft. */
export interface PendingExchange {
  readonly provider: MemberKey;
  readonly receiver: MemberKey;
  readonly quarters: number;
}

/** The balances with pending exchanges added; the given map is left as it was. */
export function withPending(
  balances: ReadonlyMap<MemberKey, number>,
  pending: Iterable<PendingExchange>,
): ReadonlyMap<MemberKey, number> {
  const result = new Map(balances);
  for (const exchange of pending) {
    result.set(exchange.provider, (result.get(exchange.provider) ?? 0) + exchange.quarters);
    result.set(exchange.receiver, (result.get(exchange.receiver) ?? 0) - exchange.quarters);
  }
  return result;
}
