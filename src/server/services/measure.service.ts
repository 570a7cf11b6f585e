import { shanghaiToday } from '../../shared/calendar.js';
import { isLiveStage, isUnderMonitoring } from '../../shared/case-workflow.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { diff, recordAudit } from './audit.js';
import { type CaseService, presentMeasure } from './case.service.js';
import type { HouseholdService } from './household.service.js';
import type { RunInTransaction } from './transaction.js';

export interface MeasureInput {
  category: string;
  item: string;
  startsOn: string;
  endsOn?: string | null | undefined;
  amount?: number | null | undefined;
  provider?: string | null | undefined;
  note?: string | null | undefined;
}

/** Assistance measures (帮扶措施) and helpers (帮扶责任人) of monitored households. */
export function createMeasureService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  cases: CaseService;
  households: HouseholdService;
}) {
  const { repos, tx, cases, households } = deps;

  async function measureInScope(actor: Actor, id: number, r: Repositories) {
    const measure = await r.cases.findMeasure(id);
    if (!measure) {
      throw notFound('帮扶措施');
    }
    const c = await cases.findCase(actor, measure.case_id, r).catch(() => {
      throw notFound('帮扶措施');
    });
    return { measure, c };
  }

  return {
    async add(actor: Actor, caseId: number, input: MeasureInput) {
      const id = await tx(async (t) => {
        const c = await cases.findCase(actor, caseId, t);
        if (!isLiveStage(c.stage) || !(isUnderMonitoring(c.stage) || c.green_channel)) {
          throw conflict('识别批准前只有绿色通道可以先行帮扶');
        }
        const values = {
          case_id: c.id,
          household_id: c.household_id,
          county_code: c.county_code,
          category: input.category,
          item: input.item,
          starts_on: input.startsOn,
          ends_on: input.endsOn ?? null,
          amount: input.amount ?? null,
          provider: input.provider ?? null,
          note: input.note ?? null,
          created_by: actor.userId,
        };
        const measureId = await t.cases.insertMeasure(values);
        await recordAudit(t, actor, {
          action: 'measure.create',
          entityType: 'measure',
          entityId: measureId,
          regionCode: c.region_code,
          new: { caseId, ...input },
        });
        return measureId;
      });
      const measure = await repos.cases.findMeasure(id);
      if (!measure) {
        throw notFound('帮扶措施');
      }
      return presentMeasure(measure);
    },

    async update(actor: Actor, id: number, input: Partial<MeasureInput> & { version: number }) {
      await tx(async (t) => {
        const { measure, c } = await measureInScope(actor, id, t);
        const next = {
          category: input.category,
          item: input.item,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          amount:
            input.amount === undefined ? undefined : input.amount === null ? null : String(input.amount),
          provider: input.provider,
          note: input.note,
        };
        const startsOn = next.starts_on ?? measure.starts_on;
        const endsOn = next.ends_on === undefined ? measure.ends_on : next.ends_on;
        if (endsOn && endsOn < startsOn) {
          throw validation('结束日期不能早于开始日期', { field: 'endsOn' });
        }
        const changes = diff(measure as unknown as Record<string, unknown>, next);
        if (!(await t.cases.updateMeasureIfVersion(id, input.version, next))) {
          throw conflict('该措施已被他人修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'measure.update',
          entityType: 'measure',
          entityId: id,
          regionCode: c.region_code,
          old: changes.old,
          new: changes.new,
        });
      });
      const measure = await repos.cases.findMeasure(id);
      if (!measure) {
        throw notFound('帮扶措施');
      }
      return presentMeasure(measure);
    },

    async remove(actor: Actor, id: number, version: number) {
      await tx(async (t) => {
        const { measure, c } = await measureInScope(actor, id, t);
        if (!(await t.cases.deleteMeasureIfVersion(id, version))) {
          throw conflict('该措施已被他人修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'measure.delete',
          entityType: 'measure',
          entityId: id,
          regionCode: c.region_code,
          old: presentMeasure(measure),
        });
      });
      return { ok: true as const };
    },

    /** Helper-role users an assigner may choose: anyone in the counties of their scope. */
    async helperUsers(actor: Actor, regionCode: string | undefined) {
      const counties = [...new Set(actor.scope.map((p) => p.slice(0, 6)))];
      // A helper may serve anywhere in the county (public servants of county bureaus help village households).
      const county = regionCode?.slice(0, 6);
      const scope = county && counties.some((c) => county.startsWith(c)) ? [county] : counties;
      const rows = await repos.cases.helperUsers(scope, shanghaiToday());
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
      const startsOn = input.startsOn ?? shanghaiToday();
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
        const result = await t.cases.assignHelper({
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

export type MeasureService = ReturnType<typeof createMeasureService>;
