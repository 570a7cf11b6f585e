import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import type { WorksetResponse } from '../src/shared/workset.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

/** The demo users' village (东岗村 of 官庄工区, 宛城区). */
const VILLAGE = '411302102201';
const today = clock().today();

let t: TestApp;
const cookie: Record<string, string> = {};
let villageIds: number[] = [];
let helperIds: number[] = [];

async function call(user: string, method: string, url: string, payload?: unknown) {
  const response = await t.app.inject({
    method: method as 'GET',
    url,
    headers: { cookie: cookie[user] ?? '' },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.json(), raw: response.body };
}

const workset = async (user: string, since?: string) => {
  const r = await call(user, 'GET', `/api/sync/workset${since ? `?since=${encodeURIComponent(since)}` : ''}`);
  expect(r.status).toBe(200);
  return r.body as WorksetResponse;
};

/** Moves every timestamp the work set looks at an hour back, so "changed since" starts from a quiet database. */
async function quiet() {
  const db = t.database.db;
  const hourAgo = sql<Date>`now() - interval '1 hour'`;
  await db.updateTable('household').set({ updated_at: hourAgo, created_at: hourAgo }).execute();
  await db.updateTable('person').set({ updated_at: hourAgo }).execute();
  await db.updateTable('visit').set({ created_at: hourAgo }).execute();
  await db.updateTable('lead').set({ updated_at: hourAgo }).execute();
  await db.updateTable('helper_assignment').set({ created_at: hourAgo }).execute();
  await db.updateTable('visit_policy').set({ updated_at: hourAgo }).execute();
}

beforeAll(async () => {
  t = await createTestApp({}, { households: 200, date: today });
  for (const user of [
    'village_guanzhuang',
    'town_guanzhuang',
    'county_wolong',
    'helper_demo',
    'city_admin',
  ]) {
    cookie[user] = await t.login(user);
  }
  const list = await call('city_admin', 'GET', '/api/households?regionCode=411302000000&pageSize=6');
  villageIds = list.body.items.map((h: { id: number }) => h.id).sort((a: number, b: number) => a - b);
  expect(villageIds).toHaveLength(6);
  await t.database.db
    .updateTable('household')
    .set({ region_code: VILLAGE, town_code: `${VILLAGE.slice(0, 9)}000`, county_code: '411302000000' })
    .where('id', 'in', villageIds)
    .execute();
  const helpers = await call('town_guanzhuang', 'GET', '/api/helpers');
  const helperId = helpers.body.find((h: { username: string }) => h.username === 'helper_demo').userId;
  helperIds = villageIds.slice(0, 2);
  const assigned = await call('town_guanzhuang', 'POST', '/api/helper-assignments', {
    householdIds: helperIds,
    userId: helperId,
  });
  expect(assigned.status).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

describe('the offline work set', () => {
  it('gives a helper only their assigned households, with key facts and masked ID numbers', async () => {
    const set = await workset('helper_demo');
    expect(set.full).toBe(true);
    expect(set.scopeIds).toEqual(helperIds);
    expect(set.households.map((h) => h.id)).toEqual(helperIds);
    const household = set.households[0];
    expect(household?.members.length).toBeGreaterThan(0);
    for (const m of household?.members ?? []) {
      expect(m.idMasked).toMatch(/\*/);
      expect(Object.keys(m).sort()).toEqual(
        ['health', 'id', 'idMasked', 'labourSkill', 'name', 'relation', 'sex'].sort(),
      );
    }
    expect(household?.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives a village cadre the whole village and nothing outside it, and another county none of it', async () => {
    const village = await workset('village_guanzhuang');
    expect(villageIds.length).toBeGreaterThan(0);
    for (const id of villageIds) {
      expect(village.scopeIds).toContain(id);
    }
    expect(village.households.length).toBeGreaterThan(0);
    expect(village.households.every((h) => h.regionCode === VILLAGE)).toBe(true);
    const wolong = await workset('county_wolong');
    expect(wolong.scopeIds.some((id) => villageIds.includes(id))).toBe(false);
    expect(wolong.households.length).toBeGreaterThan(0);
    expect(wolong.households.every((h) => h.regionCode.startsWith('411303'))).toBe(true);
    // Roles that do not visit households have no work set.
    expect((await call('city_admin', 'GET', '/api/sync/workset')).status).toBe(403);
  });

  it('refreshes only the households changed since the cursor, with new visits and leads', async () => {
    await quiet();
    const base = await workset('helper_demo');
    const unchanged = await workset('helper_demo', base.cursor);
    expect(unchanged.full).toBe(false);
    expect(unchanged.households).toEqual([]);
    expect(unchanged.scopeIds).toEqual(helperIds);

    const householdId = helperIds[1] as number;
    const visit = {
      id: randomUUID(),
      householdId,
      visitedOn: today,
      incomeChanged: true,
      newRisks: ['unstable_employment'],
      note: '返乡',
    };
    expect((await call('helper_demo', 'POST', '/api/visits', visit)).status).toBe(201);
    const changed = await workset('helper_demo', base.cursor);
    expect(changed.households.map((h) => h.id)).toEqual([householdId]);
    const h = changed.households[0];
    expect(h?.lastVisits[0]).toMatchObject({
      id: visit.id,
      visitedOn: today,
      newRisks: ['unstable_employment'],
    });
    expect(h?.lastVisitedOn).toBe(today);
    expect(h?.openLeads).toHaveLength(1);
    expect(h?.openLeads[0]?.reasons).toEqual(['risk_unstable_employment']);
  });

  it('lists the households that left the scope by leaving them out of scopeIds', async () => {
    await quiet();
    const base = await workset('helper_demo');
    await t.database.db
      .updateTable('helper_assignment')
      .set({ ends_on: addDays(today, -1) })
      .where('household_id', '=', helperIds[0] as number)
      .execute();
    const after = await workset('helper_demo', base.cursor);
    expect(after.scopeIds).toEqual([helperIds[1]]);
    expect(after.households).toEqual([]);
  });

  it('sends everything again when the visit cadence changed (every due date moves)', async () => {
    await quiet();
    const base = await workset('village_guanzhuang');
    await call('city_admin', 'PUT', '/api/visits/policy', [{ householdType: 'ordinary', months: 4 }]);
    const after = await workset('village_guanzhuang', base.cursor);
    expect(after.full).toBe(true);
    expect(after.households.length).toBe(after.scopeIds.length);
  });

  it('refuses a malformed cursor', async () => {
    expect((await call('helper_demo', 'GET', '/api/sync/workset?since=yesterday')).status).toBe(400);
  });
});
