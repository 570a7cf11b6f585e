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
  version: number;
}

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

/** The alert deadline: the day the alert was raised plus the rule's days. */
export function dueOn(today: string, deadlineDays: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + deadlineDays);
  return date.toISOString().slice(0, 10);
}
