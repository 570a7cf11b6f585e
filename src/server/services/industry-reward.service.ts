import { addDays, daysBetween } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { HOUSEHOLD_TYPE_LABELS, type HouseholdType } from '../../shared/household-codes.js';
import {
  type ActingLevel,
  CLAIM_ACTION_LABELS,
  CLAIM_STAGE_LABELS,
  CLAIM_TRANSITIONS,
  type ClaimAction,
  type ClaimStage,
  computeReward,
  holderOf,
  isSampled,
  SCHEME_UNIT_LABELS,
  type SchemeUnit,
} from '../../shared/industry-rewards.js';
import { NOTICE_MIN_DAYS } from '../../shared/project-codes.js';
import { isWithinScope } from '../../shared/region-code.js';
import { conflict, forbidden, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { ClaimRow, SchemeRow } from '../repositories/industry-reward.repository.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { HouseholdService } from './household.service.js';
import { pickedRegionPrefixes } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';

export interface SchemeInput {
  year: number;
  item: string;
  unit: SchemeUnit;
  ratePercent: string;
  unitCap?: string | null | undefined;
  householdCap: string;
  eligibleTypes?: HouseholdType[] | undefined;
  windowStart: string;
  windowEnd: string;
  projectId?: number | null | undefined;
}

export interface ClaimInput {
  schemeId: number;
  householdId: number;
  scale: string;
  revenue: string;
  cost: string;
  source?: 'household' | 'visit' | undefined;
  note?: string | null | undefined;
  /** Made by the phone at a visit: a resend answers the stored claim. */
  clientId?: string | null | undefined;
  visitId?: string | null | undefined;
  attachmentIds?: string[] | undefined;
}

export interface ClaimActInput {
  action: ClaimAction;
  claims: { id: number; version: number }[];
  comment?: string | null | undefined;
  onSiteNote?: string | null | undefined;
  paidOn?: string | undefined;
}

export interface NoticeInput {
  claims: { id: number; version: number }[];
  channel: string;
  startsOn: string;
  endsOn: string;
}

const levelOf = (actor: Actor): ActingLevel | null =>
  actor.role === 'village'
    ? 'village'
    : actor.role === 'township'
      ? 'township'
      : actor.role === 'county'
        ? 'county'
        : null;

const LEVEL_NAMES: Record<ActingLevel, string> = { village: '村', township: '乡镇', county: '县' };

const presentScheme = (s: SchemeRow) => ({
  id: Number(s.id),
  countyCode: s.county_code,
  countyName: s.county_name,
  year: s.year,
  item: s.item,
  unit: s.unit,
  ratePercent: s.rate_percent,
  unitCap: s.unit_cap,
  householdCap: s.household_cap,
  eligibleTypes: s.eligible_types as HouseholdType[],
  windowStart: s.window_start,
  windowEnd: s.window_end,
  projectId: s.project_id === null ? null : Number(s.project_id),
  projectName: s.project_name,
  status: s.status,
  claims: Number(s.claims),
  paidTotal: s.paid_total,
  version: s.version,
});

const presentClaim = (c: ClaimRow) => ({
  id: Number(c.id),
  countyCode: c.county_code,
  schemeId: Number(c.scheme_id),
  schemeItem: c.scheme_item,
  schemeYear: c.scheme_year,
  schemeUnit: c.scheme_unit as SchemeUnit,
  householdId: Number(c.household_id),
  householdNo: c.household_no,
  householdType: c.household_type,
  headName: c.head_name,
  headIdMasked: c.head_id_masked,
  regionCode: c.region_code,
  countyName: c.county_name,
  townName: c.town_name,
  villageName: c.village_name,
  scale: c.scale,
  revenue: c.revenue,
  cost: c.cost,
  netIncome: c.net_income,
  ratePercent: c.rate_percent,
  reward: c.reward,
  capApplied: c.cap_applied,
  source: c.source,
  visitId: c.visit_id,
  attachmentIds: c.attachment_ids,
  stage: c.stage,
  sampled: c.sampled,
  villageNote: c.village_note,
  onSiteNote: c.on_site_note,
  paidOn: c.paid_on,
  lastComment: c.last_comment,
  note: c.note,
  notice:
    c.notice_id === null
      ? null
      : {
          id: Number(c.notice_id),
          startsOn: c.notice_starts_on ?? '',
          endsOn: c.notice_ends_on ?? '',
          objections: c.notice_objections ?? 0,
          resolved: c.notice_resolved ?? true,
        },
  version: c.version,
});

const LEDGER_COLUMNS = [
  '县（市、区）',
  '乡镇',
  '村',
  '户编号',
  '户主姓名',
  '户主身份证号',
  '户类型',
  '奖补项目',
  '规模',
  '收入（元）',
  '成本（元）',
  '纯收入（元）',
  '奖补比例（%）',
  '奖补金额（元）',
  '封顶',
  '阶段',
  '兑付日期',
  '验收情况',
  '申报方式',
];

/**
 * Household industry rewards (产业奖补, §C1). A county publishes its schemes; a household's claim is declared
 * (or recorded by a cadre at a visit), checked by the village, posted on a village notice of at least ten days,
 * reviewed by the township once the notice is over and its objections settled, accepted by the county (one in
 * five on site) and paid. The reward is computed with its caps, one household never claims a scheme twice or
 * the same item under two schemes, and the payment is the household's industry measure, entered once.
 */
export function createIndustryRewardService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  households: HouseholdService;
}) {
  const { repos, tx, households } = deps;
  const today = () => clock().today();

  async function schemeInScope(actor: Actor, id: number) {
    const s = await repos.industryRewards.findScheme(id);
    if (
      !s ||
      !actor.scope.some((p) => s.county_code.startsWith(p) || p.startsWith(s.county_code.slice(0, 6)))
    ) {
      throw notFound('奖补项目');
    }
    return s;
  }

  async function claimInScope(actor: Actor, id: number) {
    const c = await repos.industryRewards.findClaim(id);
    if (!c || !isWithinScope(c.region_code, actor.scope)) {
      throw notFound('奖补申报');
    }
    if (actor.role === 'helper') {
      await households.findAccessible(actor, Number(c.household_id)).catch(() => {
        throw notFound('奖补申报');
      });
    }
    return c;
  }

  /** The claims a step acts on, in scope, each at the version the user saw. */
  async function claimsAt(actor: Actor, wanted: { id: number; version: number }[]) {
    const rows = await repos.industryRewards.findClaims(wanted.map((w) => w.id));
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return wanted.map((w) => {
      const row = byId.get(w.id);
      if (!row || !isWithinScope(row.region_code, actor.scope)) {
        throw notFound('奖补申报');
      }
      if (row.version !== w.version) {
        throw conflict(`${row.head_name ?? '这户'}的申报已被他人处理，请刷新后重试`);
      }
      return row;
    });
  }

  function checkScheme(input: SchemeInput) {
    if (input.windowEnd < input.windowStart) {
      throw validation('申报截止日期不能早于开始日期', { field: 'windowEnd' });
    }
    if (input.unit === 'household' && input.unitCap) {
      throw validation('按户奖补时不设单位封顶，请只填每户封顶', { field: 'unitCap' });
    }
  }

  /** Eligibility and the reward of a household's claim on a scheme (the household cap counts its other claims). */
  /** Photos named on a claim must be the household's own attachments. */
  async function checkPhotos(householdId: number, ids: readonly string[] | undefined) {
    if (!ids || ids.length === 0) {
      return;
    }
    const found = await repos.attachments.idsOf(householdId, ids);
    if (found.length !== new Set(ids).size) {
      throw validation('照片不存在或不属于该户', { field: 'attachmentIds' });
    }
  }

  async function assess(
    scheme: SchemeRow,
    household: { id: number; county_code: string; household_type: HouseholdType },
    input: { scale: string; revenue: string; cost: string },
    exceptClaimId: number | null,
  ) {
    const householdId = Number(household.id);
    if (household.county_code !== scheme.county_code) {
      throw validation(`这户不在${scheme.county_name}，不能申报本县的奖补项目`, { field: 'householdId' });
    }
    const eligible = scheme.eligible_types as string[];
    if (!eligible.includes(household.household_type)) {
      const names = eligible.map((t) => HOUSEHOLD_TYPE_LABELS[t as HouseholdType]?.zh ?? t).join('、');
      throw validation(`这户是${HOUSEHOLD_TYPE_LABELS[household.household_type].zh}，本项目只奖补${names}`, {
        field: 'householdId',
      });
    }
    if (scheme.unit === 'household' && input.scale !== '1' && input.scale !== '1.00') {
      throw validation('按户奖补的规模为 1 户', { field: 'scale' });
    }
    const elsewhere = await repos.industryRewards.sameItemElsewhere(
      householdId,
      scheme.year,
      scheme.item,
      Number(scheme.id),
    );
    if (elsewhere) {
      throw conflict(`这户本年度已在另一个奖补项目中申报“${scheme.item}”，不能重复享受`);
    }
    const other = await repos.industryRewards.otherRewardsThisYear(householdId, scheme.year, exceptClaimId);
    const reward = computeReward({
      ...input,
      ratePercent: scheme.rate_percent,
      unitCap: scheme.unit_cap,
      householdCap: scheme.household_cap,
      otherClaimsThisYear: other,
    });
    return reward;
  }

  async function event(
    t: Repositories,
    actor: Actor,
    c: { id: number; county_code: string },
    e: { action: string; from: string | null; to: ClaimStage; on: string; comment: string | null },
  ) {
    await t.industryRewards.insertEvent({
      county_code: c.county_code,
      claim_id: c.id,
      action: e.action,
      from_stage: e.from,
      to_stage: e.to,
      acted_on: e.on,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      comment: e.comment,
    });
  }

  /** The payment as the household's industry measure (100A39) on its live case, pointing back to the claim. */
  async function addPaidMeasure(t: Repositories, c: ClaimRow, paidOn: string) {
    const live = await t.cases.liveFor(Number(c.household_id));
    if (!live) {
      return;
    }
    await t.measures.insert({
      case_id: live.id,
      household_id: c.household_id,
      county_code: c.county_code,
      category: 'industry',
      item: `产业奖补：${c.scheme_item} ${c.reward} 元`,
      starts_on: paidOn,
      ends_on: `${c.scheme_year}-12-31` < paidOn ? paidOn : `${c.scheme_year}-12-31`,
      amount: c.reward,
      provider: `${c.county_name}产业奖补`,
      created_by: null,
      source_kind: 'industry_claim',
      source_id: Number(c.id),
    });
  }

  const service = {
    async schemes(actor: Actor, year?: number) {
      return (await repos.industryRewards.listSchemes(actor.scope, year)).map(presentScheme);
    },

    async createScheme(actor: Actor, input: SchemeInput) {
      if (actor.role !== 'county') {
        throw forbidden('奖补项目由县级设立');
      }
      checkScheme(input);
      const countyCode = actor.regionCode;
      if (input.projectId && !(await repos.projects.findById(input.projectId, [countyCode.slice(0, 6)]))) {
        throw validation('项目不存在，或不在本县项目库', { field: 'projectId' });
      }
      const id = await tx(async (t) => {
        const newId = await t.industryRewards.insertScheme({
          county_code: countyCode,
          year: input.year,
          item: input.item,
          unit: input.unit,
          rate_percent: input.ratePercent,
          unit_cap: input.unitCap ?? null,
          household_cap: input.householdCap,
          eligible_types: input.eligibleTypes ?? ['exited_poverty', 'monitored'],
          window_start: input.windowStart,
          window_end: input.windowEnd,
          project_id: input.projectId ?? null,
          created_by: actor.userId,
        });
        await recordAudit(t, actor, {
          action: 'industry_scheme.create',
          entityType: 'industry_scheme',
          entityId: newId,
          regionCode: countyCode,
          new: input,
        });
        return newId;
      });
      return presentScheme(await schemeInScope(actor, id));
    },

    async updateScheme(
      actor: Actor,
      id: number,
      input: SchemeInput & { version: number; status?: 'open' | 'closed' },
    ) {
      const before = await schemeInScope(actor, id);
      if (actor.role !== 'county') {
        throw forbidden('奖补项目由县级设立');
      }
      checkScheme(input);
      await tx(async (t) => {
        const ok = await t.industryRewards.updateScheme(id, input.version, {
          year: input.year,
          item: input.item,
          unit: input.unit,
          rate_percent: input.ratePercent,
          unit_cap: input.unitCap ?? null,
          household_cap: input.householdCap,
          eligible_types: input.eligibleTypes ?? (before.eligible_types as string[]),
          window_start: input.windowStart,
          window_end: input.windowEnd,
          project_id: input.projectId ?? null,
          ...(input.status ? { status: input.status } : {}),
        });
        if (!ok) {
          throw conflict('奖补项目已被他人修改，请刷新后再试');
        }
        await recordAudit(t, actor, {
          action: 'industry_scheme.update',
          entityType: 'industry_scheme',
          entityId: id,
          regionCode: before.county_code,
          new: input,
        });
      });
      return presentScheme(await schemeInScope(actor, id));
    },

    async claims(
      actor: Actor,
      input: {
        schemeId?: number | undefined;
        year?: number | undefined;
        stage?: ClaimStage | undefined;
        regionCode?: string | undefined;
        householdId?: number | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const result = await repos.industryRewards.searchClaims({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        schemeId: input.schemeId,
        year: input.year,
        stage: input.stage,
        householdId: input.householdId,
        helperUserId: actor.role === 'helper' ? actor.userId : null,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: result.items.map(presentClaim), total: result.total };
    },

    async claim(actor: Actor, id: number) {
      const c = await claimInScope(actor, id);
      const events = await repos.industryRewards.listEvents(id);
      return {
        ...presentClaim(c),
        events: events.map((e) => ({
          id: Number(e.id),
          action: e.action,
          fromStage: e.from_stage,
          toStage: e.to_stage,
          actedOn: e.acted_on,
          actorName: e.actor_name,
          comment: e.comment,
        })),
      };
    },

    /** A household's claim, declared by it through the village or recorded by a cadre at a visit. */
    async declare(actor: Actor, input: ClaimInput) {
      const clientId = input.clientId ?? null;
      if (clientId) {
        const earlier = await repos.industryRewards.findClaimIdByClientId(clientId);
        if (earlier !== null) {
          return service.claim(actor, earlier);
        }
      }
      const source = input.visitId ? 'visit' : (input.source ?? 'household');
      const scheme = await schemeInScope(actor, input.schemeId);
      const household = await households.findAccessible(actor, input.householdId);
      if (scheme.status !== 'open') {
        throw conflict('这个奖补项目已停止申报');
      }
      const on = today();
      if (on < scheme.window_start || on > scheme.window_end) {
        throw conflict(`申报时间为 ${scheme.window_start} 至 ${scheme.window_end}`);
      }
      await checkPhotos(input.householdId, input.attachmentIds);
      const reward = await assess(scheme, household, input, null);
      const id = await tx(async (t) => {
        const newId = await t.industryRewards.insertClaim({
          county_code: scheme.county_code,
          scheme_id: Number(scheme.id),
          household_id: input.householdId,
          region_code: household.region_code,
          scale: input.scale,
          revenue: input.revenue,
          cost: input.cost,
          net_income: reward.netIncome,
          reward: reward.reward,
          cap_applied: reward.capApplied,
          source,
          client_id: clientId,
          visit_id: input.visitId ?? null,
          attachment_ids: input.attachmentIds ?? [],
          note: input.note ?? null,
          created_by: actor.userId,
        });
        await event(
          t,
          actor,
          { id: newId, county_code: scheme.county_code },
          {
            action: 'declare',
            from: null,
            to: 'declared',
            on,
            comment: source === 'visit' ? '走访时登记' : null,
          },
        );
        await recordAudit(t, actor, {
          action: 'industry_claim.declare',
          entityType: 'industry_claim',
          entityId: newId,
          regionCode: household.region_code,
          new: input,
        });
        return newId;
      });
      return service.claim(actor, id);
    },

    /** Edits a claim still with the village (declared or sent back); a sent-back claim is declared again. */
    async edit(
      actor: Actor,
      id: number,
      input: {
        version: number;
        scale: string;
        revenue: string;
        cost: string;
        note?: string | null | undefined;
        attachmentIds?: string[] | undefined;
      },
    ) {
      const c = await claimInScope(actor, id);
      if (c.stage !== 'declared' && c.stage !== 'returned') {
        throw conflict(`申报处于“${CLAIM_STAGE_LABELS[c.stage].zh}”阶段，不能修改`);
      }
      const scheme = await schemeInScope(actor, Number(c.scheme_id));
      const household = await repos.households.findById(Number(c.household_id));
      if (!household) {
        throw notFound('农户');
      }
      await checkPhotos(Number(c.household_id), input.attachmentIds);
      const reward = await assess(scheme, household, input, Number(c.id));
      await tx(async (t) => {
        const ok = await t.industryRewards.updateClaim(id, input.version, {
          attachment_ids: input.attachmentIds ?? c.attachment_ids,
          scale: input.scale,
          revenue: input.revenue,
          cost: input.cost,
          net_income: reward.netIncome,
          reward: reward.reward,
          cap_applied: reward.capApplied,
          note: input.note ?? c.note,
          stage: 'declared',
        });
        if (!ok) {
          throw conflict('申报已被他人处理，请刷新后重试');
        }
        await event(
          t,
          actor,
          { id, county_code: c.county_code },
          {
            action: 'edit',
            from: c.stage,
            to: 'declared',
            on: today(),
            comment: null,
          },
        );
        await recordAudit(t, actor, {
          action: 'industry_claim.edit',
          entityType: 'industry_claim',
          entityId: id,
          regionCode: c.region_code,
          old: { scale: c.scale, revenue: c.revenue, cost: c.cost, reward: c.reward },
          new: { ...input, reward: reward.reward },
        });
      });
      return service.claim(actor, id);
    },

    /** The village posts its checked claims of one scheme on a notice (≥ 10 days); the township waits for its end. */
    async postNotice(actor: Actor, input: NoticeInput) {
      if (input.claims.length === 0) {
        throw validation('请选择要公示的申报', { field: 'claims' });
      }
      if (daysBetween(input.startsOn, input.endsOn) + 1 < NOTICE_MIN_DAYS) {
        throw validation(`公示期不少于${NOTICE_MIN_DAYS}天`, { field: 'endsOn' });
      }
      if (input.startsOn > today()) {
        throw validation('公示开始日期不能晚于今天', { field: 'startsOn' });
      }
      // Scope first: a claim outside it answers like a missing one, whoever asks.
      const rows = await claimsAt(actor, input.claims);
      if (levelOf(actor) !== 'village') {
        throw forbidden('奖补公示由村级发布');
      }
      const schemeIds = new Set(rows.map((r) => Number(r.scheme_id)));
      const villages = new Set(rows.map((r) => r.region_code));
      if (schemeIds.size > 1 || villages.size > 1) {
        throw validation('一次公示只含一个村、一个奖补项目的申报', { field: 'claims' });
      }
      const notChecked = rows.find((r) => r.stage !== 'village_checked');
      if (notChecked) {
        throw conflict(`${notChecked.head_name ?? '这户'}的申报尚未通过村级核查，不能公示`);
      }
      const first = rows[0] as ClaimRow;
      const noticeId = await tx(async (t) => {
        const id = await t.projects.insertNotice({
          county_code: first.county_code,
          region_code: first.region_code,
          subject_kind: 'industry_reward',
          subject_id: Number(first.scheme_id),
          purpose: 'claims',
          channel: input.channel,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          created_by: actor.userId,
        });
        for (const r of rows) {
          if (
            !(await t.industryRewards.updateClaim(Number(r.id), r.version, {
              stage: 'notice',
              notice_id: id,
            }))
          ) {
            throw conflict('申报已被他人处理，请刷新后重试');
          }
          await event(
            t,
            actor,
            { id: Number(r.id), county_code: r.county_code },
            {
              action: 'notice',
              from: r.stage,
              to: 'notice',
              on: input.startsOn,
              comment: `${input.channel}公示 ${input.startsOn} 至 ${input.endsOn}`,
            },
          );
        }
        await recordAudit(t, actor, {
          action: 'industry_claim.notice',
          entityType: 'public_notice',
          entityId: id,
          regionCode: first.region_code,
          new: { ...input, claims: rows.length },
        });
        return id;
      });
      return { noticeId, claims: rows.length };
    },

    /** Objections raised during a claims notice, and whether they were settled (the township waits for it). */
    async recordObjections(
      actor: Actor,
      noticeId: number,
      input: { objections: number; objectionNote?: string | null | undefined; resolved: boolean },
    ) {
      const claim = await repos.industryRewards.findClaimByNotice(noticeId);
      if (!claim || !isWithinScope(claim.region_code, actor.scope)) {
        throw notFound('公示');
      }
      if (input.objections === 0 && !input.resolved) {
        throw validation('没有异议时无需标记为未处理', { field: 'resolved' });
      }
      await tx(async (t) => {
        await t.projects.updateNotice(noticeId, {
          objections: input.objections,
          objection_note: input.objectionNote?.trim() || null,
          objections_resolved: input.resolved,
        });
        await recordAudit(t, actor, {
          action: 'notice.objections',
          entityType: 'public_notice',
          entityId: noticeId,
          regionCode: claim.region_code,
          new: input,
        });
      });
      return { ok: true as const };
    },

    /** A step on one or more claims, by the level that holds them (a batch is all or nothing). */
    async act(actor: Actor, input: ClaimActInput) {
      if (input.claims.length === 0) {
        throw validation('请选择要办理的申报', { field: 'claims' });
      }
      const rule = CLAIM_TRANSITIONS[input.action];
      const level = levelOf(actor);
      const on = today();
      const comment = input.comment?.trim() || null;
      if ((input.action === 'send_back' || input.action === 'reject') && !comment) {
        throw validation('退回或不予奖补须写明原因', { field: 'comment' });
      }
      const paidOn = input.paidOn ?? on;
      if (input.action === 'pay' && paidOn > on) {
        throw validation('兑付日期不能晚于今天', { field: 'paidOn' });
      }
      const rows = await claimsAt(actor, input.claims);
      for (const r of rows) {
        const who = r.head_name ?? '这户';
        if (!rule.from.includes(r.stage)) {
          throw conflict(
            `${who}的申报处于“${CLAIM_STAGE_LABELS[r.stage].zh}”阶段，不能${CLAIM_ACTION_LABELS[input.action].zh}`,
          );
        }
        const acting = rule.level === 'by_stage' ? holderOf(r.stage) : rule.level;
        if (acting !== level) {
          throw forbidden(`此环节由${acting ? LEVEL_NAMES[acting] : '—'}级办理`);
        }
        if (input.action === 'review') {
          if (r.notice_ends_on === null || r.notice_ends_on >= on) {
            throw conflict(
              `${who}的申报公示期未满，${r.notice_ends_on ? addDays(r.notice_ends_on, 1) : ''}起可审核`,
            );
          }
          if (r.notice_resolved === false) {
            throw conflict('公示期间的异议尚未处理完毕');
          }
        }
        if (input.action === 'accept' && r.sampled && !input.onSiteNote?.trim() && !r.on_site_note) {
          throw validation(`${who}的申报在抽查之列，请填写现场验收情况`, { field: 'onSiteNote' });
        }
      }
      await tx(async (t) => {
        for (const r of rows) {
          const values: Parameters<typeof t.industryRewards.updateClaim>[2] = {
            stage: rule.to,
            last_comment: comment,
          };
          if (input.action === 'check') {
            values.village_note = comment;
          }
          if (input.action === 'review') {
            values.sampled = isSampled(Number(r.id));
          }
          if (input.action === 'accept' && input.onSiteNote?.trim()) {
            values.on_site_note = input.onSiteNote.trim();
          }
          if (input.action === 'pay') {
            values.paid_on = paidOn;
          }
          if (input.action === 'send_back') {
            values.notice_id = null;
          }
          if (!(await t.industryRewards.updateClaim(Number(r.id), r.version, values))) {
            throw conflict('申报已被他人处理，请刷新后重试');
          }
          await event(
            t,
            actor,
            { id: Number(r.id), county_code: r.county_code },
            {
              action: input.action,
              from: r.stage,
              to: rule.to,
              on: input.action === 'pay' ? paidOn : on,
              comment,
            },
          );
          if (input.action === 'pay') {
            await addPaidMeasure(t, r, paidOn);
          }
        }
        await recordAudit(t, actor, {
          action: `industry_claim.${input.action}`,
          entityType: 'industry_claim',
          entityId: rows.length === 1 ? Number(rows[0]?.id) : null,
          regionCode: rows[0]?.region_code ?? null,
          new: {
            claims: rows.map((r) => Number(r.id)),
            comment,
            paidOn: input.action === 'pay' ? paidOn : undefined,
          },
        });
      });
      return { claims: rows.length, stage: rule.to };
    },

    /**
     * The 产业奖补台账 (every live claim of the scope in a year) or, with `payable`, the payment list for 财政: the
     * claims accepted and not yet paid. Both from the claims themselves, never typed.
     */
    async ledgerXlsx(
      actor: Actor,
      input: { year: number; regionCode?: string | undefined; payable?: boolean },
    ) {
      const { items } = await repos.industryRewards.searchClaims({
        scope: actor.scope,
        regionPrefixes: await pickedRegionPrefixes(repos, actor, input.regionCode),
        year: input.year,
        helperUserId: actor.role === 'helper' ? actor.userId : null,
        ...(input.payable ? { stage: 'county_accepted' as const } : {}),
      });
      const rows = items.filter((c) => input.payable || (c.stage !== 'returned' && c.stage !== 'rejected'));
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      const title = input.payable ? `${input.year}年产业奖补兑付清单` : `${input.year}年产业奖补台账`;
      const sheet = book.addWorksheet(title);
      sheet.addRow(LEDGER_COLUMNS).font = { bold: true };
      for (const c of rows) {
        sheet.addRow([
          c.county_name,
          c.town_name ?? '',
          c.village_name,
          c.household_no ?? '',
          c.head_name ?? '',
          c.head_id_masked ?? '',
          HOUSEHOLD_TYPE_LABELS[c.household_type as HouseholdType]?.zh ?? c.household_type,
          c.scheme_item,
          `${c.scale} ${SCHEME_UNIT_LABELS[c.scheme_unit as SchemeUnit]?.zh ?? ''}`,
          c.revenue,
          c.cost,
          c.net_income,
          c.rate_percent,
          c.reward,
          c.cap_applied === 'unit' ? '单位封顶' : c.cap_applied === 'household' ? '每户封顶' : '',
          CLAIM_STAGE_LABELS[c.stage].zh,
          c.paid_on ?? '',
          c.on_site_note ?? (c.stage === 'county_accepted' || c.stage === 'paid' ? '验收通过' : ''),
          c.source === 'visit' ? '走访时登记' : '农户申报',
        ]);
      }
      for (const col of [10, 11, 12, 14]) {
        sheet.getColumn(col).numFmt = '@';
        sheet.getColumn(col).alignment = { horizontal: 'right' };
        sheet.getColumn(col).width = 14;
      }
      sheet.getColumn(8).width = 18;
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return { buffer, filename: `${title}.xlsx` };
    },
  };
  return service;
}

export type IndustryRewardService = ReturnType<typeof createIndustryRewardService>;
