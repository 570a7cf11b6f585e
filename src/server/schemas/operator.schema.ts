import { z } from 'zod';
import {
  LEAD_ENTERPRISE_LEVELS,
  OPERATOR_STATUSES,
  OPERATOR_TYPES,
  usccProblem,
} from '../../shared/operators.js';
import { text, ZPage, ZVersion } from './common.schema.js';

const ZUscc = z
  .string()
  .trim()
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
  workshop: z.boolean().describe('Registered as an assistance workshop (就业帮扶车间) in work monitoring'),
  workersThisYear: z.number().int().describe('Work records of this operator active in the current year'),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const ZOperatorList = z.object({ items: z.array(ZOperator), total: z.number().int() });
