import { clock } from '../../shared/clock.js';
import type { HouseholdType } from '../../shared/household-codes.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { HouseholdService } from './household.service.js';
import type { RunInTransaction } from './transaction.js';

type VisitRow = NonNullable<Awaited<ReturnType<Repositories['visits']['findById']>>>;

export interface VisitInput {
  id: string;
  householdId: number;
  visitedOn: string;
  incomeChanged: boolean;
  incomeNote?: string | null | undefined;
  guaranteesNote?: string | null | undefined;
  industryNote?: string | null | undefined;
  workNote?: string | null | undefined;
  newRisks: string[];
  measuresAgreed?: string | null | undefined;
  note?: string | null | undefined;
  attachmentIds: string[];
}

function presentVisit(v: VisitRow) {
  return {
    id: v.id,
    householdId: v.household_id,
    visitedOn: v.visited_on,
    visitorName: v.visitor_name,
    incomeChanged: v.income_changed,
    incomeNote: v.income_note,
    guaranteesNote: v.guarantees_note,
    industryNote: v.industry_note,
    workNote: v.work_note,
    newRisks: v.new_risks as string[],
    measuresAgreed: v.measures_agreed,
    note: v.note,
    leadId: v.lead_id,
    caseId: v.case_id === null ? null : Number(v.case_id),
    attachmentIds: v.attachment_ids as string[],
    createdAt: new Date(v.created_at).toISOString(),
  };
}

/** Visits (走访) on the cadence of point 15. */
export function createVisitService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  households: HouseholdService;
}) {
  const { repos, tx, households } = deps;

  const householdFor = households.findAccessible;

  return {
    async policy() {
      return (await repos.visits.policy()).map((p) => ({
        householdType: p.household_type as 'ordinary',
        months: p.months,
      }));
    },

    /** The visit cadence per household type (point 15: monthly, quarterly, half-yearly by default). */
    async setPolicy(actor: Actor, input: Array<{ householdType: HouseholdType; months: number }>) {
      await tx(async (t) => {
        const before = await t.visits.policy();
        for (const p of input) {
          await t.visits.setPolicy(p.householdType, p.months);
        }
        await recordAudit(t, actor, {
          action: 'visit.policy',
          entityType: 'visit_policy',
          old: Object.fromEntries(before.map((p) => [p.household_type, p.months])),
          new: Object.fromEntries(input.map((p) => [p.householdType, p.months])),
        });
      });
      return this.policy();
    },

    async due(
      actor: Actor,
      input: {
        regionCode?: string | undefined;
        overdueOnly?: string | undefined;
        helperUserId?: number | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const today = clock().today();
      const { rows, total } = await repos.visits.due({
        access: households.accessOf(actor),
        regionPrefix: input.regionCode,
        overdueOnly: input.overdueOnly === 'true',
        helperUserId: input.helperUserId,
        today,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return {
        today,
        total,
        items: rows.map((r) => ({
          householdId: r.id,
          householdNo: r.household_no,
          headName: r.head_name,
          householdType: r.household_type as 'ordinary',
          regionCode: r.region_code,
          regionName: r.region_name,
          cadenceMonths: r.months,
          lastVisitedOn: r.last_visited_on,
          dueOn: r.due_on,
          isOverdue: r.due_on < today,
        })),
      };
    },

    async forHousehold(actor: Actor, householdId: number) {
      await householdFor(actor, householdId);
      return (await repos.visits.forHousehold(householdId)).map(presentVisit);
    },

    /**
     * Records a visit once per client id: a retried or twice-sent visit returns the stored one. New risks
     * found on the visit raise (or join) the household's lead, so nothing seen in the field is lost.
     */
    async record(actor: Actor, input: VisitInput) {
      const today = clock().today();
      if (input.visitedOn > today) {
        throw validation('走访日期不能晚于今天', { field: 'visitedOn' });
      }
      const existing = await repos.visits.findById(input.id);
      if (existing) {
        if (existing.household_id !== input.householdId || existing.visitor_id !== actor.userId) {
          throw conflict('该走访编号已被使用');
        }
        return { visit: presentVisit(existing), created: false };
      }
      const created = await tx(async (t) => {
        const household = await householdFor(actor, input.householdId, t);
        const attached = await t.attachments.idsOf(household.id, input.attachmentIds);
        if (attached.length !== new Set(input.attachmentIds).size) {
          throw validation('照片不存在或不属于该户', { field: 'attachmentIds' });
        }
        const inserted = await t.visits.insertOnce({
          id: input.id,
          household_id: household.id,
          county_code: household.county_code,
          region_code: household.region_code,
          visitor_id: actor.userId ?? 0,
          visitor_name: actor.displayName,
          visited_on: input.visitedOn,
          income_changed: input.incomeChanged,
          income_note: input.incomeNote ?? null,
          guarantees_note: input.guaranteesNote ?? null,
          industry_note: input.industryNote ?? null,
          work_note: input.workNote ?? null,
          new_risks: JSON.stringify(input.newRisks),
          measures_agreed: input.measuresAgreed ?? null,
          note: input.note ?? null,
          attachment_ids: JSON.stringify(input.attachmentIds),
        });
        if (!inserted) {
          return false;
        }
        // A risk the household's live case already covers joins that case; only other risks raise a lead.
        const live = input.newRisks.length > 0 ? await t.cases.liveFor(household.id) : undefined;
        const covered = new Set(((live?.risks ?? []) as Array<{ type: string }>).map((r) => r.type));
        const joined = input.newRisks.filter((r) => covered.has(r));
        const fresh = input.newRisks.filter((r) => !covered.has(r));
        if (live && joined.length > 0) {
          await t.visits.setCase(input.id, live.id);
        }
        if (fresh.length > 0) {
          const { leadId } = await t.leads.raise({
            householdId: household.id,
            source: 'visit',
            reasons: fresh.map((r) => `risk_${r}`),
            note: input.note ?? null,
            ref: `visit:${input.id}`,
            createdBy: actor.userId,
          });
          await t.visits.setLead(input.id, leadId);
        }
        await recordAudit(t, actor, {
          action: 'visit.create',
          entityType: 'visit',
          entityId: input.id,
          regionCode: household.region_code,
          new: { ...input, attachmentIds: input.attachmentIds.length },
        });
        return true;
      });
      const visit = await repos.visits.findById(input.id);
      if (!visit) {
        throw notFound('走访记录');
      }
      return { visit: presentVisit(visit), created };
    },
  };
}

export type VisitService = ReturnType<typeof createVisitService>;
