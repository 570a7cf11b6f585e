import { z } from 'zod';
import { MONEY_PATTERN, toCents } from '../../shared/money.js';
import { ZScreeningRules } from '../domain/screening-rules.js';
import { ZMoney } from './common.schema.js';

export { ZScreeningRules };

export const ZRulesView = z.object({ version: z.number().int(), rules: ZScreeningRules });

export const ZLine = z.object({
  province: z.string().trim().min(1).max(20),
  year: z.number().int().min(2015).max(2100),
  // zod runs a refinement after a failed pattern too: these judge well-formed amounts only.
  amount: ZMoney.refine((a) => !MONEY_PATTERN.test(a) || toCents(a) > 0n, '监测范围标准应大于 0').refine(
    (a) => !MONEY_PATTERN.test(a) || toCents(a) <= 100_000_000n,
    '监测范围标准不能超过 1,000,000 元',
  ),
  note: z.string().trim().max(200).nullable().optional(),
});
export const ZLineView = ZLine.extend({
  amount: z.string().describe('元, a decimal string with two decimals'),
  note: z.string().nullable(),
});

export const ZRunRequest = z.object({
  scopeCode: z.string().trim().max(12).optional(),
  roundId: z.number().int().positive().optional(),
  date: z.iso.date().optional().describe('Reference date; income is the 12 months before its month.'),
});

export const ZRun = z.object({
  id: z.number().int(),
  kind: z.enum(['routine', 'concentrated']),
  roundId: z.number().int().nullable(),
  scopeCode: z.string(),
  scopeName: z.string(),
  ruleVersion: z.number().int(),
  line: z.string().describe('元, a decimal string with two decimals'),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z.enum(['running', 'finished', 'failed']),
  householdsScreened: z.number().int(),
  leadsCreated: z.number().int(),
  leadsUpdated: z.number().int(),
  reasonCounts: z.record(z.string(), z.number()),
  error: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** How far a run is: counties screened of the counties in scope (one step for a county or smaller). */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
});

export const ZRoundInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopeCode: z.string().trim().max(12),
  startsOn: z.iso.date(),
  screenBy: z.iso.date(),
  proceduresBy: z.iso.date().nullable().optional(),
  entryBy: z.iso.date().nullable().optional(),
});

export const ZRound = z.object({
  id: z.number().int(),
  name: z.string(),
  scopeCode: z.string(),
  startsOn: z.string(),
  screenBy: z.string(),
  proceduresBy: z.string().nullable(),
  entryBy: z.string().nullable(),
  createdBy: z.string(),
});

export const ZRoundProgress = z.object({
  round: ZRound,
  towns: z.array(
    z.object({
      countyCode: z.string(),
      countyName: z.string(),
      townCode: z.string(),
      townName: z.string(),
      households: z.number().int(),
      leads: z.number().int(),
      openLeads: z.number().int(),
    }),
  ),
});
