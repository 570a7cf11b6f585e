import { addMonths } from '../../shared/calendar.js';

/** Point 15 of the plan: monthly for 脱贫户 and 监测户, quarterly for other low-income, half-yearly otherwise. */
export const DEFAULT_VISIT_MONTHS: Record<string, number> = {
  exited_poverty: 1,
  monitored: 1,
  low_income: 3,
  ordinary: 6,
};

/**
 * When the next visit is due: the cadence after the last visit; a household never visited is due one cadence
 * after `enteredOn` (the day it entered the registry), not on that day. The SQL twin is
 * repositories/visit-due-sql.ts.
 */
export function nextVisitDue(lastVisitedOn: string | null, months: number, enteredOn: string): string {
  return addMonths(lastVisitedOn ?? enteredOn, months);
}

export function isVisitOverdue(dueOn: string, today: string): boolean {
  return dueOn < today;
}
