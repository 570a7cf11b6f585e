import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { isSampled } from '../src/shared/industry-rewards.js';
import { newCase, newHousehold } from './helpers/factories.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let county: string;
let town: string;
let village: string;
let wolong: string;
let today: string;
/** A 1×1 PNG, as base64. */
const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
let year: number;

const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

async function sheetRows(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

beforeAll(async () => {
  today = clock().today();
  year = Number(today.slice(0, 4));
  t = await createTestApp({}, { households: 50, date: today });
  county = await t.login('county_wancheng');
  town = await t.login('town_guanzhuang');
  village = await t.login('village_guanzhuang');
  wolong = await t.login('county_wolong');
});
afterAll(async () => {
  await t.close();
});

describe('industry rewards (产业奖补)', () => {
  it('takes a claim from declaration through check, notice, review, acceptance and payment to the ledgers', async () => {
    const scheme = {
      year,
      item: '香菇种植',
      unit: 'mu',
      ratePercent: '20',
      unitCap: '500.00',
      householdCap: '5000.00',
      windowStart: `${year}-01-01`,
      windowEnd: `${year}-12-31`,
    };
    expect((await send('POST', '/api/industry-schemes', village, scheme)).statusCode).toBe(403);
    const backwards = await send('POST', '/api/industry-schemes', county, {
      ...scheme,
      windowEnd: `${year - 1}-12-31`,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toContain('不能早于开始日期');
    const created = await send('POST', '/api/industry-schemes', county, scheme);
    expect(created.statusCode).toBe(200);
    const s = created.json();
    expect(s).toMatchObject({ item: '香菇种植', eligibleTypes: ['exited_poverty', 'monitored'], claims: 0 });
    expect((await send('POST', '/api/industry-schemes', county, scheme)).statusCode).toBe(409);
    // Another county neither sees the scheme nor can claim on it.
    expect((await get(`/api/industry-schemes?year=${year}`, wolong)).json().items).toEqual([]);

    const exited = await newHousehold(t, today, { householdType: 'exited_poverty', headName: '奖补甲' });
    const monitored = await newHousehold(t, today, { householdType: 'monitored', headName: '奖补乙' });
    const ordinary = await newHousehold(t, today, { householdType: 'ordinary', headName: '奖补丙' });
    const liveCase = await newCase(t, today, { householdId: monitored.id });

    const refused = await send('POST', '/api/industry-claims', village, {
      schemeId: s.id,
      householdId: ordinary.id,
      scale: '2',
      revenue: '10000.00',
      cost: '2000.00',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('本项目只奖补脱贫户、监测户');
    const float = await send('POST', '/api/industry-claims', village, {
      schemeId: s.id,
      householdId: exited.id,
      scale: '3',
      revenue: 30000,
      cost: '8000.00',
    });
    expect(float.statusCode).toBe(400);

    // 22,000 元 net × 20 % = 4,400, but 3 亩 × 500 caps it at 1,500.
    const a = await send('POST', '/api/industry-claims', village, {
      schemeId: s.id,
      householdId: exited.id,
      scale: '3',
      revenue: '30000.00',
      cost: '8000.00',
    });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({
      netIncome: '22000.00',
      reward: '1500.00',
      capApplied: 'unit',
      stage: 'declared',
      headName: '奖补甲',
    });
    // 40,000 × 20 % = 8,000 and 20 亩 allow 10,000: the household cap of 5,000 sets it.
    // Recorded at a visit with the phone's id: a resend after a lost answer gets the same claim back.
    const atVisit = {
      schemeId: s.id,
      householdId: monitored.id,
      scale: '20',
      revenue: '50000.00',
      cost: '10000.00',
      clientId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
      visitId: '7a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
    };
    const b = await send('POST', '/api/industry-claims', village, atVisit);
    expect(b.statusCode).toBe(200);
    expect(b.json()).toMatchObject({
      reward: '5000.00',
      capApplied: 'household',
      source: 'visit',
      visitId: atVisit.visitId,
    });
    const resent = await send('POST', '/api/industry-claims', village, atVisit);
    expect(resent.statusCode).toBe(200);
    expect(resent.json().id).toBe(b.json().id);
    const twice = await send('POST', '/api/industry-claims', village, {
      schemeId: s.id,
      householdId: exited.id,
      scale: '1',
      revenue: '100.00',
      cost: '0',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('不能重复申报');
    // A helper reaches only the households assigned to them.
    const helper = await t.login('helper_demo');
    const notTheirs = await send('POST', '/api/industry-claims', helper, {
      schemeId: s.id,
      householdId: ordinary.id,
      scale: '1',
      revenue: '100.00',
      cost: '0',
    });
    expect(notTheirs.statusCode).toBe(404);
    expect((await get(`/api/industry-claims/${a.json().id}`, helper)).statusCode).toBe(404);
    expect((await get(`/api/industry-claims/${a.json().id}`, wolong)).statusCode).toBe(404);

    let claims = [a.json(), b.json()].map((c) => ({ id: c.id as number, version: c.version as number }));
    const refresh = async () => {
      const list = await get(`/api/industry-claims?schemeId=${s.id}&page=1&pageSize=50`, town);
      const items = list.json().items as { id: number; version: number; stage: string }[];
      claims = claims.map((c) => {
        const row = items.find((i) => i.id === c.id);
        return { id: c.id, version: row?.version ?? -1 };
      });
      return items;
    };

    const early = await send('POST', '/api/industry-claims/notices', village, {
      claims,
      channel: '村务公开栏',
      startsOn: addDays(today, -12),
      endsOn: addDays(today, -2),
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('尚未通过村级核查');
    expect(
      (await send('POST', '/api/industry-claims/actions', town, { action: 'check', claims })).statusCode,
    ).toBe(403);
    const checked = await send('POST', '/api/industry-claims/actions', village, { action: 'check', claims });
    expect(checked.json()).toEqual({ claims: 2, stage: 'village_checked' });
    // The version the user saw is gone: a second click is a conflict, not a double step.
    expect(
      (await send('POST', '/api/industry-claims/actions', village, { action: 'check', claims })).statusCode,
    ).toBe(409);
    await refresh();

    const short = await send('POST', '/api/industry-claims/notices', village, {
      claims,
      channel: '村务公开栏',
      startsOn: today,
      endsOn: addDays(today, 5),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('公示期不少于10天');
    const posted = await send('POST', '/api/industry-claims/notices', village, {
      claims,
      channel: '村务公开栏',
      startsOn: addDays(today, -12),
      endsOn: addDays(today, -2),
    });
    expect(posted.statusCode).toBe(200);
    const { noticeId } = posted.json();
    await refresh();

    // An objection not yet settled holds the township's review.
    const objected = await send('PUT', `/api/industry-claims/notices/${noticeId}/objections`, village, {
      objections: 1,
      objectionNote: '有村民反映种植面积不足 3 亩',
      resolved: false,
    });
    expect(objected.statusCode).toBe(200);
    const held = await send('POST', '/api/industry-claims/actions', town, { action: 'review', claims });
    expect(held.statusCode).toBe(409);
    expect(held.json().message).toContain('异议尚未处理完毕');
    await send('PUT', `/api/industry-claims/notices/${noticeId}/objections`, village, {
      objections: 1,
      objectionNote: '复核面积 3.1 亩，异议不成立',
      resolved: true,
    });
    const reviewed = await send('POST', '/api/industry-claims/actions', town, { action: 'review', claims });
    expect(reviewed.json()).toEqual({ claims: 2, stage: 'town_reviewed' });
    const items = await refresh();
    for (const c of claims) {
      expect(items.find((i) => i.id === c.id)).toMatchObject({ sampled: isSampled(c.id) });
    }

    const sampled = claims.filter((c) => isSampled(c.id));
    if (sampled.length > 0) {
      const noNote = await send('POST', '/api/industry-claims/actions', county, { action: 'accept', claims });
      expect(noNote.statusCode).toBe(400);
      expect(noNote.json().message).toContain('在抽查之列');
    }
    const accepted = await send('POST', '/api/industry-claims/actions', county, {
      action: 'accept',
      claims,
      onSiteNote: '现场查看菌棚，面积属实',
    });
    expect(accepted.json()).toEqual({ claims: 2, stage: 'county_accepted' });
    await refresh();

    const list = await get(`/api/industry-claims/payment-list.xlsx?year=${year}`, county);
    expect(list.statusCode).toBe(200);
    const payable = await sheetRows(list.rawPayload);
    expect(payable[0]).toContain('奖补金额（元）');
    expect(payable.slice(1).map((r) => [r[4], r[13]])).toEqual([
      ['奖补甲', '1500.00'],
      ['奖补乙', '5000.00'],
    ]);

    const future = await send('POST', '/api/industry-claims/actions', county, {
      action: 'pay',
      claims,
      paidOn: addDays(today, 1),
    });
    expect(future.statusCode).toBe(400);
    const paid = await send('POST', '/api/industry-claims/actions', county, {
      action: 'pay',
      claims,
      paidOn: today,
    });
    expect(paid.json()).toEqual({ claims: 2, stage: 'paid' });

    // Entered once: the payment is the monitored household's industry measure, pointing back to the claim.
    const measures = await t.database.db
      .selectFrom('assistance_measure')
      .select(['category', 'item', 'amount', 'source_kind', 'source_id'])
      .where('case_id', '=', liveCase.id)
      .where('source_kind', '=', 'industry_claim')
      .execute();
    expect(measures).toHaveLength(1);
    expect(measures[0]).toMatchObject({ category: 'industry', item: '产业奖补：香菇种植 5000.00 元' });
    expect(String(measures[0]?.amount)).toBe('5000.00');

    const ledger = await sheetRows(
      (await get(`/api/industry-claims/ledger.xlsx?year=${year}`, town)).rawPayload,
    );
    expect(ledger.slice(1).map((r) => [r[4], r[13], r[14], r[15], r[16], r[18]])).toEqual([
      ['奖补甲', '1500.00', '单位封顶', '已兑付', today, '农户申报'],
      ['奖补乙', '5000.00', '每户封顶', '已兑付', today, '走访时登记'],
    ]);
    expect(
      (await sheetRows((await get(`/api/industry-claims/payment-list.xlsx?year=${year}`, county)).rawPayload))
        .length,
    ).toBe(1);

    const detail = await get(`/api/industry-claims/${claims[0]?.id}`, village);
    expect(detail.json().events.map((e: { action: string }) => e.action)).toEqual([
      'declare',
      'check',
      'notice',
      'review',
      'accept',
      'pay',
    ]);
    const schemes = await get(`/api/industry-schemes?year=${year}`, town);
    expect(schemes.json().items[0]).toMatchObject({ claims: 2, paidTotal: '6500.00' });
  });

  it('sends a claim back with a reason, lets the village fix it and counts the household cap over schemes', async () => {
    const base = {
      year,
      unit: 'head',
      ratePercent: '30',
      unitCap: '1000.00',
      householdCap: '3000.00',
      windowStart: `${year}-01-01`,
      windowEnd: `${year}-12-31`,
    };
    const cattle = (
      await send('POST', '/api/industry-schemes', county, { ...base, item: '肉牛养殖' })
    ).json();
    const goats = (await send('POST', '/api/industry-schemes', county, { ...base, item: '山羊养殖' })).json();
    const h = await newHousehold(t, today, { householdType: 'exited_poverty', headName: '养殖户' });
    const first = await send('POST', '/api/industry-claims', village, {
      schemeId: cattle.id,
      householdId: h.id,
      scale: '2',
      revenue: '20000.00',
      cost: '12000.00',
    });
    // 8,000 × 30 % = 2,400 (2 head allow 2,000): 2,000.
    expect(first.json()).toMatchObject({ reward: '2000.00', capApplied: 'unit' });
    // The second scheme gets what is left of the 3,000 cap.
    const second = await send('POST', '/api/industry-claims', village, {
      schemeId: goats.id,
      householdId: h.id,
      scale: '10',
      revenue: '9000.00',
      cost: '3000.00',
    });
    expect(second.json()).toMatchObject({ reward: '1000.00', capApplied: 'household' });

    const ref = [{ id: first.json().id, version: first.json().version }];
    const noReason = await send('POST', '/api/industry-claims/actions', village, {
      action: 'send_back',
      claims: ref,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('须写明原因');
    const back = await send('POST', '/api/industry-claims/actions', village, {
      action: 'send_back',
      claims: ref,
      comment: '成本未附票据',
    });
    expect(back.json().stage).toBe('returned');
    const returned = (await get(`/api/industry-claims/${ref[0]?.id}`, village)).json();
    expect(returned).toMatchObject({ stage: 'returned', lastComment: '成本未附票据' });
    const stale = await send('PATCH', `/api/industry-claims/${ref[0]?.id}`, village, {
      version: ref[0]?.version,
      scale: '2',
      revenue: '20000.00',
      cost: '14000.00',
    });
    expect(stale.statusCode).toBe(409);
    // The village photographs the receipts; another household's photo cannot be named on this claim.
    const photo = (id: string, householdId: number) =>
      send('POST', '/api/attachments', village, {
        id,
        householdId,
        filename: '票据.png',
        mimeType: 'image/png',
        contentBase64: TINY_PNG,
      });
    const receipt = 'a1b2c3d4-0000-4000-8000-000000000001';
    expect((await photo(receipt, h.id)).statusCode).toBe(201);
    const other = await newHousehold(t, today, { householdType: 'exited_poverty' });
    const elsewhere = 'a1b2c3d4-0000-4000-8000-000000000002';
    expect((await photo(elsewhere, other.id)).statusCode).toBe(201);
    const wrongPhoto = await send('PATCH', `/api/industry-claims/${ref[0]?.id}`, village, {
      version: returned.version,
      scale: '2',
      revenue: '20000.00',
      cost: '14000.00',
      attachmentIds: [receipt, elsewhere],
    });
    expect(wrongPhoto.statusCode).toBe(400);
    expect(wrongPhoto.json().message).toContain('不属于该户');
    const fixed = await send('PATCH', `/api/industry-claims/${ref[0]?.id}`, village, {
      version: returned.version,
      scale: '2',
      revenue: '20000.00',
      cost: '14000.00',
      attachmentIds: [receipt],
    });
    // 6,000 × 30 % = 1,800 under both caps; the goat claim already takes 1,000 of the 3,000.
    expect(fixed.json()).toMatchObject({
      stage: 'declared',
      reward: '1800.00',
      capApplied: null,
      attachmentIds: [receipt],
    });
  });
});
