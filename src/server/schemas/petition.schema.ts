import { z } from 'zod';

// Petitions and public-opinion items (信访, 舆情) registered by staff as leads.

export const ZLeadRegister = z.object({
  householdId: z.number().int().positive(),
  source: z.enum(['petition', 'public_opinion']),
  summary: z.string().trim().min(1).max(1000),
  reference: z.string().trim().max(100).nullable().optional().describe('信访件号 or the item’s link'),
});
export const ZLeadRaised = z.object({ leadId: z.number().int(), created: z.boolean() });
