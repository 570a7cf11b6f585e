import { describe, expect, it } from 'vitest';
import { computeReward, holderOf, isSampled, SAMPLE_EVERY } from './industry-rewards.js';

const scheme = { ratePercent: '20', unitCap: '500.00', householdCap: '5000.00', otherClaimsThisYear: '0' };

describe('industry reward (产业奖补) computation', () => {
  it('pays the rate of the net income when no cap bites', () => {
    // 3 亩 of mushrooms: 18,000 revenue − 12,000 cost = 6,000 net; 20 % = 1,200 (cap 3 × 500 = 1,500).
    expect(computeReward({ ...scheme, scale: '3', revenue: '18000', cost: '12000' })).toEqual({
      netIncome: '6000.00',
      byRate: '1200.00',
      reward: '1200.00',
      capApplied: null,
    });
  });

  it('caps per 亩, with fractional 亩 and the fen rounded half up', () => {
    // 2.5 亩: 30,000 net × 20 % = 6,000, but 2.5 × 500 = 1,250.
    expect(computeReward({ ...scheme, scale: '2.5', revenue: '40000', cost: '10000' })).toMatchObject({
      byRate: '6000.00',
      reward: '1250.00',
      capApplied: 'unit',
    });
    // 1.33 亩 × 333.33 = 443.3289 → 443.33; the rate gives 1,000.
    expect(
      computeReward({ ...scheme, unitCap: '333.33', scale: '1.33', revenue: '5000', cost: '0' }),
    ).toMatchObject({ reward: '443.33', capApplied: 'unit' });
    // 20.5 % of 1,234.57 = 253.08685 → 253.09.
    expect(
      computeReward({ ...scheme, ratePercent: '20.5', scale: '10', revenue: '1234.57', cost: '0' }),
    ).toMatchObject({ reward: '253.09', capApplied: null });
  });

  it('caps per household a year, counting the household’s other claims', () => {
    // 20 亩: 100,000 net × 20 % = 20,000; 20 × 500 = 10,000; household cap 5,000 with 4,200 used: 800 left.
    expect(
      computeReward({
        ...scheme,
        scale: '20',
        revenue: '150000',
        cost: '50000',
        otherClaimsThisYear: '4200',
      }),
    ).toMatchObject({ byRate: '20000.00', reward: '800.00', capApplied: 'household' });
    expect(
      computeReward({
        ...scheme,
        scale: '20',
        revenue: '150000',
        cost: '50000',
        otherClaimsThisYear: '6000',
      }),
    ).toMatchObject({ reward: '0.00', capApplied: 'household' });
  });

  it('pays nothing on a loss, and has no per-unit cap when the scheme sets none', () => {
    expect(computeReward({ ...scheme, scale: '3', revenue: '5000', cost: '8000' })).toMatchObject({
      netIncome: '0.00',
      reward: '0.00',
    });
    expect(
      computeReward({ ...scheme, unitCap: null, scale: '1', revenue: '20000', cost: '0' }),
    ).toMatchObject({ reward: '4000.00', capApplied: null });
  });

  it('samples about one claim in five, fixed by the claim, and knows who holds each stage', () => {
    const sampled = Array.from({ length: 1000 }, (_, i) => i + 1).filter(isSampled).length;
    expect(sampled).toBeGreaterThan(1000 / SAMPLE_EVERY - 60);
    expect(sampled).toBeLessThan(1000 / SAMPLE_EVERY + 60);
    expect(isSampled(17)).toBe(isSampled(17));
    expect(holderOf('declared')).toBe('village');
    expect(holderOf('notice')).toBe('township');
    expect(holderOf('town_reviewed')).toBe('county');
    expect(holderOf('paid')).toBeNull();
  });
});
