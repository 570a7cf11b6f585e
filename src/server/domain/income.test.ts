import { describe, expect, it } from 'vitest';
import { amountInWindow, incomeWindow, summariseIncome } from './income.js';

describe('income window', () => {
  it('is the 12 months ending the month before the reference date', () => {
    expect(incomeWindow('2023-05-15')).toEqual({ start: '2022-05-01', end: '2023-04-30' });
    expect(incomeWindow('2024-01-02')).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(incomeWindow('2024-03-31', 12)).toEqual({ start: '2022-03-01', end: '2023-02-28' });
  });

  it('counts an entry pro rata by the months it shares with the window', () => {
    const window = incomeWindow('2023-05-15');
    const entry = {
      category: 'wage' as const,
      amount: '12000',
      isCounted: true,
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
    };
    expect(amountInWindow(entry, window)).toBe('8000.00'); // May–Dec 2022
    expect(amountInWindow({ ...entry, periodStart: '2021-01-01', periodEnd: '2021-12-31' }, window)).toBe(
      '0.00',
    );
  });
});

describe('per-capita net income', () => {
  const window = incomeWindow('2023-05-15');
  const year = { periodStart: '2022-05-01', periodEnd: '2023-04-30' };

  it('adds the income categories, subtracts production costs and divides by household size', () => {
    const summary = summariseIncome(
      [
        { category: 'wage', amount: '20000', isCounted: true, ...year },
        { category: 'business', amount: '6000', isCounted: true, ...year },
        { category: 'transfer', amount: '2400', isCounted: true, ...year },
        { category: 'production_cost', amount: '1400', isCounted: true, ...year },
      ],
      3,
      window,
    );
    expect(summary.netIncome).toBe('27000.00');
    expect(summary.perCapita).toBe('9000.00');
    expect(summary.byCategory.production_cost).toBe('1400.00');
  });

  it('leaves out entries flagged as not counted (e.g. a relocation grant)', () => {
    const summary = summariseIncome(
      [
        { category: 'wage', amount: '15000', isCounted: true, ...year },
        { category: 'transfer', amount: '30000', isCounted: false, ...year },
      ],
      2,
      window,
    );
    expect(summary.perCapita).toBe('7500.00');
  });

  it('adds amounts exactly and rounds shares and the per-capita figure half up to the fen', () => {
    const summary = summariseIncome(
      [
        { category: 'wage', amount: '0.10', isCounted: true, ...year },
        { category: 'wage', amount: '0.20', isCounted: true, ...year },
        { category: 'wage', amount: '0.30', isCounted: true, ...year },
      ],
      4,
      window,
    );
    expect(summary.byCategory.wage).toBe('0.60');
    expect(summary.netIncome).toBe('0.60');
    expect(summary.perCapita).toBe('0.15');
    // 100.00 over three months, one of them in the window: 33.333… → 33.33; 0.05 ÷ 2 = 0.025 → 0.03.
    const entry = { category: 'wage' as const, amount: '100.00', isCounted: true };
    expect(amountInWindow({ ...entry, periodStart: '2023-04-01', periodEnd: '2023-06-30' }, window)).toBe(
      '33.33',
    );
    expect(summariseIncome([{ ...entry, amount: '0.05', ...year }], 2, window).perCapita).toBe('0.03');
    const loss = summariseIncome(
      [{ ...entry, category: 'production_cost', amount: '0.05', ...year }],
      2,
      window,
    );
    expect(loss.perCapita).toBe('-0.03');
  });

  it('has no per-capita figure for a household without members', () => {
    expect(summariseIncome([], 0, window).perCapita).toBeNull();
  });
});
