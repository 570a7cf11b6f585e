import type { LinkageMode } from '../../shared/linkage.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';
import type { LinkageService } from '../services/linkage.service.js';
import { demoActor } from './demo-actor.js';

interface DemoAgreement {
  by: 'county_wancheng' | 'county_wolong' | 'town_guanzhuang';
  /** Part of the name of an operator the operators step registered. */
  operator: string;
  mode: LinkageMode;
  /** Years before this one the agreement started (it starts on `startDay` of that year). */
  yearsAgo: number;
  startDay: string;
  terms: string;
  /** Households linked each year, and where from (the operator's town or county). */
  households: number;
  from: 'town' | 'county';
  /** The library project the support came from: the first of the county's whose name holds this. */
  project?: string;
}

const AGREEMENTS: readonly DemoAgreement[] = [
  {
    by: 'town_guanzhuang',
    operator: '香菇种植专业合作社',
    mode: 'order_farming',
    yearsAgo: 1,
    startDay: '03-01',
    terms: '香菇订单收购，保底价 6.5 元/斤，随行就市上浮',
    households: 12,
    from: 'town',
    project: '香菇大棚建设项目',
  },
  {
    by: 'county_wancheng',
    operator: '南阳宛农食品有限公司',
    mode: 'employment',
    yearsAgo: 2,
    startDay: '01-01',
    terms: '优先吸纳脱贫劳动力，月工资不低于 2400 元',
    households: 8,
    from: 'county',
  },
  {
    by: 'town_guanzhuang',
    operator: '股份经济合作社',
    mode: 'asset_income',
    yearsAgo: 1,
    startDay: '01-01',
    terms: '村级光伏电站收益的 60% 按户分红',
    households: 10,
    from: 'town',
    project: '光伏电站扩容项目',
  },
  {
    by: 'county_wolong',
    operator: '月季花卉有限公司',
    mode: 'land_transfer',
    yearsAgo: 2,
    startDay: '04-01',
    terms: '土地流转租金 800 元/亩·年，每年 3 月支付',
    households: 9,
    from: 'county',
  },
  {
    by: 'county_wolong',
    operator: '中药材种植专业合作社',
    mode: 'custody',
    yearsAgo: 0,
    startDay: '02-15',
    terms: '中药材托管种植，年底按产量结算',
    households: 6,
    from: 'county',
  },
];

/**
 * The demo's farmer linkage: agreements of the demo operators (order farming, jobs, a dividend, land rent,
 * custody), recorded and linked through the linkage service as the county and town users (so linked 监测户 get
 * their industry measure the same way), then last year's and this year's payments, a few households unpaid.
 */
export function createDemoLinkageService(deps: { repos: Repositories; linkage: LinkageService }) {
  const { repos, linkage } = deps;
  return {
    async seedLinkage(seeder: Actor, today: string): Promise<number> {
      const year = Number(today.slice(0, 4));
      const created: number[] = [];
      for (const a of AGREEMENTS) {
        const actor = await demoActor(repos, a.by);
        const operator = actor ? await findOperator(actor, a.operator, today) : undefined;
        if (!actor || !operator) {
          continue;
        }
        const startYear = year - a.yearsAgo;
        const startedOn =
          `${startYear}-${a.startDay}` > today ? `${startYear}-01-01` : `${startYear}-${a.startDay}`;
        const project = a.project
          ? (
              await repos.projects.list({
                scope: [operator.county_code.slice(0, 6)],
                q: a.project,
                limit: 1,
                offset: 0,
              })
            ).rows[0]
          : undefined;
        const agreement = await linkage.create(actor, {
          operatorId: operator.id,
          mode: a.mode,
          startedOn,
          terms: a.terms,
          projectId: project ? Number(project.id) : null,
        });
        const prefix =
          a.from === 'town' ? operator.region_code.slice(0, 9) : operator.county_code.slice(0, 6);
        for (let y = startYear; y <= year; y++) {
          // Most households stay linked from one year to the next; one in four is new.
          const households = await repos.demoLinkage.householdsToLink(
            prefix,
            a.households,
            (y - startYear) * 3,
          );
          for (const householdId of households) {
            await linkage.link(actor, agreement.id, { householdId, year: y });
          }
        }
        created.push(agreement.id);
      }
      // The payments are written set-based, so the audit says what the step wrote.
      const payments = await repos.demoLinkage.seedPayments(created, today);
      await recordAudit(repos, seeder, {
        action: 'demo.linkage',
        entityType: 'system',
        new: { agreements: created.length, payments },
      });
      return payments;
    },
  };

  /** The operator the operators step registered under that name (its worker counts are not needed). */
  async function findOperator(actor: Actor, name: string, today: string) {
    const found = await repos.operators.search({
      scope: actor.scope,
      q: name,
      yearStart: today,
      yearEnd: today,
      monthStart: today,
      limit: 1,
      offset: 0,
    });
    return found.items[0];
  }
}
