import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perHousehold } from '../src/server/services/linkage.service.js';
import { clock } from '../src/shared/clock.js';
import { newCase, newHousehold } from './helpers/factories.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let town: string;
let village: string;
let wolong: string;
let today: string;
let year: number;
let operatorId: number;

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

beforeAll(async () => {
  today = clock().today();
  year = Number(today.slice(0, 4));
  t = await createTestApp({}, { households: 50, date: today });
  town = await t.login('town_guanzhuang');
  village = await t.login('village_guanzhuang');
  wolong = await t.login('county_wolong');
  const coop = await send('POST', '/api/operators', town, {
    regionCode: '411302102201',
    name: '东岗村艾草种植专业合作社',
    operatorType: 'cooperative',
  });
  operatorId = coop.json().id;
});
afterAll(async () => {
  await t.close();
});

describe('farmer linkage (联农带农)', () => {
  it('divides a total among households exactly, to the fen', () => {
    expect(perHousehold('1000.00', 3)).toBe('333.33');
    expect(perHousehold('2000.00', 3)).toBe('666.67');
    expect(perHousehold('0.05', 2)).toBe('0.03');
    expect(perHousehold('1234567.8', 1)).toBe('1234567.80');
    expect(perHousehold('0', 0)).toBe('0.00');
  });

  it('records an agreement, links households, counts linkage from the payments and flags the unpaid', async () => {
    const bad = await send('POST', '/api/linkages', town, {
      operatorId,
      mode: 'order_farming',
      startedOn: `${year}-01-01`,
      endedOn: `${year - 1}-12-31`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('不能早于开始日期');

    const created = await send('POST', '/api/linkages', town, {
      operatorId,
      mode: 'order_farming',
      startedOn: `${year - 1}-03-01`,
      terms: '保底收购价 3.2 元/斤',
    });
    expect(created.statusCode).toBe(200);
    const agreement = created.json();
    expect(agreement).toMatchObject({
      operatorName: '东岗村艾草种植专业合作社',
      regionName: '东岗村',
      mode: 'order_farming',
      year,
      linked: { total: 0 },
      totalBenefit: '0.00',
      households: [],
    });

    const exited = await newHousehold(t, today, { householdType: 'exited_poverty', headName: '带农甲' });
    const monitored = await newHousehold(t, today, { householdType: 'monitored', headName: '带农乙' });
    // The monitored household's live case receives the link as an industry measure, entered once.
    const c = await newCase(t, today, { householdId: monitored.id });
    await t.database.db
      .updateTable('monitoring_case')
      .set({ stage: 'monitored', identified_on: `${year}-01-15` })
      .where('id', '=', c.id)
      .execute();

    for (const h of [exited, monitored]) {
      const linked = await send('POST', `/api/linkages/${agreement.id}/households`, town, {
        householdId: h.id,
        year,
      });
      expect(linked.statusCode).toBe(200);
    }
    const twice = await send('POST', `/api/linkages/${agreement.id}/households`, town, {
      householdId: exited.id,
      year,
    });
    expect(twice.statusCode).toBe(409);
    const early = await send('POST', `/api/linkages/${agreement.id}/households`, town, {
      householdId: exited.id,
      year: year - 2,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('起执行');

    const measures = await t.database.db
      .selectFrom('assistance_measure')
      .select(['category', 'item', 'source_kind'])
      .where('case_id', '=', c.id)
      .execute();
    expect(measures).toContainEqual({
      category: 'industry',
      item: '联农带农（订单生产）：东岗村艾草种植专业合作社',
      source_kind: 'linkage',
    });

    // A payment to a household not on the year's list is refused; a future date too.
    const stranger = await newHousehold(t, today, { householdType: 'exited_poverty' });
    const notLinked = await send('POST', `/api/linkages/${agreement.id}/benefits`, town, {
      householdId: stranger.id,
      paidOn: today,
      benefitType: 'purchase',
      amount: '100.00',
    });
    expect(notLinked.statusCode).toBe(400);
    expect(notLinked.json().message).toContain('请先登记带动农户');
    const float = await send('POST', `/api/linkages/${agreement.id}/benefits`, town, {
      householdId: exited.id,
      paidOn: today,
      benefitType: 'purchase',
      amount: 100.5,
    });
    expect(float.statusCode).toBe(400);

    for (const amount of ['1200.50', '800.25']) {
      const paid = await send('POST', `/api/linkages/${agreement.id}/benefits`, town, {
        householdId: exited.id,
        paidOn: today,
        benefitType: 'purchase',
        amount,
        evidence: '转账凭证 2026-118',
      });
      expect(paid.statusCode).toBe(200);
    }

    const detail = (await get(`/api/linkages/${agreement.id}`, village)).json();
    expect(detail.linked).toEqual({ exitedPoverty: 1, monitored: 1, other: 0, total: 2 });
    expect(detail.paidHouseholds).toBe(1);
    expect(detail.unpaidHouseholds).toBe(1);
    expect(detail.totalBenefit).toBe('2000.75');
    const byId = new Map(detail.households.map((h: { householdId: number }) => [h.householdId, h]));
    expect(byId.get(exited.id)).toMatchObject({ benefitTotal: '2000.75', benefitCount: 2, unpaid: false });
    expect(byId.get(monitored.id)).toMatchObject({ benefitTotal: '0.00', benefitCount: 0, unpaid: true });
    expect(detail.benefits).toHaveLength(2);

    // A paid household stays on the list; an unpaid one can be taken off, and its measure goes with it.
    const keep = await send(
      'DELETE',
      `/api/linkages/${agreement.id}/households/${exited.id}?year=${year}`,
      town,
    );
    expect(keep.statusCode).toBe(409);
    const off = await send(
      'DELETE',
      `/api/linkages/${agreement.id}/households/${monitored.id}?year=${year}`,
      town,
    );
    expect(off.statusCode).toBe(200);
    expect(off.json().linked.total).toBe(1);
    const after = await t.database.db
      .selectFrom('assistance_measure')
      .select('id')
      .where('case_id', '=', c.id)
      .where('source_kind', '=', 'linkage')
      .execute();
    expect(after).toHaveLength(0);

    // The list and the ledger read the same rows.
    const list = (await get(`/api/linkages?year=${year}`, village)).json();
    expect(list.items.find((a: { id: number }) => a.id === agreement.id)).toMatchObject({
      paidHouseholds: 1,
      totalBenefit: '2000.75',
    });
    const ledger = await get(`/api/linkages/ledger.xlsx?year=${year}`, village);
    expect(ledger.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe(`${year}年联农带农台账`);
    const row = sheet?.getRow(2).values as unknown[];
    expect(row).toContain('东岗村艾草种植专业合作社');
    expect(row).toContain('2000.75');
  });

  it('keeps agreements to their scope and edits to the version seen', async () => {
    const created = (
      await send('POST', '/api/linkages', town, {
        operatorId,
        mode: 'employment',
        startedOn: `${year}-02-01`,
      })
    ).json();
    expect((await get(`/api/linkages/${created.id}`, wolong)).statusCode).toBe(404);
    expect(
      (await send('POST', '/api/linkages', wolong, { operatorId, mode: 'employment', startedOn: today }))
        .statusCode,
    ).toBe(404);
    const noProject = await send('POST', '/api/linkages', town, {
      operatorId,
      mode: 'employment',
      startedOn: today,
      projectId: 999999,
    });
    expect(noProject.statusCode).toBe(400);
    expect(noProject.json().message).toContain('项目不存在');
    const other = (await get(`/api/linkages?year=${year}`, wolong)).json();
    expect(other.items.some((a: { id: number }) => a.id === created.id)).toBe(false);

    const edited = await send('PATCH', `/api/linkages/${created.id}`, town, {
      version: created.version,
      endedOn: `${year + 2}-01-31`,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().endedOn).toBe(`${year + 2}-01-31`);
    const stale = await send('PATCH', `/api/linkages/${created.id}`, town, {
      version: created.version,
      terms: '月工资不低于 2000 元',
    });
    expect(stale.statusCode).toBe(409);
    // A village reads, never writes.
    expect(
      (await send('PATCH', `/api/linkages/${created.id}`, village, { version: 2, terms: 'x' })).statusCode,
    ).toBe(403);
  });
});
