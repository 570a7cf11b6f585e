import type { HouseholdType } from '../../shared/household-codes.js';
import type { Secrets } from '../adapters/secrets.js';
import { normaliseIdInput } from '../domain/id-input.js';
import { notFound } from '../errors.js';
import type { HouseholdFilter, HouseholdFlag } from '../repositories/household.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { isRegionInScope, scopeForRegion } from './region-scope.js';

/** The registry's search as the user typed it: the household list and its export take the same one. */
export interface HouseholdFilterInput {
  regionCode?: string | undefined;
  type?: HouseholdType | undefined;
  headName?: string | undefined;
  idNumber?: string | undefined;
  flag?: HouseholdFlag | undefined;
}

/**
 * Turns the typed search into repository filters: a region outside the actor's scope is reported like a
 * missing one, and an ID number becomes the households holding it (found by its hash, never its text).
 */
export async function resolveHouseholdFilter(
  repos: Repositories,
  secrets: Secrets,
  actor: Actor,
  input: HouseholdFilterInput,
): Promise<HouseholdFilter & { regionCode: string | null }> {
  let regionPrefixes: string[] | undefined;
  let regionCode: string | null = null;
  if (input.regionCode) {
    const region = await repos.regions.findByCode(input.regionCode);
    if (!region || !isRegionInScope(region, actor.scope)) {
      throw notFound('区划');
    }
    const zoneTowns = region.level === 'zone' ? await repos.regions.listZoneTownCodes(region.code) : [];
    regionPrefixes = scopeForRegion(region, zoneTowns);
    regionCode = region.code;
  }
  let householdIds: number[] | undefined;
  if (input.idNumber) {
    const parsed = normaliseIdInput(input.idNumber);
    householdIds = parsed.ok
      ? await repos.households.findHouseholdIdsByPersonHash(secrets.hash(parsed.id))
      : [];
  }
  return {
    regionCode,
    regionPrefixes,
    type: input.type,
    headName: input.headName,
    householdIds,
    flag: input.flag,
  };
}
