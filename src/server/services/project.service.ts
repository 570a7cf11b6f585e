import type { z } from 'zod';
import { addDays, daysBetween } from '../../shared/calendar.js';
import { clock } from '../../shared/clock.js';
import { ratioBp, sumMoney, toCents } from '../../shared/money.js';
import {
  COUNTY_ASSESSMENT_CHECKS,
  categoryIndustryFlag,
  NOTICE_MIN_DAYS,
  PROJECT_LEVEL_LABELS,
  type ProjectLevel,
  TOWN_REVIEW_CHECKS,
} from '../../shared/project-codes.js';
import {
  type ActingLevel,
  actingLevel,
  allowedProjectActions,
  canEditProject,
  nextStage,
  PROJECT_STAGE_LABELS,
} from '../../shared/project-workflow.js';
import { checkNegativeList, type NegativeListHit } from '../domain/negative-list.js';
import { conflict, forbidden, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { ZProjectAct, ZProjectInput, ZProjectQuery } from '../schemas/project.schema.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { RunInTransaction } from './transaction.js';

type ProjectInput = z.infer<typeof ZProjectInput>;
type ProjectRow = NonNullable<Awaited<ReturnType<Repositories['projects']['findById']>>>;

/** The project level an actor declares and acts at: village cadres, township staff, the county bureau. */
export function actorLevel(actor: Actor): ActingLevel | null {
  switch (actor.role) {
    case 'village':
      return 'village';
    case 'township':
      return 'town';
    case 'county':
      return 'county';
    default:
      return null;
  }
}

const REGION_LEVEL_OF: Record<ProjectLevel, string> = { village: 'village', town: 'town', county: 'county' };

export const projectSummaryView = (p: ProjectRow) => ({
  id: Number(p.id),
  countyCode: p.county_code,
  regionCode: p.region_code,
  regionName: p.region_name,
  level: p.level as ProjectLevel,
  year: p.year,
  name: p.name,
  categoryL1: p.category_l1,
  categoryL2: p.category_l2,
  isIndustry: p.is_industry,
  nature: p.nature,
  estimatedInvestment: p.estimated_investment,
  implementingUnit: p.implementing_unit,
  stage: p.stage,
  negativeHits: p.negative_hits as NegativeListHit[],
  allocatedTotal: p.allocated_total,
  paidTotal: p.paid_total,
  version: p.version,
});

/** All checklist items confirmed, or a validation error naming the ones left. */
function requireChecks(items: readonly string[], checks: Record<string, boolean> | null | undefined) {
  const missing = items.filter((item) => checks?.[item] !== true);
  if (missing.length > 0) {
    throw validation(`审核要点未全部确认：${missing.join('、')}`, { field: 'checks', missing });
  }
  return Object.fromEntries(items.map((item) => [item, true]));
}

/**
 * The project library (项目库, domain-cdefg §D1): villages declare, townships review, counties assess and
 * approve; township and county projects enter at their level. Every step is a `project_event` and audited;
 * the declaration notice (≥ 10 days) must end before the project goes up; the negative list is checked on
 * every change and blocks approval.
 */
export function createProjectService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  /** Checks and normalises a declaration; returns the row fields and the beneficiary households. */
  async function prepare(t: Repositories, actor: Actor, input: ProjectInput, level: ProjectLevel) {
    const regionCode = input.regionCode ?? actor.regionCode;
    const region = await t.regions.findByCode(regionCode);
    const inScope = actor.scope.some((prefix) => regionCode.startsWith(prefix));
    if (!region || !inScope) {
      throw notFound('项目所在地区');
    }
    if (region.level !== REGION_LEVEL_OF[level]) {
      throw validation(
        `${PROJECT_LEVEL_LABELS[level]}项目的地点应为${level === 'village' ? '村' : level === 'town' ? '乡镇' : '县'}`,
        {
          field: 'regionCode',
        },
      );
    }
    const isIndustry = categoryIndustryFlag(input.categoryL1, input.categoryL2);
    if (isIndustry === undefined) {
      throw validation('项目类别不在目录中', { field: 'categoryL2' });
    }
    const sources = input.funding.map((f) => f.source);
    if (new Set(sources).size !== sources.length) {
      throw validation('资金来源不能重复', { field: 'funding' });
    }
    if (sumMoney(input.funding.map((f) => f.amount)) !== sumMoney([input.estimatedInvestment])) {
      throw validation('资金构成合计应等于投资概算', {
        field: 'funding',
        fundingTotal: sumMoney(input.funding.map((f) => f.amount)),
        estimatedInvestment: sumMoney([input.estimatedInvestment]),
      });
    }
    if (input.plannedStart && input.plannedFinish && input.plannedFinish < input.plannedStart) {
      throw validation('计划完工日期早于开工日期', { field: 'plannedFinish' });
    }
    const ids = [...new Set(input.beneficiaryHouseholdIds)];
    const households = await t.projects.beneficiaryFacts(ids, actor.scope);
    if (households.length !== ids.length) {
      const found = new Set(households.map((h) => Number(h.id)));
      throw validation('部分受益户不存在或不在本辖区', {
        field: 'beneficiaryHouseholdIds',
        missing: ids.filter((id) => !found.has(id)),
      });
    }
    const counts =
      ids.length > 0
        ? {
            beneficiary_households: ids.length,
            beneficiary_persons: households.reduce((n, h) => n + h.member_count, 0),
            beneficiary_poor: households.filter((h) => h.household_type === 'exited_poverty').length,
            beneficiary_monitored: households.filter((h) => h.household_type === 'monitored').length,
          }
        : {
            beneficiary_households: input.beneficiaryHouseholds,
            beneficiary_persons: input.beneficiaryPersons,
            beneficiary_poor: input.beneficiaryPoor,
            beneficiary_monitored: input.beneficiaryMonitored,
          };
    const estimatedInvestment = sumMoney([input.estimatedInvestment]);
    const negativeHits = checkNegativeList({ ...input, estimatedInvestment });
    return {
      countyCode: region.county_code ?? regionCode,
      householdIds: ids,
      row: {
        region_code: regionCode,
        year: input.year,
        name: input.name,
        category_l1: input.categoryL1,
        category_l2: input.categoryL2,
        is_industry: isIndustry,
        nature: input.nature,
        tasks: JSON.stringify(input.tasks),
        estimated_investment: estimatedInvestment,
        implementing_unit: input.implementingUnit,
        responsible_person: input.responsiblePerson ?? null,
        planned_start: input.plannedStart ?? null,
        planned_finish: input.plannedFinish ?? null,
        ...counts,
        performance_targets: JSON.stringify(input.performanceTargets),
        linkage_mode: input.linkageMode ?? null,
        linkage_households: input.linkageHouseholds,
        negative_hits: JSON.stringify(negativeHits),
      },
    };
  }

  async function findOrFail(t: Repositories, actor: Actor, id: number) {
    const project = await t.projects.findById(id, actor.scope);
    if (!project) {
      throw notFound('项目');
    }
    return project;
  }

  async function detail(t: Repositories, actor: Actor, project: ProjectRow) {
    const id = Number(project.id);
    const [funding, beneficiaries, events, notices, lines, payments] = await Promise.all([
      t.projects.listFunding([id]),
      t.projects.listBeneficiaries(id),
      t.projects.listEvents(id),
      t.projects.listNotices('project', id),
      t.funds.listLines({ projectId: id }),
      t.funds.listPayments(id),
    ]);
    const declaration = notices.filter((n) => n.purpose === 'declaration').pop();
    return {
      ...projectSummaryView(project),
      tasks: project.tasks as Array<{ item: string; quantity: string; unit: string }>,
      funding: funding.map((f) => ({ source: f.source_code, sourceName: f.source_name, amount: f.amount })),
      responsiblePerson: project.responsible_person,
      plannedStart: project.planned_start,
      plannedFinish: project.planned_finish,
      beneficiaryHouseholds: project.beneficiary_households,
      beneficiaryPersons: project.beneficiary_persons,
      beneficiaryPoor: project.beneficiary_poor,
      beneficiaryMonitored: project.beneficiary_monitored,
      beneficiaries: beneficiaries.map((b) => ({
        householdId: Number(b.id),
        headName: b.head_name,
        householdType: b.household_type,
        members: b.member_count,
      })),
      performanceTargets: project.performance_targets as Array<{
        kind: string;
        indicator: string;
        value: string;
      }>,
      linkageMode: project.linkage_mode,
      linkageHouseholds: project.linkage_households,
      townChecks: (project.town_checks as Record<string, boolean> | null) ?? null,
      countyChecks: (project.county_checks as Record<string, boolean> | null) ?? null,
      events: events.map((e) => ({
        action: e.action,
        fromStage: e.from_stage,
        toStage: e.to_stage,
        actedOn: e.acted_on,
        actorName: e.actor_name,
        actorLevel: e.actor_level,
        comment: e.comment,
        at: new Date(e.created_at).toISOString(),
      })),
      notices: notices.map((n) => ({
        id: Number(n.id),
        purpose: n.purpose,
        channel: n.channel,
        startsOn: n.starts_on,
        endsOn: n.ends_on,
        objections: n.objections,
        objectionNote: n.objection_note,
        objectionsResolved: n.objections_resolved,
      })),
      fundLines: lines.map((l) => ({
        id: Number(l.id),
        allocationId: Number(l.allocation_id),
        docNumber: l.doc_number,
        source: l.source_code,
        sourceName: l.source_name,
        amount: l.amount,
        paid: l.paid,
        allocatedOn: l.allocated_on,
      })),
      payments: payments.map((p) => ({
        id: Number(p.id),
        fundLineId: Number(p.fund_line_id),
        docNumber: p.doc_number,
        source: p.source_code,
        paidOn: p.paid_on,
        amount: p.amount,
        voucher: p.voucher,
      })),
      allowedActions: allowedProjectActions(project.stage, project.level as ProjectLevel, actorLevel(actor)),
      canEdit: canEditProject(project.stage, project.level as ProjectLevel, actorLevel(actor)),
      noticeEndsOn: declaration?.ends_on ?? null,
    };
  }

  return {
    async sources() {
      return (await repos.projects.listSources()).map((s) => ({
        code: s.code,
        name: s.name,
        isConnectionFund: s.is_connection_fund,
      }));
    },

    async list(actor: Actor, query: z.infer<typeof ZProjectQuery>) {
      if (query.regionCode && !actor.scope.some((p) => (query.regionCode ?? '').startsWith(p))) {
        throw notFound('地区');
      }
      const { rows, total } = await repos.projects.list({
        scope: actor.scope,
        year: query.year,
        stage: query.stage,
        regionCode: query.regionCode,
        q: query.q,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: rows.map(projectSummaryView), total };
    },

    async get(actor: Actor, id: number) {
      return detail(repos, actor, await findOrFail(repos, actor, id));
    },

    async create(actor: Actor, input: ProjectInput) {
      const level = actorLevel(actor);
      if (!level) {
        throw forbidden('项目由村、乡镇或县级申报');
      }
      return tx(async (t) => {
        const prepared = await prepare(t, actor, input, level);
        const id = await t.projects.insert({
          ...prepared.row,
          county_code: prepared.countyCode,
          level,
          created_by: actor.userId,
        });
        await t.projects.replaceFunding(id, prepared.countyCode, input.funding);
        await t.projects.replaceBeneficiaries(id, prepared.countyCode, prepared.householdIds);
        await t.projects.insertEvent({
          projectId: id,
          countyCode: prepared.countyCode,
          action: 'declare',
          fromStage: null,
          toStage: 'draft',
          actedOn: clock().today(),
          actorId: actor.userId,
          actorName: actor.displayName,
          actorLevel: level,
          comment: null,
        });
        await recordAudit(t, actor, {
          action: 'project.create',
          entityType: 'project',
          entityId: id,
          regionCode: prepared.row.region_code,
          new: { ...prepared.row, funding: input.funding, level },
        });
        return detail(t, actor, await findOrFail(t, actor, id));
      });
    },

    /** Changes a draft (the declaring level only; a sent-back project is a draft again). */
    async update(actor: Actor, id: number, input: ProjectInput & { version: number }) {
      return tx(async (t) => {
        const before = await findOrFail(t, actor, id);
        // canEditProject, with the reason it fails: a stage is a conflict, another level a refusal.
        if (before.stage !== 'draft') {
          throw conflict(`项目处于“${PROJECT_STAGE_LABELS[before.stage]}”阶段，不能修改`);
        }
        if (!canEditProject(before.stage, before.level as ProjectLevel, actorLevel(actor))) {
          throw forbidden('只有申报单位可以修改草拟中的项目');
        }
        const prepared = await prepare(
          t,
          actor,
          { ...input, regionCode: input.regionCode ?? before.region_code },
          before.level as ProjectLevel,
        );
        if (!(await t.projects.update(id, input.version, prepared.row))) {
          throw conflict('项目已被他人修改，请刷新后重试');
        }
        await t.projects.replaceFunding(id, before.county_code, input.funding);
        await t.projects.replaceBeneficiaries(id, before.county_code, prepared.householdIds);
        await recordAudit(t, actor, {
          action: 'project.update',
          entityType: 'project',
          entityId: id,
          regionCode: before.region_code,
          old: projectSummaryView(before),
          new: { ...prepared.row, funding: input.funding },
        });
        return detail(t, actor, await findOrFail(t, actor, id));
      });
    },

    async act(actor: Actor, id: number, input: z.infer<typeof ZProjectAct>) {
      const today = clock().today();
      return tx(async (t) => {
        const project = await findOrFail(t, actor, id);
        const stage = project.stage;
        const level = project.level as ProjectLevel;
        const to = nextStage(stage, input.action, level);
        if (!to) {
          throw conflict(`项目处于“${PROJECT_STAGE_LABELS[stage]}”阶段，不能执行此操作`);
        }
        const acting = actingLevel(stage, level);
        if (acting !== actorLevel(actor)) {
          throw forbidden(`此环节由${acting ? PROJECT_LEVEL_LABELS[acting].replace('级', '') : '—'}办理`);
        }
        if (project.version !== input.version) {
          throw conflict('项目已被他人处理，请刷新后重试');
        }
        const comment = input.comment?.trim() || null;
        const changes: Record<string, unknown> = { stage: to };
        let actedOn = today;
        const hits = project.negative_hits as NegativeListHit[];
        switch (input.action) {
          case 'start_notice': {
            const notice = input.notice;
            if (!notice) {
              throw validation('请填写公示渠道和起止日期', { field: 'notice' });
            }
            if (daysBetween(notice.startsOn, notice.endsOn) + 1 < NOTICE_MIN_DAYS) {
              throw validation(`公示期不少于${NOTICE_MIN_DAYS}天`, { field: 'notice.endsOn' });
            }
            if (notice.startsOn > today) {
              throw validation('公示开始日期不能晚于今天', { field: 'notice.startsOn' });
            }
            await t.projects.insertNotice({
              county_code: project.county_code,
              region_code: project.region_code,
              subject_kind: 'project',
              subject_id: id,
              purpose: 'declaration',
              channel: notice.channel,
              starts_on: notice.startsOn,
              ends_on: notice.endsOn,
              created_by: actor.userId,
            });
            actedOn = notice.startsOn;
            break;
          }
          case 'submit': {
            const notice = (await t.projects.listNotices('project', id))
              .filter((n) => n.purpose === 'declaration')
              .pop();
            if (!notice || notice.ends_on >= today) {
              throw conflict(`公示期未满，${notice ? addDays(notice.ends_on, 1) : ''}起可报送`, {
                noticeEndsOn: notice?.ends_on ?? null,
              });
            }
            if (!notice.objections_resolved) {
              throw conflict('公示期间的异议尚未处理完毕');
            }
            break;
          }
          case 'town_pass':
            if (hits.length > 0) {
              throw conflict(`项目触及负面清单：${hits.map((h) => h.label).join('、')}，请退回修改`, {
                negativeHits: hits,
              });
            }
            changes.town_checks = JSON.stringify(requireChecks(TOWN_REVIEW_CHECKS, input.checks));
            break;
          case 'county_approve':
            if (hits.length > 0) {
              throw conflict(`项目触及负面清单：${hits.map((h) => h.label).join('、')}，不能入库`, {
                negativeHits: hits,
              });
            }
            changes.county_checks = JSON.stringify(requireChecks(COUNTY_ASSESSMENT_CHECKS, input.checks));
            break;
          case 'send_back':
            if (!comment) {
              throw validation('退回须写明原因', { field: 'comment' });
            }
            break;
          case 'advance':
            actedOn = input.actedOn ?? today;
            if (actedOn > today) {
              throw validation('实施进度日期不能晚于今天', { field: 'actedOn' });
            }
            break;
        }
        if (!(await t.projects.update(id, input.version, changes))) {
          throw conflict('项目已被他人处理，请刷新后重试');
        }
        await t.projects.insertEvent({
          projectId: id,
          countyCode: project.county_code,
          action: input.action,
          fromStage: stage,
          toStage: to,
          actedOn,
          actorId: actor.userId,
          actorName: actor.displayName,
          actorLevel: actorLevel(actor),
          comment,
        });
        await recordAudit(t, actor, {
          action: `project.${input.action}`,
          entityType: 'project',
          entityId: id,
          regionCode: project.region_code,
          old: { stage },
          new: { stage: to, comment, actedOn },
        });
        return detail(t, actor, await findOrFail(t, actor, id));
      });
    },

    /** Records objections raised during a notice and whether they were settled (the next step waits). */
    async recordObjections(
      actor: Actor,
      id: number,
      noticeId: number,
      input: { objections: number; objectionNote?: string | null | undefined; resolved: boolean },
    ) {
      return tx(async (t) => {
        const project = await findOrFail(t, actor, id);
        const notice = (await t.projects.listNotices('project', id)).find((n) => Number(n.id) === noticeId);
        if (!notice) {
          throw notFound('公示');
        }
        if (input.objections === 0 && !input.resolved) {
          throw validation('没有异议时无需标记为未处理', { field: 'resolved' });
        }
        await t.projects.updateNotice(noticeId, {
          objections: input.objections,
          objection_note: input.objectionNote?.trim() || null,
          objections_resolved: input.resolved,
        });
        await recordAudit(t, actor, {
          action: 'notice.objections',
          entityType: 'public_notice',
          entityId: noticeId,
          regionCode: project.region_code,
          old: { objections: notice.objections, resolved: notice.objections_resolved },
          new: input,
        });
        return detail(t, actor, await findOrFail(t, actor, id));
      });
    },

    async health(actor: Actor, year: number) {
      const rows = await repos.projects.libraryHealth(year, actor.scope);
      return rows.map((r) => {
        return {
          countyCode: r.code,
          countyName: r.name,
          projects: Number(r.projects),
          investment: r.investment,
          lastYearInvestment: r.last_year_investment,
          lastYearFunds: r.last_year_funds,
          coverageBp: ratioBp(toCents(r.investment), toCents(r.last_year_funds)),
          isNotShrinking: toCents(r.investment) >= toCents(r.last_year_investment),
        };
      });
    },
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
