/** Assistance measure categories of the national form (domain.md §5), in its order. */
export const MEASURE_CATEGORIES = [
  'industry',
  'employment',
  'finance',
  'public_job',
  'health',
  'compulsory_education',
  'other_education',
  'safety_net',
  'housing',
  'water',
  'social',
  'relocation',
  'living_conditions',
  'infrastructure',
] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];

/** 开发式 (developmental) measures: what a household with labour capacity must have at least one of. */
export const DEVELOPMENTAL_CATEGORIES: readonly MeasureCategory[] = [
  'industry',
  'employment',
  'finance',
  'public_job',
  'other_education',
];
/** 综合保障 (safety net): what a household without labour capacity must have. */
export const SAFETY_NET_CATEGORIES: readonly MeasureCategory[] = ['safety_net'];

export interface MeasureCoverage {
  hasLabour: boolean;
  activeCategories: readonly string[];
}

/**
 * Point 3 of the work plan: a household with labour capacity has at least one developmental measure;
 * one without has safety-net measures. Returns the problem, or null when the rule holds.
 */
export function measureRuleProblem(
  c: MeasureCoverage,
): 'labour_without_developmental' | 'no_labour_without_safety_net' | null {
  if (c.hasLabour) {
    return c.activeCategories.some((x) => (DEVELOPMENTAL_CATEGORIES as readonly string[]).includes(x))
      ? null
      : 'labour_without_developmental';
  }
  return c.activeCategories.some((x) => (SAFETY_NET_CATEGORIES as readonly string[]).includes(x))
    ? null
    : 'no_labour_without_safety_net';
}
