/**
 * A deterministic synthetic circle: the same seed gives the same keys, records
 * and bytes on every machine. It feeds the demo circle and the benchmarks, so
 * what a newcomer explores is what performance is measured on.
 */
import { seededRandom } from '../domain/random';
import type { SeededRandom } from '../domain/random';
import { toBase64Url } from '../records/bytes';
import { signingKeysFromSeed } from '../records/signatures';
import { boxKeysFromSeed } from '../records/seal';
import type { SigningKeys } from '../records/crypto';
import type { BoxKeys } from '../records/seal';
import { circleFoundedBody, circleIdFor } from '../records/kinds/circle-founded';
import { memberAdmittedBody } from '../records/kinds/member-admitted';
import { memberProfileBody } from '../records/kinds/member-profile';
import { makeRecord } from '../records/make';
import type { SignedBytes } from '../records/make';
import { CIRCLE_NAME, FAMILY_NAMES, GIVEN_NAMES } from './names';
import { expiryChainFor, seedFor, VIEWER_INDEX } from './demo-options';
import type { SyntheticOptions } from './demo-options';
import { syntheticLedger } from './synthetic-ledger';
import { syntheticTools } from './synthetic-tools';
import { syntheticDefense } from './synthetic-defense';

export { DEMO_OPTIONS, syntheticIdentity } from './demo-options';
export type { SyntheticIdentity, SyntheticOptions } from './demo-options';

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

const DEFENSE_STREAM = 0x0def_e45e;

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
