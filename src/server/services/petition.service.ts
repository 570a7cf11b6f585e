import { notFound, validation } from '../errors.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { RunInTransaction } from './transaction.js';

/**
 * Petitions and public-opinion items (信访, 舆情) that touch a household, registered by township or
 * county staff: each raises or joins the household's one open lead.
 */
export function createPetitionService(deps: { tx: RunInTransaction }) {
  const { tx } = deps;
  return {
    async register(
      actor: Actor,
      input: {
        householdId: number;
        source: 'petition' | 'public_opinion';
        summary: string;
        reference?: string | null | undefined;
      },
    ) {
      const summary = input.summary.trim();
      if (!summary) {
        throw validation('请填写事项摘要', { field: 'summary' });
      }
      return tx(async (t) => {
        const household = await t.households.findAccessibleById(input.householdId, {
          scope: actor.scope,
          helperUserId: null,
        });
        if (!household) {
          throw notFound('农户');
        }
        const lead = await t.leads.raise({
          householdId: input.householdId,
          source: input.source,
          reasons: [input.source],
          facts: { summary, reference: input.reference ?? null },
          ref: input.reference ?? null,
          note: summary,
          createdBy: actor.userId,
        });
        await recordAudit(t, actor, {
          action: `lead.${input.source}`,
          entityType: 'lead',
          entityId: lead.leadId,
          regionCode: household.region_code,
          new: {
            householdId: input.householdId,
            summary,
            reference: input.reference ?? null,
            created: lead.created,
          },
        });
        return lead;
      });
    },
  };
}

export type LeadIntakeService = ReturnType<typeof createPetitionService>;
