/** A theme a member gives a cycle ("the repair moon"), shown on everyone's home screen. */
import type { CborValue } from '../cbor';
import { hasOnlyKeys, nameField } from '../fields';
import { toBase64Url } from '../bytes';
import type { Envelope } from '../envelope';
import type { CycleThemed } from '../../domain/events';
import { KIND_CODES } from './codes';

export const MAX_THEME = 60;
/** Lunations counted from January 2000: ±3000 covers 1760 to 2240. */
const MAX_CYCLE_INDEX = 3000;
const enum Body { Cycle = 0, Theme = 1 }

export function cycleThemeBody(fields: { readonly cycle: number; readonly theme: string }): Map<number, CborValue> {
  return new Map<number, CborValue>([
    [Body.Cycle, fields.cycle],
    [Body.Theme, fields.theme],
  ]);
}

export function parseCycleTheme(envelope: Envelope): CycleThemed | undefined {
  const { body, author, at, kindCode } = envelope.payload;
  if (kindCode !== KIND_CODES['cycle.theme'] || !hasOnlyKeys(body, [Body.Cycle, Body.Theme])) return undefined;
  const cycle = body.get(Body.Cycle);
  const theme = nameField(body, Body.Theme, MAX_THEME);
  if (typeof cycle !== 'number' || Math.abs(cycle) > MAX_CYCLE_INDEX || theme === undefined) return undefined;
  return { kind: 'cycle.theme', id: envelope.id, author: toBase64Url(author), at, cycle, theme };
}
