import { z } from 'zod';
import { MAX_RISKS, RISK_TYPES } from '../../shared/case-workflow.js';
import { HOUSEHOLD_TYPES } from '../../shared/household-codes.js';
import { text, ZPage } from './common.schema.js';

const ZDate = z.iso.date();
const ZAttachmentIds = z.array(z.uuid()).max(20).default([]);

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
  caseId: z
    .number()
    .int()
    .nullable()
    .describe('The live case the visit joined: it reported a risk the household is already monitored for.'),
  attachmentIds: z.array(z.string()),
  createdAt: z.string(),
});
export const ZVisitSaved = z.object({
  visit: ZVisit,
  created: z.boolean().describe('False when this id was already stored.'),
});
