import { addMonths, monthBounds } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { INDICATORS, type Indicator, type Measure, quarterMonths, rank } from '../domain/ranking.js';
import { validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Figures } from '../repositories/report.repository.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { regionBreakdown } from './region-breakdown.js';
import { sumFigures } from './report.service.js';
import type { RunInTransaction } from './transaction.js';

const num = (f: Figures, key: string) => (f[key] as number | undefined) ?? 0;

/** 一季一排序: each quarter's ranking of a region's units, computed from the monthly figures. */
export function createRankingService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  async function weights(): Promise<Record<Indicator, number>> {
    const rows = await repos.reports.weights();
    const out = Object.fromEntries(INDICATORS.map((i) => [i, 0])) as Record<Indicator, number>;
    for (const r of rows) {
      out[r.indicator as Indicator] = Number(r.weight);
    }
    return out;
  }

  /** Ranks the children of `regionCode` (a city's counties, a county's towns) for the quarter. */
  async function compute(actor: Actor, quarter: string, regionCode: string | undefined) {
    const months = quarterMonths(quarter);
    const b = await regionBreakdown(repos, actor, regionCode);
    if (b.children.length === 0) {
      throw validation('请选择市或县，对其下级排序', { field: 'regionCode' });
    }
    const w = await weights();
    const today = clock().today();
    const lastMonth = [...months].reverse().find((m) => monthBounds(m).first <= today) ?? months[0] ?? '';
    const quarterEnd = monthBounds(months[2] ?? lastMonth).last;
    // A month of the quarter never computed (no job ran then) is computed now, so flows are not lost.
    for (const m of months) {
      const bounds = monthBounds(m);
      if (bounds.first <= today && !(await repos.reports.findMonth(m))) {
        await repos.reports.refreshMonth(m, bounds.first, bounds.last, today, ['']);
      }
    }
    const codes = [b.region.code, ...b.children.map((c) => c.code)];
    const [flows, stock, issues, held, taken] = await Promise.all([
      Promise.all(months.map((m) => repos.reports.figures(m, codes))),
      repos.reports.figures(lastMonth, codes),
      repos.quality.countsByChild(b.prefixes, today, b.childLength),
      repos.reports.eliminationsHeld(b.prefixes, b.childLength, addMonths(quarterEnd, -12), quarterEnd),
      repos.reports.refreshedAt(months, codes),
    ]);
    const group = (rows: Array<{ regionCode: string; figures: Figures }>) => {
      const map = new Map<string, Figures[]>();
      for (const r of rows) {
        map.set(r.regionCode, [...(map.get(r.regionCode) ?? []), r.figures]);
      }
      return map;
    };
    const flowByChild = group(flows.flat());
    const stockByChild = group(stock);
    const inputs = b.children.map((c) => {
      const f = sumFigures(flowByChild.get(c.code) ?? []);
      const s = sumFigures(stockByChild.get(c.code) ?? []);
      const live = num(s, 'monitored') + num(s, 'safetyNet') + num(s, 'identifying') + num(s, 'eliminating');
      const h = held.get(c.prefix);
      const measures: Partial<Record<Indicator, Measure>> = {
        identification_on_time: { good: num(f, 'identifiedOnTime'), total: num(f, 'identifiedTotal') },
        measure_coverage: { good: num(s, 'labourWithDevelopmental'), total: num(s, 'labourMonitored') },
        visits_on_time: { good: num(s, 'households') - num(s, 'visitsOverdue'), total: num(s, 'households') },
        // Alerts verified by their deadline, of those received in the quarter.
        alerts_on_time: {
          good: num(f, 'alertsVerified') - num(f, 'alertsVerifiedLate'),
          total: num(f, 'alertsReceived'),
        },
        quality_issues: { good: Math.max(0, live - (issues.get(c.prefix) ?? 0)), total: live },
        eliminations_held: { good: h?.held ?? 0, total: h?.total ?? 0 },
      };
      return { code: c.code, name: c.name, measures };
    });
    const rows = rank(inputs, w);
    return {
      quarter,
      regionCode: b.region.code,
      regionName: b.region.name,
      level: (b.children[0]?.prefix.length === 6 ? 'county' : 'town') as 'county' | 'town',
      weights: w,
      rows,
      /** When the oldest figure the ranking used was computed (the bulletin says so). */
      figuresAt: taken,
      figures: sumFigures(
        flows
          .flat()
          .filter((r) => r.regionCode === b.region.code)
          .map((r) => r.figures),
      ),
    };
  }

  return {
    weights,
    /** The quarter's ranking with the figures behind it (the bulletin is written from it); not saved. */
    compute,

    async setWeights(actor: Actor, input: Partial<Record<Indicator, number>>) {
      await tx(async (t) => {
        const before = await t.reports.weights();
        for (const [indicator, weight] of Object.entries(input)) {
          await t.reports.setWeight(indicator, weight as number);
        }
        await recordAudit(t, actor, {
          action: 'ranking.weights',
          entityType: 'ranking_weight',
          old: Object.fromEntries(before.map((w) => [w.indicator, Number(w.weight)])),
          new: input,
        });
      });
      return weights();
    },

    async ranking(actor: Actor, quarter: string, regionCode: string | undefined) {
      const r = await compute(actor, quarter, regionCode);
      await repos.reports.saveRanking(quarter, r.level, r.regionCode, r.rows, r.weights);
      const { figures: _figures, ...rest } = r;
      return rest;
    },
  };
}

export type RankingService = ReturnType<typeof createRankingService>;
export type ComputedRanking = Awaited<ReturnType<RankingService['compute']>>;
