import type { WorksetResponse } from '../../shared/workset.js';
import { validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import type { HouseholdService } from './household.service.js';

/**
 * How far back a refresh looks before its cursor. A row is stamped when its transaction starts but seen
 * only after it commits, so a write in flight while the last work set was read could carry a time just
 * before that cursor. Resending a few minutes of changes is harmless: the device replaces whole records.
 */
export const CURSOR_OVERLAP_MS = 5 * 60 * 1000;

/** A work set is for the households one person visits; a county's tens of thousands are not carried on a phone. */
export const MAX_WORKSET_HOUSEHOLDS = 5000;

/** Visits kept per household in the work set (enough to see what was said last time). */
const LAST_VISITS = 3;

/** The offline work set (issue #7): download once, then refresh only what changed. */
export function createSyncService(deps: { repos: Repositories; households: HouseholdService }) {
  const { repos, households } = deps;

  return {
    async workset(actor: Actor, input: { since?: string | undefined }): Promise<WorksetResponse> {
      const access = households.accessOf(actor);
      // The cursor is read before the data, so anything written meanwhile comes again next time.
      const now = await repos.sync.now();
      const scopeIds = await repos.sync.scopeIds(access);
      if (scopeIds.length > MAX_WORKSET_HOUSEHOLDS) {
        throw validation(`离线范围超过 ${MAX_WORKSET_HOUSEHOLDS} 户，请由村级账号或帮扶责任人下载`, {
          households: scopeIds.length,
        });
      }
      const since = input.since ? new Date(Date.parse(input.since) - CURSOR_OVERLAP_MS) : null;
      const full = since === null || (await repos.sync.policyChangedSince(since));
      const ids = full || since === null ? scopeIds : await repos.sync.changedIds(access, since);

      const [rows, members, visits, leads, alerts] = await Promise.all([
        repos.sync.households(ids),
        repos.sync.members(ids),
        repos.sync.lastVisits(ids, LAST_VISITS),
        repos.sync.openLeads(ids),
        repos.sync.openAlerts(ids),
      ]);
      const byHousehold = <T extends { household_id: number }>(list: T[]) => {
        const map = new Map<number, T[]>();
        for (const item of list) {
          map.set(item.household_id, [...(map.get(item.household_id) ?? []), item]);
        }
        return map;
      };
      const membersOf = byHousehold(members);
      const visitsOf = byHousehold(visits);
      const leadsOf = byHousehold(leads);
      const alertsOf = byHousehold(alerts);
      return {
        cursor: now.toISOString(),
        full,
        scopeIds,
        households: rows.map((h) => ({
          id: h.id,
          householdNo: h.household_no,
          householdType: h.household_type,
          headName: h.head_name,
          memberCount: h.member_count,
          address: h.address,
          housingGrade: h.housing_grade,
          waterQuantityOk: h.water_quantity_ok,
          waterQualityOk: h.water_quality_ok,
          phoneMasked: h.phone_masked,
          regionCode: h.region_code,
          regionName: h.region_name,
          version: h.version,
          cadenceMonths: h.months,
          lastVisitedOn: h.last_visited_on,
          dueOn: h.due_on,
          members: (membersOf.get(h.id) ?? []).map((m) => ({
            id: m.id,
            name: m.name,
            relation: m.relation,
            sex: m.sex,
            idMasked: m.id_masked,
            labourSkill: m.labour_skill,
            health: m.health,
          })),
          lastVisits: (visitsOf.get(h.id) ?? []).map((v) => ({
            id: v.id,
            visitedOn: v.visited_on,
            visitorName: v.visitor_name,
            incomeChanged: v.income_changed,
            newRisks: v.new_risks as string[],
            note: v.note,
          })),
          openLeads: (leadsOf.get(h.id) ?? []).map((l) => ({
            id: l.id,
            source: l.source,
            reasons: l.reasons as string[],
            foundOn: l.found_on,
            note: l.note,
            version: l.version,
          })),
          openAlerts: (alertsOf.get(h.id) ?? []).map((a) => ({
            id: a.id,
            department: a.department,
            feedType: a.feed_type,
            ruleCode: a.rule_code,
            period: a.period,
            personName: a.person_name,
            dueOn: a.due_on,
            version: a.version,
          })),
        })),
      };
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
