import type { WorkChannel, WorkPlace, WorkRule } from '../../shared/employment.js';

/**
 * The national checker's work-monitoring rules (domain-cdefg §C6, rule numbers of the public scripts) as pure
 * checks of one work record. `employment.repository.ts` runs the same rules as one SQL statement over the
 * records in scope; `test/employment.test.ts` checks that both agree.
 */
/** 在校生状况 values that are school pupils up to senior high (4_01_006). */
export const PUPIL_SCHOOLING: readonly string[] = [
  '学前教育',
  '小学',
  '七年级',
  '八年级',
  '九年级',
  '普通高中一年级',
  '普通高中二年级',
  '普通高中三年级',
];

export interface WorkRuleInput {
  startMonth: string;
  endMonth: string | null;
  monthlyIncome: string | null;
  employer: string | null;
  industry: string | null;
  channel: WorkChannel | null;
  pointToPoint: boolean | null;
  place: WorkPlace | null;
  workProvince: string | null;
  workCounty: string | null;
  /** The person's facts. */
  birthDate: string;
  isTekun: boolean;
  schooling: string | null;
}

const ageOn = (birthDate: string, day: string) => {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
};

/** The rules a record breaks on `today` (YYYY-MM-DD). Only current records (not ended before this month) are checked. */
export function workRuleProblems(r: WorkRuleInput, today: string): WorkRule[] {
  const month = today.slice(0, 7);
  if (r.endMonth !== null && r.endMonth < month) {
    return [];
  }
  const problems: WorkRule[] = [];
  const blank = (v: string | null) => v === null || v.trim() === '';
  if (
    blank(r.monthlyIncome) ||
    blank(r.employer) ||
    blank(r.industry) ||
    r.channel === null ||
    r.pointToPoint === null
  ) {
    problems.push('missing_fields');
  }
  if (r.monthlyIncome !== null && r.monthlyIncome.trim() !== '') {
    const income = Number(r.monthlyIncome);
    if (income > 30_000 || income < 100) {
      problems.push('income_out_of_range');
    } else if (income < 400) {
      problems.push('income_low');
    }
  }
  const away = r.place !== null && r.place !== 'county';
  if (away && (r.channel === 'public_job' || r.channel === 'workshop')) {
    problems.push('away_on_local_channel');
  }
  if (r.channel === 'public_job' && ageOn(r.birthDate, today) >= 70) {
    problems.push('old_on_public_job');
  }
  if (r.place !== 'abroad' && !blank(r.workProvince) && blank(r.workCounty)) {
    problems.push('place_not_county_level');
  }
  if (r.isTekun && away) {
    problems.push('tekun_working_away');
  }
  if (r.schooling !== null && PUPIL_SCHOOLING.includes(r.schooling)) {
    problems.push('pupil_working');
  }
  return problems;
}
