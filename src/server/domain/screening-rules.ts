import { z } from 'zod';
import { HOUSEHOLD_TYPES } from '../../shared/household-codes.js';
import { MONEY_PATTERN, toCents, toSignedCents } from '../../shared/money.js';
import type { Guarantees } from './guarantees.js';

/** Screening rules and thresholds are data an administrator edits; these are the defaults. */
export const ZScreeningRules = z.object({
  householdTypes: z.array(z.enum(HOUSEHOLD_TYPES)).min(1),
  incomeBelowLine: z.object({ enabled: z.boolean() }),
  nearLine: z.object({ enabled: z.boolean(), marginPercent: z.number().min(0).max(200) }),
  sharpDrop: z.object({ enabled: z.boolean(), dropPercent: z.number().min(1).max(100) }),
  guarantees: z.object({ enabled: z.boolean() }),
  medicalSpending: z.object({
    enabled: z.boolean(),
    /** 元, a decimal string like every amount (exact; never a float). */
    threshold: z.string().trim().regex(MONEY_PATTERN, '金额格式应为不超过两位小数的数字，如 20000.00'),
  }),
});
export type ScreeningRules = z.infer<typeof ZScreeningRules>;

export const DEFAULT_SCREENING_RULES: ScreeningRules = {
  householdTypes: [...HOUSEHOLD_TYPES],
  incomeBelowLine: { enabled: true },
  // UNCONFIRMED in the sources: how far above the line counts as "near"; 20 % is a default to tune.
  nearLine: { enabled: true, marginPercent: 20 },
  sharpDrop: { enabled: true, dropPercent: 30 },
  guarantees: { enabled: true },
  // 医保 alerts use 2万元 of out-of-pocket spending after reimbursement (domain.md §7).
  medicalSpending: { enabled: true, threshold: '20000.00' },
};

export const REASON_CODES = [
  'income_below_line',
  'income_near_line',
  'income_drop',
  'guarantee_education',
  'guarantee_medical',
  'guarantee_housing',
  'guarantee_water',
  'medical_spending',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const REASON_LABELS: Record<ReasonCode, string> = {
  income_below_line: '人均纯收入低于监测范围',
  income_near_line: '人均纯收入略高于监测范围',
  income_drop: '人均纯收入大幅下降',
  guarantee_education: '义务教育保障有问题（适龄儿童失学辍学）',
  guarantee_medical: '基本医疗保障有问题（有成员未参保）',
  guarantee_housing: '住房安全有问题（C/D级危房或无房）',
  guarantee_water: '饮水安全有问题',
  medical_spending: '医疗自付支出超过阈值',
};

export interface ScreeningFacts {
  householdType: (typeof HOUSEHOLD_TYPES)[number];
  /** 元, decimal strings (a negative per-capita income is possible: costs above income). */
  perCapita: string | null;
  previousPerCapita: string | null;
  guarantees: Guarantees;
  medicalOutOfPocket: string;
}

/** A percent of the rules (up to two decimals) in basis points, exactly: 20 → 2000n. */
const basisPoints = (percent: number) => BigInt(Math.round(percent * 100));

/**
 * The reasons one household is a lead. The set-based SQL in screening.repository.ts applies the same
 * rules to every household at once; a test checks the two agree on a generated population.
 */
export function screenHousehold(
  facts: ScreeningFacts,
  rules: ScreeningRules,
  lineAmount: string,
): ReasonCode[] {
  if (!rules.householdTypes.includes(facts.householdType)) {
    return [];
  }
  // Compared in fen (× 10,000 for the percent factors), exactly as the SQL compares numerics.
  const line = toCents(lineAmount);
  const reasons: ReasonCode[] = [];
  const income = facts.perCapita === null ? null : toSignedCents(facts.perCapita);
  if (income !== null) {
    if (rules.incomeBelowLine.enabled && income < line) {
      reasons.push('income_below_line');
    } else if (
      rules.nearLine.enabled &&
      income * 10_000n < line * (10_000n + basisPoints(rules.nearLine.marginPercent))
    ) {
      reasons.push('income_near_line');
    }
    const previous = facts.previousPerCapita === null ? null : toSignedCents(facts.previousPerCapita);
    if (
      rules.sharpDrop.enabled &&
      previous !== null &&
      previous > 0n &&
      income * 10_000n <= previous * (10_000n - basisPoints(rules.sharpDrop.dropPercent))
    ) {
      reasons.push('income_drop');
    }
  }
  if (rules.guarantees.enabled) {
    if (facts.guarantees.education === 'problem') {
      reasons.push('guarantee_education');
    }
    if (facts.guarantees.medical === 'problem') {
      reasons.push('guarantee_medical');
    }
    if (facts.guarantees.housing === 'problem') {
      reasons.push('guarantee_housing');
    }
    if (facts.guarantees.water === 'problem') {
      reasons.push('guarantee_water');
    }
  }
  if (
    rules.medicalSpending.enabled &&
    toCents(facts.medicalOutOfPocket) > toCents(rules.medicalSpending.threshold)
  ) {
    reasons.push('medical_spending');
  }
  return reasons;
}
