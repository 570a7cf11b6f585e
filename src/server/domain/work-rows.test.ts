import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../shared/id-number.js';
import { parseMoney, parseMonth, parseWorkRows } from './work-rows.js';

const id = (first17: string) => `${first17}${checkCharacter(first17)}`;
const A = id('41130219700101001');

describe('the 人社 work file', () => {
  it('reads the months and amounts files carry', () => {
    expect(parseMonth('2026年3月')).toBe('2026-03');
    expect(parseMonth('2026/3')).toBe('2026-03');
    expect(parseMonth('202603')).toBe('2026-03');
    expect(parseMonth('2026-03-15')).toBe('2026-03');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMoney('2,500.50元')).toBe('2500.50');
    expect(parseMoney(3200)).toBe('3200');
    expect(parseMoney('2500.123')).toBeNull();
  });

  it('finds the header under a title, maps national labels to codes, and reports each bad row', () => {
    const rows = [
      { row: 1, cells: ['务工监测信息'] },
      { row: 2, cells: ['姓名', '身份证号码', '务工开始年月', '就业渠道', '是否点对点输送', '月收入(元)'] },
      { row: 3, cells: ['张三', A, '2026-03', '帮扶车间', '是', '2600'] },
      { row: 4, cells: ['', '', '', '', '', ''] },
      { row: 5, cells: ['李四', 4.11302197001e17, '2026-03', '打零工', '', ''] },
      { row: 6, cells: ['张三', A, '2026年3月', '', '', ''] },
    ];
    const parsed = parseWorkRows(rows);
    expect(parsed.blankRows).toBe(1);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({
      channel: 'workshop',
      pointToPoint: true,
      monthlyIncome: '2600',
      category: 'other',
    });
    expect(parsed.problems.map((p) => p.row)).toEqual([5, 6]);
    expect(parsed.problems[0]?.reason).toContain('就业渠道');
    expect(parsed.problems[1]?.reason).toContain('第 3 行');
  });

  it('refuses a file without the start month column', () => {
    const parsed = parseWorkRows([{ row: 1, cells: ['姓名', '身份证号'] }]);
    expect(parsed.problems[0]?.reason).toContain('务工开始年月');
  });
});
