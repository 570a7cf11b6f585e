import { addDays, addMonths } from './calendar.js';
import type { Role } from './roles.js';

/**
 * The identification and elimination procedures (domain.md §4, §6; Henan 2023) as a state machine.
 * Pure: the server enforces it, the web app uses it to show only the actions a user may take.
 */
export const IDENTIFICATION_STAGES = [
  'home_check',
  'cross_check',
  'village_review',
  'public_notice',
  'town_review',
  'county_approval',
  'announcement',
] as const;
export const ELIMINATION_STAGES = [
  'elim_home_check',
  'elim_public_notice',
  'elim_town_review',
  'elim_county_approval',
] as const;
export const CASE_STAGES = [
  ...IDENTIFICATION_STAGES,
  'monitored',
  'safety_net',
  ...ELIMINATION_STAGES,
  'eliminated',
  'rejected',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_CATEGORIES = ['unstable_ex_poor', 'marginal', 'sudden_hardship'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const RISK_TYPES = [
  'illness',
  'disability',
  'education',
  'natural_disaster',
  'accident',
  'industry_failure',
  'unstable_employment',
  'labour_shortage',
  'other',
] as const;
export type RiskType = (typeof RISK_TYPES)[number];

/**
 * Why a monitoring category contradicts the household's type before the case (null when it fits):
 * 脱贫不稳定户 is only for a 脱贫户, 边缘易致贫户 only for a household never registered as poor;
 * 突发严重困难户 fits any household (domain.md §2). A type of 监测户 without an earlier type says nothing.
 */
export function categoryConflict(
  category: string | null | undefined,
  householdType: string | null,
): string | null {
  if (!category || !householdType || householdType === 'monitored') {
    return null;
  }
  if (category === 'unstable_ex_poor' && householdType !== 'exited_poverty') {
    return '“脱贫不稳定户”只适用于脱贫户：非脱贫户请选“边缘易致贫户”或“突发严重困难户”';
  }
  if (category === 'marginal' && householdType === 'exited_poverty') {
    return '脱贫户不能认定为“边缘易致贫户”：请选“脱贫不稳定户”或“突发严重困难户”';
  }
  return null;
}

/** The Chinese labels of the risk types, for files the server writes (the web app has its own zh/en). */
export const RISK_TYPE_ZH: Record<RiskType, string> = {
  illness: '因病',
  disability: '因残',
  education: '因学',
  natural_disaster: '因自然灾害',
  accident: '因意外事故',
  industry_failure: '因产业项目失败',
  unstable_employment: '因务工就业不稳',
  labour_shortage: '缺劳动力',
  other: '其他',
};
export const DISASTER_SUBTYPES = [
  'flood',
  'geological',
  'drought',
  'biological',
  'meteorological',
  'earthquake',
  'other',
] as const;
export const MAX_RISKS = 5;
export type DisasterSubtype = (typeof DISASTER_SUBTYPES)[number];

/** One risk of a case (致贫返贫风险), as the `risks` jsonb column of monitoring_case stores it. */
export interface CaseRisk {
  type: RiskType;
  subtype?: DisasterSubtype | null;
  note?: string | null;
}

/** Identification is due within 15 days of the lead (一般不超过15天). */
export const IDENTIFICATION_DAYS = 15;
/** Public notice lasts at least 5 days (公示不少于5天). */
export const NOTICE_DAYS = 5;

export type CaseAction = 'advance' | 'return' | 'reject';

interface StageRule {
  /** Roles that act at this stage. */
  actors: readonly Role[];
  next: CaseStage | null;
  /** Where "send back" goes; null: cannot be sent back. */
  back: CaseStage | null;
  /** Where "reject" goes; null: no rejection here. */
  reject: CaseStage | null;
}

export const STAGE_RULES: Record<CaseStage, StageRule> = {
  home_check: { actors: ['village', 'township'], next: 'cross_check', back: null, reject: 'rejected' },
  cross_check: {
    actors: ['township', 'county'],
    next: 'village_review',
    back: 'home_check',
    reject: 'rejected',
  },
  village_review: {
    actors: ['village', 'township'],
    next: 'public_notice',
    back: 'cross_check',
    reject: 'rejected',
  },
  public_notice: {
    actors: ['village', 'township'],
    next: 'town_review',
    back: 'village_review',
    reject: 'rejected',
  },
  town_review: { actors: ['township'], next: 'county_approval', back: 'village_review', reject: 'rejected' },
  county_approval: { actors: ['county'], next: 'announcement', back: 'town_review', reject: 'rejected' },
  announcement: { actors: ['township', 'village'], next: 'monitored', back: null, reject: null },
  monitored: { actors: [], next: null, back: null, reject: null },
  safety_net: { actors: [], next: null, back: null, reject: null },
  // Elimination: "reject" or "send back" from the first step withdraws the request (back to monitoring).
  elim_home_check: {
    actors: ['village', 'township'],
    next: 'elim_public_notice',
    back: 'monitored',
    reject: 'monitored',
  },
  elim_public_notice: {
    actors: ['village', 'township'],
    next: 'elim_town_review',
    back: 'elim_home_check',
    reject: 'monitored',
  },
  elim_town_review: {
    actors: ['township'],
    next: 'elim_county_approval',
    back: 'elim_home_check',
    reject: 'monitored',
  },
  elim_county_approval: {
    actors: ['county'],
    next: 'eliminated',
    back: 'elim_town_review',
    reject: 'monitored',
  },
  eliminated: { actors: [], next: null, back: null, reject: null },
  rejected: { actors: [], next: null, back: null, reject: null },
};

export const isIdentificationStage = (stage: string): boolean =>
  (IDENTIFICATION_STAGES as readonly string[]).includes(stage);
export const isEliminationStage = (stage: string): boolean =>
  (ELIMINATION_STAGES as readonly string[]).includes(stage);
/** A live case: still under the mechanism (identification, monitoring, safety net or elimination procedure). */
export const isLiveStage = (stage: string): boolean => stage !== 'eliminated' && stage !== 'rejected';
/** Monitoring has begun: measures and helpers apply (or earlier, through the green channel). */
export const isUnderMonitoring = (stage: string): boolean =>
  stage === 'monitored' || stage === 'safety_net' || stage === 'announcement' || isEliminationStage(stage);

export const identificationDueOn = (foundOn: string): string => addDays(foundOn, IDENTIFICATION_DAYS);
export const noticeEndsOn = (noticeStartsOn: string): string => addDays(noticeStartsOn, NOTICE_DAYS);

export interface TransitionInput {
  stage: CaseStage;
  action: CaseAction;
  role: Role;
  today: string;
  noticeStartsOn: string | null;
  category: string | null;
  riskCount: number;
}

/** A refusal says, when waiting is all it takes, the day the action opens (the notice's end). */
export type TransitionResult = { ok: true; to: CaseStage } | { ok: false; reason: string; opensOn?: string };

/** Whether `role` may take `action` at `stage` today, and where it leads. Reasons are shown to users. */
export function transition(input: TransitionInput): TransitionResult {
  const rule = STAGE_RULES[input.stage];
  if (!rule.actors.includes(input.role)) {
    return { ok: false, reason: '当前环节不由您的层级办理' };
  }
  if (input.action === 'return') {
    return rule.back ? { ok: true, to: rule.back } : { ok: false, reason: '当前环节不能退回' };
  }
  if (input.action === 'reject') {
    return rule.reject ? { ok: true, to: rule.reject } : { ok: false, reason: '当前环节不能驳回' };
  }
  if (!rule.next) {
    return { ok: false, reason: '当前环节没有下一步' };
  }
  if (input.stage === 'public_notice' || input.stage === 'elim_public_notice') {
    if (!input.noticeStartsOn) {
      return { ok: false, reason: '没有公示开始日期' };
    }
    const ends = noticeEndsOn(input.noticeStartsOn);
    if (input.today < ends) {
      return { ok: false, reason: `公示期不少于${NOTICE_DAYS}天，${ends}起方可提交乡镇审核`, opensOn: ends };
    }
  }
  if (input.stage === 'village_review' || input.stage === 'town_review') {
    if (!input.category) {
      return { ok: false, reason: '请先确定监测对象类别' };
    }
    if (input.riskCount === 0) {
      return { ok: false, reason: '请至少填写一项风险类型' };
    }
  }
  return { ok: true, to: rule.next };
}

/**
 * What comes next on a case: the levels that act at its stage and the date they act by (the 15-day
 * identification deadline), or, during a notice, the day the next step opens. Null for a stage where
 * nobody acts (monitored, safety net, closed). The server sends it and the web app shows it, so both agree.
 */
export function nextStep(c: {
  stage: CaseStage;
  dueOn: string;
  noticeStartsOn: string | null;
}): { actors: Role[]; byOn: string | null; opensOn: string | null } | null {
  const rule = STAGE_RULES[c.stage];
  if (rule.actors.length === 0) {
    return null;
  }
  const inNotice =
    (c.stage === 'public_notice' || c.stage === 'elim_public_notice') && c.noticeStartsOn !== null;
  const identifying = isIdentificationStage(c.stage) && c.stage !== 'announcement';
  return {
    actors: [...rule.actors],
    byOn: identifying ? c.dueOn : null,
    opensOn: inNotice && c.noticeStartsOn ? noticeEndsOn(c.noticeStartsOn) : null,
  };
}

/** Identification is late when it is not finished by its due date. */
export function isIdentificationLate(stage: string, dueOn: string, today: string): boolean {
  return isIdentificationStage(stage) && stage !== 'announcement' && today > dueOn;
}

/** The date on which a case has been monitored for six months (an elimination precondition). */
export const sixMonthsAfter = (identifiedOn: string): string => addMonths(identifiedOn, 6);
