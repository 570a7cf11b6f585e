import ExcelJS from 'exceljs';
import { addMonths, monthBounds, monthOf } from '../../shared/calendar.js';
import { RISK_TYPE_ZH, type RiskType } from '../../shared/case-workflow.js';
import { clock } from '../../shared/clock.js';
import { conflict, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Figures } from '../repositories/report.repository.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { regionBreakdown } from './region-breakdown.js';
import type { RunInTransaction } from './transaction.js';

/** Adds figure rows up, nested maps (by category, by risk, by source) key by key. */
export function sumFigures(rows: readonly Figures[]): Figures {
  const total: Figures = {};
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'number') {
        total[key] = ((total[key] as number | undefined) ?? 0) + value;
      } else {
        const into = (total[key] as Record<string, number> | undefined) ?? {};
        for (const [k, n] of Object.entries(value)) {
          into[k] = (into[k] ?? 0) + n;
        }
        total[key] = into;
      }
    }
  }
  return total;
}

/** Rows of the monthly summary workbook: label, figure key. */
export const SUMMARY_COLUMNS: ReadonlyArray<[string, string]> = [
  ['新识别监测户', 'newMonitored'],
  ['15天内完成识别', 'identifiedOnTime'],
  ['回退监测', 'rolledBack'],
  ['风险消除', 'eliminated'],
  ['其中帮扶消除', 'eliminatedAssisted'],
  ['监测帮扶中', 'monitored'],
  ['兜底保障', 'safetyNet'],
  ['识别中', 'identifying'],
  ['识别超期', 'lateIdentifications'],
  ['消除程序中', 'eliminating'],
  ['新增帮扶措施', 'measuresStarted'],
  ['有劳动能力监测户', 'labourMonitored'],
  ['其中有开发式措施', 'labourWithDevelopmental'],
  ['未落实帮扶责任人', 'withoutHelper'],
  ['走访次数', 'visitsDone'],
  ['走访户数', 'householdsVisited'],
  ['应走访户数', 'visitsDue'],
  ['走访超期户数', 'visitsOverdue'],
  ['新增线索', 'leadsNew'],
  ['办结线索', 'leadsSettled'],
  ['按期办结线索', 'leadsSettledOnTime'],
  ['收到部门预警', 'alertsReceived'],
  ['已核实预警', 'alertsVerified'],
  ['超期核实预警', 'alertsVerifiedLate'],
  ['待核实预警', 'alertsOpen'],
  ['预警核实超期', 'alertsOverdue'],
  ['农户自主申报', 'selfDeclarations'],
  ['脱贫劳动力务工人数', 'workers'],
  ['其中本地务工', 'workersLocal'],
  ['其中外出务工', 'workersAway'],
];

/** The scheduler refreshes an open month every 10 minutes; a download older than that recomputes first. */
const FRESH_MS = 10 * 60_000;

/** An ISO time as Beijing wall-clock text: 2026-12-01 18:40. */
const takenAt = (iso: string | null) =>
  iso === null
    ? '（尚未计算）'
    : new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const CATEGORY_LABELS: Record<string, string> = {
  unstable_ex_poor: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden_hardship: '突发严重困难户',
  unknown: '未分类',
};

/**
 * 一月一小结 and the dashboards: figures from the month_figure summary table (refreshed by a job and at
 * month close), per region and per child region; a closed month no longer changes.
 */
export function createReportService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  async function refresh(month: string = monthOf(clock().today()), prefixes: readonly string[] = ['']) {
    const { first, last } = monthBounds(month);
    return repos.reports.refreshMonth(month, first, last, clock().today(), prefixes);
  }

  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;
  /**
   * Recomputes the open month soon after a fact changed (a work record saved), so the town's and county's figures
   * move without waiting for the ten-minute job. Requests while one runs are folded into one more run; the promise
   * settles when the figures include every change requested before it.
   */
  function refreshSoon(): Promise<void> {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      try {
        do {
          refreshAgain = false;
          await refresh();
        } while (refreshAgain);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function summary(actor: Actor, month: string, regionCode: string | undefined) {
    monthBounds(month); // validates the format
    const b = await regionBreakdown(repos, actor, regionCode);
    let period = await repos.reports.findMonth(month);
    if (!period && month === monthOf(clock().today())) {
      // The first look at a new month: compute it now rather than show nothing.
      await refresh(month);
      period = await repos.reports.findMonth(month);
    }
    const rows = await repos.reports.figures(month, [b.region.code, ...b.children.map((c) => c.code)]);
    const byCode = new Map(rows.map((r) => [r.regionCode, r.figures]));
    return {
      month,
      status: (period?.status ?? 'open') as 'open' | 'closed',
      refreshedAt: period?.refreshed_at ? new Date(period.refreshed_at).toISOString() : null,
      regionCode: b.region.code,
      regionName: b.region.name,
      total: byCode.get(b.region.code) ?? {},
      children: b.children.map((c) => ({
        regionCode: c.code,
        regionName: c.name,
        figures: byCode.get(c.code) ?? {},
      })),
    };
  }

  return {
    refresh,
    summary,

    refreshSoon,

    /** The dashboard: this month's figures with the last 12 months' trend. */
    async dashboard(actor: Actor, regionCode: string | undefined) {
      const month = monthOf(clock().today());
      const current = await summary(actor, month, regionCode);
      const months = Array.from({ length: 12 }, (_, i) => monthOf(addMonths(`${month}-01`, i - 11)));
      const trend = await repos.reports.trend(months, current.regionCode);
      const n = (f: Figures, key: string) => (f[key] as number | undefined) ?? 0;
      return {
        ...current,
        trend: trend.map(({ month: m, figures: f }) => ({
          month: m,
          monitored: n(f, 'monitored'),
          newMonitored: n(f, 'newMonitored'),
          eliminated: n(f, 'eliminated'),
          visitsDone: n(f, 'visitsDone'),
          visitsOverdue: n(f, 'visitsOverdue'),
          leadsNew: n(f, 'leadsNew'),
        })),
      };
    },

    /** Recomputes this month's figures now (the job does it every few minutes). */
    async refreshNow(actor: Actor, month: string) {
      const period = await repos.reports.findMonth(month);
      if (period?.status === 'closed') {
        throw conflict(`${month} 已关账，数据不再变化`);
      }
      const villages = await refresh(month);
      await tx((t) =>
        recordAudit(t, actor, {
          action: 'report.refresh',
          entityType: 'report_month',
          entityId: month,
          new: { villages },
        }),
      );
      return summary(actor, month, undefined);
    },

    /** Closes a month: its figures are computed one last time and then frozen (later edits do not change them). */
    async closeMonth(actor: Actor, month: string) {
      const { last } = monthBounds(month);
      if (last >= clock().today()) {
        throw validation('只能关账已经结束的月份', { field: 'month' });
      }
      const period = await repos.reports.findMonth(month);
      if (period?.status === 'closed') {
        throw conflict(`${month} 已关账`);
      }
      await refresh(month);
      await tx(async (t) => {
        if (!(await t.reports.closeMonth(month, actor.username))) {
          throw conflict(`${month} 已关账`);
        }
        await recordAudit(t, actor, { action: 'report.close', entityType: 'report_month', entityId: month });
      });
      return summary(actor, month, undefined);
    },

    /**
     * The monthly summary as an Excel workbook: one row per child region, then the total. An open month's
     * figures older than the job's interval are recomputed first, and the sheet says when they were taken;
     * it prints on A4 landscape, one page wide.
     */
    async workbook(actor: Actor, month: string, regionCode: string | undefined) {
      const before = await repos.reports.findMonth(month);
      const refreshedAt = before?.refreshed_at ? new Date(before.refreshed_at).getTime() : 0;
      if (before?.status === 'open' && clock().now().getTime() - refreshedAt > FRESH_MS) {
        await refresh(month);
      }
      const s = await summary(actor, month, regionCode);
      const book = new ExcelJS.Workbook();
      book.creator = 'Shoudi 守底';
      const landscape: Partial<ExcelJS.PageSetup> = {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      };
      const sheet = book.addWorksheet('月度小结', { pageSetup: landscape });
      sheet.addRow([
        `${s.regionName} ${month} 防止返贫动态监测帮扶工作月度小结${s.status === 'closed' ? '（已关账）' : ''}`,
      ]);
      sheet.mergeCells(1, 1, 1, SUMMARY_COLUMNS.length + 1);
      sheet.getRow(1).font = { bold: true, size: 14 };
      sheet.addRow([
        `数据截至 ${takenAt(s.refreshedAt)}（北京时间）${s.status === 'closed' ? '，该月已关账，数据不再变化' : ''}`,
      ]);
      sheet.mergeCells(2, 1, 2, SUMMARY_COLUMNS.length + 1);
      sheet.pageSetup.printTitlesRow = '3:3';
      const header = sheet.addRow(['区划', ...SUMMARY_COLUMNS.map(([label]) => label)]);
      header.font = { bold: true };
      const line = (name: string, f: Figures) => [
        name,
        ...SUMMARY_COLUMNS.map(([, key]) => (f[key] as number | undefined) ?? 0),
      ];
      for (const c of s.children) {
        sheet.addRow(line(c.regionName, c.figures));
      }
      const total = sheet.addRow(line(`${s.regionName}合计`, s.total));
      total.font = { bold: true };
      sheet.getColumn(1).width = 22;
      for (let i = 2; i <= SUMMARY_COLUMNS.length + 1; i++) {
        sheet.getColumn(i).width = 12;
      }
      const byCategory = book.addWorksheet('新识别类别与风险', { pageSetup: landscape });
      byCategory.addRow([`数据截至 ${takenAt(s.refreshedAt)}（北京时间）`]);
      byCategory.addRow(['监测对象类别', '户数']).font = { bold: true };
      for (const [k, n] of Object.entries((s.total.newByCategory as Record<string, number>) ?? {})) {
        byCategory.addRow([CATEGORY_LABELS[k] ?? k, n]);
      }
      byCategory.addRow([]);
      byCategory.addRow(['风险类型', '户数']).font = { bold: true };
      for (const [k, n] of Object.entries((s.total.newByRisk as Record<string, number>) ?? {})) {
        byCategory.addRow([RISK_TYPE_ZH[k as RiskType] ?? k, n]);
      }
      byCategory.getColumn(1).width = 20;
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return { buffer, filename: `月度小结_${s.regionName}_${month}.xlsx` };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
