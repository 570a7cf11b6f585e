/**
 * Operators (经营主体, domain-cdefg §C3): one registry that the employment module (workshops, lead
 * enterprises' workers) and the industry module (farmer linkage, consumer assistance) both use.
 */
export const OPERATOR_TYPES = [
  'lead_enterprise',
  'cooperative',
  'family_farm',
  'large_grower',
  'village_collective',
  'workshop',
  'other',
] as const;
export type OperatorType = (typeof OPERATOR_TYPES)[number];

export const OPERATOR_TYPE_LABELS: Record<OperatorType, { zh: string; en: string }> = {
  lead_enterprise: { zh: '龙头企业', en: 'Lead enterprise' },
  cooperative: { zh: '农民专业合作社', en: 'Co-operative' },
  family_farm: { zh: '家庭农场', en: 'Family farm' },
  large_grower: { zh: '种养大户', en: 'Large grower' },
  village_collective: { zh: '村集体经济组织', en: 'Village collective' },
  workshop: { zh: '帮扶车间', en: 'Assistance workshop' },
  other: { zh: '其他', en: 'Other' },
};

/** 帮扶龙头企业 certification level. */
export const LEAD_ENTERPRISE_LEVELS = ['national', 'provincial', 'city', 'county'] as const;
export type LeadEnterpriseLevel = (typeof LEAD_ENTERPRISE_LEVELS)[number];

export const OPERATOR_STATUSES = ['active', 'suspended', 'closed'] as const;
export type OperatorStatus = (typeof OPERATOR_STATUSES)[number];

export const LEAD_ENTERPRISE_LEVEL_LABELS: Record<LeadEnterpriseLevel, { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
};

export const OPERATOR_STATUS_LABELS: Record<OperatorStatus, { zh: string; en: string }> = {
  active: { zh: '经营中', en: 'Active' },
  suspended: { zh: '停业', en: 'Suspended' },
  closed: { zh: '已注销', en: 'Closed' },
};

// GB 32100-2015: 统一社会信用代码 uses 31 characters (no I, O, Z, S, V); the 18th is a check character.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character (18th) of a 统一社会信用代码 whose first 17 characters are given. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARS.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARS.charAt((31 - (sum % 31)) % 31);
}

/** Why a 统一社会信用代码 is wrong (in Chinese), or null when it is a valid one. Lower case is not accepted. */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) {
    return `统一社会信用代码应为 18 位，现为 ${code.length} 位`;
  }
  if (!USCC_SHAPE.test(code)) {
    return '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V），第 3–8 位为行政区划代码';
  }
  return usccCheckCharacter(code.slice(0, 17)) === code.charAt(17)
    ? null
    : '统一社会信用代码校验位不对，请核对营业执照';
}

/** 帮扶车间 types (domain-cdefg §C8). */
export const WORKSHOP_TYPES = ['factory', 'home', 'farming', 'trade', 'tourism'] as const;
export type WorkshopType = (typeof WORKSHOP_TYPES)[number];

export const WORKSHOP_TYPE_LABELS: Record<WorkshopType, { zh: string; en: string }> = {
  factory: { zh: '厂房式', en: 'Factory' },
  home: { zh: '居家式', en: 'Home-based' },
  farming: { zh: '种养式', en: 'Farm-based' },
  trade: { zh: '贸易流通式', en: 'Trade' },
  tourism: { zh: '文化旅游式', en: 'Tourism' },
};

/** Who certifies a workshop (人社 with 乡村振兴, at each level). */
export const WORKSHOP_CERT_LEVELS = ['provincial', 'city', 'county'] as const;
export type WorkshopCertLevel = (typeof WORKSHOP_CERT_LEVELS)[number];

/**
 * A workshop must employ at least this many 脱贫/监测 workers (§C8: ≥ 5 脱贫人口; the current Henan threshold is
 * unconfirmed, so this is the proposed default).
 */
export const WORKSHOP_MIN_WORKERS = 5;

export type WorkshopFlag = 'idle' | 'below_minimum';

/** A workshop with nobody working there this month is idle; with fewer than the minimum, below it. */
export function workshopFlag(workersNow: number): WorkshopFlag | null {
  if (workersNow === 0) {
    return 'idle';
  }
  return workersNow < WORKSHOP_MIN_WORKERS ? 'below_minimum' : null;
}
