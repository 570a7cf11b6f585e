import { describe, expect, it } from 'vitest';
import { type AlertRule, combineRows, dueOn, type RuleInput, ruleFires } from './alert-rules.js';

const ALL = ['exited_poverty', 'monitored', 'ordinary', 'low_income'] as const;
const rule = (over: Partial<AlertRule> & Pick<AlertRule, 'code' | 'feedType'>): AlertRule => ({
  threshold: null,
  householdTypes: ALL,
  deadlineDays: 7,
  enabled: true,
  aggregate: 'latest',
  version: 1,
  ...over,
});
const row = (over: Partial<RuleInput> & Pick<RuleInput, 'feedType'>): RuleInput => ({
  householdType: 'ordinary',
  amount: null,
  grade: null,
  category: null,
  changeType: null,
  ...over,
});

describe('ruleFires', () => {
  const medical = rule({ code: 'medical_out_of_pocket', feedType: 'medical', threshold: 20000 });
  it('medical spending strictly above the threshold', () => {
    expect(ruleFires(medical, row({ feedType: 'medical', amount: 20000.01 }))).toBe(true);
    expect(ruleFires(medical, row({ feedType: 'medical', amount: 20000 }))).toBe(false);
  });
  it('only for the household types the rule names, only when enabled, only its feed', () => {
    const narrow = { ...medical, householdTypes: ['monitored' as const] };
    expect(ruleFires(narrow, row({ feedType: 'medical', amount: 50000 }))).toBe(false);
    expect(ruleFires({ ...medical, enabled: false }, row({ feedType: 'medical', amount: 50000 }))).toBe(
      false,
    );
    expect(ruleFires(medical, row({ feedType: 'disaster', amount: 50000 }))).toBe(false);
  });
  it('severe disability: grade 1–2, or grade 3 intellectual or mental', () => {
    const r = rule({ code: 'severe_disability', feedType: 'disability' });
    const d = (grade: string, category: string) =>
      ruleFires(r, row({ feedType: 'disability', grade, category }));
    expect([
      d('1', '肢体'),
      d('2', '视力'),
      d('3', '智力'),
      d('3', '精神'),
      d('3', '肢体'),
      d('4', '智力'),
    ]).toEqual([true, true, true, true, false, false]);
  });
  it('new dibao, C/D houses, deaths', () => {
    expect(
      ruleFires(
        rule({ code: 'new_dibao', feedType: 'dibao' }),
        row({ feedType: 'dibao', changeType: '退出' }),
      ),
    ).toBe(false);
    expect(
      ruleFires(
        rule({ code: 'dangerous_house', feedType: 'housing' }),
        row({ feedType: 'housing', grade: 'C' }),
      ),
    ).toBe(true);
    expect(
      ruleFires(
        rule({ code: 'death', feedType: 'civil_registration' }),
        row({ feedType: 'civil_registration', changeType: '迁出' }),
      ),
    ).toBe(false);
  });
});

it('dueOn adds the deadline days across a month end', () => {
  expect(dueOn('2026-11-28', 7)).toBe('2026-12-05');
});

describe('combineRows', () => {
  const row = (amount: number | null, changeType: string | null = null): RuleInput => ({
    feedType: 'medical',
    householdType: 'ordinary',
    amount,
    grade: null,
    category: null,
    changeType,
  });
  it('adds up the amounts of a sum rule, so settlements below the threshold alone can fire together', () => {
    const medical = rule({
      code: 'medical_out_of_pocket',
      feedType: 'medical',
      threshold: 20000,
      aggregate: 'sum',
    });
    const settlements = [row(12000.1), row(null), row(8000.2)];
    const combined = combineRows('sum', settlements);
    expect(combined?.amount).toBe(20000.3);
    expect(settlements.some((r) => ruleFires(medical, r))).toBe(false);
    expect(combined && ruleFires(medical, combined)).toBe(true);
  });
  it('takes the latest row of a status rule', () => {
    expect(combineRows('latest', [row(null, '新增'), row(null, '退出')])?.changeType).toBe('退出');
    expect(combineRows('latest', [])).toBeNull();
  });
});
