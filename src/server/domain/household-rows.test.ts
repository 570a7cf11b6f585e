import { expect, it } from 'vitest';
import { checkCharacter } from '../../shared/id-number.js';
import { parseHouseholdRows } from './household-rows.js';
import type { SheetRow } from './sheet-row.js';

const id = (first17: string) => `${first17}${checkCharacter(first17)}`;
const HEADER = [
  '村',
  '行政区划代码',
  '户编号',
  '户类型',
  '姓名',
  '证件号码',
  '与户主关系',
  '户联系电话',
  '住房安全等级',
];
const sheet = (...rows: string[][]): SheetRow[] => [
  { row: 1, cells: HEADER },
  ...rows.map((cells, i) => ({ row: i + 2, cells })),
];
const HEAD = id('41130219700101001');
const SPOUSE = id('41130219720202002');

it('groups rows by 户编号 into households with their members and household facts', () => {
  const { households, problems } = parseHouseholdRows(
    sheet(
      ['东岗村', '411302102201', 'DG001', '脱贫户', '张大山', HEAD, '户主', '13800000001', 'B'],
      ['东岗村', '411302102201', 'DG001', '脱贫户', '李秀英', SPOUSE, '配偶', '', ''],
    ),
  );
  expect(problems).toEqual([]);
  expect(households).toHaveLength(1);
  expect(households[0]).toMatchObject({
    householdNo: 'DG001',
    householdType: 'exited_poverty',
    regionCode: '411302102201',
    phone: '13800000001',
    housingGrade: 'B',
    rows: [2, 3],
  });
  expect(households[0]?.members.map((m) => [m.name, m.relation, m.idNumber])).toEqual([
    ['张大山', '户主', HEAD],
    ['李秀英', '配偶', SPOUSE],
  ]);
});

it('reports every bad row with its number and all its reasons, and keeps the good rows out of them', () => {
  const { problems } = parseHouseholdRows(
    sheet(
      ['东岗村', '411302102201', 'DG001', '脱贫户', '张大山', HEAD, '户主', '1380000', 'E'],
      ['东岗村', '411302102201', 'DG001', '脱贫户', '', HEAD, '表哥', '', ''],
      ['东岗村', '411302102201', 'DG002', '富裕户', '王五', id('41130219650505005'), '户主', '', ''],
    ),
  );
  expect(problems.map((p) => p.row)).toEqual([2, 3, 4]);
  expect(problems[0]?.reason).toContain('住房安全等级“E”');
  expect(problems[0]?.reason).toContain('联系电话“1380000”应为 11 位手机号');
  expect(problems[1]?.reason).toContain('姓名为空');
  expect(problems[1]?.reason).toContain('与第 2 行身份证号重复');
  expect(problems[1]?.reason).toContain('与户主关系“表哥”不在代码表中');
  expect(problems[2]?.reason).toContain('户类型“富裕户”无效');
});

it('refuses a household without a head and a file without the required columns', () => {
  const noHead = parseHouseholdRows(
    sheet(['东岗村', '411302102201', 'DG009', '一般农户', '李秀英', SPOUSE, '配偶', '', '']),
  );
  expect(noHead.problems).toEqual([{ row: 2, reason: '该户没有户主' }]);
  const noHeader = parseHouseholdRows([{ row: 1, cells: ['村', '户编号'] }]);
  expect(noHeader.problems).toHaveLength(1);
  expect(noHeader.problems[0]?.reason).toContain('找不到表头');
});
