/**
 * The care of a tool, each a record by one member: asking for it (and leaving
 * the queue), marking it missing, retired or found again, a caretaker's audit,
 * and repairs opened and closed.
 *
 * Bodies:
 *   tool.requested          0 tool
 *   tool.request.withdrawn  0 request
 *   tool.status             0 tool  1 status (0 missing, 1 retired, 2 found)  2 note
 *   tool.audited            0 tool  1 accessories present  2 condition  3 note
 *   repair.opened           0 tool  1 problem
 *   repair.closed           0 repair  1 fix  2 parts  3 minutes
 */
import type { CborValue } from '../cbor';
import { uintField } from '../fields';
import type { Envelope } from '../envelope';
import type { RecordId } from '../../domain/events';
import type {
  MarkedToolStatus,
  RepairClosed,
  RepairOpened,
  ToolAudited,
  ToolCondition,
  ToolRequested,
  ToolRequestWithdrawn,
  ToolStatusMarked,
} from '../../domain/tool-events';
import {
  bodyOf,
  CONDITIONS,
  codeOf,
  decodeCode,
  idField,
  isNormalizedText,
  isNote,
  isOptionalText,
  isPresentMask,
  longTextField,
  meta,
  noteField,
  optionalTextField,
  recordIdBytes,
} from './tool-fields';

export const CARE_LIMITS = {
  noteChars: 280,
  problemChars: 600,
  fixChars: 600,
  partsChars: 200,
  minutesMin: 1,
  minutesMax: 10_000,
} as const;

const STATUSES: readonly MarkedToolStatus[] = ['missing', 'retired', 'found'];

function checkedNote(note: string): string {
  if (!isNote(note, CARE_LIMITS.noteChars)) throw new RangeError('invalid note');
  return note;
}

const enum Requested { Tool = 0 }

export function toolRequestedBody(tool: RecordId): Map<number, CborValue> {
  return new Map<number, CborValue>([[Requested.Tool, recordIdBytes(tool)]]);
}

export function parseToolRequested(envelope: Envelope): ToolRequested | undefined {
  const body = bodyOf(envelope, 'tool.requested', [Requested.Tool]);
  const tool = body && idField(body, Requested.Tool);
  return tool === undefined ? undefined : { kind: 'tool.requested', ...meta(envelope), tool };
}

const enum Withdrawn { Request = 0 }

export function toolRequestWithdrawnBody(request: RecordId): Map<number, CborValue> {
  return new Map<number, CborValue>([[Withdrawn.Request, recordIdBytes(request)]]);
}

export function parseToolRequestWithdrawn(envelope: Envelope): ToolRequestWithdrawn | undefined {
  const body = bodyOf(envelope, 'tool.request.withdrawn', [Withdrawn.Request]);
  const request = body && idField(body, Withdrawn.Request);
  return request === undefined ? undefined : { kind: 'tool.request.withdrawn', ...meta(envelope), request };
}

const enum Status { Tool = 0, Status = 1, Note = 2 }

export function toolStatusBody(tool: RecordId, status: MarkedToolStatus, note: string): Map<number, CborValue> {
  return new Map<number, CborValue>([
    [Status.Tool, recordIdBytes(tool)],
    [Status.Status, codeOf(STATUSES, status)],
    [Status.Note, checkedNote(note)],
  ]);
}

export function parseToolStatus(envelope: Envelope): ToolStatusMarked | undefined {
  const body = bodyOf(envelope, 'tool.status', [Status.Tool, Status.Status, Status.Note]);
  if (body === undefined) return undefined;
  const tool = idField(body, Status.Tool);
  const status = decodeCode(STATUSES, uintField(body, Status.Status));
  const note = noteField(body, Status.Note, CARE_LIMITS.noteChars);
  if (tool === undefined || status === undefined || note === undefined) return undefined;
  return { kind: 'tool.status', ...meta(envelope), tool, status, note };
}

const enum Audit { Tool = 0, Present = 1, Condition = 2, Note = 3 }

export interface AuditFields {
  readonly tool: RecordId;
  readonly present: number;
  readonly condition: ToolCondition;
  readonly note: string;
}

export function toolAuditedBody(fields: AuditFields): Map<number, CborValue> {
  if (!isPresentMask(fields.present)) throw new RangeError('invalid accessories');
  return new Map<number, CborValue>([
    [Audit.Tool, recordIdBytes(fields.tool)],
    [Audit.Present, fields.present],
    [Audit.Condition, codeOf(CONDITIONS, fields.condition)],
    [Audit.Note, checkedNote(fields.note)],
  ]);
}

export function parseToolAudited(envelope: Envelope): ToolAudited | undefined {
  const body = bodyOf(envelope, 'tool.audited', [Audit.Tool, Audit.Present, Audit.Condition, Audit.Note]);
  if (body === undefined) return undefined;
  const tool = idField(body, Audit.Tool);
  const present = uintField(body, Audit.Present);
  const condition = decodeCode(CONDITIONS, uintField(body, Audit.Condition));
  const note = noteField(body, Audit.Note, CARE_LIMITS.noteChars);
  if (tool === undefined || present === undefined || !isPresentMask(present) || condition === undefined || note === undefined) return undefined;
  return { kind: 'tool.audited', ...meta(envelope), tool, present, condition, note };
}

const enum Opened { Tool = 0, Problem = 1 }

export function repairOpenedBody(tool: RecordId, problem: string): Map<number, CborValue> {
  if (!isNormalizedText(problem, CARE_LIMITS.problemChars)) throw new RangeError('invalid problem');
  return new Map<number, CborValue>([
    [Opened.Tool, recordIdBytes(tool)],
    [Opened.Problem, problem],
  ]);
}

export function parseRepairOpened(envelope: Envelope): RepairOpened | undefined {
  const body = bodyOf(envelope, 'repair.opened', [Opened.Tool, Opened.Problem]);
  if (body === undefined) return undefined;
  const tool = idField(body, Opened.Tool);
  const problem = longTextField(body, Opened.Problem, CARE_LIMITS.problemChars);
  if (tool === undefined || problem === undefined) return undefined;
  return { kind: 'repair.opened', ...meta(envelope), tool, problem };
}

const enum Closed { Repair = 0, Fix = 1, Parts = 2, Minutes = 3 }

export interface RepairClosedFields {
  readonly repair: RecordId;
  readonly fix: string;
  readonly parts: string;
  readonly minutes: number;
}

function isMinutes(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= CARE_LIMITS.minutesMin && minutes <= CARE_LIMITS.minutesMax;
}

export function repairClosedBody(fields: RepairClosedFields): Map<number, CborValue> {
  if (!isNormalizedText(fields.fix, CARE_LIMITS.fixChars) || !isOptionalText(fields.parts, CARE_LIMITS.partsChars) || !isMinutes(fields.minutes)) {
    throw new RangeError('invalid repair');
  }
  return new Map<number, CborValue>([
    [Closed.Repair, recordIdBytes(fields.repair)],
    [Closed.Fix, fields.fix],
    [Closed.Parts, fields.parts],
    [Closed.Minutes, fields.minutes],
  ]);
}

export function parseRepairClosed(envelope: Envelope): RepairClosed | undefined {
  const body = bodyOf(envelope, 'repair.closed', [Closed.Repair, Closed.Fix, Closed.Parts, Closed.Minutes]);
  if (body === undefined) return undefined;
  const repair = idField(body, Closed.Repair);
  const fix = longTextField(body, Closed.Fix, CARE_LIMITS.fixChars);
  const parts = optionalTextField(body, Closed.Parts, CARE_LIMITS.partsChars);
  const minutes = uintField(body, Closed.Minutes);
  if (repair === undefined || fix === undefined || parts === undefined || minutes === undefined || !isMinutes(minutes)) return undefined;
  return { kind: 'repair.closed', ...meta(envelope), repair, fix, parts, minutes };
}
