/**
 * Stepping an expiry chain (expiry-chain.ts) and the keys it gives. Kept apart
 * from the chain's shape so that the first screen loads no HKDF: only sealing,
 * opening and the hourly step need it.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from './bytes';
import { CHAIN_SEED_BYTES, hourOf } from './expiry-chain';
import type { ExpiryChain } from './expiry-chain';

/**
 * Ten years of hours. A phone closed for longer, or a field said to expire
 * further ahead, is past anything the app means to keep.
 */
export const MAX_CHAIN_STEPS = 24 * 366 * 10;

const NEXT_INFO = utf8('tally/expiry-chain/next');
const FIELD_INFO = utf8('tally/expiring-field/v1');

function step(link: Uint8Array): Uint8Array {
  return hkdf(sha256, link, undefined, NEXT_INFO, CHAIN_SEED_BYTES);
}

/**
 * The chain's link for a later hour; the same chain for an earlier or equal
 * one (a chain never steps back). Null when the hour is further than
 * MAX_CHAIN_STEPS ahead.
 */
export function advanceChain(chain: ExpiryChain, hour: number): ExpiryChain | null {
  if (hour <= chain.hour) return chain;
  if (hour - chain.hour > MAX_CHAIN_STEPS) return null;
  let link = chain.link;
  for (let h = chain.hour; h < hour; h++) link = step(link);
  return { hour, link };
}

/**
 * The key for fields expiring at `expiresAt`, or null once the chain is past
 * that hour (the fields have expired on this phone) or it lies beyond reach.
 */
export function expiringFieldKey(fieldKey: Uint8Array, chain: ExpiryChain, expiresAt: number): Uint8Array | null {
  const hour = hourOf(expiresAt);
  if (hour < chain.hour) return null;
  const at = advanceChain(chain, hour);
  return at === null ? null : hkdf(sha256, concatBytes(fieldKey, at.link), undefined, FIELD_INFO, 32);
}
