/** Small builders for fund events: short ids and keys keep the expectations readable. */
import type {
  FundContext,
  FundContributed,
  FundPledged,
  FundRulesChanged,
  PledgeSchedule,
  SupportApproved,
  SupportDeclined,
  SupportPaid,
  SupportReasonKind,
  SupportRequested,
  SupportWithdrawn,
} from '../../../src/domain/fund';

export const DAY = 86_400_000;
/** A stand-in for the lunar cycles: every 28 days from the epoch. */
export const CYCLE = 28 * DAY;
export const T0 = 1_000 * CYCLE;
export const cycleOf = (at: number): number => Math.floor(at / CYCLE);

export const [ANA, BEN, CAM, DEV, EVE] = ['ana', 'ben', 'cam', 'dev', 'eve'] as const;
export const OUTSIDER = 'zed';
export const MEMBERS: ReadonlySet<string> = new Set([ANA, BEN, CAM, DEV, EVE]);

export const context = (extra: Partial<FundContext> = {}): FundContext => ({ membership: MEMBERS, cycleOf, asOf: T0, ...extra });

interface Meta {
  readonly id: string;
  readonly author: string;
  readonly at?: number;
}

export const pledged = (meta: Meta, amount: number, schedule: PledgeSchedule = { kind: 'once' }): FundPledged => ({
  kind: 'fund.pledged',
  at: T0,
  ...meta,
  amount,
  schedule,
});

export const contributed = (meta: Meta, amount: number, pledge: string | null = null): FundContributed => ({
  kind: 'fund.contributed',
  at: T0,
  ...meta,
  amount,
  pledge,
});

export const requested = (meta: Meta, amount: number, reason: SupportReasonKind = 'housing'): SupportRequested => ({
  kind: 'support.requested',
  at: T0,
  ...meta,
  amount,
  reason,
  note: null,
});

export const approved = (meta: Meta, request: string): SupportApproved => ({ kind: 'support.approved', at: T0, ...meta, request });
export const declined = (meta: Meta, request: string): SupportDeclined => ({ kind: 'support.declined', at: T0, ...meta, request });
export const withdrawn = (meta: Meta, request: string): SupportWithdrawn => ({ kind: 'support.withdrawn', at: T0, ...meta, request });
export const paid = (meta: Meta, request: string): SupportPaid => ({ kind: 'support.paid', at: T0, ...meta, request });
export const rulesChanged = (meta: Meta, largeAmount: number, largeApprovers: number): FundRulesChanged => ({
  kind: 'fund.settings',
  at: T0,
  ...meta,
  largeAmount,
  largeApprovers,
});
