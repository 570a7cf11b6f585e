import { monthBounds } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { isWithinScope } from '../../shared/region-code.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { regionBreakdown } from './region-breakdown.js';
import type { RunInTransaction } from './transaction.js';

/** 一月一核查: a risk-weighted sample of households per town, drawn by the county and re-checked one by one. */
export function createVerificationService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;
  return {
    /** Draws `perTown` households per town of the actor's county, weighted to risk, for re-checking. */
    async drawSample(actor: Actor, input: { month: string; perTown: number }) {
      monthBounds(input.month);
      const county = `${actor.regionCode.slice(0, 6)}000000`;
      if (actor.role !== 'county') {
        throw conflict('核查样本由县级抽取');
      }
      const drawn = await tx(async (t) => {
        if ((await t.selfChecks.samples(input.month, [county.slice(0, 6)])).length > 0) {
          throw conflict(`${input.month} 的核查样本已抽取`);
        }
        const n = await t.selfChecks.drawSample(input.month, county, input.perTown, clock().today());
        await recordAudit(t, actor, {
          action: 'verification.draw',
          entityType: 'verification_sample',
          entityId: input.month,
          regionCode: county,
          new: { perTown: input.perTown, drawn: n },
        });
        return n;
      });
      return { drawn };
    },

    async samples(actor: Actor, month: string, regionCode: string | undefined) {
      const b = await regionBreakdown(repos, actor, regionCode);
      const rows = await repos.selfChecks.samples(month, b.prefixes);
      return rows.map((r) => ({
        id: r.id,
        month: r.month,
        householdId: r.household_id,
        caseId: r.case_id,
        headName: r.head_name,
        regionCode: r.region_code,
        regionName: r.region_name,
        townCode: r.town_code,
        reason: r.reason,
        outcome: r.outcome as 'confirmed' | 'problem' | null,
        note: r.note,
        checkedBy: r.checked_by_name,
        checkedAt: r.checked_at ? new Date(r.checked_at).toISOString() : null,
        version: r.version,
      }));
    },

    async recordOutcome(
      actor: Actor,
      id: number,
      input: { version: number; outcome: 'confirmed' | 'problem'; note?: string | null | undefined },
    ) {
      await tx(async (t) => {
        const sample = await t.selfChecks.findSample(id);
        if (!sample || !isWithinScope(sample.region_code, actor.scope)) {
          throw notFound('核查样本');
        }
        if (input.outcome === 'problem' && !input.note?.trim()) {
          throw validation('请说明核查发现的问题', { field: 'note' });
        }
        if (
          !(await t.selfChecks.recordOutcome(
            id,
            input.version,
            input.outcome,
            input.note ?? null,
            actor.userId,
          ))
        ) {
          throw conflict('该核查记录已被他人修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'verification.outcome',
          entityType: 'verification_sample',
          entityId: id,
          regionCode: sample.town_code,
          old: { outcome: sample.outcome },
          new: { outcome: input.outcome, note: input.note ?? null },
        });
      });
      return { ok: true as const };
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
