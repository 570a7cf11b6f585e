import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextVisitDue } from '../src/server/domain/visit-cadence.js';
import { addDays, addMonths, monthOf, shanghaiToday } from '../src/shared/calendar.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const today = shanghaiToday();
let t: TestApp;
let cookie = '';

async function get(url: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function overdueEverywhere() {
  const due = await get('/api/visits/due?overdueOnly=true&pageSize=1');
  const check = await get(`/api/self-checks?month=${monthOf(today)}`);
  const item = check.items.find((i: { code: string }) => i.code === 'visits_overdue');
  const refreshed = await t.app.inject({
    method: 'POST',
    url: '/api/reports/monthly/refresh',
    headers: { cookie },
    payload: { month: monthOf(today) },
  });
  expect(refreshed.statusCode).toBeLessThan(300);
  const summary = await get(`/api/reports/monthly?month=${monthOf(today)}`);
  return { list: due.total, selfCheck: item.count, summary: summary.total.visitsOverdue };
}

beforeAll(async () => {
  t = await createTestApp({}, { households: 120, date: today });
  cookie = await t.login('city_admin');
});

afterAll(async () => {
  await t?.close();
});

describe('the first visit of a new household', () => {
  it('is due one cadence after the household entered, not on that day', () => {
    expect(nextVisitDue(null, 1, '2026-01-31')).toBe('2026-02-28');
    expect(nextVisitDue(null, 6, '2026-03-10')).toBe('2026-09-10');
    expect(nextVisitDue('2026-04-02', 3, '2025-01-01')).toBe('2026-07-02');
  });

  it('leaves a registry loaded today with nothing overdue: due list, self-check and monthly figures agree', async () => {
    const list = await get('/api/visits/due?pageSize=100');
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      expect(item.lastVisitedOn).toBeNull();
      expect(item.dueOn).toBe(addMonths(today, item.cadenceMonths));
      expect(item.isOverdue).toBe(false);
    }
    expect(await overdueEverywhere()).toEqual({ list: 0, selfCheck: 0, summary: 0 });
  });

  it('counts a never-visited household overdue once its first cadence has passed', async () => {
    const db = t.database.db;
    const monthly = await db
      .selectFrom('household')
      .select('id')
      .where('household_type', 'in', ['exited_poverty', 'monitored'])
      .orderBy('id')
      .limit(3)
      .execute();
    expect(monthly).toHaveLength(3);
    const [late, ...rest] = monthly.map((h) => h.id);
    // Entered 40 days ago: the monthly first visit was due 10 days ago.
    await db
      .updateTable('household')
      .set({ created_at: sql`${`${addDays(today, -40)}T12:00:00+08:00`}::timestamptz` })
      .where(
        'id',
        'in',
        monthly.map((h) => h.id),
      )
      .execute();
    // One of them was visited last week, one 20 days ago: neither is overdue.
    await db
      .updateTable('household')
      .set({ last_visited_on: addDays(today, -7) })
      .where('id', '=', rest[0] ?? 0)
      .execute();
    await db
      .updateTable('household')
      .set({ last_visited_on: addDays(today, -20) })
      .where('id', '=', rest[1] ?? 0)
      .execute();
    expect(await overdueEverywhere()).toEqual({ list: 1, selfCheck: 1, summary: 1 });
    const due = await get('/api/visits/due?overdueOnly=true');
    expect(due.items[0]).toMatchObject({
      householdId: late,
      dueOn: addMonths(addDays(today, -40), 1),
      isOverdue: true,
    });
  });
});
