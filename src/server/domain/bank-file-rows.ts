import { maskIdNumber } from '../../shared/id-number.js';
import { parseDate } from './feed-rows.js';
import type { RowProblem } from './household-rows.js';
import { normaliseIdInput } from './id-input.js';
import type { Cell, SheetRow } from './sheet-row.js';

/** One accepted row of a bank's repayment and status file (小额信贷还款及逾期情况). */
export interface BankFileRow {
  row: number;
  name: string;
  idNumber: string;
  idMasked: string;
  contractNo: string | null;
  paidOn: string | null;
  principal: string | null;
  interest: string | null;
  daysPastDue: number | null;
  asOf: string | null;
}

const COLUMNS = {
  name: ['姓名', '借款人', '借款人姓名', '客户姓名'],
  id: ['身份证号', '身份证号码', '证件号码', '借款人身份证号', '公民身份号码'],
  contractNo: ['合同编号', '合同号', '借款合同号', '贷款合同号'],
  paidOn: ['还款日期', '交易日期', '实际还款日期'],
  principal: ['还款本金', '归还本金', '实还本金'],
  interest: ['还款利息', '归还利息', '实还利息'],
  daysPastDue: ['逾期天数'],
  asOf: ['数据日期', '统计日期', '报送日期'],
} as const;
type Column = keyof typeof COLUMNS;

const toHalfWidth = (text: string) =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
const headerText = (cell: Cell | undefined) =>
  toHalfWidth(String(cell ?? ''))
    .replace(/\s+/g, '')
    .replace(/\(.*?\)$/, '');
const text = (cell: Cell | undefined) => toHalfWidth(String(cell ?? '')).trim();

/** 12,345.6 / 12345.60元 / a number cell → '12345.60'; more than 2 decimals or anything else → null. */
export function parseMoney(cell: Cell): string | null {
  const raw =
    typeof cell === 'number'
      ? Number.isFinite(cell)
        ? String(cell)
        : ''
      : text(cell)
          .replace(/[,，\s]/g, '')
          .replace(/元$/, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(raw);
  if (!match) {
    return null;
  }
  return `${BigInt(match[1] ?? '0').toString()}.${(match[2] ?? '').padEnd(2, '0')}`;
}

/**
 * Checks every row of a bank file like the household import: the header is found among title rows, blank rows are
 * skipped, ID numbers are normalised (full-width, spaces, 15 digits) and refused when mangled, amounts and dates
 * read in the forms banks write them, and a row sent twice is reported on its second occurrence.
 */
export function parseBankFileRows(
  rows: readonly SheetRow[],
  today: string,
): { rows: BankFileRow[]; problems: RowProblem[] } {
  const headerIndex = rows.slice(0, 10).findIndex((r) => {
    const headers = r.cells.map(headerText);
    return headers.some((h) => (COLUMNS.id as readonly string[]).includes(h));
  });
  const header = rows[headerIndex];
  if (headerIndex < 0 || !header) {
    return { rows: [], problems: [{ row: 1, reason: '找不到表头：需要“身份证号”列' }] };
  }
  const headers = header.cells.map(headerText);
  const at = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((c) => [
      c,
      headers.findIndex((h) => (COLUMNS[c] as readonly string[]).includes(h)),
    ]),
  ) as Record<Column, number>;
  if (at.name < 0) {
    return { rows: [], problems: [{ row: header.row, reason: '表头缺少必填列：姓名' }] };
  }
  if (at.principal < 0 && at.daysPastDue < 0) {
    return { rows: [], problems: [{ row: header.row, reason: '表头需要“还款本金”或“逾期天数”列' }] };
  }
  const accepted: BankFileRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const sheetRow of rows.slice(headerIndex + 1)) {
    const cells = sheetRow.cells;
    if (cells.every((c) => text(c) === '')) {
      continue;
    }
    const cell = (c: Column) => (at[c] < 0 ? '' : (cells[at[c]] ?? ''));
    const reasons: string[] = [];
    const name = text(cell('name')).replace(/\s+/g, '');
    if (name === '') {
      reasons.push('姓名为空');
    }
    const id = normaliseIdInput(cell('id'));
    if (!id.ok) {
      reasons.push(id.reason);
    }
    const contractNo = text(cell('contractNo')) || null;
    const money = (c: 'principal' | 'interest', label: string) => {
      const raw = text(cell(c));
      if (raw === '') {
        return null;
      }
      const value = parseMoney(cell(c));
      if (value === null) {
        reasons.push(`${label}“${raw}”不是金额（最多两位小数）`);
      }
      return value;
    };
    const principal = money('principal', '还款本金');
    const interest = money('interest', '还款利息');
    const date = (c: 'paidOn' | 'asOf', label: string) => {
      const raw = text(cell(c));
      if (raw === '') {
        return null;
      }
      const value = parseDate(cell(c));
      if (value === null) {
        reasons.push(`${label}“${raw}”不是日期（如 2026-11-03）`);
      } else if (value > today) {
        reasons.push(`${label} ${value} 晚于今天`);
      }
      return value;
    };
    const paidOn = date('paidOn', '还款日期');
    const asOf = date('asOf', '数据日期');
    const dpdRaw = text(cell('daysPastDue'));
    let daysPastDue: number | null = null;
    if (dpdRaw !== '') {
      daysPastDue = /^\d+$/.test(dpdRaw.replace(/天$/, '')) ? Number(dpdRaw.replace(/天$/, '')) : null;
      if (daysPastDue === null) {
        reasons.push(`逾期天数“${dpdRaw}”不是整数`);
      }
    }
    if ((principal !== null || interest !== null) && paidOn === null && text(cell('paidOn')) === '') {
      reasons.push('有还款金额但还款日期为空');
    }
    if (principal === null && interest === null && daysPastDue === null && dpdRaw === '') {
      reasons.push('既没有还款金额也没有逾期天数');
    }
    if (id.ok) {
      const key = [id.id, contractNo, paidOn, principal, interest, daysPastDue].join('|');
      const first = seen.get(key);
      if (first !== undefined) {
        reasons.push(`与第 ${first} 行重复`);
      } else {
        seen.set(key, sheetRow.row);
      }
    }
    if (reasons.length > 0 || !id.ok) {
      problems.push({ row: sheetRow.row, reason: reasons.join('；') });
      continue;
    }
    accepted.push({
      row: sheetRow.row,
      name,
      idNumber: id.id,
      idMasked: maskIdNumber(id.id),
      contractNo,
      paidOn,
      principal,
      interest,
      daysPastDue,
      asOf,
    });
  }
  return { rows: accepted, problems };
}

/** The layout a bank downloads as its template. */
export const BANK_FILE_TEMPLATE = [
  '姓名',
  '身份证号',
  '合同编号',
  '还款日期',
  '还款本金',
  '还款利息',
  '逾期天数',
  '数据日期',
];
