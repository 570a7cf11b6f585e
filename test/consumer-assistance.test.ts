import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { newHousehold } from './helpers/factories.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let county: string;
let town: string;
let wolong: string;
let city: string;
let today: string;
let year: number;
let operatorId: number;

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

const product = (over: object = {}) => ({
  operatorId,
  name: '东岗香菇',
  category: 'fungi',
  annualValue: '260000.00',
  certLevel: 'county',
  validFrom: addDays(today, -30),
  validTo: addDays(today, 3 * 365),
  linkageType: 'business',
  householdIds: [] as number[],
  ...over,
});

/** Takes a product from application to certified; the notice started 11 days ago, so it is over. */
async function certify(body: object, certificateNo = 'XF-TEST-1') {
  const created = (await send('POST', '/api/consumer-products', town, body)).json();
  let p = created;
  const step = async (who: string, action: string, extra: object = {}) => {
    const r = await send('POST', '/api/consumer-products/actions', who, {
      action,
      products: [{ id: p.id, version: p.version }],
      ...extra,
    });
    expect(r.statusCode, r.body).toBe(200);
    p = (await get(`/api/consumer-products/${p.id}`, county)).json();
  };
  await step(town, 'check');
  await step(county, 'review');
  const notice = await send('POST', '/api/consumer-products/notices', county, {
    products: [{ id: p.id, version: p.version }],
    channel: '县政府网站',
    startsOn: addDays(today, -11),
    endsOn: addDays(today, -1),
  });
  expect(notice.statusCode, notice.body).toBe(200);
  p = (await get(`/api/consumer-products/${p.id}`, county)).json();
  await step(county, 'certify', { certificateNo });
  return p;
}

beforeAll(async () => {
  today = clock().today();
  year = Number(today.slice(0, 4));
  t = await createTestApp({}, { households: 40, date: today });
  county = await t.login('county_wancheng');
  town = await t.login('town_guanzhuang');
  wolong = await t.login('county_wolong');
  city = await t.login('city_admin');
  const coop = await send('POST', '/api/operators', town, {
    regionCode: '411302102201',
    name: '东岗村香菇种植专业合作社',
    operatorType: 'cooperative',
  });
  operatorId = coop.json().id;
});
afterAll(async () => {
  await t.close();
});

describe('consumer assistance (消费帮扶)', () => {
  it('takes a product from application through check, review and notice to certified', async () => {
    const poor = await newHousehold(t, today, { householdType: 'exited_poverty', headName: '帮扶甲' });
    const monitored = await newHousehold(t, today, { householdType: 'monitored', headName: '帮扶乙' });
    const ordinary = await newHousehold(t, today, { householdType: 'ordinary', headName: '帮扶丙' });
    const body = product({ householdIds: [poor.id, monitored.id, ordinary.id] });
    expect((await send('POST', '/api/consumer-products', wolong, body)).statusCode).toBe(404);
    const created = await send('POST', '/api/consumer-products', town, body);
    expect(created.statusCode, created.body).toBe(200);
    let p = created.json();
    // The counts are read from the registry, never typed.
    expect(p).toMatchObject({
      stage: 'applied',
      households: 3,
      poorHouseholds: 1,
      monitoredHouseholds: 1,
      operatorName: '东岗村香菇种植专业合作社',
      countyCode: '411302000000',
    });
    const ref = () => [{ id: p.id, version: p.version }];
    // The county does not take the township's step.
    expect(
      (await send('POST', '/api/consumer-products/actions', county, { action: 'check', products: ref() }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send('POST', '/api/consumer-products/actions', town, { action: 'check', products: ref() }))
        .statusCode,
    ).toBe(200);
    // Stale version.
    const stale = await send('POST', '/api/consumer-products/actions', county, {
      action: 'review',
      products: ref(),
    });
    expect(stale.statusCode).toBe(409);
    p = (await get(`/api/consumer-products/${p.id}`, county)).json();
    expect(
      (await send('POST', '/api/consumer-products/actions', county, { action: 'review', products: ref() }))
        .statusCode,
    ).toBe(200);
    p = (await get(`/api/consumer-products/${p.id}`, county)).json();
    const short = await send('POST', '/api/consumer-products/notices', county, {
      products: ref(),
      channel: '县政府网站',
      startsOn: today,
      endsOn: addDays(today, 5),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('不少于10天');
    const running = await send('POST', '/api/consumer-products/notices', county, {
      products: ref(),
      channel: '县政府网站',
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 7),
    });
    expect(running.statusCode, running.body).toBe(200);
    p = (await get(`/api/consumer-products/${p.id}`, county)).json();
    expect(p.stage).toBe('notice');
    const early = await send('POST', '/api/consumer-products/actions', county, {
      action: 'certify',
      products: ref(),
      certificateNo: 'XF-1',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('公示期未满');
    expect(p.events.map((e: { action: string }) => e.action)).toEqual([
      'declare',
      'check',
      'review',
      'notice',
    ]);
  });

  it('certifies after the notice once its objections are settled', async () => {
    const created = (
      await send('POST', '/api/consumer-products', town, product({ name: '东岗木耳' }))
    ).json();
    let p = created;
    const act = async (who: string, action: string, extra: object = {}) => {
      const r = await send('POST', '/api/consumer-products/actions', who, {
        action,
        products: [{ id: p.id, version: p.version }],
        ...extra,
      });
      p = (await get(`/api/consumer-products/${p.id}`, county)).json();
      return r;
    };
    await act(town, 'check');
    await act(county, 'review');
    const n = await send('POST', '/api/consumer-products/notices', county, {
      products: [{ id: p.id, version: p.version }],
      channel: '县政府网站',
      startsOn: addDays(today, -12),
      endsOn: addDays(today, -2),
    });
    const noticeId = n.json().noticeIds[0];
    p = (await get(`/api/consumer-products/${p.id}`, county)).json();
    expect(
      (
        await send('PUT', `/api/consumer-products/notices/${noticeId}/objections`, county, {
          objections: 1,
          resolved: false,
        })
      ).statusCode,
    ).toBe(200);
    p = (await get(`/api/consumer-products/${p.id}`, county)).json();
    const blocked = await act(county, 'certify', { certificateNo: 'XF-2' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toContain('异议');
    await send('PUT', `/api/consumer-products/notices/${noticeId}/objections`, county, {
      objections: 1,
      objectionNote: '核实无误',
      resolved: true,
    });
    const ok = await act(county, 'certify', { certificateNo: 'XF-2' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(p).toMatchObject({
      stage: 'certified',
      certificateNo: 'XF-2',
      certifiedOn: today,
      validity: 'valid',
    });
  });

  it('refuses a product below the county floor, and a national one below 50万元', async () => {
    const low = (
      await send(
        'POST',
        '/api/consumer-products',
        town,
        product({ name: '小量花生', annualValue: '80000.00' }),
      )
    ).json();
    await send('POST', '/api/consumer-products/actions', town, {
      action: 'check',
      products: [{ id: low.id, version: low.version }],
    });
    const refused = await send('POST', '/api/consumer-products/actions', county, {
      action: 'review',
      products: [{ id: low.id, version: low.version + 1 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('低于本县认定标准10万元');
    const national = (
      await send(
        'POST',
        '/api/consumer-products',
        town,
        product({ name: '国字号香菇', certLevel: 'national', annualValue: '300000.00' }),
      )
    ).json();
    await send('POST', '/api/consumer-products/actions', town, {
      action: 'check',
      products: [{ id: national.id, version: 1 }],
    });
    const nat = await send('POST', '/api/consumer-products/actions', county, {
      action: 'review',
      products: [{ id: national.id, version: 2 }],
    });
    expect(nat.statusCode).toBe(400);
    expect(nat.json().message).toContain('不低于50万元');
    // The county raises its floor: a 26万元 product no longer passes.
    const s = (await get('/api/consumer-settings', county)).json();
    expect(s).toMatchObject({ valueFloor: '100000.00', renewalDays: 90, version: 0 });
    expect(
      (await send('PUT', '/api/consumer-settings', town, { ...s, valueFloor: '300000.00' })).statusCode,
    ).toBe(403);
    const saved = await send('PUT', '/api/consumer-settings', county, {
      valueFloor: '300000.00',
      nationalFloor: '500000.00',
      renewalDays: 90,
      version: 0,
    });
    expect(saved.json()).toMatchObject({ valueFloor: '300000.00', version: 1 });
    expect(
      (
        await send('PUT', '/api/consumer-settings', county, {
          valueFloor: '100000.00',
          nationalFloor: '500000.00',
          renewalDays: 90,
          version: 0,
        })
      ).statusCode,
    ).toBe(409);
    const mid = (await send('POST', '/api/consumer-products', town, product({ name: '中量香菇' }))).json();
    await send('POST', '/api/consumer-products/actions', town, {
      action: 'check',
      products: [{ id: mid.id, version: 1 }],
    });
    const midReview = await send('POST', '/api/consumer-products/actions', county, {
      action: 'review',
      products: [{ id: mid.id, version: 2 }],
    });
    expect(midReview.json().message).toContain('30万元');
    await send('PUT', '/api/consumer-settings', county, {
      valueFloor: '100000.00',
      nationalFloor: '500000.00',
      renewalDays: 90,
      version: 1,
    });
    // Refusing takes a reason.
    expect(
      (
        await send('POST', '/api/consumer-products/actions', county, {
          action: 'refuse',
          products: [{ id: low.id, version: 2 }],
        })
      ).statusCode,
    ).toBe(400);
    const r = await send('POST', '/api/consumer-products/actions', county, {
      action: 'refuse',
      products: [{ id: low.id, version: 2 }],
      comment: '年产值低于认定标准',
    });
    expect(r.json().stage).toBe('refused');
  });

  it('records sales (never in the future) and sums them in the report and the ledger', async () => {
    const p = await certify(product({ name: '东岗香菇酱', validFrom: `${year}-01-01` }), 'XF-3');
    const sale = {
      productId: p.id,
      soldOn: today,
      channel: 'canteen',
      buyerType: 'agency',
      buyerName: '南阳市直机关食堂',
      amount: '12000.50',
      quantity: '800 斤',
    };
    const future = await send('POST', '/api/consumer-sales', town, { ...sale, soldOn: addDays(today, 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('不能晚于今天');
    expect((await send('POST', '/api/consumer-sales', town, sale)).statusCode).toBe(200);
    expect(
      (
        await send('POST', '/api/consumer-sales', county, {
          ...sale,
          channel: 'pairing',
          buyerType: 'pairing_unit',
          buyerName: '市财政局',
          amount: '7999.50',
        })
      ).statusCode,
    ).toBe(200);
    expect((await send('POST', '/api/consumer-sales', wolong, sale)).statusCode).toBe(404);
    // A product not yet certified has no consumer-assistance sales.
    const applied = (
      await send('POST', '/api/consumer-products', town, product({ name: '未认定产品' }))
    ).json();
    expect(
      (await send('POST', '/api/consumer-sales', town, { ...sale, productId: applied.id })).statusCode,
    ).toBe(409);

    const report = (await get(`/api/consumer-sales/report?year=${year}`, county)).json();
    expect(report.total).toEqual({ sales: 2, amount: '20000.00' });
    expect(report.byChannel).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'canteen', amount: '12000.50', label: '机关食堂' }),
        expect.objectContaining({ channel: 'pairing', amount: '7999.50' }),
      ]),
    );
    expect(report.byBuyerType.find((b: { buyerType: string }) => b.buyerType === 'pairing_unit').amount).toBe(
      '7999.50',
    );
    expect(report.byCounty).toEqual([
      expect.objectContaining({ countyCode: '411302000000', amount: '20000.00', products: 1 }),
    ]);
    // The city sees every county; another county sees none of it.
    expect((await get(`/api/consumer-sales/report?year=${year}`, city)).json().total.amount).toBe('20000.00');
    expect((await get(`/api/consumer-sales/report?year=${year}`, wolong)).json().total).toEqual({
      sales: 0,
      amount: '0.00',
    });
    const detail = (await get(`/api/consumer-products/${p.id}`, town)).json();
    expect(detail.salesThisYear).toBe('20000.00');
    expect(detail.sales).toHaveLength(2);

    const ledger = await get(`/api/consumer-products/ledger.xlsx?year=${year}`, county);
    expect(ledger.statusCode).toBe(200);
    const rows = await sheetRows(ledger.rawPayload);
    expect(rows[0]).toContain('本年销售额（元）');
    const line = rows.find((r) => r[2] === '东岗香菇酱');
    expect(line).toBeDefined();
    expect(line?.[7]).toBe('XF-3');
    expect(line?.[16]).toBe('20000.00');
  });

  it('lists products due for renewal and shows expired ones as expired', async () => {
    const due = await certify(
      product({ name: '快到期香菇', validFrom: addDays(today, -700), validTo: addDays(today, 30) }),
      'XF-4',
    );
    const expired = await certify(
      product({ name: '已过期香菇', validFrom: addDays(today, -1100), validTo: addDays(today, -1) }),
      'XF-5',
    );
    const later = await certify(
      product({ name: '长期香菇', validFrom: addDays(today, -10), validTo: addDays(today, 900) }),
      'XF-6',
    );
    const list = (await get('/api/consumer-products/renewals', county)).json().items;
    const names = list.map((p: { name: string }) => p.name);
    expect(names).toContain('快到期香菇');
    expect(names).toContain('已过期香菇');
    expect(names).not.toContain('长期香菇');
    expect(list.find((p: { id: number }) => p.id === due.id)).toMatchObject({
      validity: 'due',
      daysLeft: 30,
    });
    expect(list.find((p: { id: number }) => p.id === expired.id)).toMatchObject({
      validity: 'expired',
      daysLeft: -1,
    });
    expect((await get(`/api/consumer-products/${later.id}`, county)).json().validity).toBe('valid');
    const expiredOnly = (await get('/api/consumer-products?validity=expired', county)).json().items;
    expect(expiredOnly.map((p: { id: number }) => p.id)).toEqual([expired.id]);
    // A sale after the validity ended is refused.
    const late = await send('POST', '/api/consumer-sales', county, {
      productId: expired.id,
      soldOn: today,
      channel: 'fair',
      buyerType: 'individual',
      buyerName: '散客',
      amount: '100.00',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toContain('有效期');
  });

  it('sends an application back with a reason and lets the township fix it', async () => {
    const p = (await send('POST', '/api/consumer-products', town, product({ name: '退回产品' }))).json();
    const back = await send('POST', '/api/consumer-products/actions', town, {
      action: 'send_back',
      products: [{ id: p.id, version: p.version }],
      comment: '缺少带动农户名单',
    });
    expect(back.json().stage).toBe('returned');
    const stale = await send('PATCH', `/api/consumer-products/${p.id}`, town, {
      ...product({ name: '退回产品' }),
      version: p.version,
    });
    expect(stale.statusCode).toBe(409);
    const fixed = await send('PATCH', `/api/consumer-products/${p.id}`, town, {
      ...product({ name: '退回产品（补）' }),
      version: p.version + 1,
    });
    expect(fixed.json()).toMatchObject({ stage: 'applied', name: '退回产品（补）' });
  });

  it('keeps records of another county out of sight, exactly like missing ones', async () => {
    const p = (await send('POST', '/api/consumer-products', town, product({ name: '范围内产品' }))).json();
    const outside = await get(`/api/consumer-products/${p.id}`, wolong);
    const missing = await get('/api/consumer-products/99999999', wolong);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().message).toBe(missing.json().message);
    expect(
      (
        await send('POST', '/api/consumer-products/actions', wolong, {
          action: 'review',
          products: [{ id: p.id, version: 1 }],
        })
      ).statusCode,
    ).toBe(404);
    expect((await get('/api/consumer-products', wolong)).json().total).toBe(0);
  });

  it('registers a brand with its products and licensees', async () => {
    const p = await certify(product({ name: '品牌香菇' }), 'XF-7');
    const brand = {
      name: '宛城好菇',
      kind: 'regional',
      ownerUnit: '宛城区农业农村局',
      productIds: [p.id],
      licensees: [{ operatorId, licensedFrom: `${year}-01-01`, licensedTo: `${year + 2}-12-31` }],
    };
    expect((await send('POST', '/api/consumer-brands', town, brand)).statusCode).toBe(403);
    const created = await send('POST', '/api/consumer-brands', county, brand);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      name: '宛城好菇',
      ownerName: '宛城区农业农村局',
      products: [{ id: p.id, name: '品牌香菇' }],
      licensees: [{ operatorId, operatorName: '东岗村香菇种植专业合作社' }],
    });
    expect((await send('POST', '/api/consumer-brands', county, brand)).statusCode).toBe(409);
    const noOwner = await send('POST', '/api/consumer-brands', county, {
      ...brand,
      name: '无主品牌',
      ownerUnit: null,
    });
    expect(noOwner.statusCode).toBe(400);
    const b = created.json();
    const stale = await send('PATCH', `/api/consumer-brands/${b.id}`, county, {
      ...brand,
      version: b.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const edited = await send('PATCH', `/api/consumer-brands/${b.id}`, county, {
      ...brand,
      licensees: [],
      version: b.version,
    });
    expect(edited.json().licensees).toEqual([]);
    expect((await get('/api/consumer-brands', wolong)).json().items).toEqual([]);
    expect((await get('/api/consumer-brands', town)).json().items).toHaveLength(1);
  });
});
