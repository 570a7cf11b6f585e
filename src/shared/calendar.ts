/**
 * Calendar dates as ISO strings (YYYY-MM-DD) in China's time zone. Deadlines are counted in Asia/Shanghai
 * calendar days: at 07:00 Beijing time it is still yesterday in UTC, and a deadline must not slip by a day.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China has no daylight saving time.

export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The month (YYYY-MM) a Shanghai date falls in. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/**
 * The ISO date of a Date that stands for a calendar day at UTC midnight (built with `Date.UTC`, or a date cell
 * read from a spreadsheet). Not for "today": that is `clock().today()`.
 */
export function isoDateOfUtcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toUtc(isoDate: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
    throw new Error(`not an ISO date: ${isoDate}`);
  }
  return new Date(`${isoDate}T00:00:00Z`);
}

export function addDays(isoDate: string, days: number): string {
  const d = toUtc(isoDate);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDateOfUtcDay(d);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (01-31 + 1 → 02-28). */
export function addMonths(isoDate: string, months: number): string {
  const d = toUtc(isoDate);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return isoDateOfUtcDay(d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** First and last day of a month given as YYYY-MM. */
export function monthBounds(month: string): { first: string; last: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new Error(`not a month: ${month}`);
  }
  const first = `${month}-01`;
  return { first, last: addDays(addMonths(first, 1), -1) };
}

/** The month before the one `isoDate` falls in (YYYY-MM). */
export function previousMonth(isoDate: string): string {
  return monthOf(addMonths(`${monthOf(isoDate)}-01`, -1));
}
