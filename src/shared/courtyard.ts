/**
 * Courtyard economy (庭院经济) demonstration villages and households (domain-cdefg §C2, Nanyang plan [P5]):
 * a township nominates its villages and their 脱贫/监测 households for a year; the county selects them and posts
 * the list (≥ 10 days); support is delivered while they are "building"; a year-end on-site 验收 records each
 * household's activities, scale and courtyard net income; the county names the villages and households that meet
 * the county's criteria, or fails them with a reason. The criteria are the county's, per year, with the defaults
 * below (UNCONFIRMED in Henan, §C2).
 */
import { fromCents, toCents } from './money.js';

export const COURTYARD_ACTIVITIES = [
  'planting',
  'breeding',
  'processing',
  'tourism',
  'services',
  'other',
] as const;
export type CourtyardActivity = (typeof COURTYARD_ACTIVITIES)[number];
export const COURTYARD_ACTIVITY_LABELS: Record<CourtyardActivity, { zh: string; en: string }> = {
  planting: { zh: '种植', en: 'Planting' },
  breeding: { zh: '养殖', en: 'Breeding' },
  processing: { zh: '加工', en: 'Processing' },
  tourism: { zh: '乡村旅游', en: 'Rural tourism' },
  services: { zh: '服务', en: 'Services' },
  other: { zh: '其他', en: 'Other' },
};

/** Who may be a demo household: 脱贫户 and 监测户 as the registry codes them (as industry rewards). */
export const COURTYARD_ELIGIBLE_TYPES = ['exited_poverty', 'monitored'] as const;

export const COURTYARD_SCALE_UNITS = ['mu', 'head'] as const;
export type CourtyardScaleUnit = (typeof COURTYARD_SCALE_UNITS)[number];

/** The seven former poverty counties of Nanyang bound by the 5 × 10 target [P5]. */
export const BOUND_COUNTY_NAMES = [
  '内乡县',
  '镇平县',
  '淅川县',
  '南召县',
  '社旗县',
  '桐柏县',
  '方城县',
] as const;
export const isBoundCounty = (name: string) =>
  BOUND_COUNTY_NAMES.some((n) => n === name || n.replace(/县$/, '') === name);

export interface CourtyardCriteria {
  householdMinActivities: number;
  /** 元 a year, a decimal string. */
  householdMinIncome: string;
  requireCleanYard: boolean;
  villageMinHouseholds: number;
  /** Percent of the village's households with courtyard income, e.g. "20". */
  villageMinIncomeShare: string;
  targetVillages: number;
  targetHouseholds: number;
}

export const CRITERIA_DEFAULTS: CourtyardCriteria = {
  householdMinActivities: 1,
  householdMinIncome: '3000.00',
  requireCleanYard: true,
  villageMinHouseholds: 10,
  villageMinIncomeShare: '20.00',
  targetVillages: 5,
  targetHouseholds: 10,
};

export const COURTYARD_STAGES = ['nominated', 'building', 'accepted', 'named', 'failed'] as const;
export type CourtyardStage = (typeof COURTYARD_STAGES)[number];
export const COURTYARD_STAGE_LABELS: Record<CourtyardStage, { zh: string; en: string }> = {
  nominated: { zh: '乡镇已推荐', en: 'Nominated' },
  building: { zh: '创建中', en: 'Building' },
  accepted: { zh: '已验收', en: 'Accepted' },
  named: { zh: '已命名', en: 'Named' },
  failed: { zh: '未通过', en: 'Failed' },
};

export const COURTYARD_ACTIONS = ['select', 'accept', 'name', 'fail', 'send_back'] as const;
export type CourtyardAction = (typeof COURTYARD_ACTIONS)[number];
export const COURTYARD_ACTION_LABELS: Record<CourtyardAction, { zh: string; en: string }> = {
  select: { zh: '县级遴选并公示', en: 'Select and post' },
  accept: { zh: '验收通过', en: 'Accept' },
  name: { zh: '命名', en: 'Name' },
  fail: { zh: '不予命名', en: 'Fail' },
  send_back: { zh: '退回', en: 'Send back' },
};

export type CourtyardLevel = 'township' | 'county';

/** Where each step goes, from which stages, and who takes it. Send-back goes one stage back. */
export const COURTYARD_TRANSITIONS: Record<
  CourtyardAction,
  { from: readonly CourtyardStage[]; to: CourtyardStage | 'previous'; levels: readonly CourtyardLevel[] }
> = {
  select: { from: ['nominated'], to: 'building', levels: ['county'] },
  accept: { from: ['building'], to: 'accepted', levels: ['township', 'county'] },
  name: { from: ['accepted'], to: 'named', levels: ['county'] },
  fail: { from: ['building', 'accepted'], to: 'failed', levels: ['county'] },
  send_back: { from: ['building', 'accepted'], to: 'previous', levels: ['township', 'county'] },
};

export const previousStage = (stage: CourtyardStage): CourtyardStage | null =>
  stage === 'building' ? 'nominated' : stage === 'accepted' ? 'building' : null;

export interface HouseholdResult {
  householdType: string;
  activities: readonly string[];
  /** 元 a year, a decimal string; null when not yet recorded. */
  netIncome: string | null;
  cleanYard: boolean | null;
}

/** Why a household does not (yet) meet the demo-household criteria; empty when it does. */
export function householdShortfalls(r: HouseholdResult, c: CourtyardCriteria): string[] {
  const out: string[] = [];
  if (!(COURTYARD_ELIGIBLE_TYPES as readonly string[]).includes(r.householdType)) {
    out.push('不是脱贫户或监测户');
  }
  if (r.activities.length < c.householdMinActivities) {
    out.push(`庭院经济项目少于${c.householdMinActivities}项`);
  }
  if (r.netIncome === null) {
    out.push('尚未验收庭院经济纯收入');
  } else if (toCents(r.netIncome) < toCents(c.householdMinIncome)) {
    out.push(`庭院经济纯收入${r.netIncome}元，低于${c.householdMinIncome}元`);
  }
  if (c.requireCleanYard && r.cleanYard !== true) {
    out.push('未达到美丽庭院（干净整洁）标准');
  }
  return out;
}

export interface VillageFigures {
  /** Demo households of the village accepted or named and meeting the criteria. */
  demoHouseholds: number;
  /** Registry households of the village. */
  households: number;
  /** Of them, with courtyard income in the year. */
  withCourtyardIncome: number;
}

/** The share (percent, two decimals) of the village's households with courtyard income. */
export function incomeSharePercent(f: VillageFigures): string {
  if (f.households === 0) {
    return '0.00';
  }
  const bp = Math.round((f.withCourtyardIncome * 10000) / f.households);
  return (bp / 100).toFixed(2);
}

/** Why a village does not (yet) meet the demo-village criteria; empty when it does. */
export function villageShortfalls(f: VillageFigures, c: CourtyardCriteria): string[] {
  const out: string[] = [];
  if (f.demoHouseholds < c.villageMinHouseholds) {
    out.push(`达标示范户${f.demoHouseholds}户，少于${c.villageMinHouseholds}户`);
  }
  // Compare exactly: with × 100 ≥ share × households, in hundredths of a percent.
  if (
    BigInt(f.withCourtyardIncome) * 10000n < toCents(c.villageMinIncomeShare) * BigInt(f.households) ||
    f.households === 0
  ) {
    out.push(`有庭院经济收入的农户占${incomeSharePercent(f)}%，低于${c.villageMinIncomeShare}%`);
  }
  return out;
}

export interface CountyProgressInput {
  namedVillages: number;
  /** Named households per named village. */
  namedHouseholdsByVillage: readonly number[];
  namedHouseholds: number;
  /** Sum of the named households' courtyard net income, 元. */
  incomeTotal: string;
}

/** The county's 5 × 10 check: villages named against the target, full villages, households per village, mean income. */
export function countyProgress(p: CountyProgressInput, c: CourtyardCriteria) {
  const fullVillages = p.namedHouseholdsByVillage.filter((n) => n >= c.targetHouseholds).length;
  const perVillage = p.namedVillages === 0 ? '0.0' : (p.namedHouseholds / p.namedVillages).toFixed(1);
  const cents = toCents(p.incomeTotal);
  const avg =
    p.namedHouseholds === 0 ? 0n : (cents + BigInt(p.namedHouseholds) / 2n) / BigInt(p.namedHouseholds);
  const avgIncome = fromCents(avg);
  return {
    villagesRatio: `${p.namedVillages}/${c.targetVillages}`,
    fullVillages,
    householdsPerVillage: perVillage,
    averageIncome: avgIncome,
    met: p.namedVillages >= c.targetVillages && fullVillages >= c.targetVillages,
  };
}
