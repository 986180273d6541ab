/** Where a member stands against the circle's limits in the current cycle. */
export interface Standing {
  /** Quarters the member may still receive before reaching the lower limit. */
  readonly canReceive: number;
  /** Quarters the member may still give before reaching the upper limit. */
  readonly canGive: number;
  /** Quarters beyond the lower limit, when the member is past it. */
  readonly pastLower: number;
  /** Quarters beyond the upper limit, when the member is past it. */
  readonly pastUpper: number;
}

export function standingOf(balance: number, limits: { readonly lowerLimit: number; readonly upperLimit: number }): Standing {
  return {
    canReceive: Math.max(0, balance - limits.lowerLimit),
    canGive: Math.max(0, limits.upperLimit - balance),
    pastLower: Math.max(0, limits.lowerLimit - balance),
    pastUpper: Math.max(0, balance - limits.upperLimit),
  };
}
