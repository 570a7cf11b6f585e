import { addDays, monthBounds } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { fromCents, toCents } from '../../shared/money.js';
import type { ProjectStage } from '../../shared/project-workflow.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';
import { NANYANG_COUNTIES } from '../services/nanyang.js';
import type { RunInTransaction } from '../services/transaction.js';

interface DemoProject {
  name: string;
  l1: string;
  l2: string;
  isIndustry: boolean;
  /** 万元 */
  investment: number;
  stage: ProjectStage;
  /** Share of the year's central money passed down to it, in percent. */
  share: number;
}

const PROJECTS: DemoProject[] = [
  {
    name: '香菇大棚建设项目',
    l1: '产业发展',
    l2: '生产',
    isIndustry: true,
    investment: 180,
    stage: 'started',
    share: 30,
  },
  {
    name: '肉牛养殖扶贫基地项目',
    l1: '产业发展',
    l2: '生产',
    isIndustry: true,
    investment: 150,
    stage: 'contracted',
    share: 25,
  },
  {
    name: '农产品冷链仓储项目',
    l1: '产业发展',
    l2: '加工流通',
    isIndustry: true,
    investment: 120,
    stage: 'finished',
    share: 15,
  },
  {
    name: '产业路硬化项目',
    l1: '产业发展',
    l2: '配套设施',
    isIndustry: true,
    investment: 80,
    stage: 'tendered',
    share: 0,
  },
  {
    name: '村内道路及排水改造项目',
    l1: '乡村建设',
    l2: '农村基础设施',
    isIndustry: false,
    investment: 90,
    stage: 'started',
    share: 20,
  },
  {
    name: '安全饮水巩固提升项目',
    l1: '巩固三保障成果',
    l2: '饮水',
    isIndustry: false,
    investment: 40,
    stage: 'approved',
    share: 10,
  },
  {
    name: '人居环境整治项目',
    l1: '乡村建设',
    l2: '人居环境整治',
    isIndustry: false,
    investment: 30,
    stage: 'town_review',
    share: 0,
  },
  {
    name: '村级光伏电站扩容项目',
    l1: '产业发展',
    l2: '新型农村集体经济',
    isIndustry: true,
    investment: 60,
    stage: 'draft',
    share: 0,
  },
];

const wan = (n: number) => fromCents(BigInt(Math.round(n * 100)) * 10000n);

/**
 * Demo projects and connection funds in every demo county for the current year (and a little of last
 * year, for the industry share's comparison), so the library, the spend-rate screen and the monthly
 * bulletin show live figures on a fresh install. Counties differ in pace so the ranking means something.
 * Idempotent: a county that already has projects is skipped.
 */
export function createDemoProjectsService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { tx } = deps;
  return {
    async seedProjects(actor: Actor) {
      const today = clock().today();
      const year = Number(today.slice(0, 4));
      const month = Number(today.slice(5, 7));
      return tx(async (t) => {
        let projects = 0;
        let payments = 0;
        for (const [ci, county] of NANYANG_COUNTIES.entries()) {
          const existing = await t.projects.list({ scope: [county.code.slice(0, 6)], limit: 1, offset: 0 });
          const towns = await t.regions.listChildren(county.code);
          const town = towns.find((r) => r.level === 'town');
          const villages = town ? await t.regions.listChildren(town.code) : [];
          if (existing.total > 0 || villages.length === 0) {
            continue;
          }
          // Central money: 1,000–2,400 万 by county; the first batch in January, a second in June.
          const centralWan = 1000 + ((ci * 370) % 1400);
          const batches = [
            {
              doc: `豫财农综〔${year}〕${3 + ci}号`,
              source: 'central',
              amount: centralWan * 0.7,
              on: `${year}-01-${String(10 + (ci % 15)).padStart(2, '0')}`,
            },
            {
              doc: `豫财农综〔${year}〕${40 + ci}号`,
              source: 'provincial',
              amount: centralWan * 0.2,
              on: `${year}-03-${String(5 + (ci % 20)).padStart(2, '0')}`,
            },
            {
              doc: `豫财农综〔${year}〕${60 + ci}号`,
              source: 'central',
              amount: centralWan * 0.3,
              on: `${year}-06-${String(12 + (ci % 10)).padStart(2, '0')}`,
            },
          ].filter((b) => b.on <= today);
          const allocations: Array<{ id: number; source: string; amount: string; on: string }> = [];
          for (const b of batches) {
            const amount = wan(b.amount);
            const id = await t.funds.insertAllocation({
              countyCode: county.code,
              docNumber: b.doc,
              sourceCode: b.source,
              year,
              batch: 1,
              taskTag: '巩固成果与乡村振兴',
              amount,
              receivedOn: b.on,
              createdBy: null,
            });
            await t.funds.addToSummary({
              countyCode: county.code,
              sourceCode: b.source,
              fundYear: year,
              month: b.on.slice(0, 7),
              received: amount,
            });
            allocations.push({ id, source: b.source, amount, on: b.on });
          }
          for (const [pi, p] of PROJECTS.entries()) {
            const village = villages[pi % villages.length];
            if (!village) {
              continue;
            }
            const investment = wan(p.investment * (1 + (ci % 4) / 10));
            const id = await t.projects.insert({
              county_code: county.code,
              region_code: village.code,
              level: 'village',
              year,
              name: `${village.name}${p.name}`,
              category_l1: p.l1,
              category_l2: p.l2,
              is_industry: p.isIndustry,
              nature: '新建',
              tasks: JSON.stringify([{ item: p.name.replace('项目', ''), quantity: '1', unit: '项' }]),
              estimated_investment: investment,
              implementing_unit: `${town?.name ?? ''}人民政府`,
              beneficiary_households: 20 + pi * 7,
              beneficiary_persons: 60 + pi * 20,
              beneficiary_poor: 8 + pi * 2,
              beneficiary_monitored: pi % 3,
              performance_targets: JSON.stringify([
                { kind: '效益', indicator: '带动脱贫户增收', value: '≥1500元/户' },
              ]),
              linkage_mode: p.isIndustry ? '吸纳就业' : null,
              linkage_households: p.isIndustry ? 15 + pi : 0,
              negative_hits: '[]',
              stage: p.stage,
            });
            projects += 1;
            await t.projects.replaceFunding(id, county.code, [{ source: 'central', amount: investment }]);
            await t.projects.insertEvent({
              projectId: id,
              countyCode: county.code,
              action: 'declare',
              fromStage: null,
              toStage: p.stage,
              actedOn: `${year}-01-05`,
              actorId: null,
              actorName: '演示数据',
              actorLevel: 'village',
              comment: '演示数据：按当前阶段录入',
            });
            if (p.share === 0) {
              continue;
            }
            for (const a of allocations) {
              const lineAmount = fromCents((toCents(a.amount) * BigInt(p.share)) / 100n);
              const allocatedOn = addDays(a.on, 4 + (ci % 6));
              if (allocatedOn > today || toCents(lineAmount) === 0n) {
                continue;
              }
              const lineId = await t.funds.insertLine({
                countyCode: county.code,
                allocationId: a.id,
                projectId: id,
                amount: lineAmount,
                allocatedOn,
                createdBy: null,
              });
              await t.funds.addToSummary({
                countyCode: county.code,
                sourceCode: a.source,
                fundYear: year,
                month: allocatedOn.slice(0, 7),
                allocated: lineAmount,
                allocatedIndustry: p.isIndustry ? lineAmount : '0',
              });
              // Paid in monthly instalments from the month after allocation; faster counties pay more each month.
              const pace = 8n + BigInt((ci * 3) % 9);
              let paid = 0n;
              for (let m = Number(allocatedOn.slice(5, 7)) + 1; m <= month; m++) {
                const monthEnd = monthBounds(`${year}-${String(m).padStart(2, '0')}`).last;
                const paidOn = monthEnd < today ? addDays(monthEnd, -3) : today;
                const part = (toCents(lineAmount) * pace) / 100n;
                const amount = part < toCents(lineAmount) - paid ? part : toCents(lineAmount) - paid;
                if (amount <= 0n) {
                  break;
                }
                await t.funds.insertPayment({
                  countyCode: county.code,
                  fundLineId: lineId,
                  projectId: id,
                  paidOn,
                  amount: fromCents(amount),
                  voucher: `记-${m}-${id}`,
                  createdBy: null,
                });
                await t.funds.addToSummary({
                  countyCode: county.code,
                  sourceCode: a.source,
                  fundYear: year,
                  month: paidOn.slice(0, 7),
                  paid: fromCents(amount),
                });
                paid += amount;
                payments += 1;
              }
            }
          }
          // Last year: one allocation spent on a settled industry project and a settled infrastructure one, so
          // the industry share has last year's share to be compared with.
          const lastShare = BigInt(55 + (ci % 4) * 5);
          const lastAmount = wan(centralWan);
          const lastOn = `${year - 1}-02-20`;
          const lastId = await t.funds.insertAllocation({
            countyCode: county.code,
            docNumber: `豫财农综〔${year - 1}〕${5 + ci}号`,
            sourceCode: 'central',
            year: year - 1,
            batch: 1,
            taskTag: '巩固成果与乡村振兴',
            amount: lastAmount,
            receivedOn: lastOn,
            createdBy: null,
          });
          await t.funds.addToSummary({
            countyCode: county.code,
            sourceCode: 'central',
            fundYear: year - 1,
            month: lastOn.slice(0, 7),
            received: lastAmount,
          });
          const industryPart = (toCents(lastAmount) * lastShare) / 100n;
          for (const [isIndustry, cents, name, l1, l2] of [
            [true, industryPart, '食用菌产业园项目', '产业发展', '生产'],
            [false, toCents(lastAmount) - industryPart, '村组道路项目', '乡村建设', '农村基础设施'],
          ] as const) {
            const amount = fromCents(cents);
            const village = villages[isIndustry ? 0 : 1] ?? villages[0];
            if (!village) {
              continue;
            }
            const pid = await t.projects.insert({
              county_code: county.code,
              region_code: village.code,
              level: 'village',
              year: year - 1,
              name: `${village.name}${name}`,
              category_l1: l1,
              category_l2: l2,
              is_industry: isIndustry,
              nature: '新建',
              tasks: JSON.stringify([{ item: name.replace('项目', ''), quantity: '1', unit: '项' }]),
              estimated_investment: amount,
              implementing_unit: `${town?.name ?? ''}人民政府`,
              negative_hits: '[]',
              stage: 'settled',
            });
            projects += 1;
            await t.projects.replaceFunding(pid, county.code, [{ source: 'central', amount }]);
            const lineOn = `${year - 1}-03-02`;
            const lineId = await t.funds.insertLine({
              countyCode: county.code,
              allocationId: lastId,
              projectId: pid,
              amount,
              allocatedOn: lineOn,
              createdBy: null,
            });
            await t.funds.addToSummary({
              countyCode: county.code,
              sourceCode: 'central',
              fundYear: year - 1,
              month: lineOn.slice(0, 7),
              allocated: amount,
              allocatedIndustry: isIndustry ? amount : '0',
            });
            const paidOn = `${year - 1}-11-20`;
            await t.funds.insertPayment({
              countyCode: county.code,
              fundLineId: lineId,
              projectId: pid,
              paidOn,
              amount,
              voucher: null,
              createdBy: null,
            });
            await t.funds.addToSummary({
              countyCode: county.code,
              sourceCode: 'central',
              fundYear: year - 1,
              month: paidOn.slice(0, 7),
              paid: amount,
            });
            payments += 1;
          }
        }
        if (projects > 0) {
          await recordAudit(t, actor, {
            action: 'demo.projects',
            entityType: 'system',
            new: { projects, payments },
          });
        }
        return { projects, payments };
      });
    },
  };
}
