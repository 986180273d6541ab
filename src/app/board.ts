/** Posting offers and needs, and taking them down. */
import type { ListingSide, SkillRef } from '../domain/events';
import { MAX_DESCRIPTION_CHARS, listingPostedBody, listingWithdrawnBody } from '../records/kinds/listing';
import { MAX_QUARTERS } from '../records/kinds/exchange';
import { normalizeName } from '../domain/names';
import type { NameProblem } from '../domain/names';
import { isKnownSkill } from '../domain/skills';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import type { CircleView } from './circle-view';
import type { AppDeps } from './deps';
import type { OpenCircle } from './open-circle';
import { signAndStore } from './records';

export interface ListingInput {
  readonly side: ListingSide;
  readonly skill: SkillRef;
  readonly description: string;
  readonly quarters: number | null;
  /** When the listing stops showing; by default the end of the current cycle. */
  readonly expiresAt: number;
}

export type ListingProblem = { readonly field: 'description'; readonly problem: NameProblem } | { readonly field: 'quarters' | 'skill' | 'expiresAt' };

export async function postListing(circle: OpenCircle, view: CircleView, input: ListingInput, deps: AppDeps): Promise<Result<string, ListingProblem>> {
  const description = normalizeName(input.description, MAX_DESCRIPTION_CHARS);
  if (!description.ok) return err({ field: 'description', problem: description.problem });
  if (input.quarters !== null && (!Number.isInteger(input.quarters) || input.quarters < 1 || input.quarters > MAX_QUARTERS)) {
    return err({ field: 'quarters' });
  }
  if (!isKnownSkill(view.skills, input.skill)) return err({ field: 'skill' });
  if (!(input.expiresAt > deps.now())) return err({ field: 'expiresAt' });
  const record = await signAndStore(
    circle,
    'listing.posted',
    listingPostedBody({ side: input.side, skill: input.skill, description: description.value, quarters: input.quarters, expiresAt: input.expiresAt }),
    deps,
  );
  return ok(record.id);
}

export async function withdrawListing(circle: OpenCircle, listingId: string, deps: AppDeps): Promise<void> {
  await signAndStore(circle, 'listing.withdrawn', listingWithdrawnBody(listingId), deps);
}
