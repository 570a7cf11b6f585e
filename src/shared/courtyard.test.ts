import { describe, expect, it } from 'vitest';
import {
  CRITERIA_DEFAULTS,
  countyProgress,
  householdShortfalls,
  incomeSharePercent,
  isBoundCounty,
  previousStage,
  villageShortfalls,
} from './courtyard.js';

const ok = {
  householdType: 'exited_poverty',
  activities: ['planting'],
  netIncome: '3000.00',
  cleanYard: true,
};

describe('courtyard demo criteria', () => {
  it('passes a 脱贫户 with one activity, 3,000 元 and a clean yard', () => {
    expect(householdShortfalls(ok, CRITERIA_DEFAULTS)).toEqual([]);
    expect(householdShortfalls({ ...ok, householdType: 'monitored' }, CRITERIA_DEFAULTS)).toEqual([]);
  });

  it('lists every shortfall of a household', () => {
    const gaps = householdShortfalls(
      { householdType: 'ordinary', activities: [], netIncome: '2999.99', cleanYard: false },
      CRITERIA_DEFAULTS,
    );
    expect(gaps).toHaveLength(4);
    expect(gaps[2]).toContain('2999.99');
    expect(householdShortfalls({ ...ok, netIncome: null }, CRITERIA_DEFAULTS)).toEqual([
      '尚未验收庭院经济纯收入',
    ]);
    expect(
      householdShortfalls({ ...ok, cleanYard: null }, { ...CRITERIA_DEFAULTS, requireCleanYard: false }),
    ).toEqual([]);
  });

  it('checks a village: ≥ 10 demo households and ≥ 20 % with courtyard income, exactly', () => {
    expect(
      villageShortfalls({ demoHouseholds: 10, households: 50, withCourtyardIncome: 10 }, CRITERIA_DEFAULTS),
    ).toEqual([]);
    const gaps = villageShortfalls(
      { demoHouseholds: 9, households: 51, withCourtyardIncome: 10 },
      CRITERIA_DEFAULTS,
    );
    expect(gaps).toHaveLength(2);
    expect(gaps[1]).toContain('19.61%');
    expect(incomeSharePercent({ demoHouseholds: 0, households: 0, withCourtyardIncome: 0 })).toBe('0.00');
    expect(
      villageShortfalls({ demoHouseholds: 10, households: 0, withCourtyardIncome: 0 }, CRITERIA_DEFAULTS),
    ).toHaveLength(1);
  });

  it('computes a county’s 5 × 10 progress', () => {
    const p = countyProgress(
      { namedVillages: 2, namedHouseholdsByVillage: [10, 7], namedHouseholds: 17, incomeTotal: '60000.01' },
      CRITERIA_DEFAULTS,
    );
    expect(p).toEqual({
      villagesRatio: '2/5',
      fullVillages: 1,
      householdsPerVillage: '8.5',
      averageIncome: '3529.41',
      met: false,
    });
    expect(
      countyProgress(
        { namedVillages: 0, namedHouseholdsByVillage: [], namedHouseholds: 0, incomeTotal: '0.00' },
        CRITERIA_DEFAULTS,
      ).averageIncome,
    ).toBe('0.00');
  });

  it('knows the bound counties and the stage before', () => {
    expect(isBoundCounty('内乡县')).toBe(true);
    expect(isBoundCounty('宛城区')).toBe(false);
    expect(previousStage('accepted')).toBe('building');
    expect(previousStage('named')).toBeNull();
  });
});
