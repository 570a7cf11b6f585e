/**
 * Consumer assistance (消费帮扶, domain-cdefg §C5): products of operators certified as 帮扶产品 (the 商南 pattern,
 * simplified), the “宛产豫用、宛品出豫” brands and the sales of the products. A product's application is entered
 * by the township or county, checked by the township, reviewed by the county against its value floor, posted on
 * a notice of at least ten days and certified once the notice is over with its objections settled. A certified
 * product whose validity has ended is expired: derived from its end date, never set by a nightly job.
 */
import { addDays } from './calendar.js';
import { toCents } from './money.js';

export const PRODUCT_CATEGORIES = [
  'grain_oil',
  'fruit_veg',
  'livestock',
  'aquatic',
  'fungi',
  'herbal',
  'tea',
  'processed',
  'handicraft',
  'other',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
export const PRODUCT_CATEGORY_LABELS: Record<ProductCategory, { zh: string; en: string }> = {
  grain_oil: { zh: '粮油', en: 'Grain and oil' },
  fruit_veg: { zh: '果蔬', en: 'Fruit and vegetables' },
  livestock: { zh: '畜禽', en: 'Livestock and poultry' },
  aquatic: { zh: '水产', en: 'Aquatic' },
  fungi: { zh: '食用菌', en: 'Edible fungi' },
  herbal: { zh: '中药材', en: 'Herbal' },
  tea: { zh: '茶叶', en: 'Tea' },
  processed: { zh: '加工食品', en: 'Processed food' },
  handicraft: { zh: '手工艺品', en: 'Handicraft' },
  other: { zh: '其他', en: 'Other' },
};

export const CERT_LEVELS = ['national', 'provincial', 'city', 'county'] as const;
export type CertLevel = (typeof CERT_LEVELS)[number];
export const CERT_LEVEL_LABELS: Record<CertLevel, { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
};

export const LINKAGE_TYPES = ['wage', 'asset', 'business'] as const;
export type ProductLinkageType = (typeof LINKAGE_TYPES)[number];
export const LINKAGE_TYPE_LABELS: Record<ProductLinkageType, { zh: string; en: string }> = {
  wage: { zh: '工资性收益带贫', en: 'Wages' },
  asset: { zh: '资产性收益带贫', en: 'Asset income' },
  business: { zh: '经营性收益带贫', en: 'Business income' },
};

export const PRODUCT_STAGES = [
  'applied',
  'town_checked',
  'county_reviewed',
  'notice',
  'certified',
  'revoked',
  'returned',
  'refused',
] as const;
export type ProductStage = (typeof PRODUCT_STAGES)[number];
export const PRODUCT_STAGE_LABELS: Record<ProductStage, { zh: string; en: string }> = {
  applied: { zh: '已申报', en: 'Applied' },
  town_checked: { zh: '乡镇已初审', en: 'Checked by the township' },
  county_reviewed: { zh: '县级已审核', en: 'Reviewed by the county' },
  notice: { zh: '公示中', en: 'On notice' },
  certified: { zh: '已认定', en: 'Certified' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  returned: { zh: '已退回', en: 'Sent back' },
  refused: { zh: '不予认定', en: 'Refused' },
};

/** Posting the notice is its own step (POST /consumer-products/notices); these are the others. */
export const PRODUCT_ACTIONS = ['check', 'review', 'certify', 'revoke', 'send_back', 'refuse'] as const;
export type ProductAction = (typeof PRODUCT_ACTIONS)[number];
export const PRODUCT_ACTION_LABELS: Record<ProductAction | 'notice', { zh: string; en: string }> = {
  check: { zh: '乡镇初审通过', en: 'Township check passed' },
  review: { zh: '县级审核通过', en: 'County review passed' },
  notice: { zh: '发布公示', en: 'Post the notice' },
  certify: { zh: '认定', en: 'Certify' },
  revoke: { zh: '撤销认定', en: 'Revoke' },
  send_back: { zh: '退回', en: 'Send back' },
  refuse: { zh: '不予认定', en: 'Refuse' },
};

export type ProductLevel = 'township' | 'county';

export const PRODUCT_TRANSITIONS: Record<
  ProductAction,
  { from: readonly ProductStage[]; to: ProductStage; level: ProductLevel | 'by_stage' }
> = {
  check: { from: ['applied'], to: 'town_checked', level: 'township' },
  review: { from: ['town_checked'], to: 'county_reviewed', level: 'county' },
  certify: { from: ['notice'], to: 'certified', level: 'county' },
  revoke: { from: ['certified'], to: 'revoked', level: 'county' },
  send_back: {
    from: ['applied', 'town_checked', 'county_reviewed', 'notice'],
    to: 'returned',
    level: 'by_stage',
  },
  refuse: { from: ['town_checked', 'county_reviewed', 'notice'], to: 'refused', level: 'county' },
};

/** The level that holds a product at a stage (and sends it back). */
export function productHolder(stage: ProductStage): ProductLevel | null {
  switch (stage) {
    case 'applied':
      return 'township';
    case 'town_checked':
    case 'county_reviewed':
    case 'notice':
    case 'certified':
      return 'county';
    default:
      return null;
  }
}

/** The county's settings: the value floor (default 10万元), the national floor (50万元) and the renewal window. */
export interface ConsumerSettings {
  valueFloor: string;
  nationalFloor: string;
  renewalDays: number;
}
export const CONSUMER_DEFAULTS: ConsumerSettings = {
  valueFloor: '100000.00',
  nationalFloor: '500000.00',
  renewalDays: 90,
};

/** 100000.00 → “10万元”, 125000.00 → “12.5万元”. */
export function wan(amount: string): string {
  const cents = toCents(amount);
  if (cents % 1000000n === 0n) {
    return `${cents / 1000000n}万元`;
  }
  const text = (Number(cents) / 1000000).toFixed(2).replace(/\.?0+$/, '');
  return `${text}万元`;
}

/**
 * Why a product's annual value does not meet the floor of its certification level (null when it does): every
 * level needs the county's floor; a national certification needs at least the national floor as well.
 */
export function valueFloorProblem(
  annualValue: string,
  level: CertLevel,
  settings: Pick<ConsumerSettings, 'valueFloor' | 'nationalFloor'>,
): string | null {
  const value = toCents(annualValue);
  if (value < toCents(settings.valueFloor)) {
    return `年产值（销售额）${wan(annualValue)}，低于本县认定标准${wan(settings.valueFloor)}，不予认定`;
  }
  if (level === 'national' && value < toCents(settings.nationalFloor)) {
    return `申报国家级帮扶产品须年产值（销售额）不低于${wan(settings.nationalFloor)}，本产品为${wan(annualValue)}`;
  }
  return null;
}

export type ValidityState = 'valid' | 'due' | 'expired' | 'not_started';
export const VALIDITY_LABELS: Record<ValidityState, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  due: { zh: '即将到期', en: 'Due for renewal' },
  expired: { zh: '已过期', en: 'Expired' },
  not_started: { zh: '未到有效期', en: 'Not yet valid' },
};

/**
 * A certified product's validity on a day: expired after its end date, due for renewal when it ends within the
 * window (counted from that day, the end date included), not started before its start date.
 */
export function validityState(
  validFrom: string,
  validTo: string,
  today: string,
  renewalDays: number,
): ValidityState {
  if (validTo < today) {
    return 'expired';
  }
  if (validFrom > today) {
    return 'not_started';
  }
  return validTo <= addDays(today, renewalDays) ? 'due' : 'valid';
}

export const SALE_CHANNELS = [
  'matchmaking',
  'fair',
  'online',
  'canteen',
  'pairing',
  'store',
  'other',
] as const;
export type SaleChannel = (typeof SALE_CHANNELS)[number];
export const SALE_CHANNEL_LABELS: Record<SaleChannel, { zh: string; en: string }> = {
  matchmaking: { zh: '产销对接', en: 'Matchmaking' },
  fair: { zh: '展销会', en: 'Fair' },
  online: { zh: '线上平台', en: 'Online platform' },
  canteen: { zh: '机关食堂', en: 'Canteen' },
  pairing: { zh: '定点帮扶采购', en: 'Pairing purchase' },
  store: { zh: '专馆专柜', en: 'Shop counter' },
  other: { zh: '其他', en: 'Other' },
};

export const BUYER_TYPES = [
  'agency',
  'school',
  'enterprise',
  'ecommerce',
  'supermarket',
  'individual',
  'pairing_unit',
] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];
export const BUYER_TYPE_LABELS: Record<BuyerType, { zh: string; en: string }> = {
  agency: { zh: '机关单位', en: 'Government agency' },
  school: { zh: '学校食堂', en: 'School canteen' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  ecommerce: { zh: '电商平台', en: 'E-commerce platform' },
  supermarket: { zh: '商超', en: 'Supermarket' },
  individual: { zh: '个人', en: 'Individual' },
  pairing_unit: { zh: '定点帮扶单位', en: 'Pairing unit' },
};

export const BRAND_KINDS = ['regional', 'product'] as const;
export type BrandKind = (typeof BRAND_KINDS)[number];
export const BRAND_KIND_LABELS: Record<BrandKind, { zh: string; en: string }> = {
  regional: { zh: '区域公用品牌', en: 'Regional brand' },
  product: { zh: '产品品牌', en: 'Product brand' },
};
