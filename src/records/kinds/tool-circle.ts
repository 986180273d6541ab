/**
 * The tool library's circle-wide records: caretakers volunteering, named
 * areas of the neighbourhood, printed labels stuck on tools, the library's
 * rules, and repair tutorials (each record one version of a tutorial).
 *
 * Bodies:
 *   caretaker.volunteer  0 willing
 *   area.named           0 name
 *   label.claimed        0 label (16 bytes)  1 tool
 *   tools.settings       0 tools held at once  1 hold hours
 *   tutorial.written     0 replaces (absent: a new tutorial)  1 tools  2 title  3 text
 */
import type { CborValue } from '../cbor';
import { fromBase64Url, toBase64Url } from '../bytes';
import { bytesField, nameField, uintField } from '../fields';
import type { Envelope } from '../envelope';
import type { RecordId } from '../../domain/events';
import type { AreaNamed, CaretakerVolunteered, LabelClaimed, ToolRulesChanged, TutorialWritten } from '../../domain/tool-events';
import { isNormalizedName } from '../../domain/names';
import { bodyOf, idField, isNormalizedText, longTextField, meta, optionalIdField, recordIdBytes, RECORD_ID_BYTES } from './tool-fields';
import { photoType } from './tool-registered';

export const MAX_AREA_NAME = 40;
export const LABEL_BYTES = 16;
export const TOOLS_SETTINGS_LIMITS = { maxHeldMin: 1, maxHeldMax: 50, holdHoursMin: 1, holdHoursMax: 720 } as const;
/** Text and photos together stay well inside a record's 48 KB. */
export const TUTORIAL_LIMITS = { tools: 20, titleChars: 80, textChars: 8_000, textBytes: 24 * 1024, photos: 2, photoBytes: 10 * 1024 } as const;

const enum Volunteer { Willing = 0 }

export function caretakerVolunteerBody(willing: boolean): Map<number, CborValue> {
  return new Map<number, CborValue>([[Volunteer.Willing, willing]]);
}

export function parseCaretakerVolunteer(envelope: Envelope): CaretakerVolunteered | undefined {
  const body = bodyOf(envelope, 'caretaker.volunteer', [Volunteer.Willing]);
  const willing = body?.get(Volunteer.Willing);
  return typeof willing === 'boolean' ? { kind: 'caretaker.volunteer', ...meta(envelope), willing } : undefined;
}

const enum Area { Name = 0 }

export function areaNamedBody(name: string): Map<number, CborValue> {
  if (!isNormalizedName(name, MAX_AREA_NAME)) throw new RangeError('invalid area name');
  return new Map<number, CborValue>([[Area.Name, name]]);
}

export function parseAreaNamed(envelope: Envelope): AreaNamed | undefined {
  const body = bodyOf(envelope, 'area.named', [Area.Name]);
  const name = body && nameField(body, Area.Name, MAX_AREA_NAME);
  return name === undefined ? undefined : { kind: 'area.named', ...meta(envelope), name };
}

const enum Label { Label = 0, Tool = 1 }

export function labelClaimedBody(label: string, tool: RecordId): Map<number, CborValue> {
  const bytes = fromBase64Url(label);
  if (bytes === null || bytes.length !== LABEL_BYTES) throw new RangeError('not a label id');
  return new Map<number, CborValue>([
    [Label.Label, bytes],
    [Label.Tool, recordIdBytes(tool)],
  ]);
}

export function parseLabelClaimed(envelope: Envelope): LabelClaimed | undefined {
  const body = bodyOf(envelope, 'label.claimed', [Label.Label, Label.Tool]);
  if (body === undefined) return undefined;
  const label = bytesField(body, Label.Label, LABEL_BYTES);
  const tool = idField(body, Label.Tool);
  if (label === undefined || tool === undefined) return undefined;
  return { kind: 'label.claimed', ...meta(envelope), label: toBase64Url(label), tool };
}

const enum Settings { MaxHeld = 0, HoldHours = 1 }

export interface ToolsSettingsFields {
  readonly maxHeld: number;
  readonly holdHours: number;
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function areValidToolsSettings(fields: ToolsSettingsFields): boolean {
  const limits = TOOLS_SETTINGS_LIMITS;
  return inRange(fields.maxHeld, limits.maxHeldMin, limits.maxHeldMax) && inRange(fields.holdHours, limits.holdHoursMin, limits.holdHoursMax);
}

export function toolsSettingsBody(fields: ToolsSettingsFields): Map<number, CborValue> {
  if (!areValidToolsSettings(fields)) throw new RangeError('invalid tool library settings');
  return new Map<number, CborValue>([
    [Settings.MaxHeld, fields.maxHeld],
    [Settings.HoldHours, fields.holdHours],
  ]);
}

export function parseToolsSettings(envelope: Envelope): ToolRulesChanged | undefined {
  const body = bodyOf(envelope, 'tools.settings', [Settings.MaxHeld, Settings.HoldHours]);
  if (body === undefined) return undefined;
  const maxHeld = uintField(body, Settings.MaxHeld);
  const holdHours = uintField(body, Settings.HoldHours);
  if (maxHeld === undefined || holdHours === undefined || !areValidToolsSettings({ maxHeld, holdHours })) return undefined;
  return { kind: 'tools.settings', ...meta(envelope), maxHeld, holdHours };
}

const enum Tutorial { Replaces = 0, Tools = 1, Title = 2, Text = 3, Photos = 4 }

export interface TutorialFields {
  readonly replaces: RecordId | null;
  readonly tools: readonly RecordId[];
  readonly title: string;
  readonly text: string;
  readonly photos: readonly Uint8Array[];
}

function areValidTutorialPhotos(photos: readonly unknown[]): photos is readonly Uint8Array[] {
  return (
    photos.length <= TUTORIAL_LIMITS.photos &&
    photos.every((photo) => photo instanceof Uint8Array && photo.length <= TUTORIAL_LIMITS.photoBytes && photoType(photo) !== null)
  );
}

function areValidTutorialTexts(title: string, text: string): boolean {
  return isNormalizedName(title, TUTORIAL_LIMITS.titleChars) && isNormalizedText(text, TUTORIAL_LIMITS.textChars, TUTORIAL_LIMITS.textBytes);
}

export function tutorialWrittenBody(fields: TutorialFields): Map<number, CborValue> {
  if (fields.tools.length > TUTORIAL_LIMITS.tools || new Set(fields.tools).size !== fields.tools.length) {
    throw new RangeError('a tutorial names at most 20 distinct tools');
  }
  if (!areValidTutorialTexts(fields.title, fields.text)) throw new RangeError('invalid tutorial text');
  if (!areValidTutorialPhotos(fields.photos)) throw new RangeError('invalid tutorial photos');
  const body = new Map<number, CborValue>([
    [Tutorial.Tools, fields.tools.map(recordIdBytes)],
    [Tutorial.Title, fields.title],
    [Tutorial.Text, fields.text],
  ]);
  if (fields.replaces !== null) body.set(Tutorial.Replaces, recordIdBytes(fields.replaces));
  // Left out when there are none, so that a tutorial without photos has one encoding.
  if (fields.photos.length > 0) body.set(Tutorial.Photos, [...fields.photos]);
  return body;
}

export function parseTutorialWritten(envelope: Envelope): TutorialWritten | undefined {
  const body = bodyOf(envelope, 'tutorial.written', [Tutorial.Replaces, Tutorial.Tools, Tutorial.Title, Tutorial.Text, Tutorial.Photos]);
  if (body === undefined) return undefined;
  const replaces = optionalIdField(body, Tutorial.Replaces);
  const list = body.get(Tutorial.Tools);
  const title = nameField(body, Tutorial.Title, TUTORIAL_LIMITS.titleChars);
  const text = longTextField(body, Tutorial.Text, TUTORIAL_LIMITS.textChars, TUTORIAL_LIMITS.textBytes);
  if (replaces === undefined || !Array.isArray(list) || list.length > TUTORIAL_LIMITS.tools || title === undefined || text === undefined) {
    return undefined;
  }
  const tools: RecordId[] = [];
  for (const item of list as readonly CborValue[]) {
    if (!(item instanceof Uint8Array) || item.length !== RECORD_ID_BYTES) return undefined;
    tools.push(toBase64Url(item));
  }
  if (new Set(tools).size !== tools.length) return undefined;
  const photos = body.has(Tutorial.Photos) ? body.get(Tutorial.Photos) : [];
  if (!Array.isArray(photos) || (body.has(Tutorial.Photos) && photos.length === 0) || !areValidTutorialPhotos(photos)) return undefined;
  return { kind: 'tutorial.written', ...meta(envelope), replaces, tools, title, text, photos };
}
