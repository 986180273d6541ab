/** Opening a circle this phone belongs to: its keys, its archive, its document. */
import { fromBase64Url } from '../records/bytes';
import { KEY_BYTES } from '../records/crypto';
import type { SigningKeys } from '../records/crypto';
import { openIndexedDbArchive } from '../replica/archive';
import { persistDocument } from '../replica/doc-store';
import { Replica } from '../replica/replica';
import type { Membership, Vault } from '../replica/vault';
import type { ExpiryChain } from '../records/expiry-chain';
import type { AppDeps } from './deps';
import { readExpiryChain } from './expiry-chains';

export interface OpenCircle {
  readonly membership: Membership;
  readonly replica: Replica;
  readonly signing: SigningKeys;
  readonly circleSecret: Uint8Array;
  /** The circle's expiry chain as this phone holds it; stepped forward as time passes (app/defense/sealing.ts). */
  readonly expiry: { chain: ExpiryChain | null };
}

export class CircleOpenError extends Error {
  constructor(readonly problem: 'locked' | 'damaged') {
    super(`the circle's keys are ${problem}`);
  }
}

export async function openCircle(membership: Membership, vault: Vault, deps: AppDeps): Promise<OpenCircle> {
  const secrets = deps.keyring.open(membership.keys);
  if (typeof secrets === 'string') throw new CircleOpenError(secrets);
  const circleId = fromBase64Url(membership.circleId);
  const memberKey = fromBase64Url(membership.memberKey);
  if (secrets.circleSecret === null || circleId === null || memberKey?.length !== KEY_BYTES) throw new CircleOpenError('damaged');
  const storageName = (deps.storageScope ?? '') + membership.circleId;
  const archive = await openIndexedDbArchive(storageName);
  const replica = await Replica.open({
    circleId,
    archive,
    persist: (doc) => persistDocument(storageName, doc, deps.idle),
  });
  return {
    membership,
    replica,
    // The membership keeps the public key made from this seed when the phone
    // created or joined the circle: deriving it again would load the signature
    // code before the first screen. Were the two ever to disagree, whatever
    // they signed would fail its check in Replica.add and not be stored.
    signing: { secretKey: secrets.signingSeed, publicKey: memberKey },
    circleSecret: secrets.circleSecret,
    expiry: { chain: await readExpiryChain(vault, membership.circleId) },
  };
}
