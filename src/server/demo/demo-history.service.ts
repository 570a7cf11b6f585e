import { addDays, addMonths, monthBounds, monthOf } from '../../shared/calendar.js';
import { quarterOf } from '../domain/ranking.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';
import type { BulletinService } from '../services/bulletin.service.js';
import type { RankingService } from '../services/ranking.service.js';
import type { ReportService } from '../services/report.service.js';
import type { RunInTransaction } from '../services/transaction.js';

/**
 * Henan's published lines stop at 2024 in the sources we have (../shared/docs/domain.md: 2023 = 7,500 元,
 * 2024 = 8,300 元). The demo runs later, so it carries demo values for the years after, marked as such in
 * their note; a real installation sets each year's line from the provincial document.
 */
const DEMO_LINE_STEP = 300;
const LAST_PUBLISHED = { year: 2024, amount: 8300 };

/**
 * The demo city's past year: monitoring lines up to this year, the cases, leads and visits of a year of work,
 * closed months, past quarters ranked, and their bulletins issued. Refused in production like all demo data.
 */
export function createDemoHistoryService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  reports: ReportService;
  rankings: RankingService;
  bulletins: BulletinService;
}) {
  const { repos, tx, reports, rankings, bulletins } = deps;

  return {
    /** Lines for every year from the last published one to this year that has none, marked as demo values. */
    async seedLines(actor: Actor, today: string, province: string) {
      const added: number[] = [];
      for (let year = LAST_PUBLISHED.year + 1; year <= Number(today.slice(0, 4)); year++) {
        if (await repos.screeningConfig.findLine(province, year)) {
          continue;
        }
        const amount = `${LAST_PUBLISHED.amount + DEMO_LINE_STEP * (year - LAST_PUBLISHED.year)}.00`; // whole 元
        await tx(async (t) => {
          await t.screeningConfig.upsertLine(
            province,
            year,
            amount,
            `演示值（资料中没有${province} ${year} 年的正式标准）：正式使用前请按省里文件修改`,
          );
          await recordAudit(t, actor, {
            action: 'screening.line_set',
            entityType: 'monitoring_line',
            entityId: `${province}/${year}`,
            new: { amount, demo: true },
          });
        });
        added.push(year);
      }
      return { years: added };
    },

    /**
     * Cases, leads, helpers and visits over the past year of the generated registry (set-based). The demo
     * village's cases go to `helper_demo`; elsewhere the helpers are new helper users (same demo password).
     */
    async seedYear(actor: Actor, today: string, demoVillage: string) {
      const visitor = await repos.users.findByUsername('village_guanzhuang');
      const city = await repos.users.findByUsername('city_admin');
      const demoHelper = await repos.users.findByUsername('helper_demo');
      const by = visitor ?? city;
      if (!by) {
        return null;
      }
      const cases = await repos.demoHistory.seedYear({ today, enteredOn: addMonths(today, -14) });
      const helpers = await repos.demoWork.assignHelpers({
        today,
        passwordHash: (demoHelper ?? by).password_hash,
        demoHelper: demoHelper ? { id: demoHelper.id, village: demoVillage } : null,
      });
      const visits = await repos.demoWork.seedVisits({ today, visitorId: by.id, visitorName: '村干部' });
      const counts = { ...cases, ...helpers, visits };
      await recordAudit(repos, actor, { action: 'demo.history', entityType: 'system', new: counts });
      return counts;
    },

    /**
     * The 5+2 cycle as a year of use leaves it: the twelve months before this one closed, each past quarter
     * since the registry entered ranked, and its bulletin issued in the first days of the next quarter.
     */
    async seedReports(actor: Actor, today: string) {
      const thisMonth = monthOf(today);
      const closed: string[] = [];
      for (let i = 12; i >= 1; i--) {
        const month = monthOf(addMonths(`${thisMonth}-01`, -i));
        const period = await repos.reports.findMonth(month);
        if (period?.status !== 'closed') {
          await reports.closeMonth(actor, month);
          closed.push(month);
        }
      }
      const quarters = new Set<string>();
      for (let i = 12; i >= 3; i--) {
        const month = monthOf(addMonths(`${thisMonth}-01`, -i));
        const quarter = quarterOf(`${month}-01`);
        if (quarter !== quarterOf(today)) {
          quarters.add(quarter);
        }
      }
      const existing = new Set((await repos.reports.listBulletins([], [''])).map((b) => b.quarter));
      const issued: string[] = [];
      for (const quarter of quarters) {
        await rankings.ranking(actor, quarter, undefined);
        if (existing.has(quarter)) {
          continue;
        }
        const bulletin = await bulletins.createBulletin(actor, quarter);
        const lastMonth = `${quarter.slice(0, 4)}-${String(Number(quarter.slice(5)) * 3).padStart(2, '0')}`;
        const issuedOn = addDays(monthBounds(lastMonth).last, 8);
        await tx(async (t) => {
          await t.reports.updateDraft(bulletin.id, bulletin.version, {
            status: 'issued',
            issued_on: issuedOn,
          });
          await recordAudit(t, actor, {
            action: 'bulletin.issue',
            entityType: 'bulletin',
            entityId: bulletin.id,
            new: { issuedOn, demo: true },
          });
        });
        issued.push(quarter);
      }
      // 一月一自查 of the closed months, signed by the demo village and town (a county signs only once all
      // its towns have, and the demo has users in one town only).
      const signers = [];
      for (const [username, level] of [
        ['village_guanzhuang', 'village'],
        ['town_guanzhuang', 'town'],
      ] as const) {
        const user = await repos.users.findByUsername(username);
        if (user) {
          signers.push({ regionCode: user.region_code, level, userId: user.id, name: user.display_name });
        }
      }
      const selfChecks = await repos.demoWork.signSelfChecks({ months: closed, signers });
      return { closedMonths: closed, bulletins: issued, selfChecks };
    },
  };
}

export type DemoHistoryService = ReturnType<typeof createDemoHistoryService>;
