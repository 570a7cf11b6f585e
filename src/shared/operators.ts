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
