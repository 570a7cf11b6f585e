import { z } from 'zod';
import { CASE_CATEGORIES, CASE_STAGES, MAX_RISKS } from '../../shared/case-workflow.js';
import { HOUSEHOLD_TYPES } from '../../shared/household-codes.js';
import { MEASURE_CATEGORIES } from '../../shared/measures.js';
import { ROLES } from '../../shared/roles.js';
import { ELIMINATION_CRITERIA } from '../domain/elimination.js';
import { text, ZMoney, ZPage, ZVersion } from './common.schema.js';
import { ZRisk } from './lead.schema.js';

const ZAttachmentIds = z.array(z.uuid()).max(20).default([]);

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
  amount: ZMoney.nullable(),
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
      perCapita: z
        .string()
        .describe('元, a decimal string with two decimals (negative when costs exceed income)'),
      line: z.string().describe('元, a decimal string with two decimals'),
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
  blockedActions: z
    .array(
      z.object({
        action: z.enum(['advance']),
        reason: z.string(),
        opensOn: z
          .string()
          .nullable()
          .describe('The day the action opens when waiting suffices (the notice end).'),
      }),
    )
    .describe("Actions of the user's level the procedure refuses today: shown disabled with the reason."),
  nextStep: z
    .object({
      actors: z.array(z.enum(ROLES)).describe('The levels that act at the current stage.'),
      byOn: z.string().nullable().describe('The identification deadline (15 days from the lead).'),
      opensOn: z.string().nullable().describe('During a notice: the day the next step opens.'),
    })
    .nullable()
    .describe('Who acts next and by when; null when nobody acts at this stage.'),
  canAssignHelper: z.boolean().describe('The user may assign helpers to this household from the case.'),
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
