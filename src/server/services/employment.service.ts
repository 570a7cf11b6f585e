import { addMonths, monthBounds, monthOf } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import {
  EMPLOYMENT_DEFAULTS,
  WORK_PLACES,
  WORK_RULES,
  type WorkCategory,
  type WorkChannel,
  type WorkPlace,
  type WorkRule,
  type WorkSector,
} from '../../shared/employment.js';
import { scopePrefix } from '../../shared/region-code.js';

import { conflict, notFound, validation } from '../errors.js';
import type { WorkRecordRow, WorkRecordValues } from '../repositories/employment.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { diff, recordAudit } from './audit.js';
import type { HouseholdService } from './household.service.js';
import { regionBreakdown } from './region-breakdown.js';
import { isRegionInScope } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';

export interface WorkRecordInput {
  category: WorkCategory;
  startMonth: string;
  endMonth?: string | null | undefined;
  workProvince?: string | null | undefined;
  workCity?: string | null | undefined;
  workCounty?: string | null | undefined;
  monthlyIncome?: string | null | undefined;
  sector?: WorkSector | null | undefined;
  industry?: string | null | undefined;
  channel?: WorkChannel | null | undefined;
  operatorId?: number | null | undefined;
  employer?: string | null | undefined;
  pointToPoint?: boolean | null | undefined;
  transportSubsidy?: string | null | undefined;
}

const clean = (v: string | null | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

export function presentWorkRecord(r: WorkRecordRow) {
  return {
    id: Number(r.id),
    clientId: r.client_id,
    personId: Number(r.person_id),
    personName: r.person_name,
    idMasked: r.id_masked,
    householdId: Number(r.household_id),
    regionCode: r.region_code,
    regionName: r.region_name,
    category: r.category,
    startMonth: r.start_month,
    endMonth: r.end_month,
    workProvince: r.work_province,
    workCity: r.work_city,
    workCounty: r.work_county,
    place: r.place as WorkPlace | null,
    monthlyIncome: r.monthly_income,
    sector: r.sector as WorkSector | null,
    industry: r.industry,
    channel: r.channel as WorkChannel | null,
    operatorId: r.operator_id === null ? null : Number(r.operator_id),
    operatorName: r.operator_name,
    employer: r.employer,
    pointToPoint: r.point_to_point,
    transportSubsidy: r.transport_subsidy,
    source: r.source,
    visitId: r.visit_id,
    endLeadId: r.end_lead_id === null ? null : Number(r.end_lead_id),
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/**
 * Work monitoring (务工监测): work records of household members (a clerk's entry or one made at a visit, online
 * or from the phone's outbox), the job-end leads, the work data-quality to-dos, and the employment scale read
 * from the monthly summary against the city's and each county's target.
 */
export function createEmploymentService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  households: HouseholdService;
  province: string;
  /** Recomputes the open month's figures soon (the scale moves when a record is saved). */
  refreshFigures: () => Promise<void>;
}) {
  const { repos, tx, households, province, refreshFigures } = deps;
  // Not awaited: the clerk's save does not wait for the figures; a failed run is redone by the ten-minute job.
  const figuresChanged = () => {
    refreshFigures().catch(() => undefined);
  };

  async function settingsOf(year: number, r: Repositories = repos) {
    const row = await r.employment.settings(year);
    return {
      year,
      minMonths: row?.min_months ?? EMPLOYMENT_DEFAULTS.minMonths,
      jobGapDays: row?.job_gap_days ?? EMPLOYMENT_DEFAULTS.jobGapDays,
      cityTarget: row?.city_target ?? EMPLOYMENT_DEFAULTS.cityTarget,
    };
  }

  /** The person's household if the actor reaches it (helpers: their own households); else 404 like a missing one. */
  async function personInScope(actor: Actor, personId: number, r: Repositories) {
    const person = await r.employment.findPerson(personId);
    const household = person
      ? await r.households.findAccessibleById(Number(person.household_id), households.accessOf(actor))
      : undefined;
    if (!person || !household) {
      throw notFound('人员');
    }
    return { person, household };
  }

  async function recordInScope(actor: Actor, id: number, r: Repositories) {
    const record = await r.employment.findRecord(id);
    if (!record) {
      throw notFound('务工记录');
    }
    const household = await r.households.findAccessibleById(
      Number(record.household_id),
      households.accessOf(actor),
    );
    if (!household) {
      throw notFound('务工记录');
    }
    return record;
  }

  /** The record's values; `countyCode` is the household's: a workshop or lead enterprise is named from its county. */
  async function valuesOf(
    input: WorkRecordInput,
    countyCode: string,
    r: Repositories,
  ): Promise<WorkRecordValues> {
    const endMonth = input.endMonth ?? null;
    if (endMonth !== null && endMonth < input.startMonth) {
      throw validation('务工结束年月不能早于开始年月', { field: 'endMonth' });
    }
    const today = clock().today();
    if (input.startMonth > monthOf(today)) {
      throw validation('务工开始年月不能晚于本月', { field: 'startMonth' });
    }
    const channel = input.channel ?? null;
    const operatorId = input.operatorId ?? null;
    if (operatorId !== null) {
      const operator = await r.employment.findOperator(operatorId);
      const expected =
        channel === 'workshop' ? 'workshop' : channel === 'lead_enterprise' ? 'lead_enterprise' : null;
      // Another county's operator answers like a missing one: its registry is not this county's to read.
      if (!operator || operator.county_code !== countyCode) {
        throw validation('所选经营主体不在本县经营主体名录中', { field: 'operatorId' });
      }
      if (expected === null || operator.operator_type !== expected) {
        throw validation('所选经营主体与就业渠道不符（帮扶车间或龙头企业）', { field: 'operatorId' });
      }
    }
    return {
      category: input.category,
      startMonth: input.startMonth,
      endMonth,
      workProvince: clean(input.workProvince),
      workCity: clean(input.workCity),
      workCounty: clean(input.workCounty),
      monthlyIncome: input.monthlyIncome ?? null,
      sector: input.sector ?? null,
      industry: clean(input.industry),
      channel,
      operatorId,
      employer: clean(input.employer),
      pointToPoint: input.pointToPoint ?? null,
      transportSubsidy: input.transportSubsidy ?? null,
    };
  }

  async function getSettings(year: number) {
    const targets = await repos.employment.targets(year);
    return {
      ...(await settingsOf(year)),
      targets: targets.map((t) => ({ countyCode: t.county_code, target: t.target })),
    };
  }

  return {
    async saveSettings(
      actor: Actor,
      input: {
        year: number;
        minMonths: number;
        jobGapDays: number;
        cityTarget: number;
        targets: Array<{ countyCode: string; target: number }>;
      },
    ) {
      const before = {
        ...(await settingsOf(input.year)),
        targets: await repos.employment.targets(input.year),
      };
      await tx(async (t) => {
        await t.employment.saveSettings(input.year, input, actor.username);
        await t.employment.saveTargets(input.year, input.targets);
        await recordAudit(t, actor, {
          action: 'employment.settings',
          entityType: 'employment_setting',
          entityId: input.year,
          old: before,
          new: input,
        });
      });
      return getSettings(input.year);
    },

    getSettings,

    /**
     * Adds a work record. With `clientId` (made by the phone at a visit) a resend answers the stored record
     * (`created: false`) instead of a second one.
     */
    async add(
      actor: Actor,
      input: WorkRecordInput & {
        personId: number;
        clientId?: string | null | undefined;
        visitId?: string | null | undefined;
      },
    ) {
      const clientId = input.clientId ?? null;
      if (clientId) {
        const earlier = await repos.employment.findByClientId(clientId);
        if (earlier) {
          await recordInScope(actor, Number(earlier.id), repos);
          return { created: false, record: presentWorkRecord(earlier) };
        }
      }
      const id = await tx(async (t) => {
        const { person, household } = await personInScope(actor, input.personId, t);
        const values = await valuesOf(input, household.county_code, t);
        if (await t.employment.findSameStart(Number(person.id), values.startMonth, null)) {
          throw conflict(`${person.name} 已有 ${values.startMonth} 开始的务工记录，请修改那一条`);
        }
        const newId = await t.employment.insertRecord(
          {
            ...values,
            clientId,
            personId: Number(person.id),
            householdId: Number(household.id),
            countyCode: household.county_code,
            source: input.visitId ? 'visit' : 'clerk',
            visitId: input.visitId ?? null,
            createdBy: actor.userId,
          },
          province,
        );
        if (newId === null) {
          throw conflict('该记录已保存，请刷新');
        }
        await t.employment.syncSourceMeasures({ recordId: newId });
        await recordAudit(t, actor, {
          action: 'work_record.create',
          entityType: 'work_record',
          entityId: newId,
          regionCode: household.region_code,
          new: { personId: input.personId, ...values, clientId, visitId: input.visitId ?? null },
        });
        return newId;
      });
      figuresChanged();
      const record = await repos.employment.findRecord(id);
      if (!record) {
        throw notFound('务工记录');
      }
      return { created: true, record: presentWorkRecord(record) };
    },

    async update(actor: Actor, id: number, input: WorkRecordInput & { version: number }) {
      await tx(async (t) => {
        const record = await recordInScope(actor, id, t);
        const values = await valuesOf(input, record.county_code, t);
        if (await t.employment.findSameStart(Number(record.person_id), values.startMonth, id)) {
          throw conflict(`${record.person_name} 已有 ${values.startMonth} 开始的务工记录`);
        }
        if (!(await t.employment.updateRecordIfVersion(id, input.version, values, province))) {
          throw conflict('该务工记录已被他人修改，请刷新后重试');
        }
        await t.employment.syncSourceMeasures({ recordId: id });
        const before = {
          ...values,
          category: record.category,
          startMonth: record.start_month,
          endMonth: record.end_month,
          monthlyIncome: record.monthly_income,
          channel: record.channel,
          employer: record.employer,
        };
        const changes = diff(before as Record<string, unknown>, values as unknown as Record<string, unknown>);
        await recordAudit(t, actor, {
          action: 'work_record.update',
          entityType: 'work_record',
          entityId: id,
          regionCode: record.region_code,
          old: changes.old,
          new: changes.new,
        });
      });
      figuresChanged();
      const record = await repos.employment.findRecord(id);
      if (!record) {
        throw notFound('务工记录');
      }
      return presentWorkRecord(record);
    },

    async remove(actor: Actor, id: number, version: number) {
      await tx(async (t) => {
        const record = await recordInScope(actor, id, t);
        if (!(await t.employment.deleteRecordIfVersion(id, version))) {
          throw conflict('该务工记录已被他人修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'work_record.delete',
          entityType: 'work_record',
          entityId: id,
          regionCode: record.region_code,
          old: presentWorkRecord(record),
        });
      });
      figuresChanged();
      return { ok: true as const };
    },

    async get(actor: Actor, id: number) {
      return presentWorkRecord(await recordInScope(actor, id, repos));
    },

    /** Records of one person or household (checked for access), or a page of the actor's scope. */
    async list(
      actor: Actor,
      input: {
        personId?: number | undefined;
        householdId?: number | undefined;
        regionCode?: string | undefined;
        operatorId?: number | undefined;
        current?: boolean | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      let prefixes: readonly string[] = actor.scope;
      if (input.operatorId !== undefined) {
        // A workshop's employees: an operator outside the actor's scope is reported like a missing one.
        const operator = await repos.employment.findOperator(input.operatorId);
        if (!operator || !actor.scope.some((p) => operator.region_code.startsWith(p))) {
          throw notFound('经营主体');
        }
      }
      if (input.personId !== undefined) {
        await personInScope(actor, input.personId, repos);
      }
      if (input.householdId !== undefined) {
        const household = await repos.households.findAccessibleById(
          input.householdId,
          households.accessOf(actor),
        );
        if (!household) {
          throw notFound('农户');
        }
      }
      if (input.regionCode) {
        const region = await repos.regions.findByCode(input.regionCode);
        if (!region || region.level === 'zone' || !isRegionInScope(region, actor.scope)) {
          throw notFound('区划');
        }
        prefixes = [scopePrefix(region.code, region.level)];
      }
      const { rows, total } = await repos.employment.listRecords({
        prefixes,
        helperUserId: actor.role === 'helper' ? actor.userId : null,
        today: clock().today(),
        personId: input.personId,
        householdId: input.householdId,
        operatorId: input.operatorId,
        current: input.current,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: rows.map(presentWorkRecord), total };
    },

    /**
     * 稳岗: every job that ended with no new job within the gap raises a lead with risk 因务工就业不稳 through
     * `leads.raise` (joining the household's open lead if it has one), once per record; then the measures of
     * workshop and post records are brought onto cases opened since the record was saved. Run by the scheduler.
     */
    async scanJobEnds(actor: Actor, today: string = clock().today()) {
      const { jobGapDays } = await settingsOf(Number(today.slice(0, 4)));
      const ended = await repos.employment.endedWithoutNewJob(today, jobGapDays);
      let raised = 0;
      for (const record of ended) {
        await tx(async (t) => {
          const { leadId } = await t.leads.raise({
            householdId: Number(record.household_id),
            source: 'work_monitoring',
            reasons: ['risk_unstable_employment'],
            facts: { personName: record.person_name, endMonth: record.end_month, gapDays: jobGapDays },
            ref: `work_record:${record.id}`,
            note: `${record.person_name} 务工于 ${record.end_month} 结束，${jobGapDays} 天内无新务工记录`,
          });
          await t.employment.setEndLead(Number(record.id), leadId);
          await recordAudit(t, actor, {
            action: 'work_record.job_end_lead',
            entityType: 'work_record',
            entityId: record.id,
            new: { leadId, endMonth: record.end_month, gapDays: jobGapDays },
          });
        });
        raised++;
      }
      const measures = await repos.employment.syncSourceMeasures({});
      return { leadsRaised: raised, measuresWritten: measures };
    },

    /** Demo data for the demo counties (a fresh non-production database): records, a workshop, their measures. */
    async seedDemo(actor: Actor, countyCodes: readonly string[], village: string) {
      const today = clock().today();
      const written = await tx(async (t) => {
        const n = await t.employment.seedDemo(countyCodes, village, today, province);
        await t.employment.syncSourceMeasures({});
        await recordAudit(t, actor, {
          action: 'employment.demo',
          entityType: 'work_record',
          new: { records: n },
        });
        return n;
      });
      // The figures follow on the first look at the month (or the ten-minute job); a fresh start does not wait.
      return written;
    },

    /** The work data-quality to-dos (national checker's rules) in the actor's scope or one region of it. */
    async issues(
      actor: Actor,
      input: { regionCode?: string | undefined; rule?: WorkRule | undefined; page: number; pageSize: number },
    ) {
      let prefixes: readonly string[] = actor.scope;
      if (input.regionCode) {
        const region = await repos.regions.findByCode(input.regionCode);
        if (!region || region.level === 'zone' || !isRegionInScope(region, actor.scope)) {
          throw notFound('区划');
        }
        prefixes = [scopePrefix(region.code, region.level)];
      }
      const { counts, items } = await repos.employment.issues(
        prefixes,
        clock().today(),
        input.rule,
        input.pageSize,
        (input.page - 1) * input.pageSize,
      );
      const total = input.rule ? (counts[input.rule] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
      return {
        counts: Object.fromEntries(WORK_RULES.map((r) => [r, counts[r] ?? 0])) as Record<WorkRule, number>,
        total,
        items: items.map((i) => ({
          rule: i.rule as WorkRule,
          recordId: Number(i.record_id),
          personId: Number(i.person_id),
          personName: i.person_name,
          householdId: Number(i.household_id),
          headName: i.head_name,
          regionCode: i.region_code,
          regionName: i.region_name,
        })),
      };
    },

    /**
     * The employment scale (务工规模) of a region and its children for a month, from the monthly summary rows
     * (never the persons): workers by place, local and away, against the city's or the county's target, and
     * the region's months of the year so far.
     */
    async scale(actor: Actor, input: { month?: string | undefined; regionCode?: string | undefined }) {
      const month = input.month ?? monthOf(clock().today());
      monthBounds(month);
      const year = Number(month.slice(0, 4));
      const b = await regionBreakdown(repos, actor, input.regionCode);
      const period = await repos.reports.findMonth(month);
      if (!period && month === monthOf(clock().today())) {
        await refreshFigures();
      }
      const settings = await settingsOf(year);
      const targets = new Map((await repos.employment.targets(year)).map((t) => [t.county_code, t.target]));
      const targetOf = (code: string, level: string) =>
        level === 'city' ? settings.cityTarget : level === 'county' ? (targets.get(code) ?? null) : null;
      const months = Array.from({ length: Number(month.slice(5, 7)) }, (_, i) =>
        monthOf(addMonths(`${year}-01-01`, i)),
      );
      const rows = await repos.employment.scaleRows(months, [
        b.region.code,
        ...b.children.map((c) => c.code),
      ]);
      const figureOf = (code: string, m: string) => {
        const f = rows.find((r) => r.regionCode === code && r.month === m)?.figures ?? {};
        const byPlace = (f.workersByPlace ?? {}) as Record<string, number>;
        return {
          workers: Number(f.workers ?? 0),
          local: Number(f.workersLocal ?? 0),
          away: Number(f.workersAway ?? 0),
          byPlace: Object.fromEntries(WORK_PLACES.map((p) => [p, Number(byPlace[p] ?? 0)])) as Record<
            WorkPlace,
            number
          >,
        };
      };
      const childLevel =
        b.region.level === 'city' ? 'county' : b.region.level === 'county' ? 'town' : 'village';
      return {
        month,
        status: ((await repos.reports.findMonth(month))?.status ?? 'open') as 'open' | 'closed',
        minMonths: settings.minMonths,
        regionCode: b.region.code,
        regionName: b.region.name,
        target: targetOf(b.region.code, b.region.level),
        total: figureOf(b.region.code, month),
        trend: months.map((m) => ({ month: m, workers: figureOf(b.region.code, m).workers })),
        children: b.children.map((c) => ({
          regionCode: c.code,
          regionName: c.name,
          target: targetOf(c.code, childLevel),
          ...figureOf(c.code, month),
        })),
      };
    },
  };
}

export type EmploymentService = ReturnType<typeof createEmploymentService>;
