/**
 * What a court date may ask for, checked alike by the form, the record parser
 * and the projection.
 */
import { COURT_HELP } from './events';
import type { CourtSlot } from './events';

export const COURT_LIMITS = {
  /** More people of one kind than this would crowd a courtroom's public bench. */
  perHelp: 8,
  /** In all: a hearing needing more is a campaign, organised in person. */
  total: 12,
  /** Hearings are set weeks or months ahead; a date further than this is a typing mistake. */
  aheadMs: 400 * 86_400_000,
} as const;

/** No help asked for; more than the limits; or a shape only another program would write. */
export type SlotsProblem = 'none' | 'too-many' | 'malformed';

/**
 * Null when the slots are fine: at least one kind, each known and at most
 * once in COURT_HELP order (one spelling per set, so equal dates hash alike),
 * each count a whole number from 1 to `perHelp`, and at most `total` in all.
 */
export function slotsProblem(slots: readonly CourtSlot[]): SlotsProblem | null {
  if (slots.length === 0) return 'none';
  let previous = -1;
  let total = 0;
  for (const { help, count } of slots) {
    const code = COURT_HELP.indexOf(help);
    if (code <= previous || !Number.isInteger(count) || count < 1) return 'malformed';
    if (count > COURT_LIMITS.perHelp) return 'too-many';
    previous = code;
    total += count;
  }
  return total > COURT_LIMITS.total ? 'too-many' : null;
}
