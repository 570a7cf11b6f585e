import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { daysBetween, monthBounds } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { bpToPercent, fromCents, MONEY_PATTERN, ratioBp, toCents } from '../../shared/money.js';
import { FUNDING_SOURCE_LABELS, NOTICE_MIN_DAYS } from '../../shared/project-codes.js';
import { isInLibrary, PROJECT_STAGE_LABELS } from '../../shared/project-workflow.js';
import { addWorkingDays } from '../../shared/working-days.js';
import { bulletinDocx } from '../adapters/bulletin-docx.js';
import { csvDocument } from '../adapters/csv.js';
import { readSpreadsheet } from '../adapters/spreadsheet.js';
import { buildBulletinFigures } from '../domain/fund-bulletin.js';
import { ALLOCATION_NOTICE_WORKDAYS, spendRateBp } from '../domain/fund-rules.js';
import { conflict, notFound, validation } from '../errors.js';
import type { StagedPayment } from '../repositories/fund.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { ZAllocationInput, ZFundLineInput, ZPaymentInput } from '../schemas/fund.schema.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { RunInTransaction } from './transaction.js';

/**
 * The number format of the bulletin's amount columns: text. Amounts go into the workbook as the ledger's decimal
 * strings, never as `Number(v)`: an Excel number cell is an IEEE double, and a double cannot hold most cent amounts
 * (12345678901.23 becomes 12345678901.229999542…), so a reader summing or re-reading the cells would get a float's
 * rounding instead of the cents the SQL summed. Text cells keep exactly what the JSON and the Word bulletin show.
 */
export const MONEY_TEXT_FORMAT = '@';

/** Projects with money allocated this many days ago and little or nothing paid since count as stalled. */
export const STALLED_DAYS = 90;
const STALLED_LIMIT = 50;
/** The scope code of city-wide bulletins. */
const CITY_SCOPE = 'city';

type AllocationRow = Awaited<ReturnType<Repositories['funds']['listAllocations']>>[number];
const allocationView = (a: AllocationRow) => ({
  id: Number(a.id),
  countyCode: a.county_code,
  countyName: a.county_name,
  docNumber: a.doc_number,
  source: a.source_code,
  sourceName: a.source_name,
  year: a.year,
  batch: a.batch,
  taskTag: a.task_tag,
  amount: a.amount,
  receivedOn: a.received_on,
  allocated: a.allocated,
  unallocated: fromCents(toCents(a.amount) - toCents(a.allocated)),
  firstAllocatedOn: a.first_allocated_on,
});

/** A period (YYYY-MM or YYYY-Qn) as its kind, year, last month and last day. */
export function periodBounds(period: string) {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const year = Number(period.slice(0, 4));
  const month = quarter ? `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, '0')}` : period;
  return {
    kind: quarter ? ('quarterly' as const) : ('monthly' as const),
    year,
    month,
    asOf: monthBounds(month).last,
  };
}

const PAYMENT_HEADERS = ['项目编号', '下达文号', '支付日期', '支付金额', '凭证号'] as const;
/** How many accepted rows an import or check shows back. */
const PAYMENT_PREVIEW_ROWS = 10;

/** One payment row of an import file, checked on its own; the database checks the rest set-based. */
function parsePaymentRow(
  cells: ReadonlyArray<string | number>,
  rowNo: number,
): StagedPayment | { row: number; reason: string } {
  const [project, doc, date, amount, voucher] = cells.map((c) =>
    typeof c === 'number' ? String(c) : c.trim(),
  );
  const projectId = Number(project);
  if (!project || !Number.isInteger(projectId) || projectId <= 0) {
    return { row: rowNo, reason: '项目编号应为正整数' };
  }
  if (!doc) {
    return { row: rowNo, reason: '缺少下达文号' };
  }
  const paidOn = (date ?? '').replace(/\//g, '-');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn) || Number.isNaN(new Date(`${paidOn}T00:00:00Z`).getTime())) {
    return { row: rowNo, reason: '支付日期格式应为 2026-05-31' };
  }
  if (!amount || !MONEY_PATTERN.test(amount) || toCents(amount) === 0n) {
    return { row: rowNo, reason: '支付金额应为正数，最多两位小数' };
  }
  return {
    rowNo,
    projectId,
    docNumber: doc,
    paidOn,
    amount: fromCents(toCents(amount)),
    voucher: voucher || null,
  };
}

/**
 * Connection funds (衔接资金, domain-cdefg §D2): allocations received by the county, passed down to library
 * projects, and payments against them; the monthly bulletin and quarterly dispatch from the summary.
 * Only counties record money; only library projects can be allocated to or paid.
 */
export function createFundService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  async function countyOf(t: Repositories, actor: Actor, countyCode: string | undefined) {
    const code = countyCode ?? actor.regionCode;
    const region = await t.regions.findByCode(code);
    if (region?.level !== 'county' || !actor.scope.some((p) => code.startsWith(p))) {
      throw notFound('县（区）');
    }
    return region;
  }

  async function figures(period: string) {
    const { kind, year, month, asOf } = periodBounds(period);
    const scope = [''];
    const [counties, summary, lastYear, allocationTimes, stalled] = await Promise.all([
      repos.funds.counties(scope),
      repos.funds.summaryTo(year, month, scope),
      repos.funds.summaryTo(year - 1, `${year - 1}-12`, scope),
      repos.funds.allocationTimes(year, scope),
      repos.funds.stalledProjects(asOf, STALLED_DAYS, scope, STALLED_LIMIT),
    ]);
    const built = buildBulletinFigures({
      asOf,
      counties,
      sourceNames: FUNDING_SOURCE_LABELS,
      summary,
      lastYear,
      allocationTimes: allocationTimes.filter((a) => a.received_on <= asOf),
    });
    return {
      kind,
      period,
      scopeCode: CITY_SCOPE,
      scopeName: (await repos.regions.listRoots()).at(0)?.name ?? '全市',
      issued: false,
      issuedOn: null as string | null,
      ...built,
      stalled: stalled.map((p) => ({
        projectId: Number(p.id),
        countyName: p.county_name,
        regionName: p.region_name,
        name: p.name,
        stage: PROJECT_STAGE_LABELS[p.stage] ?? p.stage,
        allocated: p.allocated,
        paid: p.paid,
        firstAllocatedOn: p.first_allocated_on,
        lastPaidOn: p.last_paid_on,
      })),
    };
  }
  type Figures = Awaited<ReturnType<typeof figures>>;

  /** The issued snapshot of a period, else the figures computed now. */
  async function bulletin(period: string): Promise<Figures> {
    const { kind } = periodBounds(period);
    const issued = await repos.funds.findBulletin(kind, period, CITY_SCOPE);
    if (issued) {
      return { ...(issued.figures as Figures), issued: true, issuedOn: issued.issued_on };
    }
    return figures(period);
  }

  const titleOf = (b: Figures) =>
    b.kind === 'monthly'
      ? `${b.scopeName}衔接资金支出进度月通报（${b.period.replace('-', '年')}月）`
      : `${b.scopeName}衔接资金项目季度调度（${b.period.replace('-Q', '年第')}季度）`;

  return {
    async listAllocations(actor: Actor, year: number | undefined) {
      return (await repos.funds.listAllocations({ scope: actor.scope, year })).map(allocationView);
    },

    async createAllocation(actor: Actor, input: z.infer<typeof ZAllocationInput>) {
      if (input.receivedOn > clock().today()) {
        throw validation('到账日期不能晚于今天', { field: 'receivedOn' });
      }
      return tx(async (t) => {
        const county = await countyOf(t, actor, input.countyCode);
        const amount = fromCents(toCents(input.amount));
        if (toCents(amount) === 0n) {
          throw validation('下达金额应大于0', { field: 'amount' });
        }
        const id = await t.funds.insertAllocation({
          countyCode: county.code,
          docNumber: input.docNumber,
          sourceCode: input.source,
          year: input.year,
          batch: input.batch,
          taskTag: input.taskTag,
          amount,
          receivedOn: input.receivedOn,
          createdBy: actor.userId,
        });
        if (id === 0) {
          throw conflict(`文号 ${input.docNumber} 已登记`);
        }
        await t.funds.addToSummary({
          countyCode: county.code,
          sourceCode: input.source,
          fundYear: input.year,
          month: input.receivedOn.slice(0, 7),
          received: amount,
        });
        await recordAudit(t, actor, {
          action: 'fund_allocation.create',
          entityType: 'fund_allocation',
          entityId: id,
          regionCode: county.code,
          new: { ...input, amount, countyCode: county.code },
        });
        const row = (await t.funds.listAllocations({ scope: [county.code], year: input.year })).find(
          (a) => Number(a.id) === id,
        );
        if (!row) {
          throw notFound('资金下达');
        }
        return allocationView(row);
      });
    },

    /** Passes part of an allocation down to a library project of the same county (资金安排). */
    async allocate(actor: Actor, allocationId: number, input: z.infer<typeof ZFundLineInput>) {
      const today = clock().today();
      return tx(async (t) => {
        const allocation = await t.funds.findAllocationForUpdate(allocationId, actor.scope);
        if (!allocation) {
          throw notFound('资金下达');
        }
        const project = await t.projects.findById(input.projectId, actor.scope);
        if (!project || project.county_code !== allocation.county_code) {
          throw notFound('项目');
        }
        if (!isInLibrary(project.stage)) {
          throw conflict('项目未入库，不能安排资金');
        }
        if (input.allocatedOn < allocation.received_on || input.allocatedOn > today) {
          throw validation('安排日期应在资金到账之后、今天之前', { field: 'allocatedOn' });
        }
        const amount = fromCents(toCents(input.amount));
        const remaining = toCents(allocation.amount) - toCents(allocation.allocated);
        if (toCents(amount) === 0n || toCents(amount) > remaining) {
          throw validation(`安排金额应大于0且不超过该文号未安排的 ${fromCents(remaining)} 元`, {
            field: 'amount',
            remaining: fromCents(remaining),
          });
        }
        if (
          (await t.funds.listLines({ allocationId })).some((l) => Number(l.project_id) === input.projectId)
        ) {
          throw conflict('该项目已从此文号安排过资金');
        }
        const lineId = await t.funds.insertLine({
          countyCode: allocation.county_code,
          allocationId,
          projectId: input.projectId,
          amount,
          allocatedOn: input.allocatedOn,
          createdBy: actor.userId,
        });
        await t.funds.addToSummary({
          countyCode: allocation.county_code,
          sourceCode: allocation.source_code,
          fundYear: allocation.year,
          month: input.allocatedOn.slice(0, 7),
          allocated: amount,
          allocatedIndustry: project.is_industry ? amount : '0',
        });
        const noticeDueOn = addWorkingDays(input.allocatedOn, ALLOCATION_NOTICE_WORKDAYS);
        if (input.notice) {
          if (daysBetween(input.notice.startsOn, input.notice.endsOn) + 1 < NOTICE_MIN_DAYS) {
            throw validation(`公示期不少于${NOTICE_MIN_DAYS}天`, { field: 'notice.endsOn' });
          }
          await t.projects.insertNotice({
            county_code: allocation.county_code,
            region_code: project.region_code,
            subject_kind: 'project',
            subject_id: input.projectId,
            purpose: 'allocation',
            channel: input.notice.channel,
            starts_on: input.notice.startsOn,
            ends_on: input.notice.endsOn,
            created_by: actor.userId,
          });
        }
        await recordAudit(t, actor, {
          action: 'fund_line.create',
          entityType: 'fund_line',
          entityId: lineId,
          regionCode: project.region_code,
          new: { allocationId, projectId: input.projectId, amount, allocatedOn: input.allocatedOn },
        });
        const row = (
          await t.funds.listAllocations({ scope: [allocation.county_code], year: allocation.year })
        ).find((a) => Number(a.id) === allocationId);
        if (!row) {
          throw notFound('资金下达');
        }
        return { id: lineId, allocation: allocationView(row), noticeDueOn };
      });
    },

    /** Records a payment against a project's fund line; never beyond what was allocated to it. */
    async pay(actor: Actor, input: z.infer<typeof ZPaymentInput>) {
      const today = clock().today();
      return tx(async (t) => {
        const line = await t.funds.findLineForUpdate(input.fundLineId, actor.scope);
        if (!line) {
          throw notFound('项目资金');
        }
        if (!isInLibrary(line.stage)) {
          throw conflict('项目未入库，不能支付');
        }
        if (input.paidOn > today) {
          throw validation('支付日期不能晚于今天', { field: 'paidOn' });
        }
        const amount = fromCents(toCents(input.amount));
        const remaining = toCents(line.amount) - toCents(line.paid);
        if (toCents(amount) === 0n || toCents(amount) > remaining) {
          throw validation(`支付金额应大于0且不超过未支付的 ${fromCents(remaining)} 元`, {
            field: 'amount',
            remaining: fromCents(remaining),
          });
        }
        const id = await t.funds.insertPayment({
          countyCode: line.county_code,
          fundLineId: input.fundLineId,
          projectId: Number(line.project_id),
          paidOn: input.paidOn,
          amount,
          voucher: input.voucher?.trim() || null,
          createdBy: actor.userId,
        });
        await t.funds.addToSummary({
          countyCode: line.county_code,
          sourceCode: line.source_code,
          fundYear: line.year,
          month: input.paidOn.slice(0, 7),
          paid: amount,
        });
        await recordAudit(t, actor, {
          action: 'fund_payment.create',
          entityType: 'fund_payment',
          entityId: id,
          regionCode: line.region_code,
          new: { ...input, amount },
        });
        const project = await t.projects.findById(Number(line.project_id), actor.scope);
        return {
          id,
          projectPaidTotal: project?.paid_total ?? amount,
          linePaid: fromCents(toCents(line.paid) + toCents(amount)),
        };
      });
    },

    /**
     * Imports payments from Excel or CSV (项目编号, 下达文号, 支付日期, 支付金额, 凭证号): every bad row is
     * reported with its reason and nothing is imported unless the user skips bad rows; a dry run (预检) only
     * checks and says what an import would write. Set-based in the database (one staging insert per 10,000
     * rows, one resolving join, one insert).
     */
    async importPayments(actor: Actor, file: Buffer, options: { skipBadRows: boolean; dryRun: boolean }) {
      const { skipBadRows, dryRun } = options;
      let sheet: Awaited<ReturnType<typeof readSpreadsheet>>;
      try {
        sheet = await readSpreadsheet(file);
      } catch {
        throw validation('无法读取文件，请上传 .xlsx 或 .csv');
      }
      const headerAt = sheet.findIndex((r) => r.cells.some((c) => String(c).trim() === PAYMENT_HEADERS[0]));
      const header = sheet[headerAt];
      if (!header) {
        throw validation(`未找到表头，应包含：${PAYMENT_HEADERS.join('、')}`);
      }
      const columns = PAYMENT_HEADERS.map((h) => header.cells.findIndex((c) => String(c).trim() === h));
      if (columns.slice(0, 4).some((i) => i < 0)) {
        throw validation(
          `表头缺少列：${PAYMENT_HEADERS.filter((_, i) => (columns[i] ?? -1) < 0).join('、')}`,
        );
      }
      const today = clock().today();
      const rows: StagedPayment[] = [];
      const problems: Array<{ row: number; reason: string }> = [];
      for (const r of sheet.slice(headerAt + 1)) {
        if (r.cells.every((c) => String(c).trim() === '')) {
          continue;
        }
        const parsed = parsePaymentRow(
          columns.map((i) => (i >= 0 ? (r.cells[i] ?? '') : '')),
          r.row,
        );
        if ('reason' in parsed) {
          problems.push(parsed);
        } else if (parsed.paidOn > today) {
          problems.push({ row: r.row, reason: '支付日期不能晚于今天' });
        } else {
          rows.push(parsed);
        }
      }
      const totalRows = rows.length + problems.length;
      if (totalRows === 0) {
        throw validation('文件中没有支付记录');
      }
      const importId = randomUUID();
      return tx(async (t) => {
        const result = await t.funds.importPayments({
          rows,
          scope: actor.scope,
          skipBadRows,
          checkOnly: dryRun || (problems.length > 0 && !skipBadRows),
          importId,
          createdBy: actor.userId,
          previewLimit: PAYMENT_PREVIEW_ROWS,
        });
        const all = [...problems, ...result.errors.map((e) => ({ row: e.row_no, reason: e.reason }))].sort(
          (a, b) => a.row - b.row,
        );
        const answer = {
          totalRows,
          acceptedRows: result.acceptedRows,
          acceptedTotal: result.acceptedTotal,
          problems: all,
          preview: result.preview.map((p) => ({
            row: p.row_no,
            projectId: Number(p.project_id),
            projectName: p.project_name,
            docNumber: p.doc_number,
            paidOn: p.paid_on,
            amount: p.amount,
          })),
        };
        if (dryRun) {
          return { status: 'checked' as const, imported: 0, total: '0.00', ...answer };
        }
        if (all.length > 0 && !skipBadRows) {
          return { status: 'refused' as const, imported: 0, total: '0.00', ...answer };
        }
        await recordAudit(t, actor, {
          action: 'fund_payment.import',
          entityType: 'fund_payment',
          entityId: importId,
          new: { imported: result.imported, total: result.total, skipped: all.length },
        });
        return {
          status: all.length > 0 ? ('partial' as const) : ('imported' as const),
          imported: result.imported,
          total: result.total,
          ...answer,
        };
      });
    },

    /** The payment file template: the header row the import reads, UTF-8 with a BOM for Excel. */
    paymentTemplate() {
      return csvDocument(PAYMENT_HEADERS, []);
    },

    /**
     * The year's money in the actor's scope for the workbench and the big screen: received, passed down to
     * projects, paid, and the two rates (paid ÷ received is the bulletin's 支出进度).
     */
    async overview(actor: Actor, year: number | undefined) {
      const today = clock().today();
      const fundYear = year ?? Number(today.slice(0, 4));
      const o = await repos.funds.overview(fundYear, actor.scope);
      // null, not 0 %, when there is nothing to spend: "no money yet" is not "nothing spent".
      const rate = (bp: (part: bigint, whole: bigint) => number, part: string, whole: string) =>
        toCents(whole) > 0n ? bpToPercent(bp(toCents(part), toCents(whole))) : null;
      return {
        year: fundYear,
        asOf: today,
        received: o.received,
        allocated: o.allocated,
        paid: o.paid,
        spendRate: rate(spendRateBp, o.paid, o.received),
        paidOfAllocated: rate(ratioBp, o.paid, o.allocated),
        projects: o.projects,
      };
    },

    /** Figures of counties in the actor's scope at a period end (the progress screen). */
    async progress(actor: Actor, period: string) {
      const b = await figures(period);
      const counties = b.counties.filter((c) => actor.scope.some((p) => c.countyCode.startsWith(p)));
      return {
        ...b,
        counties,
        stalled: b.stalled.filter((s) => counties.some((c) => c.countyName === s.countyName)),
      };
    },

    bulletin,

    /** Issues the city's bulletin for a period: the figures of now, frozen (a second issue is refused). */
    async issueBulletin(actor: Actor, period: string) {
      const { kind, month } = periodBounds(period);
      const today = clock().today();
      if (monthBounds(month).first.slice(0, 7) > today.slice(0, 7)) {
        throw validation('不能通报尚未开始的月份', { field: 'period' });
      }
      const computed = await figures(period);
      return tx(async (t) => {
        const id = await t.funds.insertBulletin({
          kind,
          period,
          scopeCode: CITY_SCOPE,
          figures: computed,
          issuedOn: today,
          issuedBy: actor.userId,
        });
        if (id === null) {
          throw conflict('该期通报已印发，不能重复印发');
        }
        await recordAudit(t, actor, {
          action: 'fund_bulletin.issue',
          entityType: 'fund_bulletin',
          entityId: id,
          new: { kind, period, totals: computed.totals },
        });
        return { ...computed, issued: true, issuedOn: today };
      });
    },

    async listBulletins() {
      return (await repos.funds.listBulletins(CITY_SCOPE)).map((b) => ({
        id: Number(b.id),
        kind: b.kind,
        period: b.period,
        issuedOn: b.issued_on,
      }));
    },

    async bulletinXlsx(period: string) {
      const b = await bulletin(period);
      const book = new ExcelJS.Workbook();
      book.creator = 'Shoudi 守底';
      const sheet = book.addWorksheet(b.kind === 'monthly' ? '月通报' : '季调度');
      const headers = [
        '排名',
        '县（市、区）',
        '到位资金（元）',
        '已安排到项目（元）',
        '产业项目（元）',
        '已支付（元）',
        '未支付（元）',
        '支出进度%',
        '节点目标%',
        '与节点差距',
        '序时进度%',
        '与序时差距',
        '中央资金支出%',
        '产业占比%',
        '上年产业占比%',
        '产业占比达标',
        '平均下达工作日',
        '超期未下达笔数',
      ];
      sheet.addRow([`${titleOf(b)}${b.issued ? '' : '（未印发）'}`]);
      sheet.mergeCells(1, 1, 1, headers.length);
      sheet.getRow(1).font = { bold: true, size: 14 };
      sheet.addRow([`截至 ${b.asOf}；金额单位：元`]);
      sheet.addRow(headers).font = { bold: true };
      // The decimal string itself (see MONEY_TEXT_FORMAT), right-aligned like a number.
      const money = (v: string) => v;
      for (const c of b.counties) {
        sheet.addRow([
          c.rank,
          c.countyName,
          money(c.received),
          money(c.allocated),
          money(c.allocatedIndustry),
          money(c.paid),
          money(c.unpaid),
          c.spendRate,
          c.milestone,
          c.gapToMilestone,
          c.timeProportional,
          c.gapToSchedule,
          c.centralSpendRate,
          c.industryShare,
          c.lastYearIndustryShare ?? '',
          c.industryShareMet ? '是' : '否',
          c.avgAllocationWorkdays ?? '',
          c.lateAllocations,
        ]);
      }
      const total = sheet.addRow([
        '',
        '合计',
        money(b.totals.received),
        money(b.totals.allocated),
        money(b.totals.allocatedIndustry),
        money(b.totals.paid),
        money(b.totals.unpaid),
        b.totals.spendRate,
        b.totals.milestone,
        b.totals.gapToMilestone,
        b.totals.timeProportional,
        '',
        '',
        b.totals.industryShare,
      ]);
      total.font = { bold: true };
      for (const col of [3, 4, 5, 6, 7]) {
        sheet.getColumn(col).numFmt = MONEY_TEXT_FORMAT;
        sheet.getColumn(col).alignment = { horizontal: 'right' };
        sheet.getColumn(col).width = 18;
      }
      sheet.getColumn(2).width = 22;
      const stalled = book.addWorksheet('进度滞后项目');
      stalled.addRow([
        '项目编号',
        '县（市、区）',
        '地点',
        '项目名称',
        '阶段',
        '已安排（元）',
        '已支付（元）',
        '首次安排日期',
        '最近支付日期',
      ]).font = {
        bold: true,
      };
      for (const p of b.stalled) {
        stalled.addRow([
          p.projectId,
          p.countyName,
          p.regionName,
          p.name,
          p.stage,
          money(p.allocated),
          money(p.paid),
          p.firstAllocatedOn ?? '',
          p.lastPaidOn ?? '',
        ]);
      }
      stalled.getColumn(4).width = 36;
      for (const col of [6, 7]) {
        stalled.getColumn(col).numFmt = MONEY_TEXT_FORMAT;
        stalled.getColumn(col).alignment = { horizontal: 'right' };
      }
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return { buffer, filename: `${titleOf(b)}.xlsx` };
    },

    /** The bulletin as a Word document in the style of the quarterly bulletin (bulletin-docx). */
    async bulletinWord(period: string) {
      const b = await bulletin(period);
      // 万元 with two decimals, rounded half up from exact cents.
      const yuan = (v: string) => `${fromCents((toCents(v) + 5000n) / 10000n)}万元`;
      const behind = b.counties.filter((c) => c.gapToMilestone.startsWith('-'));
      const belowShare = b.counties.filter((c) => !c.industryShareMet);
      const sections = [
        {
          heading: '总体进度',
          text: `截至${b.asOf}，全市到位衔接资金${yuan(b.totals.received)}，已安排到项目${yuan(b.totals.allocated)}，已支付${yuan(
            b.totals.paid,
          )}，支出进度${b.totals.spendRate}%，${b.totals.gapToMilestone.startsWith('-') ? '低于' : '达到'}${b.totals.milestone}%的节点目标（差距${b.totals.gapToMilestone}个百分点），序时进度${b.totals.timeProportional}%。产业项目资金占比${b.totals.industryShare}%。`,
        },
        {
          heading: '各县（市、区）支出进度排名',
          text:
            behind.length > 0
              ? `${behind.map((c) => c.countyName).join('、')}支出进度低于节点目标。`
              : '各县（市、区）支出进度均达到节点目标。',
          table: [
            [
              '排名',
              '县（市、区）',
              '到位资金(万元)',
              '已支付(万元)',
              '支出进度%',
              '与节点差距',
              '产业占比%',
            ],
            ...b.counties.map((c) => [
              String(c.rank),
              c.countyName,
              yuan(c.received).replace('万元', ''),
              yuan(c.paid).replace('万元', ''),
              c.spendRate,
              c.gapToMilestone,
              c.industryShare,
            ]),
          ],
        },
        {
          heading: '产业项目资金占比',
          text:
            belowShare.length > 0
              ? `${belowShare.map((c) => `${c.countyName}（${c.industryShare}%${c.lastYearIndustryShare ? `，上年${c.lastYearIndustryShare}%` : ''}）`).join('、')}产业项目资金占比未达到60%或低于上年。`
              : '各县（市、区）产业项目资金占比均不低于60%且不低于上年。',
        },
        {
          heading: '进度滞后项目',
          text:
            b.stalled.length > 0
              ? `资金安排${STALLED_DAYS}天以上支付缓慢的项目${b.stalled.length}个，请相关县（市、区）督促实施单位加快进度。`
              : '无进度滞后项目。',
          ...(b.stalled.length > 0
            ? {
                table: [
                  ['县（市、区）', '项目名称', '已安排(元)', '已支付(元)'],
                  ...b.stalled.slice(0, 20).map((p) => [p.countyName, p.name, p.allocated, p.paid]),
                ],
              }
            : {}),
        },
        {
          heading: '下步要求',
          text: '各县（市、区）要对照4月底30%、6月底50%、9月底75%、年底100%的支出节点，逐项目倒排工期，加快资金支出进度；确保产业项目资金占比不低于60%且不低于上年。',
        },
      ];
      const subtitle =
        b.issued && b.issuedOn
          ? `${b.scopeName}乡村振兴局　${b.issuedOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日')}`
          : '（未印发）';
      const buffer = await bulletinDocx({ title: titleOf(b), subtitle, sections });
      return { buffer, filename: `${titleOf(b)}.docx` };
    },
  };
}

export type FundService = ReturnType<typeof createFundService>;
