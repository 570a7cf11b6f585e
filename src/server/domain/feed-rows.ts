import { FEED_LAYOUTS, type FeedField, type FeedType } from '../../shared/feed-types.js';
import { maskIdNumber } from '../../shared/id-number.js';
import type { RowProblem } from './household-rows.js';
import { normaliseIdInput } from './id-input.js';
import type { Cell, SheetRow } from './spreadsheet.js';

/** One accepted row of a department feed, with the typed fields the alert rules read. */
export interface FeedRow {
  row: number;
  name: string;
  idNumber: string;
  idMasked: string;
  amount: number | null;
  grade: string | null;
  category: string | null;
  changeType: string | null;
  eventOn: string | null;
  detail: string | null;
}

const NAME_HEADERS = ['姓名', '人员姓名', '户主姓名'];
const ID_HEADERS = ['身份证号', '身份证号码', '证件号码', '公民身份号码'];

const toHalfWidth = (text: string) =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');

/** Headers compare without spaces, with half-width brackets and without a unit in brackets. */
const headerText = (cell: Cell | undefined) =>
  toHalfWidth(String(cell ?? ''))
    .replace(/\s+/g, '')
    .replace(/\(.*?\)$/, '');

const text = (cell: Cell | undefined) => toHalfWidth(String(cell ?? '')).trim();

const CHINESE_DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4' };

/** 一级 / 1级 / 1 → '1'; C级 / c → 'C'. */
export function normaliseGrade(raw: string): string {
  const compact = raw.replace(/\s+/g, '').replace(/级$/, '');
  return (CHINESE_DIGITS[compact] ?? compact).toUpperCase();
}

/** 12,345.6 / 12345.6元 / a number cell → 12345.6; anything else null. */
export function parseAmount(cell: Cell): number | null {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? cell : null;
  }
  const clean = text(cell)
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  return /^-?\d+(\.\d+)?$/.test(clean) ? Number(clean) : null;
}

/** 2026-11-03 / 2026/11/3 / 2026.11.3 / 20261103 / 2026年11月3日 → 2026-11-03; else null. */
export function parseDate(cell: Cell): string | null {
  const value = text(cell);
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) {
    return null;
  }
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Checks every row of a department feed against its layout, like the household import: the header is
 * found among title rows, blank rows are skipped, ID numbers are normalised (full-width, spaces,
 * lowercase x, 15 digits) and refused when Excel mangled them, and an ID seen twice is reported on its
 * second row. Every refused row is reported with its row number and reason.
 */
export function parseFeedRows(
  feedType: FeedType,
  rows: readonly SheetRow[],
  today?: Date,
): { rows: FeedRow[]; problems: RowProblem[]; blankRows: number } {
  const layout = FEED_LAYOUTS[feedType];
  const headerIndex = rows.slice(0, 10).findIndex((r) => {
    const headers = r.cells.map(headerText);
    return headers.some((h) => NAME_HEADERS.includes(h)) && headers.some((h) => ID_HEADERS.includes(h));
  });
  const header = rows[headerIndex];
  if (headerIndex < 0 || !header) {
    return { rows: [], problems: [{ row: 1, reason: '找不到表头：需要“姓名”和“身份证号”列' }], blankRows: 0 };
  }
  const headers = header.cells.map(headerText);
  const nameAt = headers.findIndex((h) => NAME_HEADERS.includes(h));
  const idAt = headers.findIndex((h) => ID_HEADERS.includes(h));
  const columnAt = new Map<FeedField, number>();
  const missing: string[] = [];
  for (const column of layout.columns) {
    const names = [column.header, ...(column.aliases ?? [])].map((h) => headerText(h));
    const at = headers.findIndex((h) => names.includes(h));
    if (at >= 0) {
      columnAt.set(column.field, at);
    } else if (column.required) {
      missing.push(column.header);
    }
  }
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [{ row: header.row, reason: `表头缺少必填列：${missing.join('、')}` }],
      blankRows: 0,
    };
  }

  const accepted: FeedRow[] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  let blankRows = 0;
  for (const sheetRow of rows.slice(headerIndex + 1)) {
    const cells = sheetRow.cells;
    if (cells.every((c) => text(c) === '')) {
      blankRows++;
      continue;
    }
    const reasons: string[] = [];
    const name = text(cells[nameAt]).replace(/\s+/g, '');
    if (name === '') {
      reasons.push('姓名为空');
    }
    const id = normaliseIdInput(cells[idAt], today);
    if (!id.ok) {
      reasons.push(id.reason);
    } else {
      const first = firstRowOf.get(id.id);
      if (first !== undefined) {
        reasons.push(`身份证号与第 ${first} 行重复`);
      } else {
        firstRowOf.set(id.id, sheetRow.row);
      }
    }
    const values: Partial<Record<FeedField, string | number | null>> = {};
    for (const column of layout.columns) {
      const at = columnAt.get(column.field);
      const cell = at === undefined ? '' : (cells[at] ?? '');
      const raw = text(cell);
      if (raw === '') {
        if (column.required) {
          reasons.push(`${column.header}为空`);
        }
        continue;
      }
      if (column.field === 'amount') {
        const amount = parseAmount(cell);
        if (amount === null || amount < 0) {
          reasons.push(`${column.header}“${raw}”不是金额`);
        }
        values.amount = amount;
      } else if (column.field === 'eventOn') {
        const date = parseDate(cell);
        if (date === null) {
          reasons.push(`${column.header}“${raw}”不是日期（如 2026-11-03）`);
        }
        values.eventOn = date;
      } else {
        const value = column.field === 'grade' ? normaliseGrade(raw) : raw;
        if (column.values && !column.values.includes(value)) {
          reasons.push(`${column.header}“${raw}”应为：${column.values.join('、')}`);
        }
        values[column.field] = value;
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
      amount: typeof values.amount === 'number' ? values.amount : null,
      grade: (values.grade as string | undefined) ?? null,
      category: (values.category as string | undefined) ?? null,
      changeType: (values.changeType as string | undefined) ?? null,
      eventOn: (values.eventOn as string | undefined) ?? null,
      detail: (values.detail as string | undefined) ?? null,
    });
  }
  return { rows: accepted, problems, blankRows };
}

/** The documented layout of a feed as its header row (the template a department downloads). */
export function feedTemplateHeaders(feedType: FeedType): string[] {
  return ['姓名', '身份证号', ...FEED_LAYOUTS[feedType].columns.map((c) => c.header)];
}
