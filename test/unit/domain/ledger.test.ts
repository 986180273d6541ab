import { describe, expect, it } from 'vitest';
import { projectCircle } from '../../../src/domain/circle';
import type { ExchangeConfirmed } from '../../../src/domain/events';
import {
  balanceOf,
  balancesForCycle,
  checkLimits,
  conflictsFor,
  cycleIndices,
  LedgerIndex,
  projectLedger,
  statementFor,
  withPending,
} from '../../../src/domain/ledger';
import type { Ledger } from '../../../src/domain/ledger';
import {
  admitted,
  circle,
  circleEvents,
  confirm,
  cycleOf,
  cycleStart,
  DAY,
  draft,
  exchange,
  HOUR,
  key,
  MINUTE,
  T0,
} from '../../fixtures/ledger';

const [A, B, C, D] = [key(0), key(1), key(2), key(3)];
const members = circle(4);

function both(confirmations: readonly ExchangeConfirmed[], membership = members): readonly Ledger[] {
  return [projectLedger(confirmations, membership, cycleOf), LedgerIndex.build(confirmations, membership, cycleOf)];
}

function balances(ledger: Ledger, cycle = 0): Record<string, number> {
  return Object.fromEntries(balancesForCycle(ledger, cycle));
}

function reasons(ledger: Ledger): Record<string, string> {
  return Object.fromEntries(ledger.invalid.map((entry) => [entry.id, entry.reason]));
}

describe('who gives and who receives', () => {
  it.each(both([exchange({ provider: A, receiver: B, quarters: 6 })]))('credits the provider and debits the receiver (%#)', (ledger) => {
    expect(balances(ledger)).toEqual({ [A]: 6, [B]: -6 });
    expect(ledger.cycles.get(0)?.exchanges.map((e) => [e.provider, e.receiver, e.quarters])).toEqual([[A, B, 6]]);
  });

  it.each(both([exchange({ provider: A, receiver: B, quarters: 6, drafter: 'receiver' })]))(
    'reads the roles the other way when the receiver drafted (%#)',
    (ledger) => {
      expect(balances(ledger)).toEqual({ [A]: 6, [B]: -6 });
    },
  );

  it('keeps the exchange at the draft time, not the countersignature time', () => {
    const of = draft({ author: A, at: cycleStart(1) - MINUTE });
    const ledger = projectLedger([confirm(of, B, cycleStart(1) + HOUR)], members, cycleOf);
    expect(cycleIndices(ledger)).toEqual([0]);
    expect(ledger.cycles.get(0)?.exchanges[0]).toMatchObject({ at: of.at, confirmedAt: cycleStart(1) + HOUR, cycle: 0 });
  });

  it('sums to zero within a cycle, and every cycle starts from zero', () => {
    const ledger = projectLedger(
      [
        exchange({ provider: A, receiver: B, quarters: 8 }),
        exchange({ provider: B, receiver: C, quarters: 3, at: T0 + 2 * HOUR }),
        exchange({ provider: C, receiver: A, quarters: 2, at: T0 + 3 * HOUR }),
        exchange({ provider: D, receiver: A, quarters: 5, at: cycleStart(1) + HOUR }),
      ],
      members,
      cycleOf,
    );
    expect(balances(ledger, 0)).toEqual({ [A]: 6, [B]: -5, [C]: -1 });
    expect(balances(ledger, 1)).toEqual({ [D]: 5, [A]: -5 });
    expect(balances(ledger, 2)).toEqual({});
    expect(balanceOf(ledger, 1, B)).toBe(0);
    expect(ledger.cycles.get(0)?.quarters).toBe(13);
  });
});

describe('confirmations that do not count', () => {
  const cases: readonly [string, ExchangeConfirmed, string][] = [
    ['zero quarters', confirm(draft({ author: A, quarters: 0 }), B), 'bad-quarters'],
    ['negative quarters', confirm(draft({ author: A, quarters: -4 }), B), 'bad-quarters'],
    ['more than twelve hours', confirm(draft({ author: A, quarters: 49 }), B), 'bad-quarters'],
    ['a fraction of a quarter', confirm(draft({ author: A, quarters: 1.5 }), B), 'bad-quarters'],
    ['NaN quarters', confirm(draft({ author: A, quarters: Number.NaN }), B), 'bad-quarters'],
    ['no seats', confirm(draft({ author: A, seats: 0 }), B), 'bad-seats'],
    ['fractional seats', confirm(draft({ author: A, seats: 1.5 }), B), 'bad-seats'],
    ['a group of receivers drafted by a receiver', confirm(draft({ author: A, role: 'receiver', seats: 3 }), B), 'group-not-provider'],
    ['both sides the same member', confirm(draft({ author: A }), A), 'self-exchange'],
    ['a stranger drafting', confirm(draft({ author: 'stranger' }), B), 'draft-author-unknown'],
    ['a stranger countersigning', confirm(draft({ author: A }), 'stranger'), 'countersigner-unknown'],
    ['a draft from before its author joined', confirm(draft({ author: A, at: T0 - 3 * DAY }), B), 'draft-author-not-member-then'],
    ['a countersignature from before joining', confirm(draft({ author: A }), B, T0 - 3 * DAY), 'countersigner-not-member-then'],
  ];

  it.each(cases)('lists %s as invalid, with a reason', (_label, confirmation, reason) => {
    for (const ledger of both([confirmation])) {
      expect(ledger.cycles.size).toBe(0);
      expect(ledger.invalid).toEqual([
        { id: confirmation.id, draftId: confirmation.draft.id, author: confirmation.author, at: confirmation.at, reason },
      ]);
    }
  });

  it('accepts the edges: one quarter, twelve hours', () => {
    const ledger = projectLedger(
      [exchange({ provider: A, receiver: B, quarters: 1 }), exchange({ provider: A, receiver: C, quarters: 48 })],
      members,
      cycleOf,
    );
    expect(balances(ledger)).toEqual({ [A]: 49, [B]: -1, [C]: -48 });
    expect(ledger.invalid).toEqual([]);
  });

  it('checks membership at the draft time for its author and at the confirmation for the countersigner', () => {
    const late = projectCircle([...circleEvents(2), admitted('late', T0 + DAY)]);
    const of = draft({ author: A, at: T0 + HOUR });
    // The newcomer countersigns after joining a draft made before: that counts.
    const ledger = projectLedger([confirm(of, 'late', T0 + 2 * DAY)], late, cycleOf);
    expect(balances(ledger)).toEqual({ [A]: 4, late: -4 });
    const early = projectLedger([confirm(draft({ author: 'late', at: T0 + HOUR }), A)], late, cycleOf);
    expect(reasons(early)).toEqual({ [early.invalid[0]!.id]: 'draft-author-not-member-then' });
  });
});

describe('replays and repeats', () => {
  const once = exchange({ provider: A, receiver: B, quarters: 4 });

  it.each(both([once, once, once]))('counts the same record once (%#)', (ledger) => {
    expect(balances(ledger)).toEqual({ [A]: 4, [B]: -4 });
    expect(ledger.invalid).toEqual([]);
  });

  it('counts a countersigner who confirmed the same draft twice once: the earlier confirmation', () => {
    const again = confirm(once.draft, B, once.at + HOUR);
    for (const ledger of both([again, once])) {
      expect(balances(ledger)).toEqual({ [A]: 4, [B]: -4 });
      expect(ledger.cycles.get(0)?.exchanges.map((e) => e.id)).toEqual([once.id]);
      expect(reasons(ledger)).toEqual({ [again.id]: 'repeated' });
      expect(ledger.conflicts).toEqual([]);
    }
  });
});

describe('one draft countersigned by more members than it has seats', () => {
  const of = draft({ author: A, quarters: 4 });
  const byB = confirm(of, B, of.at + 2 * MINUTE);
  const byC = confirm(of, C, of.at + MINUTE);

  it('counts the earliest countersignature on every phone, whatever the arrival order', () => {
    const ledgers = [
      projectLedger([byB, byC], members, cycleOf),
      projectLedger([byC, byB], members, cycleOf),
      LedgerIndex.build([byB, byC], members, cycleOf),
      LedgerIndex.build([byC, byB], members, cycleOf),
    ];
    for (const ledger of ledgers) {
      expect(balances(ledger)).toEqual({ [A]: 4, [C]: -4 });
      expect(ledger.conflicts).toEqual([
        { draftId: of.id, draftAuthor: A, at: of.at, cycle: 0, counted: [byC.id], extra: [{ id: byB.id, countersigner: B }] },
      ]);
      expect(ledger.invalid).toEqual([]);
    }
  });

  it('breaks a tie in time by the confirmation id', () => {
    const first = confirm(of, B, of.at + MINUTE, 'aaa');
    const second = confirm(of, C, of.at + MINUTE, 'bbb');
    for (const ledger of both([second, first])) {
      expect(ledger.conflicts[0]?.counted).toEqual(['aaa']);
    }
  });

  it('shows the conflict to the draft author and the extra countersigner, not to others', () => {
    const ledger = projectLedger([byB, byC], members, cycleOf);
    expect(conflictsFor(ledger, A)).toHaveLength(1);
    expect(conflictsFor(ledger, B)).toHaveLength(1);
    expect(conflictsFor(ledger, C)).toEqual([]);
    expect(conflictsFor(ledger, D)).toEqual([]);
  });

  it('does not let an invalid countersignature take a seat', () => {
    const stranger = confirm(of, 'stranger', of.at);
    for (const ledger of both([stranger, byB])) {
      expect(balances(ledger)).toEqual({ [A]: 4, [B]: -4 });
      expect(ledger.conflicts).toEqual([]);
    }
  });
});

describe('groups', () => {
  const lesson = draft({ author: A, quarters: 6, seats: 2, skill: 'tutoring' });

  it('credits the provider once for each receiver who countersigned, up to the seats', () => {
    const byB = confirm(lesson, B, lesson.at + MINUTE);
    const byC = confirm(lesson, C, lesson.at + 2 * MINUTE);
    const byD = confirm(lesson, D, lesson.at + 3 * MINUTE);
    for (const ledger of both([byD, byC, byB])) {
      expect(balances(ledger)).toEqual({ [A]: 12, [B]: -6, [C]: -6 });
      expect(ledger.conflicts).toEqual([
        { draftId: lesson.id, draftAuthor: A, at: lesson.at, cycle: 0, counted: [byB.id, byC.id], extra: [{ id: byD.id, countersigner: D }] },
      ]);
    }
  });
});

describe('LedgerIndex', () => {
  it('reports what each addition did', () => {
    const index = new LedgerIndex(members, cycleOf);
    const of = draft({ author: A });
    const late = confirm(of, B, of.at + HOUR);
    const early = confirm(of, C, of.at + MINUTE);
    expect(index.add(late)).toEqual({ kind: 'applied', cycle: 0, counts: true });
    expect(index.add(late)).toEqual({ kind: 'duplicate' });
    expect(index.add(confirm(of, A))).toEqual({ kind: 'invalid', reason: 'self-exchange' });
    // The earlier countersignature arrives last and takes the seat.
    expect(index.add(early)).toEqual({ kind: 'applied', cycle: 0, counts: true });
    expect(balances(index)).toEqual({ [A]: 4, [C]: -4 });
    expect(index.cycles.get(0)?.exchanges.map((e) => e.id)).toEqual([early.id]);
    expect(index.size).toBe(3);
    expect(index.version).toBe(3);
  });

  it('drops a cycle that no longer has exchanges, and members who no longer take part', () => {
    const of = draft({ author: A, at: cycleStart(2) + HOUR });
    const index = LedgerIndex.build([confirm(of, B, of.at + HOUR)], members, cycleOf);
    index.add(confirm(of, C, of.at + MINUTE));
    expect([...index.cycles.keys()]).toEqual([2]);
    expect([...(index.cycles.get(2)?.given.keys() ?? [])]).toEqual([A]);
    expect([...(index.cycles.get(2)?.received.keys() ?? [])]).toEqual([C]);
  });

  it('rebuilds when a late admission makes old confirmations count', () => {
    const before = projectCircle(circleEvents(2));
    const confirmation = exchange({ provider: A, receiver: 'newcomer', at: T0 + DAY });
    const index = LedgerIndex.build([confirmation], before, cycleOf);
    expect(index.invalid.map((entry) => entry.reason)).toEqual(['countersigner-unknown']);
    const after = projectCircle([...circleEvents(2), admitted('newcomer', T0 + HOUR)]);
    const rebuilt = index.withMembership(after);
    expect(balances(rebuilt)).toEqual({ [A]: 4, newcomer: -4 });
    expect(rebuilt.invalid).toEqual([]);
    expect(rebuilt.membership).toBe(after);
  });

  it('keeps itself when only names changed, since validity does not depend on them', () => {
    const events = circleEvents(3);
    const index = LedgerIndex.build([exchange({ provider: A, receiver: B })], projectCircle(events), cycleOf);
    const renamed = projectCircle([...events, { kind: 'member.profile', id: 'p1', author: B, at: T0 + DAY, name: 'Bea' }]);
    expect(index.needsRebuild(renamed)).toBe(false);
    expect(index.withMembership(renamed)).toBe(index);
    const grown = projectCircle([...events, admitted('newcomer', T0 + DAY)]);
    expect(index.needsRebuild(grown)).toBe(true);
  });

  it('moves exchanges to other cycles when the reset rule changes', () => {
    const index = LedgerIndex.build([exchange({ provider: A, receiver: B, at: cycleStart(3) + HOUR })], members, cycleOf);
    const moved = index.withCycleOf((at) => cycleOf(at) + 100);
    expect(cycleIndices(moved)).toEqual([103]);
    expect(cycleIndices(index)).toEqual([3]);
  });
});

describe('limits', () => {
  const soft = { lowerLimit: -40, upperLimit: 80, limitMode: 'soft' } as const;
  const hard = { ...soft, limitMode: 'hard' } as const;
  const current = new Map([
    [A, 76],
    [B, -38],
  ]);

  it('is fine within the limits and exactly at them', () => {
    expect(checkLimits(hard, current, A, B, 2)).toEqual({ provider: 'ok', receiver: 'ok', blocking: false, providerAfter: 78, receiverAfter: -40 });
    expect(checkLimits(hard, current, A, C, 4)).toMatchObject({ provider: 'ok', providerAfter: 80, receiverAfter: -4 });
  });

  it('warns but does not block under soft limits', () => {
    expect(checkLimits(soft, current, A, B, 8)).toEqual({
      provider: 'above-upper',
      receiver: 'below-lower',
      blocking: false,
      providerAfter: 84,
      receiverAfter: -46,
    });
  });

  it('blocks under hard limits when either party would cross', () => {
    expect(checkLimits(hard, current, A, C, 5)).toMatchObject({ provider: 'above-upper', receiver: 'ok', blocking: true });
    expect(checkLimits(hard, current, C, B, 3)).toMatchObject({ provider: 'ok', receiver: 'below-lower', blocking: true });
  });

  it('counts pending exchanges the ledger has not seen yet', () => {
    const pending = withPending(current, [
      { provider: A, receiver: C, quarters: 4 },
      { provider: C, receiver: B, quarters: 2 },
    ]);
    expect(Object.fromEntries(pending)).toEqual({ [A]: 80, [B]: -40, [C]: -2 });
    expect(current.get(A)).toBe(76);
    expect(checkLimits(hard, pending, A, D, 1).blocking).toBe(true);
  });
});

describe('statementFor', () => {
  const confirmations = [
    exchange({ provider: A, receiver: B, quarters: 4, at: T0 + HOUR, skill: 'repair', note: 'bike' }),
    exchange({ provider: B, receiver: A, quarters: 2, at: T0 + 2 * HOUR, skill: 'cooking' }),
    exchange({ provider: C, receiver: D, quarters: 8, at: T0 + 3 * HOUR }),
    exchange({ provider: A, receiver: C, quarters: 5, at: cycleStart(2) + HOUR, skill: 'care' }),
  ];

  it.each(both(confirmations))('gives the balance now, the history by cycle and every exchange, newest first (%#)', (ledger) => {
    const statement = statementFor(ledger, A, 2);
    expect(statement.balance).toBe(5);
    expect(statement.history).toEqual([
      { cycle: 2, given: 5, received: 0, balance: 5 },
      { cycle: 0, given: 4, received: 2, balance: 2 },
    ]);
    expect(statement.lines.map((line) => [line.cycle, line.direction, line.counterparty, line.quarters, line.skill])).toEqual([
      [2, 'gave', C, 5, 'care'],
      [0, 'received', B, 2, 'cooking'],
      [0, 'gave', B, 4, 'repair'],
    ]);
    expect(statement.lines[2]).toMatchObject({ provider: A, receiver: B, at: T0 + HOUR, note: 'bike' });
  });

  it('is empty for a member who took no part, and the balance expires with the cycle', () => {
    const ledger = projectLedger(confirmations, members, cycleOf);
    expect(statementFor(ledger, 'nobody', 0)).toEqual({ member: 'nobody', currentCycle: 0, balance: 0, history: [], lines: [] });
    expect(statementFor(ledger, A, 1).balance).toBe(0);
  });
});
