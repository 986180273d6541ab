/** What the generators of the synthetic circle's mutual defense share: the members, the time span, one random stream, and the records made so far. */
import { toBase64Url } from '../records/bytes';
import type { CborMap } from '../records/cbor';
import type { ExpiryChain } from '../records/expiry-chain';
import type { SigningKeys } from '../records/crypto';
import type { RosterRole } from '../domain/defense-events';
import type { SeededRandom } from '../domain/random';
import { makeRecord } from '../records/make';
import type { NewRecord, SignedBytes } from '../records/make';

export const DAY = 24 * 60 * 60 * 1000;
export const MINUTE = 60 * 1000;

export interface DefenseMember {
  readonly signing: SigningKeys;
  readonly joinedAt: number;
}

export interface DefenseContext {
  readonly circle: Uint8Array;
  readonly fieldKey: Uint8Array;
  /** The chain as far as alerts were raised: alerts are raised in time order, so each steps it on from the last. */
  expiryChain: ExpiryChain;
  readonly members: readonly DefenseMember[];
  readonly viewer: DefenseMember;
  readonly random: SeededRandom;
  readonly launch: number;
  readonly end: number;
  readonly made: { readonly at: number; readonly record: SignedBytes }[];
}

/** A roster entry as generated: who took which roles from when. */
export interface GeneratedEntry {
  readonly member: DefenseMember;
  readonly at: number;
  readonly roles: readonly RosterRole[];
}

export function add(context: DefenseContext, kind: NewRecord['kind'], at: number, body: CborMap, author: DefenseMember): SignedBytes {
  const record = makeRecord({ kind, circle: context.circle, at, body }, author.signing);
  context.made.push({ at, record });
  return record;
}

export function keyOf(member: DefenseMember): string {
  return toBase64Url(member.signing.publicKey);
}

/** Members who had joined at least a day before `at`, as the other generators choose authors. */
export function presentAt(context: DefenseContext, at: number): DefenseMember[] {
  return context.members.filter((member) => member.joinedAt + DAY < at);
}

/** An instant `share` of the way from the launch to the end, kept inside the history. */
export function when(context: DefenseContext, share: number): number {
  return Math.min(context.end - DAY, Math.floor(context.launch + share * (context.end - context.launch)));
}
