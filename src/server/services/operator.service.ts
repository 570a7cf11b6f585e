import { clock } from '../../shared/clock.js';
import type { LeadEnterpriseLevel, OperatorStatus, OperatorType } from '../../shared/operators.js';
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
  workshop: Boolean(o.is_workshop),
  workersThisYear: Number(o.workers_this_year ?? 0),
  version: o.version,
  updatedAt: new Date(o.updated_at).toISOString(),
});

/** This year on the one clock: the work records counted on an operator are those active in it. */
function thisYear() {
  const year = clock().today().slice(0, 4);
  return { yearStart: `${year}-01-01`, yearEnd: `${year}-12-31` };
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
    const row = await repos.operators.find(id, thisYear().yearStart, thisYear().yearEnd);
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
  };
}

export type OperatorService = ReturnType<typeof createOperatorService>;
