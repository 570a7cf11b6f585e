import { z } from 'zod';
import { HOUSEHOLD_TYPES } from '../../shared/household-codes.js';
import { text, ZPage } from './common.schema.js';

const ZYear = z.coerce.number().int().min(2021).max(2100);

export const ZCoverageQuery = z.object({
  year: ZYear.optional().describe('Default: this year (Shanghai)'),
  regionCode: text(12).optional().describe('Default: the caller’s own region'),
});
export const ZUncoveredQuery = ZCoverageQuery.extend(ZPage.shape);

const ZCoverageFigures = z.object({
  households: z.number().int().describe('脱贫/监测 households with a member able to work'),
  covered: z.number().int().describe('Of them, with industry help this year'),
  uncovered: z.number().int(),
  ratePercent: z.string().describe('Covered ÷ households, one decimal; "—" when none'),
  measure: z.number().int().describe('With an industry measure on the case'),
  claim: z.number().int().describe('With an industry reward paid'),
  linkage: z.number().int().describe('Linked to an operator (联农带农)'),
  courtyard: z.number().int().describe('A courtyard demo household accepted or named (庭院经济示范)'),
});

export const ZCoverage = z.object({
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  total: ZCoverageFigures,
  children: z.array(ZCoverageFigures.extend({ regionCode: z.string(), regionName: z.string() })),
});

export const ZUncoveredList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      householdNo: z.string().nullable(),
      householdType: z.enum(HOUSEHOLD_TYPES),
      headName: z.string(),
      regionCode: z.string(),
      villageName: z.string(),
      townName: z.string().nullable(),
      labourMembers: z.number().int(),
      lastVisitedOn: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
});
