import { z } from 'zod';
import {
  CASE_CATEGORIES,
  CASE_STAGES,
  DISASTER_SUBTYPES,
  MAX_RISKS,
  RISK_TYPES,
} from '../../shared/case-workflow.js';
import { HOUSEHOLD_TYPES } from '../../shared/household-codes.js';
import { MEASURE_CATEGORIES } from '../../shared/measures.js';
import { ELIMINATION_CRITERIA } from '../domain/elimination.js';
import { ZPage } from './common.schema.js';

const ZDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const ZVersion = z.number().int().positive();
const ZAttachmentIds = z.array(z.uuid()).max(20).default([]);

export const ZId = z.object({ id: z.coerce.number().int().positive() });

// ---- leads (线索) -------------------------------------------------------------------------------------

export const LEAD_SOURCES = [
  'screening',
  'cadre',
  'department',
  'self_declaration',
  'petition',
  'public_opinion',
  'visit',
  'monthly_cycle',
] as const;

export const ZLeadSearch = ZPage.extend({
  regionCode: text(12).optional(),
  status: z.enum(['open', 'closed', 'case_opened']).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .describe('Only open leads past the 15-day identification deadline.'),
});

export const ZLeadItem = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  headName: z.string(),
  householdType: z.enum(HOUSEHOLD_TYPES),
  regionCode: z.string(),
  regionName: z.string(),
  source: z.enum(LEAD_SOURCES),
  reasons: z.array(z.string()),
  status: z.enum(['open', 'closed', 'case_opened']),
  closedReason: z.string().nullable(),
  note: z.string().nullable(),
  foundOn: z.string(),
  dueOn: z.string().describe('Identification is due 15 days after the lead was found.'),
  isLate: z.boolean(),
  signalCount: z.number().int(),
  version: z.number().int(),
});
export const ZLeadList = z.object({ items: z.array(ZLeadItem), total: z.number().int() });

export const ZLeadSignal = z.object({
  id: z.number().int(),
  source: z.enum(LEAD_SOURCES),
  reasons: z.array(z.string()),
  facts: z.record(z.string(), z.unknown()).nullable(),
  ref: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export const ZLeadDetail = ZLeadItem.extend({
  signals: z.array(ZLeadSignal),
  caseId: z.number().int().nullable(),
});

export const ZLeadCreate = z.object({
  householdId: z.number().int().positive(),
  reasons: z.array(text(40).min(1)).min(1).max(10),
  note: text(500).min(1, '请说明发现的情况'),
});

export const ZLeadClose = z.object({
  version: ZVersion,
  reason: text(500).min(1, '请填写核实结论'),
});

const ZRisk = z.object({
  type: z.enum(RISK_TYPES),
  subtype: z.enum(DISASTER_SUBTYPES).nullable().optional(),
  note: text(200).nullable().optional(),
});

export const ZLeadOpenCase = z.object({
  version: ZVersion,
  category: z.enum(CASE_CATEGORIES).nullable().optional(),
  risks: z.array(ZRisk).max(MAX_RISKS).default([]),
  greenChannel: z
    .boolean()
    .default(false)
    .describe('Township only: help at once after a disaster or accident.'),
  note: text(1000).min(1, '请填写入户核实情况'),
  attachmentIds: ZAttachmentIds,
});

// ---- cases (监测对象) --------------------------------------------------------------------------------------

export const CASE_GROUPS = [
  'identifying',
  'late',
  'monitoring',
  'eliminating',
  'eliminated',
  'rejected',
] as const;

export const ZCaseSearch = ZPage.extend({
  regionCode: text(12).optional(),
  group: z.enum(CASE_GROUPS).optional(),
  stage: z.enum(CASE_STAGES).optional(),
  category: z.enum(CASE_CATEGORIES).optional(),
  headName: text(20).optional(),
});

export const ZCaseItem = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  category: z.enum(CASE_CATEGORIES).nullable(),
  risks: z.array(ZRisk),
  stage: z.enum(CASE_STAGES),
  greenChannel: z.boolean(),
  foundOn: z.string(),
  dueOn: z.string(),
  isLate: z.boolean(),
  noticeStartsOn: z.string().nullable(),
  identifiedOn: z.string().nullable(),
  eliminatedOn: z.string().nullable(),
  eliminationMode: z.enum(['assisted', 'natural']).nullable(),
  helperNames: z.array(z.string()),
  measureCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export const ZCaseList = z.object({ items: z.array(ZCaseItem), total: z.number().int() });

export const ZCaseStep = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string(),
  note: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  actorName: z.string(),
  actedAt: z.string(),
});

export const ZMeasure = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  category: z.enum(MEASURE_CATEGORIES),
  item: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  amount: z.number().nullable(),
  provider: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const ZHelper = z.object({
  userId: z.number().int(),
  name: z.string(),
  unit: z.string().nullable(),
  phone: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
});

export const ZCriterion = z.object({
  code: z.enum(ELIMINATION_CRITERIA),
  met: z.boolean(),
  required: z.boolean(),
});

export const ZCaseDetail = ZCaseItem.extend({
  householdType: z.enum(HOUSEHOLD_TYPES),
  leadId: z.number().int().nullable(),
  closedReason: z.string().nullable(),
  rolledBackFrom: z.number().int().nullable(),
  hasLabour: z.boolean(),
  measureProblem: z.enum(['labour_without_developmental', 'no_labour_without_safety_net']).nullable(),
  noticeEndsOn: z.string().nullable(),
  steps: z.array(ZCaseStep),
  measures: z.array(ZMeasure),
  helpers: z.array(ZHelper),
  criteria: z
    .object({
      perCapita: z.number(),
      line: z.number(),
      assisted: z.array(ZCriterion),
      natural: z.array(ZCriterion),
    })
    .nullable()
    .describe('Elimination criteria, for a case under monitoring.'),
  allowedActions: z
    .array(
      z.enum([
        'advance',
        'return',
        'reject',
        'classify',
        'request_elimination',
        'mark_safety_net',
        'measures',
      ]),
    )
    .describe('What the current user may do now; the server checks again on each action.'),
});

export const ZCaseClassify = z.object({
  version: ZVersion,
  category: z.enum(CASE_CATEGORIES).nullable().optional(),
  risks: z.array(ZRisk).max(MAX_RISKS).optional(),
});

export const ZCaseAction = z.object({
  version: ZVersion,
  action: z.enum(['advance', 'return', 'reject']),
  note: text(1000).optional().default(''),
  attachmentIds: ZAttachmentIds,
});

export const ZCaseElimination = z.object({
  version: ZVersion,
  mode: z.enum(['assisted', 'natural']),
  note: text(1000).min(1, '请填写入户核实情况'),
  attachmentIds: ZAttachmentIds,
});

export const ZCaseSafetyNet = z.object({ version: ZVersion, note: text(1000).min(1, '请说明兜底保障情况') });

export const ZCaseSummaryQuery = z.object({ regionCode: text(12).optional() });
export const ZCaseSummaryRow = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  openLeads: z.number().int(),
  lateLeads: z.number().int(),
  identifying: z.number().int(),
  lateIdentifications: z.number().int(),
  monitored: z.number().int(),
  safetyNet: z.number().int(),
  eliminating: z.number().int(),
  visitsOverdue: z.number().int(),
});
export const ZCaseSummary = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  today: z.string(),
  total: ZCaseSummaryRow,
  children: z.array(ZCaseSummaryRow),
});

// ---- measures (帮扶措施) -----------------------------------------------------------------------------------

export const ZMeasureInput = z
  .object({
    category: z.enum(MEASURE_CATEGORIES),
    item: text(100).min(1, '请填写措施内容'),
    startsOn: ZDate,
    endsOn: ZDate.nullable().optional(),
    amount: z.number().min(0).max(100_000_000).nullable().optional(),
    provider: text(100).nullable().optional(),
    note: text(500).nullable().optional(),
  })
  .refine((m) => !m.endsOn || m.endsOn >= m.startsOn, {
    message: '结束日期不能早于开始日期',
    path: ['endsOn'],
  });

export const ZMeasureUpdate = z.object({
  version: ZVersion,
  category: z.enum(MEASURE_CATEGORIES).optional(),
  item: text(100).min(1).optional(),
  startsOn: ZDate.optional(),
  endsOn: ZDate.nullable().optional(),
  amount: z.number().min(0).max(100_000_000).nullable().optional(),
  provider: text(100).nullable().optional(),
  note: text(500).nullable().optional(),
});
export const ZVersionQuery = z.object({ version: z.coerce.number().int().positive() });

// ---- helpers (帮扶责任人) ------------------------------------------------------------------------------------

export const ZHelperSearch = z.object({ regionCode: text(12).optional() });
export const ZHelperUser = z.object({
  userId: z.number().int(),
  name: z.string(),
  username: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  unit: z.string().nullable(),
  phone: z.string().nullable(),
  households: z.number().int(),
});

export const ZHelperAssign = z.object({
  householdIds: z.array(z.number().int().positive()).min(1).max(1000),
  userId: z.number().int().positive(),
  startsOn: ZDate.optional().describe('Default: today (Asia/Shanghai).'),
});
export const ZHelperAssignResult = z.object({ assigned: z.number().int(), ended: z.number().int() });

// ---- visits (走访) ----------------------------------------------------------------------------------------

export const ZVisitDueSearch = ZPage.extend({
  regionCode: text(12).optional(),
  overdueOnly: z.enum(['true', 'false']).optional(),
  helperUserId: z.coerce.number().int().positive().optional(),
});
export const ZVisitDueItem = z.object({
  householdId: z.number().int(),
  householdNo: z.string().nullable(),
  headName: z.string(),
  householdType: z.enum(HOUSEHOLD_TYPES),
  regionCode: z.string(),
  regionName: z.string(),
  cadenceMonths: z.number().int(),
  lastVisitedOn: z.string().nullable(),
  dueOn: z.string(),
  isOverdue: z.boolean(),
});
export const ZVisitDueList = z.object({
  items: z.array(ZVisitDueItem),
  total: z.number().int(),
  today: z.string(),
});

export const ZVisitPolicy = z.array(
  z.object({ householdType: z.enum(HOUSEHOLD_TYPES), months: z.number().int().min(1).max(12) }),
);

export const ZVisitInput = z.object({
  id: z.uuid().describe('Made by the client, so a retried or twice-sent visit is stored once.'),
  householdId: z.number().int().positive(),
  visitedOn: ZDate,
  incomeChanged: z.boolean().default(false),
  incomeNote: text(500).nullable().optional(),
  guaranteesNote: text(500).nullable().optional(),
  industryNote: text(500).nullable().optional(),
  workNote: text(500).nullable().optional(),
  newRisks: z.array(z.enum(RISK_TYPES)).max(MAX_RISKS).default([]),
  measuresAgreed: text(500).nullable().optional(),
  note: text(1000).nullable().optional(),
  attachmentIds: ZAttachmentIds,
});
export const ZVisit = z.object({
  id: z.string(),
  householdId: z.number().int(),
  visitedOn: z.string(),
  visitorName: z.string(),
  incomeChanged: z.boolean(),
  incomeNote: z.string().nullable(),
  guaranteesNote: z.string().nullable(),
  industryNote: z.string().nullable(),
  workNote: z.string().nullable(),
  newRisks: z.array(z.string()),
  measuresAgreed: z.string().nullable(),
  note: z.string().nullable(),
  leadId: z.number().int().nullable(),
  attachmentIds: z.array(z.string()),
  createdAt: z.string(),
});
export const ZVisitSaved = z.object({
  visit: ZVisit,
  created: z.boolean().describe('False when this id was already stored.'),
});

// ---- attachments ------------------------------------------------------------------------------------------

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ZAttachmentInput = z.object({
  id: z.uuid(),
  householdId: z.number().int().positive(),
  filename: text(200).min(1),
  mimeType: z.enum(ATTACHMENT_TYPES),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4),
});
export const ZAttachment = z.object({
  id: z.string(),
  householdId: z.number().int(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export const ZAttachmentId = z.object({ id: z.uuid() });

// ---- data quality and the monthly cycle ---------------------------------------------------------------------

export const QUALITY_RULES = [
  'identification_late',
  'no_measure_after_month',
  'labour_without_developmental',
  'no_labour_without_safety_net',
  'monitored_without_helper',
  'eliminated_within_half_year',
  'eliminated_below_line',
  'eliminated_child_out_of_school',
  'benefits_without_transfer_income',
] as const;

export const ZQualitySearch = ZPage.extend({
  regionCode: text(12).optional(),
  rule: z.enum(QUALITY_RULES).optional(),
});
export const ZQualityItem = z.object({
  rule: z.enum(QUALITY_RULES),
  householdId: z.number().int(),
  caseId: z.number().int().nullable(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  detail: z.string().nullable(),
});
export const ZQualityList = z.object({
  counts: z.record(z.string(), z.number().int()),
  items: z.array(ZQualityItem),
  total: z.number().int(),
});

export const ZCycleRequest = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM'),
});
export const ZCycleRun = z.object({
  month: z.string(),
  status: z.enum(['running', 'finished', 'failed']),
  casesEvaluated: z.number().int(),
  eliminatedRescreened: z.number().int(),
  rolledBack: z.number().int(),
  error: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

// ---- a household's story ----------------------------------------------------------------------------------

export const ZTimelineEvent = z.object({
  at: z.string(),
  kind: z.enum(['lead', 'case_step', 'measure', 'visit', 'income', 'helper']),
  title: z.string(),
  detail: z.string().nullable(),
  actorName: z.string().nullable(),
  caseId: z.number().int().nullable(),
});
export const ZTimeline = z.array(ZTimelineEvent);
