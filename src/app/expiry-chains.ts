/**
 * Where each circle's expiry chain (records/expiry-chain.ts) is kept, and its
 * stepping. The chain is kept outside the app lock: alone it opens nothing,
 * and so it can be stepped at every start and every hour even while the app
 * is locked, and a phone taken and unlocked later holds no link for fields
 * that expired in between (as far as the app ran meanwhile).
 */
import { isExpiryChain } from '../records/expiry-chain';
import type { ExpiryChain } from '../records/expiry-chain';
import type { Vault } from '../replica/vault';

export function expiryChainSetting(circleId: string): string {
  return `expiryChain:${circleId}`;
}

export async function readExpiryChain(vault: Vault, circleId: string): Promise<ExpiryChain | null> {
  const stored = await vault.setting<unknown>(expiryChainSetting(circleId));
  return isExpiryChain(stored) ? stored : null;
}

export function keepExpiryChain(vault: Vault, circleId: string, chain: ExpiryChain): Promise<void> {
  return vault.saveSetting(expiryChainSetting(circleId), chain);
}
