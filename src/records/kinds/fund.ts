/**
 * The emergency fund's records, each by one member: pledging and paying in,
 * asking for support, and approving, declining, withdrawing and paying out a
 * request. What counts (membership, approvers, the balance) is for the
 * projection (domain/fund/) to decide; these parsers only refuse what no
 * phone of ours would write.
 *
 * Bodies:
 *   fund.pledged       0 amount  1 cycles (absent: once)
 *   fund.contributed   0 amount  1 pledge (absent: none named)
 *   support.requested  0 amount  1 reason (the position in SUPPORT_REASONS)  2 note (absent: none)
 *   support.approved, support.declined, support.withdrawn, support.paid   0 request
 *   fund.settings      0 large amount  1 approvers for a large request
 * Amounts are whole minor units from 1 to MAX_AMOUNT; pledges and requests
 * are named by their 32-byte record ids. An optional field has one spelling:
 * absent, never an empty or null value.
 */
import type { CborMap, CborValue } from '../cbor';
import { textField, uintField } from '../fields';
import { fromBase64Url } from '../bytes';
import type { Envelope } from '../envelope';
import type { RecordId } from '../../domain/events';
import { isValidAmount, isValidFundRules, isValidSchedule, SUPPORT_REASONS } from '../../domain/fund';
import type {
  FundContributed,
  FundPledged,
  FundRules,
  FundRulesChanged,
  PledgeSchedule,
  SupportApproved,
  SupportDecision,
  SupportDeclined,
  SupportPaid,
  SupportReasonKind,
  SupportRequested,
  SupportWithdrawn,
} from '../../domain/fund';
import { isNormalizedName } from '../../domain/names';
import { bodyOf, codeOf, decodeCode, idField, meta, optionalIdField, RECORD_ID_BYTES, recordIdBytes } from './tool-fields';

export const FUND_LIMITS = {
  /** A line for the approvers: the detail of someone's trouble belongs in a conversation, not a record. */
  noteChars: 280,
} as const;

export type FundFieldProblem = 'amount' | 'schedule' | 'reason' | 'note' | 'pledge' | 'request';

function isRecordId(id: RecordId): boolean {
  return fromBase64Url(id)?.length === RECORD_ID_BYTES;
}

function isRequestNote(note: string | null): boolean {
  return note === null || isNormalizedName(note, FUND_LIMITS.noteChars);
}

function amountField(map: CborMap, key: number): number | undefined {
  const amount = uintField(map, key);
  return amount !== undefined && isValidAmount(amount) ? amount : undefined;
}

const enum Pledged { Amount = 0, Cycles = 1 }

export interface PledgeFields {
  readonly amount: number;
  readonly schedule: PledgeSchedule;
}

/** The first field that breaks the rules, so a form can say which; null when all are fine. */
export function checkPledgeFields(fields: PledgeFields): FundFieldProblem | null {
  if (!isValidAmount(fields.amount)) return 'amount';
  return isValidSchedule(fields.schedule) ? null : 'schedule';
}

export function fundPledgedBody(fields: PledgeFields): Map<number, CborValue> {
  const problem = checkPledgeFields(fields);
  if (problem !== null) throw new RangeError(`invalid pledge: ${problem}`);
  const body = new Map<number, CborValue>([[Pledged.Amount, fields.amount]]);
  if (fields.schedule.kind === 'per-cycle') body.set(Pledged.Cycles, fields.schedule.cycles);
  return body;
}

export function parseFundPledged(envelope: Envelope): FundPledged | undefined {
  const body = bodyOf(envelope, 'fund.pledged', [Pledged.Amount, Pledged.Cycles]);
  if (body === undefined) return undefined;
  const amount = amountField(body, Pledged.Amount);
  const cycles = body.has(Pledged.Cycles) ? uintField(body, Pledged.Cycles) : null;
  if (amount === undefined || cycles === undefined) return undefined;
  const schedule: PledgeSchedule = cycles === null ? { kind: 'once' } : { kind: 'per-cycle', cycles };
  if (!isValidSchedule(schedule)) return undefined;
  return { kind: 'fund.pledged', ...meta(envelope), amount, schedule };
}

const enum Contributed { Amount = 0, Pledge = 1 }

export interface ContributionFields {
  readonly amount: number;
  readonly pledge: RecordId | null;
}

export function checkContributionFields(fields: ContributionFields): FundFieldProblem | null {
  if (!isValidAmount(fields.amount)) return 'amount';
  return fields.pledge === null || isRecordId(fields.pledge) ? null : 'pledge';
}

export function fundContributedBody(fields: ContributionFields): Map<number, CborValue> {
  const problem = checkContributionFields(fields);
  if (problem !== null) throw new RangeError(`invalid contribution: ${problem}`);
  const body = new Map<number, CborValue>([[Contributed.Amount, fields.amount]]);
  if (fields.pledge !== null) body.set(Contributed.Pledge, recordIdBytes(fields.pledge));
  return body;
}

export function parseFundContributed(envelope: Envelope): FundContributed | undefined {
  const body = bodyOf(envelope, 'fund.contributed', [Contributed.Amount, Contributed.Pledge]);
  if (body === undefined) return undefined;
  const amount = amountField(body, Contributed.Amount);
  const pledge = optionalIdField(body, Contributed.Pledge);
  if (amount === undefined || pledge === undefined) return undefined;
  return { kind: 'fund.contributed', ...meta(envelope), amount, pledge };
}

const enum Requested { Amount = 0, Reason = 1, Note = 2 }

export interface RequestFields {
  readonly amount: number;
  readonly reason: SupportReasonKind;
  /** Normalized as names are (domain/names.ts); null when none. */
  readonly note: string | null;
}

export function checkRequestFields(fields: RequestFields): FundFieldProblem | null {
  if (!isValidAmount(fields.amount)) return 'amount';
  // The runtime check matters: a caller's reason may come from a form or another version.
  if (!SUPPORT_REASONS.includes(fields.reason)) return 'reason';
  return isRequestNote(fields.note) ? null : 'note';
}

export function supportRequestedBody(fields: RequestFields): Map<number, CborValue> {
  const problem = checkRequestFields(fields);
  if (problem !== null) throw new RangeError(`invalid request: ${problem}`);
  const body = new Map<number, CborValue>([
    [Requested.Amount, fields.amount],
    [Requested.Reason, codeOf(SUPPORT_REASONS, fields.reason)],
  ]);
  if (fields.note !== null) body.set(Requested.Note, fields.note);
  return body;
}

export function parseSupportRequested(envelope: Envelope): SupportRequested | undefined {
  const body = bodyOf(envelope, 'support.requested', [Requested.Amount, Requested.Reason, Requested.Note]);
  if (body === undefined) return undefined;
  const amount = amountField(body, Requested.Amount);
  const reason = decodeCode(SUPPORT_REASONS, uintField(body, Requested.Reason));
  const note = body.has(Requested.Note) ? textField(body, Requested.Note, FUND_LIMITS.noteChars * 2) : null;
  if (amount === undefined || reason === undefined || note === undefined || !isRequestNote(note)) return undefined;
  return { kind: 'support.requested', ...meta(envelope), amount, reason, note };
}

const enum Decision { Request = 0 }

/** The body of an approval, decline, withdrawal or payout: what each says is in its kind. */
export function supportDecisionBody(request: RecordId): Map<number, CborValue> {
  return new Map<number, CborValue>([[Decision.Request, recordIdBytes(request)]]);
}

function requestOf(envelope: Envelope, kind: SupportDecision['kind']): RecordId | undefined {
  const body = bodyOf(envelope, kind, [Decision.Request]);
  return body && idField(body, Decision.Request);
}

export function parseSupportApproved(envelope: Envelope): SupportApproved | undefined {
  const request = requestOf(envelope, 'support.approved');
  return request === undefined ? undefined : { kind: 'support.approved', ...meta(envelope), request };
}

export function parseSupportDeclined(envelope: Envelope): SupportDeclined | undefined {
  const request = requestOf(envelope, 'support.declined');
  return request === undefined ? undefined : { kind: 'support.declined', ...meta(envelope), request };
}

export function parseSupportWithdrawn(envelope: Envelope): SupportWithdrawn | undefined {
  const request = requestOf(envelope, 'support.withdrawn');
  return request === undefined ? undefined : { kind: 'support.withdrawn', ...meta(envelope), request };
}

export function parseSupportPaid(envelope: Envelope): SupportPaid | undefined {
  const request = requestOf(envelope, 'support.paid');
  return request === undefined ? undefined : { kind: 'support.paid', ...meta(envelope), request };
}

const enum Rules { LargeAmount = 0, LargeApprovers = 1 }

export function fundSettingsBody(rules: FundRules): Map<number, CborValue> {
  if (!isValidFundRules(rules)) throw new RangeError('invalid fund rules');
  return new Map<number, CborValue>([
    [Rules.LargeAmount, rules.largeAmount],
    [Rules.LargeApprovers, rules.largeApprovers],
  ]);
}

export function parseFundSettings(envelope: Envelope): FundRulesChanged | undefined {
  const body = bodyOf(envelope, 'fund.settings', [Rules.LargeAmount, Rules.LargeApprovers]);
  const largeAmount = body && uintField(body, Rules.LargeAmount);
  const largeApprovers = body && uintField(body, Rules.LargeApprovers);
  if (largeAmount === undefined || largeApprovers === undefined || !isValidFundRules({ largeAmount, largeApprovers })) return undefined;
  return { kind: 'fund.settings', ...meta(envelope), largeAmount, largeApprovers };
}
