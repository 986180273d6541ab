import { describe, expect, it } from 'vitest';
import type { StatementLine } from '../../../src/domain/ledger';
import { hoursOf, statementCsv } from '../../../src/domain/statement-csv';
import type { StatementCsvNames } from '../../../src/domain/statement-csv';

const names: StatementCsvNames = {
  member: (key) => ({ ada: 'Ada', bea: 'Bea' })[key] ?? key,
  skill: (ref) => ({ repair: 'Repair', cooking: 'Cooking' })[ref] ?? ref,
};

function line(change: Partial<StatementLine> = {}): StatementLine {
  return {
    id: 'c1',
    draftId: 'd1',
    at: Date.UTC(2025, 2, 4, 17, 30),
    cycle: 3,
    provider: 'ada',
    receiver: 'bea',
    quarters: 5,
    skill: 'repair',
    note: 'Bike brakes',
    counterparty: 'bea',
    direction: 'gave',
    ...change,
  };
}

describe('statementCsv', () => {
  it('writes the header and one row per exchange, with CRLF line ends', () => {
    expect(statementCsv([line(), line({ quarters: 8, skill: 'cooking', note: '' })], names)).toBe(
      'date,cycle,provider,receiver,hours,skill,note\r\n' +
        '2025-03-04T17:30:00.000Z,3,Ada,Bea,1.25,Repair,Bike brakes\r\n' +
        '2025-03-04T17:30:00.000Z,3,Ada,Bea,2,Cooking,\r\n',
    );
  });

  it('is only the header for no exchanges', () => {
    expect(statementCsv([], names)).toBe('date,cycle,provider,receiver,hours,skill,note\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    const csv = statementCsv([line({ note: 'Soup, bread and "stew"\nfor two' })], names);
    expect(csv.split('\r\n')[1]).toBe('2025-03-04T17:30:00.000Z,3,Ada,Bea,1.25,Repair,"Soup, bread and ""stew""\nfor two"');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
  ])('keeps a spreadsheet from running %j as a formula', (note, field) => {
    const row = statementCsv([line({ note })], names).split('\r\n').slice(1, -1).join('\r\n');
    expect(row.endsWith(`,Repair,${field}`)).toBe(true);
  });

  it('protects names that come from members too', () => {
    const hostile: StatementCsvNames = { member: () => '=cmd|calc', skill: () => '@skill' };
    expect(statementCsv([line()], hostile).split('\r\n')[1]).toBe(
      "2025-03-04T17:30:00.000Z,3,'=cmd|calc,'=cmd|calc,1.25,'@skill,Bike brakes",
    );
  });

  it('leaves the numeric columns alone', () => {
    expect(statementCsv([line({ cycle: -1 })], names).split('\r\n')[1]).toContain(',-1,Ada,');
  });
});

describe('hoursOf', () => {
  it('writes quarters as decimal hours', () => {
    expect([1, 2, 3, 4, 5, 48].map(hoursOf)).toEqual(['0.25', '0.5', '0.75', '1', '1.25', '12']);
  });
});
