/**
 * roster.entry: one member's own entry in the mutual-defense roster. Body:
 *   0 roles, as codes (the position in ROSTER_ROLES), ascending, no repeats
 *   1 crisis skills, as codes (the position in CRISIS_SKILLS), ascending, no repeats
 *   2 languages, names of at most 40 characters, at most 8, no repeats
 *   3 housing pledge {0 capacity, 1 nights, 2 accessible}, exactly when the roles include housing
 *   4 sealed contacts (nonce and ciphertext, records/sealed-field.ts); absent: none given
 * New roles and skills are appended to their lists, so a code keeps its meaning.
 * The roster holds what members chose to share; the parser only bounds the
 * sealed bytes, which only a member's unlocked phone can open.
 */
import type { CborMap, CborValue } from '../cbor';
import { hasOnlyKeys, mapField, uintField } from '../fields';
import { toBase64Url } from '../bytes';
import type { Envelope } from '../envelope';
import { CRISIS_SKILLS, ROSTER_ROLES } from '../../domain/defense-events';
import type { CrisisSkill, HousingPledge, RosterEntry, RosterRole } from '../../domain/defense-events';
import { isNormalizedName } from '../../domain/names';
import { KIND_CODES } from './codes';

/** What the contacts are sealed as (records/sealed-field.ts): a map of 0 phone, 1 address, 2 notes, each a text. */
export const ROSTER_CONTACTS_PURPOSE = 'roster.contacts';

export const ROSTER_LIMITS = {
  languages: 8,
  languageChars: 40,
  capacityMax: 20,
  nightsMax: 90,
  /** A phone number, an address and a short note, sealed: well under this. */
  sealedBytes: 1536,
} as const;

const enum Body { Roles = 0, Skills = 1, Languages = 2, Housing = 3, Sealed = 4 }
const enum Housing { Capacity = 0, Nights = 1, Accessible = 2 }
const BODY_KEYS = [Body.Roles, Body.Skills, Body.Languages, Body.Housing, Body.Sealed];

export interface RosterFields {
  readonly roles: readonly RosterRole[];
  readonly skills: readonly CrisisSkill[];
  readonly languages: readonly string[];
  readonly housing: HousingPledge | null;
  readonly sealedContacts: Uint8Array | null;
}

export type RosterFieldProblem = 'roles' | 'skills' | 'languages' | 'housing' | 'contacts';

/** The first field that breaks the rules, so a form can say which; null when all are fine. */
export function checkRosterFields(fields: RosterFields): RosterFieldProblem | null {
  if (!isSet(fields.roles, ROSTER_ROLES)) return 'roles';
  if (!isSet(fields.skills, CRISIS_SKILLS)) return 'skills';
  const { languages } = fields;
  if (languages.length > ROSTER_LIMITS.languages || new Set(languages).size !== languages.length) return 'languages';
  if (!languages.every((language) => isNormalizedName(language, ROSTER_LIMITS.languageChars))) return 'languages';
  if ((fields.housing !== null) !== fields.roles.includes('housing')) return 'housing';
  if (fields.housing !== null && !isHousing(fields.housing)) return 'housing';
  const sealed = fields.sealedContacts;
  if (sealed !== null && (sealed.length === 0 || sealed.length > ROSTER_LIMITS.sealedBytes)) return 'contacts';
  return null;
}

export function rosterEntryBody(fields: RosterFields): Map<number, CborValue> {
  const problem = checkRosterFields(fields);
  if (problem !== null) throw new RangeError(`invalid roster entry: ${problem}`);
  const body = new Map<number, CborValue>([
    [Body.Roles, codesOf(fields.roles, ROSTER_ROLES)],
    [Body.Skills, codesOf(fields.skills, CRISIS_SKILLS)],
    [Body.Languages, [...fields.languages]],
  ]);
  if (fields.housing !== null) {
    const { capacity, nights, accessible } = fields.housing;
    body.set(Body.Housing, new Map<number, CborValue>([[Housing.Capacity, capacity], [Housing.Nights, nights], [Housing.Accessible, accessible]]));
  }
  if (fields.sealedContacts !== null) body.set(Body.Sealed, fields.sealedContacts);
  return body;
}

export function parseRosterEntry(envelope: Envelope): RosterEntry | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['roster.entry'] || !hasOnlyKeys(body, BODY_KEYS)) return undefined;
  const roles = fromCodes(body.get(Body.Roles), ROSTER_ROLES);
  const skills = fromCodes(body.get(Body.Skills), CRISIS_SKILLS);
  const languages = body.get(Body.Languages);
  const housing = body.has(Body.Housing) ? parseHousing(mapField(body, Body.Housing)) : null;
  const sealedValue = body.get(Body.Sealed);
  const sealedContacts = sealedValue === undefined ? null : sealedValue instanceof Uint8Array ? sealedValue : undefined;
  if (roles === undefined || skills === undefined || housing === undefined || sealedContacts === undefined) return undefined;
  if (!Array.isArray(languages) || !languages.every((language): language is string => typeof language === 'string')) return undefined;
  const fields: RosterFields = { roles, skills, languages, housing, sealedContacts };
  if (checkRosterFields(fields) !== null) return undefined;
  return { kind: 'roster.entry', id: envelope.id, author: toBase64Url(author), at, ...fields };
}

function isSet<T extends string>(values: readonly T[], known: readonly T[]): boolean {
  return new Set(values).size === values.length && values.every((value) => known.includes(value));
}

function codesOf<T extends string>(values: readonly T[], known: readonly T[]): number[] {
  return values.map((value) => known.indexOf(value)).sort((a, b) => a - b);
}

/** Codes in ascending order without repeats, each naming a known value: one encoding per set, so equal entries hash alike. */
function fromCodes<T extends string>(value: CborValue | undefined, known: readonly T[]): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const found: T[] = [];
  let previous = -1;
  for (const code of value) {
    if (typeof code !== 'number' || !Number.isInteger(code) || code <= previous || code >= known.length) return undefined;
    found.push(known[code]!);
    previous = code;
  }
  return found;
}

function parseHousing(map: CborMap | undefined): HousingPledge | undefined {
  if (map === undefined || !hasOnlyKeys(map, [Housing.Capacity, Housing.Nights, Housing.Accessible])) return undefined;
  const capacity = uintField(map, Housing.Capacity);
  const nights = uintField(map, Housing.Nights);
  const accessible = map.get(Housing.Accessible);
  if (capacity === undefined || nights === undefined || typeof accessible !== 'boolean') return undefined;
  const housing = { capacity, nights, accessible };
  return isHousing(housing) ? housing : undefined;
}

function isHousing({ capacity, nights }: HousingPledge): boolean {
  return Number.isInteger(capacity) && capacity >= 1 && capacity <= ROSTER_LIMITS.capacityMax && Number.isInteger(nights) && nights >= 1 && nights <= ROSTER_LIMITS.nightsMax;
}
