import { addMonths, monthBounds, shanghaiToday } from '../../shared/calendar.js';
import {
  INDICATOR_LABELS,
  INDICATORS,
  type Indicator,
  type Measure,
  quarterMonths,
  type RankedRow,
  rank,
} from '../domain/ranking.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Figures } from '../repositories/report.repository.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { type BulletinSection, bulletinDocx } from './bulletin-docx.js';
import { regionBreakdown } from './region-breakdown.js';
import { sumFigures } from './report.service.js';
import type { RunInTransaction } from './transaction.js';

/** 2026Q4 → 2026年第四季度 */
const quarterText = (quarter: string) =>
  `${quarter.slice(0, 4)}年第${'一二三四'[Number(quarter.slice(5)) - 1] ?? ''}季度`;
const num = (f: Figures, key: string) => (f[key] as number | undefined) ?? 0;
const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 一季一排序 and 一季一通报: rankings computed from the monthly figures, bulletins generated from rankings. */
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
    const today = shanghaiToday();
    const lastMonth = [...months].reverse().find((m) => monthBounds(m).first <= today) ?? months[0] ?? '';
    const quarterEnd = monthBounds(months[2] ?? lastMonth).last;
    // A month of the quarter never computed (no job ran then) is computed now, so flows are not lost.
    for (const m of months) {
      const bounds = monthBounds(m);
      if (bounds.first <= today && !(await repos.reports.findMonth(m))) {
        await repos.reports.refreshMonth(
          m,
          bounds.first,
          bounds.last,
          bounds.last < today ? bounds.last : today,
          [''],
        );
      }
    }
    const codes = [b.region.code, ...b.children.map((c) => c.code)];
    const [flows, stock, issues, held] = await Promise.all([
      Promise.all(months.map((m) => repos.reports.figures(m, codes))),
      repos.reports.figures(lastMonth, codes),
      repos.quality.countsByChild(b.prefixes, today, b.childLength),
      repos.reports.eliminationsHeld(b.prefixes, b.childLength, addMonths(quarterEnd, -12), quarterEnd),
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
      figures: sumFigures(
        flows
          .flat()
          .filter((r) => r.regionCode === b.region.code)
          .map((r) => r.figures),
      ),
    };
  }

  function bulletinSections(r: Awaited<ReturnType<typeof compute>>): BulletinSection[] {
    const f = r.figures;
    // Laggards: the three lowest scores, among those below the best (a tie at the top names nobody).
    const best = r.rows[0]?.score ?? 0;
    const laggards = r.rows
      .filter((row) => row.score < best)
      .slice(-3)
      .reverse();
    const weakest = (row: RankedRow) =>
      row.indicators
        .filter((i) => i.rate !== null && i.rate < 0.9)
        .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0))
        .slice(0, 2)
        .map((i) => `${INDICATOR_LABELS[i.indicator]}${pct(i.rate)}`);
    const used = INDICATORS.filter((i) =>
      r.rows.some((row) => row.indicators.find((x) => x.indicator === i)?.rate !== null),
    );
    return [
      {
        heading: '总体情况',
        text:
          `${quarterText(r.quarter)}，全${r.regionName.endsWith('市') ? '市' : '县'}新识别监测户${num(f, 'newMonitored')}户，` +
          `回退监测${num(f, 'rolledBack')}户，风险消除${num(f, 'eliminated')}户（其中帮扶消除${num(f, 'eliminatedAssisted')}户），` +
          `新增帮扶措施${num(f, 'measuresStarted')}项，开展走访${num(f, 'visitsDone')}次，新增线索${num(f, 'leadsNew')}条、办结${num(f, 'leadsSettled')}条。`,
      },
      {
        heading: '排序情况',
        text: `按照${used.map((i) => `${INDICATOR_LABELS[i]}（权重${r.weights[i]}）`).join('、')}等指标加权计分，排序如下：`,
        table: [
          ['名次', '单位', '得分', ...used.map((i) => INDICATOR_LABELS[i])],
          ...r.rows.map((row) => [
            String(row.rank),
            row.name,
            row.score.toFixed(2),
            ...used.map((i) => pct(row.indicators.find((x) => x.indicator === i)?.rate ?? null)),
          ]),
        ],
      },
      {
        heading: '存在问题',
        text:
          laggards.length === 0
            ? '本季度各单位得分相同，未发现明显落后单位。'
            : laggards
                .map((row) => {
                  const weak = weakest(row);
                  return `${row.name}得分${row.score.toFixed(2)}，排名第${row.rank}${weak.length > 0 ? `，${weak.join('，')}` : ''}。`;
                })
                .join('\n'),
      },
      {
        heading: '整改要求',
        text:
          (laggards.length > 0
            ? `请${laggards.map((x) => x.name).join('、')}认真分析原因，逐项制定整改措施，于下月10日前将整改情况报送市乡村振兴局。\n`
            : '') +
          '各地要坚持一月一自查、一月一小结、一月一核查，对识别超期、走访超期、措施不到位的问题及时整改，确保应纳尽纳、应帮尽帮。',
      },
    ];
  }

  function presentBulletin(b: NonNullable<Awaited<ReturnType<Repositories['reports']['findBulletin']>>>) {
    return {
      id: b.id,
      quarter: b.quarter,
      title: b.title,
      sections: b.sections as BulletinSection[],
      status: b.status as 'draft' | 'issued',
      issuedOn: b.issued_on,
      createdBy: b.created_by,
      createdAt: new Date(b.created_at).toISOString(),
      version: b.version,
    };
  }

  async function findBulletin(id: number) {
    const b = await repos.reports.findBulletin(id);
    if (!b) {
      throw notFound('通报');
    }
    return b;
  }

  return {
    weights,

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

    async listBulletins() {
      return (await repos.reports.listBulletins()).map(presentBulletin);
    },

    async getBulletin(id: number) {
      return presentBulletin(await findBulletin(id));
    },

    /** Drafts the quarter's bulletin from the city ranking of counties. */
    async createBulletin(actor: Actor, quarter: string) {
      const r = await compute(actor, quarter, undefined);
      const title = `关于${quarterText(quarter)}防止返贫动态监测帮扶工作情况的通报`;
      const id = await tx(async (t) => {
        const newId = await t.reports.insertBulletin({
          quarter,
          title,
          sections: bulletinSections(r),
          createdBy: actor.displayName,
        });
        await recordAudit(t, actor, {
          action: 'bulletin.create',
          entityType: 'bulletin',
          entityId: newId,
          new: { quarter, title },
        });
        return newId;
      });
      return presentBulletin(await findBulletin(id));
    },

    async updateBulletin(
      actor: Actor,
      id: number,
      input: { version: number; title?: string | undefined; sections?: BulletinSection[] | undefined },
    ) {
      await tx(async (t) => {
        const before = await t.reports.findBulletin(id);
        if (!before) {
          throw notFound('通报');
        }
        if (before.status !== 'draft') {
          throw conflict('通报已印发，不能再修改');
        }
        if (
          !(await t.reports.updateDraft(id, input.version, { title: input.title, sections: input.sections }))
        ) {
          throw conflict('该通报已被他人修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'bulletin.update',
          entityType: 'bulletin',
          entityId: id,
          old: { title: before.title },
          new: { title: input.title, sections: input.sections?.map((s) => s.heading) },
        });
      });
      return presentBulletin(await findBulletin(id));
    },

    async issueBulletin(actor: Actor, id: number, version: number) {
      const today = shanghaiToday();
      await tx(async (t) => {
        const before = await t.reports.findBulletin(id);
        if (!before) {
          throw notFound('通报');
        }
        if (!(await t.reports.updateDraft(id, version, { status: 'issued', issued_on: today }))) {
          throw conflict(before.status === 'issued' ? '通报已印发' : '该通报已被他人修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'bulletin.issue',
          entityType: 'bulletin',
          entityId: id,
          new: { issuedOn: today },
        });
      });
      return presentBulletin(await findBulletin(id));
    },

    async bulletinFile(id: number) {
      const b = presentBulletin(await findBulletin(id));
      const city = (await repos.regions.listRoots()).at(0)?.name ?? '';
      const subtitle = b.issuedOn
        ? `${city}乡村振兴局　${b.issuedOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日')}`
        : '（征求意见稿）';
      const buffer = await bulletinDocx({ title: b.title, subtitle, sections: b.sections });
      return { buffer, filename: `${b.title}.docx` };
    },
  };
}

export type RankingService = ReturnType<typeof createRankingService>;
