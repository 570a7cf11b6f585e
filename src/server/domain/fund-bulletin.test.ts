import { describe, expect, it } from 'vitest';
import { sumMoney } from '../../shared/money.js';
import { buildBulletinFigures, type SummaryRow } from './fund-bulletin.js';

const row = (
  county: string,
  source: string,
  received: string,
  allocated: string,
  industry: string,
  paid: string,
): SummaryRow => ({
  county_code: county,
  source_code: source,
  received,
  allocated,
  allocated_industry: industry,
  paid,
});

describe('fund bulletin figures', () => {
  const figures = buildBulletinFigures({
    asOf: '2026-05-31',
    counties: [
      { code: 'A', name: '甲县' },
      { code: 'B', name: '乙县' },
      { code: 'C', name: '丙县' },
    ],
    sourceNames: { central: '中央衔接资金', provincial: '省级衔接资金' },
    summary: [
      row('A', 'central', '1000000.00', '900000.00', '630000.00', '420000.10'),
      row('A', 'provincial', '200000.00', '200000.00', '100000.00', '200000.00'),
      row('B', 'central', '3000000.00', '3000000.00', '1500000.00', '1650000.01'),
    ],
    lastYear: [
      row('A', 'central', '0', '100.00', '70.00', '0'),
      row('B', 'central', '0', '100.00', '40.00', '0'),
    ],
    allocationTimes: [
      { county_code: 'A', received_on: '2026-03-02', first_line_on: '2026-03-09' },
      { county_code: 'B', received_on: '2026-03-02', first_line_on: null },
    ],
  });

  it('ranks counties by spend rate with gaps to the June milestone', () => {
    expect(figures.counties.map((c) => [c.rank, c.countyName, c.spendRate])).toEqual([
      [1, '乙县', '55.00'],
      [2, '甲县', '51.67'],
      [3, '丙县', '0.00'],
    ]);
    const a = figures.counties.find((c) => c.countyCode === 'A');
    expect(a).toMatchObject({
      milestone: '50.00',
      gapToMilestone: '1.67',
      timeProportional: '41.67',
      centralSpendRate: '42.00',
    });
  });

  it('checks the industry share against 60 % and last year', () => {
    const a = figures.counties.find((c) => c.countyCode === 'A');
    const b = figures.counties.find((c) => c.countyCode === 'B');
    // 甲县 730,000 of 1,100,000 = 66.36 %, last year 70 %: above 60 % but below last year.
    expect(a).toMatchObject({
      industryShare: '66.36',
      lastYearIndustryShare: '70.00',
      industryShareMet: false,
    });
    expect(b).toMatchObject({ industryShare: '50.00', industryShareMet: false });
  });

  it('counts working days from receipt to projects, and late allocations', () => {
    expect(figures.counties.find((c) => c.countyCode === 'A')).toMatchObject({
      avgAllocationWorkdays: 5,
      lateAllocations: 0,
    });
    // 乙县 has not passed its March money down by the end of May: more than 25 working days.
    expect(figures.counties.find((c) => c.countyCode === 'B')).toMatchObject({
      avgAllocationWorkdays: null,
      lateAllocations: 1,
    });
  });

  it('adds up: totals are the sums of the county lines', () => {
    expect(figures.counties.length).toBeGreaterThan(0);
    for (const field of ['received', 'allocated', 'allocatedIndustry', 'paid', 'unpaid'] as const) {
      expect(figures.totals[field]).toBe(sumMoney(figures.counties.map((c) => c[field])));
    }
    expect(figures.totals.paid).toBe('2270000.11');
    expect(sumMoney(figures.sources.map((s) => s.received))).toBe(figures.totals.received);
  });
});
