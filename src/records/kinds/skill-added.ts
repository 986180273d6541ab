/** A skill a member adds to the circle's list; its ref comes from this record's id. */
import type { CborValue } from '../cbor';
import { hasOnlyKeys, nameField } from '../fields';
import { toBase64Url } from '../bytes';
import type { Envelope } from '../envelope';
import type { SkillAdded, SkillMarked, SkillRef } from '../../domain/events';
import { KIND_CODES } from './codes';
import { customSkillRef, decodeSkill, encodeSkill } from './skill-codes';

export const MAX_SKILL_NAME = 40;
const enum Body { Name = 0, Essential = 1 }

export function skillAddedBody(fields: { readonly name: string; readonly essential: boolean }): Map<number, CborValue> {
  return new Map<number, CborValue>([
    [Body.Name, fields.name],
    [Body.Essential, fields.essential],
  ]);
}

export function parseSkillAdded(envelope: Envelope): SkillAdded | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['skill.added'] || !hasOnlyKeys(body, [Body.Name, Body.Essential])) return undefined;
  const name = nameField(body, Body.Name, MAX_SKILL_NAME);
  const essential = body.get(Body.Essential);
  if (name === undefined || typeof essential !== 'boolean') return undefined;
  return { kind: 'skill.added', id: envelope.id, author: toBase64Url(author), at, skill: customSkillRef(envelope.id), name, essential };
}

const enum Marked { Skill = 0, Essential = 1 }

export function skillMarkedBody(fields: { readonly skill: SkillRef; readonly essential: boolean }): Map<number, CborValue> {
  return new Map<number, CborValue>([
    [Marked.Skill, encodeSkill(fields.skill)],
    [Marked.Essential, fields.essential],
  ]);
}

export function parseSkillMarked(envelope: Envelope): SkillMarked | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['skill.marked'] || !hasOnlyKeys(body, [Marked.Skill, Marked.Essential])) return undefined;
  const skill = decodeSkill(body.get(Marked.Skill));
  const essential = body.get(Marked.Essential);
  if (skill === undefined || typeof essential !== 'boolean') return undefined;
  return { kind: 'skill.marked', id: envelope.id, author: toBase64Url(author), at, skill, essential };
}
