import { addMonths } from '../../shared/calendar.js';

/** Point 15 of the plan: monthly for 脱贫户 and 监测户, quarterly for other low-income, half-yearly otherwise. */
export const DEFAULT_VISIT_MONTHS: Record<string, number> = {
  exited_poverty: 1,
  monitored: 1,
  low_income: 3,
  ordinary: 6,
};

/**
 * When the next visit is due: the cadence after the last visit; a household never visited is due from
 * `since` (when it entered the registry or the policy began).
 */
export function nextVisitDue(lastVisitedOn: string | null, months: number, since: string): string {
  return lastVisitedOn ? addMonths(lastVisitedOn, months) : since;
}

export function isVisitOverdue(dueOn: string, today: string): boolean {
  return dueOn < today;
}
