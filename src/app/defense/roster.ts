/**
 * A member's own roster entry: the roles they take, their crisis skills, a
 * housing pledge, and contact details sealed with the circle's field key.
 *
 * Taking a role or reading contacts needs the app lock: a phone that holds
 * members' phone numbers and addresses must not give them away when it is
 * lost, and without a lock the circle secret, and so the field key, lie in
 * the phone's storage in plain.
 */
import type { CrisisSkill, HousingPledge, RosterEntry, RosterRole } from '../../domain/defense-events';
import type { MemberKey } from '../../domain/events';
import type { RosterState } from '../../domain/roster';
import { normalizeName, normalizeOptional } from '../../domain/names';
import { checkRosterFields, ROSTER_CONTACTS_PURPOSE, ROSTER_LIMITS, rosterEntryBody } from '../../records/kinds/roster-entry';
import type { RosterFieldProblem } from '../../records/kinds/roster-entry';
import { err, ok } from '../../records/result';
import type { Result } from '../../records/result';
import type { OpenFieldProblem } from '../../records/sealed-field';
import { openAsAuthor, readTexts, sealAsMember } from './sealing';
import type { AppDeps } from '../deps';
import type { OpenCircle } from '../open-circle';
import { signAndStore } from '../records';

export const CONTACT_LIMITS = { phoneChars: 32, addressChars: 200, notesChars: 400 } as const;

export interface Contacts {
  readonly phone: string;
  readonly address: string;
  readonly notes: string;
}

export interface RosterInput {
  readonly roles: readonly RosterRole[];
  readonly skills: readonly CrisisSkill[];
  /** As typed: one language per item; blanks are dropped. */
  readonly languages: readonly string[];
  readonly housing: HousingPledge | null;
  readonly contacts: Contacts;
}

export type RosterProblem = RosterFieldProblem | 'phone' | 'address' | 'notes' | 'lock-required';

const enum Sealed { Phone = 0, Address = 1, Notes = 2 }
/** Digits with the separators people write: "+34 600 12 34 56", "(555) 010-4477". */
const PHONE = /^\+?[0-9][0-9 ().-]*$/;

/** A phone number as tel: and sms: links want it: digits and a leading plus. */
export function dialable(phone: string): string {
  return phone.replace(/[^0-9+]/g, '');
}

/** The number to call a member on, from their roster entry, or null when they gave none or it cannot be opened. */
export function phoneToCall(circle: OpenCircle, roster: RosterState, member: MemberKey): string | null {
  const entry = roster.entries.get(member);
  const contacts = entry === undefined ? null : openContacts(circle, entry);
  return contacts !== null && typeof contacts === 'object' && contacts.phone !== '' ? dialable(contacts.phone) : null;
}

export function lockRequired(deps: AppDeps): boolean {
  return deps.keyring.status() !== 'unlocked';
}

export async function saveRosterEntry(circle: OpenCircle, input: RosterInput, deps: AppDeps): Promise<Result<string, RosterProblem>> {
  if (lockRequired(deps)) return err('lock-required');
  const contacts = normalizeContacts(input.contacts);
  if (!contacts.ok) return contacts;
  const languages: string[] = [];
  for (const typed of input.languages) {
    const language = normalizeName(typed, ROSTER_LIMITS.languageChars);
    if (!language.ok && language.problem === 'empty') continue;
    if (!language.ok) return err('languages');
    if (!languages.includes(language.value)) languages.push(language.value);
  }
  const { phone, address, notes } = contacts.value;
  const sealedContacts =
    phone === '' && address === '' && notes === ''
      ? null
      : sealAsMember(
          circle,
          ROSTER_CONTACTS_PURPOSE,
          new Map([
            [Sealed.Phone, phone],
            [Sealed.Address, address],
            [Sealed.Notes, notes],
          ]),
          deps.random,
        );
  const fields = { roles: input.roles, skills: input.skills, languages, housing: input.housing, sealedContacts };
  const problem = checkRosterFields(fields);
  if (problem !== null) return err(problem);
  const record = await signAndStore(circle, 'roster.entry', rosterEntryBody(fields), deps);
  return ok(record.id);
}

/** A member's contacts, opened on this phone; none when they gave none. */
export function openContacts(circle: OpenCircle, entry: RosterEntry): Contacts | null | OpenFieldProblem {
  if (entry.sealedContacts === null) return null;
  const opened = openAsAuthor(circle, entry.author, ROSTER_CONTACTS_PURPOSE, entry.sealedContacts);
  if (!opened.ok) return opened.error;
  const texts = readTexts(opened.value, [CONTACT_LIMITS.phoneChars, CONTACT_LIMITS.addressChars, CONTACT_LIMITS.notesChars]);
  if (texts === null) return 'damaged';
  const [phone = '', address = '', notes = ''] = texts;
  return { phone, address, notes };
}

function normalizeContacts(contacts: Contacts): Result<Contacts, 'phone' | 'address' | 'notes'> {
  const phone = normalizeOptional(contacts.phone, CONTACT_LIMITS.phoneChars);
  if (!phone.ok || (phone.value !== '' && !PHONE.test(phone.value))) return err('phone');
  const address = normalizeOptional(contacts.address, CONTACT_LIMITS.addressChars);
  if (!address.ok) return err('address');
  const notes = normalizeOptional(contacts.notes, CONTACT_LIMITS.notesChars);
  if (!notes.ok) return err('notes');
  return ok({ phone: phone.value, address: address.value, notes: notes.value });
}
