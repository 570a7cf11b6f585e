import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/services/actor.js';
import { clock } from '../src/shared/clock.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { households: 1500, date: clock().today() });
  await t.services.demoCases.seedCases(systemActor('test'));
});
afterAll(async () => {
  await t?.close();
});

describe('microcredit demo data', () => {
  it('seeds loans in every state once, with their measures, so the pages show live figures', async () => {
    const first = await t.services.demoCredit.seedCredit(systemActor('test'));
    expect(first.loans).toBeGreaterThan(5);
    expect((await t.services.demoCredit.seedCredit(systemActor('test'))).loans).toBe(0);
    const statuses = await t.database.db.selectFrom('loan').select('status').distinct().execute();
    expect(statuses.map((s) => s.status)).toContain('normal');
    const bank = await t.login('bank_demo');
    const loans = await t.app.inject({ url: '/api/credit/loans?pageSize=200', headers: { cookie: bank } });
    expect(loans.json().total).toBeGreaterThan(0);
    const town = await t.login('county_wancheng');
    const ledger = await t.app.inject({
      url: '/api/credit/subsidy-ledger',
      headers: { cookie: town },
    });
    expect(Number(ledger.json().totals.subsidy)).toBeGreaterThan(0);
    const indicators = await t.app.inject({ url: '/api/credit/indicators', headers: { cookie: town } });
    expect(indicators.json().items.length).toBeGreaterThan(0);
  });
});
