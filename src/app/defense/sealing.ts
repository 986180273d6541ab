/**
 * Sealing a member's sensitive fields with the circle's field key, bound to
 * the circle, the author and what the fields are: one path for roster
 * contacts and alert details.
 */
import { fromBase64Url } from '../../records/bytes';
import type { CborValue } from '../../records/cbor';
import { isCborMap } from '../../records/fields';
import type { RandomBytes } from '../../records/crypto';
import type { Result } from '../../records/result';
import { fieldKey, openFields, sealFields } from '../../records/sealed-field';
import type { OpenFieldProblem, SealContext } from '../../records/sealed-field';
import type { OpenCircle } from '../open-circle';

/** The HKDF step once per circle, not once per field a screen opens: screens open every roster entry on each render. */
const fieldKeys = new WeakMap<Uint8Array, Uint8Array>();
function fieldKeyOf(circle: OpenCircle): Uint8Array {
  let key = fieldKeys.get(circle.circleSecret);
  if (key === undefined) {
    key = fieldKey(circle.circleSecret);
    fieldKeys.set(circle.circleSecret, key);
  }
  return key;
}

export function sealAsMember(circle: OpenCircle, purpose: string, fields: CborValue, random: RandomBytes): Uint8Array {
  return sealFields(fieldKeyOf(circle), contextOf(circle, circle.membership.memberKey, purpose), fields, random);
}

export function openAsAuthor(circle: OpenCircle, author: string, purpose: string, sealed: Uint8Array): Result<CborValue, OpenFieldProblem> {
  return openFields(fieldKeyOf(circle), contextOf(circle, author, purpose), sealed);
}

/**
 * Sealed fields are a map of texts keyed 0, 1, 2...; each at most its limit.
 * Null when one is missing or too long: authentic bytes that only another
 * version of the app could have made.
 */
export function readTexts(fields: CborValue, limits: readonly number[]): string[] | null {
  if (!isCborMap(fields)) return null;
  const texts: string[] = [];
  for (const [key, max] of limits.entries()) {
    const value = fields.get(key);
    if (typeof value !== 'string' || [...value].length > max) return null;
    texts.push(value);
  }
  return texts;
}

function contextOf(circle: OpenCircle, author: string, purpose: string): SealContext {
  const authorKey = fromBase64Url(author);
  if (authorKey === null) throw new RangeError('not a member key');
  return { circle: circle.replica.circleId, author: authorKey, purpose };
}
