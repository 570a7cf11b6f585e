import { z } from 'zod';
import {
  COURTYARD_ACTIONS,
  COURTYARD_ACTIVITIES,
  COURTYARD_SCALE_UNITS,
  COURTYARD_STAGES,
} from '../../shared/courtyard.js';
import { text, ZIsoDate, ZMoney, ZPage, ZVersion } from './common.schema.js';

const ZYear = z.coerce.number().int().min(2021).max(2100);
const ZCount = z.number().int().min(0).max(10000);
const ZPercent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, '比例应为百分数，如 20')
  .refine((v) => Number(v) <= 100, '比例应在 0 至 100 之间');

const criteriaFields = {
  householdMinActivities: ZCount.describe('Courtyard activities a demo household has at least'),
  householdMinIncome: ZMoney.describe('元 of courtyard net income a year, at least'),
  requireCleanYard: z.boolean().describe('The clean-yard (美丽庭院) standard must be met'),
  villageMinHouseholds: ZCount.describe('Demo households meeting the criteria a demo village has at least'),
  villageMinIncomeShare: ZPercent.describe(
    'Percent of the village’s households with courtyard income, at least',
  ),
  targetVillages: ZCount.describe('The county’s target of named villages (Nanyang: 5)'),
  targetHouseholds: ZCount.describe('Named households per village in the target (Nanyang: 10)'),
};

export const ZCourtyardCriteriaQuery = z.object({ year: ZYear, countyCode: text(12).optional() });
export const ZCourtyardCriteriaInput = z.object({
  year: ZYear,
  ...criteriaFields,
  version: z.number().int().min(0).describe('0 when the county has not set them yet'),
});
export const ZCourtyardCriteria = z.object({
  countyCode: z.string(),
  year: z.number().int(),
  householdMinActivities: z.number().int(),
  householdMinIncome: z.string(),
  requireCleanYard: z.boolean(),
  villageMinHouseholds: z.number().int(),
  villageMinIncomeShare: z.string(),
  targetVillages: z.number().int(),
  targetHouseholds: z.number().int(),
  isDefault: z.boolean().describe('The §C2 defaults: the county has not set its own'),
  version: z.number().int(),
});

export const ZCourtyardSearch = ZPage.extend({
  year: ZYear.optional(),
  stage: z.enum(COURTYARD_STAGES).optional(),
  regionCode: text(12).optional(),
  villageId: z.coerce.number().int().positive().optional(),
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

export const ZCourtyardVillage = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  townCode: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  stage: z.enum(COURTYARD_STAGES),
  countyName: z.string(),
  townName: z.string().nullable(),
  villageName: z.string(),
  acceptedOn: z.string().nullable(),
  namedOn: z.string().nullable(),
  failReason: z.string().nullable(),
  lastComment: z.string().nullable(),
  note: z.string().nullable(),
  notice: ZNotice,
  demoHouseholds: z.number().int(),
  acceptedHouseholds: z.number().int(),
  namedHouseholds: z.number().int(),
  qualifiedHouseholds: z.number().int().describe('Accepted or named households meeting the criteria'),
  households: z.number().int().describe('Registry households of the village'),
  withCourtyardIncome: z.number().int().describe('Of them, with courtyard income in the year'),
  incomeSharePercent: z.string(),
  shortfalls: z.array(z.string()).describe('Why it does not (yet) meet the demo-village criteria'),
  version: z.number().int(),
});
export const ZCourtyardVillageList = z.object({ items: z.array(ZCourtyardVillage), total: z.number().int() });

export const ZCourtyardHousehold = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  villageId: z.number().int(),
  householdId: z.number().int(),
  regionCode: z.string(),
  year: z.number().int(),
  stage: z.enum(COURTYARD_STAGES),
  villageStage: z.enum(COURTYARD_STAGES),
  householdNo: z.string().nullable(),
  householdType: z.string(),
  headName: z.string().nullable(),
  headIdMasked: z.string().nullable(),
  countyName: z.string(),
  townName: z.string().nullable(),
  villageName: z.string(),
  activities: z.array(z.enum(COURTYARD_ACTIVITIES)),
  scale: z.string().nullable(),
  scaleUnit: z.enum(COURTYARD_SCALE_UNITS).nullable(),
  netIncome: z.string().nullable(),
  cleanYard: z.boolean().nullable(),
  resultNote: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  namedOn: z.string().nullable(),
  failReason: z.string().nullable(),
  lastComment: z.string().nullable(),
  noticeEndsOn: z.string().nullable(),
  shortfalls: z.array(z.string()).describe('Why it does not (yet) meet the demo-household criteria'),
  version: z.number().int(),
});
export const ZCourtyardHouseholdList = z.object({
  items: z.array(ZCourtyardHousehold),
  total: z.number().int(),
});

export const ZCourtyardKindParam = z.object({
  kind: z.enum(['village', 'household']),
  id: z.coerce.number().int().positive(),
});
export const ZCourtyardRecord = z.object({
  village: ZCourtyardVillage.nullable(),
  household: ZCourtyardHousehold.nullable(),
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

export const ZCourtyardNominate = z.object({
  year: ZYear,
  regionCode: text(12).min(12, '请选择村').describe('The village (one of the township’s)'),
  householdIds: z.array(z.number().int().positive()).max(200, '一次最多推荐 200 户'),
  note: text(200).nullable().optional(),
});
export const ZCourtyardNominateResult = z.object({
  villageId: z.number().int(),
  households: z.number().int(),
  stage: z.enum(COURTYARD_STAGES),
});

const ZScale = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, '规模应为不超过两位小数的数字，如 0.5')
  .refine((v) => Number(v) > 0, '规模应大于 0');

export const ZCourtyardAct = z.object({
  action: z.enum(COURTYARD_ACTIONS),
  kind: z.enum(['village', 'household']),
  items: z
    .array(z.object({ id: z.number().int().positive(), version: ZVersion }))
    .min(1, '请选择要办理的记录')
    .max(500, '一次最多办理 500 条'),
  comment: text(200).nullable().optional().describe('Required to send back or fail'),
  notice: z
    .object({
      channel: text(40).min(1, '请填写公示地点或方式'),
      startsOn: ZIsoDate,
      endsOn: ZIsoDate,
    })
    .optional()
    .describe('select: the county’s list notice (≥ 10 days)'),
  result: z
    .object({
      activities: z.array(z.enum(COURTYARD_ACTIVITIES)).min(1, '请至少选择一项庭院经济项目').max(6),
      scale: ZScale.nullable().optional().describe('亩 or heads'),
      scaleUnit: z.enum(COURTYARD_SCALE_UNITS).nullable().optional(),
      netIncome: ZMoney.describe('元 of courtyard net income in the year'),
      cleanYard: z.boolean(),
      note: text(200).nullable().optional(),
    })
    .optional()
    .describe('accept (households): the year-end on-site result'),
});
export const ZCourtyardActResult = z.object({ count: z.number().int() });

export const ZCourtyardProgressQuery = z.object({ year: ZYear });
export const ZCourtyardProgress = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      countyCode: z.string(),
      countyName: z.string(),
      bound: z.boolean().describe('A former poverty county bound by the 5 × 10 target'),
      targetVillages: z.number().int(),
      targetHouseholds: z.number().int(),
      villages: z.number().int().describe('Villages in the programme this year (any stage)'),
      namedVillages: z.number().int(),
      fullVillages: z.number().int().describe('Named villages with ≥ the target of named households'),
      namedHouseholds: z.number().int(),
      householdsPerVillage: z.string(),
      averageIncome: z.string().describe('元 of courtyard net income per named household'),
      met: z.boolean(),
    }),
  ),
});

export const ZCourtyardLedgerQuery = z.object({ year: ZYear, regionCode: text(12).optional() });

export const ZCourtyardObjections = z.object({
  objections: z.number().int().min(0).max(9999),
  objectionNote: text(500).nullable().optional(),
  resolved: z.boolean(),
});
