import { z } from 'zod';
import { CASE_CATEGORIES, DISASTER_SUBTYPES, MAX_RISKS, RISK_TYPES } from '../../shared/case-workflow.js';
import { HOUSEHOLD_TYPES } from '../../shared/household-codes.js';
import { text, ZPage, ZVersion } from './common.schema.js';

const ZAttachmentIds = z.array(z.uuid()).max(20).default([]);

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
  'work_monitoring',
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

export const ZRisk = z.object({
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
