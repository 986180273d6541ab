/**
 * How the secrets of one circle membership are kept on the phone: the member's
 * signing and box seeds and the circle secret, as one opaque sealed blob. Today
 * the blob is stored as is ('plain'); the app lock will store the same bytes
 * encrypted under a key derived from the member's passphrase, with its
 * parameters beside the ciphertext, by rewriting only this envelope.
 */
import { decodeCbor, encodeCbor } from '../records/cbor';
import type { CborValue } from '../records/cbor';
import { KEY_BYTES } from '../records/crypto';

export interface MembershipSecrets {
  readonly signingSeed: Uint8Array;
  readonly boxSeed: Uint8Array;
  /** Absent while a join request waits for its welcome. */
  readonly circleSecret: Uint8Array | null;
}

export interface PlainEnvelope {
  readonly scheme: 'plain';
  readonly version: 1;
  readonly secrets: Uint8Array;
}

/** Further schemes (passphrase-wrapped) join this union without touching stored plain envelopes. */
export type KeyEnvelope = PlainEnvelope;

export function sealSecrets(secrets: MembershipSecrets): KeyEnvelope {
  return {
    scheme: 'plain',
    version: 1,
    secrets: encodeCbor([secrets.signingSeed, secrets.boxSeed, secrets.circleSecret]),
  };
}

export type EnvelopeOpenProblem = 'locked' | 'damaged';

export function openSecrets(envelope: KeyEnvelope): MembershipSecrets | EnvelopeOpenProblem {
  if (envelope.scheme !== 'plain') return 'locked';
  const decoded = decodeCbor(envelope.secrets);
  if (!decoded.ok || !Array.isArray(decoded.value) || decoded.value.length !== 3) return 'damaged';
  const [signingSeed, boxSeed, circleSecret] = decoded.value as readonly CborValue[];
  if (!isKey(signingSeed) || !isKey(boxSeed) || !(circleSecret === null || isKey(circleSecret))) return 'damaged';
  return { signingSeed, boxSeed, circleSecret };
}

function isKey(value: CborValue | undefined): value is Uint8Array {
  return value instanceof Uint8Array && value.length === KEY_BYTES;
}
