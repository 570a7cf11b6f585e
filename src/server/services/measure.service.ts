import { isLiveStage, isUnderMonitoring } from '../../shared/case-workflow.js';
import type { MeasureCategory } from '../../shared/measures.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { diff, recordAudit } from './audit.js';
import { type CaseService, presentMeasure } from './case.service.js';
import type { RunInTransaction } from './transaction.js';

export interface MeasureInput {
  category: MeasureCategory;
  item: string;
  startsOn: string;
  endsOn?: string | null | undefined;
  amount?: string | null | undefined;
  provider?: string | null | undefined;
  note?: string | null | undefined;
}

/** Assistance measures (帮扶措施) of monitored households. */
export function createMeasureService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  cases: CaseService;
}) {
  const { repos, tx, cases } = deps;

  async function measureInScope(actor: Actor, id: number, r: Repositories) {
    const measure = await r.measures.findById(id);
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
        const measureId = await t.measures.insert(values);
        await recordAudit(t, actor, {
          action: 'measure.create',
          entityType: 'measure',
          entityId: measureId,
          regionCode: c.region_code,
          new: { caseId, ...input },
        });
        return measureId;
      });
      const measure = await repos.measures.findById(id);
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
          amount: input.amount,
          provider: input.provider,
          note: input.note,
        };
        const startsOn = next.starts_on ?? measure.starts_on;
        const endsOn = next.ends_on === undefined ? measure.ends_on : next.ends_on;
        if (endsOn && endsOn < startsOn) {
          throw validation('结束日期不能早于开始日期', { field: 'endsOn' });
        }
        const changes = diff(measure as unknown as Record<string, unknown>, next);
        if (!(await t.measures.updateIfVersion(id, input.version, next))) {
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
      const measure = await repos.measures.findById(id);
      if (!measure) {
        throw notFound('帮扶措施');
      }
      return presentMeasure(measure);
    },

    async remove(actor: Actor, id: number, version: number) {
      await tx(async (t) => {
        const { measure, c } = await measureInScope(actor, id, t);
        if (!(await t.measures.deleteIfVersion(id, version))) {
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
  };
}

export type MeasureService = ReturnType<typeof createMeasureService>;
