import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/services/actor.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const DATE = '2026-11-15';
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({}, { households: 900, date: DATE });
  admin = await t.login('city_admin');
});
afterAll(async () => {
  await t.close();
});

/** Starts a run through the API (202, status running) and polls it until it ends, as the web app does. */
async function run(cookie: string, body: Record<string, unknown>) {
  const started = await t.app.inject({
    method: 'POST',
    url: '/api/screening/runs',
    headers: { cookie },
    payload: body,
  });
  if (started.statusCode !== 202) {
    return started;
  }
  expect(started.json().status).toBe('running');
  for (;;) {
    const polled = await t.app.inject({
      url: `/api/screening/runs/${started.json().id}`,
      headers: { cookie },
    });
    if (polled.json().status !== 'running') {
      return polled;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('screening', () => {
  it('screens the whole city in one run, recorded with its rule version and counts', async () => {
    const response = await run(admin, { date: DATE });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({
      status: 'finished',
      kind: 'routine',
      scopeCode: '411300000000',
      line: '8300.00',
      ruleVersion: 1,
    });
    expect(result.householdsScreened).toBe(900);
    expect(result.leadsCreated).toBeGreaterThan(0);
    expect(result.windowStart).toBe('2025-11-01');
    expect(result.windowEnd).toBe('2026-10-31');
    // Calibration of the generated population: a few percent under the line.
    expect(result.reasonCounts.income_below_line / 900).toBeGreaterThan(0.01);
    expect(result.reasonCounts.income_below_line / 900).toBeLessThan(0.15);
  });

  it('gives exactly the leads that the per-household rules give (SQL agrees with the domain functions)', async () => {
    const leads = await t.database.db
      .selectFrom('lead')
      .select(['household_id', 'reasons'])
      .where('status', '=', 'open')
      .execute();
    const bySql = new Map(leads.map((l) => [l.household_id, [...(l.reasons as string[])].sort()]));
    const ids = await t.database.db.selectFrom('household').select('id').orderBy('id').execute();
    let checked = 0;
    for (const { id } of ids) {
      const detail = await t.services.households.get(systemActor(), id, DATE);
      const expected = [...detail.screeningReasons].sort();
      expect({ id, reasons: bySql.get(id) ?? [] }).toEqual({ id, reasons: expected });
      checked++;
    }
    expect(checked).toBe(900);
  });

  it('keeps one open lead per household across runs', async () => {
    const before = await t.database.db
      .selectFrom('lead')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const again = (await run(admin, { date: DATE })).json();
    expect(again.leadsCreated).toBe(0);
    expect(again.leadsUpdated).toBe(before.n);
    const after = await t.database.db
      .selectFrom('lead')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    // A lead's facts keep the amounts as decimal text, never JSON numbers.
    const lead = await t.database.db
      .selectFrom('lead')
      .select('facts')
      .where('source', '=', 'screening')
      .where('run_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(lead.facts).toMatchObject({
      perCapita: expect.stringMatching(/^-?\d+\.\d{2}$/),
      previousPerCapita: expect.stringMatching(/^-?\d+\.\d{2}$/),
      medicalOutOfPocket: expect.stringMatching(/^\d+\.\d{2}$/),
      line: '8300.00',
    });
  });

  it('applies rules and lines an administrator changes, as a new version', async () => {
    const rules = (await t.app.inject({ url: '/api/screening/rules', headers: { cookie: admin } })).json();
    const county = await t.login('county_wancheng');
    const denied = await t.app.inject({
      method: 'PUT',
      url: '/api/screening/rules',
      headers: { cookie: county },
      payload: rules.rules,
    });
    expect(denied.statusCode).toBe(403);
    const stricter = { ...rules.rules, nearLine: { enabled: true, marginPercent: 60 } };
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/screening/rules',
      headers: { cookie: admin },
      payload: stricter,
    });
    expect(saved.json().version).toBe(2);
    const line = await t.app.inject({
      method: 'PUT',
      url: '/api/screening/lines',
      headers: { cookie: admin },
      payload: { province: '河南', year: 2026, amount: '9000', note: 'test' },
    });
    expect(line.statusCode).toBe(200);
    expect(line.json()).toMatchObject({ amount: '9000.00' });
    for (const amount of ['12.345', 9000, '0', '1000000.01']) {
      const refused = await t.app.inject({
        method: 'PUT',
        url: '/api/screening/lines',
        headers: { cookie: admin },
        payload: { province: '河南', year: 2026, amount },
      });
      expect(refused.statusCode, String(amount)).toBe(400);
    }
    const result = (await run(admin, { date: DATE })).json();
    expect(result).toMatchObject({ ruleVersion: 2, line: '9000.00' });
    expect(result.reasonCounts.income_near_line).toBeGreaterThan(0);
    const audit = await t.app.inject({
      url: '/api/audit?action=screening.rules_update',
      headers: { cookie: admin },
    });
    expect(audit.json().items[0].newValues.nearLine.marginPercent).toBe(60);
  });

  it('runs a township’s screening over its own households only', async () => {
    const town = await t.login('town_guanzhuang');
    const result = (await run(town, { date: DATE })).json();
    const inTown = await t.database.db
      .selectFrom('household')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('region_code', 'like', '411302102%')
      .executeTakeFirstOrThrow();
    expect(result.householdsScreened).toBe(inTown.n);
    const outside = await run(town, { date: DATE, scopeCode: '411302000000' });
    expect(outside.statusCode).toBe(404);
    const townRuns = (await t.app.inject({ url: '/api/screening/runs', headers: { cookie: town } })).json();
    expect(townRuns.map((r: { scopeCode: string }) => r.scopeCode)).toEqual([result.scopeCode]);
    expect(townRuns[0].scopeName).toBe('官庄镇');
    const wolong = await t.login('county_wolong');
    expect((await t.app.inject({ url: '/api/screening/runs', headers: { cookie: wolong } })).json()).toEqual(
      [],
    );
  });

  it('tracks a concentrated round with deadlines and progress per county and town', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/screening/rounds',
      headers: { cookie: admin },
      payload: {
        name: '2026年第二轮集中排查',
        scopeCode: '411300000000',
        startsOn: '2026-11-01',
        screenBy: '2026-11-30',
      },
    });
    expect(created.statusCode).toBe(201);
    const roundId = created.json().id as number;
    const result = (await run(admin, { date: DATE, roundId })).json();
    expect(result.kind).toBe('concentrated');
    const progress = (
      await t.app.inject({ url: `/api/screening/rounds/${roundId}/progress`, headers: { cookie: admin } })
    ).json();
    const total = progress.towns.reduce((sum: number, r: { households: number }) => sum + r.households, 0);
    expect(total).toBe(900);
    const leads = progress.towns.reduce((sum: number, r: { leads: number }) => sum + r.leads, 0);
    expect(leads).toBe(result.leadsCreated + result.leadsUpdated);
    const wolong = await t.login('county_wolong');
    const countyView = (
      await t.app.inject({ url: `/api/screening/rounds/${roundId}/progress`, headers: { cookie: wolong } })
    ).json();
    expect(countyView.towns.length).toBeGreaterThan(0);
    expect(countyView.towns.every((r: { countyCode: string }) => r.countyCode === '411303000000')).toBe(true);
  });
});
