import { clock } from '../../shared/clock.js';
import {
  type LeadEnterpriseLevel,
  type OperatorStatus,
  type OperatorType,
  type WorkshopCertLevel,
  type WorkshopType,
  workshopFlag,
} from '../../shared/operators.js';
import { countyCodeOf, isWithinScope } from '../../shared/region-code.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { OperatorRow, OperatorWrite } from '../repositories/operator.repository.js';
import type { Actor } from './actor.js';
import { diff, recordAudit } from './audit.js';
import { isRegionInScope, scopeForRegion } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';

export interface OperatorFields {
  regionCode?: string | undefined;
  name?: string | undefined;
  uscc?: string | null | undefined;
  operatorType?: OperatorType | undefined;
  legalPerson?: string | null | undefined;
  contactPhone?: string | null | undefined;
  leadLevel?: LeadEnterpriseLevel | null | undefined;
  leadCertifiedOn?: string | null | undefined;
  note?: string | null | undefined;
}

export interface WorkshopInput {
  /** The profile's version the user saw; null when describing the workshop for the first time. */
  version: number | null;
  workshopType: WorkshopType;
  site?: string | null | undefined;
  certifiedLevel?: WorkshopCertLevel | null | undefined;
  certifiedOn?: string | null | undefined;
  certifiedBy?: string | null | undefined;
  capacity?: number | null | undefined;
  insured: boolean;
}

export interface OperatorSearchInput {
  regionCode?: string | undefined;
  operatorType?: OperatorType | undefined;
  status?: OperatorStatus | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const present = (o: OperatorRow) => ({
  id: o.id,
  countyCode: o.county_code,
  regionCode: o.region_code,
  regionName: o.region_name,
  name: o.name,
  uscc: o.uscc,
  operatorType: o.operator_type,
  legalPerson: o.legal_person,
  contactPhone: o.contact_phone,
  leadLevel: o.lead_level,
  leadCertifiedOn: o.lead_certified_on,
  status: o.status,
  note: o.note,
  workersThisYear: Number(o.workers_this_year ?? 0),
  workersNow: Number(o.workers_now ?? 0),
  // The profile exists once the workshop is described; the flag reads who works there this month.
  workshop:
    o.workshop_type === null
      ? null
      : {
          workshopType: o.workshop_type as WorkshopType,
          site: o.site,
          certifiedLevel: o.certified_level as WorkshopCertLevel | null,
          certifiedOn: o.certified_on,
          certifiedBy: o.certified_by,
          capacity: o.capacity,
          insured: Boolean(o.insured),
          version: o.workshop_version ?? 1,
        },
  workshopFlag:
    o.operator_type === 'workshop' || o.workshop_type !== null
      ? workshopFlag(Number(o.workers_now ?? 0))
      : null,
  version: o.version,
  updatedAt: new Date(o.updated_at).toISOString(),
});

/** This year and month on the one clock: the work records counted on an operator are those active in them. */
function thisYear() {
  const today = clock().today();
  const year = today.slice(0, 4);
  return { yearStart: `${year}-01-01`, yearEnd: `${year}-12-31`, monthStart: `${today.slice(0, 7)}-01` };
}

/**
 * The operator registry (经营主体): a county or township registers the co-operatives, family farms, lead
 * enterprises, collectives and workshops in its scope, once; employment, farmer linkage and consumer assistance
 * point at these rows. The lead-enterprise certification belongs only to a lead enterprise.
 */
export function createOperatorService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  /** The region an operator sits in: in the actor's scope (else "missing"), a county, town or village. */
  async function placeOf(actor: Actor, regionCode: string) {
    const region = await repos.regions.findByCode(regionCode);
    if (!region || !isRegionInScope(region, actor.scope)) {
      throw notFound('区划');
    }
    const countyCode = countyCodeOf(region.code, region.level);
    if (countyCode === null) {
      throw validation('经营主体应登记在县、乡镇或村，不能登记在市或管理区', { field: 'regionCode' });
    }
    return { regionCode: region.code, countyCode };
  }

  function checkLead(type: OperatorType, level: LeadEnterpriseLevel | null, certifiedOn: string | null) {
    if (level !== null && type !== 'lead_enterprise') {
      throw validation('只有龙头企业可填写龙头企业认定级别', { field: 'leadLevel' });
    }
    if (certifiedOn !== null && level === null) {
      throw validation('填写认定日期时，请同时选择认定级别', { field: 'leadLevel' });
    }
    if (certifiedOn !== null && certifiedOn > clock().today()) {
      throw validation('认定日期不能晚于今天', { field: 'leadCertifiedOn' });
    }
  }

  async function findInScope(actor: Actor, id: number) {
    const row = await repos.operators.find(id, thisYear());
    if (!row || !isWithinScope(row.region_code, actor.scope)) {
      throw notFound('经营主体');
    }
    return row;
  }

  return {
    async search(actor: Actor, input: OperatorSearchInput) {
      let regionPrefixes: string[] | undefined;
      if (input.regionCode) {
        const region = await repos.regions.findByCode(input.regionCode);
        if (!region || !isRegionInScope(region, actor.scope)) {
          throw notFound('区划');
        }
        const zoneTowns = region.level === 'zone' ? await repos.regions.listZoneTownCodes(region.code) : [];
        regionPrefixes = scopeForRegion(region, zoneTowns);
      }
      const result = await repos.operators.search({
        scope: actor.scope,
        regionPrefixes,
        operatorType: input.operatorType,
        status: input.status,
        q: input.q,
        ...thisYear(),
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: result.items.map(present), total: result.total };
    },

    async get(actor: Actor, id: number) {
      return present(await findInScope(actor, id));
    },

    async create(
      actor: Actor,
      input: OperatorFields & { regionCode: string; name: string; operatorType: OperatorType },
    ) {
      const place = await placeOf(actor, input.regionCode);
      const leadLevel = input.leadLevel ?? null;
      const leadCertifiedOn = input.leadCertifiedOn ?? null;
      checkLead(input.operatorType, leadLevel, leadCertifiedOn);
      const id = await tx(async (t) => {
        const newId = await t.operators.insert({
          county_code: place.countyCode,
          region_code: place.regionCode,
          name: input.name,
          uscc: input.uscc ?? null,
          operator_type: input.operatorType,
          legal_person: input.legalPerson ?? null,
          contact_phone: input.contactPhone ?? null,
          lead_level: leadLevel,
          lead_certified_on: leadCertifiedOn,
          note: input.note ?? null,
          created_by: actor.userId,
        });
        await recordAudit(t, actor, {
          action: 'operator.create',
          entityType: 'operator',
          entityId: newId,
          regionCode: place.regionCode,
          new: input,
        });
        return newId;
      });
      return present(await findInScope(actor, id));
    },

    async update(
      actor: Actor,
      id: number,
      input: OperatorFields & { version: number; status?: OperatorStatus | undefined },
    ) {
      const before = await findInScope(actor, id);
      const place = input.regionCode ? await placeOf(actor, input.regionCode) : null;
      const type = input.operatorType ?? before.operator_type;
      const leadLevel = input.leadLevel === undefined ? before.lead_level : input.leadLevel;
      const leadCertifiedOn =
        input.leadCertifiedOn === undefined ? before.lead_certified_on : input.leadCertifiedOn;
      checkLead(type, leadLevel, leadCertifiedOn);
      const values: OperatorWrite = {
        ...(place ? { region_code: place.regionCode, county_code: place.countyCode } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.uscc !== undefined ? { uscc: input.uscc } : {}),
        ...(input.operatorType !== undefined ? { operator_type: input.operatorType } : {}),
        ...(input.legalPerson !== undefined ? { legal_person: input.legalPerson } : {}),
        ...(input.contactPhone !== undefined ? { contact_phone: input.contactPhone } : {}),
        ...(input.leadLevel !== undefined ? { lead_level: input.leadLevel } : {}),
        ...(input.leadCertifiedOn !== undefined ? { lead_certified_on: input.leadCertifiedOn } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      };
      const changes = diff(before as unknown as Record<string, unknown>, values as Record<string, unknown>);
      if (changes.isEmpty) {
        if (before.version !== input.version) {
          throw conflict('经营主体已被他人修改，请刷新后再试');
        }
        return present(before);
      }
      await tx(async (t) => {
        if (!(await t.operators.update(id, input.version, values))) {
          throw conflict('经营主体已被他人修改，请刷新后再试');
        }
        await recordAudit(t, actor, {
          action: 'operator.update',
          entityType: 'operator',
          entityId: id,
          regionCode: place?.regionCode ?? before.region_code,
          old: changes.old,
          new: changes.new,
        });
      });
      return present(await findInScope(actor, id));
    },

    /**
     * Describes an assistance workshop (type, site, certification, capacity, insurance): only an operator of
     * the workshop type has a workshop profile. Its employees are the work records through it, never a list here.
     */
    async saveWorkshop(actor: Actor, id: number, input: WorkshopInput) {
      const operator = await findInScope(actor, id);
      if (operator.operator_type !== 'workshop') {
        throw validation('只有类型为帮扶车间的经营主体才有车间信息', { field: 'workshopType' });
      }
      if (input.certifiedOn && input.certifiedOn > clock().today()) {
        throw validation('认定日期不能晚于今天', { field: 'certifiedOn' });
      }
      if (input.certifiedOn && !input.certifiedLevel) {
        throw validation('填写认定日期时，请同时选择认定级别', { field: 'certifiedLevel' });
      }
      const values = {
        workshop_type: input.workshopType,
        site: input.site ?? null,
        certified_level: input.certifiedLevel ?? null,
        certified_on: input.certifiedOn ?? null,
        certified_by: input.certifiedBy ?? null,
        capacity: input.capacity ?? null,
        insured: input.insured,
      };
      await tx(async (t) => {
        if (!(await t.operators.saveWorkshop(id, operator.county_code, input.version, values))) {
          throw conflict('车间信息已被他人修改，请刷新后再试');
        }
        await recordAudit(t, actor, {
          action: 'workshop.save',
          entityType: 'workshop',
          entityId: id,
          regionCode: operator.region_code,
          old:
            operator.workshop_type === null
              ? null
              : {
                  workshop_type: operator.workshop_type,
                  site: operator.site,
                  certified_level: operator.certified_level,
                  certified_on: operator.certified_on,
                  certified_by: operator.certified_by,
                  capacity: operator.capacity,
                  insured: operator.insured,
                },
          new: values,
        });
      });
      return present(await findInScope(actor, id));
    },
  };
}

export type OperatorService = ReturnType<typeof createOperatorService>;
