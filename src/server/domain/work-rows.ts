import {
  WORK_CATEGORIES,
  WORK_CATEGORY_LABELS,
  WORK_CHANNEL_LABELS,
  WORK_CHANNELS,
  WORK_SECTOR_LABELS,
  WORK_SECTORS,
  type WorkCategory,
  type WorkChannel,
  type WorkSector,
} from '../../shared/employment.js';
import { maskIdNumber } from '../../shared/id-number.js';
import { headerText, ID_HEADERS, NAME_HEADERS, text } from './feed-rows.js';
import type { RowProblem } from './household-rows.js';
import { normaliseIdInput } from './id-input.js';
import type { Cell, SheetRow } from './sheet-row.js';

/** One accepted row of a 人社 work file (务工监测信息), typed as a work record. */
export interface WorkRow {
  row: number;
  name: string;
  idNumber: string;
  idMasked: string;
  category: WorkCategory;
  startMonth: string;
  endMonth: string | null;
  workProvince: string | null;
  workCity: string | null;
  workCounty: string | null;
  monthlyIncome: string | null;
  sector: WorkSector | null;
  industry: string | null;
  channel: WorkChannel | null;
  employer: string | null;
  pointToPoint: boolean | null;
}

type Field = Exclude<keyof WorkRow, 'row' | 'name' | 'idNumber' | 'idMasked'>;

/** The columns of the national system's work-monitoring export (domain-cdefg §C6), with the names files use. */
export const WORK_FILE_COLUMNS: ReadonlyArray<{
  field: Field;
  header: string;
  aliases: string[];
  required: boolean;
}> = [
  { field: 'category', header: '就业人员类别', aliases: ['人员类别'], required: false },
  {
    field: 'startMonth',
    header: '务工开始年月',
    aliases: ['开始年月', '务工开始时间', '就业开始时间'],
    required: true,
  },
  {
    field: 'endMonth',
    header: '务工结束年月',
    aliases: ['结束年月', '务工结束时间', '就业结束时间'],
    required: false,
  },
  { field: 'workProvince', header: '务工省', aliases: ['务工所在省', '务工省份'], required: false },
  { field: 'workCity', header: '务工市', aliases: ['务工所在市'], required: false },
  { field: 'workCounty', header: '务工县', aliases: ['务工所在县', '务工县区'], required: false },
  {
    field: 'monthlyIncome',
    header: '务工月收入',
    aliases: ['月收入', '月收入(元)', '务工月收入(元)'],
    required: false,
  },
  { field: 'sector', header: '产业', aliases: ['所属产业'], required: false },
  { field: 'industry', header: '所属行业', aliases: ['行业'], required: false },
  { field: 'channel', header: '就业渠道', aliases: ['务工渠道'], required: false },
  {
    field: 'employer',
    header: '务工企业名称',
    aliases: ['企业名称', '工作单位', '用工单位'],
    required: false,
  },
  { field: 'pointToPoint', header: '是否点对点输送', aliases: ['点对点输送'], required: false },
];

const byLabel = <T extends string>(codes: readonly T[], labels: Record<T, string>) =>
  new Map<string, T>(codes.map((c) => [labels[c], c]));
const CATEGORY_BY_LABEL = byLabel(WORK_CATEGORIES, WORK_CATEGORY_LABELS);
const CHANNEL_BY_LABEL = byLabel(WORK_CHANNELS, WORK_CHANNEL_LABELS);
const SECTOR_BY_LABEL = byLabel(WORK_SECTORS, WORK_SECTOR_LABELS);
const YES = ['是', 'Y', 'y', '1', 'TRUE', 'true'];
const NO = ['否', 'N', 'n', '0', 'FALSE', 'false'];

/** 2026-03 / 2026/3 / 2026.03 / 202603 / 2026年3月 / a full date (its month) → 2026-03; else null. */
export function parseMonth(cell: Cell): string | null {
  const value = text(cell).replace(/\s+/g, '');
  const match =
    /^(\d{4})[-/.年](\d{1,2})(?:月|[-/.]\d{1,2}日?|月\d{1,2}日)?$/.exec(value) ??
    /^(\d{4})(\d{2})(?:\d{2})?$/.exec(value);
  if (!match) {
    return null;
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) {
    return null;
  }
  return `${match[1]}-${String(month).padStart(2, '0')}`;
}

/** 2,500 / 2500.00元 / a number cell → '2500.00'-like exact text; else null. Money never goes through a float. */
export function parseMoney(cell: Cell): string | null {
  const clean = (typeof cell === 'number' ? String(cell) : text(cell))
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  return /^\d{1,12}(\.\d{1,2})?$/.test(clean) ? clean : null;
}

/**
 * Checks every row of a 人社 work file like the household import: the header is found among title rows, blank
 * rows are skipped, ID numbers are normalised and refused when Excel mangled them, code-list columns take the
 * national labels, and every refused row is reported with its row number and reason. A person may appear on
 * several rows (several jobs), but not twice with the same start month.
 */
export function parseWorkRows(
  rows: readonly SheetRow[],
  today?: Date,
): { rows: WorkRow[]; problems: RowProblem[]; blankRows: number } {
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
  const columnAt = new Map<Field, number>();
  const missing: string[] = [];
  for (const column of WORK_FILE_COLUMNS) {
    const names = [column.header, ...column.aliases].map((h) => headerText(h));
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

  const accepted: WorkRow[] = [];
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
    }
    const cellOf = (field: Field): Cell => {
      const at = columnAt.get(field);
      return at === undefined ? '' : (cells[at] ?? '');
    };
    const raw = (field: Field) => text(cellOf(field));
    const optional = (field: Field) => (raw(field) === '' ? null : raw(field));
    const coded = <T extends string>(field: Field, label: string, map: Map<string, T>): T | null => {
      const value = raw(field);
      if (value === '') {
        return null;
      }
      const code = map.get(value);
      if (!code) {
        reasons.push(`${label}“${value}”应为：${[...map.keys()].join('、')}`);
      }
      return code ?? null;
    };

    const startMonth = parseMonth(cellOf('startMonth'));
    if (raw('startMonth') === '') {
      reasons.push('务工开始年月为空');
    } else if (startMonth === null) {
      reasons.push(`务工开始年月“${raw('startMonth')}”不是年月（如 2026-03）`);
    }
    const endMonth = raw('endMonth') === '' ? null : parseMonth(cellOf('endMonth'));
    if (raw('endMonth') !== '' && endMonth === null) {
      reasons.push(`务工结束年月“${raw('endMonth')}”不是年月（如 2026-10）`);
    }
    if (startMonth && endMonth && endMonth < startMonth) {
      reasons.push('务工结束年月早于开始年月');
    }
    const monthlyIncome = raw('monthlyIncome') === '' ? null : parseMoney(cellOf('monthlyIncome'));
    if (raw('monthlyIncome') !== '' && monthlyIncome === null) {
      reasons.push(`务工月收入“${raw('monthlyIncome')}”不是金额`);
    }
    const p2p = raw('pointToPoint');
    const pointToPoint = p2p === '' ? null : YES.includes(p2p) ? true : NO.includes(p2p) ? false : undefined;
    if (pointToPoint === undefined) {
      reasons.push(`是否点对点输送“${p2p}”应为：是、否`);
    }
    const category = coded('category', '就业人员类别', CATEGORY_BY_LABEL) ?? 'other';
    const sector = coded('sector', '产业', SECTOR_BY_LABEL);
    const channel = coded('channel', '就业渠道', CHANNEL_BY_LABEL);

    if (id.ok && startMonth) {
      const key = `${id.id}|${startMonth}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        reasons.push(`与第 ${first} 行是同一人同一开始年月`);
      } else {
        firstRowOf.set(key, sheetRow.row);
      }
    }
    if (reasons.length > 0 || !id.ok || startMonth === null || pointToPoint === undefined) {
      problems.push({ row: sheetRow.row, reason: reasons.join('；') });
      continue;
    }
    accepted.push({
      row: sheetRow.row,
      name,
      idNumber: id.id,
      idMasked: maskIdNumber(id.id),
      category,
      startMonth,
      endMonth,
      workProvince: optional('workProvince'),
      workCity: optional('workCity'),
      workCounty: optional('workCounty'),
      monthlyIncome,
      sector,
      industry: optional('industry'),
      channel,
      employer: optional('employer'),
      pointToPoint,
    });
  }
  return { rows: accepted, problems, blankRows };
}

/** The template's header row (what the 人社 clerk downloads). */
export const workFileHeaders = (): string[] => [
  '姓名',
  '身份证号',
  ...WORK_FILE_COLUMNS.map((c) => c.header),
];
