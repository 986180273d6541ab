/** What each refusal on the exchange screens means to a member, as a catalogue key. */
import type { InputProblem, ReceiptProblem, ReviewProblem } from '../../app/exchange';
import type { MessageKey } from '../../i18n/en';
import { codeProblemKey } from '../shell/problems';

export function reviewProblemKey(problem: ReviewProblem): MessageKey {
  switch (problem) {
    case 'tampered':
      return 'exchange.problem.tampered';
    case 'invalid-draft':
      return 'exchange.problem.invalidDraft';
    case 'other-circle':
      return 'exchange.problem.otherCircle';
    case 'own-draft':
      return 'exchange.problem.ownDraft';
    case 'author-not-member':
      return 'exchange.problem.authorNotMember';
    case 'not-a-member':
      return 'exchange.problem.notAMember';
    case 'hard-limit':
      return 'exchange.problem.hardLimit';
    case 'seats-taken':
      return 'exchange.problem.seatsTaken';
    default:
      return codeProblemKey(problem);
  }
}

export function receiptProblemKey(problem: ReceiptProblem): MessageKey {
  switch (problem) {
    case 'tampered':
      return 'exchange.problem.tampered';
    case 'other-circle':
      return 'exchange.problem.otherCircle';
    case 'not-your-exchange':
      return 'exchange.problem.notYourExchange';
    default:
      return codeProblemKey(problem);
  }
}

export function inputProblemKey(problem: InputProblem): MessageKey {
  switch (problem) {
    case 'quarters':
      return 'exchange.new.badHours';
    case 'note':
      return 'exchange.new.badNote';
    case 'seats':
      return 'exchange.new.badSeats';
    case 'skill':
      return 'exchange.new.badSkill';
  }
}
