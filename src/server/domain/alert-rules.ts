import { addDays } from '../../shared/calendar.js';
import type { AlertRuleCode, FeedType } from '../../shared/feed-types.js';
import type { HouseholdType } from '../../shared/household-codes.js';

/** An alert rule as the administrator configures it (one row of alert_rule). */
export interface AlertRule {
  code: AlertRuleCode;
  feedType: FeedType;
  threshold: number | null;
  householdTypes: readonly HouseholdType[];
  deadlineDays: number;
  enabled: boolean;
  /** How several rows of one person in a period combine: amounts add up, a status takes the latest row. */
  aggregate: RuleAggregate;
  version: number;
}

export type RuleAggregate = 'sum' | 'latest';

/** The typed fields of a matched feed row the rules read. */
export interface RuleInput {
  feedType: FeedType;
  householdType: HouseholdType;
  amount: number | null;
  grade: string | null;
  category: string | null;
  changeType: string | null;
}

/**
 * Whether a matched row raises an alert under a rule. The SQL in alert.repository (`ruleCondition`)
 * says the same thing for a whole feed at once; test/department-feeds.test.ts checks they agree.
 */
export function ruleFires(rule: AlertRule, row: RuleInput): boolean {
  if (!rule.enabled || rule.feedType !== row.feedType || !rule.householdTypes.includes(row.householdType)) {
    return false;
  }
  switch (rule.code) {
    case 'new_dibao':
      return row.changeType === '新增';
    case 'medical_out_of_pocket':
      return row.amount !== null && row.amount > (rule.threshold ?? 0);
    case 'dropout':
      return true;
    case 'dangerous_house':
      return row.grade === 'C' || row.grade === 'D';
    case 'unsafe_water':
      return true;
    case 'severe_disability':
      return (
        row.grade === '1' ||
        row.grade === '2' ||
        (row.grade === '3' && (row.category === '智力' || row.category === '精神'))
      );
    case 'disaster':
      return rule.threshold === null || (row.amount ?? 0) >= rule.threshold;
    case 'unemployment':
      return true;
    case 'death':
      return row.changeType === '死亡';
  }
}

/**
 * One person's rows of a period as the rule sees them (rows in the order sent, last = latest): with
 * 'sum' the amounts add up (a year's hospital settlements), otherwise the latest row speaks. The SQL in
 * department-feed.repository (`raiseAlerts`) combines them the same way. Amounts are summed in cents so
 * the twin does not drift from numeric(12,2) on many settlements.
 */
export function combineRows(aggregate: RuleAggregate, rows: readonly RuleInput[]): RuleInput | null {
  const latest = rows.at(-1);
  if (!latest) {
    return null;
  }
  if (aggregate === 'latest') {
    return latest;
  }
  const amounts = rows.map((r) => r.amount).filter((a): a is number => a !== null);
  const cents = amounts.reduce((sum, a) => sum + Math.round(a * 100), 0);
  return { ...latest, amount: amounts.length === 0 ? null : cents / 100 };
}

/** The alert deadline: the day the alert was raised plus the rule's days. */
export function dueOn(today: string, deadlineDays: number): string {
  return addDays(today, deadlineDays);
}
