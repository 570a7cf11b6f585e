import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import type { HouseholdService } from './household.service.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** A household's timeline (its whole story on one page), for whoever may see the household. */
export function createTimelineService(deps: { repos: Repositories; households: HouseholdService }) {
  const { repos, households } = deps;
  return {
    async ofHousehold(actor: Actor, householdId: number) {
      await households.findAccessible(actor, householdId);
      const rows = await repos.timeline.events(householdId);
      return rows.map((r) => ({
        at: iso(r.at),
        kind: r.kind,
        title: r.title,
        detail: r.detail,
        actorName: r.actor_name,
        caseId: r.case_id === null ? null : Number(r.case_id),
      }));
    },
  };
}

export type TimelineService = ReturnType<typeof createTimelineService>;
