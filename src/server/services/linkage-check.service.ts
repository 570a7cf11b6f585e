import { clock } from '../../shared/clock.js';
import { LINKAGE_MODE_LABELS, type LinkageMode } from '../../shared/linkage.js';
import {
  allowedFindingActions,
  CHECK_RESULT_LABELS,
  type CheckResult,
  DEFAULT_CHECK_ITEMS,
  DEFAULT_FOLLOW_UP_ITEMS,
  DEFAULT_LEAD_CRITERIA,
  DEFAULT_SAMPLE_PERCENT,
  drawSample,
  FINDING_ACTION_LABELS,
  FINDING_STATUS_LABELS,
  FINDING_TRANSITIONS,
  type FindingAction,
  isOverdue,
  type LeadCriteria,
  leadStatus,
  nextFindingStatus,
} from '../../shared/linkage-checks.js';
import { conflict, forbidden, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type {
  CampaignRow,
  CheckRow,
  FindingEventRow,
  FindingRow,
  LeadFiguresRow,
} from '../repositories/linkage-check.repository.js';
import type { Actor } from './actor.js';
import { diff, recordAudit } from './audit.js';
import type { LinkageService } from './linkage.service.js';
import { pickedRegionPrefixes } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';

export interface CampaignInput {
  name: string;
  year: number;
  startsOn: string;
  endsOn: string;
  checkItems?: string[] | undefined;
  followUpItems?: string[] | undefined;
  samplePercent?: number | undefined;
}

export interface FindingInput {
  item: string;
  problem: string;
  followUpItem: string;
  responsibleUnit: string;
  deadline: string;
}

export interface CheckInput {
  checkedOn: string;
  results: { item: string; result: CheckResult; note?: string | null | undefined }[];
  note?: string | null | undefined;
  /** New findings, one at least for each item that does not conform (and none for items that do). */
  findings?: FindingInput[] | undefined;
  /** The version of the check being edited; absent when recording the first check. */
  version?: number | undefined;
}

const LEVEL = (actor: Actor): 'township' | 'county' | null =>
  actor.role === 'county' ? 'county' : actor.role === 'township' ? 'township' : null;

const currentYear = () => Number(clock().today().slice(0, 4));

const presentCampaign = (c: CampaignRow) => ({
  id: c.id,
  countyCode: c.county_code,
  countyName: c.county_name,
  name: c.name,
  year: c.year,
  startsOn: c.starts_on,
  endsOn: c.ends_on,
  checkItems: c.check_items,
  followUpItems: c.follow_up_items,
  samplePercent: c.sample_percent,
  progress: {
    sampled: c.sampled,
    addedByHand: c.added_by_hand,
    checked: c.checked,
    findingsOpen: c.findings_open,
    findingsRectified: c.findings_rectified,
    findingsVerified: c.findings_verified,
    findingsOverdue: c.findings_overdue,
  },
  version: c.version,
});

interface StoredResult {
  item: string;
  result: CheckResult;
  note: string | null;
}

const resultsOf = (check: CheckRow): StoredResult[] => {
  const raw = typeof check.results === 'string' ? JSON.parse(check.results) : check.results;
  return Array.isArray(raw) ? (raw as StoredResult[]) : [];
};

const presentCheck = (c: CheckRow) => ({
  id: c.id,
  checkedOn: c.checked_on,
  results: resultsOf(c),
  note: c.note,
  checkedByName: c.checked_by_name,
  version: c.version,
});

/** Lists of check or follow-up items: trimmed, no blanks or repeats. */
function itemList(items: readonly string[], field: string, what: string): string[] {
  const clean = items.map((i) => i.trim());
  if (clean.length === 0 || clean.some((i) => i === '')) {
    throw validation(`${what}不能为空`, { field });
  }
  if (new Set(clean).size !== clean.length) {
    throw validation(`${what}不能重复`, { field });
  }
  return clean;
}

/**
 * "四查四促" (§C3): a county's verification campaign of farmer linkage. The sample is drawn, not picked; a check
 * compares what was declared with what the system recorded (payments, unpaid households, work records); a
 * check item that does not conform becomes a finding, rectified by the township and verified by the county.
 * Also the status of 帮扶龙头企业 (§C9), computed from the linkage and work records.
 */
export function createLinkageCheckService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  linkage: LinkageService;
}) {
  const { repos, tx, linkage } = deps;

  async function campaignInScope(actor: Actor, id: number) {
    const c = await repos.linkageChecks.findCampaign(id, actor.scope, clock().today());
    if (!c) {
      throw notFound('核查活动');
    }
    return c;
  }

  function countyOnly(actor: Actor, message: string) {
    if (actor.role !== 'county') {
      throw forbidden(message);
    }
  }

  function checkPeriod(year: number, startsOn: string, endsOn: string) {
    if (endsOn < startsOn) {
      throw validation('结束日期不能早于开始日期', { field: 'endsOn' });
    }
    if (Number(startsOn.slice(0, 4)) < year) {
      throw validation('核查时段不能早于核查年度', { field: 'startsOn' });
    }
  }

  /** A sampled agreement of the campaign, in the user's scope: otherwise as missing. */
  async function sampledInScope(actor: Actor, campaign: CampaignRow, agreementId: number) {
    const rows = await repos.linkageChecks.sample(campaign.id, campaign.year, actor.scope, clock().today());
    const row = rows.find((r) => r.agreement_id === agreementId);
    if (!row) {
      throw notFound('抽查协议');
    }
    return row;
  }

  async function presentFindings(actor: Actor, rows: FindingRow[]) {
    const today = clock().today();
    const events = await repos.linkageChecks.events(rows.map((r) => r.id));
    const byFinding = new Map<number, FindingEventRow[]>();
    for (const e of events) {
      byFinding.set(e.finding_id, [...(byFinding.get(e.finding_id) ?? []), e]);
    }
    return rows.map((f) => ({
      id: f.id,
      checkId: f.check_id,
      campaignId: f.campaign_id,
      agreementId: f.agreement_id,
      operatorName: f.operator_name,
      regionName: f.region_name,
      checkedOn: f.checked_on,
      item: f.item,
      problem: f.problem,
      followUpItem: f.follow_up_item,
      responsibleUnit: f.responsible_unit,
      deadline: f.deadline,
      status: f.status,
      overdue: isOverdue(f.status, f.deadline, today),
      rectificationNote: f.rectification_note,
      rectifiedOn: f.rectified_on,
      reopenReason: f.reopen_reason,
      allowedActions: allowedFindingActions(f.status, LEVEL(actor)),
      version: f.version,
      events: (byFinding.get(f.id) ?? []).map((e) => ({
        action: e.action,
        actedOn: e.acted_on,
        note: e.note,
        actorName: e.actor_name,
        at: new Date(e.created_at).toISOString(),
      })),
    }));
  }

  /** Findings for the non-conforming items of a check: the item failed, the follow-up is the campaign's, the date after the check. */
  function checkFindings(
    campaign: CampaignRow,
    checkedOn: string,
    failed: ReadonlySet<string>,
    findings: readonly FindingInput[],
    alreadyFound: ReadonlySet<string>,
  ) {
    for (const [i, f] of findings.entries()) {
      if (!failed.has(f.item)) {
        throw validation(`问题“${f.item}”不是本次核查中“不符合”的检查项`, { field: `findings.${i}.item` });
      }
      if (!campaign.follow_up_items.includes(f.followUpItem)) {
        throw validation(`“${f.followUpItem}”不是本次活动的促进事项`, {
          field: `findings.${i}.followUpItem`,
        });
      }
      if (f.deadline < checkedOn) {
        throw validation('整改期限不能早于核查日期', { field: `findings.${i}.deadline` });
      }
    }
    const covered = new Set([...alreadyFound, ...findings.map((f) => f.item)]);
    const missing = [...failed].filter((item) => !covered.has(item));
    if (missing.length > 0) {
      throw validation(`“${missing.join('、')}”不符合，请登记发现的问题和整改要求`, { field: 'findings' });
    }
  }

  function presentLead(row: LeadFiguresRow, criteria: LeadCriteria, year: number) {
    const certifiedYear = row.lead_certified_on === null ? null : Number(row.lead_certified_on.slice(0, 4));
    const thisYear = { households: row.households, workers: row.workers, agreements: row.agreements };
    const lastYear = {
      households: row.households_last,
      workers: row.workers_last,
      agreements: row.agreements_last,
    };
    return {
      operatorId: row.operator_id,
      operatorName: row.operator_name,
      operatorType: row.operator_type,
      regionCode: row.region_code,
      regionName: row.region_name,
      countyCode: row.county_code,
      leadLevel: row.lead_level,
      leadCertifiedOn: row.lead_certified_on,
      year,
      households: row.households,
      workers: row.workers,
      agreements: row.agreements,
      payments: row.payments,
      lastYear,
      status: leadStatus({
        certified: row.lead_level !== null,
        certifiedYear,
        year,
        thisYear,
        lastYear,
        criteria,
      }),
    };
  }

  return {
    async listCampaigns(actor: Actor, input: { year?: number | undefined }) {
      const rows = await repos.linkageChecks.listCampaigns({
        scope: actor.scope,
        year: input.year,
        today: clock().today(),
      });
      return { items: rows.map(presentCampaign) };
    },

    async getCampaign(actor: Actor, id: number) {
      const c = await campaignInScope(actor, id);
      const today = clock().today();
      const [sample, findings] = await Promise.all([
        repos.linkageChecks.sample(id, c.year, actor.scope, today),
        repos.linkageChecks.findings({ campaignId: id, scope: actor.scope }),
      ]);
      return {
        ...presentCampaign(c),
        sample: sample.map((s) => ({
          agreementId: s.agreement_id,
          addedByHand: s.added_by_hand,
          operatorId: s.operator_id,
          operatorName: s.operator_name,
          regionCode: s.operator_region_code,
          regionName: s.region_name,
          mode: s.mode as LinkageMode,
          projectName: s.project_name,
          linked: s.linked,
          paidHouseholds: s.paid_households,
          unpaidHouseholds: s.linked - s.paid_households,
          totalBenefit: s.total_benefit,
          checkId: s.check_id,
          checkedOn: s.checked_on,
          failedItems: s.failed_items,
          findingsOpen: s.findings_open,
          findingsOverdue: s.findings_overdue,
        })),
        findings: await presentFindings(actor, findings),
      };
    },

    /** The county sets up a campaign and its sample is drawn at once, from the county's agreements of the year. */
    async createCampaign(actor: Actor, input: CampaignInput) {
      countyOnly(actor, '四查四促核查活动由县级组织');
      checkPeriod(input.year, input.startsOn, input.endsOn);
      const checkItems = itemList(input.checkItems ?? [...DEFAULT_CHECK_ITEMS], 'checkItems', '检查项');
      const followUpItems = itemList(
        input.followUpItems ?? [...DEFAULT_FOLLOW_UP_ITEMS],
        'followUpItems',
        '促进事项',
      );
      const percent = input.samplePercent ?? DEFAULT_SAMPLE_PERCENT;
      const countyCode = actor.regionCode;
      const agreements = await repos.linkageChecks.agreementsOfYear(countyCode, input.year);
      if (agreements.length === 0) {
        throw validation(`本县 ${input.year} 年没有执行中的联农带农协议，无从抽查`, { field: 'year' });
      }
      const id = await tx(async (t) => {
        const newId = await t.linkageChecks.insertCampaign({
          county_code: countyCode,
          name: input.name,
          year: input.year,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          check_items: checkItems,
          follow_up_items: followUpItems,
          sample_percent: percent,
          created_by: actor.userId,
        });
        const drawn = drawSample(newId, agreements, percent);
        await t.linkageChecks.insertSample(
          drawn.map((agreementId) => ({
            campaign_id: newId,
            agreement_id: agreementId,
            county_code: countyCode,
            added_by_hand: false,
            added_by: null,
          })),
        );
        await recordAudit(t, actor, {
          action: 'linkage_check.campaign_create',
          entityType: 'linkage_check_campaign',
          entityId: newId,
          regionCode: countyCode,
          new: {
            ...input,
            checkItems,
            followUpItems,
            samplePercent: percent,
            drawn,
            from: agreements.length,
          },
        });
        return newId;
      });
      return this.getCampaign(actor, id);
    },

    /** Name, period and item lists; an item a recorded check already used stays. The sample rule does not change. */
    async updateCampaign(
      actor: Actor,
      id: number,
      input: Partial<Omit<CampaignInput, 'year' | 'samplePercent'>> & { version: number },
    ) {
      countyOnly(actor, '四查四促核查活动由县级组织');
      const before = await campaignInScope(actor, id);
      const values = {
        name: input.name ?? before.name,
        starts_on: input.startsOn ?? before.starts_on,
        ends_on: input.endsOn ?? before.ends_on,
        check_items: input.checkItems
          ? itemList(input.checkItems, 'checkItems', '检查项')
          : before.check_items,
        follow_up_items: input.followUpItems
          ? itemList(input.followUpItems, 'followUpItems', '促进事项')
          : before.follow_up_items,
      };
      checkPeriod(before.year, values.starts_on, values.ends_on);
      const [sample, findings] = await Promise.all([
        repos.linkageChecks.sample(id, before.year, [''], clock().today()),
        repos.linkageChecks.findings({ campaignId: id, scope: [''] }),
      ]);
      if (sample.some((s) => s.check_id !== null)) {
        const removed = before.check_items.filter((i) => !values.check_items.includes(i));
        if (removed.length > 0) {
          throw validation(`已有核查记录，检查项“${removed.join('、')}”不能删除`, { field: 'checkItems' });
        }
      }
      const usedFollowUps = new Set(findings.map((f) => f.follow_up_item));
      const droppedFollowUp = [...usedFollowUps].filter((i) => !values.follow_up_items.includes(i));
      if (droppedFollowUp.length > 0) {
        throw validation(`已有问题使用促进事项“${droppedFollowUp.join('、')}”，不能删除`, {
          field: 'followUpItems',
        });
      }
      const changes = diff(
        {
          name: before.name,
          startsOn: before.starts_on,
          endsOn: before.ends_on,
          checkItems: before.check_items.join('|'),
          followUpItems: before.follow_up_items.join('|'),
        } as Record<string, unknown>,
        {
          name: values.name,
          startsOn: values.starts_on,
          endsOn: values.ends_on,
          checkItems: values.check_items.join('|'),
          followUpItems: values.follow_up_items.join('|'),
        },
      );
      if (before.version !== input.version) {
        throw conflict('核查活动已被他人修改，请刷新后再试');
      }
      if (!changes.isEmpty) {
        await tx(async (t) => {
          if (!(await t.linkageChecks.updateCampaign(id, input.version, values))) {
            throw conflict('核查活动已被他人修改，请刷新后再试');
          }
          await recordAudit(t, actor, {
            action: 'linkage_check.campaign_update',
            entityType: 'linkage_check_campaign',
            entityId: id,
            regionCode: before.county_code,
            old: changes.old,
            new: changes.new,
          });
        });
      }
      return this.getCampaign(actor, id);
    },

    /** The county adds an agreement of the year to the sample by hand (marked so); drawn ones are never taken out. */
    async addToSample(actor: Actor, id: number, input: { agreementId: number }) {
      countyOnly(actor, '抽查名单由县级确定');
      const c = await campaignInScope(actor, id);
      const agreements = await repos.linkageChecks.agreementsOfYear(c.county_code, c.year);
      if (!agreements.includes(input.agreementId)) {
        throw notFound(`本县 ${c.year} 年执行中的联农带农协议`);
      }
      if (await repos.linkageChecks.isSampled(id, input.agreementId)) {
        throw conflict('这份协议已在抽查名单中', { field: 'agreementId' });
      }
      await tx(async (t) => {
        await t.linkageChecks.insertSample([
          {
            campaign_id: id,
            agreement_id: input.agreementId,
            county_code: c.county_code,
            added_by_hand: true,
            added_by: actor.userId,
          },
        ]);
        await recordAudit(t, actor, {
          action: 'linkage_check.sample_add',
          entityType: 'linkage_check_campaign',
          entityId: id,
          regionCode: c.county_code,
          new: input,
        });
      });
      return this.getCampaign(actor, id);
    },

    /**
     * A sampled agreement with what the system recorded beside what is declared: the year's linked households, the
     * payments, the unpaid households, and for 吸纳就业 the operator's work records of the linked households.
     */
    async getCheck(actor: Actor, campaignId: number, agreementId: number) {
      const c = await campaignInScope(actor, campaignId);
      const sampled = await sampledInScope(actor, c, agreementId);
      const [agreement, check, work] = await Promise.all([
        linkage.get(actor, agreementId, c.year),
        repos.linkageChecks.findCheck(campaignId, agreementId),
        sampled.mode === 'employment'
          ? repos.linkageChecks.workOfLinked(agreementId, c.year)
          : Promise.resolve([]),
      ]);
      const findings = check
        ? await repos.linkageChecks.findings({ checkId: check.id, scope: actor.scope })
        : [];
      const workHouseholds = new Set(work.map((w) => w.household_id));
      return {
        campaign: presentCampaign(c),
        addedByHand: sampled.added_by_hand,
        agreement,
        workRecords:
          sampled.mode === 'employment'
            ? work.map((w) => ({
                workRecordId: w.work_record_id,
                householdId: w.household_id,
                headName: w.head_name,
                personName: w.person_name,
                householdType: w.household_type,
                startMonth: w.start_month,
                endMonth: w.end_month,
                monthlyIncome: w.monthly_income,
              }))
            : null,
        linkedWithoutWork:
          sampled.mode === 'employment'
            ? agreement.households.filter((h) => !workHouseholds.has(h.householdId)).length
            : null,
        check: check ? presentCheck(check) : null,
        findings: await presentFindings(actor, findings),
        canCheck: LEVEL(actor) !== null,
      };
    },

    /** Records the check of a sampled agreement (or edits it under its version), with findings for what fails. */
    async saveCheck(actor: Actor, campaignId: number, agreementId: number, input: CheckInput) {
      const c = await campaignInScope(actor, campaignId);
      const sampled = await sampledInScope(actor, c, agreementId);
      const today = clock().today();
      if (input.checkedOn > today) {
        throw validation('核查日期不能晚于今天', { field: 'checkedOn' });
      }
      if (input.checkedOn < c.starts_on) {
        throw validation(`核查日期早于活动开始日期 ${c.starts_on}`, { field: 'checkedOn' });
      }
      const items = input.results.map((r) => r.item);
      const missing = c.check_items.filter((i) => !items.includes(i));
      const extra = items.filter((i) => !c.check_items.includes(i));
      if (missing.length > 0 || extra.length > 0 || new Set(items).size !== items.length) {
        throw validation(`请对每个检查项给出一个结论：${c.check_items.join('、')}`, { field: 'results' });
      }
      const results: StoredResult[] = c.check_items.map((item) => {
        const r = input.results.find((x) => x.item === item);
        return { item, result: r?.result ?? 'conforms', note: r?.note ?? null };
      });
      const failed = new Set(results.filter((r) => r.result === 'fails').map((r) => r.item));
      const before = await repos.linkageChecks.findCheck(campaignId, agreementId);
      const existing = before ? await repos.linkageChecks.findings({ checkId: before.id, scope: [''] }) : [];
      if (before && input.version === undefined) {
        throw conflict('这份协议已有核查记录，请刷新后修改');
      }
      if (before && before.version !== input.version) {
        throw conflict('核查记录已被他人修改，请刷新后再试');
      }
      const found = new Set(existing.map((f) => f.item));
      const stillFound = [...found].filter((i) => !failed.has(i));
      if (stillFound.length > 0) {
        throw validation(`“${stillFound.join('、')}”已登记问题，结论须保持“不符合”`, { field: 'results' });
      }
      const findings = input.findings ?? [];
      checkFindings(c, input.checkedOn, failed, findings, found);
      await tx(async (t) => {
        let checkId: number;
        if (before) {
          checkId = before.id;
          if (
            !(await t.linkageChecks.updateCheck(before.id, before.version, {
              checked_on: input.checkedOn,
              results,
              note: input.note ?? null,
              checked_by: actor.userId,
            }))
          ) {
            throw conflict('核查记录已被他人修改，请刷新后再试');
          }
        } else {
          checkId = await t.linkageChecks.insertCheck({
            campaign_id: campaignId,
            agreement_id: agreementId,
            county_code: c.county_code,
            checked_on: input.checkedOn,
            results,
            note: input.note ?? null,
            checked_by: actor.userId,
          });
        }
        await t.linkageChecks.insertFindings(
          findings.map((f) => ({
            check_id: checkId,
            campaign_id: campaignId,
            county_code: c.county_code,
            item: f.item,
            problem: f.problem,
            follow_up_item: f.followUpItem,
            responsible_unit: f.responsibleUnit,
            deadline: f.deadline,
            created_by: actor.userId,
          })),
          { acted_on: input.checkedOn, actor_id: actor.userId, actor_name: actor.displayName },
        );
        await recordAudit(t, actor, {
          action: before ? 'linkage_check.check_update' : 'linkage_check.check',
          entityType: 'linkage_check',
          entityId: checkId,
          regionCode: sampled.operator_region_code,
          ...(before
            ? { old: { checkedOn: before.checked_on, results: resultsOf(before), note: before.note } }
            : {}),
          new: { checkedOn: input.checkedOn, results, note: input.note ?? null, findings },
        });
      });
      return this.getCheck(actor, campaignId, agreementId);
    },

    /** A finding's step: the township rectifies (what was done, when), the county verifies or reopens with a reason. */
    async actOnFinding(
      actor: Actor,
      id: number,
      action: FindingAction,
      input: {
        version: number;
        note?: string | null | undefined;
        actedOn?: string | undefined;
        deadline?: string | undefined;
      },
    ) {
      const [f] = await repos.linkageChecks.findings({ findingId: id, scope: actor.scope });
      if (!f) {
        throw notFound('核查问题');
      }
      const today = clock().today();
      const level = LEVEL(actor);
      if (!allowedFindingActions(f.status, level).includes(action)) {
        const to = nextFindingStatus(f.status, action);
        if (to === null) {
          throw conflict(
            `问题当前为“${FINDING_STATUS_LABELS[f.status].zh}”，不能${FINDING_ACTION_LABELS[action].zh}`,
          );
        }
        throw forbidden(
          `${FINDING_ACTION_LABELS[action].zh}由${FINDING_TRANSITIONS[action].level === 'county' ? '县级' : '乡镇'}办理`,
        );
      }
      if (f.version !== input.version) {
        throw conflict('核查问题已被他人处理，请刷新后再试');
      }
      const note = input.note?.trim() || null;
      const actedOn = input.actedOn ?? today;
      if (actedOn > today) {
        throw validation('日期不能晚于今天', { field: 'actedOn' });
      }
      if (actedOn < f.checked_on) {
        throw validation('日期不能早于核查日期', { field: 'actedOn' });
      }
      let values: Parameters<Repositories['linkageChecks']['updateFinding']>[2];
      if (action === 'rectify') {
        if (!note) {
          throw validation('请写明整改了什么', { field: 'note' });
        }
        values = { status: 'rectified', rectification_note: note, rectified_on: actedOn };
      } else if (action === 'reopen') {
        if (!note) {
          throw validation('请写明退回重新整改的理由', { field: 'note' });
        }
        if (input.deadline !== undefined && input.deadline < today) {
          throw validation('新的整改期限不能早于今天', { field: 'deadline' });
        }
        values = {
          status: 'open',
          reopen_reason: note,
          ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
        };
      } else {
        values = { status: 'verified' };
      }
      await tx(async (t) => {
        if (!(await t.linkageChecks.updateFinding(id, input.version, values))) {
          throw conflict('核查问题已被他人处理，请刷新后再试');
        }
        await t.linkageChecks.insertEvent({
          finding_id: id,
          county_code: f.county_code,
          action,
          acted_on: actedOn,
          note,
          actor_id: actor.userId,
          actor_name: actor.displayName,
        });
        await recordAudit(t, actor, {
          action: `linkage_check.${action}`,
          entityType: 'linkage_check_finding',
          entityId: id,
          regionCode: f.operator_region_code,
          old: { status: f.status, deadline: f.deadline },
          new: { ...values, actedOn },
        });
      });
      const [after] = await repos.linkageChecks.findings({ findingId: id, scope: actor.scope });
      const [presented] = await presentFindings(actor, after ? [after] : []);
      if (!presented) {
        throw notFound('核查问题');
      }
      return presented;
    },

    /** The 四查四促核查台账 of a campaign (the sample in the user's scope), one row per finding or checked agreement. */
    async ledgerXlsx(actor: Actor, id: number) {
      const detail = await this.getCampaign(actor, id);
      const checks = await Promise.all(
        detail.sample
          .filter((s) => s.checkId !== null)
          .map((s) => repos.linkageChecks.findCheck(id, s.agreementId)),
      );
      const checkByAgreement = new Map(
        checks.filter((c): c is CheckRow => c !== undefined).map((c) => [c.agreement_id, c]),
      );
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('四查四促核查台账');
      sheet.addRow([
        '协议编号',
        '经营主体',
        '所在地',
        '带农方式',
        '抽取方式',
        '带动农户',
        '获益户数',
        '未获益户数',
        '本年收益合计（元）',
        '核查日期',
        ...detail.checkItems,
        '问题',
        '促进事项',
        '责任单位',
        '整改期限',
        '整改状态',
        '整改情况',
      ]).font = { bold: true };
      const findingsBy = new Map<number, typeof detail.findings>();
      for (const f of detail.findings) {
        findingsBy.set(f.agreementId, [...(findingsBy.get(f.agreementId) ?? []), f]);
      }
      for (const s of detail.sample) {
        const check = checkByAgreement.get(s.agreementId);
        const results = check ? resultsOf(check) : [];
        const head = [
          s.agreementId,
          s.operatorName,
          s.regionName,
          LINKAGE_MODE_LABELS[s.mode].zh,
          s.addedByHand ? '县级增补' : '随机抽取',
          s.linked,
          s.paidHouseholds,
          s.unpaidHouseholds,
          s.totalBenefit,
          check?.checked_on ?? '未核查',
          ...detail.checkItems.map((item) => {
            const r = results.find((x) => x.item === item);
            return r ? CHECK_RESULT_LABELS[r.result].zh : '';
          }),
        ];
        const list = findingsBy.get(s.agreementId) ?? [];
        if (list.length === 0) {
          sheet.addRow([...head, '', '', '', '', '', '']);
        }
        for (const f of list) {
          sheet.addRow([
            ...head,
            `${f.item}：${f.problem}`,
            f.followUpItem,
            f.responsibleUnit,
            f.deadline,
            f.overdue
              ? `${FINDING_STATUS_LABELS[f.status].zh}（已逾期）`
              : FINDING_STATUS_LABELS[f.status].zh,
            f.rectificationNote ?? '',
          ]);
        }
      }
      sheet.getColumn(9).numFmt = '@';
      sheet.getColumn(9).alignment = { horizontal: 'right' };
      sheet.getColumn(2).width = 30;
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return { buffer, filename: `${detail.year}年四查四促核查台账（${detail.name}）.xlsx` };
    },

    /**
     * 帮扶龙头企业 (§C9) in the user's scope for a year: each operator's figures counted from linkage and work records,
     * and its status under its county's criteria (the §C9 defaults when the county set none).
     */
    async leadEnterprises(
      actor: Actor,
      input: { year?: number | undefined; regionCode?: string | undefined; operatorId?: number | undefined },
    ) {
      const year = input.year ?? currentYear();
      const rows = await repos.linkageChecks.leadFigures({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        operatorId: input.operatorId,
        year,
      });
      if (input.operatorId !== undefined && rows.length === 0) {
        throw notFound('经营主体');
      }
      const counties = [...new Set(rows.map((r) => r.county_code))];
      if (actor.role === 'county' && !counties.includes(actor.regionCode)) {
        counties.push(actor.regionCode);
      }
      const saved = new Map((await repos.linkageChecks.criteria(counties)).map((c) => [c.county_code, c]));
      const criteriaOf = (county: string): LeadCriteria => {
        const c = saved.get(county);
        return c
          ? {
              minHouseholds: c.min_households,
              minWorkers: c.min_workers,
              requireAgreement: c.require_agreement,
            }
          : DEFAULT_LEAD_CRITERIA;
      };
      const names = new Map(
        (await Promise.all(counties.map((code) => repos.regions.findByCode(code)))).flatMap((r) =>
          r ? [[r.code, r.name] as const] : [],
        ),
      );
      return {
        year,
        criteria: counties.map((county) => ({
          countyCode: county,
          countyName: names.get(county) ?? county,
          ...criteriaOf(county),
          isDefault: !saved.has(county),
          version: saved.get(county)?.version ?? 0,
        })),
        items: rows.map((r) => presentLead(r, criteriaOf(r.county_code), year)),
      };
    },

    /** The county sets its 帮扶龙头企业 criteria (version 0 the first time). */
    async saveCriteria(actor: Actor, input: LeadCriteria & { version: number }) {
      countyOnly(actor, '帮扶龙头企业认定标准由县级设定');
      const county = actor.regionCode;
      const [before] = await repos.linkageChecks.criteria([county]);
      await tx(async (t) => {
        const ok = await t.linkageChecks.saveCriteria({
          county_code: county,
          min_households: input.minHouseholds,
          min_workers: input.minWorkers,
          require_agreement: input.requireAgreement,
          updated_by: actor.userId,
          version: input.version,
        });
        if (!ok) {
          throw conflict('认定标准已被他人修改，请刷新后再试');
        }
        await recordAudit(t, actor, {
          action: 'lead_enterprise.criteria',
          entityType: 'lead_enterprise_criteria',
          entityId: county,
          regionCode: county,
          old: before ?? DEFAULT_LEAD_CRITERIA,
          new: {
            minHouseholds: input.minHouseholds,
            minWorkers: input.minWorkers,
            requireAgreement: input.requireAgreement,
          },
        });
      });
      return this.leadEnterprises(actor, {});
    },
  };
}

export type LinkageCheckService = ReturnType<typeof createLinkageCheckService>;
