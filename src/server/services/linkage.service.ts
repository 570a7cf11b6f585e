import { isLiveStage, isUnderMonitoring } from '../../shared/case-workflow.js';
import { clock } from '../../shared/clock.js';
import {
  type BenefitType,
  benefitDateProblem,
  LINKAGE_MODE_LABELS,
  type LinkageMode,
  linkageYearProblem,
} from '../../shared/linkage.js';
import { fromCents, toCents } from '../../shared/money.js';
import { isWithinScope } from '../../shared/region-code.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { BenefitRow, LinkageRow, LinkedHouseholdRow } from '../repositories/linkage.repository.js';
import type { Actor } from './actor.js';
import { diff, recordAudit } from './audit.js';
import { pickedRegionPrefixes } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';

export interface LinkageFields {
  projectId?: number | null | undefined;
  mode?: LinkageMode | undefined;
  startedOn?: string | undefined;
  endedOn?: string | null | undefined;
  terms?: string | null | undefined;
}

export interface LinkageSearchInput {
  regionCode?: string | undefined;
  operatorId?: number | undefined;
  mode?: LinkageMode | undefined;
  year?: number | undefined;
  page: number;
  pageSize: number;
}

export interface BenefitInput {
  householdId: number;
  paidOn: string;
  benefitType: BenefitType;
  amount: string;
  evidence?: string | null | undefined;
}

const currentYear = () => Number(clock().today().slice(0, 4));

const present = (a: LinkageRow, year: number) => {
  const linked = Number(a.linked_exited) + Number(a.linked_monitored) + Number(a.linked_other);
  const paid = Number(a.paid_households);
  return {
    id: Number(a.id),
    countyCode: a.county_code,
    operatorId: Number(a.operator_id),
    operatorName: a.operator_name,
    regionCode: a.operator_region_code,
    regionName: a.region_name,
    projectId: a.project_id === null ? null : Number(a.project_id),
    projectName: a.project_name,
    mode: a.mode,
    startedOn: a.started_on,
    endedOn: a.ended_on,
    terms: a.terms,
    year,
    linked: {
      exitedPoverty: Number(a.linked_exited),
      monitored: Number(a.linked_monitored),
      other: Number(a.linked_other),
      total: linked,
    },
    paidHouseholds: paid,
    unpaidHouseholds: linked - paid,
    totalBenefit: a.total_benefit,
    version: a.version,
    updatedAt: new Date(a.updated_at).toISOString(),
  };
};

const presentHousehold = (h: LinkedHouseholdRow) => ({
  householdId: h.household_id,
  householdNo: h.household_no,
  headName: h.head_name,
  householdType: h.household_type,
  townName: h.town_name,
  villageName: h.village_name,
  benefitTotal: h.benefit_total,
  benefitCount: h.benefit_count,
  lastPaidOn: h.last_paid_on,
  // §C3: a household linked to an operator that paid it nothing this year is flagged.
  unpaid: h.benefit_count === 0,
});

const presentBenefit = (b: BenefitRow) => ({
  id: b.id,
  householdId: b.household_id,
  headName: b.head_name,
  paidOn: b.paid_on,
  benefitType: b.benefit_type,
  amount: b.amount,
  evidence: b.evidence,
});

const LEDGER_COLUMNS = [
  '协议编号',
  '经营主体',
  '所在地',
  '项目',
  '带农方式',
  '协议开始',
  '协议结束',
  '带动脱贫户',
  '带动监测户',
  '带动其他农户',
  '本年获益户数',
  '本年未获益户数',
  '本年收益合计（元）',
  '户均收益（元）',
];

/** A total divided among households, to the fen, exactly (decimal strings; the amounts never become floats). */
export function perHousehold(total: string, households: number): string {
  if (households === 0) {
    return '0.00';
  }
  const n = BigInt(households);
  // Round half up to the fen.
  return fromCents((toCents(total) * 2n + n) / (2n * n));
}

/**
 * Farmer linkage (联农带农, §C3): a county or township records an operator's agreement (mode, term, terms, the
 * library project it came from), the households it links each year and what it paid them. The ledger (联农带农台账)
 * is read from those rows; a linked household becomes an industry measure on its live case, entered once.
 */
export function createLinkageService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  async function findInScope(actor: Actor, id: number, year = currentYear()) {
    const row = await repos.linkage.find(id, year);
    if (!row || !isWithinScope(row.operator_region_code, actor.scope)) {
      throw notFound('联农带农协议');
    }
    return row;
  }

  /** A project for the agreement: of the operator's county (a county project is in a township's reach too). */
  async function checkProject(projectId: number | null, countyCode: string) {
    if (projectId === null) {
      return;
    }
    // A county's code is the prefix of every place in it: its first six digits.
    if (!(await repos.projects.findById(projectId, [countyCode.slice(0, 6)]))) {
      throw validation('项目不存在，或不在经营主体所在县', { field: 'projectId' });
    }
  }

  function checkTerm(startedOn: string, endedOn: string | null) {
    if (startedOn > clock().today()) {
      throw validation('协议开始日期不能晚于今天', { field: 'startedOn' });
    }
    if (endedOn !== null && endedOn < startedOn) {
      throw validation('协议结束日期不能早于开始日期', { field: 'endedOn' });
    }
  }

  /** The industry measure a link gives the household's live case (监测 or green channel), pointing back to it. */
  async function addLinkMeasure(
    t: Repositories,
    a: LinkageRow,
    link: { id: number; householdId: number; year: number },
  ) {
    const live = await t.cases.liveFor(link.householdId);
    if (!live || !isLiveStage(live.stage) || !(isUnderMonitoring(live.stage) || live.green_channel)) {
      return;
    }
    const yearEnd = `${link.year}-12-31`;
    const yearStart = `${link.year}-01-01`;
    await t.measures.insert({
      case_id: live.id,
      household_id: link.householdId,
      county_code: a.county_code,
      category: 'industry',
      item: `联农带农（${LINKAGE_MODE_LABELS[a.mode].zh}）：${a.operator_name}`,
      starts_on: a.started_on > yearStart ? a.started_on : yearStart,
      ends_on: a.ended_on !== null && a.ended_on < yearEnd ? a.ended_on : yearEnd,
      provider: a.operator_name,
      created_by: null,
      source_kind: 'linkage',
      source_id: link.id,
    });
  }

  return {
    async search(actor: Actor, input: LinkageSearchInput) {
      const regionPrefixes = await pickedRegionPrefixes(repos, actor, input.regionCode);
      const year = input.year ?? currentYear();
      const result = await repos.linkage.search({
        scope: actor.scope,
        regionPrefixes,
        operatorId: input.operatorId,
        mode: input.mode,
        year,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: result.items.map((a) => present(a, year)), total: result.total };
    },

    async get(actor: Actor, id: number, year?: number) {
      const y = year ?? currentYear();
      const a = await findInScope(actor, id, y);
      const [households, benefits] = await Promise.all([
        repos.linkage.households(id, y),
        repos.linkage.benefits(id, y),
      ]);
      return {
        ...present(a, y),
        households: households.map(presentHousehold),
        benefits: benefits.map(presentBenefit),
      };
    },

    async create(
      actor: Actor,
      input: LinkageFields & { operatorId: number; mode: LinkageMode; startedOn: string },
    ) {
      // The worker counts the operator row carries are not needed here; any dates do.
      const today = clock().today();
      const operator = await repos.operators.find(input.operatorId, {
        yearStart: today,
        yearEnd: today,
        monthStart: today,
      });
      if (!operator || !isWithinScope(operator.region_code, actor.scope)) {
        throw notFound('经营主体');
      }
      const endedOn = input.endedOn ?? null;
      checkTerm(input.startedOn, endedOn);
      await checkProject(input.projectId ?? null, operator.county_code);
      const id = await tx(async (t) => {
        const newId = await t.linkage.insert({
          county_code: operator.county_code,
          operator_id: Number(operator.id),
          project_id: input.projectId ?? null,
          mode: input.mode,
          started_on: input.startedOn,
          ended_on: endedOn,
          terms: input.terms ?? null,
          created_by: actor.userId,
        });
        await recordAudit(t, actor, {
          action: 'linkage.create',
          entityType: 'linkage_agreement',
          entityId: newId,
          regionCode: operator.region_code,
          new: input,
        });
        return newId;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, input: LinkageFields & { version: number }) {
      const before = await findInScope(actor, id);
      const startedOn = input.startedOn ?? before.started_on;
      const endedOn = input.endedOn === undefined ? before.ended_on : input.endedOn;
      checkTerm(startedOn, endedOn);
      if (input.projectId !== undefined) {
        await checkProject(input.projectId, before.county_code);
      }
      const values = {
        ...(input.projectId !== undefined ? { project_id: input.projectId } : {}),
        ...(input.mode !== undefined ? { mode: input.mode } : {}),
        ...(input.startedOn !== undefined ? { started_on: input.startedOn } : {}),
        ...(input.endedOn !== undefined ? { ended_on: input.endedOn } : {}),
        ...(input.terms !== undefined ? { terms: input.terms } : {}),
      };
      const changes = diff(before as unknown as Record<string, unknown>, values as Record<string, unknown>);
      if (changes.isEmpty) {
        if (before.version !== input.version) {
          throw conflict('联农带农协议已被他人修改，请刷新后再试');
        }
        return this.get(actor, id);
      }
      await tx(async (t) => {
        if (!(await t.linkage.update(id, input.version, values))) {
          throw conflict('联农带农协议已被他人修改，请刷新后再试');
        }
        await recordAudit(t, actor, {
          action: 'linkage.update',
          entityType: 'linkage_agreement',
          entityId: id,
          regionCode: before.operator_region_code,
          old: changes.old,
          new: changes.new,
        });
      });
      return this.get(actor, id);
    },

    /** Links a household for a year: of the operator's county and the user's scope, within the agreement's term. */
    async link(actor: Actor, id: number, input: { householdId: number; year: number }) {
      const a = await findInScope(actor, id, input.year);
      const problem = linkageYearProblem(a.started_on, a.ended_on, input.year);
      if (problem) {
        throw validation(problem, { field: 'year' });
      }
      if (input.year > currentYear()) {
        throw validation('只能登记今年及以前年度的带动农户', { field: 'year' });
      }
      const household = await repos.households.findById(input.householdId);
      if (!household || !isWithinScope(household.region_code, actor.scope)) {
        throw notFound('农户');
      }
      if (household.county_code !== a.county_code) {
        throw validation('只能带动经营主体所在县的农户', { field: 'householdId' });
      }
      if (await repos.linkage.findLink(id, input.householdId, input.year)) {
        throw conflict('这户当年已在本协议的带动农户中', { field: 'householdId' });
      }
      await tx(async (t) => {
        const linkId = await t.linkage.link({
          county_code: a.county_code,
          agreement_id: id,
          household_id: input.householdId,
          year: input.year,
          created_by: actor.userId,
        });
        await addLinkMeasure(t, a, { id: linkId, householdId: input.householdId, year: input.year });
        await recordAudit(t, actor, {
          action: 'linkage.link',
          entityType: 'linkage_agreement',
          entityId: id,
          regionCode: household.region_code,
          new: input,
        });
      });
      return this.get(actor, id, input.year);
    },

    /** Takes a household off a year's list; one the operator already paid that year stays (the payment is evidence). */
    async unlink(actor: Actor, id: number, input: { householdId: number; year: number }) {
      await findInScope(actor, id, input.year);
      const link = await repos.linkage.findLink(id, input.householdId, input.year);
      const household = await repos.households.findById(input.householdId);
      if (!link || !household || !isWithinScope(household.region_code, actor.scope)) {
        throw notFound('带动农户');
      }
      if ((await repos.linkage.paymentsInYear(id, input.householdId, input.year)) > 0) {
        throw conflict('这户当年已有收益发放记录，不能移出带动农户');
      }
      await tx(async (t) => {
        await t.measures.deleteBySource('linkage', Number(link.id));
        await t.linkage.unlink(Number(link.id));
        await recordAudit(t, actor, {
          action: 'linkage.unlink',
          entityType: 'linkage_agreement',
          entityId: id,
          regionCode: household.region_code,
          old: input,
        });
      });
      return this.get(actor, id, input.year);
    },

    /** Records a payment to a linked household: within the term, not in the future, linked in the payment's year. */
    async addBenefit(actor: Actor, id: number, input: BenefitInput) {
      const year = Number(input.paidOn.slice(0, 4));
      const a = await findInScope(actor, id, year);
      const problem = benefitDateProblem(
        input.paidOn,
        { startedOn: a.started_on, endedOn: a.ended_on },
        clock().today(),
      );
      if (problem) {
        throw validation(problem, { field: 'paidOn' });
      }
      const household = await repos.households.findById(input.householdId);
      if (!household || !isWithinScope(household.region_code, actor.scope)) {
        throw notFound('农户');
      }
      if (!(await repos.linkage.findLink(id, input.householdId, year))) {
        throw validation(`这户不在本协议 ${year} 年的带动农户中，请先登记带动农户`, { field: 'householdId' });
      }
      await tx(async (t) => {
        const benefitId = await t.linkage.insertBenefit({
          county_code: a.county_code,
          agreement_id: id,
          household_id: input.householdId,
          paid_on: input.paidOn,
          benefit_type: input.benefitType,
          amount: input.amount,
          evidence: input.evidence ?? null,
          created_by: actor.userId,
        });
        await recordAudit(t, actor, {
          action: 'linkage.benefit',
          entityType: 'linkage_benefit',
          entityId: benefitId,
          regionCode: household.region_code,
          new: input,
        });
      });
      return this.get(actor, id, year);
    },

    /** The 联农带农台账 of a year in the user's scope (or a region of it), as an Excel workbook. */
    async ledgerXlsx(actor: Actor, input: { regionCode?: string | undefined; year?: number | undefined }) {
      const year = input.year ?? currentYear();
      const { items } = await repos.linkage.search({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        year,
      });
      const wanted = items.map((a) => present(a, year));
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(`${year}年联农带农台账`);
      sheet.addRow(LEDGER_COLUMNS).font = { bold: true };
      for (const a of wanted) {
        sheet.addRow([
          a.id,
          a.operatorName,
          a.regionName,
          a.projectName ?? '',
          LINKAGE_MODE_LABELS[a.mode].zh,
          a.startedOn,
          a.endedOn ?? '长期',
          a.linked.exitedPoverty,
          a.linked.monitored,
          a.linked.other,
          a.paidHouseholds,
          a.unpaidHouseholds,
          a.totalBenefit,
          perHousehold(a.totalBenefit, a.linked.total),
        ]);
      }
      for (const col of [13, 14]) {
        sheet.getColumn(col).numFmt = '@';
        sheet.getColumn(col).alignment = { horizontal: 'right' };
        sheet.getColumn(col).width = 18;
      }
      sheet.getColumn(2).width = 30;
      sheet.getColumn(4).width = 30;
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return { buffer, filename: `${year}年联农带农台账.xlsx` };
    },
  };
}

export type LinkageService = ReturnType<typeof createLinkageService>;
