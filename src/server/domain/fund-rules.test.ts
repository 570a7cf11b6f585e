import { describe, expect, it } from 'vitest';
import { bpToPercent, fromCents, ratioBp, sumMoney, toCents } from '../../shared/money.js';
import { industryShare, milestoneStatus, spendRateBp, timeProportionalBp } from './fund-rules.js';

describe('money', () => {
  it('parses and prints exact amounts', () => {
    expect(toCents('1234.5')).toBe(123450n);
    expect(toCents('0.07')).toBe(7n);
    expect(fromCents(123450n)).toBe('1234.50');
    expect(fromCents(-5n)).toBe('-0.05');
    expect(() => toCents('1.234')).toThrow();
    expect(() => toCents('-1')).toThrow();
  });
  it('sums without floating point', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point.
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
  });
  it('rounds ratios half up in basis points', () => {
    expect(ratioBp(1n, 3n)).toBe(3333);
    expect(ratioBp(2n, 3n)).toBe(6667);
    expect(ratioBp(1n, 8n)).toBe(1250);
    expect(ratioBp(5n, 0n)).toBe(0);
    expect(bpToPercent(4202)).toBe('42.02');
    expect(bpToPercent(-868)).toBe('-8.68');
  });
});

describe('spend rate and milestones', () => {
  // A county received 12,345,678.90 and spent 5,185,185.14 by the end of April: 42.00 %.
  const rate = spendRateBp(toCents('5185185.14'), toCents('12345678.90'));
  it('computes the spend rate', () => {
    expect(rate).toBe(4200);
  });
  it('measures against the milestone being worked towards', () => {
    const april = milestoneStatus(rate, '2026-04-30');
    expect(april.target).toEqual({ dueOn: '2026-04-30', bp: 3000 });
    expect(april.gapBp).toBe(1200);
    expect(april.lastPassed).toBeNull();
    const may = milestoneStatus(rate, '2026-05-31');
    expect(may.target).toEqual({ dueOn: '2026-06-30', bp: 5000 });
    expect(may.gapBp).toBe(-800);
    expect(may.lastPassed).toEqual({ dueOn: '2026-04-30', bp: 3000, shortfallBp: 0 });
    const october = milestoneStatus(rate, '2026-10-31');
    expect(october.target.bp).toBe(10000);
    expect(october.lastPassed).toEqual({ dueOn: '2026-09-30', bp: 7500, shortfallBp: 3300 });
  });
  it('follows the time-proportional curve', () => {
    expect(timeProportionalBp('2026-04-30')).toBe(3333);
    expect(timeProportionalBp('2026-06-30')).toBe(5000);
    expect(timeProportionalBp('2026-12-31')).toBe(10000);
    // The Gansu figure: 42.02 % at end of April is 8.69 points above 33.33 % (8.68 with unrounded 序时进度).
    expect(4202 - timeProportionalBp('2026-04-30')).toBe(869);
  });
});

describe('industry share', () => {
  it('needs 60 % and not less than last year', () => {
    expect(industryShare(6000n, 10000n, null)).toMatchObject({ bp: 6000, isMet: true });
    expect(industryShare(5999n, 10000n, null)).toMatchObject({ meetsMinimum: false, isMet: false });
    expect(industryShare(6500n, 10000n, 6600)).toMatchObject({
      meetsMinimum: true,
      notBelowLastYear: false,
      isMet: false,
    });
    expect(industryShare(0n, 0n, null).bp).toBe(0);
  });
});
