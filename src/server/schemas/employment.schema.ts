import { z } from 'zod';
import {
  MONTH_PATTERN,
  WORK_CATEGORIES,
  WORK_CHANNELS,
  WORK_PLACES,
  WORK_RULES,
  WORK_SECTORS,
} from '../../shared/employment.js';
import { ZBooleanQuery, ZPage } from './common.schema.js';

/** Money as exact decimal text (元, two places at most), never a float. */
export const ZDecimal = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, '金额格式应为数字，最多两位小数')
  .describe('decimal string, e.g. "2500.00"');
const ZMonth = z.string().regex(MONTH_PATTERN, '年月格式应为 YYYY-MM');
const place = z.string().trim().max(40).nullable().optional();

const ZWorkRecordFields = z.object({
  category: z.enum(WORK_CATEGORIES),
  startMonth: ZMonth,
  endMonth: ZMonth.nullable().optional(),
  workProvince: place,
  workCity: place,
  workCounty: place,
  monthlyIncome: ZDecimal.nullable().optional(),
  sector: z.enum(WORK_SECTORS).nullable().optional(),
  industry: z.string().trim().max(60).nullable().optional(),
  channel: z.enum(WORK_CHANNELS).nullable().optional(),
  operatorId: z.number().int().positive().nullable().optional(),
  employer: z.string().trim().max(120).nullable().optional(),
  pointToPoint: z.boolean().nullable().optional(),
  transportSubsidy: ZDecimal.nullable().optional(),
});

export const ZWorkRecordInput = ZWorkRecordFields.extend({
  personId: z.number().int().positive(),
  /** Made by the phone for a record entered at a visit (offline too): a resend stores it once. */
  clientId: z.uuid().nullable().optional(),
  visitId: z.uuid().nullable().optional(),
});

export const ZWorkRecordUpdate = ZWorkRecordFields.extend({ version: z.number().int().positive() });

export const ZWorkRecord = z.object({
  id: z.number(),
  clientId: z.string().nullable(),
  personId: z.number(),
  personName: z.string(),
  idMasked: z.string(),
  householdId: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  category: z.enum(WORK_CATEGORIES),
  startMonth: z.string(),
  endMonth: z.string().nullable(),
  workProvince: z.string().nullable(),
  workCity: z.string().nullable(),
  workCounty: z.string().nullable(),
  place: z.enum(WORK_PLACES).nullable().describe('derived: 县内 / 县外市内 / 市外省内 / 省外 / 境外'),
  monthlyIncome: z.string().nullable(),
  sector: z.enum(WORK_SECTORS).nullable(),
  industry: z.string().nullable(),
  channel: z.enum(WORK_CHANNELS).nullable(),
  operatorId: z.number().nullable(),
  operatorName: z.string().nullable(),
  employer: z.string().nullable(),
  pointToPoint: z.boolean().nullable(),
  transportSubsidy: z.string().nullable(),
  source: z.enum(['clerk', 'visit', 'import']),
  visitId: z.string().nullable(),
  endLeadId: z.number().nullable().describe('the lead raised when the job ended with no new one'),
  version: z.number(),
  updatedAt: z.string(),
});

export const ZWorkRecordSaved = z.object({ created: z.boolean(), record: ZWorkRecord });

export const ZWorkRecordSearch = ZPage.extend({
  personId: z.coerce.number().int().positive().optional(),
  householdId: z.coerce.number().int().positive().optional(),
  regionCode: z.string().max(12).optional(),
  operatorId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Only the records through this operator'),
  current: ZBooleanQuery.optional(),
});

export const ZWorkRecordList = z.object({ items: z.array(ZWorkRecord), total: z.number() });

const ZPlaceCounts = z.object(
  Object.fromEntries(WORK_PLACES.map((p) => [p, z.number()])) as Record<
    (typeof WORK_PLACES)[number],
    z.ZodNumber
  >,
);

const ZScaleFigures = z.object({
  workers: z.number(),
  local: z.number().describe('本地: within the county'),
  away: z.number().describe('外出: outside the county'),
  byPlace: ZPlaceCounts,
});

export const ZScaleQuery = z.object({ month: ZMonth.optional(), regionCode: z.string().max(12).optional() });

export const ZScale = z.object({
  month: z.string(),
  status: z.enum(['open', 'closed']).describe('closed: the frozen monthly snapshot'),
  minMonths: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  target: z.number().nullable(),
  total: ZScaleFigures,
  trend: z.array(z.object({ month: z.string(), workers: z.number() })),
  children: z.array(
    ZScaleFigures.extend({ regionCode: z.string(), regionName: z.string(), target: z.number().nullable() }),
  ),
});

export const ZWorkIssueSearch = ZPage.extend({
  regionCode: z.string().max(12).optional(),
  rule: z.enum(WORK_RULES).optional(),
});

export const ZWorkIssues = z.object({
  counts: z.record(z.enum(WORK_RULES), z.number()),
  total: z.number(),
  items: z.array(
    z.object({
      rule: z.enum(WORK_RULES),
      recordId: z.number(),
      personId: z.number(),
      personName: z.string(),
      householdId: z.number(),
      headName: z.string(),
      regionCode: z.string(),
      regionName: z.string(),
    }),
  ),
});

export const ZEmploymentSettingsQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100) });

export const ZEmploymentSettings = z.object({
  year: z.number().int().min(2020).max(2100),
  minMonths: z.number().int().min(1).max(12).describe('months of work in the year for a worker to count'),
  jobGapDays: z.number().int().min(1).max(365).describe('days after a job ends before it raises a lead'),
  cityTarget: z.number().int().min(0),
  targets: z.array(
    z.object({ countyCode: z.string().regex(/^\d{6}000000$/), target: z.number().int().min(0) }),
  ),
});

export const ZJobEndScan = z.object({ leadsRaised: z.number(), measuresWritten: z.number() });

export const ZWorkImportQuery = z.object({
  filename: z.string().max(200).optional(),
  skipBadRows: ZBooleanQuery.default(false),
});

const ZRowProblem = z.object({ row: z.number(), reason: z.string() });

export const ZWorkImportResult = z.object({
  importId: z.number(),
  status: z.enum(['imported', 'partial', 'refused']),
  duplicate: z.boolean(),
  totalRows: z.number(),
  acceptedRows: z.number(),
  matchedRows: z.number(),
  unmatchedRows: z.number(),
  problems: z.array(ZRowProblem),
});

const ZWorkImportFields = z.object({
  id: z.number(),
  filename: z.string().nullable(),
  status: z.enum(['imported', 'partial', 'refused']),
  totalRows: z.number(),
  acceptedRows: z.number(),
  refusedRows: z.number(),
  matchedRows: z.number(),
  unmatchedRows: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
});

export const ZWorkImportList = z.object({ items: z.array(ZWorkImportFields) });
export const ZWorkImport = ZWorkImportFields.extend({ problems: z.array(ZRowProblem) });

export const ZWorkImportFeedback = z.object({
  items: z.array(
    z.object({
      rowNo: z.number(),
      name: z.string(),
      idMasked: z.string(),
      matchStatus: z.enum(['matched', 'unmatched', 'out_of_scope']),
    }),
  ),
  total: z.number(),
});
