import { addMonths } from '../../shared/calendar.js';
import {
  type CaseAction,
  type CaseCategory,
  type CaseRisk,
  type CaseStage,
  categoryConflict,
  identificationDueOn,
  isIdentificationLate,
  isIdentificationStage,
  isLiveStage,
  isUnderMonitoring,
  nextStep,
  noticeEndsOn,
  STAGE_RULES,
  transition,
} from '../../shared/case-workflow.js';
import { clock } from '../../shared/clock.js';
import { HAS_LABOUR, type HouseholdType } from '../../shared/household-codes.js';
import { measureRuleProblem } from '../../shared/measures.js';
import { hasPermission } from '../../shared/permissions.js';
import { eliminationCriteria, meetsElimination } from '../domain/elimination.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { HouseholdService } from './household.service.js';
import type { LeadService } from './lead.service.js';
import { regionBreakdown } from './region-breakdown.js';
import type { RunInTransaction } from './transaction.js';

type CaseFull = NonNullable<Awaited<ReturnType<Repositories['cases']['findAccessible']>>>;
type CaseListRow = Awaited<ReturnType<Repositories['cases']['search']>>['rows'][number];

const iso = (d: Date | string) => new Date(d).toISOString();

/** The household type a case leaves behind when it ends: 脱贫户 stay 脱贫户, others return to what they were. */
function typeAfterCase(c: {
  category: CaseCategory | null;
  previous_household_type: HouseholdType | null;
}): HouseholdType {
  if (c.previous_household_type && c.previous_household_type !== 'monitored') {
    return c.previous_household_type;
  }
  return c.category === 'unstable_ex_poor' ? 'exited_poverty' : 'ordinary';
}

function presentItem(
  c: CaseListRow | (CaseFull & { measure_count: number; helper_names: string[] }),
  today: string,
) {
  return {
    id: c.id,
    householdId: c.household_id,
    householdNo: c.household_no,
    headName: c.head_name,
    regionCode: c.region_code,
    regionName: c.region_name,
    category: c.category,
    risks: c.risks,
    stage: c.stage,
    greenChannel: c.green_channel,
    foundOn: c.found_on,
    dueOn: c.due_on,
    isLate: isIdentificationLate(c.stage, c.due_on, today),
    noticeStartsOn: c.notice_starts_on,
    identifiedOn: c.identified_on,
    eliminatedOn: c.eliminated_on,
    eliminationMode: c.elimination_mode,
    helperNames: c.helper_names ?? [],
    measureCount: c.measure_count ?? 0,
    version: c.version,
    updatedAt: iso(c.updated_at),
  };
}

export function createCaseService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  households: HouseholdService;
  leads: LeadService;
}) {
  const { repos, tx, households, leads } = deps;
  const accessOf = (actor: Actor) => households.accessOf(actor);

  async function findCase(actor: Actor, id: number, r: Repositories = repos): Promise<CaseFull> {
    const c = await r.cases.findAccessible(id, accessOf(actor));
    if (!c) {
      throw notFound('监测对象');
    }
    return c;
  }

  async function claim(
    r: Repositories,
    c: { id: number },
    version: number,
    changes: Parameters<Repositories['cases']['updateIfVersion']>[2],
  ) {
    if (!(await r.cases.updateIfVersion(c.id, version, changes))) {
      throw conflict('该案件已被他人办理或修改，请刷新后重试');
    }
  }

  async function checkAttachments(r: Repositories, householdId: number, ids: readonly string[]) {
    const found = await r.attachments.idsOf(householdId, ids);
    if (found.length !== new Set(ids).size) {
      throw validation('附件不存在或不属于该户', { field: 'attachmentIds' });
    }
  }

  async function step(
    r: Repositories,
    actor: Actor,
    c: { id: number; county_code: string },
    action: string,
    from: CaseStage | null,
    to: CaseStage,
    note: string | null,
    attachmentIds: readonly string[] = [],
  ) {
    await r.cases.insertStep({
      caseId: c.id,
      countyCode: c.county_code,
      action,
      fromStage: from,
      toStage: to,
      note: note || null,
      attachmentIds,
      actorId: actor.userId,
      actorName: actor.displayName,
    });
  }

  /** Checked after the case is found in scope, so a case elsewhere still reads as missing. */
  function requireRole(actor: Actor, roles: readonly string[], message: string) {
    if (!roles.includes(actor.role)) {
      throw conflict(message);
    }
  }

  /** Facts for the elimination criteria, from the household's own record (the same numbers its page shows). */
  async function criteriaFor(actor: Actor, c: CaseFull, measureCount: number, today: string) {
    const now = await households.get(actor, c.household_id, today);
    const earlier = await households.get(actor, c.household_id, addMonths(today, -6));
    const guaranteesOk = Object.values(now.guarantees).every((g) => g === 'ok');
    const openLead = await repos.leads.openFor(c.household_id);
    const facts = {
      today,
      identifiedOn: c.identified_on,
      perCapitaNow: now.income.perCapita ?? '0.00',
      lineNow: now.line,
      perCapitaSixMonthsAgo: earlier.income.perCapita ?? '0.00',
      lineSixMonthsAgo: earlier.line,
      measureCount,
      guaranteesOk,
      hasOpenLead: openLead !== undefined,
      hasLabour: now.hasLabourCapacity,
    };
    return {
      facts,
      perCapita: now.income.perCapita ?? '0.00',
      line: now.line ?? '0.00',
      assisted: eliminationCriteria(facts, 'assisted'),
      natural: eliminationCriteria(facts, 'natural'),
    };
  }

  async function hasLabour(householdId: number, r: Repositories = repos): Promise<boolean> {
    const members = await r.households.listMembers(householdId);
    return members.some((m) => m.labour_skill !== null && HAS_LABOUR.includes(m.labour_skill));
  }

  /**
   * Actions of the actor's level that the procedure would refuse today (advancing during the notice,
   * before the category or risks are set), with the reason and, when waiting suffices, the day it opens:
   * the web app shows them disabled instead of letting the user meet a 409.
   */
  function blockedActions(actor: Actor, c: CaseFull, today: string) {
    const stage = c.stage;
    if (!hasPermission(actor.role, 'case.act') || !STAGE_RULES[stage].actors.includes(actor.role)) {
      return [];
    }
    return (['advance'] as const).flatMap((action) => {
      const result = transition({
        stage,
        action,
        role: actor.role,
        today,
        noticeStartsOn: c.notice_starts_on,
        category: c.category,
        riskCount: c.risks.length,
      });
      return result.ok || !STAGE_RULES[stage].next
        ? []
        : [{ action, reason: result.reason, opensOn: result.opensOn ?? null }];
    });
  }

  function allowedActions(actor: Actor, c: CaseFull, labour: boolean, today: string) {
    const blocked = new Set(blockedActions(actor, c, today).map((b) => b.action));
    const actions: Array<
      'advance' | 'return' | 'reject' | 'classify' | 'request_elimination' | 'mark_safety_net' | 'measures'
    > = [];
    const stage = c.stage;
    if (!hasPermission(actor.role, 'case.act')) {
      return actions;
    }
    const rule = STAGE_RULES[stage];
    if (rule.actors.includes(actor.role)) {
      if (rule.next && !blocked.has('advance')) {
        actions.push('advance');
      }
      if (rule.back) {
        actions.push('return');
      }
      if (rule.reject) {
        actions.push('reject');
      }
    }
    if (isIdentificationStage(stage) && stage !== 'announcement') {
      actions.push('classify');
    }
    if (stage === 'monitored' && (actor.role === 'village' || actor.role === 'township')) {
      actions.push(labour ? 'request_elimination' : 'mark_safety_net');
    }
    if (
      hasPermission(actor.role, 'measure.write') &&
      isLiveStage(stage) &&
      (isUnderMonitoring(stage) || c.green_channel)
    ) {
      actions.push('measures');
    }
    return actions;
  }

  const service = {
    findCase,

    /** "What is due and what is late", per child region of `regionCode` (default: the user's own region). */
    async summary(actor: Actor, regionCode: string | undefined) {
      const today = clock().today();
      const { region, prefixes, children, childLength } = await regionBreakdown(repos, actor, regionCode);
      const rows = await repos.cases.summary(prefixes, childLength, today);
      const byPrefix = new Map(rows.map((r) => [r.child, r]));
      const empty = {
        open_leads: 0,
        late_leads: 0,
        identifying: 0,
        late_identifications: 0,
        monitored: 0,
        safety_net: 0,
        eliminating: 0,
        visits_overdue: 0,
      };
      const present = (code: string, name: string, r: typeof empty) => ({
        regionCode: code,
        regionName: name,
        openLeads: r.open_leads,
        lateLeads: r.late_leads,
        identifying: r.identifying,
        lateIdentifications: r.late_identifications,
        monitored: r.monitored,
        safetyNet: r.safety_net,
        eliminating: r.eliminating,
        visitsOverdue: r.visits_overdue,
      });
      const total = { ...empty };
      for (const r of rows) {
        for (const key of Object.keys(empty) as Array<keyof typeof empty>) {
          total[key] += r[key];
        }
      }
      return {
        regionCode: region.code,
        regionName: region.name,
        today,
        total: present(region.code, region.name, total),
        children: children.map((c) => present(c.code, c.name, byPrefix.get(c.prefix) ?? empty)),
      };
    },

    async search(
      actor: Actor,
      input: {
        regionCode?: string | undefined;
        group?: string | undefined;
        stage?: CaseStage | undefined;
        category?: CaseCategory | undefined;
        headName?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const today = clock().today();
      const { rows, total } = await repos.cases.search({
        access: accessOf(actor),
        regionPrefix: input.regionCode,
        group: input.group,
        stage: input.stage,
        category: input.category,
        headName: input.headName,
        today,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: rows.map((r) => presentItem(r, today)), total };
    },

    async detail(actor: Actor, id: number) {
      const today = clock().today();
      const c = await findCase(actor, id);
      const [steps, measures, helpers, labour, active] = await Promise.all([
        repos.cases.steps(id),
        repos.measures.ofCase(id),
        repos.helpers.helpers(c.household_id),
        hasLabour(c.household_id),
        repos.measures.activeMeasureCategories(c.household_id, today),
      ]);
      const monitoring = isUnderMonitoring(c.stage) && c.stage !== 'announcement';
      const criteria = monitoring ? await criteriaFor(actor, c, measures.length, today) : null;
      const currentHelpers = helpers.filter((h) => h.ends_on === null || h.ends_on >= today);
      return {
        ...presentItem(
          { ...c, measure_count: measures.length, helper_names: currentHelpers.map((h) => h.display_name) },
          today,
        ),
        householdType: c.household_type as 'monitored',
        leadId: c.lead_id,
        closedReason: c.closed_reason,
        rolledBackFrom: c.rolled_back_from,
        hasLabour: labour,
        measureProblem: monitoring
          ? measureRuleProblem({ hasLabour: labour, activeCategories: active })
          : null,
        noticeEndsOn: c.notice_starts_on ? noticeEndsOn(c.notice_starts_on) : null,
        steps: steps.map((s) => ({
          id: s.id,
          action: s.action,
          fromStage: s.from_stage,
          toStage: s.to_stage,
          note: s.note,
          attachmentIds: s.attachment_ids as string[],
          actorName: s.actor_name,
          actedAt: iso(s.acted_at),
        })),
        measures: measures.map(presentMeasure),
        helpers: helpers.map((h) => ({
          userId: h.user_id,
          name: h.display_name,
          unit: h.unit,
          phone: h.phone,
          startsOn: h.starts_on,
          endsOn: h.ends_on,
        })),
        criteria: criteria
          ? {
              perCapita: criteria.perCapita,
              line: criteria.line,
              assisted: criteria.assisted,
              natural: criteria.natural,
            }
          : null,
        allowedActions: allowedActions(actor, c, labour, today),
        blockedActions: blockedActions(actor, c, today),
        nextStep: nextStep({
          stage: c.stage,
          dueOn: c.due_on,
          noticeStartsOn: c.notice_starts_on,
        }),
        // Helper assignment from the case itself, for the level that may assign.
        canAssignHelper: hasPermission(actor.role, 'helper.assign') && isLiveStage(c.stage),
      };
    },

    /** 纳入识别: the lead was verified at home (入户核实) and the household enters the procedure at 信息比对. */
    async openFromLead(
      actor: Actor,
      leadId: number,
      input: {
        version: number;
        category?: CaseCategory | null | undefined;
        risks: CaseRisk[];
        greenChannel: boolean;
        note: string;
        attachmentIds: string[];
      },
    ) {
      if (input.greenChannel) {
        requireRole(actor, ['township'], '绿色通道由乡镇启动');
      }
      const today = clock().today();
      const caseId = await tx(async (t) => {
        const lead = await leads.findInScope(actor, leadId, t);
        if (lead.status !== 'open') {
          throw conflict('该线索已处置');
        }
        if (await t.cases.liveFor(lead.household_id)) {
          throw conflict('该户已在识别或监测中，线索请并入现有案件处理');
        }
        await checkAttachments(t, lead.household_id, input.attachmentIds);
        const closed = await t.leads.close({
          id: leadId,
          version: input.version,
          status: 'case_opened',
          reason: null,
          userId: actor.userId,
        });
        if (!closed) {
          throw conflict('该线索已被他人处置或修改，请刷新后重试');
        }
        const household = await t.households.findById(lead.household_id);
        if (!household) {
          throw notFound('农户');
        }
        const mismatch = categoryConflict(input.category, household.household_type);
        if (mismatch) {
          throw validation(mismatch, { field: 'category' });
        }
        const id = await t.cases.insert({
          household_id: lead.household_id,
          county_code: lead.county_code,
          region_code: lead.region_code,
          lead_id: leadId,
          category: input.category ?? null,
          risks: JSON.stringify(input.risks),
          stage: 'cross_check',
          green_channel: input.greenChannel,
          found_on: lead.found_on,
          due_on: identificationDueOn(lead.found_on),
          previous_household_type: household.household_type,
        });
        await step(
          t,
          actor,
          { id, county_code: lead.county_code },
          input.greenChannel ? 'green_channel' : 'open',
          'home_check',
          'cross_check',
          input.note,
          input.attachmentIds,
        );
        await recordAudit(t, actor, {
          action: 'case.open',
          entityType: 'case',
          entityId: id,
          regionCode: lead.region_code,
          new: {
            leadId,
            householdId: lead.household_id,
            category: input.category ?? null,
            risks: input.risks,
            greenChannel: input.greenChannel,
            foundOn: lead.found_on,
            today,
          },
        });
        return id;
      });
      return service.detail(actor, caseId);
    },

    async classify(
      actor: Actor,
      id: number,
      input: { version: number; category?: CaseCategory | null | undefined; risks?: CaseRisk[] | undefined },
    ) {
      await tx(async (t) => {
        const c = await findCase(actor, id, t);
        if (!isIdentificationStage(c.stage) || c.stage === 'announcement') {
          throw conflict('县级审批后类别和风险不再在此修改');
        }
        const mismatch = categoryConflict(input.category, c.previous_household_type);
        if (mismatch) {
          throw validation(mismatch, { field: 'category' });
        }
        const changes = {
          ...(input.category !== undefined ? { category: input.category } : {}),
          ...(input.risks !== undefined ? { risks: JSON.stringify(input.risks) } : {}),
        };
        await claim(t, c, input.version, changes);
        await recordAudit(t, actor, {
          action: 'case.classify',
          entityType: 'case',
          entityId: id,
          regionCode: c.region_code,
          old: { category: c.category, risks: c.risks },
          new: { category: input.category, risks: input.risks },
        });
      });
      return service.detail(actor, id);
    },

    /** One step of the procedure: submit onward, send back, or reject — by the level that acts here. */
    async act(
      actor: Actor,
      id: number,
      input: { version: number; action: CaseAction; note: string; attachmentIds: string[] },
    ) {
      const today = clock().today();
      await tx(async (t) => {
        const c = await findCase(actor, id, t);
        const result = transition({
          stage: c.stage,
          action: input.action,
          role: actor.role,
          today,
          noticeStartsOn: c.notice_starts_on,
          category: c.category,
          riskCount: c.risks.length,
        });
        if (!result.ok) {
          // The role may act on cases, but not on this one now: a conflict with the case's state.
          throw conflict(result.reason, { stage: c.stage });
        }
        if (input.action !== 'advance' && !input.note.trim()) {
          throw validation(input.action === 'reject' ? '请填写驳回理由' : '请填写退回理由', {
            field: 'note',
          });
        }
        await checkAttachments(t, c.household_id, input.attachmentIds);
        const to = result.to;
        const changes: Parameters<Repositories['cases']['updateIfVersion']>[2] = { stage: to };
        if (to === 'public_notice' || to === 'elim_public_notice') {
          changes.notice_starts_on = today;
        }
        if (to === 'announcement') {
          changes.identified_on = today;
          await t.cases.setHouseholdType(c.household_id, 'monitored');
        }
        if (to === 'rejected') {
          changes.closed_reason = input.note;
        }
        if (to === 'eliminated') {
          changes.eliminated_on = today;
          await t.cases.setHouseholdType(c.household_id, typeAfterCase(c));
        }
        if (to === 'monitored' && c.stage !== 'announcement') {
          // The elimination request was withdrawn or refused: monitoring goes on.
          changes.elimination_mode = null;
          changes.elimination_requested_on = null;
          changes.notice_starts_on = null;
        }
        await claim(t, c, input.version, changes);
        await step(t, actor, c, input.action, c.stage, to, input.note, input.attachmentIds);
        await recordAudit(t, actor, {
          action: `case.${input.action}`,
          entityType: 'case',
          entityId: id,
          regionCode: c.region_code,
          old: { stage: c.stage },
          new: { stage: to, note: input.note || undefined },
        });
      });
      return service.detail(actor, id);
    },

    /** 申请风险消除: only when the criteria hold; a household without labour capacity is marked 兜底 instead. */
    async requestElimination(
      actor: Actor,
      id: number,
      input: { version: number; mode: 'assisted' | 'natural'; note: string; attachmentIds: string[] },
    ) {
      const today = clock().today();
      const c = await findCase(actor, id);
      requireRole(actor, ['village', 'township'], '风险消除由村或乡镇提出');
      if (c.stage !== 'monitored') {
        throw conflict('只有监测帮扶中的户可以申请风险消除');
      }
      const measures = await repos.measures.ofCase(id);
      const criteria = await criteriaFor(actor, c, measures.length, today);
      if (!criteria.facts.hasLabour) {
        throw conflict('整户无劳动能力，暂不标注风险消除，请标注兜底保障', { reason: 'no_labour' });
      }
      const results = input.mode === 'assisted' ? criteria.assisted : criteria.natural;
      if (!meetsElimination(results)) {
        throw conflict('尚不符合风险消除条件', {
          unmet: results.filter((r) => r.required && !r.met).map((r) => r.code),
        });
      }
      await tx(async (t) => {
        await checkAttachments(t, c.household_id, input.attachmentIds);
        await claim(t, c, input.version, {
          stage: 'elim_home_check',
          elimination_mode: input.mode,
          elimination_requested_on: today,
        });
        await step(
          t,
          actor,
          c,
          'request_elimination',
          c.stage,
          'elim_home_check',
          input.note,
          input.attachmentIds,
        );
        await recordAudit(t, actor, {
          action: 'case.request_elimination',
          entityType: 'case',
          entityId: id,
          regionCode: c.region_code,
          old: { stage: c.stage },
          new: { stage: 'elim_home_check', mode: input.mode, criteria: results },
        });
      });
      return service.detail(actor, id);
    },

    /** 标注兜底保障: a household without labour capacity stays tracked under the safety net. */
    async markSafetyNet(actor: Actor, id: number, input: { version: number; note: string }) {
      await tx(async (t) => {
        const c = await findCase(actor, id, t);
        requireRole(actor, ['village', 'township'], '兜底保障由村或乡镇标注');
        if (c.stage !== 'monitored') {
          throw conflict('只有监测帮扶中的户可以标注兜底保障');
        }
        if (await hasLabour(c.household_id, t)) {
          throw conflict('该户有劳动能力成员，不能标注整户兜底保障');
        }
        await claim(t, c, input.version, { stage: 'safety_net' });
        await step(t, actor, c, 'mark_safety_net', c.stage, 'safety_net', input.note);
        await recordAudit(t, actor, {
          action: 'case.mark_safety_net',
          entityType: 'case',
          entityId: id,
          regionCode: c.region_code,
          old: { stage: c.stage },
          new: { stage: 'safety_net', note: input.note },
        });
      });
      return service.detail(actor, id);
    },
  };
  return service;
}

type MeasureRow = Awaited<ReturnType<Repositories['measures']['ofCase']>>[number];

export function presentMeasure(m: MeasureRow) {
  return {
    id: m.id,
    caseId: m.case_id,
    category: m.category,
    item: m.item,
    startsOn: m.starts_on,
    endsOn: m.ends_on,
    amount: m.amount,
    provider: m.provider,
    note: m.note,
    version: m.version,
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
