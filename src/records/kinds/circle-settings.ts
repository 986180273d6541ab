/** The circle's rules for credits: when they reset, the limits per cycle, how strict the limits are. */
import type { CborMap, CborValue } from '../cbor';
import { hasOnlyKeys, uintField } from '../fields';
import { toBase64Url } from '../bytes';
import type { Envelope } from '../envelope';
import type { CircleSettingsChanged, ResetRuleSetting } from '../../domain/events';
import { KIND_CODES } from './codes';

const enum Body { Rule = 0, Day = 1, Offset = 2, Lower = 3, Upper = 4, Mode = 5 }
/** ±200 hours in quarters: beyond any circle's sense of a month's help. */
export const LIMIT_BOUND = 800;

export interface SettingsFields {
  readonly resetRule: ResetRuleSetting;
  readonly lowerLimit: number;
  readonly upperLimit: number;
  readonly limitMode: 'soft' | 'hard';
}

export function isValidResetSetting(rule: ResetRuleSetting): boolean {
  if (rule.kind !== 'day-of-month') return true;
  return (
    Number.isInteger(rule.day) &&
    rule.day >= 1 &&
    rule.day <= 28 &&
    Number.isInteger(rule.utcOffsetMinutes) &&
    rule.utcOffsetMinutes % 15 === 0 &&
    rule.utcOffsetMinutes >= -720 &&
    rule.utcOffsetMinutes <= 840
  );
}

export function areValidSettings(fields: SettingsFields): boolean {
  return (
    isValidResetSetting(fields.resetRule) &&
    Number.isInteger(fields.lowerLimit) &&
    Number.isInteger(fields.upperLimit) &&
    fields.lowerLimit <= 0 &&
    fields.upperLimit >= 0 &&
    fields.lowerLimit >= -LIMIT_BOUND &&
    fields.upperLimit <= LIMIT_BOUND
  );
}

export function circleSettingsBody(fields: SettingsFields): Map<number, CborValue> {
  if (!areValidSettings(fields)) throw new RangeError('invalid circle settings');
  const rule = fields.resetRule;
  const body = new Map<number, CborValue>([
    [Body.Rule, rule.kind === 'new-moon' ? 0 : rule.kind === 'full-moon' ? 1 : 2],
    [Body.Lower, fields.lowerLimit],
    [Body.Upper, fields.upperLimit],
    [Body.Mode, fields.limitMode === 'soft' ? 0 : 1],
  ]);
  if (rule.kind === 'day-of-month') {
    body.set(Body.Day, rule.day);
    body.set(Body.Offset, rule.utcOffsetMinutes);
  }
  return body;
}

function intField(map: CborMap, key: number): number | undefined {
  const value = map.get(key);
  return typeof value === 'number' ? value : undefined;
}

export function parseCircleSettings(envelope: Envelope): CircleSettingsChanged | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['circle.settings']) return undefined;
  if (!hasOnlyKeys(body, [Body.Rule, Body.Day, Body.Offset, Body.Lower, Body.Upper, Body.Mode])) return undefined;
  const ruleCode = uintField(body, Body.Rule);
  const mode = uintField(body, Body.Mode);
  const lowerLimit = intField(body, Body.Lower);
  const upperLimit = intField(body, Body.Upper);
  if (ruleCode === undefined || mode === undefined || mode > 1 || lowerLimit === undefined || upperLimit === undefined) return undefined;
  let resetRule: ResetRuleSetting;
  if (ruleCode === 2) {
    const day = uintField(body, Body.Day);
    const utcOffsetMinutes = intField(body, Body.Offset);
    if (day === undefined || utcOffsetMinutes === undefined) return undefined;
    resetRule = { kind: 'day-of-month', day, utcOffsetMinutes };
  } else if (ruleCode <= 1 && !body.has(Body.Day) && !body.has(Body.Offset)) {
    resetRule = { kind: ruleCode === 0 ? 'new-moon' : 'full-moon' };
  } else {
    return undefined;
  }
  const fields: SettingsFields = { resetRule, lowerLimit, upperLimit, limitMode: mode === 0 ? 'soft' : 'hard' };
  if (!areValidSettings(fields)) return undefined;
  return { kind: 'circle.settings', id: envelope.id, author: toBase64Url(author), at, ...fields };
}
