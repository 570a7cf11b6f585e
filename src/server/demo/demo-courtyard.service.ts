import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';

/** The demo's courtyard economy: criteria, villages and households at every stage, the named ones with income. */
export function createDemoCourtyardService(deps: { repos: Repositories }) {
  const { repos } = deps;
  return {
    async seedCourtyard(seeder: Actor, today: string): Promise<number> {
      const households = await repos.demoCourtyard.seed(today);
      await recordAudit(repos, seeder, {
        action: 'demo.courtyard',
        entityType: 'system',
        new: { households },
      });
      return households;
    },
  };
}
