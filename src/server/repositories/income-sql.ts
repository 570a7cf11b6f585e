import { type RawBuilder, sql } from 'kysely';
import type { MonthWindow } from '../domain/income.js';

/** `year * 12 + month` of a date column, the month arithmetic the income window uses (as domain/income.ts). */
export const monthIndexSql = (column: string) =>
  sql.raw(`(date_part('year', ${column})::int * 12 + date_part('month', ${column})::int)`);

/** The same index for a window bound, as an integer literal. */
export const monthIndexOf = (isoDate: string): RawBuilder<number> =>
  sql<number>`${Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7))}::int`;

/**
 * The share of an income entry (columns x.amount, x.s, x.e = its month indexes) that falls in `window`,
 * pro rata by whole months and rounded half up to the fen, as domain/income.ts centsInWindow: numeric,
 * never a float, so the sums are exact.
 */
export function shareInWindowSql(window: MonthWindow) {
  const ws = monthIndexOf(window.start);
  const we = monthIndexOf(window.end);
  return sql<string>`round(x.amount * greatest(0, least(x.e, ${we}) - greatest(x.s, ${ws}) + 1) / (x.e - x.s + 1), 2)`;
}
