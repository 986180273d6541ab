/**
 * What a member does with the tool library besides handing tools over:
 * register a tool, stick a printed label on it, queue for it, report it
 * missing or retire it, audit and repair it, volunteer as a caretaker, name
 * the neighbourhood's areas and set the circle's rules. Each is one record,
 * signed and stored by signAndStore; each answers a bad input with a problem
 * instead of a record.
 */
import type { MemberKey, RecordId } from '../domain/events';
import { normalizeName, normalizeOptional } from '../domain/names';
import type { MarkedToolStatus, ToolCondition } from '../domain/tool-events';
import { checkToolFields, photoType, toolRegisteredBody, TOOL_LIMITS } from '../records/kinds/tool-registered';
import type { ToolFieldProblem, ToolFields } from '../records/kinds/tool-registered';
import {
  CARE_LIMITS,
  repairClosedBody,
  repairOpenedBody,
  toolAuditedBody,
  toolRequestedBody,
  toolRequestWithdrawnBody,
  toolStatusBody,
} from '../records/kinds/tool-care';
import { isNormalizedText, normalizeText } from '../records/kinds/tool-fields';
import { MAX_AREA_NAME, areaNamedBody, caretakerVolunteerBody, labelClaimedBody, toolsSettingsBody, TOOLS_SETTINGS_LIMITS, TUTORIAL_LIMITS, tutorialWrittenBody } from '../records/kinds/tool-circle';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import type { ToolsView } from './tools-view';
import type { AppDeps } from './deps';
import type { OpenCircle } from './open-circle';
import { signAndStore } from './records';

export type RegisterProblem = ToolFieldProblem | 'label-taken';

/** Registers a tool held by this member as its first host, and claims a blank label for it if one came along. */
export async function registerTool(
  circle: OpenCircle,
  tools: ToolsView,
  input: ToolFields,
  label: string | null,
  deps: AppDeps,
): Promise<Result<RecordId, RegisterProblem>> {
  const name = normalizeName(input.name, TOOL_LIMITS.nameChars);
  if (!name.ok) return err('name');
  const accessories: string[] = [];
  for (const item of input.accessories) {
    const normalized = normalizeOptional(item, TOOL_LIMITS.accessoryChars);
    if (!normalized.ok) return err('accessories');
    if (normalized.value !== '') accessories.push(normalized.value);
  }
  const fields: ToolFields = { ...input, name: name.value, accessories, careNotes: normalizeText(input.careNotes) };
  const problem = checkToolFields(fields);
  if (problem !== null) return err(problem);
  if (fields.area !== null && !tools.state.areas.has(fields.area)) return err('area');
  if (label !== null && tools.state.labels.has(label)) return err('label-taken');
  const record = await signAndStore(circle, 'tool.registered', toolRegisteredBody(fields), deps);
  if (label !== null) await signAndStore(circle, 'label.claimed', labelClaimedBody(label, record.id), deps);
  return ok(record.id);
}

export type LabelProblem = 'label-taken' | 'unknown-tool';

export async function claimLabel(circle: OpenCircle, tools: ToolsView, label: string, tool: RecordId, deps: AppDeps): Promise<Result<void, LabelProblem>> {
  if (tools.state.labels.has(label)) return err('label-taken');
  if (!tools.state.tools.has(tool)) return err('unknown-tool');
  await signAndStore(circle, 'label.claimed', labelClaimedBody(label, tool), deps);
  return ok(undefined);
}

export type RequestProblem = 'unknown-tool' | 'retired' | 'holds-it' | 'already-waiting';

export function requestProblem(tools: ToolsView, me: MemberKey, tool: RecordId): RequestProblem | null {
  const state = tools.state.tools.get(tool);
  if (state === undefined) return 'unknown-tool';
  if (state.status === 'retired') return 'retired';
  if (state.holder === me) return 'holds-it';
  if (state.queue.some((entry) => entry.member === me)) return 'already-waiting';
  return null;
}

export async function requestTool(circle: OpenCircle, tools: ToolsView, tool: RecordId, deps: AppDeps): Promise<Result<RecordId, RequestProblem>> {
  const problem = requestProblem(tools, circle.membership.memberKey, tool);
  if (problem !== null) return err(problem);
  return ok((await signAndStore(circle, 'tool.requested', toolRequestedBody(tool), deps)).id);
}

export async function withdrawRequest(circle: OpenCircle, request: RecordId, deps: AppDeps): Promise<void> {
  await signAndStore(circle, 'tool.request.withdrawn', toolRequestWithdrawnBody(request), deps);
}

export type CareTextProblem = 'text' | 'minutes' | 'unknown-tool' | 'unknown-repair';

/** A text typed in paragraphs, in the one form a record carries; empty only where it may be. */
function careText(input: string, max: number, required: boolean): Result<string, 'text'> {
  const text = normalizeText(input);
  if (text === '' ? required : !isNormalizedText(text, max)) return err('text');
  return ok(text);
}

export async function markToolStatus(
  circle: OpenCircle,
  tools: ToolsView,
  tool: RecordId,
  status: MarkedToolStatus,
  note: string,
  deps: AppDeps,
): Promise<Result<void, CareTextProblem>> {
  if (!tools.state.tools.has(tool)) return err('unknown-tool');
  const text = normalizeOptional(note, CARE_LIMITS.noteChars);
  if (!text.ok) return err('text');
  await signAndStore(circle, 'tool.status', toolStatusBody(tool, status, text.value), deps);
  return ok(undefined);
}

export interface AuditInput {
  readonly tool: RecordId;
  readonly present: number;
  readonly condition: ToolCondition;
  readonly note: string;
}

export async function auditTool(circle: OpenCircle, tools: ToolsView, input: AuditInput, deps: AppDeps): Promise<Result<void, CareTextProblem>> {
  if (!tools.state.tools.has(input.tool)) return err('unknown-tool');
  const note = normalizeOptional(input.note, CARE_LIMITS.noteChars);
  if (!note.ok) return err('text');
  await signAndStore(circle, 'tool.audited', toolAuditedBody({ ...input, note: note.value }), deps);
  return ok(undefined);
}

export async function openRepair(circle: OpenCircle, tools: ToolsView, tool: RecordId, problem: string, deps: AppDeps): Promise<Result<RecordId, CareTextProblem>> {
  if (!tools.state.tools.has(tool)) return err('unknown-tool');
  const text = careText(problem, CARE_LIMITS.problemChars, true);
  if (!text.ok) return text;
  return ok((await signAndStore(circle, 'repair.opened', repairOpenedBody(tool, text.value), deps)).id);
}

export interface RepairOutcome {
  readonly repair: RecordId;
  readonly fix: string;
  readonly parts: string;
  readonly minutes: number;
}

export async function closeRepair(circle: OpenCircle, input: RepairOutcome, deps: AppDeps): Promise<Result<void, CareTextProblem>> {
  const fix = careText(input.fix, CARE_LIMITS.fixChars, true);
  if (!fix.ok) return fix;
  const parts = careText(input.parts, CARE_LIMITS.partsChars, false);
  if (!parts.ok) return parts;
  if (!Number.isInteger(input.minutes) || input.minutes < CARE_LIMITS.minutesMin || input.minutes > CARE_LIMITS.minutesMax) return err('minutes');
  await signAndStore(circle, 'repair.closed', repairClosedBody({ repair: input.repair, fix: fix.value, parts: parts.value, minutes: input.minutes }), deps);
  return ok(undefined);
}

export async function volunteerAsCaretaker(circle: OpenCircle, willing: boolean, deps: AppDeps): Promise<void> {
  await signAndStore(circle, 'caretaker.volunteer', caretakerVolunteerBody(willing), deps);
}

export type AreaProblem = 'name' | 'exists';

export async function nameArea(circle: OpenCircle, tools: ToolsView, input: string, deps: AppDeps): Promise<Result<RecordId, AreaProblem>> {
  const name = normalizeName(input, MAX_AREA_NAME);
  if (!name.ok) return err('name');
  const lower = name.value.toLocaleLowerCase();
  for (const area of tools.state.areas.values()) if (area.name.toLocaleLowerCase() === lower) return err('exists');
  return ok((await signAndStore(circle, 'area.named', areaNamedBody(name.value), deps)).id);
}

export async function setToolRules(circle: OpenCircle, maxHeld: number, holdHours: number, deps: AppDeps): Promise<Result<void, 'max-held' | 'hold-hours'>> {
  const limits = TOOLS_SETTINGS_LIMITS;
  if (!Number.isInteger(maxHeld) || maxHeld < limits.maxHeldMin || maxHeld > limits.maxHeldMax) return err('max-held');
  if (!Number.isInteger(holdHours) || holdHours < limits.holdHoursMin || holdHours > limits.holdHoursMax) return err('hold-hours');
  await signAndStore(circle, 'tools.settings', toolsSettingsBody({ maxHeld, holdHours }), deps);
  return ok(undefined);
}

export interface TutorialInput {
  /** The version being edited, or null for a new tutorial. */
  readonly replaces: RecordId | null;
  readonly tools: readonly RecordId[];
  readonly title: string;
  readonly text: string;
  readonly photos: readonly Uint8Array[];
}

export type TutorialProblem = 'title' | 'text' | 'tools' | 'photos';

/** A repair tutorial, or a new version of one: every version is kept, the latest shows. */
export async function writeTutorial(circle: OpenCircle, tools: ToolsView, input: TutorialInput, deps: AppDeps): Promise<Result<RecordId, TutorialProblem>> {
  const title = normalizeName(input.title, TUTORIAL_LIMITS.titleChars);
  if (!title.ok) return err('title');
  const text = normalizeText(input.text);
  if (!isNormalizedText(text, TUTORIAL_LIMITS.textChars, TUTORIAL_LIMITS.textBytes)) return err('text');
  const linked = [...new Set(input.tools)];
  if (linked.length > TUTORIAL_LIMITS.tools || linked.some((id) => !tools.state.tools.has(id))) return err('tools');
  const photos = input.photos;
  if (photos.length > TUTORIAL_LIMITS.photos || photos.some((photo) => photo.length > TUTORIAL_LIMITS.photoBytes || photoType(photo) === null)) return err('photos');
  const body = tutorialWrittenBody({ replaces: input.replaces, tools: linked, title: title.value, text, photos });
  return ok((await signAndStore(circle, 'tutorial.written', body, deps)).id);
}
