/** One member's account of the ledger: what they gave and received, cycle by cycle. */
import type { MemberKey, RecordId, SkillRef } from './events';
import type { Ledger } from './ledger-cycle';

export interface StatementLine {
  /** The confirmation's id. */
  readonly id: RecordId;
  readonly draftId: RecordId;
  /** The draft's time: when the exchange happened. */
  readonly at: number;
  readonly cycle: number;
  readonly provider: MemberKey;
  readonly receiver: MemberKey;
  readonly quarters: number;
  readonly skill: SkillRef;
  readonly note: string;
  /** The other party. */
  readonly counterparty: MemberKey;
  /** 'gave' when the member was the provider. */
  readonly direction: 'gave' | 'received';
}

export interface CycleSummary {
  readonly cycle: number;
  readonly given: number;
  readonly received: number;
  /** Given minus received: the balance the cycle ended with, or stands at if it is the current one. */
  readonly balance: number;
}

export interface Statement {
  readonly member: MemberKey;
  readonly currentCycle: number;
  /** The member's balance in the current cycle. */
  readonly balance: number;
  /** Cycles the member took part in, newest first. */
  readonly history: readonly CycleSummary[];
  /** Every exchange the member took part in, newest first. */
  readonly lines: readonly StatementLine[];
}

/** A member's statement; `currentCycle` is the cycle of now, from the caller's clock. */
export function statementFor(ledger: Ledger, member: MemberKey, currentCycle: number): Statement {
  const history: CycleSummary[] = [];
  const lines: StatementLine[] = [];
  const cycles = [...ledger.cycles.values()].sort((a, b) => b.cycle - a.cycle);
  for (const cycle of cycles) {
    const given = cycle.given.get(member) ?? 0;
    const received = cycle.received.get(member) ?? 0;
    if (given === 0 && received === 0) continue;
    history.push({ cycle: cycle.cycle, given, received, balance: given - received });
    for (let i = cycle.exchanges.length - 1; i >= 0; i--) {
      const exchange = cycle.exchanges[i]!;
      const gave = exchange.provider === member;
      if (!gave && exchange.receiver !== member) continue;
      lines.push({
        id: exchange.id,
        draftId: exchange.draftId,
        at: exchange.at,
        cycle: exchange.cycle,
        provider: exchange.provider,
        receiver: exchange.receiver,
        quarters: exchange.quarters,
        skill: exchange.skill,
        note: exchange.note,
        counterparty: gave ? exchange.receiver : exchange.provider,
        direction: gave ? 'gave' : 'received',
      });
    }
  }
  // Cycle indices follow time, but sorting by time itself does not lean on that.
  lines.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const current = ledger.cycles.get(currentCycle);
  const balance = current?.balances.get(member) ?? 0;
  return { member, currentCycle, balance, history, lines };
}
