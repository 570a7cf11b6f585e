import { parse } from 'csv-parse/sync';
import { countyCodeOf, isRegionCode, levelFromCode } from '../../shared/region-code.js';
import type { RegionInput } from '../repositories/region.repository.js';

export interface RowProblem {
  row: number;
  code: string;
  reason: string;
}

const LEVELS = ['city', 'county', 'town', 'village'] as const;
type DivisionLevel = (typeof LEVELS)[number];
const PARENT_LEVEL: Record<DivisionLevel, DivisionLevel | null> = {
  city: null,
  county: 'city',
  town: 'county',
  village: 'town',
};

/**
 * The name people and forms use for a village: NBS lists the committee (张茨园村民委员会, 二村村民委员会,
 * 河街社区居民委员会); the village is 张茨园村, 二村, 河街社区. Other names are kept as they are.
 */
export function villageName(committee: string): string {
  const village = /^(.+?)(村民委员会|村委会)$/.exec(committee);
  if (village?.[1]) {
    return village[1].endsWith('村') ? village[1] : `${village[1]}村`;
  }
  const community = /^(.+社区)居民委员会$/.exec(committee);
  return community?.[1] ?? committee;
}

/**
 * Parses and checks a division file (`code,name,level,parent_code`, as in the NBS-derived
 * nanyang_divisions.csv). Every bad row is reported with its line number; `knownCodes` are
 * regions already stored, which may serve as parents.
 */
export function parseDivisionFile(
  text: string,
  knownLevels: ReadonlyMap<string, string>,
): { regions: RegionInput[]; problems: RowProblem[] } {
  const records = parse(text, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  }) as string[][];
  const problems: RowProblem[] = [];
  const header = records[0]?.map((h) => h.toLowerCase());
  if (header?.join(',') !== 'code,name,level,parent_code') {
    return {
      regions: [],
      problems: [{ row: 1, code: '', reason: '表头应为 code,name,level,parent_code' }],
    };
  }
  const levels = new Map<string, DivisionLevel>();
  const rows: Array<{ line: number; code: string; name: string; level: DivisionLevel; parent: string }> = [];
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const [code = '', name = '', level = '', parent = ''] = record;
    if (!isRegionCode(code)) {
      problems.push({ row: line, code, reason: '区划代码应为 12 位数字' });
      return;
    }
    if (!(LEVELS as readonly string[]).includes(level)) {
      problems.push({ row: line, code, reason: `层级 "${level}" 无效，应为 city/county/town/village` });
      return;
    }
    if (name === '') {
      problems.push({ row: line, code, reason: '名称为空' });
      return;
    }
    if (levelFromCode(code) !== level) {
      problems.push({ row: line, code, reason: `代码形态与层级 ${level} 不符` });
      return;
    }
    if (levels.has(code)) {
      problems.push({ row: line, code, reason: '区划代码重复' });
      return;
    }
    levels.set(code, level as DivisionLevel);
    rows.push({ line, code, name, level: level as DivisionLevel, parent });
  });
  const regions: RegionInput[] = [];
  for (const row of rows) {
    const expectedParent = PARENT_LEVEL[row.level];
    if (expectedParent === null) {
      if (row.parent !== '') {
        problems.push({ row: row.line, code: row.code, reason: '市级区划不应有上级' });
        continue;
      }
    } else {
      const parentLevel = levels.get(row.parent) ?? knownLevels.get(row.parent);
      if (!parentLevel) {
        problems.push({ row: row.line, code: row.code, reason: `上级 ${row.parent || '(空)'} 不存在` });
        continue;
      }
      if (parentLevel !== expectedParent) {
        problems.push({
          row: row.line,
          code: row.code,
          reason: `上级 ${row.parent} 应为 ${expectedParent} 级`,
        });
        continue;
      }
    }
    regions.push({
      code: row.code,
      name: row.level === 'village' ? villageName(row.name) : row.name,
      level: row.level,
      parentCode: row.parent === '' ? null : row.parent,
      countyCode: countyCodeOf(row.code, row.level),
    });
  }
  // Parents before children, so each insert finds its parent.
  regions.sort((a, b) => LEVELS.indexOf(a.level as DivisionLevel) - LEVELS.indexOf(b.level as DivisionLevel));
  return { regions, problems };
}
