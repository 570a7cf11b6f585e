import { clock } from '../../shared/clock.js';
import type { AlertOutcome, AlertRuleCode, FeedType } from '../../shared/feed-types.js';
import type { HouseholdType } from '../../shared/household-codes.js';
import { fromCents, toCents } from '../../shared/money.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { RunInTransaction } from './transaction.js';

export interface AlertRuleInput {
  threshold: string | null;
  householdTypes: HouseholdType[];
  deadlineDays: number;
  enabled: boolean;
  version: number;
}

const today = () => clock().today();

const ruleView = (r: Awaited<ReturnType<Repositories['alerts']['listRules']>>[number]) => ({
  code: r.code as AlertRuleCode,
  feedType: r.feed_type,
  threshold: r.threshold === null ? null : fromCents(toCents(String(r.threshold))),
  householdTypes: r.household_types as HouseholdType[],
  deadlineDays: r.deadline_days,
  enabled: r.enabled,
  aggregate: r.aggregate,
  version: r.version,
  updatedBy: r.updated_by,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * Early-warning alerts (预警): rules the city configures, the alerts pushed to the household's village
 * and township with a deadline, their verification (核实) and closing, and timeliness per county and town.
 */
export function createAlertService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { repos, tx } = deps;

  return {
    async rules() {
      return (await repos.alerts.listRules()).map(ruleView);
    },

    async updateRule(actor: Actor, code: string, input: AlertRuleInput) {
      return tx(async (t) => {
        const before = await t.alerts.findRule(code);
        if (!before) {
          throw notFound('预警规则');
        }
        if (before.version !== input.version) {
          throw conflict('预警规则已被他人修改，请刷新后再改');
        }
        if (input.householdTypes.length === 0) {
          throw validation('至少选择一种户类型', { field: 'householdTypes' });
        }
        // The version in the statement too: two saves that both read the old version cannot both win.
        if (!(await t.alerts.updateRule(code, input, actor.username, input.version))) {
          throw conflict('预警规则已被他人修改，请刷新后再改');
        }
        const after = await t.alerts.findRule(code);
        if (!after) {
          throw notFound('预警规则');
        }
        await recordAudit(t, actor, {
          action: 'alert_rule.update',
          entityType: 'alert_rule',
          entityId: code,
          old: ruleView(before),
          new: ruleView(after),
        });
        return ruleView(after);
      });
    },

    async list(
      actor: Actor,
      filter: {
        status?: string | undefined;
        feedType?: FeedType | undefined;
        overdue?: boolean | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const { rows, total } = await repos.alerts.list({
        scope: actor.scope,
        status: filter.status,
        feedType: filter.feedType,
        overdueOn: filter.overdue ? today() : undefined,
        limit: filter.pageSize,
        offset: (filter.page - 1) * filter.pageSize,
      });
      return {
        items: rows.map((a) => ({
          id: Number(a.id),
          department: a.department,
          feedType: a.feed_type,
          period: a.period,
          ruleCode: a.rule_code,
          householdId: Number(a.household_id),
          regionCode: a.region_code,
          villageName: a.village_name,
          townName: a.town_name,
          headName: a.head_name,
          householdType: a.household_type,
          facts: a.facts as Record<string, unknown>,
          status: a.status as 'open' | AlertOutcome,
          dueOn: a.due_on,
          closedReason: a.closed_reason,
          closedAt: a.closed_at ? new Date(a.closed_at).toISOString() : null,
          leadId: a.lead_id === null ? null : Number(a.lead_id),
          version: a.version,
          createdAt: new Date(a.created_at).toISOString(),
        })),
        total,
      };
    },

    /**
     * Closes an alert after verification: included as a lead (one open lead per household, source
     * 'department', ref = the alert id), not at risk (reason required), or already monitored.
     */
    async close(
      actor: Actor,
      id: number,
      input: { outcome: AlertOutcome; reason?: string | null | undefined; version: number },
    ) {
      const reason = input.reason?.trim() || null;
      if (input.outcome === 'not_at_risk' && !reason) {
        throw validation('核实无风险须填写理由', { field: 'reason' });
      }
      return tx(async (t) => {
        const alert = await t.alerts.findById(id);
        if (!alert || !actor.scope.some((p) => alert.region_code.startsWith(p))) {
          throw notFound('预警');
        }
        if (alert.status !== 'open' || alert.version !== input.version) {
          throw conflict('该预警已被他人处理或修改，请刷新后重试');
        }
        let leadId: number | null = null;
        if (input.outcome === 'included') {
          const lead = await t.leads.raise({
            householdId: Number(alert.household_id),
            source: 'department',
            reasons: [`department.${alert.rule_code}`],
            facts: {
              ...(alert.facts as Record<string, unknown>),
              department: alert.department,
              period: alert.period,
            },
            ref: String(alert.id),
            note: reason,
            createdBy: actor.userId,
          });
          leadId = lead.leadId;
        }
        const closed = await t.alerts.close({
          id,
          version: input.version,
          status: input.outcome,
          reason,
          leadId,
          userId: actor.userId,
        });
        if (!closed) {
          throw conflict('该预警已被他人处理或修改，请刷新后重试');
        }
        await recordAudit(t, actor, {
          action: 'alert.close',
          entityType: 'alert',
          entityId: id,
          regionCode: alert.region_code,
          old: { status: alert.status },
          new: { status: input.outcome, reason, leadId },
        });
        return { id, status: input.outcome, leadId };
      });
    },

    async timeliness(actor: Actor) {
      const rows = await repos.alerts.timeliness(actor.scope, today());
      return rows.map((r) => ({
        countyCode: r.county_code,
        countyName: r.county_name,
        townCode: r.town_code,
        townName: r.town_name,
        received: r.received,
        closed: r.closed,
        closedLate: r.closed_late,
        openOverdue: r.open_overdue,
      }));
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
