/** What each refusal means to a member, as a catalogue key. */
import type { NameProblem } from '../../domain/names';
import type { MessageKey } from '../../i18n/en';
import type { AcceptWelcomeProblem, ReviewProblem } from '../../app/join';

export function nameProblemKey(problem: NameProblem): MessageKey {
  switch (problem) {
    case 'empty':
      return 'name.empty';
    case 'too-long':
      return 'name.tooLong';
    case 'control-characters':
      return 'name.controlCharacters';
  }
}

export function codeProblemKey(problem: ReviewProblem | AcceptWelcomeProblem): MessageKey {
  switch (problem) {
    case 'not-tally':
      return 'code.notTally';
    case 'damaged':
    case 'malformed':
      return 'code.damaged';
    case 'too-large':
      return 'code.tooLarge';
    case 'wrong-kind':
      return 'code.wrongKind';
    case 'unsupported-version':
      return 'code.newerVersion';
    case 'bad-key':
      return 'join.badKey';
    case 'bad-name':
      return 'join.badName';
    case 'bad-signature':
      return 'join.badSignature';
    case 'not-for-you':
      return 'welcome.notForYou';
    case 'expired':
      return 'welcome.expired';
    case 'already-used':
      return 'welcome.alreadyUsed';
    case 'bad-admission':
      return 'welcome.badAdmission';
    case 'no-pending-request':
      return 'welcome.noPendingRequest';
  }
}
