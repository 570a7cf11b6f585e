import { addDays } from './calendar.js';

/**
 * Working days (工作日) on the official calendar: Monday to Friday, except the public holidays, plus the weekend
 * days made working days (调休上班). Deadlines the rules count in working days (the 信访工作条例's 5 working days,
 * a fund allocation's announcement within 5 working days) use it; plain day counts use `calendar.ts`.
 */
export interface HolidayCalendar {
  /** Days off that would otherwise be working days, and weekend days inside a holiday (ISO dates). */
  holidays: ReadonlySet<string>;
  /** Saturdays and Sundays that are working days (调休上班). */
  workingWeekends: ReadonlySet<string>;
}

/** Every day from `first` to `last`, inclusive. */
function span(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    days.push(d);
  }
  return days;
}

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (dated 2025-11-04, published by 新华社). A year without
 * a notice here counts Monday to Friday only: add the year's notice when the State Council issues it (each
 * November for the next year).
 */
export const OFFICIAL_CALENDAR: HolidayCalendar = {
  holidays: new Set([
    ...span('2026-01-01', '2026-01-03'), // 元旦
    ...span('2026-02-15', '2026-02-23'), // 春节
    ...span('2026-04-04', '2026-04-06'), // 清明节
    ...span('2026-05-01', '2026-05-05'), // 劳动节
    ...span('2026-06-19', '2026-06-21'), // 端午节
    ...span('2026-09-25', '2026-09-27'), // 中秋节
    ...span('2026-10-01', '2026-10-07'), // 国庆节
  ]),
  workingWeekends: new Set([
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ]),
};

export function isWorkingDay(isoDate: string, calendar: HolidayCalendar = OFFICIAL_CALENDAR): boolean {
  if (calendar.workingWeekends.has(isoDate)) {
    return true;
  }
  if (calendar.holidays.has(isoDate)) {
    return false;
  }
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: HolidayCalendar = OFFICIAL_CALENDAR,
): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isWorkingDay(d, calendar)) {
      count += 1;
    }
  }
  return count;
}

/** The last day of "within `n` working days" counted from the day after `from`. */
export function addWorkingDays(
  from: string,
  n: number,
  calendar: HolidayCalendar = OFFICIAL_CALENDAR,
): string {
  let d = from;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) {
      left -= 1;
    }
  }
  return d;
}
