import { z } from 'zod';
import {
  FUNDING_SOURCES,
  LINKAGE_MODES,
  NOTICE_CHANNELS,
  PROJECT_LEVELS,
  PROJECT_NATURES,
} from '../../shared/project-codes.js';
import { PROJECT_ACTIONS, PROJECT_STAGES } from '../../shared/project-workflow.js';
import { ZIsoDate, ZMoney, ZPage } from './common.schema.js';

export const ZProjectId = z.object({ id: z.coerce.number().int().positive() });

const ZTask = z.object({
  item: z.string().trim().min(1).max(200),
  quantity: z.string().trim().max(40).default(''),
  unit: z.string().trim().max(20).default(''),
});
const ZTarget = z.object({
  kind: z.enum(['产出', '效益', '满意度']),
  indicator: z.string().trim().min(1).max(200),
  value: z.string().trim().min(1).max(100),
});
const ZFundingLine = z.object({ source: z.enum(FUNDING_SOURCES), amount: ZMoney });

export const ZProjectInput = z.object({
  regionCode: z
    .string()
    .trim()
    .min(6)
    .max(12)
    .optional()
    .describe('Where the project is; the user’s own region when left out'),
  year: z.number().int().min(2020).max(2100),
  name: z.string().trim().min(2).max(200),
  categoryL1: z.string().trim().min(1).max(40),
  categoryL2: z.string().trim().min(1).max(60),
  nature: z.enum(PROJECT_NATURES),
  tasks: z.array(ZTask).min(1).max(50),
  estimatedInvestment: ZMoney,
  funding: z
    .array(ZFundingLine)
    .min(1)
    .max(20)
    .describe('The funding mix: one line per source; adds up to the estimate'),
  implementingUnit: z.string().trim().min(1).max(200),
  responsiblePerson: z.string().trim().max(50).nullish(),
  plannedStart: ZIsoDate.nullish(),
  plannedFinish: ZIsoDate.nullish(),
  beneficiaryHouseholdIds: z
    .array(z.number().int().positive())
    .max(2000)
    .default([])
    .describe('Registry households, for household-level projects; their 脱贫/监测 counts are computed'),
  beneficiaryHouseholds: z.number().int().min(0).default(0),
  beneficiaryPersons: z.number().int().min(0).default(0),
  beneficiaryPoor: z.number().int().min(0).default(0),
  beneficiaryMonitored: z.number().int().min(0).default(0),
  performanceTargets: z.array(ZTarget).max(30).default([]),
  linkageMode: z.enum(LINKAGE_MODES).nullish(),
  linkageHouseholds: z.number().int().min(0).default(0),
});
export const ZProjectUpdate = ZProjectInput.extend({ version: z.number().int().positive() });

export const ZProjectAct = z.object({
  action: z.enum(PROJECT_ACTIONS),
  version: z.number().int().positive(),
  comment: z.string().trim().max(500).nullish(),
  actedOn: ZIsoDate.nullish().describe('The date of an implementation stage (today when left out)'),
  checks: z.record(z.string(), z.boolean()).nullish().describe('The reviewer’s checklist: item → confirmed'),
  notice: z
    .object({
      channel: z.enum(NOTICE_CHANNELS),
      startsOn: ZIsoDate,
      endsOn: ZIsoDate,
    })
    .nullish()
    .describe('For start_notice: where and when the declaration is posted (≥ 10 days)'),
});

export const ZNoticeObjection = z.object({
  objections: z.number().int().min(0),
  objectionNote: z.string().trim().max(500).nullish(),
  resolved: z.boolean(),
});
export const ZNoticeId = z.object({
  id: z.coerce.number().int().positive(),
  noticeId: z.coerce.number().int().positive(),
});

export const ZProjectQuery = ZPage.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  stage: z.enum(PROJECT_STAGES).optional(),
  regionCode: z.string().trim().max(12).optional(),
  q: z.string().trim().max(100).optional(),
});

const ZNotice = z.object({
  id: z.number().int(),
  purpose: z.string(),
  channel: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  objections: z.number().int(),
  objectionNote: z.string().nullable(),
  objectionsResolved: z.boolean(),
});

export const ZProjectSummary = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(PROJECT_LEVELS),
  year: z.number().int(),
  name: z.string(),
  categoryL1: z.string(),
  categoryL2: z.string(),
  isIndustry: z.boolean(),
  nature: z.string(),
  estimatedInvestment: ZMoney,
  implementingUnit: z.string(),
  stage: z.enum(PROJECT_STAGES),
  negativeHits: z.array(z.object({ code: z.string(), label: z.string(), matched: z.string() })),
  allocatedTotal: ZMoney,
  paidTotal: ZMoney,
  version: z.number().int(),
});

export const ZProjectList = z.object({ items: z.array(ZProjectSummary), total: z.number().int() });

export const ZProject = ZProjectSummary.extend({
  tasks: z.array(z.object({ item: z.string(), quantity: z.string(), unit: z.string() })),
  funding: z.array(z.object({ source: z.string(), sourceName: z.string(), amount: ZMoney })),
  responsiblePerson: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedFinish: z.string().nullable(),
  beneficiaryHouseholds: z.number().int(),
  beneficiaryPersons: z.number().int(),
  beneficiaryPoor: z.number().int(),
  beneficiaryMonitored: z.number().int(),
  beneficiaries: z.array(
    z.object({
      householdId: z.number().int(),
      headName: z.string(),
      householdType: z.string(),
      members: z.number().int(),
    }),
  ),
  performanceTargets: z.array(z.object({ kind: z.string(), indicator: z.string(), value: z.string() })),
  linkageMode: z.string().nullable(),
  linkageHouseholds: z.number().int(),
  townChecks: z.record(z.string(), z.boolean()).nullable(),
  countyChecks: z.record(z.string(), z.boolean()).nullable(),
  events: z.array(
    z.object({
      action: z.string(),
      fromStage: z.string().nullable(),
      toStage: z.string(),
      actedOn: z.string(),
      actorName: z.string(),
      actorLevel: z.string().nullable(),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
  notices: z.array(ZNotice),
  fundLines: z.array(
    z.object({
      id: z.number().int(),
      allocationId: z.number().int(),
      docNumber: z.string(),
      source: z.string(),
      sourceName: z.string(),
      amount: ZMoney,
      paid: ZMoney,
      allocatedOn: z.string(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.number().int(),
      fundLineId: z.number().int(),
      docNumber: z.string(),
      source: z.string(),
      paidOn: z.string(),
      amount: ZMoney,
      voucher: z.string().nullable(),
    }),
  ),
  allowedActions: z.array(z.enum(PROJECT_ACTIONS)),
  canEdit: z
    .boolean()
    .describe('Whether the user may change the declaration now (PUT): a draft, at the declaring level'),
  noticeEndsOn: z
    .string()
    .nullable()
    .describe('The end of the declaration notice; submit waits until after it'),
});

export const ZLibraryHealthQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const ZLibraryHealth = z.array(
  z.object({
    countyCode: z.string(),
    countyName: z.string(),
    projects: z.number().int(),
    investment: ZMoney,
    lastYearInvestment: ZMoney,
    lastYearFunds: ZMoney.describe('Connection funds allocated to the county last year: the money to expect'),
    coverageBp: z.number().int().describe('Library investment ÷ last year’s funds, in basis points'),
    isNotShrinking: z.boolean().describe('概算规模不减: investment ≥ last year’s'),
  }),
);

export const ZFundingSources = z.array(
  z.object({ code: z.string(), name: z.string(), isConnectionFund: z.boolean() }),
);
