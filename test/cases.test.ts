import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/services/actor.js';
import { addDays, addMonths, monthOf } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { DEMO_VILLAGE, newHousehold } from './helpers/factories.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const VILLAGE = DEMO_VILLAGE;
const today = clock().today();

let t: TestApp;
const cookie: Record<string, string> = {};
const householdIds: number[] = [];
const hh = (i: number): number => householdIds[i] ?? Number.NaN;

async function call(user: string, method: string, url: string, payload?: unknown) {
  const response = await t.app.inject({
    method: method as 'GET',
    url,
    headers: { cookie: cookie[user] ?? '' },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.json() };
}

/** Makes a household plainly secure: safe house and water, everyone insured, nobody out of school. */
async function secure(householdId: number) {
  const db = t.database.db;
  await db
    .updateTable('household')
    .set({
      housing_grade: 'A',
      water_quantity_ok: true,
      water_quality_ok: true,
      water_convenience_ok: true,
      water_reliability_ok: true,
    })
    .where('id', '=', householdId)
    .execute();
  await db
    .updateTable('person')
    .set({ medical_insured: true, dropout_reason: null, labour_skill: '普通劳动力' })
    .where('household_id', '=', householdId)
    .execute();
}

/** Replaces the household's income with `perCapita` a year per member, from two years back to today. */
async function setIncome(householdId: number, perCapita: number) {
  const db = t.database.db;
  await db.deleteFrom('income_item').where('household_id', '=', householdId).execute();
  const household = await db
    .selectFrom('household')
    .selectAll()
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('income_item')
    .values({
      household_id: householdId,
      county_code: household.county_code,
      category: 'wage',
      item: 'wage.migrant',
      amount: String(perCapita * household.member_count * 2), // whole 元: integers times integers
      is_counted: true,
      period_start: `${addMonths(today, -24).slice(0, 7)}-01`,
      period_end: `${today.slice(0, 7)}-01`,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp({}, { households: 200, date: today });
  for (const user of [
    'village_guanzhuang',
    'town_guanzhuang',
    'county_wancheng',
    'county_wolong',
    'helper_demo',
    'city_admin',
  ]) {
    cookie[user] = await t.login(user);
  }
  // Eight households of their own in the demo users' village (the generated ones are spread thin over the city).
  for (let i = 0; i < 8; i += 1) {
    householdIds.push((await newHousehold(t, today, { regionCode: VILLAGE })).id);
  }
});

afterAll(async () => {
  await t?.close();
});

describe('a monitoring case from lead to elimination', () => {
  let caseId = 0;
  let version = 0;
  const act = async (user: string, action: string, note = '') => {
    const r = await call(user, 'POST', `/api/cases/${caseId}/actions`, { version, action, note });
    if (r.status === 200) {
      version = r.body.version;
    }
    return r;
  };

  it('takes reports from two channels into one lead, then opens the case at the data cross-check', async () => {
    const householdId = hh(0);
    const first = await call('village_guanzhuang', 'POST', '/api/leads', {
      householdId,
      reasons: ['income_drop'],
      note: '务工收入下降',
    });
    expect(first.status).toBe(201);
    const second = await call('town_guanzhuang', 'POST', '/api/leads', {
      householdId,
      reasons: ['medical_spending'],
      note: '住院',
    });
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.signalCount).toBe(2);
    expect(second.body.reasons.sort()).toEqual(['income_drop', 'medical_spending']);
    expect(second.body.dueOn).toBe(addDays(today, 15));

    const green = await call('village_guanzhuang', 'POST', `/api/leads/${first.body.id}/case`, {
      version: second.body.version,
      greenChannel: true,
      note: '入户核实',
    });
    expect(green.status).toBe(409);
    const opened = await call('village_guanzhuang', 'POST', `/api/leads/${first.body.id}/case`, {
      version: second.body.version,
      note: '入户核实：情况属实',
    });
    expect(opened.status).toBe(201);
    expect(opened.body.stage).toBe('cross_check');
    expect(opened.body.dueOn).toBe(addDays(today, 15));
    expect(opened.body.steps[0]).toMatchObject({
      fromStage: 'home_check',
      toStage: 'cross_check',
      actorName: '村网格员',
    });
    caseId = opened.body.id;
    version = opened.body.version;
    const lead = await call('village_guanzhuang', 'GET', `/api/leads/${first.body.id}`);
    expect(lead.body).toMatchObject({ status: 'case_opened', caseId });
  });

  it('lets only the acting level move each step, and enforces the category and the notice period', async () => {
    expect((await act('village_guanzhuang', 'advance')).status).toBe(409); // cross-check is the township's
    expect((await act('township_missing', 'advance')).status).toBe(401);
    expect((await act('town_guanzhuang', 'advance')).body.stage).toBe('village_review');
    const noCategory = await act('village_guanzhuang', 'advance');
    expect(noCategory.status).toBe(409);
    expect(noCategory.body.message).toContain('类别');
    // A category that contradicts the household's type is refused, nothing changed.
    const before = await t.database.db
      .selectFrom('monitoring_case')
      .select('previous_household_type')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const wrong = before.previous_household_type === 'exited_poverty' ? 'marginal' : 'unstable_ex_poor';
    const contradicting = await call('village_guanzhuang', 'PATCH', `/api/cases/${caseId}`, {
      version,
      category: wrong,
    });
    expect(contradicting.status).toBe(400);
    expect(contradicting.body.details).toMatchObject({ field: 'category' });
    const classified = await call('village_guanzhuang', 'PATCH', `/api/cases/${caseId}`, {
      version,
      category: before.previous_household_type === 'exited_poverty' ? 'unstable_ex_poor' : 'marginal',
      risks: [{ type: 'illness' }, { type: 'natural_disaster', subtype: 'flood' }],
    });
    expect(classified.status).toBe(200);
    version = classified.body.version;
    const notice = await act('village_guanzhuang', 'advance', '村民代表会议评议通过');
    expect(notice.body).toMatchObject({
      stage: 'public_notice',
      noticeStartsOn: today,
      noticeEndsOn: addDays(today, 5),
    });
    const early = await act('village_guanzhuang', 'advance');
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('公示期');
    // The case says what comes next: the submit is shown disabled with the day it opens, by the same rule.
    const during = await call('village_guanzhuang', 'GET', `/api/cases/${caseId}`);
    expect(during.body.allowedActions).not.toContain('advance');
    expect(during.body.blockedActions).toEqual([
      { action: 'advance', reason: expect.stringContaining('公示期'), opensOn: addDays(today, 5) },
    ]);
    expect(during.body.nextStep).toMatchObject({
      actors: ['village', 'township'],
      opensOn: addDays(today, 5),
    });
    expect(during.body.nextStep.byOn).toBe(during.body.dueOn);
    expect(during.body.canAssignHelper).toBe(false);
    const byTown = await call('town_guanzhuang', 'GET', `/api/cases/${caseId}`);
    expect(byTown.body.canAssignHelper).toBe(true);
    // Five days pass.
    await t.database.db
      .updateTable('monitoring_case')
      .set({ notice_starts_on: addDays(today, -5) })
      .where('id', '=', caseId)
      .execute();
    expect((await act('village_guanzhuang', 'advance')).body.stage).toBe('town_review');
  });

  it('lets one of two approvers acting at once succeed; the other gets a conflict', async () => {
    const [a, b] = await Promise.all([
      call('town_guanzhuang', 'POST', `/api/cases/${caseId}/actions`, { version, action: 'advance' }),
      call('town_guanzhuang', 'POST', `/api/cases/${caseId}/actions`, { version, action: 'advance' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    version = winner.body.version;
    expect(winner.body.stage).toBe('county_approval');
    const steps = winner.body.steps.filter((s: { toStage: string }) => s.toStage === 'county_approval');
    expect(steps).toHaveLength(1);
  });

  it('refuses another county, and a sent-back step needs a reason', async () => {
    expect((await act('county_wolong', 'advance')).status).toBe(404);
    expect((await act('county_wancheng', 'return')).status).toBe(400);
    const back = await act('county_wancheng', 'return', '材料不全');
    expect(back.body.stage).toBe('town_review');
    expect((await act('town_guanzhuang', 'advance')).body.stage).toBe('county_approval');
  });

  it('county approval makes it a 监测户; the announcement starts monitoring', async () => {
    const approved = await act('county_wancheng', 'advance', '同意纳入');
    expect(approved.body).toMatchObject({
      stage: 'announcement',
      identifiedOn: today,
      householdType: 'monitored',
    });
    const monitored = await act('town_guanzhuang', 'advance', '已公告');
    expect(monitored.body.stage).toBe('monitored');
    expect(monitored.body.criteria).not.toBeNull();
    expect(monitored.body.allowedActions).toContain('measures');
  });

  it('records measures, assigns a helper who then sees the household, and checks the measure rule', async () => {
    const householdId = hh(0);
    await secure(householdId);
    const health = await call('village_guanzhuang', 'POST', `/api/cases/${caseId}/measures`, {
      category: 'health',
      item: '医疗救助',
      startsOn: today,
    });
    expect(health.status).toBe(201);
    let detail = await call('village_guanzhuang', 'GET', `/api/cases/${caseId}`);
    expect(detail.body.measureProblem).toBe('labour_without_developmental');
    const job = await call('village_guanzhuang', 'POST', `/api/cases/${caseId}/measures`, {
      category: 'employment',
      item: '外出务工交通补贴',
      startsOn: today,
      amount: '500',
    });
    expect(job.body.amount).toBe('500.00');
    // Money is a decimal string: a JSON number or a third decimal is refused, and nothing is stored.
    for (const amount of [500, '12.345']) {
      const refused = await call('village_guanzhuang', 'POST', `/api/cases/${caseId}/measures`, {
        category: 'employment',
        item: '交通补贴',
        startsOn: today,
        amount,
      });
      expect(refused.status).toBe(400);
    }
    detail = await call('village_guanzhuang', 'GET', `/api/cases/${caseId}`);
    expect(detail.body.measureProblem).toBeNull();
    const stale = await call('village_guanzhuang', 'PATCH', `/api/measures/${job.body.id}`, {
      version: 99,
      item: '改',
    });
    expect(stale.status).toBe(409);

    expect((await call('helper_demo', 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    const helpers = await call('town_guanzhuang', 'GET', '/api/helpers');
    const helperId = helpers.body.find((h: { username: string }) => h.username === 'helper_demo').userId;
    const assigned = await call('town_guanzhuang', 'POST', '/api/helper-assignments', {
      householdIds: [householdId, hh(1)],
      userId: helperId,
    });
    expect(assigned.body).toEqual({ assigned: 2, ended: 0 });
    const again = await call('town_guanzhuang', 'POST', '/api/helper-assignments', {
      householdIds: [householdId],
      userId: helperId,
    });
    expect(again.body).toEqual({ assigned: 0, ended: 0 });
    const seen = await call('helper_demo', 'GET', `/api/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.helperNames).toEqual(['帮扶责任人']);
    expect(seen.body.allowedActions).toEqual([]);
  });

  it('refuses elimination until the criteria hold, naming the unmet ones', async () => {
    const early = await call('village_guanzhuang', 'POST', `/api/cases/${caseId}/elimination`, {
      version,
      mode: 'assisted',
      note: '入户核实',
    });
    expect(early.status).toBe(409);
    expect(early.body.details.unmet).toContain('monitored_half_year');
  });

  it('eliminates through home check, notice, township review and county approval', async () => {
    const householdId = hh(0);
    const before = await t.database.db
      .selectFrom('household')
      .select('household_type')
      .where('id', '=', householdId)
      .executeTakeFirstOrThrow();
    expect(before.household_type).toBe('monitored');
    await t.database.db
      .updateTable('monitoring_case')
      .set({ identified_on: addMonths(today, -7) })
      .where('id', '=', caseId)
      .execute();
    await setIncome(householdId, 20000);
    const detail = await call('village_guanzhuang', 'GET', `/api/cases/${caseId}`);
    expect(detail.body.criteria.assisted.length).toBeGreaterThan(0);
    expect(detail.body.criteria.assisted.every((c: { met: boolean }) => c.met)).toBe(true);
    version = detail.body.version;
    const requested = await call('village_guanzhuang', 'POST', `/api/cases/${caseId}/elimination`, {
      version,
      mode: 'assisted',
      note: '收入稳定',
    });
    expect(requested.status).toBe(200);
    expect(requested.body.stage).toBe('elim_home_check');
    version = requested.body.version;
    expect((await act('village_guanzhuang', 'advance', '入户核实')).body.stage).toBe('elim_public_notice');
    await t.database.db
      .updateTable('monitoring_case')
      .set({ notice_starts_on: addDays(today, -5) })
      .where('id', '=', caseId)
      .execute();
    expect((await act('village_guanzhuang', 'advance')).body.stage).toBe('elim_town_review');
    expect((await act('town_guanzhuang', 'advance')).body.stage).toBe('elim_county_approval');
    const done = await act('county_wancheng', 'advance', '同意消除');
    expect(done.body).toMatchObject({
      stage: 'eliminated',
      eliminatedOn: today,
      eliminationMode: 'assisted',
    });
    expect(done.body.householdType).not.toBe('monitored');
  });

  it('the monthly cycle rolls the household back when its risk returns, once', async () => {
    const householdId = hh(0);
    await setIncome(householdId, 1000);
    const month = monthOf(today);
    const first = await t.services.cycle.run(systemActor('test'), month, { wait: true });
    expect(first.status).toBe('finished');
    expect(first.rolledBack).toBe(1);
    const second = await t.services.cycle.run(systemActor('test'), month, { wait: true });
    expect(second.rolledBack).toBe(0);
    const cases = await call('village_guanzhuang', 'GET', '/api/cases?group=monitoring');
    const rolled = cases.body.items.find((c: { householdId: number }) => c.householdId === householdId);
    expect(rolled).toBeDefined();
    const rolledDetail = await call('village_guanzhuang', 'GET', `/api/cases/${rolled.id}`);
    expect(rolledDetail.body).toMatchObject({
      rolledBackFrom: caseId,
      householdType: 'monitored',
      category: 'marginal',
    });
    const evaluations = await sql<{
      n: number;
    }>`select count(*)::int as n from case_evaluation where month = ${month}`.execute(t.database.db);
    expect(evaluations.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it("tells the household's whole story on its timeline", async () => {
    const timeline = await call('village_guanzhuang', 'GET', `/api/households/${hh(0)}/timeline`);
    const kinds = new Set(timeline.body.map((e: { kind: string }) => e.kind));
    for (const kind of ['lead', 'case_step', 'measure', 'income', 'helper']) {
      expect(kinds).toContain(kind);
    }
  });
});

describe('visits', () => {
  it('stores a visit once however often it is sent, and raises a lead for a new risk', async () => {
    const householdId = hh(1);
    const visit = {
      id: randomUUID(),
      householdId,
      visitedOn: today,
      incomeChanged: true,
      incomeNote: '务工收入减少',
      newRisks: ['unstable_employment'],
      note: '返乡',
    };
    const first = await call('helper_demo', 'POST', '/api/visits', visit);
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    const again = await call('helper_demo', 'POST', '/api/visits', visit);
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    const visits = await call('helper_demo', 'GET', `/api/households/${householdId}/visits`);
    expect(visits.body).toHaveLength(1);
    const lead = await call('village_guanzhuang', 'GET', `/api/leads/${first.body.visit.leadId}`);
    expect(lead.body).toMatchObject({ householdId, source: 'visit', reasons: ['risk_unstable_employment'] });
    const due = await call('helper_demo', 'GET', '/api/visits/due');
    const item = due.body.items.find((d: { householdId: number }) => d.householdId === householdId);
    expect(item).toMatchObject({ lastVisitedOn: today, isOverdue: false });
    expect(item.dueOn).toBe(addMonths(today, item.cadenceMonths));
  });

  it('joins the live case when a visit reports the risk the household is already monitored for', async () => {
    const live = await t.database.db
      .selectFrom('monitoring_case')
      .select(['id', 'risks'])
      .where('household_id', '=', hh(0))
      .where('stage', 'not in', ['eliminated', 'rejected'])
      .executeTakeFirstOrThrow();
    const risk = (live.risks as Array<{ type: string }>)[0]?.type;
    expect(risk).toBeDefined();
    const leadsBefore = await t.database.db
      .selectFrom('lead')
      .select('id')
      .where('household_id', '=', hh(0))
      .execute();
    const visit = await call('village_guanzhuang', 'POST', '/api/visits', {
      id: randomUUID(),
      householdId: hh(0),
      visitedOn: today,
      incomeChanged: false,
      newRisks: [risk],
      note: '病情反复',
    });
    expect(visit.status).toBe(201);
    expect(visit.body.visit).toMatchObject({ caseId: Number(live.id), leadId: null });
    const leadsAfter = await t.database.db
      .selectFrom('lead')
      .select('id')
      .where('household_id', '=', hh(0))
      .execute();
    expect(leadsAfter).toHaveLength(leadsBefore.length);
  });

  it('follows the cadence an administrator sets per household type', async () => {
    const policy = await call('city_admin', 'GET', '/api/visits/policy');
    expect(policy.body).toContainEqual({ householdType: 'ordinary', months: 6 });
    const changed = await call('city_admin', 'PUT', '/api/visits/policy', [
      { householdType: 'ordinary', months: 4 },
    ]);
    expect(changed.body).toContainEqual({ householdType: 'ordinary', months: 4 });
    expect((await call('county_wancheng', 'PUT', '/api/visits/policy', [])).status).toBe(403);
    const due = await call('village_guanzhuang', 'GET', '/api/visits/due?pageSize=50');
    const ordinary = due.body.items.filter((d: { householdType: string }) => d.householdType === 'ordinary');
    expect(ordinary.length).toBeGreaterThan(0);
    expect(ordinary.every((d: { cadenceMonths: number }) => d.cadenceMonths === 4)).toBe(true);
  });

  it('refuses a visit to a household the helper is not assigned, and a date in the future', async () => {
    const other = await call('helper_demo', 'POST', '/api/visits', {
      id: randomUUID(),
      householdId: hh(5),
      visitedOn: today,
    });
    expect(other.status).toBe(404);
    const future = await call('village_guanzhuang', 'POST', '/api/visits', {
      id: randomUUID(),
      householdId: hh(5),
      visitedOn: addDays(today, 1),
    });
    expect(future.status).toBe(400);
  });

  it('accepts a photo whose bytes match its type, once per id, and refuses anything else', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const photo = {
      id: randomUUID(),
      householdId: hh(2),
      filename: '门前.png',
      mimeType: 'image/png',
      contentBase64: png.toString('base64'),
    };
    const first = await call('village_guanzhuang', 'POST', '/api/attachments', photo);
    expect(first.status).toBe(201);
    expect((await call('village_guanzhuang', 'POST', '/api/attachments', photo)).status).toBe(201);
    const lying = await call('village_guanzhuang', 'POST', '/api/attachments', {
      ...photo,
      id: randomUUID(),
      contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
    });
    expect(lying.status).toBe(400);
    const file = await t.app.inject({
      url: `/api/attachments/${photo.id}`,
      headers: { cookie: cookie.village_guanzhuang },
    });
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(png)).toBe(true);
  });
});

describe('deadlines and data quality', () => {
  it('shows late leads and cases per child region, and lists quality issues that link to households', async () => {
    const householdId = hh(3);
    const lead = await call('village_guanzhuang', 'POST', '/api/leads', {
      householdId,
      reasons: ['income_drop'],
      note: '旧线索',
    });
    await t.database.db
      .updateTable('lead')
      .set({ found_on: addDays(today, -20) })
      .where('id', '=', lead.body.id)
      .execute();
    const late = await call('village_guanzhuang', 'GET', '/api/leads?overdue=true');
    expect(late.body.items.map((l: { id: number }) => l.id)).toContain(lead.body.id);

    const summary = await call('town_guanzhuang', 'GET', '/api/cases/summary');
    const village = summary.body.children.find((c: { regionCode: string }) => c.regionCode === VILLAGE);
    expect(village.lateLeads).toBeGreaterThanOrEqual(1);
    expect(village.monitored).toBeGreaterThanOrEqual(1);
    expect(summary.body.total.openLeads).toBeGreaterThanOrEqual(village.openLeads);

    // The rolled-back case has no measure of its own after a month: 1_11_010.
    await t.database.db
      .updateTable('monitoring_case')
      .set({ identified_on: addMonths(today, -2) })
      .where('household_id', '=', hh(0))
      .where('stage', '=', 'monitored')
      .execute();
    const quality = await call('town_guanzhuang', 'GET', '/api/quality?rule=no_measure_after_month');
    expect(quality.body.counts.no_measure_after_month).toBeGreaterThanOrEqual(1);
    expect(quality.body.items.map((i: { householdId: number }) => i.householdId)).toContain(hh(0));
    const elsewhere = await call('county_wolong', 'GET', '/api/quality');
    expect(elsewhere.body.total).toBe(0);

    // A category that contradicts the household type (written before the check existed) is caught.
    await t.database.db
      .updateTable('monitoring_case')
      .set({ category: 'unstable_ex_poor', previous_household_type: 'ordinary' })
      .where('household_id', '=', hh(0))
      .where('stage', '=', 'monitored')
      .execute();
    const contradiction = await call('town_guanzhuang', 'GET', '/api/quality?rule=category_contradicts_type');
    expect(contradiction.body.items.map((i: { householdId: number }) => i.householdId)).toContain(hh(0));
  });
});
