/**
 * What a court date may ask for and what expiry it may carry, checked alike
 * by the use case, the record builders and the projection.
 */
import { COURT_HELP } from './events';
import type { CourtSlot } from './events';

const DAY_MS = 86_400_000;

export const COURT_LIMITS = {
  /** More people of one kind than this would crowd a courtroom's public bench. */
  perHelp: 8,
  /** In all: a hearing needing more is a campaign, organised in person. */
  total: 12,
  /** Hearings are set weeks or months ahead; a date further than this is a typing mistake. */
  aheadMs: 400 * DAY_MS,
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

/**
 * Whether `expiresAt` can be a court date's expiry in a record made at `at`:
 * a UTC midnight (as alerts/expiry.ts courtDateExpiry gives), after the record,
 * and at most the furthest hearing plus the day after it. The hearing's own
 * time is sealed, so this is all a phone can check without the key.
 */
export function isCourtExpiry(expiresAt: number, at: number): boolean {
  return Number.isSafeInteger(expiresAt) && expiresAt % DAY_MS === 0 && expiresAt > at && expiresAt <= at + COURT_LIMITS.aheadMs + 2 * DAY_MS;
}
