import { z } from 'zod';
import {
  BRAND_KINDS,
  BUYER_TYPES,
  CERT_LEVELS,
  LINKAGE_TYPES,
  PRODUCT_ACTIONS,
  PRODUCT_CATEGORIES,
  PRODUCT_STAGES,
  SALE_CHANNELS,
} from '../../shared/consumer-assistance.js';
import { text, ZIsoDate, ZMoney, ZPage, ZPositiveMoney, ZVersion } from './common.schema.js';

const ZYear = z.coerce.number().int().min(2021).max(2100);
const ZId = z.number().int().positive();

export const ZConsumerSettings = z.object({
  countyCode: z.string(),
  valueFloor: z.string().describe('元: the county floor of the annual value (default 100000.00)'),
  nationalFloor: z.string().describe('元: the floor of a national certification (default 500000.00)'),
  renewalDays: z.number().int().describe('Days before the end of validity a product is listed for renewal'),
  version: z.number().int().describe('0 while the county keeps the defaults'),
});
export const ZConsumerSettingsQuery = z.object({ countyCode: text(12).optional() });
export const ZConsumerSettingsInput = z.object({
  valueFloor: ZMoney,
  nationalFloor: ZMoney,
  renewalDays: z.number().int().min(1, '提醒天数至少 1 天').max(730, '提醒天数不超过 730 天'),
  version: z.number().int().min(0),
});

export const ZProductInput = z.object({
  operatorId: ZId.describe('The producer, from the operator registry'),
  name: text(60).min(1, '请填写产品名称'),
  category: z.enum(PRODUCT_CATEGORIES),
  annualValue: ZMoney.describe('元: the annual output value (sales) of the product'),
  certLevel: z.enum(CERT_LEVELS),
  certificateNo: text(60).nullable().optional(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate,
  linkageType: z.enum(LINKAGE_TYPES),
  householdIds: z
    .array(ZId)
    .max(2000, '带动农户最多 2000 户')
    .describe('Registry households it brings income to'),
  note: text(200).nullable().optional(),
});
export const ZProductUpdate = ZProductInput.extend({ version: ZVersion });

export const ZProductSearch = ZPage.extend({
  stage: z.enum(PRODUCT_STAGES).optional(),
  category: z.enum(PRODUCT_CATEGORIES).optional(),
  certLevel: z.enum(CERT_LEVELS).optional(),
  validity: z.enum(['due', 'expired']).optional(),
  regionCode: text(12).optional(),
  q: text(40).optional(),
  year: ZYear.optional().describe('The year of the sales shown; this year when absent'),
});

const ZNotice = z
  .object({
    id: z.number().int(),
    startsOn: z.string(),
    endsOn: z.string(),
    objections: z.number().int(),
    resolved: z.boolean(),
  })
  .nullable();

export const ZProduct = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  countyName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  operatorId: z.number().int(),
  operatorName: z.string(),
  name: z.string(),
  category: z.enum(PRODUCT_CATEGORIES),
  annualValue: z.string(),
  certLevel: z.enum(CERT_LEVELS),
  certificateNo: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  validity: z
    .enum(['valid', 'due', 'expired', 'not_started'])
    .nullable()
    .describe('Of a certified product, from its dates and the county’s renewal window'),
  linkageType: z.enum(LINKAGE_TYPES),
  stage: z.enum(PRODUCT_STAGES),
  certifiedOn: z.string().nullable(),
  households: z.number().int(),
  poorHouseholds: z.number().int().describe('Of the linked households, 脱贫户 (from the registry)'),
  monitoredHouseholds: z.number().int().describe('Of the linked households, 监测户'),
  salesThisYear: z.string(),
  lastComment: z.string().nullable(),
  note: z.string().nullable(),
  notice: ZNotice,
  version: z.number().int(),
});
export const ZProductList = z.object({ items: z.array(ZProduct), total: z.number().int() });
export const ZRenewalList = z.object({
  items: z.array(
    ZProduct.extend({ daysLeft: z.number().int().describe('Negative: expired that many days ago') }),
  ),
});

export const ZSale = z.object({
  id: z.number().int(),
  countyName: z.string(),
  productId: z.number().int(),
  productName: z.string(),
  operatorName: z.string(),
  soldOn: z.string(),
  channel: z.enum(SALE_CHANNELS),
  buyerType: z.enum(BUYER_TYPES),
  buyerName: z.string(),
  amount: z.string(),
  quantity: z.string().nullable(),
  note: z.string().nullable(),
});

export const ZProductDetail = ZProduct.extend({
  linkedHouseholds: z.array(
    z.object({
      id: z.number().int(),
      householdNo: z.string().nullable(),
      householdType: z.string(),
      headName: z.string().nullable(),
      villageName: z.string(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.number().int(),
      action: z.string(),
      fromStage: z.string().nullable(),
      toStage: z.string(),
      actedOn: z.string(),
      actorName: z.string(),
      comment: z.string().nullable(),
    }),
  ),
  sales: z.array(ZSale).describe('This year’s sales (latest 50)'),
});

const ZProductRefs = z
  .array(z.object({ id: ZId, version: ZVersion }))
  .min(1, '请选择要办理的产品')
  .max(200, '一次最多办理 200 个产品');

export const ZProductAct = z.object({
  action: z.enum(PRODUCT_ACTIONS),
  products: ZProductRefs,
  comment: text(200).nullable().optional().describe('Required to send back, refuse or revoke'),
  certificateNo: text(60).nullable().optional().describe('certify: the certificate number (one product)'),
});
export const ZProductActResult = z.object({ products: z.number().int(), stage: z.enum(PRODUCT_STAGES) });

export const ZProductNoticeInput = z.object({
  products: ZProductRefs,
  channel: text(40).min(1, '请填写公示地点或方式').describe('县政府网站, 乡村振兴局公众号 …'),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
});
export const ZProductNoticeResult = z.object({
  noticeIds: z.array(z.number().int()),
  products: z.number().int(),
});

export const ZProductObjections = z.object({
  objections: z.number().int().min(0).max(9999),
  objectionNote: text(500).nullable().optional(),
  resolved: z.boolean(),
});

export const ZConsumerYearQuery = z.object({ year: ZYear.optional(), regionCode: text(12).optional() });
export const ZRenewalQuery = z.object({ regionCode: text(12).optional() });

export const ZBrandInput = z.object({
  name: text(40).min(1, '请填写品牌名称'),
  kind: z.enum(BRAND_KINDS),
  ownerOperatorId: ZId.nullable().optional().describe('An operator owning the brand'),
  ownerUnit: text(60).nullable().optional().describe('Or a unit’s name (e.g. 县农业农村局)'),
  note: text(200).nullable().optional(),
  productIds: z.array(ZId).max(200),
  licensees: z.array(z.object({ operatorId: ZId, licensedFrom: ZIsoDate, licensedTo: ZIsoDate })).max(200),
});
export const ZBrandUpdate = ZBrandInput.extend({ version: ZVersion });
export const ZBrand = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  countyName: z.string(),
  name: z.string(),
  kind: z.enum(BRAND_KINDS),
  ownerOperatorId: z.number().int().nullable(),
  ownerName: z.string(),
  ownerUnit: z.string().nullable(),
  note: z.string().nullable(),
  products: z.array(z.object({ id: z.number().int(), name: z.string(), stage: z.enum(PRODUCT_STAGES) })),
  licensees: z.array(
    z.object({
      operatorId: z.number().int(),
      operatorName: z.string(),
      licensedFrom: z.string(),
      licensedTo: z.string(),
    }),
  ),
  version: z.number().int(),
});
export const ZBrandList = z.object({ items: z.array(ZBrand) });

export const ZSaleInput = z.object({
  productId: ZId,
  soldOn: ZIsoDate,
  channel: z.enum(SALE_CHANNELS),
  buyerType: z.enum(BUYER_TYPES),
  buyerName: text(60).min(1, '请填写采购方名称'),
  amount: ZPositiveMoney,
  quantity: text(40).nullable().optional().describe('e.g. 500 斤'),
  note: text(200).nullable().optional(),
});
export const ZSaleSearch = ZPage.extend({
  year: ZYear.optional(),
  productId: z.coerce.number().int().positive().optional(),
  channel: z.enum(SALE_CHANNELS).optional(),
  buyerType: z.enum(BUYER_TYPES).optional(),
  regionCode: text(12).optional(),
});
export const ZSaleList = z.object({ items: z.array(ZSale), total: z.number().int(), amount: z.string() });
export const ZSaleCreated = z.object({ id: z.number().int() });

const ZReportLine = z.object({ sales: z.number().int(), amount: z.string() });
export const ZConsumerReport = z.object({
  year: z.number().int(),
  total: ZReportLine,
  byChannel: z.array(ZReportLine.extend({ channel: z.enum(SALE_CHANNELS), label: z.string() })),
  byBuyerType: z.array(ZReportLine.extend({ buyerType: z.enum(BUYER_TYPES), label: z.string() })),
  byCounty: z.array(
    ZReportLine.extend({ countyCode: z.string(), countyName: z.string(), products: z.number().int() }),
  ),
});
