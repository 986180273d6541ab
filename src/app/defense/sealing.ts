/**
 * Sealing a member's sensitive fields with the circle's field key, bound to
 * the circle, the author and what the fields are: one path for roster
 * contacts and alert details.
 */
import { fromBase64Url } from '../../records/bytes';
import type { CborValue } from '../../records/cbor';
import { isCborMap } from '../../records/fields';
import type { RandomBytes } from '../../records/crypto';
import type { Result } from '../../records/result';
import { fieldKey, openFields, sealFields } from '../../records/sealed-field';
import type { OpenFieldProblem, SealContext } from '../../records/sealed-field';
import { hourOf } from '../../records/expiry-chain';
import { advanceChain, expiringFieldKey } from '../../records/expiry-steps';
import type { ExpiryChain } from '../../records/expiry-chain';
import { err } from '../../records/result';
import type { OpenCircle } from '../open-circle';

/** The HKDF step once per circle, not once per field a screen opens: screens open every roster entry on each render. */
const fieldKeys = new WeakMap<Uint8Array, Uint8Array>();
function fieldKeyOf(circle: OpenCircle): Uint8Array {
  let key = fieldKeys.get(circle.circleSecret);
  if (key === undefined) {
    key = fieldKey(circle.circleSecret);
    fieldKeys.set(circle.circleSecret, key);
  }
  return key;
}

export function sealAsMember(circle: OpenCircle, purpose: string, fields: CborValue, random: RandomBytes): Uint8Array {
  return sealFields(fieldKeyOf(circle), contextOf(circle, circle.membership.memberKey, purpose), fields, random);
}

export function openAsAuthor(circle: OpenCircle, author: string, purpose: string, sealed: Uint8Array): Result<CborValue, OpenFieldProblem> {
  return openFields(fieldKeyOf(circle), contextOf(circle, author, purpose), sealed);
}

/** Why fields that expire cannot be sealed or opened: past their expiry here, or this phone has no expiry chain. */
export type ExpiringProblem = 'expired' | 'no-chain';

/**
 * The circle's chain stepped to now. Stepping in memory drops the links for
 * hours past at once; the stored chain follows at the next hourly step
 * (app/expiry-chains.ts).
 */
function chainAt(circle: OpenCircle, now: number): ExpiryChain | null {
  const chain = circle.expiry.chain;
  if (chain === null) return null;
  const stepped = advanceChain(chain, hourOf(now));
  circle.expiry.chain = stepped;
  return stepped;
}

/** Keys by expiry hour, per circle: a screen opens every alert on each render, and each key is hundreds of chain steps. */
const expiringKeys = new WeakMap<object, Map<number, Uint8Array>>();

function expiringKeyOf(circle: OpenCircle, expiresAt: number, now: number): Uint8Array | ExpiringProblem {
  const chain = chainAt(circle, now);
  if (chain === null) return 'no-chain';
  const hour = hourOf(expiresAt);
  if (!(hour >= chain.hour)) return 'expired';
  let keys = expiringKeys.get(circle.expiry);
  if (keys === undefined) {
    keys = new Map();
    expiringKeys.set(circle.expiry, keys);
  }
  for (const past of keys.keys()) if (past < chain.hour) keys.delete(past);
  let key = keys.get(hour);
  if (key === undefined) {
    const derived = expiringFieldKey(fieldKeyOf(circle), chain, expiresAt);
    // Beyond the chain's reach (years ahead): no phone of ours seals that far.
    if (derived === null) return 'no-chain';
    key = derived;
    keys.set(hour, key);
  }
  return key;
}

/** Seals fields that no phone can open once `expiresAt` has passed (records/expiry-chain.ts). */
export function sealExpiring(
  circle: OpenCircle,
  purpose: string,
  fields: CborValue,
  expiresAt: number,
  deps: { readonly now: () => number; readonly random: RandomBytes },
): Uint8Array | ExpiringProblem {
  const key = expiringKeyOf(circle, expiresAt, deps.now());
  return typeof key === 'string' ? key : sealFields(key, contextOf(circle, circle.membership.memberKey, purpose), fields, deps.random);
}

export function openExpiring(
  circle: OpenCircle,
  author: string,
  purpose: string,
  sealed: Uint8Array,
  expiresAt: number,
  now: number,
): Result<CborValue, OpenFieldProblem | ExpiringProblem> {
  const key = expiringKeyOf(circle, expiresAt, now);
  return typeof key === 'string' ? err(key) : openFields(key, contextOf(circle, author, purpose), sealed);
}

/**
 * Sealed fields are a map of texts keyed 0, 1, 2...; each at most its limit.
 * Null when one is missing or too long: authentic bytes that only another
 * version of the app could have made.
 */
export function readTexts(fields: CborValue, limits: readonly number[]): string[] | null {
  if (!isCborMap(fields)) return null;
  const texts: string[] = [];
  for (const [key, max] of limits.entries()) {
    const value = fields.get(key);
    if (typeof value !== 'string' || [...value].length > max) return null;
    texts.push(value);
  }
  return texts;
}

function contextOf(circle: OpenCircle, author: string, purpose: string): SealContext {
  const authorKey = fromBase64Url(author);
  if (authorKey === null) throw new RangeError('not a member key');
  return { circle: circle.replica.circleId, author: authorKey, purpose };
}
