/**
 * The gate every record passes before it counts: size, canonical shape, the
 * kind's own rules, the circle, and every required signature over the exact
 * payload bytes received. A rejected record is reported, never thrown.
 */
import type { CircleEvent } from '../domain/events';
import { bytesEqual } from './bytes';
import { verify } from './crypto';
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
  parseSupportApproved,
  parseSupportDeclined,
  parseSupportPaid,
  parseSupportRequested,
  parseSupportWithdrawn,
} from './kinds/fund';
import { parseAgreementSigned, parseAgreementVersion } from './kinds/agreement';
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
 * Reads a kind's body. `verifyInner` is false only for records this phone
 * verified before: a signature carried inside a body (an exchange's draft) is
 * then not checked again either.
 */
type Parser = (envelope: Envelope, verifyInner: boolean) => CircleEvent | undefined;

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
  [KIND_CODES['agreement.version'], parseAgreementVersion],
  [KIND_CODES['agreement.signed'], parseAgreementSigned],
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

export function validateRecord(bytes: Uint8Array, circle: Uint8Array, expectedId?: string): Result<VerifiedRecord, RecordRejection> {
  const decoded = decodeEnvelope(bytes);
  if (!decoded.ok) return err({ problem: decoded.error });
  const envelope = decoded.value;
  const where = { kindCode: envelope.payload.kindCode, at: envelope.payload.at };
  if (expectedId !== undefined && envelope.id !== expectedId) return err({ problem: 'id-mismatch', ...where });
  if (!bytesEqual(envelope.payload.circle, circle)) return err({ problem: 'wrong-circle', ...where });
  const parse = PARSERS.get(envelope.payload.kindCode);
  if (parse === undefined) return err({ problem: 'unknown-kind', ...where });
  const event = parse(envelope, true);
  if (event === undefined) return err({ problem: 'invalid-fields', ...where });

  const signers = requiredSigners(envelope);
  if (signers.length !== envelope.signatures.length) return err({ problem: 'bad-signature', ...where });
  for (let i = 0; i < signers.length; i++) {
    if (!verify(SIGNATURE_PURPOSE, envelope.signatures[i]!, envelope.payloadBytes, signers[i]!)) {
      return err({ problem: 'bad-signature', ...where });
    }
  }
  return ok({ id: envelope.id, bytes, event });
}

/**
 * Re-reads a record this phone verified before and stored in its own archive:
 * the shape is parsed again, the signatures are not, so opening the app never
 * re-verifies years of records.
 */
export function readTrustedRecord(bytes: Uint8Array, circle?: Uint8Array): VerifiedRecord | undefined {
  const decoded = decodeEnvelope(bytes);
  if (!decoded.ok) return undefined;
  if (circle !== undefined && !bytesEqual(decoded.value.payload.circle, circle)) return undefined;
  const event = PARSERS.get(decoded.value.payload.kindCode)?.(decoded.value, false);
  return event === undefined ? undefined : { id: decoded.value.id, bytes, event };
}
