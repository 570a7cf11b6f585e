import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { DEMO_VILLAGE, newHousehold } from './helpers/factories.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let county: string;
let town: string;
let wolong: string;
let city: string;
let today: string;
let year: number;

const send = (method: 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

beforeAll(async () => {
  today = clock().today();
  year = Number(today.slice(0, 4));
  t = await createTestApp({}, { households: 50, date: today });
  county = await t.login('county_wancheng');
  town = await t.login('town_guanzhuang');
  wolong = await t.login('county_wolong');
  city = await t.login('city_admin');
});
afterAll(async () => {
  await t.close();
});

describe('courtyard economy demo villages and households (庭院经济示范)', () => {
  it('takes a village and its households from nomination to named, with the income in the household', async () => {
    // Criteria: the §C2 defaults until the county sets them; stale version answers 409.
    const crit = await get(`/api/courtyard/criteria?year=${year}`, county);
    expect(crit.statusCode).toBe(200);
    expect(crit.json()).toMatchObject({
      householdMinIncome: '3000.00',
      villageMinHouseholds: 10,
      isDefault: true,
    });
    const body = { ...crit.json(), year };
    delete body.countyCode;
    delete body.isDefault;
    expect((await send('PUT', '/api/courtyard/criteria', town, body)).statusCode).toBe(403);
    const saved = await send('PUT', '/api/courtyard/criteria', county, {
      ...body,
      householdMinIncome: '2500.00',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ householdMinIncome: '2500.00', isDefault: false, version: 1 });
    expect((await send('PUT', '/api/courtyard/criteria', county, { ...body, version: 0 })).statusCode).toBe(
      409,
    );

    const eligible = [];
    for (let i = 0; i < 10; i++) {
      eligible.push(
        await newHousehold(t, today, {
          householdType: i % 2 === 0 ? 'exited_poverty' : 'monitored',
          headName: `庭院户${i}`,
        }),
      );
    }
    const ordinary = await newHousehold(t, today, { householdType: 'ordinary', headName: '庭院普通户' });
    const refused = await send('POST', '/api/courtyard/nominations', town, {
      year,
      regionCode: DEMO_VILLAGE,
      householdIds: [eligible[0]?.id, ordinary.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('示范户只从脱贫户、监测户中推荐');
    expect(
      (
        await send('POST', '/api/courtyard/nominations', county, {
          year,
          regionCode: DEMO_VILLAGE,
          householdIds: [],
        })
      ).statusCode,
    ).toBe(403);

    const nominated = await send('POST', '/api/courtyard/nominations', town, {
      year,
      regionCode: DEMO_VILLAGE,
      householdIds: eligible.map((h) => h.id),
    });
    expect(nominated.statusCode).toBe(200);
    expect(nominated.json()).toMatchObject({ households: 10, stage: 'nominated' });
    const again = await send('POST', '/api/courtyard/nominations', town, {
      year,
      regionCode: DEMO_VILLAGE,
      householdIds: [eligible[0]?.id],
    });
    expect(again.statusCode).toBe(409);
    const villageId = nominated.json().villageId;

    // Another county sees nothing and gets 404 for the record.
    expect((await get(`/api/courtyard/village/${villageId}`, wolong)).statusCode).toBe(404);
    expect((await get(`/api/courtyard/villages?year=${year}`, wolong)).json().items).toEqual([]);

    let v = (await get(`/api/courtyard/village/${villageId}`, county)).json().village;
    // The township cannot select; a stale version is 409; a short notice is refused.
    const select = {
      action: 'select',
      kind: 'village',
      items: [{ id: villageId, version: v.version }],
      notice: { channel: '县政府网站', startsOn: addDays(today, -12), endsOn: addDays(today, -2) },
    };
    expect((await send('POST', '/api/courtyard/act', town, select)).statusCode).toBe(403);
    expect(
      (
        await send('POST', '/api/courtyard/act', county, {
          ...select,
          items: [{ id: villageId, version: v.version + 5 }],
        })
      ).statusCode,
    ).toBe(409);
    const short = await send('POST', '/api/courtyard/act', county, {
      ...select,
      notice: { ...select.notice, endsOn: addDays(today, -8) },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('公示期不少于');
    expect((await send('POST', '/api/courtyard/act', county, select)).statusCode).toBe(200);

    const list = (
      await get(`/api/courtyard/households?year=${year}&villageId=${villageId}&pageSize=50`, town)
    ).json();
    expect(list.total).toBe(10);
    expect(list.items.every((h: { stage: string }) => h.stage === 'building')).toBe(true);

    // Naming the village before its households are accepted is refused with the shortfall.
    v = (await get(`/api/courtyard/village/${villageId}`, county)).json().village;
    expect(v.stage).toBe('building');
    const acceptV = await send('POST', '/api/courtyard/act', town, {
      action: 'accept',
      kind: 'village',
      items: [{ id: villageId, version: v.version }],
    });
    expect(acceptV.statusCode).toBe(200);
    v = (await get(`/api/courtyard/village/${villageId}`, county)).json().village;
    const early = await send('POST', '/api/courtyard/act', county, {
      action: 'name',
      kind: 'village',
      items: [{ id: villageId, version: v.version }],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('达标示范户0户');

    // Year-end 验收 per household by the township.
    const accept = await send('POST', '/api/courtyard/act', town, {
      action: 'accept',
      kind: 'household',
      items: list.items.map((h: { id: number; version: number }) => ({ id: h.id, version: h.version })),
      result: {
        activities: ['planting', 'breeding'],
        scale: '0.8',
        scaleUnit: 'mu',
        netIncome: '4200.50',
        cleanYard: true,
      },
    });
    expect(accept.statusCode).toBe(200);

    // The income is the household's business income, entered once, pointing back to the record.
    const detail = (await get(`/api/households/${eligible[0]?.id}`, county)).json();
    const item = detail.incomeItems.find((i: { item: string }) => i.item.startsWith('庭院经济'));
    expect(item).toMatchObject({ category: 'business', amount: '4200.50', periodStart: `${year}-01-01` });
    const marked = await t.database.db
      .selectFrom('income_item')
      .select(['source_kind', 'source_id'])
      .where('household_id', '=', eligible[0]?.id as number)
      .where('source_kind', 'is not', null)
      .execute();
    expect(marked).toHaveLength(1);
    expect(marked[0]?.source_kind).toBe('courtyard_household');

    // The county names the households and then the village; the progress card counts it.
    const accepted = (
      await get(`/api/courtyard/households?year=${year}&villageId=${villageId}&pageSize=50`, county)
    ).json();
    expect(accepted.items[0].shortfalls).toEqual([]);
    expect(
      (
        await send('POST', '/api/courtyard/act', town, {
          action: 'name',
          kind: 'household',
          items: [{ id: accepted.items[0].id, version: accepted.items[0].version }],
        })
      ).statusCode,
    ).toBe(403);
    const nameH = await send('POST', '/api/courtyard/act', county, {
      action: 'name',
      kind: 'household',
      items: accepted.items.map((h: { id: number; version: number }) => ({ id: h.id, version: h.version })),
    });
    expect(nameH.statusCode).toBe(200);
    v = (await get(`/api/courtyard/village/${villageId}`, county)).json().village;
    expect(v.qualifiedHouseholds).toBe(10);
    const nameV = await send('POST', '/api/courtyard/act', county, {
      action: 'name',
      kind: 'village',
      items: [{ id: villageId, version: v.version }],
    });
    expect(nameV.statusCode, nameV.body).toBe(200);
    const record = (await get(`/api/courtyard/village/${villageId}`, county)).json();
    expect(record.village.stage).toBe('named');
    expect(record.events.map((e: { action: string }) => e.action)).toEqual([
      'nominate',
      'select',
      'accept',
      'name',
    ]);

    const progress = (await get(`/api/courtyard/progress?year=${year}`, city)).json();
    const wancheng = progress.items.find((c: { countyCode: string }) => c.countyCode === '411302000000');
    expect(wancheng).toMatchObject({
      namedVillages: 1,
      fullVillages: 1,
      namedHouseholds: 10,
      averageIncome: '4200.50',
      bound: false,
    });
    expect(progress.items.length).toBeGreaterThan(1);

    const ledger = await get(`/api/courtyard/ledger.xlsx?year=${year}`, county);
    expect(ledger.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.rowCount).toBe(11);
  });

  it('fails a record only with a reason and sends back with one', async () => {
    const h = await newHousehold(t, today, { householdType: 'monitored', headName: '庭院退回户' });
    const region = '411302102202';
    const nominated = await send('POST', '/api/courtyard/nominations', town, {
      year,
      regionCode: region,
      householdIds: [],
    });
    // The household lives in the demo village, not this one.
    const wrongVillage = await send('POST', '/api/courtyard/nominations', town, {
      year,
      regionCode: region,
      householdIds: [h.id],
    });
    if (nominated.statusCode === 200) {
      expect(wrongVillage.statusCode).toBe(400);
      const id = nominated.json().villageId;
      const v = (await get(`/api/courtyard/village/${id}`, county)).json().village;
      const sel = await send('POST', '/api/courtyard/act', county, {
        action: 'select',
        kind: 'village',
        items: [{ id, version: v.version }],
        notice: { channel: '县政府网站', startsOn: today, endsOn: addDays(today, 9) },
      });
      expect(sel.statusCode).toBe(200);
      const w = (await get(`/api/courtyard/village/${id}`, county)).json().village;
      const noReason = await send('POST', '/api/courtyard/act', county, {
        action: 'send_back',
        kind: 'village',
        items: [{ id, version: w.version }],
      });
      expect(noReason.statusCode).toBe(400);
      const tooEarly = await send('POST', '/api/courtyard/act', county, {
        action: 'accept',
        kind: 'village',
        items: [{ id, version: w.version }],
      });
      expect(tooEarly.statusCode).toBe(409);
      expect(tooEarly.json().message).toContain('公示期未满');
      const back = await send('POST', '/api/courtyard/act', county, {
        action: 'send_back',
        kind: 'village',
        items: [{ id, version: w.version }],
        comment: '请补充推荐农户',
      });
      expect(back.statusCode).toBe(200);
      expect((await get(`/api/courtyard/village/${id}`, county)).json().village.stage).toBe('nominated');
    } else {
      // No second village under 官庄镇 in this registry: the refusal is the region check.
      expect(nominated.statusCode).toBe(404);
    }
  });
});
