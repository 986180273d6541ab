import { describe, expect, it } from 'vitest';
import { projectTools } from '../../../src/domain/tools';
import { circle, HOUR, key, T0 } from '../../fixtures/ledger';
import { audited, handoff, marked, registered, repairClosed, repairOpened } from './tools-fixture';

const [A, B, C] = [key(0), key(1), key(2)];
const members = circle(4);
const drill = registered({ id: 'drill', by: A, at: T0, accessories: ['case', 'bits', 'key'] });

describe('projectTools: status', () => {
  it('is missing from a missing mark until someone hands the tool on', () => {
    const h1 = handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR, role: 'host' });
    const missing = marked('drill', 'missing', C, T0 + 2 * HOUR);
    const h2 = handoff({ id: 'h2', tool: 'drill', from: B, to: C, after: 'h1', at: T0 + 3 * HOUR, role: 'loan' });
    expect(projectTools([drill, h1, missing], members).tools.get('drill')!.status).toBe('missing');
    const tool = projectTools([drill, h1, missing, h2], members).tools.get('drill')!;
    expect(tool.status).toBe('on-loan');
    expect(tool.statusMarks.map((mark) => mark.status)).toEqual(['missing']);
  });

  it('a handoff signed before the missing mark does not find the tool; a found mark does', () => {
    const h1 = handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR, role: 'host' });
    const missing = marked('drill', 'missing', C, T0 + 2 * HOUR);
    const found = marked('drill', 'found', B, T0 + 3 * HOUR);
    expect(projectTools([drill, missing, h1], members).tools.get('drill')!.status).toBe('missing');
    expect(projectTools([drill, missing, h1, found], members).tools.get('drill')!.status).toBe('available');
    // Missing again after being found.
    const again = marked('drill', 'missing', C, T0 + 4 * HOUR);
    expect(projectTools([drill, missing, h1, found, again], members).tools.get('drill')!.status).toBe('missing');
  });

  it('is in repair while a repair is open, and back once it is closed', () => {
    const opened = repairOpened('drill', B, T0 + HOUR);
    const open = projectTools([drill, opened], members).tools.get('drill')!;
    expect(open.status).toBe('in-repair');
    expect(open.repairs).toEqual([{ id: opened.id, openedBy: B, openedAt: T0 + HOUR, problem: 'Chuck slips', closed: null }]);
    const closed = repairClosed(opened, C, T0 + 2 * HOUR);
    const second = repairClosed(opened, B, T0 + 3 * HOUR);
    const state = projectTools([drill, opened, second, closed], members);
    const tool = state.tools.get('drill')!;
    expect(tool.status).toBe('available');
    expect(tool.repairs[0]!.closed).toEqual({ id: closed.id, by: C, at: T0 + 2 * HOUR, fix: 'New chuck', parts: 'chuck', minutes: 40 });
    expect(state.ignored.map((entry) => [entry.id, entry.reason])).toEqual([[second.id, 'already-closed']]);
  });

  it('waits for the repair a closing names', () => {
    const opened = repairOpened('drill', B, T0 + HOUR);
    const state = projectTools([drill, repairClosed(opened, C, T0 + 2 * HOUR)], members);
    expect(state.ignored.map((entry) => entry.reason)).toEqual(['awaiting-history']);
    expect(state.tools.get('drill')!.status).toBe('available');
  });

  it('retired outranks everything else', () => {
    const opened = repairOpened('drill', B, T0 + HOUR);
    const state = projectTools([drill, opened, marked('drill', 'retired', A, T0 + 2 * HOUR)], members);
    expect(state.tools.get('drill')!.status).toBe('retired');
  });
});

describe('projectTools: flags and condition', () => {
  it('flags a handoff missing an accessory, or damaged, for the duo, newest first', () => {
    const short = handoff({ id: 'short', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR, present: 0b101 });
    const broken = handoff({ id: 'broken', tool: 'drill', from: B, to: C, after: 'short', at: T0 + 2 * HOUR, present: 0b111, condition: 'damaged' });
    const fine = handoff({ id: 'fine', tool: 'drill', from: C, to: A, after: 'broken', at: T0 + 3 * HOUR, present: 0b111, condition: 'worn' });
    const check = audited('drill', B, T0 + 4 * HOUR, 'damaged', 0b011);
    const tool = projectTools([drill, short, broken, fine, check], members).tools.get('drill')!;
    expect(tool.custody.map((step) => step.flags)).toEqual([['missing-accessories'], ['damaged'], []]);
    expect(tool.audits[0]!.flags).toEqual(['missing-accessories', 'damaged']);
    expect(tool.flagged.map((entry) => [entry.source, entry.id])).toEqual([
      ['audit', check.id],
      ['handoff', 'broken'],
      ['handoff', 'short'],
    ]);
  });

  it('does not flag a tool without accessories for an empty checklist', () => {
    const plain = registered({ id: 'rake', by: A, at: T0 });
    const h = handoff({ id: 'h', tool: 'rake', from: A, to: B, after: 'rake', at: T0 + HOUR, present: 0 });
    expect(projectTools([plain, h], members).tools.get('rake')!.flagged).toEqual([]);
  });

  it('lists handoffs and audits together in the condition history', () => {
    const h1 = handoff({ id: 'h1', tool: 'drill', from: A, to: B, after: 'drill', at: T0 + HOUR, condition: 'good' });
    const audit = audited('drill', C, T0 + 2 * HOUR, 'worn');
    const h2 = handoff({ id: 'h2', tool: 'drill', from: B, to: C, after: 'h1', at: T0 + 3 * HOUR, condition: 'damaged' });
    const tool = projectTools([h2, audit, drill, h1], members).tools.get('drill')!;
    expect(tool.conditionHistory.map((entry) => [entry.source, entry.id, entry.by, entry.condition])).toEqual([
      ['handoff', 'h1', B, 'good'],
      ['audit', audit.id, C, 'worn'],
      ['handoff', 'h2', C, 'damaged'],
    ]);
  });

  it('waits with audits and marks of a tool it has not seen', () => {
    const state = projectTools([audited('ghost', B, T0), marked('ghost', 'missing', B, T0)], members);
    expect(state.ignored.map((entry) => entry.reason)).toEqual(['awaiting-history', 'awaiting-history']);
    expect(state.tools.size).toBe(0);
  });
});
