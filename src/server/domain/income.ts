import { z } from 'zod';
import type { IncomeCategory } from '../../shared/household-codes.js';

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
  amount: number;
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

/** The share of an entry that falls in the window, pro rata by whole months. */
export function amountInWindow(entry: IncomeEntry, window: MonthWindow): number {
  const entryMonths = monthIndex(entry.periodEnd) - monthIndex(entry.periodStart) + 1;
  const overlap =
    Math.min(monthIndex(entry.periodEnd), monthIndex(window.end)) -
    Math.max(monthIndex(entry.periodStart), monthIndex(window.start)) +
    1;
  if (overlap <= 0 || entryMonths <= 0) {
    return 0;
  }
  return (entry.amount * overlap) / entryMonths;
}

export interface IncomeSummary {
  byCategory: Record<IncomeCategory, number>;
  netIncome: number;
  perCapita: number | null;
}

/**
 * 家庭纯收入 = wages + business + property + transfers − production costs, over the counted entries;
 * 人均纯收入 = that ÷ household size. Rounded to the fen only at the end.
 */
export function summariseIncome(
  entries: readonly IncomeEntry[],
  memberCount: number,
  window: MonthWindow,
): IncomeSummary {
  const byCategory: Record<IncomeCategory, number> = {
    wage: 0,
    business: 0,
    property: 0,
    transfer: 0,
    production_cost: 0,
  };
  for (const entry of entries) {
    if (entry.isCounted) {
      byCategory[entry.category] += amountInWindow(entry, window);
    }
  }
  const net =
    byCategory.wage +
    byCategory.business +
    byCategory.property +
    byCategory.transfer -
    byCategory.production_cost;
  const round = (n: number) => Math.round(n * 100) / 100;
  for (const key of Object.keys(byCategory) as IncomeCategory[]) {
    byCategory[key] = round(byCategory[key]);
  }
  return {
    byCategory,
    netIncome: round(net),
    perCapita: memberCount > 0 ? round(net / memberCount) : null,
  };
}
