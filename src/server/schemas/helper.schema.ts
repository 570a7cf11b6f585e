import { z } from 'zod';
import { text } from './common.schema.js';

const ZDate = z.iso.date();

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
