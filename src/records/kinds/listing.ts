/** Offers and needs on the board, and their withdrawal by the member who posted them. */
import type { CborValue } from '../cbor';
import { bytesField, hasOnlyKeys, nameField, uintField } from '../fields';
import { fromBase64Url, toBase64Url } from '../bytes';
import type { Envelope } from '../envelope';
import { EARLIEST_RECORD_TIME, LATEST_RECORD_TIME } from '../envelope';
import type { ListingPosted, ListingSide, ListingWithdrawn, SkillRef } from '../../domain/events';
import { decodeSkill, encodeSkill } from './skill-codes';
import { MAX_QUARTERS } from './exchange';
import { KIND_CODES } from './codes';

export const MAX_DESCRIPTION_CHARS = 280;
const enum Posted { Side = 0, Skill = 1, Description = 2, Quarters = 3, ExpiresAt = 4 }
const enum Withdrawn { Listing = 0 }

export interface ListingFields {
  readonly side: ListingSide;
  readonly skill: SkillRef;
  readonly description: string;
  readonly quarters: number | null;
  readonly expiresAt: number;
}

export function listingPostedBody(fields: ListingFields): Map<number, CborValue> {
  const body = new Map<number, CborValue>([
    [Posted.Side, fields.side === 'offer' ? 0 : 1],
    [Posted.Skill, encodeSkill(fields.skill)],
    [Posted.Description, fields.description],
    [Posted.ExpiresAt, Math.floor(fields.expiresAt)],
  ]);
  if (fields.quarters !== null) body.set(Posted.Quarters, fields.quarters);
  return body;
}

export function parseListingPosted(envelope: Envelope): ListingPosted | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['listing.posted']) return undefined;
  if (!hasOnlyKeys(body, [Posted.Side, Posted.Skill, Posted.Description, Posted.Quarters, Posted.ExpiresAt])) return undefined;
  const side = uintField(body, Posted.Side);
  const skill = decodeSkill(body.get(Posted.Skill));
  const description = nameField(body, Posted.Description, MAX_DESCRIPTION_CHARS);
  const expiresAt = uintField(body, Posted.ExpiresAt);
  const quarters = body.has(Posted.Quarters) ? uintField(body, Posted.Quarters) : null;
  if (side === undefined || side > 1 || skill === undefined || description === undefined || expiresAt === undefined) return undefined;
  if (quarters === undefined || (quarters !== null && (quarters < 1 || quarters > MAX_QUARTERS))) return undefined;
  if (expiresAt <= at || expiresAt >= LATEST_RECORD_TIME || expiresAt < EARLIEST_RECORD_TIME) return undefined;
  return {
    kind: 'listing.posted',
    id: envelope.id,
    author: toBase64Url(author),
    at,
    side: side === 0 ? 'offer' : 'need',
    skill,
    description,
    quarters,
    expiresAt,
  };
}

export function listingWithdrawnBody(listingId: string): Map<number, CborValue> {
  const id = fromBase64Url(listingId);
  if (id === null || id.length !== 32) throw new RangeError('not a record id');
  return new Map<number, CborValue>([[Withdrawn.Listing, id]]);
}

export function parseListingWithdrawn(envelope: Envelope): ListingWithdrawn | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['listing.withdrawn'] || !hasOnlyKeys(body, [Withdrawn.Listing])) return undefined;
  const listing = bytesField(body, Withdrawn.Listing, 32);
  if (listing === undefined) return undefined;
  return { kind: 'listing.withdrawn', id: envelope.id, author: toBase64Url(author), at, listing: toBase64Url(listing) };
}
