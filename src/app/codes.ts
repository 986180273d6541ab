/**
 * The codes people show each other, in the common QR frame: a join request, a
 * welcome, and a member's identity. Version numbers let later formats coexist.
 */
import { decodeCbor, encodeCbor } from '../records/cbor';
import type { CborValue } from '../records/cbor';
import { KEY_BYTES } from '../records/crypto';
import { CIRCLE_ID_BYTES } from '../records/envelope';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import { CodeKind, encodeFrame, expectFrame } from '../qr/frame';
import type { ExpectFrameProblem } from '../qr/frame';

const VERSION = 1;

export function joinRequestCode(requestBytes: Uint8Array): string {
  return encodeFrame(CodeKind.JoinRequest, VERSION, requestBytes);
}

export function welcomeCode(welcomeBytes: Uint8Array): string {
  return encodeFrame(CodeKind.Welcome, VERSION, welcomeBytes);
}

export function readJoinRequestCode(text: string): Result<Uint8Array, ExpectFrameProblem> {
  const frame = expectFrame(text, CodeKind.JoinRequest, [VERSION]);
  return frame.ok ? ok(frame.value.body) : frame;
}

export function readWelcomeCode(text: string): Result<Uint8Array, ExpectFrameProblem> {
  const frame = expectFrame(text, CodeKind.Welcome, [VERSION]);
  return frame.ok ? ok(frame.value.body) : frame;
}

export interface MemberIdentity {
  readonly circleId: Uint8Array;
  readonly memberKey: Uint8Array;
}

export function memberIdentityCode(identity: MemberIdentity): string {
  return encodeFrame(CodeKind.MemberIdentity, VERSION, encodeCbor([identity.circleId, identity.memberKey]));
}

export function readMemberIdentityCode(text: string): Result<MemberIdentity, ExpectFrameProblem | 'malformed'> {
  const frame = expectFrame(text, CodeKind.MemberIdentity, [VERSION]);
  if (!frame.ok) return frame;
  const decoded = decodeCbor(frame.value.body);
  if (!decoded.ok || !Array.isArray(decoded.value) || decoded.value.length !== 2) return err('malformed');
  const [circleId, memberKey] = decoded.value as readonly CborValue[];
  if (!(circleId instanceof Uint8Array && circleId.length === CIRCLE_ID_BYTES)) return err('malformed');
  if (!(memberKey instanceof Uint8Array && memberKey.length === KEY_BYTES)) return err('malformed');
  return ok({ circleId, memberKey });
}
