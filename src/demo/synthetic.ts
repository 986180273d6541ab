/**
 * A deterministic synthetic circle: the same seed gives the same keys, records
 * and bytes on every machine. It feeds the demo circle and the benchmarks, so
 * what a newcomer explores is what performance is measured on.
 */
import { seededRandom } from '../domain/random';
import type { SeededRandom } from '../domain/random';
import { concatBytes, toBase64Url, utf8 } from '../records/bytes';
import { hash, signingKeysFromSeed } from '../records/crypto';
import { boxKeysFromSeed } from '../records/seal';
import type { SigningKeys } from '../records/crypto';
import type { BoxKeys } from '../records/seal';
import { circleFoundedBody, circleIdFor } from '../records/kinds/circle-founded';
import { memberAdmittedBody } from '../records/kinds/member-admitted';
import { memberProfileBody } from '../records/kinds/member-profile';
import { makeRecord } from '../records/make';
import type { SignedBytes } from '../records/make';
import { CIRCLE_NAME, FAMILY_NAMES, GIVEN_NAMES } from './names';
import { syntheticLedger } from './synthetic-ledger';
import type { SyntheticLedgerOptions } from './synthetic-ledger';
import { syntheticTools } from './synthetic-tools';
import type { SyntheticToolsOptions } from './synthetic-tools';
import { hourOf } from '../records/expiry-chain';
import type { ExpiryChain } from '../records/expiry-chain';
import { syntheticDefense } from './synthetic-defense';
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

export interface SyntheticMember {
  readonly name: string;
  readonly signing: SigningKeys;
  readonly box: BoxKeys;
}

export interface SyntheticCircle {
  readonly circleId: Uint8Array;
  readonly circleName: string;
  readonly secret: Uint8Array;
  readonly members: readonly SyntheticMember[];
  /** The member whose phone the demo is seen from. */
  readonly viewer: SyntheticMember;
  readonly records: readonly SignedBytes[];
}

const DAY = 24 * 60 * 60 * 1000;

function seedFor(seed: number, purpose: string, index: number): Uint8Array {
  return hash(concatBytes(utf8(`tally/synthetic/${purpose}\u0000`), utf8(`${seed}:${index}`)));
}

function memberName(random: SeededRandom, taken: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const fallback = `${random.pick(GIVEN_NAMES)} ${taken.size}`;
  taken.add(fallback);
  return fallback;
}

/** Every demo phone starts from the same chain from the circle's first hour, so what the history seals to expire, a phone opens until then. */
function expiryChainFor(options: SyntheticOptions): ExpiryChain {
  return { hour: hourOf(options.start), link: seedFor(options.seed, 'expiry-chain', 0) };
}

const VIEWER_INDEX = 7;
const DEFENSE_STREAM = 0x0def_e45e;

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

export function syntheticCircle(options: SyntheticOptions): SyntheticCircle {
  const random = seededRandom(options.seed);
  const taken = new Set<string>();
  const members: SyntheticMember[] = [];
  for (let i = 0; i < options.members; i++) {
    members.push({
      name: memberName(random, taken),
      signing: signingKeysFromSeed(seedFor(options.seed, 'signing', i)),
      box: boxKeysFromSeed(seedFor(options.seed, 'box', i)),
    });
  }
  const founder = members[0]!;
  const nonce = seedFor(options.seed, 'nonce', 0).slice(0, 16);
  const circleId = circleIdFor(founder.signing.publicKey, nonce);
  const records: SignedBytes[] = [];
  const end = options.start + options.days * DAY;

  records.push(
    makeRecord(
      {
        kind: 'circle.founded',
        circle: circleId,
        at: options.start,
        body: circleFoundedBody({ circleName: CIRCLE_NAME, founderName: founder.name, founderBoxKey: founder.box.publicKey, nonce }),
      },
      founder.signing,
    ),
  );

  // Newcomers arrive quickly at first and then steadily; each is admitted by
  // someone already in, most often by a member who joined recently.
  const joinedAt: number[] = [options.start];
  for (let i = 1; i < members.length; i++) {
    const progress = i / members.length;
    const at = Math.floor(options.start + Math.pow(progress, 1.6) * (end - options.start - DAY)) + random.int(60_000, 3_600_000);
    const admitterIndex = random.chance(0.6) ? Math.max(0, i - random.int(1, 6)) : random.int(0, i);
    const admitter = members[admitterIndex]!;
    const member = members[i]!;
    records.push(
      makeRecord(
        {
          kind: 'member.admitted',
          circle: circleId,
          at: Math.max(at, joinedAt[admitterIndex]! + 60_000),
          body: memberAdmittedBody({ member: member.signing.publicKey, boxKey: member.box.publicKey, name: member.name }),
        },
        admitter.signing,
      ),
    );
    joinedAt.push(Math.max(at, joinedAt[admitterIndex]! + 60_000));
  }

  for (let i = 0; i < options.profileChanges; i++) {
    const index = random.int(0, members.length);
    const member = members[index]!;
    const from = joinedAt[index]! + DAY;
    if (from >= end) continue;
    const base = member.name.split(' ')[0]!;
    // People add a second surname, or go by a shorter name.
    const name = random.chance(0.5) ? `${member.name} ${random.pick(FAMILY_NAMES)}` : base;
    records.push(
      makeRecord({ kind: 'member.profile', circle: circleId, at: random.int(from, end), body: memberProfileBody({ name }) }, member.signing),
    );
  }

  if (options.ledger !== undefined) {
    const ledgerMembers = members.map((m, i) => ({ signing: m.signing, joinedAt: joinedAt[i]! }));
    records.push(...syntheticLedger(circleId, ledgerMembers, { start: options.start, end }, options.ledger, random));
  }

  const viewerIndex = Math.min(VIEWER_INDEX, members.length - 1);
  if (options.tools !== undefined && options.tools !== null) {
    const toolMembers = members.map((m, i) => ({ signing: m.signing, joinedAt: joinedAt[i]! }));
    records.push(...syntheticTools(circleId, toolMembers, { start: options.start, end }, options.tools, random, toolMembers[viewerIndex]!));
  }

  const secret = seedFor(options.seed, 'secret', 0);
  if (options.defense !== undefined && options.defense !== null) {
    const defenseMembers = members.map((m, i) => ({ signing: m.signing, joinedAt: joinedAt[i]! }));
    // A stream of its own, so that the defense records do not depend on whether the ledger and tools were drawn.
    const seed = (options.seed ^ DEFENSE_STREAM) >>> 0;
    const keys = { secret, expiryChain: expiryChainFor(options) };
    records.push(...syntheticDefense(circleId, keys, defenseMembers, { start: options.start, end }, options.defense, seed, defenseMembers[viewerIndex]!));
  }

  return {
    circleId,
    circleName: CIRCLE_NAME,
    secret,
    members,
    viewer: members[viewerIndex]!,
    records,
  };
}

export function syntheticCircleIdText(circle: SyntheticCircle): string {
  return toBase64Url(circle.circleId);
}
