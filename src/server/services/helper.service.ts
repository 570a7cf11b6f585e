import { clock } from '../../shared/clock.js';
import { notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { HouseholdService } from './household.service.js';
import type { RunInTransaction } from './transaction.js';

/** Helpers (帮扶责任人): who may be assigned, and 落实帮扶责任人 for households in bulk. */
export function createHelperService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  households: HouseholdService;
}) {
  const { repos, tx, households } = deps;
  return {
    /** Helper-role users an assigner may choose: anyone in the counties of their scope. */
    async helperUsers(actor: Actor, regionCode: string | undefined) {
      const counties = [...new Set(actor.scope.map((p) => p.slice(0, 6)))];
      // A helper may serve anywhere in the county (public servants of county bureaus help village households).
      const county = regionCode?.slice(0, 6);
      const scope = county && counties.some((c) => county.startsWith(c)) ? [county] : counties;
      const rows = await repos.helpers.helperUsers(scope, clock().today());
      return rows.map((u) => ({
        userId: u.id,
        name: u.display_name,
        username: u.username,
        regionCode: u.region_code,
        regionName: u.region_name,
        unit: u.unit,
        phone: u.phone,
        households: u.households ?? 0,
      }));
    },

    /** 落实帮扶责任人 in bulk: each household must be in the assigner's scope and the helper in its county. */
    async assignHelper(
      actor: Actor,
      input: { householdIds: number[]; userId: number; startsOn?: string | undefined },
    ) {
      const startsOn = input.startsOn ?? clock().today();
      const ids = [...new Set(input.householdIds)];
      return tx(async (t) => {
        const access = households.accessOf(actor);
        const found = await t.households.findAccessibleByIds(ids, access);
        if (found.length !== ids.length) {
          throw notFound('农户');
        }
        const helper = await t.users.findById(input.userId);
        if (helper?.role !== 'helper' || helper.disabled) {
          throw validation('请选择一名在用的帮扶责任人', { field: 'userId' });
        }
        for (const household of found) {
          if (!helper.region_code.startsWith(household.county_code.slice(0, 6))) {
            throw validation(`帮扶责任人${helper.display_name}不在${household.head_name}户所在县区`, {
              field: 'userId',
            });
          }
        }
        const result = await t.helpers.assignHelper({
          householdIds: ids,
          userId: helper.id,
          startsOn,
          assignedBy: actor.userId,
        });
        await recordAudit(t, actor, {
          action: 'helper.assign',
          entityType: 'helper_assignment',
          entityId: helper.id,
          regionCode: found[0]?.region_code ?? null,
          new: { helper: helper.display_name, householdIds: ids, startsOn, ...result },
        });
        return result;
      });
    },
  };
}

export type HelperService = ReturnType<typeof createHelperService>;
