import { z } from 'zod';
import { TIMELINE_KINDS } from '../../shared/timeline.js';

// ---- a household's story ----------------------------------------------------------------------------------

export const ZTimelineEvent = z.object({
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  title: z.string(),
  detail: z.string().nullable(),
  actorName: z.string().nullable(),
  caseId: z.number().int().nullable(),
});
export const ZTimeline = z.array(ZTimelineEvent);
