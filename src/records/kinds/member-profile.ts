import type { CborValue } from '../cbor';
import { hasOnlyKeys, nameField } from '../fields';
import { toBase64Url } from '../bytes';
import type { Envelope } from '../envelope';
import type { MemberProfileChanged } from '../../domain/events';
import { MAX_DISPLAY_NAME } from '../../domain/names';
import { KIND_CODES } from './codes';

const enum Body { Name = 0 }

export function memberProfileBody(fields: { readonly name: string }): Map<number, CborValue> {
  return new Map<number, CborValue>([[Body.Name, fields.name]]);
}

export function parseMemberProfile(envelope: Envelope): MemberProfileChanged | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['member.profile']) return undefined;
  if (!hasOnlyKeys(body, [Body.Name])) return undefined;
  const name = nameField(body, Body.Name, MAX_DISPLAY_NAME);
  if (name === undefined) return undefined;
  return { kind: 'member.profile', id: envelope.id, author: toBase64Url(author), at, name };
}
