/**
 * Farmer linkage (联农带农, domain-cdefg §C3): an operator's agreement to bring households along (by order farming,
 * jobs, dividends, land rent …), the households it links each year, and what it actually paid them. Linkage is
 * counted from those payments, never from a declared total.
 */
export const LINKAGE_MODES = [
  'order_farming',
  'custody',
  'consignment',
  'floor_price',
  'employment',
  'asset_income',
  'land_transfer',
  'equity_dividend',
  'technical_service',
  'other',
] as const;
export type LinkageMode = (typeof LINKAGE_MODES)[number];

/** The plan's six forms plus the codes seen in use (§C3). */
export const LINKAGE_MODE_LABELS: Record<LinkageMode, { zh: string; en: string }> = {
  order_farming: { zh: '订单生产', en: 'Order farming' },
  custody: { zh: '托养托管', en: 'Custody farming' },
  consignment: { zh: '产品代销', en: 'Consignment sales' },
  floor_price: { zh: '保护价收购', en: 'Floor-price purchase' },
  employment: { zh: '吸纳就业', en: 'Jobs' },
  asset_income: { zh: '资产收益（分红）', en: 'Asset income (dividends)' },
  land_transfer: { zh: '土地流转', en: 'Land transfer' },
  equity_dividend: { zh: '入股分红', en: 'Equity dividends' },
  technical_service: { zh: '技术服务', en: 'Technical services' },
  other: { zh: '其他', en: 'Other' },
};

export const BENEFIT_TYPES = ['wage', 'purchase', 'dividend', 'rent', 'other'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

export const BENEFIT_TYPE_LABELS: Record<BenefitType, { zh: string; en: string }> = {
  wage: { zh: '工资', en: 'Wages' },
  purchase: { zh: '收购款', en: 'Purchase payment' },
  dividend: { zh: '分红', en: 'Dividend' },
  rent: { zh: '租金', en: 'Rent' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Why households cannot be linked to an agreement for a year (in Chinese), or null: the year must fall within the
 * agreement's term (a term with no end runs on).
 */
export function linkageYearProblem(startedOn: string, endedOn: string | null, year: number): string | null {
  const startYear = Number(startedOn.slice(0, 4));
  if (year < startYear) {
    return `协议自 ${startedOn} 起执行，不能登记 ${year} 年的带动农户`;
  }
  if (endedOn !== null && year > Number(endedOn.slice(0, 4))) {
    return `协议已于 ${endedOn} 到期，不能登记 ${year} 年的带动农户`;
  }
  return null;
}

/** Why a payment cannot be recorded on an agreement (in Chinese), or null: it falls within the term, not later than today. */
export function benefitDateProblem(
  paidOn: string,
  agreement: { startedOn: string; endedOn: string | null },
  today: string,
): string | null {
  if (paidOn > today) {
    return '发放日期不能晚于今天';
  }
  if (paidOn < agreement.startedOn) {
    return `发放日期早于协议开始日期 ${agreement.startedOn}`;
  }
  if (agreement.endedOn !== null && paidOn > agreement.endedOn) {
    return `发放日期晚于协议结束日期 ${agreement.endedOn}`;
  }
  return null;
}
