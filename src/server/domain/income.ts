import { z } from 'zod';
import type { IncomeCategory } from '../../shared/household-codes.js';
import { fromCents, toCents } from '../../shared/money.js';

/** A month-aligned window: the first day of its first month to the last day of its last month. */
export interface MonthWindow {
  start: string; // YYYY-MM-01
  end: string; // YYYY-MM-last
}

/** A MonthWindow as a stored job input is checked (jobs/job-runner.ts). */
export const ZMonthWindow = z.object({
  start: z.string().regex(/^\d{4}-\d{2}-01$/),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export interface IncomeEntry {
  category: IncomeCategory;
  /** 元, a decimal string of at most two decimals. */
  amount: string;
  isCounted: boolean;
  periodStart: string;
  periodEnd: string;
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthStart(index: number): string {
  const year = Math.floor((index - 1) / 12);
  const month = index - year * 12;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

function monthEnd(index: number): string {
  const year = Math.floor((index - 1) / 12);
  return lastDayOf(year, index - year * 12);
}

/**
 * The rolling 12 months used for income: they end with the month before the reference date
 * (screening on 2023-05-15 uses 2022-05 to 2023-04, as Henan's May 2023 round did).
 */
export function incomeWindow(referenceDate: string, monthsBack = 0): MonthWindow {
  const last = monthIndex(referenceDate) - 1 - monthsBack;
  return { start: monthStart(last - 11), end: monthEnd(last) };
}

/**
 * `numerator / denominator` rounded half away from zero, as PostgreSQL's `round(numeric)` does
 * (the SQL twin is income-sql.ts); the denominator is positive.
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const abs = numerator < 0n ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

/**
 * The share of an entry that falls in the window in fen, pro rata by whole months and rounded half up
 * to the fen: a share is an amount of money, so every sum after it is exact.
 */
export function centsInWindow(entry: IncomeEntry, window: MonthWindow): bigint {
  const entryMonths = monthIndex(entry.periodEnd) - monthIndex(entry.periodStart) + 1;
  const overlap =
    Math.min(monthIndex(entry.periodEnd), monthIndex(window.end)) -
    Math.max(monthIndex(entry.periodStart), monthIndex(window.start)) +
    1;
  if (overlap <= 0 || entryMonths <= 0) {
    return 0n;
  }
  return divideRounded(toCents(entry.amount) * BigInt(overlap), BigInt(entryMonths));
}

/** centsInWindow as a decimal string ("8000.00"). */
export function amountInWindow(entry: IncomeEntry, window: MonthWindow): string {
  return fromCents(centsInWindow(entry, window));
}

export interface IncomeSummary {
  byCategory: Record<IncomeCategory, string>;
  netIncome: string;
  perCapita: string | null;
}

/**
 * 家庭纯收入 = wages + business + property + transfers − production costs, over the counted entries;
 * 人均纯收入 = that ÷ household size, rounded half up to the fen. Exact: integer fen throughout.
 */
export function summariseIncome(
  entries: readonly IncomeEntry[],
  memberCount: number,
  window: MonthWindow,
): IncomeSummary {
  const cents: Record<IncomeCategory, bigint> = {
    wage: 0n,
    business: 0n,
    property: 0n,
    transfer: 0n,
    production_cost: 0n,
  };
  for (const entry of entries) {
    if (entry.isCounted) {
      cents[entry.category] += centsInWindow(entry, window);
    }
  }
  const net = cents.wage + cents.business + cents.property + cents.transfer - cents.production_cost;
  return {
    byCategory: {
      wage: fromCents(cents.wage),
      business: fromCents(cents.business),
      property: fromCents(cents.property),
      transfer: fromCents(cents.transfer),
      production_cost: fromCents(cents.production_cost),
    },
    netIncome: fromCents(net),
    perCapita: memberCount > 0 ? fromCents(divideRounded(net, BigInt(memberCount))) : null,
  };
}
