/** The hourly step of every circle's expiry chain (app/expiry-chains.ts), loaded after the first screen. */
import { hourOf } from '../records/expiry-chain';
import { advanceChain } from '../records/expiry-steps';
import type { Vault } from '../replica/vault';
import { expiryChainSetting, readExpiryChain } from './expiry-chains';

/**
 * Steps every circle's stored chain to the current hour, overwriting the old
 * link. A chain the clock has run too far past for (years unopened) is
 * removed: everything it could open has expired.
 */
export async function stepExpiryChains(vault: Vault, now: number): Promise<void> {
  for (const { circleId } of await vault.memberships()) {
    const chain = await readExpiryChain(vault, circleId);
    if (chain === null || chain.hour >= hourOf(now)) continue;
    // Null when years have passed unopened: what the old link could open has expired, and it goes.
    await vault.saveSetting(expiryChainSetting(circleId), advanceChain(chain, hourOf(now)));
  }
}
