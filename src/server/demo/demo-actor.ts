import type { RegionLevel } from '../../shared/roles.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { scopeForRegion } from '../services/region-scope.js';
import { toActorFields } from '../services/user-presenter.js';

/**
 * A demo user as the actor of a step the demo takes through a service (approving a case, signing a
 * self-check, sending a feed), so the service checks and records it as that user's; undefined when the
 * user is missing (a division file imported without their region).
 */
export async function demoActor(repos: Repositories, username: string): Promise<Actor | undefined> {
  const row = await repos.users.findByUsername(username);
  const user = row ? await repos.users.findById(row.id) : undefined;
  if (!user) {
    return undefined;
  }
  const level = user.region_level as RegionLevel;
  const zoneTowns = level === 'zone' ? await repos.regions.listZoneTownCodes(user.region_code) : [];
  return {
    ...toActorFields(user),
    scope: scopeForRegion({ code: user.region_code, level }, zoneTowns),
    ip: null,
    requestId: 'demo-seed',
  };
}
