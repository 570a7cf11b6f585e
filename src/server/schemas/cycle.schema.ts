import { z } from 'zod';

// ---- the monthly cycle (月度研判) ---------------------------------------------------------------------------

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
  /** Steps done of total (the month is one step); null for runs recorded before jobs. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
});
