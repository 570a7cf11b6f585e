import { randomUUID } from 'node:crypto';
import { addDays, addMonths, daysBetween } from '../../shared/calendar.js';
import {
  type CaseCategory,
  type CaseStage,
  identificationDueOn,
  isUnderMonitoring,
  type RiskType,
} from '../../shared/case-workflow.js';
import { clock } from '../../shared/clock.js';
import type { MeasureCategory } from '../../shared/measures.js';
import { toCents, toSignedCents } from '../../shared/money.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';
import type { CaseService } from '../services/case.service.js';
import type { HouseholdService } from '../services/household.service.js';
import type { RunInTransaction } from '../services/transaction.js';
import { demoActor } from './demo-actor.js';

/** The demo village where every stage of the mechanism has an example (官庄镇's first village). */
export const DEMO_CASE_VILLAGE = '411302102201';

/** A step a demo user takes through the case service after the case's history is written. */
interface DemoAction {
  by: 'village_guanzhuang' | 'town_guanzhuang' | 'county_wancheng';
  action: 'advance' | 'return' | 'reject' | 'request_elimination' | 'mark_safety_net';
  note: string;
}

interface DemoCase {
  /** The stage its written history reaches; `stepsToday` take it on to the stage it shows. */
  stage: CaseStage;
  stepsToday?: DemoAction[];
  /** A household without labour (兜底), or one whose income would let it leave monitoring. */
  needs?: 'no_labour' | 'eliminable';
  foundDaysAgo: number;
  category: CaseCategory;
  risks: RiskType[];
  noticeDaysAgo?: number;
  identifiedMonthsAgo?: number;
  elimRequestedDaysAgo?: number;
  eliminatedMonthsAgo?: number;
  measures?: Array<[MeasureCategory, string]>;
  helper?: boolean;
}

const INCOME_BACK: DemoAction = {
  by: 'village_guanzhuang',
  action: 'request_elimination',
  note: '务工收入稳定，家庭人均纯收入连续半年高于监测范围',
};
const NOTICE_ENDED: DemoAction = { by: 'village_guanzhuang', action: 'advance', note: '公示期满无异议' };

const CASES: DemoCase[] = [
  { stage: 'cross_check', foundDaysAgo: 3, category: 'marginal', risks: ['illness'] },
  {
    stage: 'cross_check',
    stepsToday: [
      {
        by: 'town_guanzhuang',
        action: 'return',
        note: '信息比对：车辆登记信息与入户核实不符，请重新入户核实',
      },
    ],
    foundDaysAgo: 6,
    category: 'marginal',
    risks: ['unstable_employment'],
  },
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
    stage: 'county_approval',
    stepsToday: [
      { by: 'county_wancheng', action: 'advance', note: '县级审批：同意纳入监测，请乡镇发布公告' },
    ],
    foundDaysAgo: 14,
    noticeDaysAgo: 9,
    category: 'marginal',
    risks: ['illness'],
  },
  {
    stage: 'town_review',
    stepsToday: [
      {
        by: 'town_guanzhuang',
        action: 'reject',
        note: '乡镇审核：子女在县城务工，家庭人均纯收入稳定高于监测范围，无返贫致贫风险，不予纳入',
      },
    ],
    foundDaysAgo: 11,
    noticeDaysAgo: 9,
    category: 'marginal',
    risks: ['unstable_employment'],
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
    stage: 'monitored',
    stepsToday: [
      { by: 'village_guanzhuang', action: 'mark_safety_net', note: '整户无劳动能力，落实低保兜底' },
    ],
    needs: 'no_labour',
    foundDaysAgo: 170,
    identifiedMonthsAgo: 5,
    category: 'sudden_hardship',
    risks: ['disability'],
    measures: [['safety_net', '农村低保']],
  },
  {
    stage: 'monitored',
    stepsToday: [INCOME_BACK],
    needs: 'eliminable',
    foundDaysAgo: 300,
    identifiedMonthsAgo: 9,
    category: 'marginal',
    risks: ['unstable_employment'],
    measures: [['employment', '外出务工交通补贴']],
  },
  {
    stage: 'monitored',
    stepsToday: [
      INCOME_BACK,
      { by: 'village_guanzhuang', action: 'advance', note: '入户核实：收入稳定，风险已消除' },
    ],
    needs: 'eliminable',
    foundDaysAgo: 290,
    identifiedMonthsAgo: 9,
    category: 'marginal',
    risks: ['industry_failure'],
    measures: [['industry', '到户产业奖补（种植）']],
  },
  {
    stage: 'elim_public_notice',
    stepsToday: [NOTICE_ENDED],
    foundDaysAgo: 310,
    identifiedMonthsAgo: 10,
    elimRequestedDaysAgo: 10,
    noticeDaysAgo: 7,
    category: 'marginal',
    risks: ['unstable_employment'],
    measures: [['public_job', '乡村公益岗位']],
  },
  {
    stage: 'elim_public_notice',
    stepsToday: [NOTICE_ENDED, { by: 'town_guanzhuang', action: 'advance', note: '乡镇审核：同意风险消除' }],
    foundDaysAgo: 320,
    identifiedMonthsAgo: 10,
    elimRequestedDaysAgo: 12,
    noticeDaysAgo: 9,
    category: 'marginal',
    risks: ['accident'],
    measures: [['employment', '技能培训']],
  },
  {
    stage: 'eliminated',
    foundDaysAgo: 330,
    identifiedMonthsAgo: 10,
    elimRequestedDaysAgo: 45,
    eliminatedMonthsAgo: 1,
    category: 'marginal',
    risks: ['industry_failure'],
    measures: [['employment', '外出务工交通补贴']],
  },
];

/** Every stage in order along one case's life: identification, then the elimination procedure. */
const LIFE: CaseStage[] = [
  'home_check',
  'cross_check',
  'village_review',
  'public_notice',
  'town_review',
  'county_approval',
  'announcement',
  'monitored',
  'elim_home_check',
  'elim_public_notice',
  'elim_town_review',
  'elim_county_approval',
  'eliminated',
];

/** 09:00 Beijing time of a Shanghai day, for the acted_at of history written after the fact. */
const morningOf = (day: string) => new Date(`${day}T09:00:00+08:00`);

/**
 * Demo cases in one village, one per stage of the mechanism, so a newcomer sees leads to verify, a notice
 * period ending, an approval waiting, a case just announced and one rejected, monitored households with a
 * helper, one under the safety net, eliminations under way at each step and an eliminated one. Each case's
 * past is written with its dates; the last steps are taken today through the case service as the demo
 * users, so their checks, notices, history and audit are the real ones.
 */
export function createDemoCasesService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  cases: CaseService;
  households: HouseholdService;
}) {
  const { repos, tx, cases, households } = deps;

  /** Whether a household could leave monitoring today: income above the line now and six months ago. */
  async function eliminable(actor: Actor, householdId: number, today: string): Promise<boolean> {
    const now = await households.get(actor, householdId, today);
    const earlier = await households.get(actor, householdId, addMonths(today, -6));
    const above = (h: typeof now) =>
      h.line !== null && h.income.perCapita !== null && toSignedCents(h.income.perCapita) >= toCents(h.line);
    const guaranteesOk = Object.values(now.guarantees).every((g) => g === 'ok');
    return now.hasLabourCapacity && guaranteesOk && above(now) && above(earlier) && !now.openLead;
  }

  return {
    async seedCases(actor: Actor) {
      const today = clock().today();
      const village = await demoActor(repos, 'village_guanzhuang');
      const helper = await repos.users.findByUsername('helper_demo');
      if (!village || !helper) {
        return { households: 0 };
      }
      const { items: rows } = await repos.households.search({
        access: { scope: [DEMO_CASE_VILLAGE], helperUserId: null },
        limit: 80,
        offset: 0,
      });
      // A household typed 监测户 already has (or gets, in the demo's year) its monitored case; the examples use
      // the others, a 脱贫户 for the 脱贫不稳定户 category so the category matches the household type.
      const free = rows.filter((r) => r.household_type !== 'monitored');
      const fits = async (id: number, spec: DemoCase) => {
        if (spec.needs === 'eliminable') {
          return eliminable(village, id, today);
        }
        const labour = (await households.get(village, id, today)).hasLabourCapacity;
        return spec.needs === 'no_labour' ? !labour : true;
      };
      const caseHouseholds: Array<number | undefined> = [];
      for (const spec of CASES) {
        const type = spec.category === 'unstable_ex_poor' ? 'exited_poverty' : 'ordinary';
        let pick = -1;
        for (const [i, r] of free.entries()) {
          const typeFits = spec.category === 'sudden_hardship' || r.household_type === type;
          if (typeFits && (!spec.needs || (await fits(r.id, spec)))) {
            pick = i;
            break;
          }
        }
        caseHouseholds.push(
          pick === -1 && spec.needs ? undefined : free.splice(pick === -1 ? 0 : pick, 1)[0]?.id,
        );
      }
      const leadHouseholds = free.slice(0, 3).map((r) => r.id);

      const written = await tx(async (t) => {
        // Three open leads to verify: two fresh cadre reports and one found 20 days ago (late).
        for (const [i, householdId] of leadHouseholds.entries()) {
          await t.leads.raise({
            householdId,
            source: 'cadre',
            reasons: [i === 2 ? 'medical_spending' : 'income_drop'],
            note: i === 2 ? '住院自付费用较高' : '务工收入下降',
            foundOn: addDays(today, i === 2 ? -20 : -i),
          });
        }
        const made: Array<{ caseId: number; spec: DemoCase }> = [];
        for (const [i, spec] of CASES.entries()) {
          const householdId = caseHouseholds[i];
          if (householdId === undefined) {
            continue;
          }
          made.push({ caseId: await writeCase(t, spec, householdId, today, helper), spec });
        }
        await recordAudit(t, actor, {
          action: 'demo.cases',
          entityType: 'system',
          new: { village: DEMO_CASE_VILLAGE, cases: made.length },
        });
        return made;
      });

      // Today's steps, through the service (its own transactions): the announcement, the rejection, the
      // safety net and the elimination steps.
      for (const { caseId, spec } of written) {
        for (const step of spec.stepsToday ?? []) {
          const by = await demoActor(repos, step.by);
          const version = (await repos.cases.findById(caseId))?.version ?? 0;
          if (!by) {
            break;
          }
          const input = { version, note: step.note, attachmentIds: [] };
          if (step.action === 'request_elimination') {
            await cases.requestElimination(by, caseId, { ...input, mode: 'assisted' });
          } else if (step.action === 'mark_safety_net') {
            await cases.markSafetyNet(by, caseId, input);
          } else {
            await cases.act(by, caseId, { ...input, action: step.action });
          }
        }
      }
      return { households: leadHouseholds.length + written.length };
    },
  };

  /** One case with its lead, its dated history up to `spec.stage`, measures, and the helper's visit. */
  async function writeCase(
    t: Repositories,
    spec: DemoCase,
    householdId: number,
    today: string,
    helper: { id: number; display_name: string },
  ): Promise<number> {
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
    const countyCode = household?.county_code ?? '';
    const identifiedOn = spec.identifiedMonthsAgo ? addMonths(today, -spec.identifiedMonthsAgo) : null;
    const requestedOn = spec.elimRequestedDaysAgo ? addDays(today, -spec.elimRequestedDaysAgo) : null;
    const eliminatedOn = spec.eliminatedMonthsAgo ? addMonths(today, -spec.eliminatedMonthsAgo) : null;
    const caseId = await t.cases.insert({
      household_id: householdId,
      county_code: countyCode,
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
      elimination_mode: requestedOn ? 'assisted' : null,
      elimination_requested_on: requestedOn,
      eliminated_on: eliminatedOn,
      previous_household_type: household?.household_type ?? 'ordinary',
    });
    // The history, dated: identification over the days after the lead (announced on identifiedOn), the
    // elimination steps a few days apart from the request.
    const path = LIFE.slice(0, LIFE.indexOf(spec.stage) + 1);
    const noticeOn = spec.noticeDaysAgo ? addDays(today, -spec.noticeDaysAgo) : null;
    const identifyDays = identifiedOn ? daysBetween(foundOn, identifiedOn) : spec.foundDaysAgo;
    for (const [k, stage] of path.slice(1).entries()) {
      const from = path[k] ?? null;
      const elimStep = LIFE.indexOf(stage) - LIFE.indexOf('elim_home_check');
      let actedOn = addDays(foundOn, Math.round(((k + 1) * identifyDays) / 7));
      if (stage === 'public_notice' && noticeOn) {
        actedOn = noticeOn;
      } else if ((stage === 'town_review' || stage === 'county_approval') && noticeOn) {
        actedOn = addDays(noticeOn, stage === 'town_review' ? 5 : 6);
      } else if (stage === 'announcement' || stage === 'monitored') {
        actedOn = identifiedOn ?? today;
      } else if (stage === 'eliminated' && eliminatedOn) {
        actedOn = eliminatedOn;
      } else if (elimStep >= 0 && requestedOn) {
        actedOn = addDays(requestedOn, elimStep * 3);
      }
      actedOn = actedOn > today ? today : actedOn;
      await t.cases.insertStep({
        caseId,
        countyCode,
        action: k === 0 ? 'open' : stage === 'elim_home_check' ? 'request_elimination' : 'advance',
        fromStage: from,
        toStage: stage,
        note: k === 0 ? '入户核实：情况属实' : stage === 'eliminated' ? '帮扶消除' : null,
        attachmentIds: [],
        actorId: null,
        actorName: '演示数据',
        actedAt: morningOf(actedOn),
      });
    }
    if (isUnderMonitoring(spec.stage)) {
      await t.cases.setHouseholdType(householdId, 'monitored');
    }
    for (const [category, item] of spec.measures ?? []) {
      await t.measures.insert({
        case_id: caseId,
        household_id: householdId,
        county_code: countyCode,
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
        county_code: countyCode,
        region_code: household?.region_code ?? DEMO_CASE_VILLAGE,
        visitor_id: helper.id,
        visitor_name: helper.display_name,
        visited_on: visitedOn,
        income_note: '务工收入稳定',
        note: '家中情况正常',
      });
    }
    return caseId;
  }
}
