import { clock } from '../../shared/clock.js';
import { type BulletinSection, bulletinDocx } from '../adapters/bulletin-docx.js';
import { INDICATOR_LABELS, INDICATORS, laggardsOf, type RankedRow } from '../domain/ranking.js';
import { conflict, forbidden, notFound } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Figures } from '../repositories/report.repository.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { ComputedRanking, RankingService } from './ranking.service.js';
import type { RunInTransaction } from './transaction.js';

/** The region and every level above it, as full codes (411302102000 → 411300000000, 411302000000, itself). */
const ancestorsOf = (code: string) => [
  ...new Set([...[4, 6, 9].map((n) => code.slice(0, n).padEnd(code.length, '0')), code]),
];

/** Readable by the actor: drafted within their scope or by a level above them. */
const bulletinVisible = (actor: Actor, regionCode: string) =>
  actor.scope.some((p) => regionCode.startsWith(p)) || ancestorsOf(actor.regionCode).includes(regionCode);

/** 2026-12-01T10:40:00Z → 2026年12月1日18时40分 (Beijing time); unknown when never computed. */
const takenText = (at: Date | null) => {
  if (!at) {
    return '（尚未计算）';
  }
  const [date, time] = new Date(at.getTime() + 8 * 3600_000).toISOString().split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  return `${y}年${m}月${d}日${time?.slice(0, 2)}时${time?.slice(3, 5)}分`;
};

/** 2026Q4 → 2026年第四季度 */
const quarterText = (quarter: string) =>
  `${quarter.slice(0, 4)}年第${'一二三四'[Number(quarter.slice(5)) - 1] ?? ''}季度`;
const num = (f: Figures, key: string) => (f[key] as number | undefined) ?? 0;
const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 一季一通报: the quarter's bulletin, drafted from the ranking, edited and issued by the level that drafts it. */
export function createBulletinService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  rankings: RankingService;
}) {
  const { repos, tx, rankings } = deps;

  function bulletinSections(r: ComputedRanking): BulletinSection[] {
    const f = r.figures;
    // Laggards: the lowest three ranks with data, ties together; nobody when there is no data or all tie.
    const laggards = laggardsOf(r.rows);
    const noData = r.rows.filter((row) => !row.hasData);
    const level = r.level === 'county' ? '市' : '县';
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
          `新增帮扶措施${num(f, 'measuresStarted')}项，开展走访${num(f, 'visitsDone')}次，新增线索${num(f, 'leadsNew')}条、办结${num(f, 'leadsSettled')}条。` +
          `（数据截至${takenText(r.figuresAt)}。）`,
      },
      {
        heading: '排序情况',
        text: `按照${used.map((i) => `${INDICATOR_LABELS[i]}（权重${r.weights[i]}）`).join('、')}等指标加权计分，排序如下：`,
        table: [
          ['名次', '单位', '得分', ...used.map((i) => INDICATOR_LABELS[i])],
          ...r.rows.map((row) => [
            row.rank === null ? '—' : String(row.rank),
            row.name,
            row.hasData ? row.score.toFixed(2) : '无数据',
            ...used.map((i) => pct(row.indicators.find((x) => x.indicator === i)?.rate ?? null)),
          ]),
        ],
      },
      {
        heading: '存在问题',
        text:
          (laggards.length === 0
            ? noData.length === r.rows.length
              ? '本季度各单位均无可计分的数据，不作排名和点名。'
              : '本季度各单位得分相同，未发现明显落后单位。'
            : laggards
                .map((row) => {
                  const weak = weakest(row);
                  return `${row.name}得分${row.score.toFixed(2)}，排名第${row.rank}${weak.length > 0 ? `，${weak.join('，')}` : ''}。`;
                })
                .join('\n')) +
          (noData.length > 0 && noData.length < r.rows.length
            ? `\n${noData.map((row) => row.name).join('、')}本季度无可计分的数据，未参加排名。`
            : ''),
      },
      {
        heading: '整改要求',
        text:
          (laggards.length > 0
            ? `请${laggards.map((x) => x.name).join('、')}认真分析原因，逐项制定整改措施，于下月10日前将整改情况报送${level}乡村振兴局。\n`
            : '') +
          `各地要坚持一月一自查、一月一小结、一月一核查，对识别超期、走访超期、措施不到位的问题及时整改，确保应纳尽纳、应帮尽帮。`,
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
      regionCode: b.region_code,
    };
  }

  /**
   * A bulletin the actor may read: their own level's, one below it, or one from above (the city's reaches
   * its counties). Any other answers like a missing one.
   */
  async function findBulletin(actor: Actor, id: number) {
    const b = await repos.reports.findBulletin(id);
    if (!b || !bulletinVisible(actor, b.region_code)) {
      throw notFound('通报');
    }
    return b;
  }

  /**
   * A draft is seen only by the level that writes it and those above (a village never reads the city's draft);
   * once issued it reaches every level `findBulletin` allows. A hidden draft answers like a missing one.
   */
  const seesDraft = (actor: Actor, regionCode: string) => actor.scope.some((p) => regionCode.startsWith(p));
  async function findVisibleBulletin(actor: Actor, id: number) {
    const b = await findBulletin(actor, id);
    if (b.status === 'draft' && !seesDraft(actor, b.region_code)) {
      throw notFound('通报');
    }
    return b;
  }

  /** Only the level that drafted a bulletin edits and issues it: a county never changes the city's. */
  async function findOwnBulletin(actor: Actor, id: number) {
    const b = await findBulletin(actor, id);
    if (b.region_code !== actor.regionCode) {
      throw forbidden('只能修改和印发本级起草的通报');
    }
    return b;
  }

  return {
    async listBulletins(actor: Actor) {
      const rows = await repos.reports.listBulletins(ancestorsOf(actor.regionCode), actor.scope);
      return rows.filter((b) => b.status !== 'draft' || seesDraft(actor, b.region_code)).map(presentBulletin);
    },

    async getBulletin(actor: Actor, id: number) {
      return presentBulletin(await findVisibleBulletin(actor, id));
    },

    /** Drafts the quarter's bulletin from the ranking of the actor's units (the city's counties, a county's towns). */
    async createBulletin(actor: Actor, quarter: string) {
      const r = await rankings.compute(actor, quarter, undefined);
      const title = `关于${quarterText(quarter)}防止返贫动态监测帮扶工作情况的通报`;
      const id = await tx(async (t) => {
        const newId = await t.reports.insertBulletin({
          quarter,
          title,
          sections: bulletinSections(r),
          createdBy: actor.displayName,
          regionCode: r.regionCode,
        });
        await recordAudit(t, actor, {
          action: 'bulletin.create',
          entityType: 'bulletin',
          entityId: newId,
          regionCode: r.regionCode,
          new: { quarter, title },
        });
        return newId;
      });
      return presentBulletin(await findBulletin(actor, id));
    },

    async updateBulletin(
      actor: Actor,
      id: number,
      input: { version: number; title?: string | undefined; sections?: BulletinSection[] | undefined },
    ) {
      await findOwnBulletin(actor, id);
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
      return presentBulletin(await findBulletin(actor, id));
    },

    async issueBulletin(actor: Actor, id: number, version: number) {
      const today = clock().today();
      await findOwnBulletin(actor, id);
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
      return presentBulletin(await findBulletin(actor, id));
    },

    async bulletinFile(actor: Actor, id: number) {
      const b = presentBulletin(await findVisibleBulletin(actor, id));
      const issuer = (await repos.regions.findByCode(b.regionCode))?.name ?? '';
      const subtitle = b.issuedOn
        ? `${issuer}乡村振兴局　${b.issuedOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日')}`
        : '（征求意见稿）';
      const buffer = await bulletinDocx({ title: b.title, subtitle, sections: b.sections });
      return { buffer, filename: `${b.title}.docx` };
    },
  };
}

export type BulletinService = ReturnType<typeof createBulletinService>;
