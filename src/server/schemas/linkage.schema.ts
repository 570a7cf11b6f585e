import { z } from 'zod';
import { BENEFIT_TYPES, LINKAGE_MODES } from '../../shared/linkage.js';
import { text, ZIsoDate, ZMoney, ZPage, ZVersion } from './common.schema.js';

const ZYear = z.coerce.number().int().min(2021).max(2100);

const linkageFields = {
  projectId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe('The library project the support came from'),
  mode: z.enum(LINKAGE_MODES),
  startedOn: ZIsoDate,
  endedOn: ZIsoDate.nullable().optional().describe('Null: the agreement runs on'),
  terms: text(500)
    .nullable()
    .optional()
    .describe('Price floor, dividend share, wage: as written in the agreement'),
};

export const ZLinkageInput = z.object({ operatorId: z.number().int().positive(), ...linkageFields });
export const ZLinkageUpdate = z.object(linkageFields).partial().extend({ version: ZVersion });

export const ZLinkageSearch = ZPage.extend({
  regionCode: text(12).optional(),
  operatorId: z.coerce.number().int().positive().optional(),
  mode: z.enum(LINKAGE_MODES).optional(),
  year: ZYear.optional().describe('The year counted; this year when absent'),
});

export const ZLinkageYearQuery = z.object({ year: ZYear.optional() });
export const ZLedgerQuery = z.object({ regionCode: text(12).optional(), year: ZYear.optional() });

export const ZLinkInput = z.object({
  householdId: z.number().int().positive(),
  year: ZYear.describe('The year the household is linked in'),
});

export const ZBenefitInput = z.object({
  householdId: z.number().int().positive(),
  paidOn: ZIsoDate,
  benefitType: z.enum(BENEFIT_TYPES),
  amount: ZMoney.refine((v) => Number(v) > 0, '金额应大于 0'),
  evidence: text(200).nullable().optional().describe('凭证: the transfer or receipt number, as written'),
});

export const ZLinkage = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  operatorId: z.number().int(),
  operatorName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  mode: z.enum(LINKAGE_MODES),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  terms: z.string().nullable(),
  year: z.number().int().describe('The year the counts below are of'),
  linked: z.object({
    exitedPoverty: z.number().int(),
    monitored: z.number().int(),
    other: z.number().int(),
    total: z.number().int(),
  }),
  paidHouseholds: z.number().int().describe('Linked households the operator paid something in the year'),
  unpaidHouseholds: z.number().int().describe('Linked households paid nothing in the year (flagged)'),
  totalBenefit: z.string().describe('元 paid to linked households in the year, from the payments'),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const ZLinkageList = z.object({ items: z.array(ZLinkage), total: z.number().int() });

export const ZLinkageDetail = ZLinkage.extend({
  households: z.array(
    z.object({
      householdId: z.number().int(),
      householdNo: z.string().nullable(),
      headName: z.string().nullable(),
      householdType: z.string(),
      townName: z.string().nullable(),
      villageName: z.string(),
      benefitTotal: z.string(),
      benefitCount: z.number().int(),
      lastPaidOn: z.string().nullable(),
      unpaid: z.boolean().describe('Linked this year and paid nothing by the operator'),
    }),
  ),
  benefits: z.array(
    z.object({
      id: z.number().int(),
      householdId: z.number().int(),
      headName: z.string().nullable(),
      paidOn: z.string(),
      benefitType: z.enum(BENEFIT_TYPES),
      amount: z.string(),
      evidence: z.string().nullable(),
    }),
  ),
});

export const ZLinkParams = z.object({
  id: z.coerce.number().int().positive(),
  householdId: z.coerce.number().int().positive(),
});
