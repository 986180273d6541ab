/** What each refusal of a code or a file means to a member, as a catalogue key. */
import type { ReceiveProblem, WhatTheyHaveProblem } from '../../app/offline-sync';
import type { MessageKey } from '../../i18n/en';

export function problemKey(problem: ReceiveProblem | WhatTheyHaveProblem | 'too-large'): MessageKey {
  switch (problem) {
    case 'not-a-tally-file':
    case 'unsupported-version':
    case 'other-circle':
    case 'damaged':
    case 'too-large':
    case 'malformed':
    case 'rejected':
      return `sync.problem.${problem}`;
    default:
      // The guard's verdicts (empty, timeout): the contents could not be taken.
      return 'sync.problem.rejected';
  }
}
