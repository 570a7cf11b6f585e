import { monthBounds, shanghaiToday } from '../../shared/calendar.js';
import { isWithinScope } from '../../shared/region-code.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { regionBreakdown } from './region-breakdown.js';
import type { RunInTransaction } from './transaction.js';

const LEVEL_OF_ROLE: Record<string, 'village' | 'town' | 'county' | undefined> = {
  village: 'village',
  township: 'town',
  county: 'county',
};

/**
 * 一月一自查 (a generated checklist a village, town or county signs off; a county closes its month only when
 * all its towns have) and 一月一核查 (a risk-weighted sample of households per town for the county to re-check).
 */
export function createSelfCheckService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  /** The checklist: what the region's staff must look at this month, counted from the operational data. */
  async function checklist(prefixes: readonly string[]) {
    const today = shanghaiToday();
    const rows = await repos.cases.summary(prefixes, 4, today);
    const sum = (key: keyof (typeof rows)[number]) => rows.reduce((n, r) => n + Number(r[key] ?? 0), 0);
    const { counts } = await repos.quality.report(prefixes, today, undefined, 1, 0);
    const issues = Object.values(counts).reduce((a, b) => a + b, 0);
    return [
      { code: 'open_leads', count: sum('open_leads'), link: '/cases/leads' },
      { code: 'late_leads', count: sum('late_leads'), link: '/cases/leads?overdue=true' },
      { code: 'late_identifications', count: sum('late_identifications'), link: '/cases?group=late' },
      {
        code: 'no_measure_after_month',
        count: counts.no_measure_after_month ?? 0,
        link: '/cases/quality?rule=no_measure_after_month',
      },
      { code: 'visits_overdue', count: sum('visits_overdue'), link: '/visits?overdueOnly=true' },
      { code: 'quality_issues', count: issues, link: '/cases/quality' },
    ];
  }

  return {
    async get(actor: Actor, month: string, regionCode: string | undefined) {
      monthBounds(month);
      const b = await regionBreakdown(repos, actor, regionCode);
      const [items, own, children] = await Promise.all([
        checklist(b.prefixes),
        repos.selfChecks.find(month, b.region.code),
        repos.selfChecks.forRegions(
          month,
          b.children.map((c) => c.code),
        ),
      ]);
      const signed = new Map(children.map((c) => [c.region_code, c]));
      return {
        month,
        regionCode: b.region.code,
        regionName: b.region.name,
        items,
        signOff: own
          ? {
              signedBy: own.signed_by_name,
              signedAt: new Date(own.signed_at).toISOString(),
              note: own.note,
              items: own.items as typeof items,
            }
          : null,
        children: b.children.map((c) => {
          const s = signed.get(c.code);
          return {
            regionCode: c.code,
            regionName: c.name,
            signedBy: s?.signed_by_name ?? null,
            signedAt: s ? new Date(s.signed_at).toISOString() : null,
          };
        }),
      };
    },

    /** Signs off the actor's own region for the month; a county only when every town has signed. */
    async sign(actor: Actor, input: { month: string; note?: string | null | undefined }) {
      const { first } = monthBounds(input.month);
      if (first > shanghaiToday()) {
        throw validation('月份尚未开始', { field: 'month' });
      }
      const level = LEVEL_OF_ROLE[actor.role];
      if (!level || actor.userId === null) {
        throw conflict('只有村、乡镇和县级用户签署本级自查');
      }
      const b = await regionBreakdown(repos, actor, actor.regionCode);
      if (level === 'county') {
        const towns = b.children.map((c) => c.code);
        const signed = await repos.selfChecks.forRegions(input.month, towns);
        const missing = b.children
          .filter((c) => !signed.some((s) => s.region_code === c.code))
          .map((c) => c.name);
        if (missing.length > 0) {
          throw conflict(`以下乡镇尚未签署自查：${missing.join('、')}`, { missing });
        }
      }
      const items = await checklist(b.prefixes);
      await tx(async (t) => {
        if (await t.selfChecks.find(input.month, b.region.code)) {
          throw conflict(`${b.region.name} ${input.month} 的自查已签署`);
        }
        await t.selfChecks.insert({
          month: input.month,
          region_code: b.region.code,
          county_code: `${b.region.code.slice(0, 6)}000000`,
          level,
          items: JSON.stringify(items),
          note: input.note ?? null,
          signed_by: actor.userId as number,
          signed_by_name: actor.displayName,
        });
        await recordAudit(t, actor, {
          action: 'selfcheck.sign',
          entityType: 'self_check',
          entityId: `${input.month}:${b.region.code}`,
          regionCode: b.region.code,
          new: { items, note: input.note ?? null },
        });
      });
      return this.get(actor, input.month, actor.regionCode);
    },

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
        const n = await t.selfChecks.drawSample(input.month, county, input.perTown, shanghaiToday());
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

export type SelfCheckService = ReturnType<typeof createSelfCheckService>;
