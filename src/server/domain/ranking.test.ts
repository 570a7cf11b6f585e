import { describe, expect, it } from 'vitest';
import { laggardsOf, quarterMonths, quarterOf, rank } from './ranking.js';

const weights = { identification_on_time: 50, measure_coverage: 50 };

describe('quarterly ranking', () => {
  it('scores the weighted mean of the rates, ranks high to low and explains each indicator', () => {
    const rows = rank(
      [
        {
          code: 'a',
          name: '甲',
          measures: {
            identification_on_time: { good: 9, total: 10 },
            measure_coverage: { good: 1, total: 2 },
          },
        },
        {
          code: 'b',
          name: '乙',
          measures: {
            identification_on_time: { good: 10, total: 10 },
            measure_coverage: { good: 4, total: 4 },
          },
        },
      ],
      weights,
    );
    expect(rows.map((r) => [r.name, r.rank, r.score])).toEqual([
      ['乙', 1, 100],
      ['甲', 2, 70],
    ]);
    expect(rows[1]?.indicators.find((i) => i.indicator === 'measure_coverage')).toMatchObject({
      rate: 0.5,
      good: 1,
      total: 2,
      weight: 50,
      points: 25,
    });
  });

  it('leaves out an indicator with nothing to judge rather than scoring it zero', () => {
    const [row] = rank(
      [
        {
          code: 'a',
          name: '甲',
          measures: {
            identification_on_time: { good: 0, total: 0 },
            measure_coverage: { good: 3, total: 4 },
          },
        },
      ],
      weights,
    );
    expect(row?.score).toBe(75);
    expect(row?.indicators.find((i) => i.indicator === 'identification_on_time')?.rate).toBeNull();
  });

  it('gives tied scores the same rank', () => {
    const same = { identification_on_time: { good: 1, total: 2 } };
    const rows = rank(
      [
        { code: 'a', name: '甲', measures: { identification_on_time: { good: 2, total: 2 } } },
        { code: 'b', name: '乙', measures: same },
        { code: 'c', name: '丙', measures: same },
      ],
      weights,
    );
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 2]);
  });

  it('knows quarters', () => {
    expect(quarterOf('2026-11-29')).toBe('2026Q4');
    expect(quarterOf('2026-03-31')).toBe('2026Q1');
    expect(quarterMonths('2026Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(() => quarterMonths('2026Q5')).toThrow();
  });
});

describe('ties, no data and the units named for rectification', () => {
  const unit = (code: string, good: number | null) => ({
    code,
    name: code,
    measures: good === null ? {} : { identification_on_time: { good, total: 10 } },
  });
  it('ranks ties together and leaves units without data unranked', () => {
    const rows = rank([unit('a', 9), unit('b', 5), unit('c', 9), unit('d', null)], weights);
    expect(rows.map((r) => [r.code, r.rank, r.hasData])).toEqual([
      ['a', 1, true],
      ['c', 1, true],
      ['b', 3, true],
      ['d', null, false],
    ]);
  });
  it('names nobody when there is no data or everyone ties', () => {
    const empty = rank(
      Array.from({ length: 14 }, (_, i) => unit(`c${i}`, null)),
      weights,
    );
    expect(empty).toHaveLength(14);
    expect(empty.every((r) => r.rank === null)).toBe(true);
    expect(laggardsOf(empty)).toEqual([]);
    expect(laggardsOf(rank([unit('a', 5), unit('b', 5)], weights))).toEqual([]);
  });
  it('names every unit of a tied low rank, never cutting a tie by list order', () => {
    const rows = rank(
      [unit('a', 10), unit('b', 9), unit('c', 8), unit('d', 7), unit('e', 7), unit('f', null)],
      weights,
    );
    expect(laggardsOf(rows).map((r) => r.code)).toEqual(['e', 'd', 'c', 'b']);
    expect(laggardsOf(rows, 2).map((r) => r.code)).toEqual(['e', 'd', 'c']);
  });
});
