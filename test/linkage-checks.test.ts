import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { newHousehold } from './helpers/factories.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let county: string;
let town: string;
let village: string;
let wolong: string;
let today: string;
let year: number;
let operatorId: number;
const agreements: number[] = [];
let linkedHouseholds: number[] = [];

const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

const ALL_CONFORM = ['查项目', '查资产', '查带农', '查收益'].map((item) => ({ item, result: 'conforms' }));

beforeAll(async () => {
  today = clock().today();
  year = Number(today.slice(0, 4));
  t = await createTestApp({}, { households: 50, date: today });
  county = await t.login('county_wancheng');
  town = await t.login('town_guanzhuang');
  village = await t.login('village_guanzhuang');
  wolong = await t.login('county_wolong');
  const coop = await send('POST', '/api/operators', town, {
    regionCode: '411302102201',
    name: '东岗村香菇专业合作社',
    operatorType: 'cooperative',
  });
  operatorId = coop.json().id;
  const a = await newHousehold(t, today, { householdType: 'exited_poverty', headName: '核查甲' });
  const b = await newHousehold(t, today, { householdType: 'monitored', headName: '核查乙' });
  linkedHouseholds = [a.id, b.id];
  for (const mode of ['order_farming', 'employment', 'custody', 'land_transfer', 'consignment']) {
    const created = await send('POST', '/api/linkages', town, {
      operatorId,
      mode,
      startedOn: `${year - 1}-03-01`,
    });
    agreements.push(created.json().id);
    for (const householdId of linkedHouseholds) {
      for (const y of [year - 1, year]) {
        await send('POST', `/api/linkages/${created.json().id}/households`, town, { householdId, year: y });
      }
    }
  }
  // One payment on each agreement: the second household stays unpaid (flagged beside the check).
  for (const id of agreements) {
    await send('POST', `/api/linkages/${id}/benefits`, town, {
      householdId: a.id,
      paidOn: today,
      benefitType: 'purchase',
      amount: '500.00',
    });
  }
});
afterAll(async () => {
  await t.close();
});

describe('四查四促 campaigns', () => {
  it('draws a fixed sample, lets the county add by hand, keeps others out', async () => {
    const byTown = await send('POST', '/api/linkage-checks', town, {
      name: 'x',
      year,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
    });
    expect(byTown.statusCode).toBe(403);
    const bad = await send('POST', '/api/linkage-checks', county, {
      name: '倒置',
      year,
      startsOn: `${year}-06-01`,
      endsOn: `${year}-05-01`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('不能早于开始日期');
    const none = await send('POST', '/api/linkage-checks', county, {
      name: '无协议',
      year: year - 3,
      startsOn: `${year - 3}-01-01`,
      endsOn: `${year - 3}-12-31`,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('没有执行中的联农带农协议');

    const created = await send('POST', '/api/linkage-checks', county, {
      name: `${year}年四查四促`,
      year,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
    });
    expect(created.statusCode).toBe(200);
    const c = created.json();
    expect(c.checkItems).toEqual(['查项目', '查资产', '查带农', '查收益']);
    expect(c.followUpItems).toEqual(['促运营', '促管护', '促联结', '促增收']);
    expect(c.samplePercent).toBe(20);
    // 20 % of five agreements is one.
    expect(c.sample).toHaveLength(1);
    expect(c.sample[0]).toMatchObject({
      addedByHand: false,
      linked: 2,
      paidHouseholds: 1,
      unpaidHouseholds: 1,
    });
    expect(agreements).toContain(c.sample[0].agreementId);

    const other = agreements.find((id) => id !== c.sample[0].agreementId);
    const added = await send('POST', `/api/linkage-checks/${c.id}/sample`, county, { agreementId: other });
    expect(added.statusCode).toBe(200);
    expect(added.json().sample).toHaveLength(2);
    expect(added.json().progress).toMatchObject({ sampled: 2, addedByHand: 1, checked: 0 });
    expect(
      (await send('POST', `/api/linkage-checks/${c.id}/sample`, county, { agreementId: other })).statusCode,
    ).toBe(409);
    expect(
      (await send('POST', `/api/linkage-checks/${c.id}/sample`, county, { agreementId: 999999 })).statusCode,
    ).toBe(404);

    // Another county sees neither the campaign nor its agreements.
    expect((await get(`/api/linkage-checks/${c.id}`, wolong)).statusCode).toBe(404);
    expect((await get(`/api/linkage-checks/${c.id}/agreements/${other}`, wolong)).statusCode).toBe(404);
    expect((await get('/api/linkage-checks', wolong)).json().items).toHaveLength(0);
    // The township and village see it.
    expect((await get('/api/linkage-checks', village)).json().items[0]).toMatchObject({ id: c.id });

    // Editing is by version; the items stay editable until used.
    const edited = await send('PATCH', `/api/linkage-checks/${c.id}`, county, {
      version: c.version,
      name: `${year}年联农带农四查四促`,
    });
    expect(edited.statusCode).toBe(200);
    const stale = await send('PATCH', `/api/linkage-checks/${c.id}`, county, {
      version: c.version,
      name: 'y',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('checks a sampled agreement against the records, and a finding goes to rectified and verified', async () => {
    const c = (await get('/api/linkage-checks', town)).json().items[0];
    const detail = (await get(`/api/linkage-checks/${c.id}`, town)).json();
    const sampled = detail.sample[0].agreementId;
    const unsampled = agreements.find(
      (id) => !detail.sample.some((s: { agreementId: number }) => s.agreementId === id),
    );
    expect((await get(`/api/linkage-checks/${c.id}/agreements/${unsampled}`, town)).statusCode).toBe(404);

    const view = (await get(`/api/linkage-checks/${c.id}/agreements/${sampled}`, town)).json();
    expect(view.agreement.linked.total).toBe(2);
    expect(view.agreement.households.filter((h: { unpaid: boolean }) => h.unpaid)).toHaveLength(1);
    expect(view.check).toBeNull();
    expect(view.canCheck).toBe(true);

    const url = `/api/linkage-checks/${c.id}/agreements/${sampled}/check`;
    const failing = ALL_CONFORM.map((r) =>
      r.item === '查收益' ? { ...r, result: 'fails', note: '1户未发放' } : r,
    );
    const noFinding = await send('PUT', url, town, { checkedOn: today, results: failing });
    expect(noFinding.statusCode).toBe(400);
    expect(noFinding.json().message).toContain('查收益');
    const missingItem = await send('PUT', url, town, { checkedOn: today, results: ALL_CONFORM.slice(1) });
    expect(missingItem.statusCode).toBe(400);
    const finding = {
      item: '查收益',
      problem: '带动农户核查乙本年未获收益',
      followUpItem: '促增收',
      responsibleUnit: '官庄镇人民政府',
      deadline: addDays(today, 30),
    };
    const early = await send('PUT', url, town, {
      checkedOn: today,
      results: failing,
      findings: [{ ...finding, deadline: addDays(today, -1) }],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('整改期限不能早于核查日期');
    const future = await send('PUT', url, town, { checkedOn: addDays(today, 1), results: ALL_CONFORM });
    expect(future.statusCode).toBe(400);
    // A village reads, never checks.
    expect((await send('PUT', url, village, { checkedOn: today, results: ALL_CONFORM })).statusCode).toBe(
      403,
    );

    const saved = await send('PUT', url, town, { checkedOn: today, results: failing, findings: [finding] });
    expect(saved.statusCode).toBe(200);
    const checked = saved.json();
    expect(checked.check.results.find((r: { item: string }) => r.item === '查收益')).toMatchObject({
      result: 'fails',
      note: '1户未发放',
    });
    expect(checked.findings).toHaveLength(1);
    const f = checked.findings[0];
    expect(f).toMatchObject({ status: 'open', overdue: false, allowedActions: ['rectify'] });
    // A second first check is refused; an edit needs the version.
    expect((await send('PUT', url, town, { checkedOn: today, results: failing })).statusCode).toBe(409);
    const resolved = await send('PUT', url, town, {
      checkedOn: today,
      results: ALL_CONFORM,
      version: checked.check.version,
    });
    expect(resolved.statusCode).toBe(400);
    expect(resolved.json().message).toContain('已登记问题');

    // The township rectifies; it cannot verify its own work.
    const act = (action: string, cookie: string, body: object) =>
      send('POST', `/api/linkage-check-findings/${f.id}/${action}`, cookie, body);
    expect((await act('rectify', town, { version: f.version })).statusCode).toBe(400);
    const rectified = await act('rectify', town, { version: f.version, note: '已补发收购款 500 元' });
    expect(rectified.statusCode).toBe(200);
    expect(rectified.json()).toMatchObject({ status: 'rectified', rectificationNote: '已补发收购款 500 元' });
    expect((await act('verify', town, { version: rectified.json().version })).statusCode).toBe(403);
    expect((await act('rectify', town, { version: rectified.json().version, note: 'x' })).statusCode).toBe(
      409,
    );
    expect((await act('verify', wolong, { version: rectified.json().version })).statusCode).toBe(404);
    // The county sends it back with a reason, then verifies the second rectification.
    expect((await act('reopen', county, { version: rectified.json().version })).statusCode).toBe(400);
    const reopened = await act('reopen', county, { version: rectified.json().version, note: '凭证不全' });
    expect(reopened.json()).toMatchObject({ status: 'open', reopenReason: '凭证不全' });
    const again = await act('rectify', town, { version: reopened.json().version, note: '补齐转账凭证' });
    expect((await act('verify', county, { version: reopened.json().version })).statusCode).toBe(409);
    const verified = await act('verify', county, { version: again.json().version });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().status).toBe('verified');
    expect(verified.json().events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'rectify',
      'reopen',
      'rectify',
      'verify',
    ]);

    const progress = (await get(`/api/linkage-checks/${c.id}`, county)).json().progress;
    expect(progress).toMatchObject({ sampled: 2, checked: 1, findingsOpen: 0, findingsVerified: 1 });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'linkage_check.%')
      .execute();
    expect(audit.map((a) => a.action)).toContain('linkage_check.verify');

    const ledger = await get(`/api/linkage-checks/${c.id}/ledger.xlsx`, county);
    expect(ledger.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('四查四促核查台账');
    const rows = [2, 3].map((n) => (sheet?.getRow(n).values as unknown[]) ?? []);
    expect(rows.some((r) => r.includes('查收益：带动农户核查乙本年未获收益'))).toBe(true);
    expect(rows.some((r) => r.includes('未核查'))).toBe(true);
  });

  it('flags an open finding past its deadline', async () => {
    const c = (
      await send('POST', '/api/linkage-checks', county, {
        name: `${year - 1}年四查四促`,
        year: year - 1,
        startsOn: `${year - 1}-04-01`,
        endsOn: `${year - 1}-06-30`,
        checkItems: ['查带农', '查收益'],
        followUpItems: ['促联结'],
        samplePercent: 100,
      })
    ).json();
    expect(c.sample).toHaveLength(5);
    const agreementId = c.sample[0].agreementId;
    const saved = await send('PUT', `/api/linkage-checks/${c.id}/agreements/${agreementId}/check`, town, {
      checkedOn: `${year - 1}-04-10`,
      results: [
        { item: '查带农', result: 'mostly' },
        { item: '查收益', result: 'fails' },
      ],
      findings: [
        {
          item: '查收益',
          problem: '分红未到户',
          followUpItem: '促联结',
          responsibleUnit: '官庄镇',
          deadline: `${year - 1}-05-10`,
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().findings[0].overdue).toBe(true);
    const progress = (await get(`/api/linkage-checks/${c.id}`, county)).json().progress;
    expect(progress).toMatchObject({ sampled: 5, checked: 1, findingsOpen: 1, findingsOverdue: 1 });
    // A follow-up item not of the campaign is refused.
    const other = c.sample[1].agreementId;
    const wrong = await send('PUT', `/api/linkage-checks/${c.id}/agreements/${other}/check`, town, {
      checkedOn: `${year - 1}-04-10`,
      results: [
        { item: '查带农', result: 'fails' },
        { item: '查收益', result: 'conforms' },
      ],
      findings: [
        {
          item: '查带农',
          problem: 'x',
          followUpItem: '促运营',
          responsibleUnit: 'y',
          deadline: `${year - 1}-05-10`,
        },
      ],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('不是本次活动的促进事项');
  });
});

describe('帮扶龙头企业 status', () => {
  it('computes figures from linkage and work records and a status under the county’s criteria', async () => {
    const lead = await send('POST', '/api/operators', county, {
      regionCode: '411302000000',
      name: '宛城区测试龙头企业有限公司',
      operatorType: 'lead_enterprise',
      leadLevel: 'county',
      leadCertifiedOn: `${year - 3}-05-01`,
    });
    expect(lead.statusCode).toBe(200);
    const list = (await get(`/api/lead-enterprises?year=${year}`, county)).json();
    expect(list.criteria[0]).toMatchObject({
      minHouseholds: 100,
      minWorkers: 30,
      requireAgreement: true,
      isDefault: true,
    });
    const byId = (items: { operatorId: number }[], id: number) => items.find((i) => i.operatorId === id);
    expect(byId(list.items, lead.json().id)).toMatchObject({ households: 0, status: 'delist' });
    expect(byId(list.items, operatorId)).toMatchObject({
      households: 2,
      agreements: 5,
      workers: 0,
      status: 'none',
    });

    // A work record of a linked household's member naming the operator counts as a worker.
    const person = await t.database.db
      .selectFrom('person')
      .select(['id', 'county_code'])
      .where('household_id', '=', linkedHouseholds[0] ?? 0)
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('work_record')
      .values({
        person_id: person.id,
        household_id: linkedHouseholds[0] ?? 0,
        county_code: person.county_code,
        category: 'unit_employed',
        start_month: `${year}-02-01`,
        channel: 'lead_enterprise',
        operator_id: operatorId,
        source: 'clerk',
      })
      .execute();
    expect(
      (
        await send('PUT', '/api/lead-enterprises/criteria', town, {
          minHouseholds: 1,
          minWorkers: 1,
          requireAgreement: true,
          version: 0,
        })
      ).statusCode,
    ).toBe(403);
    const saved = await send('PUT', '/api/lead-enterprises/criteria', county, {
      minHouseholds: 2,
      minWorkers: 1,
      requireAgreement: true,
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().criteria[0]).toMatchObject({ minHouseholds: 2, isDefault: false, version: 1 });
    expect(byId(saved.json().items, operatorId)).toMatchObject({
      workers: 1,
      status: 'recommend',
      payments: '2500.00',
    });
    expect(
      (
        await send('PUT', '/api/lead-enterprises/criteria', county, {
          minHouseholds: 3,
          minWorkers: 1,
          requireAgreement: true,
          version: 0,
        })
      ).statusCode,
    ).toBe(409);

    // One operator's status, for its drawer; another county's is missing.
    const one = (await get(`/api/lead-enterprises?operatorId=${operatorId}`, town)).json();
    expect(one.items).toHaveLength(1);
    expect((await get(`/api/lead-enterprises?operatorId=${operatorId}`, wolong)).statusCode).toBe(404);
    expect(
      (await get('/api/lead-enterprises', wolong))
        .json()
        .items.some((i: { operatorId: number }) => i.operatorId === operatorId),
    ).toBe(false);
  });
});
