import { z } from 'zod';
import { INDICATORS } from '../domain/ranking.js';

const text = (max: number) => z.string().trim().max(max);
const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM');
const ZQuarter = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式为 YYYYQn，如 2026Q4');

export const ZFigures = z
  .record(z.string(), z.union([z.number(), z.record(z.string(), z.number())]))
  .describe('Counts for the period; nested maps break a count down (by category, risk type, source).');

export const ZMonthQuery = z.object({ month: ZMonth, regionCode: text(12).optional() });
export const ZMonthBody = z.object({ month: ZMonth });
export const ZRegionQuery = z.object({ regionCode: text(12).optional() });

export const ZMonthlySummary = z.object({
  month: z.string(),
  status: z.enum(['open', 'closed']),
  refreshedAt: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  total: ZFigures,
  children: z.array(z.object({ regionCode: z.string(), regionName: z.string(), figures: ZFigures })),
});

export const ZDashboard = ZMonthlySummary.extend({
  trend: z.array(
    z.object({
      month: z.string(),
      monitored: z.number(),
      newMonitored: z.number(),
      eliminated: z.number(),
      visitsDone: z.number(),
      visitsOverdue: z.number(),
      leadsNew: z.number(),
    }),
  ),
});

const ZChecklistItem = z.object({ code: z.string(), count: z.number().int(), link: z.string() });
export const ZSelfCheck = z.object({
  month: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  items: z.array(ZChecklistItem),
  signOff: z
    .object({
      signedBy: z.string(),
      signedAt: z.string(),
      note: z.string().nullable(),
      items: z.array(ZChecklistItem),
    })
    .nullable(),
  children: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      signedBy: z.string().nullable(),
      signedAt: z.string().nullable(),
    }),
  ),
});
export const ZSelfCheckSign = z.object({ month: ZMonth, note: text(500).nullable().optional() });

export const ZSampleDraw = z.object({ month: ZMonth, perTown: z.number().int().min(1).max(50).default(5) });
export const ZSampleDrawn = z.object({ drawn: z.number().int() });
export const ZSample = z.object({
  id: z.number().int(),
  month: z.string(),
  householdId: z.number().int(),
  caseId: z.number().int().nullable(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  townCode: z.string(),
  reason: z.string(),
  outcome: z.enum(['confirmed', 'problem']).nullable(),
  note: z.string().nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
  version: z.number().int(),
});
export const ZSampleOutcome = z.object({
  version: z.number().int().positive(),
  outcome: z.enum(['confirmed', 'problem']),
  note: text(500).nullable().optional(),
});

export const ZWeights = z.record(z.enum(INDICATORS), z.number().min(0).max(100));
export const ZWeightsInput = z.partialRecord(z.enum(INDICATORS), z.number().min(0).max(100));
export const ZRankingQuery = z.object({ quarter: ZQuarter, regionCode: text(12).optional() });
export const ZRanking = z.object({
  quarter: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(['county', 'town']),
  weights: ZWeights,
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      rank: z
        .number()
        .int()
        .nullable()
        .describe('Null when the unit has no data for any indicator (not ranked).'),
      hasData: z.boolean(),
      score: z.number(),
      indicators: z.array(
        z.object({
          indicator: z.enum(INDICATORS),
          rate: z.number().nullable(),
          good: z.number(),
          total: z.number(),
          weight: z.number(),
          points: z.number(),
        }),
      ),
    }),
  ),
});

const ZSection = z.object({
  heading: text(50).min(1),
  text: text(5000),
  table: z
    .array(z.array(z.string().max(500)).max(50))
    .max(500)
    .optional(),
});
export const ZBulletin = z.object({
  id: z.number().int(),
  quarter: z.string(),
  title: z.string(),
  sections: z.array(ZSection),
  status: z.enum(['draft', 'issued']),
  issuedOn: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
  regionCode: z
    .string()
    .describe("Whose bulletin: the city's (on its counties) or a county's (on its towns)."),
});
export const ZBulletinCreate = z.object({ quarter: ZQuarter });
export const ZBulletinUpdate = z.object({
  version: z.number().int().positive(),
  title: text(100).min(1).optional(),
  sections: z.array(ZSection).max(20).optional(),
});
export const ZBulletinIssue = z.object({ version: z.number().int().positive() });
