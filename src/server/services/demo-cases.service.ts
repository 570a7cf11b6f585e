import { randomUUID } from 'node:crypto';
import { addDays, addMonths, shanghaiToday } from '../../shared/calendar.js';
import { type CaseStage, identificationDueOn } from '../../shared/case-workflow.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { RunInTransaction } from './transaction.js';

/** The demo village where every stage of the mechanism has an example (官庄镇's first village). */
export const DEMO_CASE_VILLAGE = '411302102201';

interface DemoCase {
  stage: CaseStage;
  foundDaysAgo: number;
  category: string;
  risks: string[];
  noticeDaysAgo?: number;
  identifiedMonthsAgo?: number;
  eliminatedMonthsAgo?: number;
  measures?: Array<[string, string]>;
  helper?: boolean;
}

const CASES: DemoCase[] = [
  { stage: 'cross_check', foundDaysAgo: 3, category: 'marginal', risks: ['illness'] },
  { stage: 'village_review', foundDaysAgo: 20, category: 'marginal', risks: ['accident'] },
  {
    stage: 'public_notice',
    foundDaysAgo: 10,
    noticeDaysAgo: 6,
    category: 'unstable_ex_poor',
    risks: ['illness'],
  },
  {
    stage: 'county_approval',
    foundDaysAgo: 12,
    noticeDaysAgo: 8,
    category: 'sudden_hardship',
    risks: ['natural_disaster'],
  },
  {
    stage: 'monitored',
    foundDaysAgo: 230,
    identifiedMonthsAgo: 7,
    category: 'unstable_ex_poor',
    risks: ['illness', 'education'],
    measures: [
      ['industry', '到户产业奖补（养牛）'],
      ['health', '医疗救助'],
    ],
    helper: true,
  },
  {
    stage: 'monitored',
    foundDaysAgo: 75,
    identifiedMonthsAgo: 2,
    category: 'marginal',
    risks: ['unstable_employment'],
    helper: true,
  },
  {
    stage: 'eliminated',
    foundDaysAgo: 330,
    identifiedMonthsAgo: 10,
    eliminatedMonthsAgo: 1,
    category: 'marginal',
    risks: ['industry_failure'],
    measures: [['employment', '外出务工交通补贴']],
  },
];

const IDENTIFICATION_PATH: CaseStage[] = [
  'home_check',
  'cross_check',
  'village_review',
  'public_notice',
  'town_review',
  'county_approval',
  'announcement',
  'monitored',
];

/**
 * Demo cases in one village, one per stage of the mechanism, so a newcomer sees leads to verify, a notice
 * period ending, an approval waiting, monitored households with a helper and an eliminated one.
 */
export function createDemoCasesService(deps: { repos: Repositories; tx: RunInTransaction }) {
  const { tx } = deps;
  return {
    async seedCases(actor: Actor) {
      const today = shanghaiToday();
      return tx(async (t) => {
        const { items: rows } = await t.households.search({
          access: { scope: [DEMO_CASE_VILLAGE], helperUserId: null },
          limit: CASES.length + 3,
          offset: 0,
        });
        const helper = await t.users.findByUsername('helper_demo');
        const households = rows.map((r) => r.id);
        // Three open leads to verify: two fresh cadre reports and one found 20 days ago (late).
        for (const [i, householdId] of households.slice(0, 3).entries()) {
          await t.leads.raise({
            householdId,
            source: 'cadre',
            reasons: [i === 2 ? 'medical_spending' : 'income_drop'],
            note: i === 2 ? '住院自付费用较高' : '务工收入下降',
            foundOn: addDays(today, i === 2 ? -20 : -i),
          });
        }
        for (const [i, spec] of CASES.entries()) {
          const householdId = households[i + 3];
          if (householdId === undefined || !helper) {
            break;
          }
          const foundOn = addDays(today, -spec.foundDaysAgo);
          const { leadId } = await t.leads.raise({
            householdId,
            source: 'cadre',
            reasons: ['income_below_line'],
            foundOn,
          });
          const lead = await t.leads.findById(leadId);
          await t.leads.close({
            id: leadId,
            version: lead?.version ?? 1,
            status: 'case_opened',
            reason: null,
            userId: null,
          });
          const household = await t.households.findById(householdId);
          const identifiedOn = spec.identifiedMonthsAgo ? addMonths(today, -spec.identifiedMonthsAgo) : null;
          const caseId = await t.cases.insert({
            household_id: householdId,
            county_code: household?.county_code ?? '',
            region_code: household?.region_code ?? DEMO_CASE_VILLAGE,
            lead_id: leadId,
            category: spec.category,
            risks: JSON.stringify(
              spec.risks.map((type) => ({ type, subtype: type === 'natural_disaster' ? 'flood' : null })),
            ),
            stage: spec.stage,
            found_on: foundOn,
            due_on: identificationDueOn(foundOn),
            notice_starts_on: spec.noticeDaysAgo ? addDays(today, -spec.noticeDaysAgo) : null,
            identified_on: identifiedOn,
            eliminated_on: spec.eliminatedMonthsAgo ? addMonths(today, -spec.eliminatedMonthsAgo) : null,
            elimination_mode: spec.stage === 'eliminated' ? 'assisted' : null,
            previous_household_type: household?.household_type ?? 'ordinary',
          });
          const reached = spec.stage === 'eliminated' ? 'monitored' : spec.stage;
          const path = IDENTIFICATION_PATH.slice(0, IDENTIFICATION_PATH.indexOf(reached) + 1);
          for (const [k, stage] of path.slice(1).entries()) {
            await t.cases.insertStep({
              caseId,
              countyCode: household?.county_code ?? '',
              action: k === 0 ? 'open' : 'advance',
              fromStage: path[k] ?? null,
              toStage: stage,
              note: k === 0 ? '入户核实：情况属实' : null,
              attachmentIds: [],
              actorId: null,
              actorName: '演示数据',
            });
          }
          if (spec.stage === 'eliminated') {
            await t.cases.insertStep({
              caseId,
              countyCode: household?.county_code ?? '',
              action: 'advance',
              fromStage: 'elim_county_approval',
              toStage: 'eliminated',
              note: '帮扶消除',
              attachmentIds: [],
              actorId: null,
              actorName: '演示数据',
            });
          }
          if (spec.stage === 'monitored') {
            await t.cases.setHouseholdType(householdId, 'monitored');
          }
          for (const [category, item] of spec.measures ?? []) {
            await t.cases.insertMeasure({
              case_id: caseId,
              household_id: householdId,
              county_code: household?.county_code ?? '',
              category,
              item,
              starts_on: identifiedOn ?? today,
              created_by: null,
            });
          }
          if (spec.helper) {
            await t.cases.assignHelper({
              householdIds: [householdId],
              userId: helper.id,
              startsOn: identifiedOn ?? today,
              assignedBy: null,
            });
            // One helper visited last week; the other has not been for two months (overdue on a monthly cadence).
            const visitedOn = spec.identifiedMonthsAgo === 7 ? addDays(today, -7) : addMonths(today, -2);
            await t.visits.insertOnce({
              id: randomUUID(),
              household_id: householdId,
              county_code: household?.county_code ?? '',
              region_code: household?.region_code ?? DEMO_CASE_VILLAGE,
              visitor_id: helper.id,
              visitor_name: helper.display_name,
              visited_on: visitedOn,
              income_note: '务工收入稳定',
              note: '家中情况正常',
            });
          }
        }
        await recordAudit(t, actor, {
          action: 'demo.cases',
          entityType: 'system',
          new: { village: DEMO_CASE_VILLAGE, cases: CASES.length },
        });
        return { households: households.length };
      });
    },
  };
}
