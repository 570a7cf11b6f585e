import { z } from 'zod';
import { HOUSEHOLD_TYPES } from '../../shared/household-codes.js';
import { CLAIM_ACTIONS, CLAIM_STAGES, SCHEME_UNITS } from '../../shared/industry-rewards.js';
import { text, ZIsoDate, ZMoney, ZPage, ZPositiveMoney, ZVersion } from './common.schema.js';

const ZYear = z.coerce.number().int().min(2021).max(2100);
const ZScale = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, '规模应为不超过两位小数的数字，如 3.5')
  .refine((v) => Number(v) > 0, '规模应大于 0')
  .describe('亩, heads or 1 household: a decimal string with up to two decimals');
const ZRatePercent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, '奖补比例应为百分数，如 20')
  .refine((v) => Number(v) > 0 && Number(v) <= 100, '奖补比例应在 0 至 100 之间')
  .describe('Percent of the net income, e.g. "20"');

export const ZSchemeInput = z.object({
  year: ZYear,
  item: text(40).min(1, '请填写奖补产业').describe('香菇种植, 肉牛养殖 …'),
  unit: z.enum(SCHEME_UNITS),
  ratePercent: ZRatePercent,
  unitCap: ZPositiveMoney.nullable().optional().describe('Per 亩 or head; null: no per-unit cap'),
  householdCap: ZPositiveMoney.describe('Per household a year, over all its claims'),
  eligibleTypes: z
    .array(z.enum(HOUSEHOLD_TYPES))
    .min(1, '请至少选择一类奖补对象')
    .max(HOUSEHOLD_TYPES.length)
    .optional()
    .describe('Who it pays; 脱贫户 and 监测户 when absent'),
  windowStart: ZIsoDate,
  windowEnd: ZIsoDate,
  projectId: z.number().int().positive().nullable().optional().describe('The library project that funds it'),
});
export const ZSchemeUpdate = ZSchemeInput.extend({
  version: ZVersion,
  status: z.enum(['open', 'closed']).optional(),
});
export const ZSchemeQuery = z.object({ year: ZYear.optional() });

export const ZScheme = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  countyName: z.string(),
  year: z.number().int(),
  item: z.string(),
  unit: z.enum(SCHEME_UNITS),
  ratePercent: z.string(),
  unitCap: z.string().nullable(),
  householdCap: z.string(),
  eligibleTypes: z.array(z.enum(HOUSEHOLD_TYPES)),
  windowStart: z.string(),
  windowEnd: z.string(),
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  claims: z.number().int().describe('Live claims (not sent back or refused)'),
  paidTotal: z.string().describe('元 paid on it so far'),
  version: z.number().int(),
});
export const ZSchemeList = z.object({ items: z.array(ZScheme) });

const claimFigures = {
  attachmentIds: z
    .array(z.uuid())
    .max(20, '照片最多 20 张')
    .optional()
    .describe('Photos (the household’s attachments); on an edit, the whole new list'),
  scale: ZScale,
  revenue: ZMoney.describe('元 the household earned from the item this year'),
  cost: ZMoney.describe('元 it spent on it'),
  note: text(200).nullable().optional(),
};

export const ZClaimInput = z.object({
  schemeId: z.number().int().positive(),
  householdId: z.number().int().positive(),
  ...claimFigures,
  source: z.enum(['household', 'visit']).optional().describe('visit: a cadre recorded it at a visit'),
  clientId: z
    .uuid()
    .nullable()
    .optional()
    .describe('Made by the phone: a resend with the same id answers the stored claim'),
  visitId: z.uuid().nullable().optional().describe('The visit it was recorded at (implies source visit)'),
});
export const ZClaimUpdate = z.object({ ...claimFigures, version: ZVersion });

export const ZClaimSearch = ZPage.extend({
  schemeId: z.coerce.number().int().positive().optional(),
  year: ZYear.optional(),
  stage: z.enum(CLAIM_STAGES).optional(),
  regionCode: text(12).optional(),
  householdId: z.coerce.number().int().positive().optional(),
});

export const ZClaim = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  schemeId: z.number().int(),
  schemeItem: z.string(),
  schemeYear: z.number().int(),
  schemeUnit: z.enum(SCHEME_UNITS),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  householdType: z.string(),
  headName: z.string().nullable(),
  headIdMasked: z.string().nullable(),
  regionCode: z.string(),
  countyName: z.string(),
  townName: z.string().nullable(),
  villageName: z.string(),
  scale: z.string(),
  revenue: z.string(),
  cost: z.string(),
  netIncome: z.string(),
  ratePercent: z.string(),
  reward: z.string().describe('元, computed with the caps when declared or edited'),
  capApplied: z
    .enum(['unit', 'household'])
    .nullable()
    .describe('The limit that set the reward; null: the rate'),
  source: z.enum(['household', 'visit']),
  visitId: z.string().nullable().describe('The visit it was recorded at'),
  attachmentIds: z.array(z.string()).describe('Photos of the claim'),
  stage: z.enum(CLAIM_STAGES),
  sampled: z.boolean().describe('Chosen (one in five, by id) for the county’s on-site check'),
  villageNote: z.string().nullable(),
  onSiteNote: z.string().nullable(),
  paidOn: z.string().nullable(),
  lastComment: z.string().nullable(),
  note: z.string().nullable(),
  notice: z
    .object({
      id: z.number().int(),
      startsOn: z.string(),
      endsOn: z.string(),
      objections: z.number().int(),
      resolved: z.boolean(),
    })
    .nullable(),
  version: z.number().int(),
});
export const ZClaimList = z.object({ items: z.array(ZClaim), total: z.number().int() });
export const ZClaimDetail = ZClaim.extend({
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
});

const ZClaimRefs = z
  .array(z.object({ id: z.number().int().positive(), version: ZVersion }))
  .min(1, '请选择要办理的申报')
  .max(500, '一次最多办理 500 户');

export const ZClaimAct = z.object({
  action: z.enum(CLAIM_ACTIONS),
  claims: ZClaimRefs,
  comment: text(200).nullable().optional().describe('Required to send back or refuse'),
  onSiteNote: text(200).nullable().optional().describe('The county’s on-site check of a sampled claim'),
  paidOn: ZIsoDate.optional().describe('pay: the day the money went out; today when absent'),
});
export const ZClaimActResult = z.object({ claims: z.number().int(), stage: z.enum(CLAIM_STAGES) });

export const ZClaimNoticeInput = z.object({
  claims: ZClaimRefs,
  channel: text(40).min(1, '请填写公示地点或方式').describe('村务公开栏, 村民微信群 …'),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
});
export const ZClaimNoticeResult = z.object({ noticeId: z.number().int(), claims: z.number().int() });

export const ZNoticeObjections = z.object({
  objections: z.number().int().min(0).max(9999),
  objectionNote: text(500).nullable().optional(),
  resolved: z.boolean(),
});

export const ZClaimLedgerQuery = z.object({
  year: ZYear,
  regionCode: text(12).optional(),
});
