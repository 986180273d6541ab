/** What each refusal of a listing means to a member, as a catalogue key. */
import type { ListingProblem } from '../../app/board';
import type { MessageKey } from '../../i18n/en';

export function listingProblemKey(problem: ListingProblem): MessageKey {
  if (problem.field !== 'description') {
    const keys = { skill: 'board.errorSkill', quarters: 'board.errorQuarters', expiresAt: 'board.errorExpiresAt' } as const;
    return keys[problem.field];
  }
  switch (problem.problem) {
    case 'empty':
      return 'board.errorDescriptionEmpty';
    case 'too-long':
      return 'board.errorDescriptionTooLong';
    case 'control-characters':
      return 'board.errorDescriptionControl';
  }
}
