/**
 * What a member does with circles: found one, change their name, open the demo,
 * leave. Each step that writes a record resolves only once it is on disk.
 */
import { normalizeName, MAX_CIRCLE_NAME, MAX_DISPLAY_NAME } from '../domain/names';
import type { NameProblem } from '../domain/names';
import { toBase64Url } from '../records/bytes';
import { KEY_BYTES } from '../records/crypto';
import { signingKeysFromSeed } from '../records/signatures';
import { boxKeysFromSeed } from '../records/seal';
import { CIRCLE_SECRET_BYTES } from '../records/invite';
import { circleFoundedBody, circleIdFor, FOUNDING_NONCE_BYTES } from '../records/kinds/circle-founded';
import { memberProfileBody } from '../records/kinds/member-profile';
import { makeRecord } from '../records/make';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import { deleteArchive } from '../replica/archive';
import { deleteDocumentStore } from '../replica/doc-store';
import type { Vault } from '../replica/vault';
import { DEMO_OPTIONS, syntheticIdentity } from '../demo/demo-options';
import { decodeDemoFile } from '../demo/demo-file';
import { recordIdOf } from '../records/envelope';
import type { AppDeps } from './deps';
import { keepExpiryChain } from './expiry-chains';
import { newExpiryChain } from '../records/expiry-chain';
import { openCircle } from './open-circle';
import type { OpenCircle } from './open-circle';

export interface CreateCircleInput {
  readonly circleName: string;
  readonly displayName: string;
}

export type CreateCircleProblem = { readonly field: 'circleName' | 'displayName'; readonly problem: NameProblem };

export async function createCircle(
  vault: Vault,
  input: CreateCircleInput,
  deps: AppDeps,
): Promise<Result<OpenCircle, CreateCircleProblem>> {
  const circleName = normalizeName(input.circleName, MAX_CIRCLE_NAME);
  if (!circleName.ok) return err({ field: 'circleName', problem: circleName.problem });
  const displayName = normalizeName(input.displayName, MAX_DISPLAY_NAME);
  if (!displayName.ok) return err({ field: 'displayName', problem: displayName.problem });

  const signing = signingKeysFromSeed(deps.random(KEY_BYTES));
  const box = boxKeysFromSeed(deps.random(KEY_BYTES));
  const nonce = deps.random(FOUNDING_NONCE_BYTES);
  const circleId = circleIdFor(signing.publicKey, nonce);
  const now = deps.now();
  const membership = {
    circleId: toBase64Url(circleId),
    circleName: circleName.value,
    memberKey: toBase64Url(signing.publicKey),
    joinedAt: now,
    isDemo: false,
    keys: deps.keyring.protect(
      { signingSeed: signing.secretKey, boxSeed: box.secretKey, circleSecret: deps.random(CIRCLE_SECRET_BYTES) },
      deps.random,
    ),
  };
  // Keys first: a crash between the two writes leaves a circle with no record
  // yet, which the member can still open, never a record nobody can sign for.
  await keepExpiryChain(vault, membership.circleId, newExpiryChain(now, deps.random));
  await vault.saveMembership(membership);
  const circle = await openCircle(membership, vault, deps);
  const founding = makeRecord(
    {
      kind: 'circle.founded',
      circle: circleId,
      at: now,
      body: circleFoundedBody({ circleName: circleName.value, founderName: displayName.value, founderBoxKey: box.publicKey, nonce }),
    },
    signing,
  );
  const added = await circle.replica.add(founding.bytes);
  if (!added.ok) throw new Error(`a founding record made here was rejected: ${added.error.problem}`);
  await vault.saveSetting('activeCircle', membership.circleId);
  return ok(circle);
}

export async function changeDisplayName(circle: OpenCircle, name: string, deps: AppDeps): Promise<Result<string, NameProblem>> {
  const normalized = normalizeName(name, MAX_DISPLAY_NAME);
  if (!normalized.ok) return err(normalized.problem);
  const record = makeRecord(
    { kind: 'member.profile', circle: circle.replica.circleId, at: deps.now(), body: memberProfileBody({ name: normalized.value }) },
    circle.signing,
  );
  const added = await circle.replica.add(record.bytes);
  if (!added.ok) throw new Error(`a profile record made here was rejected: ${added.error.problem}`);
  return ok(normalized.value);
}

/**
 * The demo circle: its history was signed at build time and ships with the
 * app; this phone derives the viewer's keys from the same fixed seed. It is
 * marked so that it can be told apart and left.
 */
export async function openDemoCircle(vault: Vault, deps: AppDeps, loadHistory: () => Promise<Uint8Array>): Promise<OpenCircle> {
  const demo = syntheticIdentity(DEMO_OPTIONS);
  const circleId = toBase64Url(demo.circleId);
  const existing = await vault.membership(circleId);
  const membership = existing ?? {
    circleId,
    circleName: demo.circleName,
    memberKey: toBase64Url(demo.viewer.signing.publicKey),
    joinedAt: deps.now(),
    isDemo: true,
    keys: deps.keyring.protect(
      { signingSeed: demo.viewer.signing.secretKey, boxSeed: demo.viewer.box.secretKey, circleSecret: demo.secret },
      deps.random,
    ),
  };
  const records = decodeDemoFile(await loadHistory());
  if (records === null) throw new Error('the demo circle file is damaged');
  if (existing === undefined) {
    await keepExpiryChain(vault, circleId, demo.expiryChain);
    await vault.saveMembership(membership);
  }
  const circle = await openCircle(membership, vault, deps);
  const missing = records.filter((bytes) => !circle.replica.has(recordIdOf(bytes)));
  if (missing.length > 0) await circle.replica.importTrusted(missing);
  await vault.saveSetting('activeCircle', circleId);
  return circle;
}

/** Leaving erases this phone's copy only; the circle lives on the other members' phones. */
export async function leaveCircle(vault: Vault, circle: OpenCircle, deps: Pick<AppDeps, 'storageScope'> = {}): Promise<void> {
  const circleId = circle.membership.circleId;
  const storageName = (deps.storageScope ?? '') + circleId;
  await circle.replica.close();
  await vault.removeMembership(circleId);
  await Promise.all([deleteArchive(storageName), deleteDocumentStore(storageName)]);
  if ((await vault.setting<string>('activeCircle')) === circleId) await vault.saveSetting('activeCircle', null);
}
