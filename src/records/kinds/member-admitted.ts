import type { CborValue } from '../cbor';
import { bytesField, hasOnlyKeys, nameField } from '../fields';
import { bytesEqual, toBase64Url } from '../bytes';
import { isAcceptableBoxKey, KEY_BYTES } from '../crypto';
import type { KeyGate, SignatureGate } from '../crypto';
import type { Envelope } from '../envelope';
import type { MemberAdmitted } from '../../domain/events';
import { MAX_DISPLAY_NAME } from '../../domain/names';
import { KIND_CODES } from './codes';

const enum Body { Member = 0, BoxKey = 1, Name = 2 }

export interface MemberAdmittedFields {
  readonly member: Uint8Array;
  readonly boxKey: Uint8Array;
  readonly name: string;
}

export function memberAdmittedBody(fields: MemberAdmittedFields): Map<number, CborValue> {
  return new Map<number, CborValue>([
    [Body.Member, fields.member],
    [Body.BoxKey, fields.boxKey],
    [Body.Name, fields.name],
  ]);
}

/** The admitted member's key goes through `checkKey`: checked for a record from outside, taken as checked when this phone re-reads its own. */
export function parseMemberAdmitted(envelope: Envelope, _checkInner: SignatureGate, checkKey: KeyGate): MemberAdmitted | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['member.admitted']) return undefined;
  if (!hasOnlyKeys(body, [Body.Member, Body.BoxKey, Body.Name])) return undefined;
  const member = bytesField(body, Body.Member, KEY_BYTES);
  const boxKey = bytesField(body, Body.BoxKey, KEY_BYTES);
  const name = nameField(body, Body.Name, MAX_DISPLAY_NAME);
  if (member === undefined || boxKey === undefined || name === undefined) return undefined;
  if (bytesEqual(member, author)) return undefined;
  if (!isAcceptableBoxKey(boxKey) || !checkKey(member)) return undefined;
  return {
    kind: 'member.admitted',
    id: envelope.id,
    author: toBase64Url(author),
    at,
    member: toBase64Url(member),
    boxKey: toBase64Url(boxKey),
    name,
  };
}
