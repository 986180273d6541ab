/**
 * Every record kind's parser, and the reading of a record by its kind's
 * rules: size, canonical shape, the kind's own rules and the circle. A record
 * from outside then has every required signature checked (verify-record.ts);
 * a record this phone verified before is re-read here without its signatures,
 * so opening the app loads no signature code. A rejected record is reported,
 * never thrown.
 */
import type { CircleEvent } from '../domain/events';
import { bytesEqual } from './bytes';
import { alreadyChecked, keyAlreadyChecked } from './crypto';
import type { KeyGate, SignatureGate } from './crypto';
import type { SignatureCheck } from './verify-batch';
import { decodeEnvelope, SIGNATURE_PURPOSE } from './envelope';
import type { Envelope, EnvelopeProblem } from './envelope';
import { parseCircleFounded } from './kinds/circle-founded';
import { parseMemberAdmitted } from './kinds/member-admitted';
import { parseMemberProfile } from './kinds/member-profile';
import { KIND_CODES } from './kinds/codes';
import { parseExchangeConfirmed } from './kinds/exchange';
import { parseListingPosted, parseListingWithdrawn } from './kinds/listing';
import { parseRosterEntry } from './kinds/roster-entry';
import { parseAlertHeard, parseAlertRaised, parseAlertReached } from './kinds/alert';
import {
  parseFundContributed,
  parseFundPledged,
  parseFundSettings,
  parseSupportApproved,
  parseSupportDeclined,
  parseSupportPaid,
  parseSupportRequested,
  parseSupportWithdrawn,
} from './kinds/fund';
import { parseAgreementSigned, parseAgreementVersion } from './kinds/agreement';
import { parseCourtCancelled, parseCourtDate, parseCourtSignup, parseCourtSignupWithdrawn } from './kinds/court';
import { parseHousingClosed, parseHousingRequested, parseHousingStay, parseHousingStayEnded } from './kinds/housing';
import { parseCircleSettings } from './kinds/circle-settings';
import { parseSkillAdded, parseSkillMarked } from './kinds/skill-added';
import { parseCycleTheme } from './kinds/cycle-theme';
import { parseToolRegistered } from './kinds/tool-registered';
import { parseToolHandoff } from './kinds/tool-handoff';
import {
  parseRepairClosed,
  parseRepairOpened,
  parseToolAudited,
  parseToolRequested,
  parseToolRequestWithdrawn,
  parseToolStatus,
} from './kinds/tool-care';
import { parseAreaNamed, parseCaretakerVolunteer, parseLabelClaimed, parseToolsSettings, parseTutorialWritten } from './kinds/tool-circle';
import { err, ok } from './result';
import type { Result } from './result';

export interface VerifiedRecord {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly event: CircleEvent;
}

export type RecordProblem =
  | EnvelopeProblem
  | 'unknown-kind'
  | 'invalid-fields'
  | 'wrong-circle'
  | 'bad-signature'
  | 'id-mismatch';

export interface RecordRejection {
  readonly problem: RecordProblem;
  /** Present when the outer shape could be read. */
  readonly kindCode?: number;
  readonly at?: number;
}

/**
 * Reads a kind's body. A signature carried inside a body (an exchange's draft)
 * goes through the signature gate: checked now, noted for a batch, or, for
 * records this phone verified before, not checked again; a member key a body
 * admits goes through the key gate likewise.
 */
type Parser = (envelope: Envelope, checkInner: SignatureGate, checkKey: KeyGate) => CircleEvent | undefined;

const PARSERS: ReadonlyMap<number, Parser> = new Map<number, Parser>([
  [KIND_CODES['circle.founded'], parseCircleFounded],
  [KIND_CODES['member.admitted'], parseMemberAdmitted],
  [KIND_CODES['member.profile'], parseMemberProfile],
  [KIND_CODES['exchange.confirmed'], parseExchangeConfirmed],
  [KIND_CODES['listing.posted'], parseListingPosted],
  [KIND_CODES['listing.withdrawn'], parseListingWithdrawn],
  [KIND_CODES['circle.settings'], parseCircleSettings],
  [KIND_CODES['skill.added'], parseSkillAdded],
  [KIND_CODES['cycle.theme'], parseCycleTheme],
  [KIND_CODES['skill.marked'], parseSkillMarked],
  [KIND_CODES['tool.registered'], parseToolRegistered],
  [KIND_CODES['tool.handoff'], parseToolHandoff],
  [KIND_CODES['tool.requested'], parseToolRequested],
  [KIND_CODES['tool.request.withdrawn'], parseToolRequestWithdrawn],
  [KIND_CODES['tool.status'], parseToolStatus],
  [KIND_CODES['tool.audited'], parseToolAudited],
  [KIND_CODES['repair.opened'], parseRepairOpened],
  [KIND_CODES['repair.closed'], parseRepairClosed],
  [KIND_CODES['caretaker.volunteer'], parseCaretakerVolunteer],
  [KIND_CODES['area.named'], parseAreaNamed],
  [KIND_CODES['label.claimed'], parseLabelClaimed],
  [KIND_CODES['tools.settings'], parseToolsSettings],
  [KIND_CODES['tutorial.written'], parseTutorialWritten],
  [KIND_CODES['roster.entry'], parseRosterEntry],
  [KIND_CODES['alert.raised'], parseAlertRaised],
  [KIND_CODES['alert.reached'], parseAlertReached],
  [KIND_CODES['alert.heard'], parseAlertHeard],
  [KIND_CODES['fund.pledged'], parseFundPledged],
  [KIND_CODES['fund.contributed'], parseFundContributed],
  [KIND_CODES['support.requested'], parseSupportRequested],
  [KIND_CODES['support.approved'], parseSupportApproved],
  [KIND_CODES['support.declined'], parseSupportDeclined],
  [KIND_CODES['support.withdrawn'], parseSupportWithdrawn],
  [KIND_CODES['support.paid'], parseSupportPaid],
  [KIND_CODES['fund.settings'], parseFundSettings],
  [KIND_CODES['agreement.version'], parseAgreementVersion],
  [KIND_CODES['agreement.signed'], parseAgreementSigned],
  [KIND_CODES['court.date'], parseCourtDate],
  [KIND_CODES['court.signup'], parseCourtSignup],
  [KIND_CODES['court.signup.withdrawn'], parseCourtSignupWithdrawn],
  [KIND_CODES['court.cancelled'], parseCourtCancelled],
  [KIND_CODES['housing.requested'], parseHousingRequested],
  [KIND_CODES['housing.stay'], parseHousingStay],
  [KIND_CODES['housing.closed'], parseHousingClosed],
  [KIND_CODES['housing.stay.ended'], parseHousingStayEnded],
]);

/**
 * Every record has one signer, its author. An agreement between two people
 * (an exchange) carries the first party's signed draft inside its body.
 */
function requiredSigners(envelope: Envelope): readonly Uint8Array[] {
  return [envelope.payload.author];
}

/** A record whose shape, kind and circle are right, and the signatures still to check for it to count. */
export interface ReadRecord {
  readonly record: VerifiedRecord;
  readonly checks: readonly SignatureCheck[];
  readonly where: { readonly kindCode: number; readonly at: number };
}

/** Reads a record from outside up to its signatures, which verify-record.ts checks. */
export function readRecord(
  bytes: Uint8Array,
  circle: Uint8Array,
  expectedId: string | undefined,
  checkInner: (check: SignatureCheck) => boolean,
  checkKey: KeyGate,
): Result<ReadRecord, RecordRejection> {
  const decoded = decodeEnvelope(bytes);
  if (!decoded.ok) return err({ problem: decoded.error });
  const envelope = decoded.value;
  const where = { kindCode: envelope.payload.kindCode, at: envelope.payload.at };
  if (expectedId !== undefined && envelope.id !== expectedId) return err({ problem: 'id-mismatch', ...where });
  if (!bytesEqual(envelope.payload.circle, circle)) return err({ problem: 'wrong-circle', ...where });
  const parse = PARSERS.get(envelope.payload.kindCode);
  if (parse === undefined) return err({ problem: 'unknown-kind', ...where });
  let innerFailed = false;
  const event = parse(envelope, (purpose, signature, message, publicKey) => {
    innerFailed ||= !checkInner({ purpose, signature, message, publicKey });
    return !innerFailed;
  }, checkKey);
  if (innerFailed) return err({ problem: 'bad-signature', ...where });
  if (event === undefined) return err({ problem: 'invalid-fields', ...where });

  const signers = requiredSigners(envelope);
  if (signers.length !== envelope.signatures.length) return err({ problem: 'bad-signature', ...where });
  const checks = signers.map((publicKey, i) => ({ purpose: SIGNATURE_PURPOSE, signature: envelope.signatures[i]!, message: envelope.payloadBytes, publicKey }));
  return ok({ record: { id: envelope.id, bytes, event }, checks, where });
}

/**
 * Re-reads a record this phone verified before and stored in its own archive:
 * the shape is parsed again, the signatures (and the keys admissions admit)
 * are not, so opening the app never re-verifies years of records nor loads
 * the signature code.
 */
export function readTrustedRecord(bytes: Uint8Array, circle?: Uint8Array): VerifiedRecord | undefined {
  const decoded = decodeEnvelope(bytes);
  if (!decoded.ok) return undefined;
  if (circle !== undefined && !bytesEqual(decoded.value.payload.circle, circle)) return undefined;
  const event = PARSERS.get(decoded.value.payload.kindCode)?.(decoded.value, alreadyChecked, keyAlreadyChecked);
  return event === undefined ? undefined : { id: decoded.value.id, bytes, event };
}
