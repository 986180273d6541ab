/**
 * What the synthetic circle is drawn from, and the keys a phone needs to open
 * the demo circle. Apart from the generators, so that a phone opening the demo
 * loads none of them: the history itself is signed once, at build time.
 */
import { concatBytes, utf8 } from '../records/bytes';
import { hash } from '../records/crypto';
import { signingKeysFromSeed } from '../records/signatures';
import type { SigningKeys } from '../records/crypto';
import { hourOf } from '../records/expiry-chain';
import type { ExpiryChain } from '../records/expiry-chain';
import { boxKeysFromSeed } from '../records/seal';
import type { BoxKeys } from '../records/seal';
import { circleIdFor } from '../records/kinds/circle-founded';
import { CIRCLE_NAME } from './names';
import type { SyntheticLedgerOptions } from './synthetic-ledger';
import type { SyntheticToolsOptions } from './synthetic-tools';
import type { SyntheticDefenseOptions } from './synthetic-defense';

export interface SyntheticOptions {
  readonly seed: number;
  readonly members: number;
  /** The circle's first day; the history runs from there for `days`. */
  readonly start: number;
  readonly days: number;
  /** Extra profile changes, to size a history for benchmarks. */
  readonly profileChanges: number;
  /** Exchanges, offers and needs over the same years; absent or zero for a circle of members only. */
  readonly ledger?: SyntheticLedgerOptions;
  /** The tool library over the same years, drawn after everything else; absent or null for none. */
  readonly tools?: SyntheticToolsOptions | null;
  /** Mutual defense and the emergency fund, from a random stream of their own; absent or null for none. */
  readonly defense?: SyntheticDefenseOptions | null;
}

export const DEMO_OPTIONS: SyntheticOptions = {
  seed: 2026,
  members: 150,
  start: Date.UTC(2023, 10, 13, 18, 0),
  days: 3 * 365,
  profileChanges: 40,
  ledger: { exchanges: 1800, listings: 500 },
  tools: { tools: 300, handoffsPerYear: 1 },
  defense: { days: 450 },
};

/** 32 bytes for one purpose and index: every key and secret of the synthetic circle comes from its seed this way. */
export function seedFor(seed: number, purpose: string, index: number): Uint8Array {
  return hash(concatBytes(utf8(`tally/synthetic/${purpose}\u0000`), utf8(`${seed}:${index}`)));
}

export const VIEWER_INDEX = 7;

/** Every demo phone starts from the same chain from the circle's first hour, so what the history seals to expire, a phone opens until then. */
export function expiryChainFor(options: SyntheticOptions): ExpiryChain {
  return { hour: hourOf(options.start), link: seedFor(options.seed, 'expiry-chain', 0) };
}

export interface SyntheticIdentity {
  readonly circleId: Uint8Array;
  readonly circleName: string;
  readonly secret: Uint8Array;
  /** Every demo phone starts from the same chain, so what one seals to expire, another opens. */
  readonly expiryChain: ExpiryChain;
  readonly viewer: { readonly signing: SigningKeys; readonly box: BoxKeys };
}

/**
 * The keys a phone needs to open the synthetic circle as its viewer, without
 * generating (and signing) the whole history: that is done once, at build time.
 */
export function syntheticIdentity(options: SyntheticOptions): SyntheticIdentity {
  const founder = signingKeysFromSeed(seedFor(options.seed, 'signing', 0));
  const viewerIndex = Math.min(VIEWER_INDEX, options.members - 1);
  return {
    circleId: circleIdFor(founder.publicKey, seedFor(options.seed, 'nonce', 0).slice(0, 16)),
    circleName: CIRCLE_NAME,
    secret: seedFor(options.seed, 'secret', 0),
    expiryChain: expiryChainFor(options),
    viewer: {
      signing: signingKeysFromSeed(seedFor(options.seed, 'signing', viewerIndex)),
      box: boxKeysFromSeed(seedFor(options.seed, 'box', viewerIndex)),
    },
  };
}
