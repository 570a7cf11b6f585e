import { z } from 'zod';

export const ZWorksetQuery = z.object({
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('The cursor of the last work set the device stored; absent for a full download'),
});

const ZWorksetMember = z.object({
  id: z.number().int(),
  name: z.string(),
  relation: z.string(),
  sex: z.string(),
  idMasked: z.string(),
  labourSkill: z.string().nullable(),
  health: z.string().nullable(),
});

const ZWorksetVisit = z.object({
  id: z.string(),
  visitedOn: z.string(),
  visitorName: z.string(),
  incomeChanged: z.boolean(),
  newRisks: z.array(z.string()),
  note: z.string().nullable(),
});

const ZWorksetLead = z.object({
  id: z.number().int(),
  source: z.string(),
  reasons: z.array(z.string()),
  foundOn: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
});

const ZWorksetAlert = z.object({
  id: z.number().int(),
  department: z.string(),
  feedType: z.string(),
  ruleCode: z.string(),
  period: z.string(),
  personName: z.string(),
  dueOn: z.string(),
  version: z.number().int(),
});

export const ZWorksetHousehold = z.object({
  id: z.number().int(),
  householdNo: z.string().nullable(),
  householdType: z.string(),
  headName: z.string(),
  memberCount: z.number().int(),
  address: z.string().nullable(),
  housingGrade: z.string().nullable(),
  waterQuantityOk: z.boolean().nullable(),
  waterQualityOk: z.boolean().nullable(),
  phoneMasked: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  version: z.number().int(),
  cadenceMonths: z.number().int(),
  lastVisitedOn: z.string().nullable(),
  dueOn: z.string(),
  members: z.array(ZWorksetMember),
  lastVisits: z.array(ZWorksetVisit),
  openLeads: z.array(ZWorksetLead),
  openAlerts: z.array(ZWorksetAlert),
});

export const ZWorkset = z.object({
  cursor: z.string().describe('Send back as `since` for the next refresh'),
  full: z.boolean().describe('true: this is the whole work set; false: only what changed since `since`'),
  households: z.array(ZWorksetHousehold).describe('Whole records for every household new or changed'),
  scopeIds: z
    .array(z.number().int())
    .describe('Every household id in scope now; the device drops any it holds that is not listed'),
});
