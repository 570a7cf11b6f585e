import { z } from 'zod';
import {
  LEAD_ENTERPRISE_LEVELS,
  OPERATOR_STATUSES,
  OPERATOR_TYPES,
  usccProblem,
  WORKSHOP_CERT_LEVELS,
  WORKSHOP_TYPES,
} from '../../shared/operators.js';
import { text, ZPage, ZVersion } from './common.schema.js';

const ZUscc = z
  .string()
  .trim()
  .max(18, '统一社会信用代码应为 18 位')
  .toUpperCase()
  .superRefine((code, ctx) => {
    const problem = usccProblem(code);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });

const operatorFields = {
  regionCode: z.string().trim().length(12, '请选择经营主体所在的县、乡镇或村'),
  name: text(80).min(2, '请填写经营主体名称'),
  uscc: ZUscc.nullable().optional(),
  operatorType: z.enum(OPERATOR_TYPES),
  legalPerson: text(30).nullable().optional(),
  contactPhone: text(30).nullable().optional(),
  leadLevel: z.enum(LEAD_ENTERPRISE_LEVELS).nullable().optional(),
  leadCertifiedOn: z.iso.date().nullable().optional(),
  note: text(500).nullable().optional(),
};

export const ZOperatorInput = z.object(operatorFields);
export const ZOperatorUpdate = z
  .object(operatorFields)
  .partial()
  .extend({ version: ZVersion, status: z.enum(OPERATOR_STATUSES).optional() });

export const ZWorkshopInput = z.object({
  version: ZVersion.nullable().describe('The profile version the user saw; null for a first description'),
  workshopType: z.enum(WORKSHOP_TYPES),
  site: text(100).nullable().optional(),
  certifiedLevel: z.enum(WORKSHOP_CERT_LEVELS).nullable().optional(),
  certifiedOn: z.iso.date().nullable().optional(),
  certifiedBy: text(60).nullable().optional(),
  capacity: z.number().int().min(0).max(100_000).nullable().optional(),
  insured: z
    .boolean()
    .describe('The employer insures its workers against accidents (≥ 15 元 per person a month)'),
});

const ZWorkshop = ZWorkshopInput.extend({
  version: z.number().int(),
  site: z.string().nullable(),
  certifiedLevel: z.enum(WORKSHOP_CERT_LEVELS).nullable(),
  certifiedOn: z.string().nullable(),
  certifiedBy: z.string().nullable(),
  capacity: z.number().int().nullable(),
});

export const ZOperatorSearch = ZPage.extend({
  regionCode: text(12).optional(),
  operatorType: z.enum(OPERATOR_TYPES).optional(),
  status: z.enum(OPERATOR_STATUSES).optional(),
  q: text(40).optional().describe('Part of the name, or the whole 统一社会信用代码'),
});

export const ZOperator = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  operatorType: z.enum(OPERATOR_TYPES),
  legalPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  leadLevel: z.enum(LEAD_ENTERPRISE_LEVELS).nullable(),
  leadCertifiedOn: z.string().nullable(),
  status: z.enum(OPERATOR_STATUSES),
  note: z.string().nullable(),
  /** What other modules point at this operator: it is entered once and read by each. */
  workersThisYear: z
    .number()
    .int()
    .describe('People with a work record through this operator in the current year'),
  workersNow: z.number().int().describe('People with a work record through this operator this month'),
  workshop: ZWorkshop.nullable().describe('The 帮扶车间 profile, for an operator of the workshop type'),
  workshopFlag: z
    .enum(['idle', 'below_minimum'])
    .nullable()
    .describe(
      'A workshop with nobody working this month (idle), or fewer than the minimum 脱贫/监测 workers',
    ),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const ZOperatorList = z.object({ items: z.array(ZOperator), total: z.number().int() });
