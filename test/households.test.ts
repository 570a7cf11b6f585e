import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../src/shared/id-number.js';
import { toCents } from '../src/shared/money.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let county: string;
let admin: string;
let wolong: string;
let householdId: number;

function validId(prefix17: string) {
  return `${prefix17}${checkCharacter(prefix17)}`;
}

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  t = await createTestApp({}, { households: 600, date: '2026-11-15' });
  county = await t.login('county_wancheng');
  admin = await t.login('city_admin');
  wolong = await t.login('county_wolong');
  const list = await get('/api/households?regionCode=411302102000&pageSize=5', county);
  householdId = list.json().items[0].id;
});
afterAll(async () => {
  await t.close();
});

describe('household registry', () => {
  it('searches within the caller’s region by region, type and head name', async () => {
    const all = await get('/api/households?pageSize=200', county);
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBeGreaterThan(10);
    for (const h of all.json().items as Array<{ regionCode: string }>) {
      expect(h.regionCode.startsWith('411302')).toBe(true);
    }
    const exited = await get('/api/households?type=exited_poverty&pageSize=200', admin);
    expect(exited.json().items.length).toBeGreaterThan(0);
    expect(
      exited.json().items.every((h: { householdType: string }) => h.householdType === 'exited_poverty'),
    ).toBe(true);
    const first = all.json().items[0] as { headName: string; id: number };
    const byName = await get(`/api/households?headName=${encodeURIComponent(first.headName)}`, county);
    expect(byName.json().items.map((h: { id: number }) => h.id)).toContain(first.id);
  });

  it('shows a household with members masked, income against the line and the guarantees', async () => {
    const response = await get(`/api/households/${householdId}`, county);
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.members.length).toBe(detail.household.memberCount);
    expect(detail.members[0].idMasked).toMatch(/^411302\*{8}[\dX]{4}$/);
    expect(JSON.stringify(detail.members)).not.toMatch(/\d{17}[\dX]/);
    expect(detail.household.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(detail.line).toBe('8300.00');
    expect(detail.income.perCapita).toMatch(/^\d+\.\d{2}$/);
    expect(toCents(detail.income.perCapita)).toBeGreaterThan(0n);
    expect(Object.keys(detail.guarantees)).toEqual(['education', 'medical', 'housing', 'water']);
  });

  it('reveals a full ID number only to a permitted role, and audits it', async () => {
    const detail = (await get(`/api/households/${householdId}`, county)).json();
    const personId = detail.members[0].id;
    const denied = await send('POST', `/api/households/${householdId}/members/${personId}/reveal`, admin);
    expect(denied.statusCode).toBe(403);
    const revealed = await send('POST', `/api/households/${householdId}/members/${personId}/reveal`, county);
    expect(revealed.statusCode).toBe(200);
    const idNumber = revealed.json().idNumber as string;
    expect(idNumber).toMatch(/^411302\d{11}[\dX]$/);
    expect(idNumber.slice(-4)).toBe(detail.members[0].idMasked.slice(-4));
    const byId = await get(`/api/households?idNumber=${idNumber.slice(0, 6)} ${idNumber.slice(6)}`, county);
    expect(byId.json().items.map((h: { id: number }) => h.id)).toEqual([householdId]);
    const audit = await get(`/api/audit?action=person.reveal&entityId=${householdId}`, admin);
    expect(audit.json().items[0]).toMatchObject({
      actorName: 'county_wancheng',
      newValues: { person_id: personId },
    });
  });

  it('refuses households of another county like missing ones', async () => {
    const foreign = await get(`/api/households/${householdId}`, wolong);
    const missing = await get('/api/households/99999999', wolong);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message).toBe(missing.json().message);
    const edit = await send('PATCH', `/api/households/${householdId}`, wolong, { version: 1, address: 'x' });
    expect(edit.statusCode).toBe(404);
  });

  it('edits with optimistic concurrency and records old → new', async () => {
    const detail = (await get(`/api/households/${householdId}`, county)).json();
    const version = detail.household.version as number;
    const first = await send('PATCH', `/api/households/${householdId}`, county, {
      version,
      housingGrade: 'C',
      address: '官庄镇东岗村3组',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().guarantees.housing).toBe('problem');
    const second = await send('PATCH', `/api/households/${householdId}`, admin === '' ? county : county, {
      version,
      address: '别的地址',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CONFLICT');
    const history = await get(`/api/households/${householdId}/history`, county);
    expect(history.json()[0]).toMatchObject({
      action: 'household.update',
      actorName: 'county_wancheng',
      newValues: { housing_grade: 'C', address: '官庄镇东岗村3组' },
    });
  });

  it('records nothing when a save changes nothing (numbers and phones compared by value)', async () => {
    const detail = (await get(`/api/households/${householdId}`, county)).json();
    const version = detail.household.version as number;
    const before = (await get(`/api/households/${householdId}/history`, county)).json().length;
    const set = await send('PATCH', `/api/households/${householdId}`, county, {
      version,
      phone: '13912345678',
      houseArea: 88,
    });
    expect(set.statusCode).toBe(200);
    const after = set.json().household.version as number;
    const same = await send('PATCH', `/api/households/${householdId}`, county, {
      version: after,
      phone: '13912345678',
      houseArea: 88,
    });
    expect(same.json().household.version).toBe(after);
    const history = (await get(`/api/households/${householdId}/history`, county)).json();
    expect(history.length).toBe(before + 1); // the first save only: the identical second save adds nothing
  });

  it('adds members with validated, unique ID numbers; sex and birth date come from the number', async () => {
    let detail = (await get(`/api/households/${householdId}`, county)).json();
    const bad = await send('POST', `/api/households/${householdId}/members`, county, {
      version: detail.household.version,
      name: '错号',
      relation: '之女',
      idNumber: '411302195803120130',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      details: { field: 'idNumber' },
      message: '身份证号校验位错误（应为 7）',
    });
    const idNumber = validId('41130220150101331');
    const added = await send('POST', `/api/households/${householdId}/members`, county, {
      version: detail.household.version,
      name: '新成员',
      relation: '之子',
      idNumber: ` ${idNumber.slice(0, 9)} ${idNumber.slice(9)}`,
    });
    expect(added.statusCode).toBe(200);
    detail = added.json();
    const member = detail.members.find((m: { name: string }) => m.name === '新成员');
    expect(member).toMatchObject({ sex: 'male', birthDate: '2015-01-01' });
    expect(detail.household.memberCount).toBe(detail.members.length);
    const duplicate = await send('POST', `/api/households/${householdId}/members`, county, {
      version: detail.household.version,
      name: '重复',
      relation: '之子',
      idNumber,
    });
    expect(duplicate.statusCode).toBe(409);
    const secondHead = await send('POST', `/api/households/${householdId}/members`, county, {
      version: detail.household.version,
      name: '两个户主',
      relation: '户主',
      idNumber: validId('41130219900101002'),
    });
    expect(secondHead.statusCode).toBe(400);
  });

  it('changes the head, splits a household and removes a member, all in the history', async () => {
    let detail = (await get(`/api/households/${householdId}`, county)).json();
    const child = detail.members.find((m: { name: string }) => m.name === '新成员');
    const oldHead = detail.members.find((m: { relation: string }) => m.relation === '户主');
    const changed = await send('POST', `/api/households/${householdId}/head`, county, {
      version: detail.household.version,
      personId: child.id,
      formerHeadRelation: '之父',
    });
    expect(changed.statusCode).toBe(200);
    detail = changed.json();
    expect(detail.household.headName).toBe('新成员');
    const restored = await send('POST', `/api/households/${householdId}/head`, county, {
      version: detail.household.version,
      personId: oldHead.id,
      formerHeadRelation: '之子',
    });
    detail = restored.json();
    const split = await send('POST', `/api/households/${householdId}/split`, county, {
      version: detail.household.version,
      personIds: [child.id],
      newHeadId: child.id,
    });
    expect(split.statusCode).toBe(200);
    expect(split.json().created.household.headName).toBe('新成员');
    expect(split.json().created.household.regionCode).toBe(split.json().original.household.regionCode);
    detail = split.json().original;
    const other = detail.members.find((m: { relation: string }) => m.relation !== '户主');
    if (other) {
      const removed = await send(
        'POST',
        `/api/households/${householdId}/members/${other.id}/remove`,
        county,
        {
          version: detail.household.version,
          reason: '外嫁',
        },
      );
      expect(removed.statusCode).toBe(200);
      expect(removed.json().members.map((m: { id: number }) => m.id)).not.toContain(other.id);
    }
    const actions = (await get(`/api/households/${householdId}/history`, county))
      .json()
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['household.head_change', 'household.split', 'household.member_add']),
    );
  });

  it('computes per-capita income from counted sub-items over the rolling 12 months', async () => {
    const created = await send('POST', '/api/households', county, {
      regionCode: '411302102201',
      householdType: 'ordinary',
      head: { name: '收入测试', idNumber: validId('41130219700101005') },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().household.id as number;
    const year = { periodStart: '2025-11-01', periodEnd: '2026-10-31' };
    await send('POST', `/api/households/${id}/income`, county, {
      category: 'wage',
      item: 'wage.migrant',
      amount: '9000',
      ...year,
    });
    await send('POST', `/api/households/${id}/income`, county, {
      category: 'transfer',
      item: 'transfer.relocation_grant',
      amount: '20000',
      ...year,
    });
    const withCost = await send('POST', `/api/households/${id}/income`, county, {
      category: 'production_cost',
      item: 'production_cost.crops',
      amount: '1200',
      ...year,
    });
    const detail = withCost.json();
    // The relocation grant is not counted by default; the window is 2025-11..2026-10 for today.
    expect(
      detail.incomeItems.find((i: { item: string }) => i.item === 'transfer.relocation_grant').isCounted,
    ).toBe(false);
    const now = (await get(`/api/households/${id}`, county)).json();
    expect(now.window.end >= '2026-10-31').toBe(true);
    const mismatch = await send('POST', `/api/households/${id}/income`, county, {
      category: 'wage',
      item: 'business.crops',
      amount: '1',
      ...year,
    });
    expect(mismatch.statusCode).toBe(400);
  });

  it('keeps money exact: decimal strings in and out, sums without floats, more than two decimals refused', async () => {
    const created = await send('POST', '/api/households', county, {
      regionCode: '411302102201',
      householdType: 'ordinary',
      head: { name: '分厘测试', idNumber: validId('41130219700101013') },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().household.id as number;
    const { window } = (await get(`/api/households/${id}`, county)).json();
    const inWindow = { periodStart: window.start, periodEnd: window.end };
    let detail: {
      income: { byCategory: Record<string, string>; netIncome: string; perCapita: string | null };
      incomeItems: Array<{ amount: string }>;
    } = { income: { byCategory: {}, netIncome: '', perCapita: null }, incomeItems: [] };
    for (const amount of ['0.10', '0.20', '0.30']) {
      const added = await send('POST', `/api/households/${id}/income`, county, {
        category: 'wage',
        item: 'wage.migrant',
        amount,
        ...inWindow,
      });
      expect(added.statusCode).toBe(200);
      detail = added.json();
    }
    expect(detail.incomeItems.map((i) => i.amount).sort()).toEqual(['0.10', '0.20', '0.30']);
    expect(detail.income.byCategory.wage).toBe('0.60');
    expect(detail.income.netIncome).toBe('0.60');
    expect(detail.income.perCapita).toBe('0.60');

    for (const amount of ['12.345', 12, '-1', '1e3', '100000000.01']) {
      const refused = await send('POST', `/api/households/${id}/income`, county, {
        category: 'wage',
        item: 'wage.migrant',
        amount,
        ...inWindow,
      });
      expect(refused.statusCode, String(amount)).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'VALIDATION' });
    }

    const version = created.json().household.version as number;
    const updated = await send('PATCH', `/api/households/${id}`, county, {
      version,
      medicalOutOfPocket: '1234.5',
      insuranceClaims: '0.1',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().household).toMatchObject({
      medicalOutOfPocket: '1234.50',
      insuranceClaims: '0.10',
    });
    const tooPrecise = await send('PATCH', `/api/households/${id}`, county, {
      version: updated.json().household.version,
      medicalOutOfPocket: '12.345',
    });
    expect(tooPrecise.statusCode).toBe(400);
  });
});

describe("the year's monitoring line on the household page", () => {
  it('applies the latest earlier line when this year has none, says which, and takes this year’s once set', async () => {
    const before = (await get(`/api/households/${householdId}`, county)).json();
    const lines = (await get('/api/screening/lines', admin)).json() as Array<{
      year: number;
      province: string;
    }>;
    expect(lines.some((l) => l.year === 2026)).toBe(false);
    const latest = Math.max(...lines.map((l) => l.year));
    expect(before).toMatchObject({ line: '8300.00', lineYear: latest, lineForYear: 2026 });
    expect(latest).toBeLessThan(2026);

    const province = lines[0]?.province ?? '';
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/screening/lines',
      headers: { cookie: admin },
      payload: { province, year: 2026, amount: '9100' },
    });
    expect(set.statusCode).toBe(200);
    const after = (await get(`/api/households/${householdId}`, county)).json();
    expect(after).toMatchObject({ line: '9100.00', lineYear: 2026, lineForYear: 2026 });
  });
});
