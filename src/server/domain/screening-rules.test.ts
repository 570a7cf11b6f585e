import { describe, expect, it } from 'vitest';
import { DEFAULT_SCREENING_RULES, type ScreeningFacts, screenHousehold } from './screening-rules.js';

const ok = { education: 'ok', medical: 'ok', housing: 'ok', water: 'ok' } as const;
const facts = (overrides: Partial<ScreeningFacts> = {}): ScreeningFacts => ({
  householdType: 'ordinary',
  perCapita: '15000.00',
  previousPerCapita: '15000.00',
  guarantees: ok,
  medicalOutOfPocket: '0.00',
  ...overrides,
});
const screen = (f: ScreeningFacts, rules = DEFAULT_SCREENING_RULES) => screenHousehold(f, rules, '7500.00');

describe('screening rules', () => {
  it('raises nothing for a household well above the line with its guarantees met', () => {
    expect(screen(facts())).toEqual([]);
  });

  it('flags income below the line', () => {
    expect(screen(facts({ perCapita: '7499.99', previousPerCapita: '7400.00' }))).toEqual([
      'income_below_line',
    ]);
    expect(screen(facts({ perCapita: '7500.00', previousPerCapita: '7500.00' }))).toEqual([
      'income_near_line',
    ]);
  });

  it('flags income within the margin above the line', () => {
    expect(screen(facts({ perCapita: '8999.00', previousPerCapita: '8999.00' }))).toEqual([
      'income_near_line',
    ]);
    expect(screen(facts({ perCapita: '9000.00', previousPerCapita: '9000.00' }))).toEqual([]);
    const wider = { ...DEFAULT_SCREENING_RULES, nearLine: { enabled: true, marginPercent: 50 } };
    expect(screen(facts({ perCapita: '11000.00', previousPerCapita: '11000.00' }), wider)).toEqual([
      'income_near_line',
    ]);
  });

  it('flags a sharp drop against the previous 12 months', () => {
    expect(screen(facts({ perCapita: '14000.00', previousPerCapita: '20000.00' }))).toEqual(['income_drop']);
    expect(screen(facts({ perCapita: '14001.00', previousPerCapita: '20000.00' }))).toEqual([]);
    expect(screen(facts({ perCapita: '14000.00', previousPerCapita: null }))).toEqual([]);
  });

  it('flags each failing guarantee', () => {
    expect(screen(facts({ guarantees: { ...ok, housing: 'problem', water: 'problem' } }))).toEqual([
      'guarantee_housing',
      'guarantee_water',
    ]);
    expect(screen(facts({ guarantees: { ...ok, housing: 'unknown' } }))).toEqual([]);
  });

  it('flags rigid medical spending above the threshold', () => {
    expect(screen(facts({ medicalOutOfPocket: '20001.00' }))).toEqual(['medical_spending']);
    expect(screen(facts({ medicalOutOfPocket: '20000.00' }))).toEqual([]);
  });

  it('screens only the household types the rules name, and skips disabled rules', () => {
    const onlyExited = { ...DEFAULT_SCREENING_RULES, householdTypes: ['exited_poverty' as const] };
    expect(screen(facts({ perCapita: '5000.00' }), onlyExited)).toEqual([]);
    const noIncome = {
      ...DEFAULT_SCREENING_RULES,
      incomeBelowLine: { enabled: false },
      nearLine: { enabled: false, marginPercent: 20 },
    };
    expect(screen(facts({ perCapita: '5000.00', previousPerCapita: '5000.00' }), noIncome)).toEqual([]);
  });
});
