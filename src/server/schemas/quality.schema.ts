import { z } from 'zod';
import { text, ZPage } from './common.schema.js';

// ---- data quality and the monthly cycle ---------------------------------------------------------------------

export const QUALITY_RULES = [
  'identification_late',
  'no_measure_after_month',
  'labour_without_developmental',
  'no_labour_without_safety_net',
  'monitored_without_helper',
  'eliminated_within_half_year',
  'eliminated_below_line',
  'eliminated_child_out_of_school',
  'benefits_without_transfer_income',
  'category_contradicts_type',
] as const;

export const ZQualitySearch = ZPage.extend({
  regionCode: text(12).optional(),
  rule: z.enum(QUALITY_RULES).optional(),
});
export const ZQualityItem = z.object({
  rule: z.enum(QUALITY_RULES),
  householdId: z.number().int(),
  caseId: z.number().int().nullable(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  detail: z.string().nullable(),
});
export const ZQualityList = z.object({
  counts: z.record(z.string(), z.number().int()),
  items: z.array(ZQualityItem),
  total: z.number().int(),
});
