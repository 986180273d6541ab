/**
 * The circle's emergency fund: pledges, contributions, requests for support
 * and their approval, as a pure projection. Screens import from here so they
 * need not know how the fund is split into files.
 */
export { projectFund } from './project';
export { amountForInput, formatAmount, parseAmount } from './money';
export { fundSummary } from './summary';
export type { FundSummary } from './summary';
export {
  approversNeeded,
  compareFundEvents,
  DEFAULT_FUND_RULES,
  isValidAmount,
  isValidFundRules,
  isValidSchedule,
  MAX_AMOUNT,
  MAX_APPROVERS,
  MAX_PLEDGE_CYCLES,
  MIN_APPROVERS,
} from './rules';
export type { FundRules, Membership } from './rules';
export { SUPPORT_REASONS } from './events';
export type * from './events';
export type * from './types';
