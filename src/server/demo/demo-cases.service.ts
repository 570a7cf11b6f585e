import { randomUUID } from 'node:crypto';
import { addDays, addMonths } from '../../shared/calendar.js';
import {
  type CaseCategory,
  type CaseStage,
  identificationDueOn,
  type RiskType,
} from '../../shared/case-workflow.js';
import { clock } from '../../shared/clock.js';
import type { MeasureCategory } from '../../shared/measures.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';
import type { RunInTransaction } from '../services/transaction.js';

/** The demo village where every stage of the mechanism has an example (官庄镇's first village). */
export const DEMO_CASE_VILLAGE = '411302102201';

interface DemoCase {
  stage: CaseStage;
  foundDaysAgo: number;
  category: CaseCategory;
  risks: RiskType[];
  noticeDaysAgo?: number;
  identifiedMonthsAgo?: number;
  eliminatedMonthsAgo?: number;
  measures?: Array<[MeasureCategory, string]>;
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
      const today = clock().today();
      return tx(async (t) => {
        const { items: rows } = await t.households.search({
          access: { scope: [DEMO_CASE_VILLAGE], helperUserId: null },
          limit: 60,
          offset: 0,
        });
        const helper = await t.users.findByUsername('helper_demo');
        // A household typed 监测户 already has (or gets, in the demo's year) its monitored case; the examples use
        // the others, a 脱贫户 for the 脱贫不稳定户 category so the category matches the household type.
        const free = rows.filter((r) => r.household_type !== 'monitored');
        const take = (preferred: string) => {
          const i = free.findIndex((r) => r.household_type === preferred);
          return free.splice(i === -1 ? 0 : i, 1)[0]?.id;
        };
        const caseHouseholds = CASES.map((spec) =>
          take(spec.category === 'unstable_ex_poor' ? 'exited_poverty' : 'ordinary'),
        );
        const households = [...free.slice(0, 3).map((r) => r.id), ...caseHouseholds].filter(
          (id): id is number => id !== undefined,
        );
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
          const householdId = caseHouseholds[i];
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
            await t.measures.insert({
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
            await t.helpers.assignHelper({
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
