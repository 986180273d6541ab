import { describe, expect, it } from 'vitest';
import type { CborValue } from '../../../src/records/cbor';
import { toBase64Url } from '../../../src/records/bytes';
import {
  CARE_LIMITS,
  repairClosedBody,
  repairOpenedBody,
  toolAuditedBody,
  toolRequestedBody,
  toolRequestWithdrawnBody,
  toolStatusBody,
} from '../../../src/records/kinds/tool-care';
import { normalizeText } from '../../../src/records/kinds/tool-fields';
import { recordMaker, withEntry } from '../../fixtures/record-kinds';
import { foundCircle, person, seedBytes, T0 } from '../../fixtures/circle';

const circle = foundCircle();
const ana = person(1);
const tool = toBase64Url(seedBytes('tool', 1));
const other = toBase64Url(seedBytes('tool', 2));

const { record, eventOf } = recordMaker(circle, ana);


describe('requests', () => {
  it('name the tool, and a withdrawal names the request', () => {
    const requested = record('tool.requested', toolRequestedBody(tool));
    expect(eventOf('tool.requested', toolRequestedBody(tool))).toEqual({ kind: 'tool.requested', id: requested.id, author: ana.key, at: T0, tool });
    expect(eventOf('tool.request.withdrawn', toolRequestWithdrawnBody(requested.id))).toMatchObject({ kind: 'tool.request.withdrawn', request: requested.id });
  });

  it('refuse a wrong id length, extra keys, or another kind’s code', () => {
    expect(() => toolRequestedBody('abcd')).toThrow(RangeError);
    expect(eventOf('tool.requested', new Map([[0, seedBytes('tool', 1).slice(0, 31)]]))).toBe('invalid-fields');
    expect(eventOf('tool.requested', withEntry(toolRequestedBody(tool), 1, 0))).toBe('invalid-fields');
    expect(eventOf('tool.request.withdrawn', new Map([[0, new Uint8Array(33)]]))).toBe('invalid-fields');
    expect(eventOf('tool.request.withdrawn', new Map())).toBe('invalid-fields');
  });
});

describe('statuses', () => {
  it('mark a tool missing, retired or found, with a note', () => {
    for (const status of ['missing', 'retired', 'found'] as const) {
      expect(eventOf('tool.status', toolStatusBody(tool, status, 'Not seen since the street party'))).toMatchObject({ kind: 'tool.status', tool, status });
    }
    expect(eventOf('tool.status', toolStatusBody(tool, 'retired', ''))).toMatchObject({ note: '' });
  });

  it('refuse an unknown status, a long note, extra keys', () => {
    expect(() => toolStatusBody(tool, 'stolen' as 'missing', '')).toThrow(RangeError);
    expect(() => toolStatusBody(tool, 'missing', 'x'.repeat(CARE_LIMITS.noteChars + 1))).toThrow(RangeError);
    const body = toolStatusBody(tool, 'missing', '');
    expect(eventOf('tool.status', withEntry(body, 1, 3))).toBe('invalid-fields');
    expect(eventOf('tool.status', withEntry(body, 2, 'x'.repeat(281)))).toBe('invalid-fields');
    expect(eventOf('tool.status', withEntry(body, 3, ''))).toBe('invalid-fields');
  });
});

describe('audits', () => {
  it('carry what the caretaker found', () => {
    const body = toolAuditedBody({ tool, present: 0b11, condition: 'damaged', note: 'Cord frayed near the plug' });
    expect(eventOf('tool.audited', body)).toMatchObject({ kind: 'tool.audited', tool, present: 3, condition: 'damaged', note: 'Cord frayed near the plug' });
  });

  it('refuse present past 16 bits and an unknown condition', () => {
    expect(() => toolAuditedBody({ tool, present: 2 ** 16, condition: 'good', note: '' })).toThrow(RangeError);
    expect(() => toolAuditedBody({ tool, present: 1, condition: 'broken' as 'good', note: '' })).toThrow(RangeError);
    const body = toolAuditedBody({ tool, present: 1, condition: 'good', note: '' });
    expect(eventOf('tool.audited', withEntry(body, 1, 2 ** 16))).toBe('invalid-fields');
    expect(eventOf('tool.audited', withEntry(body, 2, 3))).toBe('invalid-fields');
    expect(eventOf('tool.audited', withEntry(body, 0, seedBytes('tool', 1).slice(1)))).toBe('invalid-fields');
    expect(eventOf('tool.audited', withEntry(body, 4, 0))).toBe('invalid-fields');
  });
});

describe('repairs', () => {
  it('open with a problem and close with the fix, the parts and the time', () => {
    const opened = record('repair.opened', repairOpenedBody(tool, 'The chuck slips.\nIt will not hold a 10 mm bit.'));
    expect(eventOf('repair.opened', repairOpenedBody(tool, 'The chuck slips.\nIt will not hold a 10 mm bit.'))).toMatchObject({ kind: 'repair.opened', tool });
    const closed = repairClosedBody({ repair: opened.id, fix: 'New chuck fitted', parts: '13 mm keyless chuck', minutes: 45 });
    expect(eventOf('repair.closed', closed)).toMatchObject({ kind: 'repair.closed', repair: opened.id, fix: 'New chuck fitted', parts: '13 mm keyless chuck', minutes: 45 });
    const longest = { repair: opened.id, fix: 'f'.repeat(600), parts: '', minutes: CARE_LIMITS.minutesMax };
    expect(eventOf('repair.closed', repairClosedBody(longest))).toMatchObject({ parts: '', minutes: 10_000 });
  });

  it('refuse an empty problem or fix, long texts, and minutes out of range', () => {
    expect(() => repairOpenedBody(tool, '')).toThrow(RangeError);
    expect(() => repairOpenedBody(tool, 'p'.repeat(601))).toThrow(RangeError);
    const base = { repair: other, fix: 'Glued', parts: '', minutes: 10 };
    for (const change of [{ fix: '' }, { fix: 'f'.repeat(601) }, { parts: 'p'.repeat(201) }, { minutes: 0 }, { minutes: 10_001 }, { minutes: 2.5 }]) {
      expect(() => repairClosedBody({ ...base, ...change })).toThrow(RangeError);
    }
    const body = repairClosedBody(base);
    expect(eventOf('repair.closed', withEntry(body, 3, 0))).toBe('invalid-fields');
    expect(eventOf('repair.closed', withEntry(body, 3, 10_001))).toBe('invalid-fields');
    expect(eventOf('repair.closed', withEntry(body, 1, ' Glued'))).toBe('invalid-fields');
    expect(eventOf('repair.closed', withEntry(body, 4, 'extra'))).toBe('invalid-fields');
    expect(eventOf('repair.opened', new Map<number, CborValue>([[0, seedBytes('tool', 1)], [1, 'a\u0000b']]))).toBe('invalid-fields');
  });
});

describe('texts in paragraphs', () => {
  it('normalize to one spelling: line ends, spaces, blank lines', () => {
    expect(normalizeText('  Oil the chain\r\n\r\n\r\n\r\nthen   wipe it  \r')).toBe('Oil the chain\n\nthen wipe it');
    expect(normalizeText('a\t\tb\n \n c')).toBe('a b\n\nc');
  });
});
