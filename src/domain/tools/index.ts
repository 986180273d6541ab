/**
 * The roaming tool library's domain: what screens and the caretaker rotation
 * import, so they need not know how the projection is split into files.
 */
export { projectTools } from './project';
export { canTakeOnLoan, heldOnLoan, loanStanding, queueAt } from './queue';
export type { LapsedRequest, LoanStanding, QueueReading } from './queue';
export { careFlags } from './custody';
export { DEFAULT_TOOL_RULES } from './types';
export type * from './types';
