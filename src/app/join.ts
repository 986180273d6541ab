/**
 * The two scans that bring a newcomer in (see records/invite.ts for the
 * cryptography): the newcomer's side keeps a pending request until a welcome
 * opens it; the member's side reviews a request and signs the admission.
 */
import type { CircleState } from '../domain/circle';
import { MAX_DISPLAY_NAME, normalizeName } from '../domain/names';
import type { NameProblem } from '../domain/names';
import { fromBase64Url, toBase64Url } from '../records/bytes';
import { KEY_BYTES } from '../records/crypto';
import { signingKeysFromSeed } from '../records/signatures';
import { boxKeysFromSeed } from '../records/seal';
import {
  DEFAULT_WELCOME_LIFETIME_MS,
  keyFingerprint,
  makeJoinRequest,
  makeWelcome,
  openWelcome,
  parseJoinRequest,
  unsealWelcome,
} from '../records/invite';
import type { JoinRequest, JoinRequestProblem, WelcomeProblem } from '../records/invite';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import type { Keyring } from '../replica/keyring';
import type { Vault } from '../replica/vault';
import type { ExpectFrameProblem } from '../qr/frame';
import { joinRequestCode, readJoinRequestCode, readWelcomeCode, welcomeCode } from './codes';
import type { AppDeps } from './deps';
import { keepExpiryChain } from './expiry-chains';
import { hourOf } from '../records/expiry-chain';
import { advanceChain } from '../records/expiry-steps';
import { openCircle } from './open-circle';
import type { OpenCircle } from './open-circle';

export interface ShownJoinRequest {
  readonly name: string;
  readonly code: string;
  readonly fingerprint: string;
}

/** Makes new keys and a join request, kept on the phone so a reload does not lose them. */
export async function startJoin(vault: Vault, name: string, deps: AppDeps): Promise<Result<ShownJoinRequest, NameProblem>> {
  const normalized = normalizeName(name, MAX_DISPLAY_NAME);
  if (!normalized.ok) return err(normalized.problem);
  const signingSeed = deps.random(KEY_BYTES);
  const boxSeed = deps.random(KEY_BYTES);
  await vault.savePendingJoin({
    name: normalized.value,
    createdAt: deps.now(),
    keys: deps.keyring.protect({ signingSeed, boxSeed, circleSecret: null }, deps.random),
  });
  const shown = await currentJoinRequest(vault, deps.keyring);
  if (shown === undefined) throw new Error('the join request just saved could not be read back');
  return ok(shown);
}

export async function currentJoinRequest(vault: Vault, keyring: Keyring): Promise<ShownJoinRequest | undefined> {
  const pending = await vault.pendingJoin();
  if (pending === undefined) return undefined;
  const secrets = keyring.open(pending.keys);
  if (typeof secrets === 'string') return undefined;
  const signing = signingKeysFromSeed(secrets.signingSeed);
  const box = boxKeysFromSeed(secrets.boxSeed);
  return {
    name: pending.name,
    code: joinRequestCode(makeJoinRequest(signing, box, pending.name)),
    fingerprint: keyFingerprint(signing.publicKey),
  };
}

export type AcceptWelcomeProblem = ExpectFrameProblem | WelcomeProblem | 'no-pending-request';

export interface Joined {
  readonly circle: OpenCircle;
  /**
   * The admitting member's key number. A sealed welcome does not prove who
   * sealed it, so the newcomer compares this with the number on the member's
   * screen: someone who only saw the join request cannot make it match.
   */
  readonly admitterFingerprint: string;
}

export async function acceptWelcome(vault: Vault, text: string, deps: AppDeps): Promise<Result<Joined, AcceptWelcomeProblem>> {
  const body = readWelcomeCode(text);
  if (!body.ok) return body;
  const pending = await vault.pendingJoin();
  const secrets = pending === undefined ? undefined : deps.keyring.open(pending.keys);
  if (pending === undefined || secrets === undefined || typeof secrets === 'string') {
    return err((await isReplayOnThisPhone(vault, deps.keyring, body.value)) ? 'already-used' : 'no-pending-request');
  }
  const signing = signingKeysFromSeed(secrets.signingSeed);
  const box = boxKeysFromSeed(secrets.boxSeed);
  const opened = openWelcome(body.value, { signing, box, name: pending.name }, deps.now(), () => false);
  if (!opened.ok) return opened;
  if (await vault.isWelcomeUsed(opened.value.welcomeId)) return err('already-used');
  const welcome = opened.value;
  const membership = {
    circleId: toBase64Url(welcome.circleId),
    circleName: welcome.circleName,
    memberKey: toBase64Url(signing.publicKey),
    joinedAt: deps.now(),
    isDemo: false,
    keys: deps.keyring.protect({ signingSeed: signing.secretKey, boxSeed: box.secretKey, circleSecret: welcome.secret }, deps.random),
  };
  // The admitter's link, stepped to now: links for hours already past open only what has expired.
  const chain = welcome.expiryChain === null ? null : advanceChain(welcome.expiryChain, hourOf(deps.now()));
  if (chain !== null) await keepExpiryChain(vault, membership.circleId, chain);
  await vault.completeJoin(membership, welcome.welcomeId);
  const circle = await openCircle(membership, vault, deps);
  const added = await circle.replica.add(welcome.admission.bytes);
  if (!added.ok) throw new Error(`an admission checked by openWelcome was rejected: ${added.error.problem}`);
  await vault.saveSetting('activeCircle', membership.circleId);
  return ok({ circle, admitterFingerprint: keyFingerprint(fromBase64Url(welcome.admitter)!) });
}

/** A welcome that opens with the keys of a circle this phone already joined, and was used. */
async function isReplayOnThisPhone(vault: Vault, keyring: Keyring, code: Uint8Array): Promise<boolean> {
  for (const membership of await vault.memberships()) {
    const secrets = keyring.open(membership.keys);
    if (typeof secrets === 'string') continue;
    const unsealed = unsealWelcome(code, boxKeysFromSeed(secrets.boxSeed));
    if (unsealed.ok && (await vault.isWelcomeUsed(unsealed.value.welcomeId))) return true;
  }
  return false;
}

export interface JoinReview {
  readonly request: JoinRequest;
  readonly fingerprint: string;
  readonly alreadyMember: boolean;
}

export type ReviewProblem = ExpectFrameProblem | JoinRequestProblem;

export function reviewJoinRequest(text: string, state: CircleState): Result<JoinReview, ReviewProblem> {
  const body = readJoinRequestCode(text);
  if (!body.ok) return body;
  const request = parseJoinRequest(body.value);
  if (!request.ok) return request;
  return ok({
    request: request.value,
    fingerprint: keyFingerprint(request.value.signingKey),
    alreadyMember: state.members.has(toBase64Url(request.value.signingKey)),
  });
}

export interface IssuedWelcome {
  readonly code: string;
  readonly expiresAt: number;
  readonly admissionId: string;
}

/** Signs and stores the admission, then seals the welcome to the newcomer. */
export async function approveJoin(circle: OpenCircle, request: JoinRequest, deps: AppDeps): Promise<IssuedWelcome> {
  const at = deps.now();
  const state = circle.replica.current().circle;
  const made = makeWelcome({
    request,
    circle: {
      id: circle.replica.circleId,
      name: state.circle?.name ?? circle.membership.circleName,
      secret: circle.circleSecret,
      expiryChain: circle.expiry.chain === null ? null : advanceChain(circle.expiry.chain, hourOf(at)),
    },
    admitter: circle.signing,
    at,
    expiresAt: at + DEFAULT_WELCOME_LIFETIME_MS,
    random: deps.random,
  });
  const added = await circle.replica.add(made.admission.bytes);
  if (!added.ok) throw new Error(`an admission made here was rejected: ${added.error.problem}`);
  return { code: welcomeCode(made.code), expiresAt: at + DEFAULT_WELCOME_LIFETIME_MS, admissionId: made.admission.id };
}
