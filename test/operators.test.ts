import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/shared/clock.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let county: string;
let town: string;
let village: string;
let wolong: string;

const send = (method: 'POST' | 'PATCH', url: string, cookie: string, payload: object) =>
  t.app.inject({ method, url, headers: { cookie }, payload });
const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

const COOP = {
  regionCode: '411302102201',
  name: '东岗村香菇种植专业合作社',
  operatorType: 'cooperative',
  uscc: '93411302MA9XXXXX1F',
  legalPerson: '张山',
};

beforeAll(async () => {
  t = await createTestApp({}, { households: 200, date: clock().today() });
  county = await t.login('county_wancheng');
  town = await t.login('town_guanzhuang');
  village = await t.login('village_guanzhuang');
  wolong = await t.login('county_wolong');
});
afterAll(async () => {
  await t.close();
});

describe('operator registry (经营主体)', () => {
  it('refuses a wrong 统一社会信用代码 with the reason, on the field', async () => {
    const wrong = await send('POST', '/api/operators', town, COOP);
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json())).toContain('校验位');
    const short = await send('POST', '/api/operators', town, { ...COOP, uscc: '9341130' });
    expect(JSON.stringify(short.json())).toContain('应为 18 位');
  });

  it('registers an operator once per county: a second with the same code is a conflict', async () => {
    const created = await send('POST', '/api/operators', town, { ...COOP, uscc: '91110000600037341l' });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      name: COOP.name,
      uscc: '91110000600037341L',
      countyCode: '411302000000',
      regionName: '东岗村',
      status: 'active',
      workshop: null,
      workshopFlag: null,
      workersThisYear: 0,
      version: 1,
    });
    const again = await send('POST', '/api/operators', county, {
      ...COOP,
      name: '另一个名字',
      uscc: '91110000600037341L',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已登记这个统一社会信用代码');
    // Another county may hold the same code (the index is per county).
    const elsewhere = await send('POST', '/api/operators', wolong, {
      ...COOP,
      regionCode: '411303000000',
      uscc: '91110000600037341L',
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('keeps the lead-enterprise certification to lead enterprises, dated no later than today', async () => {
    const coop = await send('POST', '/api/operators', county, {
      regionCode: '411302102000',
      name: '官庄镇果蔬合作社',
      operatorType: 'cooperative',
      leadLevel: 'city',
    });
    expect(coop.statusCode).toBe(400);
    expect(coop.json().message).toContain('只有龙头企业');
    const future = await send('POST', '/api/operators', county, {
      regionCode: '411302000000',
      name: '宛城区食品有限公司',
      operatorType: 'lead_enterprise',
      leadLevel: 'city',
      leadCertifiedOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    const lead = await send('POST', '/api/operators', county, {
      regionCode: '411302000000',
      name: '宛城区食品有限公司',
      operatorType: 'lead_enterprise',
      uscc: '914403001922038216',
      leadLevel: 'city',
      leadCertifiedOn: '2025-06-30',
    });
    expect(lead.statusCode).toBe(200);
    expect(lead.json()).toMatchObject({ leadLevel: 'city', leadCertifiedOn: '2025-06-30' });
  });

  it('lets only counties and townships register, in their own scope; a village reads', async () => {
    const byVillage = await send('POST', '/api/operators', village, {
      ...COOP,
      uscc: null,
      name: '村里登记',
    });
    expect(byVillage.statusCode).toBe(403);
    const list = await get('/api/operators', village);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((o: { name: string }) => o.name)).toContain(COOP.name);
    // A county code above the town's scope is outside it: refused like a missing region.
    const above = await send('POST', '/api/operators', town, {
      ...COOP,
      uscc: null,
      regionCode: '411302000000',
    });
    expect(above.statusCode).toBe(404);
    const city = await send('POST', '/api/operators', county, {
      ...COOP,
      uscc: null,
      regionCode: '411300000000',
    });
    expect(city.statusCode).toBe(404);
  });

  it('searches by name, credit code, type and region, within the caller’s scope only', async () => {
    const byName = (await get(`/api/operators?q=${encodeURIComponent('香菇')}`, county)).json();
    expect(byName.items.map((o: { name: string }) => o.name)).toEqual([COOP.name]);
    const byCode = (await get('/api/operators?q=91110000600037341l', county)).json();
    expect(byCode.total).toBe(1);
    const leads = (await get('/api/operators?operatorType=lead_enterprise', county)).json();
    expect(leads.items.map((o: { name: string }) => o.name)).toEqual(['宛城区食品有限公司']);
    const inTown = (await get('/api/operators?regionCode=411302102000', county)).json();
    expect(inTown.items.every((o: { regionCode: string }) => o.regionCode.startsWith('411302102'))).toBe(
      true,
    );
    // 卧龙区 sees its own operator only, never 宛城区's.
    const fromWolong = (await get('/api/operators', wolong)).json();
    expect(fromWolong.items.every((o: { countyCode: string }) => o.countyCode === '411303000000')).toBe(true);
  });

  it('edits with the version the user saw, audits old → new, and refuses a stale save', async () => {
    const [coop] = (await get(`/api/operators?q=${encodeURIComponent('香菇')}`, county)).json().items;
    const saved = await send('PATCH', `/api/operators/${coop.id}`, town, {
      version: coop.version,
      legalPerson: '李四',
      status: 'suspended',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      legalPerson: '李四',
      status: 'suspended',
      version: coop.version + 1,
    });
    const stale = await send('PATCH', `/api/operators/${coop.id}`, county, {
      version: coop.version,
      legalPerson: '王五',
    });
    expect(stale.statusCode).toBe(409);
    const audit = (await get('/api/audit?action=operator.update', county)).json();
    expect(audit.items[0]).toMatchObject({
      oldValues: { legal_person: '张山', status: 'active' },
      newValues: { legal_person: '李四', status: 'suspended' },
    });
    const foreign = await send('PATCH', `/api/operators/${coop.id}`, wolong, { version: 2, name: '越权' });
    expect(foreign.statusCode).toBe(404);
  });

  it('counts the people working for it this year from the work records, entered once there', async () => {
    const [lead] = (await get('/api/operators?operatorType=lead_enterprise', county)).json().items;
    const households = (await get('/api/households?regionCode=411302000000&pageSize=3', county)).json().items;
    let written = 0;
    for (const h of households as Array<{ id: number }>) {
      const detail = (await get(`/api/households/${h.id}`, county)).json();
      const record = await send('POST', '/api/employment/records', county, {
        personId: detail.members[0].id,
        category: 'unit_employed',
        startMonth: `${clock().today().slice(0, 4)}-01`,
        channel: 'lead_enterprise',
        operatorId: lead.id,
      });
      expect(record.statusCode).toBe(201);
      written += 1;
    }
    const after = (await get(`/api/operators/${lead.id}`, county)).json();
    expect(after.workersThisYear).toBe(written);
  });

  it('describes a workshop once (type, site, certification, insurance), lists its workers from the work records and flags it', async () => {
    const created = await send('POST', '/api/operators', town, {
      regionCode: '411302102201',
      name: '东岗村箱包加工帮扶车间',
      operatorType: 'workshop',
    });
    const workshop = created.json();
    expect(workshop).toMatchObject({ workshop: null, workshopFlag: 'idle', workersNow: 0 });
    const coop = (await get(`/api/operators?q=${encodeURIComponent('香菇')}`, county)).json().items[0];
    const notWorkshop = await t.app.inject({
      method: 'PUT',
      url: `/api/operators/${coop.id}/workshop`,
      headers: { cookie: town },
      payload: { version: null, workshopType: 'factory', insured: true },
    });
    expect(notWorkshop.statusCode).toBe(400);

    const profile = {
      version: null,
      workshopType: 'factory',
      site: '东岗村村委会东侧',
      certifiedLevel: 'county',
      certifiedOn: '2025-05-10',
      certifiedBy: '宛城区人社局、乡村振兴局',
      capacity: 30,
      insured: true,
    };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/operators/${workshop.id}/workshop`,
      headers: { cookie: town },
      payload: profile,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().workshop).toMatchObject({ ...profile, version: 1 });
    // A second first description, or a stale version, is refused: someone described it already.
    const again = await t.app.inject({
      method: 'PUT',
      url: `/api/operators/${workshop.id}/workshop`,
      headers: { cookie: county },
      payload: { ...profile, capacity: 40 },
    });
    expect(again.statusCode).toBe(409);

    // Two workers through the workshop this month: below the minimum of 5, and both listed as its employees.
    const households = (await get('/api/households?regionCode=411302102000&pageSize=2', county)).json().items;
    for (const h of households as Array<{ id: number }>) {
      const detail = (await get(`/api/households/${h.id}`, county)).json();
      const record = await send('POST', '/api/employment/records', county, {
        personId: detail.members[0].id,
        category: 'unit_employed',
        startMonth: clock().today().slice(0, 7),
        channel: 'workshop',
        operatorId: workshop.id,
      });
      expect(record.statusCode).toBe(201);
    }
    const after = (await get(`/api/operators/${workshop.id}`, county)).json();
    expect(after).toMatchObject({ workersNow: 2, workshopFlag: 'below_minimum' });
    const workers = (await get(`/api/employment/records?operatorId=${workshop.id}`, county)).json();
    expect(workers.total).toBe(2);
    expect(workers.items.every((w: { operatorId: number }) => w.operatorId === workshop.id)).toBe(true);
    const foreign = await get(`/api/employment/records?operatorId=${workshop.id}`, wolong);
    expect(foreign.statusCode).toBe(404);

    // A workshop of another county cannot be named on a 宛城区 household's record: its registry is not 宛城区's.
    const theirs = await send('POST', '/api/operators', wolong, {
      regionCode: '411303000000',
      name: '卧龙区制衣帮扶车间',
      operatorType: 'workshop',
    });
    expect(theirs.statusCode).toBe(200);
    const detail = (
      await get(`/api/households/${(households as Array<{ id: number }>)[0]?.id}`, county)
    ).json();
    const crossed = await send('POST', '/api/employment/records', county, {
      personId: detail.members[0].id,
      category: 'unit_employed',
      startMonth: clock().today().slice(0, 7),
      channel: 'workshop',
      operatorId: theirs.json().id,
      employer: '卧龙区制衣帮扶车间',
    });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().message).toContain('不在本县经营主体名录');
  });
});
