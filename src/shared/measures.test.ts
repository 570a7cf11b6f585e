import { expect, it } from 'vitest';
import {
  DEVELOPMENTAL_CATEGORIES,
  MEASURE_CATEGORIES,
  measureRuleProblem,
  SAFETY_NET_CATEGORIES,
} from './measures.js';

it('any one developmental measure meets the rule for a household with labour capacity', () => {
  expect(DEVELOPMENTAL_CATEGORIES.length).toBeGreaterThan(0);
  for (const category of DEVELOPMENTAL_CATEGORIES) {
    expect(measureRuleProblem({ hasLabour: true, activeCategories: [category] })).toBeNull();
  }
});

it('no other category stands in for a developmental one, nor for the safety net', () => {
  const others = MEASURE_CATEGORIES.filter((c) => !DEVELOPMENTAL_CATEGORIES.includes(c));
  expect(others.length).toBeGreaterThan(0);
  expect(measureRuleProblem({ hasLabour: true, activeCategories: others })).toBe(
    'labour_without_developmental',
  );
  const notSafetyNet = MEASURE_CATEGORIES.filter((c) => !SAFETY_NET_CATEGORIES.includes(c));
  expect(notSafetyNet.length).toBeGreaterThan(0);
  expect(measureRuleProblem({ hasLabour: false, activeCategories: notSafetyNet })).toBe(
    'no_labour_without_safety_net',
  );
});

it('a case without any active measure fails the rule either way', () => {
  expect(measureRuleProblem({ hasLabour: true, activeCategories: [] })).toBe('labour_without_developmental');
  expect(measureRuleProblem({ hasLabour: false, activeCategories: [] })).toBe('no_labour_without_safety_net');
});
