/**
 * A statement as CSV (RFC 4180) for a spreadsheet or an accountant. Names and
 * notes are typed by people, so no field may run as a formula when opened.
 */
import type { MemberKey, SkillRef } from './events';
import type { StatementLine } from './ledger-statement';

export const STATEMENT_CSV_HEADER = ['date', 'cycle', 'provider', 'receiver', 'hours', 'skill', 'note'] as const;

export interface StatementCsvNames {
  readonly member: (key: MemberKey) => string;
  readonly skill: (ref: SkillRef) => string;
}

/** The lines as CSV, one exchange a row, in the order given, each row ending in CRLF. */
export function statementCsv(lines: readonly StatementLine[], names: StatementCsvNames): string {
  const rows = [STATEMENT_CSV_HEADER.join(',')];
  for (const line of lines) {
    rows.push(
      [
        isoDate(line.at),
        String(line.cycle),
        textField(names.member(line.provider)),
        textField(names.member(line.receiver)),
        hoursOf(line.quarters),
        textField(names.skill(line.skill)),
        textField(line.note),
      ].join(','),
    );
  }
  return rows.map((row) => `${row}\r\n`).join('');
}

/** Quarters as decimal hours: 5 is "1.25", 8 is "2". */
export function hoursOf(quarters: number): string {
  return String(quarters / 4);
}

// Beyond ±8.64e15 ms a Date is invalid and toISOString throws; such a time
// can only come from a broken record, and must not stop the export.
const MAX_DATE_MS = 8.64e15;

function isoDate(at: number): string {
  return Number.isFinite(at) && Math.abs(at) <= MAX_DATE_MS ? new Date(at).toISOString() : '';
}

// Spreadsheets run a cell that starts with one of these as a formula (a tab or
// carriage return can hide one); an apostrophe makes them show it as text.
const FORMULA_START = /^[=+\-@\t\r]/u;

function textField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
