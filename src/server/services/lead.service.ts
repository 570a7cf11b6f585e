import { identificationDueOn } from '../../shared/case-workflow.js';
import { clock } from '../../shared/clock.js';
import { conflict, notFound } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { isRegionInScope } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';

type LeadListRow = Awaited<ReturnType<Repositories['leads']['list']>>['rows'][number];
type LeadRow = NonNullable<Awaited<ReturnType<Repositories['leads']['findById']>>>;

const iso = (d: Date | string) => new Date(d).toISOString();

function presentLead(l: LeadListRow, today: string) {
  const dueOn = identificationDueOn(l.found_on);
  return {
    id: l.id,
    householdId: l.household_id,
    householdNo: l.household_no,
    headName: l.head_name,
    householdType: l.household_type as 'exited_poverty' | 'monitored' | 'ordinary' | 'low_income',
    regionCode: l.region_code,
    regionName: l.region_name,
    source: l.source as 'screening',
    reasons: l.reasons as string[],
    status: l.status as 'open' | 'closed' | 'case_opened',
    closedReason: l.closed_reason,
    note: l.note,
    foundOn: l.found_on,
    dueOn,
    isLate: l.status === 'open' && today > dueOn,
    signalCount: l.signal_count ?? 0,
    version: l.version,
  };
}

/** The lead queue (线索): every channel's reports, verified at home, closed or turned into a case. */
export function createLeadService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  async function findInScope(actor: Actor, id: number, r: Repositories = repos): Promise<LeadRow> {
    const lead = await r.leads.findById(id);
    if (!lead || !isRegionInScope({ code: lead.region_code, level: 'village' }, actor.scope)) {
      throw notFound('线索');
    }
    return lead;
  }

  return {
    findInScope,

    async list(
      actor: Actor,
      input: {
        regionCode?: string | undefined;
        status?: string | undefined;
        source?: string | undefined;
        overdue?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const today = clock().today();
      const { rows, total } = await repos.leads.list({
        scope: actor.scope,
        regionPrefix: input.regionCode,
        status: input.status,
        source: input.source,
        overdueOn: input.overdue === 'true' ? today : undefined,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { items: rows.map((r) => presentLead(r, today)), total };
    },

    async get(actor: Actor, id: number) {
      return this.detail(await findInScope(actor, id));
    },

    /** The lead with its household, every signal behind it and the case it became. */
    async detail(lead: LeadRow) {
      const today = clock().today();
      const [household, region, signals, caseRow] = await Promise.all([
        repos.households.findById(lead.household_id),
        repos.regions.findByCode(lead.region_code),
        repos.leads.signals(lead.id),
        repos.cases.byLead(lead.id),
      ]);
      const base = presentLead(
        {
          ...lead,
          region_name: region?.name ?? '',
          head_name: household?.head_name ?? '',
          household_type: household?.household_type ?? 'ordinary',
          household_no: household?.household_no ?? null,
          signal_count: signals.length,
        },
        today,
      );
      return {
        ...base,
        signals: signals.map((s) => ({
          id: s.id,
          source: s.source as 'screening',
          reasons: s.reasons as string[],
          facts: (s.facts as Record<string, unknown> | null) ?? null,
          ref: s.ref,
          createdBy: s.created_by_name ?? null,
          createdAt: iso(s.created_at),
        })),
        caseId: caseRow?.id ?? null,
      };
    },

    /** A cadre reports a household at risk (基层干部排查); joins the household's open lead if it has one. */
    async report(actor: Actor, input: { householdId: number; reasons: string[]; note: string }) {
      const household = await repos.households.findAccessibleById(input.householdId, {
        scope: actor.scope,
        helperUserId: null,
      });
      if (!household) {
        throw notFound('农户');
      }
      const leadId = await tx(async (t) => {
        const { leadId, created } = await t.leads.raise({
          householdId: household.id,
          source: 'cadre',
          reasons: input.reasons,
          note: input.note,
          ref: null,
          createdBy: actor.userId,
        });
        await recordAudit(t, actor, {
          action: created ? 'lead.create' : 'lead.signal',
          entityType: 'lead',
          entityId: leadId,
          regionCode: household.region_code,
          new: { householdId: household.id, source: 'cadre', reasons: input.reasons, note: input.note },
        });
        return leadId;
      });
      return this.detail(await findInScope(actor, leadId));
    },

    /** Verified at home and not at risk (核实无风险): the lead closes with the reason. */
    async close(actor: Actor, id: number, input: { version: number; reason: string }) {
      await tx(async (t) => {
        const lead = await findInScope(actor, id, t);
        if (lead.status !== 'open') {
          throw conflict('该线索已处置');
        }
        const ok = await t.leads.close({
          id,
          version: input.version,
          status: 'closed',
          reason: input.reason,
          userId: actor.userId,
        });
        if (!ok) {
          throw conflict('该线索已被他人处置或修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'lead.close',
          entityType: 'lead',
          entityId: id,
          regionCode: lead.region_code,
          old: { status: 'open' },
          new: { status: 'closed', reason: input.reason },
        });
      });
      return this.detail(await findInScope(actor, id));
    },
  };
}

export type LeadService = ReturnType<typeof createLeadService>;
