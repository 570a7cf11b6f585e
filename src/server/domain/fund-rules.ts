import { monthBounds } from '../../shared/calendar.js';
import { ratioBp } from '../../shared/money.js';

/**
 * The disbursement and industry-share rules of connection funds (domain-cdefg §0, §D2), as pure functions
 * on integer cents and basis points (4202 = 42.02 %), so that rates are exact and tests have known answers.
 */

/** Nanyang 2023 [P29]: central funds spent ≥ 30 % by April, ≥ 50 % by June, ≥ 75 % by September, all by year end. */
export const SPEND_MILESTONES: ReadonlyArray<{ month: number; bp: number }> = [
  { month: 4, bp: 3000 },
  { month: 6, bp: 5000 },
  { month: 9, bp: 7500 },
  { month: 12, bp: 10000 },
];

/** Each county's industry share of connection funds must reach this and not fall below last year's [P5]. */
export const INDUSTRY_SHARE_MIN_BP = 6000;

/** Spent ÷ received, in basis points (0 when nothing was received). */
export function spendRateBp(paidCents: bigint, receivedCents: bigint): number {
  return ratioBp(paidCents, receivedCents);
}

export interface MilestoneStatus {
  /** The milestone being worked towards on `asOf`: the first whose month end is on or after it. */
  target: { dueOn: string; bp: number };
  /** Spend rate minus the target, in basis points (negative = behind). */
  gapBp: number;
  /** The last milestone whose month end has passed, with the shortfall when it was missed. */
  lastPassed: { dueOn: string; bp: number; shortfallBp: number } | null;
}

/** Where a spend rate stands on `asOf` against the 30/50/75/100 % milestones of `asOf`'s year. */
export function milestoneStatus(rateBp: number, asOf: string): MilestoneStatus {
  const year = asOf.slice(0, 4);
  const dated = SPEND_MILESTONES.map((m) => ({
    dueOn: monthBounds(`${year}-${String(m.month).padStart(2, '0')}`).last,
    bp: m.bp,
  }));
  const target =
    dated.find((m) => m.dueOn >= asOf) ?? (dated[dated.length - 1] as { dueOn: string; bp: number });
  const passed = dated.filter((m) => m.dueOn < asOf).pop();
  return {
    target,
    gapBp: rateBp - target.bp,
    lastPassed: passed ? { ...passed, shortfallBp: Math.max(0, passed.bp - rateBp) } : null,
  };
}

/**
 * The time-proportional curve (序时进度): the month of `asOf` ÷ 12, as the Gansu bulletin measures it at
 * month end (end of April = 33.33 %). Bulletins are dated at month end, so the month is the measure.
 */
export function timeProportionalBp(asOf: string): number {
  return ratioBp(BigInt(Number(asOf.slice(5, 7))), 12n);
}

/** Industry share of the year's allocations to projects, and whether it meets ≥ 60 % and ≥ last year. */
export function industryShare(
  industryCents: bigint,
  totalCents: bigint,
  lastYearBp: number | null,
): { bp: number; meetsMinimum: boolean; notBelowLastYear: boolean; isMet: boolean } {
  const bp = ratioBp(industryCents, totalCents);
  const meetsMinimum = bp >= INDUSTRY_SHARE_MIN_BP;
  const notBelowLastYear = lastYearBp === null || bp >= lastYearBp;
  return { bp, meetsMinimum, notBelowLastYear, isMet: meetsMinimum && notBelowLastYear };
}

/** An allocation to projects is announced within this many working days (§D1). */
export const ALLOCATION_NOTICE_WORKDAYS = 5;
