/**
 * Who is waiting for a tool. The records settle the order and who left it;
 * holds and lapses depend on the hour, so they are read separately with `now`
 * and the same state can be shown at any moment without projecting again.
 */
import { compareRecords, DAY_MS, HOUR_MS } from './core';
import type { MemberKey, RecordId } from './core';
import type { CustodyStep, QueueEntry, ToolIgnoredReason, ToolRules, ToolState, ToolsState } from './types';

export interface QueueRequest {
  readonly id: RecordId;
  readonly author: MemberKey;
  readonly at: number;
}

export interface QueueWithdrawal {
  readonly id: RecordId;
  readonly at: number;
  readonly request: RecordId;
}

export interface QueueResult {
  readonly queue: readonly QueueEntry[];
  readonly ignored: ReadonlyMap<RecordId, ToolIgnoredReason>;
}

type Item =
  | { readonly type: 'step'; readonly id: RecordId; readonly at: number; readonly index: number }
  | { readonly type: 'request'; readonly id: RecordId; readonly at: number; readonly request: QueueRequest }
  | { readonly type: 'withdrawal'; readonly id: RecordId; readonly at: number; readonly withdrawal: QueueWithdrawal };

/**
 * One walk through a tool's requests, withdrawals and counted handoffs in
 * record order. A request is judged against the holder and the queue at its
 * own time; a withdrawal signed before its request (clocks differ) still
 * withdraws it once the request is in.
 */
export function resolveQueue(
  registrant: MemberKey,
  chain: readonly CustodyStep[],
  requests: readonly QueueRequest[],
  withdrawals: readonly QueueWithdrawal[],
): QueueResult {
  const items: Item[] = [];
  chain.forEach((step, index) => items.push({ type: 'step', id: step.handoff, at: step.at, index }));
  for (const request of requests) items.push({ type: 'request', id: request.id, at: request.at, request });
  for (const withdrawal of withdrawals) items.push({ type: 'withdrawal', id: withdrawal.id, at: withdrawal.at, withdrawal });
  items.sort(compareRecords);

  const ignored = new Map<RecordId, ToolIgnoredReason>();
  const active = new Map<RecordId, QueueEntry>();
  const activeBy = new Map<MemberKey, RecordId>();
  const outcome = new Map<RecordId, 'active' | 'ignored' | 'settled'>();
  const early = new Map<RecordId, RecordId[]>();
  // Custody follows the chain, and clocks differ: the holder at a moment is
  // the end of the longest chain prefix whose handoffs have all been signed.
  const signed = new Array<boolean>(chain.length).fill(false);
  let prefix = 0;
  let holder = registrant;

  const settle = (request: RecordId): void => {
    const entry = active.get(request);
    if (entry === undefined) return;
    active.delete(request);
    activeBy.delete(entry.member);
    outcome.set(request, 'settled');
  };

  for (const item of items) {
    if (item.type === 'step') {
      signed[item.index] = true;
      while (prefix < chain.length && signed[prefix]) prefix++;
      holder = prefix === 0 ? registrant : chain[prefix - 1]!.to;
      const fulfilled = activeBy.get(chain[item.index]!.to);
      if (fulfilled !== undefined) settle(fulfilled);
    } else if (item.type === 'request') {
      const { request } = item;
      if (holder === request.author) {
        ignored.set(request.id, 'already-holds');
        outcome.set(request.id, 'ignored');
      } else if (activeBy.has(request.author)) {
        ignored.set(request.id, 'duplicate-request');
        outcome.set(request.id, 'ignored');
      } else if (early.has(request.id)) {
        // Withdrawn before it was signed, by the requester's own clock.
        const [, ...rest] = early.get(request.id)!;
        early.delete(request.id);
        for (const extra of rest) ignored.set(extra, 'not-active');
        outcome.set(request.id, 'settled');
      } else {
        active.set(request.id, { request: request.id, member: request.author, at: request.at });
        activeBy.set(request.author, request.id);
        outcome.set(request.id, 'active');
      }
    } else {
      const target = item.withdrawal.request;
      const state = outcome.get(target);
      if (state === undefined) {
        const waiting = early.get(target);
        if (waiting === undefined) early.set(target, [item.id]);
        else waiting.push(item.id);
      } else if (state === 'active') {
        settle(target);
      } else {
        ignored.set(item.id, 'not-active');
      }
    }
  }
  // Withdrawals whose request was itself ignored withdrew nothing.
  for (const waiting of early.values()) for (const withdrawal of waiting) ignored.set(withdrawal, 'not-active');

  return { queue: [...active.values()], ignored };
}

export interface LapsedRequest extends QueueEntry {
  readonly lapsedAt: number;
}

export interface QueueReading {
  /** Still waiting, in order; the first is `next`. */
  readonly entries: readonly QueueEntry[];
  readonly next: QueueEntry | null;
  /** When the tool is (or will be) free for `next`; null when no hold runs (in repair, missing, retired, nobody waiting). */
  readonly holdFrom: number | null;
  readonly holdUntil: number | null;
  /** Requests whose hold ran out before `now`, in the order they lapsed. */
  readonly lapsed: readonly LapsedRequest[];
}

/** When the holder is done with the tool: a host any time, a borrower when the loan is due. */
function freeFrom(tool: ToolState): number {
  return tool.custodyRole === 'host' ? tool.heldSince : tool.heldSince + tool.loanDays * DAY_MS;
}

/**
 * The queue at `now`. The first in line gets `holdHours` to take the tool up
 * once it is free for them; if they do not, they drop out and the next one's
 * hold starts at that moment. Lapses are judged against the current custody:
 * a new handoff makes the tool busy again and starts a new free time.
 */
export function queueAt(tool: ToolState, rules: ToolRules, now: number): QueueReading {
  const queue = tool.queue;
  if (tool.status === 'retired' || tool.status === 'missing' || tool.status === 'in-repair') {
    return { entries: queue, next: queue[0] ?? null, holdFrom: null, holdUntil: null, lapsed: [] };
  }
  const holdMs = rules.holdHours * HOUR_MS;
  const lapsed: LapsedRequest[] = [];
  let free = freeFrom(tool);
  for (let index = 0; index < queue.length; index++) {
    const entry = queue[index]!;
    const start = Math.max(free, entry.at);
    const end = start + holdMs;
    if (now < end) return { entries: queue.slice(index), next: entry, holdFrom: start, holdUntil: end, lapsed };
    lapsed.push({ ...entry, lapsedAt: end });
    free = end;
  }
  return { entries: [], next: null, holdFrom: null, holdUntil: null, lapsed };
}

export interface LoanStanding {
  /** Whole days since the holder received the tool. */
  readonly heldDays: number;
  /** When a borrower should pass the tool on; null for a host. */
  readonly dueAt: number | null;
  readonly overdue: boolean;
  /** Days begun past the due time: overdue by an hour is overdue by one day. */
  readonly overdueDays: number;
  /** How many still wait once lapsed holds drop out. */
  readonly waiting: number;
}

/** What a tool's page says of its current holder ("held 12 days, 3 waiting"). */
export function loanStanding(tool: ToolState, rules: ToolRules, now: number): LoanStanding {
  const heldDays = Math.max(0, Math.floor((now - tool.heldSince) / DAY_MS));
  const dueAt = tool.custodyRole === 'loan' ? tool.heldSince + tool.loanDays * DAY_MS : null;
  const overdue = dueAt !== null && now > dueAt && tool.status !== 'retired';
  const overdueDays = overdue ? Math.ceil((now - dueAt) / DAY_MS) : 0;
  return { heldDays, dueAt, overdue, overdueDays, waiting: queueAt(tool, rules, now).entries.length };
}

/** The count the circle's limit on loans applies to; hosting does not count. */
export function heldOnLoan(state: ToolsState, member: MemberKey): number {
  let count = 0;
  for (const tool of state.tools.values()) {
    if (tool.holder === member && tool.custodyRole === 'loan' && tool.status !== 'retired') count++;
  }
  return count;
}

/** Whether a receiver's phone should let them take one more tool on loan. */
export function canTakeOnLoan(state: ToolsState, member: MemberKey): boolean {
  return heldOnLoan(state, member) < state.rules.maxHeld;
}
