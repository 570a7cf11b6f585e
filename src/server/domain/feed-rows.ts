import { isoDateOfUtcDay } from '../../shared/calendar.js';
import { FEED_LAYOUTS, type FeedField, type FeedType } from '../../shared/feed-types.js';
import { tooLong } from '../../shared/field-limits.js';
import { maskIdNumber } from '../../shared/id-number.js';
import type { RowProblem } from './household-rows.js';
import { ID_CONVERTED_NOTE, normaliseIdInput } from './id-input.js';
import type { Cell, SheetRow } from './sheet-row.js';

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

export const NAME_HEADERS = ['姓名', '人员姓名', '户主姓名', '患者姓名', '参保人姓名', '救助对象姓名'];
export const ID_HEADERS = [
  '身份证号',
  '身份证号码',
  '证件号码',
  '证件号',
  '公民身份号码',
  '参保人身份证号',
  '社会保障号码',
];

const toHalfWidth = (text: string) =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');

/** Headers compare without spaces, with half-width brackets and without a unit in brackets. */
export const headerText = (cell: Cell | undefined) =>
  toHalfWidth(String(cell ?? ''))
    .replace(/\s+/g, '')
    .replace(/\(.*?\)$/, '');

export const text = (cell: Cell | undefined) => toHalfWidth(String(cell ?? '')).trim();

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
  return isoDateOfUtcDay(date);
}

/** A column a department's file must name: 姓名, 身份证号, or one of the layout's typed fields. */
export type FeedColumnKey = 'name' | 'idNumber' | FeedField;

/** A department's own header for each column (saved once per department and feed type). */
export type FeedColumnMapping = Partial<Record<FeedColumnKey, string>>;

/** The columns of a feed type in order, with the header the template uses. */
export function feedColumns(
  feedType: FeedType,
): Array<{ key: FeedColumnKey; header: string; required: boolean }> {
  return [
    { key: 'name', header: '姓名', required: true },
    { key: 'idNumber', header: '身份证号', required: true },
    ...FEED_LAYOUTS[feedType].columns.map((c) => ({ key: c.field, header: c.header, required: c.required })),
  ];
}

/** Why a file's header could not be read, with what the web app needs to let the user map it. */
export interface FeedHeaderProblem {
  /** The headers of the file (the row that looked most like a header). */
  fileHeaders: string[];
  /** The required columns no header matched. */
  missing: Array<{ key: FeedColumnKey; header: string }>;
}

export interface ParsedFeed {
  rows: FeedRow[];
  problems: RowProblem[];
  /** Rows taken with a change worth telling (an old 15-digit ID converted). */
  notes: RowProblem[];
  blankRows: number;
  headerProblem: FeedHeaderProblem | null;
}

/**
 * Checks every row of a department feed against its layout, like the household import: the header is
 * found among title rows (by the layout's names and aliases, or the department's saved mapping), blank
 * rows are skipped, ID numbers are normalised (full-width, spaces, lowercase x, 15 digits, each conversion
 * noted) and refused when Excel mangled them. One person may have several rows (a medical feed lists every
 * settlement): the alert rule combines them (alert_rule.aggregate), so a repeated ID is not an error.
 */
export function parseFeedRows(
  feedType: FeedType,
  rows: readonly SheetRow[],
  options: { mapping?: FeedColumnMapping; today?: Date } = {},
): ParsedFeed {
  const layout = FEED_LAYOUTS[feedType];
  const mapping = options.mapping ?? {};
  const namesOf = (key: FeedColumnKey): string[] => {
    const mapped = mapping[key];
    const column = layout.columns.find((c) => c.field === key);
    const own =
      key === 'name'
        ? NAME_HEADERS
        : key === 'idNumber'
          ? ID_HEADERS
          : [column?.header ?? '', ...(column?.aliases ?? [])];
    return [...(mapped ? [mapped] : []), ...own].map((h) => headerText(h)).filter((h) => h !== '');
  };
  const columns = feedColumns(feedType);
  const find = (headers: string[], key: FeedColumnKey) => {
    // The department's mapping wins over a layout name that happens to be in the file too.
    for (const name of namesOf(key)) {
      const at = headers.indexOf(name);
      if (at >= 0) {
        return at;
      }
    }
    return -1;
  };
  const candidates = rows.slice(0, 10);
  const headerIndex = candidates.findIndex((r) => {
    const headers = r.cells.map(headerText);
    return find(headers, 'name') >= 0 && find(headers, 'idNumber') >= 0;
  });
  const header = rows[headerIndex];
  const empty = { rows: [], notes: [], blankRows: 0 };
  if (headerIndex < 0 || !header) {
    // The row with the most filled cells is most likely the header: offer its cells to map.
    const likely = [...candidates].sort(
      (a, b) => b.cells.filter((c) => text(c) !== '').length - a.cells.filter((c) => text(c) !== '').length,
    )[0];
    const fileHeaders = (likely?.cells ?? []).map((c) => text(c)).filter((h) => h !== '');
    const missing = columns
      .filter((c) => c.required && find((likely?.cells ?? []).map(headerText), c.key) < 0)
      .map(({ key, header: h }) => ({ key, header: h }));
    return {
      ...empty,
      problems: [
        {
          row: likely?.row ?? 1,
          reason: `找不到表头：需要${missing.map((m) => `“${m.header}”`).join('')}列，可在页面上把本单位的列名对应一次`,
        },
      ],
      headerProblem: { fileHeaders, missing },
    };
  }
  const headers = header.cells.map(headerText);
  const nameAt = find(headers, 'name');
  const idAt = find(headers, 'idNumber');
  const columnAt = new Map<FeedField, number>();
  const missing: Array<{ key: FeedColumnKey; header: string }> = [];
  for (const column of layout.columns) {
    const at = find(headers, column.field);
    if (at >= 0) {
      columnAt.set(column.field, at);
    } else if (column.required) {
      missing.push({ key: column.field, header: column.header });
    }
  }
  if (missing.length > 0) {
    return {
      ...empty,
      problems: [
        {
          row: header.row,
          reason: `表头缺少必填列：${missing.map((m) => m.header).join('、')}（可在页面上把本单位的列名对应一次）`,
        },
      ],
      headerProblem: { fileHeaders: header.cells.map((c) => text(c)).filter((h) => h !== ''), missing },
    };
  }

  const accepted: FeedRow[] = [];
  const problems: RowProblem[] = [];
  const notes: RowProblem[] = [];
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
    const tooLongName = tooLong('name', '姓名', name);
    if (tooLongName) {
      reasons.push(tooLongName);
    }
    const id = normaliseIdInput(cells[idAt], options.today);
    if (!id.ok) {
      reasons.push(id.reason);
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
    const tooLongDetail =
      typeof values.detail === 'string' ? tooLong('feedDetail', '说明', values.detail) : null;
    if (tooLongDetail) {
      reasons.push(tooLongDetail);
    }
    if (reasons.length > 0 || !id.ok) {
      problems.push({ row: sheetRow.row, reason: reasons.join('；') });
      continue;
    }
    if (id.converted15) {
      notes.push({ row: sheetRow.row, reason: ID_CONVERTED_NOTE });
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
  return { rows: accepted, problems, notes, blankRows, headerProblem: null };
}

/** The documented layout of a feed as its header row (the template a department downloads). */
export function feedTemplateHeaders(feedType: FeedType): string[] {
  return ['姓名', '身份证号', ...FEED_LAYOUTS[feedType].columns.map((c) => c.header)];
}
