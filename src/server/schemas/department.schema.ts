import { z } from 'zod';
import { ALERT_OUTCOMES, ALERT_RULE_CODES, FEED_TYPES } from '../../shared/feed-types.js';
import { HOUSEHOLD_TYPES } from '../../shared/household-codes.js';
import { MONEY_PATTERN, toCents } from '../../shared/money.js';
import { FEED_DEPARTMENTS } from '../../shared/roles.js';
import { ZMoney, ZPage, ZVersion } from './common.schema.js';

const ZProblem = z.object({ row: z.number().int(), reason: z.string() });
const ZPeriod = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 2026-11')
  .describe('The month the data is about, YYYY-MM; the current month when left out.');

export const ZFeedType = z.object({ feedType: z.enum(FEED_TYPES) });

export const ZFeedColumnKey = z.enum([
  'name',
  'idNumber',
  'amount',
  'grade',
  'category',
  'changeType',
  'eventOn',
  'detail',
]);
export const ZFeedColumnMapInput = z.object({
  mapping: z
    .partialRecord(ZFeedColumnKey, z.string().trim().min(1).max(100))
    .describe('The department\'s own header for each column, e.g. {"amount": "个人自付"}.'),
  version: z.number().int().min(0).describe('0 for the first mapping, else the version read.'),
});
export const ZFeedColumnMap = z.object({
  feedType: z.enum(FEED_TYPES),
  columns: z.array(z.object({ key: ZFeedColumnKey, header: z.string(), required: z.boolean() })),
  mapping: z.record(z.string(), z.string()),
  version: z.number().int().describe('0 while nothing is saved.'),
});

export const ZFeedUploadQuery = z.object({
  feedType: z.enum(FEED_TYPES),
  period: ZPeriod.optional(),
  filename: z.string().trim().min(1).max(200),
  skipBadRows: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const ZFeedPush = z.object({
  feedType: z.enum(FEED_TYPES),
  period: ZPeriod.optional(),
  skipBadRows: z.boolean().default(false),
  rows: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
    .min(1)
    .max(100_000)
    .describe('One object per person, keyed by the layout headers (姓名, 身份证号, ...).'),
});

export const ZIdempotencyHeaders = z.object({
  'idempotency-key': z.string().trim().min(1).max(200).optional(),
});

export const ZFeedResult = z.object({
  feedId: z.number().int(),
  status: z.enum(['imported', 'partial', 'refused']),
  duplicate: z.boolean().describe('The same content or idempotency key was taken before: nothing changed.'),
  totalRows: z.number().int(),
  acceptedRows: z.number().int(),
  matchedRows: z.number().int(),
  unmatchedRows: z.number().int(),
  alertsCreated: z.number().int(),
  problems: z.array(ZProblem),
  notes: z
    .array(ZProblem)
    .describe('Rows taken with a change to check, e.g. an ID converted from 15 digits.'),
  headerProblem: z
    .object({
      fileHeaders: z.array(z.string()),
      missing: z.array(z.object({ key: ZFeedColumnKey, header: z.string() })),
    })
    .nullable()
    .describe(
      "The header could not be read: the file's headers and the columns to map (PUT /feeds/column-maps).",
    ),
});

export const ZFeed = z.object({
  id: z.number().int(),
  department: z.string(),
  feedType: z.enum(FEED_TYPES),
  period: z.string(),
  source: z.enum(['upload', 'api']),
  filename: z.string().nullable(),
  sha256: z.string(),
  status: z.enum(['imported', 'partial', 'refused']),
  totalRows: z.number().int(),
  acceptedRows: z.number().int(),
  refusedRows: z.number().int(),
  matchedRows: z.number().int(),
  unmatchedRows: z.number().int(),
  alertsCreated: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export const ZFeedList = z.object({ items: z.array(ZFeed), total: z.number().int() });

export const ZFeedbackRow = z.object({
  rowNo: z.number().int(),
  name: z.string(),
  idMasked: z.string(),
  matchStatus: z.enum(['pending', 'matched', 'unmatched', 'out_of_scope']),
  alertId: z.number().int().nullable(),
  ruleCode: z.string().nullable(),
  alertStatus: z.string().nullable(),
  dueOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export const ZFeedback = z.object({ items: z.array(ZFeedbackRow), total: z.number().int() });

export const ZAlertRule = z.object({
  code: z.enum(ALERT_RULE_CODES),
  feedType: z.string(),
  threshold: ZMoney.nullable().describe('元; null: any amount (disaster) or not used'),
  householdTypes: z.array(z.enum(HOUSEHOLD_TYPES)),
  deadlineDays: z.number().int(),
  enabled: z.boolean(),
  aggregate: z
    .enum(['sum', 'latest'])
    .describe('Several rows of one person in a period: amounts add up (sum), a status takes the latest row.'),
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export const ZAlertRuleCode = z.object({ code: z.enum(ALERT_RULE_CODES) });
export const ZAlertRuleInput = z.object({
  threshold: ZMoney.refine(
    // zod runs the refinement even when the pattern failed: only a well-formed amount is measured.
    (v) => !MONEY_PATTERN.test(v) || toCents(v) <= 1_000_000_000n,
    '阈值不能超过 10,000,000 元',
  ).nullable(),
  householdTypes: z.array(z.enum(HOUSEHOLD_TYPES)).min(1),
  deadlineDays: z.number().int().min(1).max(60),
  enabled: z.boolean(),
  version: ZVersion,
});

export const ZAlertQuery = ZPage.extend({
  status: z.enum(['open', ...ALERT_OUTCOMES]).optional(),
  feedType: z.enum(FEED_TYPES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const ZAlert = z.object({
  id: z.number().int(),
  department: z.string(),
  feedType: z.string(),
  period: z.string(),
  ruleCode: z.string(),
  householdId: z.number().int(),
  regionCode: z.string(),
  villageName: z.string(),
  townName: z.string().nullable(),
  headName: z.string(),
  householdType: z.string(),
  facts: z.record(z.string(), z.unknown()),
  status: z.enum(['open', ...ALERT_OUTCOMES]),
  dueOn: z.string(),
  closedReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  leadId: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export const ZAlertList = z.object({ items: z.array(ZAlert), total: z.number().int() });
export const ZAlertClose = z.object({
  outcome: z.enum(ALERT_OUTCOMES),
  reason: z.string().trim().max(500).nullable().optional(),
  version: z.number().int(),
});
export const ZAlertClosed = z.object({
  id: z.number().int(),
  status: z.enum(ALERT_OUTCOMES),
  leadId: z.number().int().nullable(),
});
export const ZTimeliness = z.array(
  z.object({
    countyCode: z.string(),
    countyName: z.string(),
    townCode: z.string(),
    townName: z.string(),
    received: z.number().int(),
    closed: z.number().int(),
    closedLate: z.number().int(),
    openOverdue: z.number().int(),
  }),
);

export const ZDepartmentQuery = z.object({ department: z.enum(FEED_DEPARTMENTS) });
