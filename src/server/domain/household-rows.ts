import { type LimitedField, tooLong } from '../../shared/field-limits.js';
import {
  EDUCATION,
  HEALTH,
  type HouseholdType,
  LABOUR_SKILLS,
  RELATIONS,
} from '../../shared/household-codes.js';
import {
  HOUSEHOLD_TYPE_FROM_TEXT,
  headerKey,
  LAYOUT,
  type LayoutKey,
  REQUIRED_HEADERS,
  yesNo,
} from './household-layout.js';
import { ID_CONVERTED_NOTE, normaliseIdInput } from './id-input.js';
import type { SheetRow } from './sheet-row.js';

export interface RowProblem {
  row: number;
  reason: string;
}

export interface ImportedPerson {
  row: number;
  name: string;
  relation: string;
  idNumber: string;
  phone: string | null;
  ethnicity: string | null;
  education: string | null;
  schooling: string | null;
  dropoutReason: string | null;
  health: string | null;
  labourSkill: string | null;
  workMonths: number | null;
  workPlace: string | null;
  politicalStatus: string | null;
  isDibao: boolean;
  isTekun: boolean;
  medicalInsured: boolean;
  seriousIllnessInsured: boolean;
  pensionInsured: boolean;
  disabilityCategory: string | null;
}

export interface ImportedHousehold {
  rows: number[];
  householdNo: string | null;
  householdType: HouseholdType;
  regionCode: string | null;
  names: { county: string; town: string; village: string };
  phone: string | null;
  address: string | null;
  housingGrade: 'A' | 'B' | 'C' | 'D' | 'none' | null;
  waterOk: boolean | null;
  members: ImportedPerson[];
}

const text = (v: string | number | undefined) => (v === undefined ? '' : String(v).trim());

const HEADER_OF = Object.fromEntries(LAYOUT.map((c) => [c.key, c.header])) as Record<LayoutKey, string>;

/** The text columns with a length limit shared with the API, and the limit each one reads. */
const LIMITED_COLUMNS: readonly [LayoutKey, LimitedField][] = [
  ['name', 'name'],
  ['householdNo', 'householdNo'],
  ['regionCode', 'regionCode'],
  ['county', 'regionName'],
  ['town', 'regionName'],
  ['village', 'regionName'],
  ['address', 'address'],
  ['ethnicity', 'ethnicity'],
  ['politicalStatus', 'politicalStatus'],
  ['schooling', 'schooling'],
  ['dropoutReason', 'dropoutReason'],
  ['workPlace', 'workPlace'],
  ['disabilityCategory', 'disabilityCategory'],
];

/** Insured under either scheme (residents' or employees'); unknown when neither column says anything. */
const eitherScheme = (residents: boolean | null | undefined, employees: boolean | null | undefined) =>
  residents === true || employees === true ? true : (residents ?? employees ?? null);

/**
 * Turns spreadsheet rows into households and their members, checking every row. Rows are grouped by
 * 户编号 when the file has it, otherwise a household is its 户主 row and the member rows that follow.
 * Every refused row is reported with its row number and reason; nothing here touches the database.
 */
export function parseHouseholdRows(rows: readonly SheetRow[]): {
  households: ImportedHousehold[];
  problems: RowProblem[];
  /** What was taken with a change to check or not read at all: converted IDs, ignored columns. */
  notes: RowProblem[];
} {
  const notes: RowProblem[] = [];
  const problems: RowProblem[] = [];
  const headerIndex = rows.slice(0, 10).findIndex((r) => {
    const keys = r.cells.map((c) => headerKey(text(c)));
    return REQUIRED_HEADERS.every((k) => keys.includes(k));
  });
  const header = rows[headerIndex];
  if (headerIndex < 0 || !header) {
    return {
      households: [],
      problems: [{ row: 1, reason: '找不到表头：需要“姓名”“证件号码”“与户主关系”等列' }],
      notes,
    };
  }
  const columns = new Map<LayoutKey, number>();
  const ignored: string[] = [];
  header.cells.forEach((c, i) => {
    const key = headerKey(text(c));
    if (key && !columns.has(key)) {
      columns.set(key, i);
    } else if (text(c) !== '') {
      ignored.push(text(c));
    }
  });
  // Every column of the file is either read or named here, so nothing is dropped without a word.
  if (ignored.length > 0) {
    notes.push({ row: header.row, reason: `以下列未导入（本系统不保存或重复）：${ignored.join('、')}` });
  }
  const get = (r: SheetRow, key: LayoutKey) => {
    const i = columns.get(key);
    return i === undefined ? '' : text(r.cells[i]);
  };
  const raw = (r: SheetRow, key: LayoutKey) => {
    const i = columns.get(key);
    return i === undefined ? undefined : r.cells[i];
  };

  const seenIds = new Map<string, number>();
  const byKey = new Map<string, ImportedHousehold>();
  const households: ImportedHousehold[] = [];
  let current: ImportedHousehold | null = null;

  for (const r of rows.slice(headerIndex + 1)) {
    if (r.cells.every((c) => text(c) === '')) {
      continue; // blank row
    }
    if (headerKey(get(r, 'name')) === 'name' || get(r, 'idNumber') === '证件号码') {
      continue; // a repeated or second header row
    }
    const reasons: string[] = [];
    const name = get(r, 'name');
    if (name === '') {
      reasons.push('姓名为空');
    }
    for (const [key, field] of LIMITED_COLUMNS) {
      const reason = tooLong(field, HEADER_OF[key], get(r, key));
      if (reason) {
        reasons.push(reason);
      }
    }
    const id = normaliseIdInput(raw(r, 'idNumber'));
    if (!id.ok) {
      reasons.push(id.reason);
    } else if (seenIds.has(id.id)) {
      reasons.push(`与第 ${seenIds.get(id.id)} 行身份证号重复`);
    }
    const relation = get(r, 'relation');
    if (!(RELATIONS as readonly string[]).includes(relation)) {
      reasons.push(`与户主关系“${relation}”不在代码表中`);
    }
    const typeText = get(r, 'householdType');
    const householdType = typeText === '' ? 'ordinary' : HOUSEHOLD_TYPE_FROM_TEXT[typeText];
    if (!householdType) {
      reasons.push(`户类型“${typeText}”无效（脱贫户/监测户/一般农户/其他低收入户）`);
    }
    const education = get(r, 'education');
    if (education !== '' && !(EDUCATION as readonly string[]).includes(education)) {
      reasons.push(`文化程度“${education}”不在代码表中`);
    }
    const labour = get(r, 'labourSkill');
    if (labour !== '' && !(LABOUR_SKILLS as readonly string[]).includes(labour)) {
      reasons.push(`劳动技能“${labour}”不在代码表中`);
    }
    const health = get(r, 'health');
    if (
      health !== '' &&
      !health.split(/[,，、]/).every((h) => (HEALTH as readonly string[]).includes(h.trim()))
    ) {
      reasons.push(`健康状况“${health}”不在代码表中`);
    }
    const monthsText = get(r, 'workMonths');
    const workMonths = monthsText === '' ? null : Number(monthsText);
    if (workMonths !== null && (!Number.isInteger(workMonths) || workMonths < 0 || workMonths > 12)) {
      reasons.push(`务工时间“${monthsText}”应为 0–12 的整数`);
    }
    const flags: Record<string, boolean | null> = {};
    for (const key of [
      'isDibao',
      'isTekun',
      'medicalInsured',
      'employeeMedicalInsured',
      'seriousIllnessInsured',
      'pensionInsured',
      'employeePensionInsured',
      'waterOk',
    ] as const) {
      const value = yesNo(get(r, key));
      if (value === 'invalid') {
        reasons.push(`“${get(r, key)}”应为 是 或 否`);
        flags[key] = null;
      } else {
        flags[key] = value;
      }
    }
    const gradeText = get(r, 'housingGrade').toUpperCase().replace('级', '');
    const housingGrade = gradeText === '' ? null : gradeText === '无房' ? 'none' : gradeText;
    if (housingGrade !== null && !['A', 'B', 'C', 'D', 'none'].includes(housingGrade)) {
      reasons.push(`住房安全等级“${get(r, 'housingGrade')}”应为 A/B/C/D/无房`);
    }
    const phoneText = get(r, 'phone').replace(/\s/g, '');
    const householdPhone = get(r, 'householdPhone').replace(/\s/g, '');
    for (const p of [phoneText, householdPhone]) {
      if (p !== '' && !/^1\d{10}$/.test(p)) {
        reasons.push(`联系电话“${p}”应为 11 位手机号`);
      }
    }
    if (id.ok && !seenIds.has(id.id)) {
      seenIds.set(id.id, r.row);
    }

    const householdNo = get(r, 'householdNo') || null;
    let household: ImportedHousehold | null;
    if (householdNo) {
      household = byKey.get(householdNo) ?? null;
    } else if (relation === '户主') {
      household = null;
    } else {
      household = current;
    }
    if (!household) {
      if (!householdNo && relation !== '户主') {
        reasons.push('无法确定所属户：请填写户编号，或把家庭成员放在户主行之后');
      }
      household = {
        rows: [],
        householdNo,
        householdType: householdType ?? 'ordinary',
        regionCode: get(r, 'regionCode') || null,
        names: { county: get(r, 'county'), town: get(r, 'town'), village: get(r, 'village') },
        phone: householdPhone || null,
        address: get(r, 'address') || null,
        housingGrade: (housingGrade as ImportedHousehold['housingGrade']) ?? null,
        waterOk: flags.waterOk ?? null,
        members: [],
      };
      households.push(household);
      if (householdNo) {
        byKey.set(householdNo, household);
      }
    }
    current = household;
    household.rows.push(r.row);
    if (relation === '户主') {
      household.householdType = householdType ?? household.householdType;
      household.regionCode = get(r, 'regionCode') || household.regionCode;
      household.phone = householdPhone || household.phone;
      household.address = get(r, 'address') || household.address;
      household.housingGrade = (housingGrade as ImportedHousehold['housingGrade']) ?? household.housingGrade;
      household.waterOk = flags.waterOk ?? household.waterOk;
    }
    if (reasons.length > 0) {
      problems.push({ row: r.row, reason: reasons.join('；') });
      continue;
    }
    if (id.ok && id.converted15) {
      notes.push({ row: r.row, reason: ID_CONVERTED_NOTE });
    }
    household.members.push({
      row: r.row,
      name,
      relation,
      idNumber: id.ok ? id.id : '',
      phone: phoneText || null,
      ethnicity: get(r, 'ethnicity') || null,
      education: education || null,
      schooling: get(r, 'schooling') || null,
      dropoutReason: get(r, 'dropoutReason') || null,
      health: health || null,
      labourSkill: labour || null,
      workMonths,
      workPlace: get(r, 'workPlace') || null,
      politicalStatus: get(r, 'politicalStatus') || null,
      isDibao: flags.isDibao ?? false,
      isTekun: flags.isTekun ?? false,
      medicalInsured: eitherScheme(flags.medicalInsured, flags.employeeMedicalInsured) ?? true,
      seriousIllnessInsured: flags.seriousIllnessInsured ?? true,
      pensionInsured: eitherScheme(flags.pensionInsured, flags.employeePensionInsured) ?? false,
      disabilityCategory: get(r, 'disabilityCategory') || null,
    });
  }
  // Household-level checks: one head, at most one spouse. The reason goes on the row that breaks the rule
  // (the second head or spouse), not on the household's first row, which is valid.
  const problemRows = new Set(problems.map((p) => p.row));
  for (const household of households) {
    const heads = household.members.filter((m) => m.relation === '户主');
    const spouses = household.members.filter((m) => m.relation === '配偶');
    const hasBadRow = household.rows.some((row) => problemRows.has(row));
    if (hasBadRow) {
      continue;
    }
    if (heads.length === 0) {
      problems.push({ row: household.rows[0] ?? 0, reason: '该户没有户主' });
    } else if (heads.length > 1) {
      for (const extra of heads.slice(1)) {
        problems.push({
          row: extra.row,
          reason: `该户已有户主（第 ${heads[0]?.row} 行），一户只能有一位户主`,
        });
      }
    } else if (spouses.length > 1) {
      for (const extra of spouses.slice(1)) {
        problems.push({
          row: extra.row,
          reason: `该户已有配偶（第 ${spouses[0]?.row} 行），一户至多一位配偶`,
        });
      }
    }
  }
  problems.sort((a, b) => a.row - b.row);
  notes.sort((a, b) => a.row - b.row);
  return { households, problems, notes };
}
