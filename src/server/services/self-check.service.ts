import { monthBounds } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { conflict, validation } from '../errors.js';
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
 * 一月一自查: a generated checklist a village, town or county signs off; a county closes its month only when all
 * its towns have. (一月一核查, the county's re-check of a sample, is verification.service.ts.)
 */
export function createSelfCheckService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  /** The checklist: what the region's staff must look at this month, counted from the operational data. */
  async function checklist(prefixes: readonly string[]) {
    const today = clock().today();
    const rows = await repos.cases.summary(prefixes, 4, today);
    const sum = (key: keyof (typeof rows)[number]) => rows.reduce((n, r) => n + Number(r[key] ?? 0), 0);
    const { counts } = await repos.quality.report(prefixes, today, undefined, 1, 0);
    const issues = Object.values(counts).reduce((a, b) => a + b, 0);
    return [
      { code: 'open_leads', count: sum('open_leads'), link: '/leads' },
      { code: 'late_leads', count: sum('late_leads'), link: '/leads?overdue=true' },
      { code: 'late_identifications', count: sum('late_identifications'), link: '/cases?group=late' },
      {
        code: 'no_measure_after_month',
        count: counts.no_measure_after_month ?? 0,
        link: '/quality?rule=no_measure_after_month',
      },
      { code: 'visits_overdue', count: sum('visits_overdue'), link: '/visits?overdueOnly=true' },
      { code: 'quality_issues', count: issues, link: '/quality' },
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
      if (first > clock().today()) {
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
  };
}

export type SelfCheckService = ReturnType<typeof createSelfCheckService>;
