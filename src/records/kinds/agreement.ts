/**
 * The solidarity agreement's records. Bodies:
 *   agreement.version  0 text  1 revises (absent: a first version)  2 merges (absent: none)
 *   agreement.signed   0 version  1 SHA-256 of the version's text
 * A version's text hash is not carried: any phone computes it from the text,
 * so a version cannot claim a hash its text does not have. A signature carries
 * the hash it signed, so a signature of other words than the version's is
 * noticed by the projection rather than counted.
 */
import type { CborValue } from '../cbor';
import { fromBase64Url, toBase64Url, utf8 } from '../bytes';
import { hash } from '../crypto';
import { bytesField } from '../fields';
import type { Envelope } from '../envelope';
import type { RecordId } from '../../domain/events';
import type { AgreementSigned, AgreementVersion } from '../../domain/defense-events';
import { bodyOf, idField, isNormalizedText, longTextField, meta, optionalIdField, recordIdBytes, RECORD_ID_BYTES } from './tool-fields';

/** A page: about four times the starting template. Merges bound how many concurrent versions one edit settles. */
export const AGREEMENT_LIMITS = { textChars: 6_000, merges: 8, hashBytes: 32 } as const;

const enum Version { Text = 0, Revises = 1, Merges = 2 }
const enum Signed { Version = 0, Hash = 1 }

export interface AgreementVersionFields {
  readonly text: string;
  readonly revises: RecordId | null;
  readonly merges: readonly RecordId[];
}

export type AgreementFieldProblem = 'text' | 'merges';

/** The SHA-256 of a text's UTF-8, as base64url: what a signature names. */
export function agreementTextHash(text: string): string {
  return toBase64Url(hash(utf8(text)));
}

/** The first field that breaks the rules; null when all are fine. The text must already be normalized. */
export function checkAgreementVersionFields(fields: AgreementVersionFields): AgreementFieldProblem | null {
  if (!isNormalizedText(fields.text, AGREEMENT_LIMITS.textChars)) return 'text';
  const { merges, revises } = fields;
  if (merges.length > AGREEMENT_LIMITS.merges || new Set(merges).size !== merges.length) return 'merges';
  if (merges.length > 0 && (revises === null || merges.includes(revises))) return 'merges';
  return null;
}

export function agreementVersionBody(fields: AgreementVersionFields): Map<number, CborValue> {
  const problem = checkAgreementVersionFields(fields);
  if (problem !== null) throw new RangeError(`invalid agreement version: ${problem}`);
  const body = new Map<number, CborValue>([[Version.Text, fields.text]]);
  if (fields.revises !== null) body.set(Version.Revises, recordIdBytes(fields.revises));
  // Sorted and left out when empty, so a version has one encoding.
  if (fields.merges.length > 0) body.set(Version.Merges, [...fields.merges].sort().map(recordIdBytes));
  return body;
}

export function parseAgreementVersion(envelope: Envelope): AgreementVersion | undefined {
  const body = bodyOf(envelope, 'agreement.version', [Version.Text, Version.Revises, Version.Merges]);
  if (body === undefined) return undefined;
  const text = longTextField(body, Version.Text, AGREEMENT_LIMITS.textChars);
  const revises = optionalIdField(body, Version.Revises);
  const merges = body.has(Version.Merges) ? idList(body.get(Version.Merges)) : [];
  if (text === undefined || revises === undefined || merges === undefined) return undefined;
  if (body.has(Version.Merges) && merges.length === 0) return undefined;
  if (checkAgreementVersionFields({ text, revises, merges }) !== null) return undefined;
  return { kind: 'agreement.version', ...meta(envelope), text, textHash: agreementTextHash(text), revises, merges };
}

export function agreementSignedBody(version: RecordId, textHash: string): Map<number, CborValue> {
  const hashBytes = fromBase64Url(textHash);
  if (hashBytes === null || hashBytes.length !== AGREEMENT_LIMITS.hashBytes) throw new RangeError('not a SHA-256 hash');
  return new Map<number, CborValue>([
    [Signed.Version, recordIdBytes(version)],
    [Signed.Hash, hashBytes],
  ]);
}

export function parseAgreementSigned(envelope: Envelope): AgreementSigned | undefined {
  const body = bodyOf(envelope, 'agreement.signed', [Signed.Version, Signed.Hash]);
  if (body === undefined) return undefined;
  const version = idField(body, Signed.Version);
  const textHash = bytesField(body, Signed.Hash, AGREEMENT_LIMITS.hashBytes);
  if (version === undefined || textHash === undefined) return undefined;
  return { kind: 'agreement.signed', ...meta(envelope), version, textHash: toBase64Url(textHash) };
}

/** Ids in ascending order of their text, no repeats: one encoding per set. */
function idList(value: CborValue | undefined): RecordId[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids: RecordId[] = [];
  for (const item of value as readonly CborValue[]) {
    if (!(item instanceof Uint8Array) || item.length !== RECORD_ID_BYTES) return undefined;
    const id = toBase64Url(item);
    if (ids.length > 0 && id <= ids[ids.length - 1]!) return undefined;
    ids.push(id);
  }
  return ids;
}
