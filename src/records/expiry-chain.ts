/**
 * Sealed fields that expire (alert details, court dates) are sealed so that,
 * once they expire, no honest phone holds a key that opens them, wherever the
 * sealed bytes themselves went: other phones, a sync file on a USB stick,
 * old storage pages. Each circle has a chain of hourly keys, each made from
 * the one before by a one-way step:
 *
 *   chain(h + 1) = HKDF-SHA256(chain(h), info "tally/expiry-chain/next")
 *
 * A phone keeps only the chain's link for the current hour. From it, it can
 * make every later link (to seal or open fields that expire later), and no
 * earlier one. A field expiring at time T is sealed under
 *
 *   HKDF-SHA256(field key || chain(hour of T), info "tally/expiring-field/v1")
 *
 * so it opens until the hour after T begins and the phone steps its chain past
 * it. The field key comes from the circle secret (sealed-field.ts), so the
 * chain alone opens nothing: it can be kept, and stepped, while the app is
 * locked. A newcomer receives the admitter's current link in the welcome.
 */
import type { RandomBytes } from './crypto';

export const CHAIN_STEP_MS = 60 * 60 * 1000;
export const CHAIN_SEED_BYTES = 32;

export interface ExpiryChain {
  /** The hour (milliseconds since 1970 over CHAIN_STEP_MS) whose link this is. */
  readonly hour: number;
  readonly link: Uint8Array;
}

export function hourOf(ms: number): number {
  return Math.floor(ms / CHAIN_STEP_MS);
}

export function newExpiryChain(now: number, random: RandomBytes): ExpiryChain {
  const link = random(CHAIN_SEED_BYTES);
  if (link.length !== CHAIN_SEED_BYTES) throw new RangeError('random gave the wrong number of bytes');
  return { hour: hourOf(now), link };
}

export function isExpiryChain(value: unknown): value is ExpiryChain {
  if (typeof value !== 'object' || value === null) return false;
  const { hour, link } = value as { hour?: unknown; link?: unknown };
  return Number.isSafeInteger(hour) && (hour as number) >= 0 && link instanceof Uint8Array && link.length === CHAIN_SEED_BYTES;
}
