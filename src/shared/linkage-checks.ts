/**
 * "四查四促" verification campaigns of farmer linkage (domain-cdefg §C3, content UNCONFIRMED, so configurable) and
 * the status of 帮扶龙头企业 (§C9, criteria UNCONFIRMED, so configurable per county). Pure rules: the sample draw,
 * the finding state machine, overdue, and a lead enterprise's status from two years of figures.
 */

/** The proposed reading of "四查四促" (§C3, INFERRED): a campaign's editable lists start from these. */
export const DEFAULT_CHECK_ITEMS = ['查项目', '查资产', '查带农', '查收益'] as const;
export const DEFAULT_FOLLOW_UP_ITEMS = ['促运营', '促管护', '促联结', '促增收'] as const;
export const DEFAULT_SAMPLE_PERCENT = 20;

export const CHECK_RESULTS = ['conforms', 'mostly', 'fails'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Record<CheckResult, { zh: string; en: string }> = {
  conforms: { zh: '符合', en: 'Conforms' },
  mostly: { zh: '基本符合', en: 'Mostly conforms' },
  fails: { zh: '不符合', en: 'Does not conform' },
};

/** A key fixed by the campaign and the agreement: the same campaign always draws the same agreements. */
export function sampleKey(campaignId: number, agreementId: number): number {
  let h = Math.imul(campaignId, 2654435761) ^ Math.imul(agreementId, 2246822519);
  h = Math.imul(h ^ (h >>> 15), 3266489917);
  return (h ^ (h >>> 13)) >>> 0;
}

/** How many of `total` agreements a percentage samples: rounded up, at least one when there is any. */
export function sampleSize(total: number, percent: number): number {
  if (total <= 0) {
    return 0;
  }
  return Math.min(total, Math.max(1, Math.ceil((total * percent) / 100)));
}

/**
 * The agreements a campaign checks: the `percent` of them with the lowest keys (ties by id). Nobody picks them,
 * and drawing again gives the same sample.
 */
export function drawSample(campaignId: number, agreementIds: readonly number[], percent: number): number[] {
  const keyed = [...new Set(agreementIds)].map((id) => ({ id, key: sampleKey(campaignId, id) }));
  keyed.sort((a, b) => a.key - b.key || a.id - b.id);
  return keyed
    .slice(0, sampleSize(keyed.length, percent))
    .map((k) => k.id)
    .sort((a, b) => a - b);
}

export const FINDING_STATUSES = ['open', 'rectified', 'verified'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABELS: Record<FindingStatus, { zh: string; en: string }> = {
  open: { zh: '待整改', en: 'Open' },
  rectified: { zh: '已整改待核验', en: 'Rectified, to verify' },
  verified: { zh: '已核验销号', en: 'Verified' },
};

export const FINDING_ACTIONS = ['rectify', 'verify', 'reopen'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];
export const FINDING_ACTION_LABELS: Record<FindingAction, { zh: string; en: string }> = {
  rectify: { zh: '登记整改', en: 'Record rectification' },
  verify: { zh: '核验销号', en: 'Verify' },
  reopen: { zh: '退回重新整改', en: 'Reopen' },
};

/** A finding's steps: the township rectifies, the county verifies or reopens it with a reason. */
export const FINDING_TRANSITIONS: Record<
  FindingAction,
  { from: FindingStatus; to: FindingStatus; level: 'township' | 'county' }
> = {
  rectify: { from: 'open', to: 'rectified', level: 'township' },
  verify: { from: 'rectified', to: 'verified', level: 'county' },
  reopen: { from: 'rectified', to: 'open', level: 'county' },
};

/** Where an action takes a finding, or null when it cannot be taken at that status. */
export function nextFindingStatus(status: FindingStatus, action: FindingAction): FindingStatus | null {
  const t = FINDING_TRANSITIONS[action];
  return t.from === status ? t.to : null;
}

/** The actions open at a status for a level (the county may also rectify, it holds every township's work). */
export function allowedFindingActions(
  status: FindingStatus,
  level: 'township' | 'county' | null,
): FindingAction[] {
  if (level === null) {
    return [];
  }
  return FINDING_ACTIONS.filter(
    (a) =>
      FINDING_TRANSITIONS[a].from === status &&
      (FINDING_TRANSITIONS[a].level === level || level === 'county'),
  );
}

/** An open finding whose rectification deadline (a Shanghai day) is before today. */
export const isOverdue = (status: FindingStatus, deadline: string, today: string) =>
  status === 'open' && deadline < today;

/** A county's 帮扶龙头企业 criteria (§C9 defaults: ≥ 100 脱贫/监测 households or ≥ 30 such workers, in writing). */
export interface LeadCriteria {
  minHouseholds: number;
  minWorkers: number;
  requireAgreement: boolean;
}
export const DEFAULT_LEAD_CRITERIA: LeadCriteria = {
  minHouseholds: 100,
  minWorkers: 30,
  requireAgreement: true,
};

/** An operator's figures of a year, all counted from linkage and work records. */
export interface LeadFigures {
  households: number;
  workers: number;
  agreements: number;
}

export const meetsLeadCriteria = (f: LeadFigures, c: LeadCriteria) =>
  (f.households >= c.minHouseholds || f.workers >= c.minWorkers) && (!c.requireAgreement || f.agreements > 0);

export const LEAD_STATUSES = ['met', 'below_first', 'delist', 'recommend', 'none'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const LEAD_STATUS_LABELS: Record<LeadStatus, { zh: string; en: string }> = {
  met: { zh: '达标', en: 'Meets the criteria' },
  below_first: { zh: '未达标（首年）', en: 'Below (first year)' },
  delist: { zh: '建议取消认定（连续两年未达标）', en: 'Propose de-listing (two years below)' },
  recommend: { zh: '可推荐', en: 'Could be recommended' },
  none: { zh: '—', en: '—' },
};

/**
 * A lead enterprise's status in a year: met, or below for the first year, or below two years running (de-list).
 * Monitoring starts the year after certification: the certification year does not count against it. An uncertified operator that meets them could be
 * recommended.
 */
export function leadStatus(input: {
  certified: boolean;
  /** The year of certification, when known. */
  certifiedYear: number | null;
  year: number;
  thisYear: LeadFigures;
  lastYear: LeadFigures;
  criteria: LeadCriteria;
}): LeadStatus {
  const meets = meetsLeadCriteria(input.thisYear, input.criteria);
  if (!input.certified) {
    return meets ? 'recommend' : 'none';
  }
  if (meets) {
    return 'met';
  }
  const lastYearCounts = input.certifiedYear === null || input.certifiedYear < input.year - 1;
  if (lastYearCounts && !meetsLeadCriteria(input.lastYear, input.criteria)) {
    return 'delist';
  }
  return 'below_first';
}
