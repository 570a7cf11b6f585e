import { describe, expect, it } from 'vitest';
import { measureRuleProblem } from '../../shared/measures.js';
import { eliminationCriteria, meetsElimination } from './elimination.js';

const facts = {
  today: '2026-11-29',
  identifiedOn: '2026-05-01',
  perCapitaNow: '9000.00',
  lineNow: '8300.00',
  perCapitaSixMonthsAgo: '8500.00',
  lineSixMonthsAgo: '8300.00',
  measureCount: 1,
  guaranteesOk: true,
  hasOpenLead: false,
  hasLabour: true,
};

const unmet = (f: typeof facts, mode: 'assisted' | 'natural' = 'assisted') =>
  eliminationCriteria(f, mode)
    .filter((c) => c.required && !c.met)
    .map((c) => c.code);

describe('risk elimination criteria', () => {
  it('are met by a household stably above the line, monitored half a year with a measure', () => {
    expect(unmet(facts)).toEqual([]);
    expect(meetsElimination(eliminationCriteria(facts, 'assisted'))).toBe(true);
  });

  it('name each unmet criterion', () => {
    expect(unmet({ ...facts, perCapitaNow: '8000.00' })).toEqual([
      'income_above_line',
      'income_stable_half_year',
    ]);
    expect(unmet({ ...facts, perCapitaSixMonthsAgo: '8000.00' })).toEqual(['income_stable_half_year']);
    expect(unmet({ ...facts, identifiedOn: '2026-06-01' })).toEqual(['monitored_half_year']);
    expect(unmet({ ...facts, measureCount: 0 })).toEqual(['has_measure']);
    expect(unmet({ ...facts, guaranteesOk: false })).toEqual(['guarantees_secured']);
    expect(unmet({ ...facts, hasOpenLead: true })).toEqual(['no_new_risk']);
  });

  it('count six months by the calendar (identified 2026-05-29 qualifies on 2026-11-29, not the day before)', () => {
    expect(unmet({ ...facts, identifiedOn: '2026-05-29' })).toEqual([]);
    expect(unmet({ ...facts, identifiedOn: '2026-05-30' })).toEqual(['monitored_half_year']);
  });

  it('do not need a measure for natural elimination', () => {
    expect(unmet({ ...facts, measureCount: 0 }, 'natural')).toEqual([]);
  });
});

describe('measure rule (point 3)', () => {
  it('asks a developmental measure of a household with labour capacity', () => {
    expect(measureRuleProblem({ hasLabour: true, activeCategories: ['health'] })).toBe(
      'labour_without_developmental',
    );
    expect(measureRuleProblem({ hasLabour: true, activeCategories: ['health', 'employment'] })).toBeNull();
  });

  it('asks the safety net of a household without', () => {
    expect(measureRuleProblem({ hasLabour: false, activeCategories: ['industry'] })).toBe(
      'no_labour_without_safety_net',
    );
    expect(measureRuleProblem({ hasLabour: false, activeCategories: ['safety_net'] })).toBeNull();
  });
});
