import { describe, expect, it } from 'vitest';
import { canTakeOnLoan, DEFAULT_TOOL_RULES, heldOnLoan, loanStanding, projectTools, queueAt } from '../../../src/domain/tools';
import type { ToolsState } from '../../../src/domain/tools';
import { circle, DAY, HOUR, key, T0 } from '../../fixtures/ledger';
import { handoff, marked, registered, repairOpened, requested, rulesChanged, withdrew } from './tools-fixture';

const [A, B, C, D] = [key(0), key(1), key(2), key(3)];
const members = circle(5);
const drill = registered({ id: 'drill', by: A, at: T0, loanDays: 7 });
const HOLD = 48 * HOUR;

const queueOf = (state: ToolsState, tool = 'drill'): string[] => state.tools.get(tool)!.queue.map((entry) => entry.member);
const reasons = (state: ToolsState): [string, string][] => state.ignored.map((entry) => [entry.id, entry.reason]);

describe('projectTools: queue', () => {
  it('queues requests in record order, once per member, never the holder', () => {
    const byC = requested('drill', C, T0 + 2 * HOUR);
    const byB = requested('drill', B, T0 + HOUR);
    const again = requested('drill', B, T0 + 3 * HOUR);
    const own = requested('drill', A, T0 + 4 * HOUR);
    const state = projectTools([drill, byC, again, own, byB], members);
    expect(state.tools.get('drill')!.queue).toEqual([
      { request: byB.id, member: B, at: T0 + HOUR },
      { request: byC.id, member: C, at: T0 + 2 * HOUR },
    ]);
    expect(reasons(state)).toEqual([
      [again.id, 'duplicate-request'],
      [own.id, 'already-holds'],
    ]);
  });

  it('lets only the requester withdraw', () => {
    const byB = requested('drill', B, T0 + HOUR);
    const byC = requested('drill', C, T0 + 2 * HOUR);
    const pushed = withdrew(byB, C, T0 + 3 * HOUR);
    const left = withdrew(byC, C, T0 + 4 * HOUR);
    const state = projectTools([drill, byB, byC, pushed, left], members);
    expect(queueOf(state)).toEqual([B]);
    expect(reasons(state)).toEqual([[pushed.id, 'not-yours']]);
  });

  it('takes a request out once the requester receives the tool, and lets them ask again', () => {
    const byB = requested('drill', B, T0 + HOUR);
    const byC = requested('drill', C, T0 + 2 * HOUR);
    const h1 = handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + 3 * HOUR });
    const h2 = handoff({ id: 'h2', tool: 'drill', from: B, to: A, after: 'h1', at: T0 + 4 * HOUR, role: 'host' });
    const byBAgain = requested('drill', B, T0 + 5 * HOUR);
    const state = projectTools([drill, byB, byC, h1, h2, byBAgain], members);
    expect(queueOf(state)).toEqual([C, B]);
    expect(state.tools.get('drill')!.queue[1]!.request).toBe(byBAgain.id);
    expect(state.ignored).toEqual([]);
  });

  it('does not count a handoff received before the request as fulfilling it', () => {
    const h1 = handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR, role: 'host' });
    const h2 = handoff({ id: 'h2', tool: 'drill', from: B, to: C, after: 'h1', at: T0 + 2 * HOUR });
    const byB = requested('drill', B, T0 + 3 * HOUR);
    expect(queueOf(projectTools([drill, h1, h2, byB], members))).toEqual([B]);
  });

  it('a withdrawal signed on a clock behind the request still withdraws it', () => {
    const byB = requested('drill', B, T0 + 2 * HOUR);
    const state = projectTools([drill, byB, withdrew(byB, B, T0 + HOUR)], members);
    expect(queueOf(state)).toEqual([]);
    expect(state.ignored).toEqual([]);
  });

  it('ignores requests for a retired tool', () => {
    const retired = marked('drill', 'retired', A, T0 + HOUR);
    const late = requested('drill', B, T0 + 2 * HOUR);
    expect(reasons(projectTools([drill, retired, late], members))).toEqual([[late.id, 'retired']]);
  });
});

describe('queueAt: holds and lapses', () => {
  const byB = requested('drill', B, T0 + HOUR);
  const byC = requested('drill', C, T0 + 2 * HOUR);
  const hosted = projectTools([drill, byB, byC], members).tools.get('drill')!;

  it('gives the first in line a hold from when the tool is free for them', () => {
    const reading = queueAt(hosted, DEFAULT_TOOL_RULES, T0 + 10 * HOUR);
    expect(reading.next?.member).toBe(B);
    expect(reading.holdFrom).toBe(T0 + HOUR);
    expect(reading.holdUntil).toBe(T0 + HOUR + HOLD);
    expect(reading.lapsed).toEqual([]);
    expect(reading.entries.map((entry) => entry.member)).toEqual([B, C]);
  });

  it('lapses an unused hold and starts the next one at that moment', () => {
    const reading = queueAt(hosted, DEFAULT_TOOL_RULES, T0 + HOUR + HOLD + 1);
    expect(reading.lapsed).toEqual([{ request: byB.id, member: B, at: T0 + HOUR, lapsedAt: T0 + HOUR + HOLD }]);
    expect(reading.next?.member).toBe(C);
    expect(reading.holdFrom).toBe(T0 + HOUR + HOLD);
    expect(reading.holdUntil).toBe(T0 + HOUR + 2 * HOLD);
    const both = queueAt(hosted, DEFAULT_TOOL_RULES, T0 + HOUR + 2 * HOLD);
    expect(both.lapsed.map((entry) => entry.member)).toEqual([B, C]);
    expect(both.next).toBeNull();
    expect(both.entries).toEqual([]);
  });

  it('follows the circle’s hold length', () => {
    const rules = { maxHeld: 3, holdHours: 2 };
    expect(queueAt(hosted, rules, T0 + 3 * HOUR + 1).next?.member).toBe(C);
  });

  it('holds for a borrower’s successor only from the due time', () => {
    const lent = handoff({ id: 'lent', tool: 'drill', from: A, to: D, after: 'drill', at: T0, role: 'loan' });
    const tool = projectTools([drill, lent, byB], members).tools.get('drill')!;
    const due = T0 + 7 * DAY;
    const before = queueAt(tool, DEFAULT_TOOL_RULES, T0 + 3 * DAY);
    expect(before).toMatchObject({ holdFrom: due, holdUntil: due + HOLD, lapsed: [] });
    expect(queueAt(tool, DEFAULT_TOOL_RULES, due + HOLD).lapsed.map((entry) => entry.member)).toEqual([B]);
  });

  it('holds nothing while the tool is in repair or missing', () => {
    const inRepair = projectTools([drill, byB, repairOpened('drill', C, T0)], members).tools.get('drill')!;
    const reading = queueAt(inRepair, DEFAULT_TOOL_RULES, T0 + 30 * DAY);
    expect(reading).toMatchObject({ holdFrom: null, holdUntil: null, lapsed: [] });
    expect(reading.next?.member).toBe(B);
    const lost = projectTools([drill, byB, marked('drill', 'missing', C, T0)], members).tools.get('drill')!;
    expect(queueAt(lost, DEFAULT_TOOL_RULES, T0 + 30 * DAY).lapsed).toEqual([]);
  });
});

describe('loanStanding and the limit on loans', () => {
  it('says how long a borrower has held the tool, whether it is overdue and who waits', () => {
    const lent = handoff({ id: 'lent', tool: 'drill', from: A, to: D, after: 'drill', at: T0, role: 'loan' });
    const tool = projectTools([drill, lent, requested('drill', B, T0 + 12 * DAY), requested('drill', C, T0 + 12 * DAY + 1)], members).tools.get('drill')!;
    expect(loanStanding(tool, DEFAULT_TOOL_RULES, T0 + 12 * DAY + HOUR)).toEqual({
      heldDays: 12,
      dueAt: T0 + 7 * DAY,
      overdue: true,
      overdueDays: 6,
      waiting: 2,
    });
    expect(loanStanding(tool, DEFAULT_TOOL_RULES, T0 + 6 * DAY)).toMatchObject({ heldDays: 6, overdue: false, overdueDays: 0 });
  });

  it('never calls a host overdue', () => {
    const tool = projectTools([drill], members).tools.get('drill')!;
    expect(loanStanding(tool, DEFAULT_TOOL_RULES, T0 + 100 * DAY)).toMatchObject({ heldDays: 100, dueAt: null, overdue: false, overdueDays: 0, waiting: 0 });
  });

  it('counts loans, not hosted tools, against the limit', () => {
    const tools = [1, 2, 3, 4].map((n) => registered({ id: `t${n}`, by: A, at: T0 + n }));
    const loans = [1, 2, 3].map((n) => handoff({ id: `h${n}`, tool: `t${n}`, from: A, to: B, after: `t${n}`, at: T0 + HOUR, role: 'loan' }));
    const hosted = handoff({ id: 'h4', tool: 't4', from: A, to: B, after: 't4', at: T0 + HOUR, role: 'host' });
    const state = projectTools([...tools, ...loans, hosted], members);
    expect(heldOnLoan(state, B)).toBe(3);
    expect(canTakeOnLoan(state, B)).toBe(false);
    expect(canTakeOnLoan(state, C)).toBe(true);
    const raised = projectTools([...tools, ...loans, hosted, rulesChanged(A, T0 + DAY, 4, 24)], members);
    expect(canTakeOnLoan(raised, B)).toBe(true);
    const retired = projectTools([...tools, ...loans, hosted, marked('t1', 'retired', A, T0 + DAY)], members);
    expect(heldOnLoan(retired, B)).toBe(2);
  });
});
