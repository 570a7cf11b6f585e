import { z } from 'zod';
import { REGION_LEVELS } from '../../shared/roles.js';

export const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  countyCode: z.string().nullable(),
});

export const ZRegionChild = ZRegion.extend({
  childCount: z.number().int(),
  isInScope: z.boolean().describe('False for an ancestor shown only to reach the caller’s own region.'),
});

export const ZRegionDetail = ZRegion.extend({
  isInScope: z
    .boolean()
    .describe('False for ancestors shown only to give the path to the user’s own region.'),
  path: z.array(ZRegion),
});

export const ZRegionCode = z.object({ code: z.string().min(1).max(12) });

export const ZZone = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  towns: z.array(z.object({ code: z.string(), name: z.string() })),
});
