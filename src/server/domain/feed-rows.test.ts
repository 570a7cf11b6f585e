import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../shared/id-number.js';
import { normaliseGrade, parseAmount, parseDate, parseFeedRows } from './feed-rows.js';
import type { SheetRow } from './sheet-row.js';

const id = (first17: string) => `${first17}${checkCharacter(first17)}`;
const A = id('41130219700101001');
const B = id('41130219720202002');
const sheet = (...rows: Array<Array<string | number>>): SheetRow[] =>
  rows.map((cells, i) => ({ row: i + 1, cells }));

describe('parseFeedRows', () => {
  it('finds the header under title rows and reads the typed columns', () => {
    const result = parseFeedRows(
      'medical',
      sheet(
        ['医保自付清单'],
        ['姓 名', '身份证号', '个人自付金额(元)', '结算日期'],
        ['张三', A, '21,000', '2026/11/3'],
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({ name: '张三', idNumber: A, amount: 21000, eventOn: '2026-11-03' });
  });

  it('skips blank rows, refuses Excel-mangled IDs, and takes several rows of one person', () => {
    const result = parseFeedRows(
      'dropout',
      sheet(['姓名', '身份证号'], ['甲', A], ['', ''], ['乙', 4.11302e17], ['丙', A], ['丁', '4.11302E+17']),
    );
    expect(result.blankRows).toBe(1);
    expect(result.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(result.problems.map((p) => p.row)).toEqual([4, 6]);
  });

  it('reads a real medical header (个人自付, 结算时间) and every settlement of a person', () => {
    const result = parseFeedRows(
      'medical',
      sheet(
        ['患者姓名', '参保人身份证号', '个人自付', '结算时间'],
        ['甲', A, '12000', '2026-03-01'],
        ['甲', A, '9000.5', '2026-09-01'],
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.amount)).toEqual([12000, 9000.5]);
  });

  it('reads a header the department mapped once, and says what to map when nothing matches', () => {
    const rows = sheet(['人员', '证号', '自负额'], ['甲', A, '100']);
    const unmapped = parseFeedRows('medical', rows);
    expect(unmapped.rows).toEqual([]);
    expect(unmapped.headerProblem).toEqual({
      fileHeaders: ['人员', '证号', '自负额'],
      missing: [
        { key: 'name', header: '姓名' },
        { key: 'idNumber', header: '身份证号' },
        { key: 'amount', header: '个人自付金额（元）' },
      ],
    });
    const mapped = parseFeedRows('medical', rows, {
      mapping: { name: '人员', idNumber: '证号', amount: '自负额' },
    });
    expect(mapped.problems).toEqual([]);
    expect(mapped.rows[0]).toMatchObject({ name: '甲', idNumber: A, amount: 100 });
  });

  it('upgrades a 15-digit ID, normalises full-width digits and a lowercase x', () => {
    const result = parseFeedRows(
      'water',
      sheet(
        ['姓名', '身份证号码', '问题类型'],
        ['甲', '411302700101001', '水质'],
        ['乙', B.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)), '水量'],
      ),
    );
    expect(result.rows.map((r) => r.idNumber)).toEqual([A, B]);
    expect(result.notes).toEqual([{ row: 2, reason: expect.stringContaining('由 15 位旧号码转换为 18 位') }]);
  });

  it('refuses a file without the required columns, and values outside a code list', () => {
    expect(parseFeedRows('housing', sheet(['姓名', '身份证号'], ['甲', A])).problems).toEqual([
      { row: 1, reason: expect.stringContaining('表头缺少必填列：鉴定等级') },
    ]);
    const result = parseFeedRows(
      'disability',
      sheet(['姓名', '身份证号', '残疾类别', '残疾等级', '办证类型'], ['甲', A, '肢体', '五级', '新办']),
    );
    expect(result.problems[0]?.reason).toContain('残疾等级“五级”应为');
  });

  it('has no header at all', () => {
    expect(parseFeedRows('dibao', sheet(['a', 'b'])).problems[0]?.reason).toContain('找不到表头');
  });
});

describe('cell parsers', () => {
  it('grades, amounts and dates', () => {
    expect(['一级', '2级', '3', 'c级', 'D'].map(normaliseGrade)).toEqual(['1', '2', '3', 'C', 'D']);
    expect([parseAmount('1,234.5元'), parseAmount(12), parseAmount('abc')]).toEqual([1234.5, 12, null]);
    expect([parseDate('2026年2月3日'), parseDate('20260203'), parseDate('2026-02-30')]).toEqual([
      '2026-02-03',
      '2026-02-03',
      null,
    ]);
  });
});
