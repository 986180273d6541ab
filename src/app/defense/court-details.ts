/**
 * A hearing's details: when it is, the court, the room or place, and a note.
 * They name a person's trouble and where to find them, so they travel sealed
 * as alert details do (sealExpiring in sealing.ts): only members' phones open
 * them, the screens only when unlocked, and none at all once the date's
 * `expiresAt` has passed, since the key they were sealed under is gone.
 */
import { courtDateExpiry } from '../../domain/alerts';
import type { CourtDateState } from '../../domain/court';
import { normalizeName, normalizeOptional } from '../../domain/names';
import type { CborValue } from '../../records/cbor';
import type { RandomBytes } from '../../records/crypto';
import { isCborMap } from '../../records/fields';
import { err, ok } from '../../records/result';
import type { Result } from '../../records/result';
import type { OpenFieldProblem } from '../../records/sealed-field';
import type { OpenCircle } from '../open-circle';
import { openExpiring, readTexts, sealExpiring } from './sealing';
import type { ExpiringProblem } from './sealing';

/** Even at four bytes a character these seal within COURT_SEALED_BYTES (test/unit/app/court.test.ts checks). */
export const COURT_DETAIL_LIMITS = { courtChars: 120, roomChars: 80, noteChars: 280 } as const;
const DETAILS_PURPOSE = 'court.details';
const enum Sealed { Court = 0, Room = 1, Note = 2, HearingAt = 3 }

export interface CourtDetails {
  /** The hearing's time, ms since the epoch. */
  readonly hearingAt: number;
  readonly court: string;
  /** The room or the place inside the building; may be empty. */
  readonly room: string;
  /** May be empty. */
  readonly note: string;
}

/**
 * Normalizes what was typed and seals it as this member, to expire with the
 * date; the court must be named. A phone with no expiry chain cannot seal.
 */
export function sealCourtDetails(
  circle: OpenCircle,
  input: CourtDetails,
  deps: { readonly now: () => number; readonly random: RandomBytes },
): Result<Uint8Array, 'court' | 'room' | 'note' | ExpiringProblem> {
  const court = normalizeName(input.court, COURT_DETAIL_LIMITS.courtChars);
  if (!court.ok) return err('court');
  const room = normalizeOptional(input.room, COURT_DETAIL_LIMITS.roomChars);
  if (!room.ok) return err('room');
  const note = normalizeOptional(input.note, COURT_DETAIL_LIMITS.noteChars);
  if (!note.ok) return err('note');
  const fields = new Map<number, CborValue>([
    [Sealed.Court, court.value],
    [Sealed.Room, room.value],
    [Sealed.Note, note.value],
    [Sealed.HearingAt, input.hearingAt],
  ]);
  const sealed = sealExpiring(circle, DETAILS_PURPOSE, fields, courtDateExpiry(input.hearingAt), deps);
  return typeof sealed === 'string' ? err(sealed) : ok(sealed);
}

/** The details of a date at `now`, or why they cannot be read here; the rest of the date counts either way. */
export function openCourtDetails(
  circle: OpenCircle,
  date: Pick<CourtDateState, 'author' | 'expiresAt' | 'sealedDetails'>,
  now: number,
): CourtDetails | OpenFieldProblem | ExpiringProblem {
  const opened = openExpiring(circle, date.author, DETAILS_PURPOSE, date.sealedDetails, date.expiresAt, now);
  if (!opened.ok) return opened.error;
  const texts = readTexts(opened.value, [COURT_DETAIL_LIMITS.courtChars, COURT_DETAIL_LIMITS.roomChars, COURT_DETAIL_LIMITS.noteChars]);
  const hearingAt = isCborMap(opened.value) ? opened.value.get(Sealed.HearingAt) : undefined;
  // The public expiry follows from the sealed time; when they disagree, another program wrote them and neither can be trusted.
  if (texts === null || typeof hearingAt !== 'number' || courtDateExpiry(hearingAt) !== date.expiresAt) return 'damaged';
  const [court = '', room = '', note = ''] = texts;
  return { hearingAt, court, room, note };
}
