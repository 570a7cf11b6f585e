import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/services/actor.js';
import { MONEY_TEXT_FORMAT } from '../src/server/services/fund.service.js';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { sumMoney } from '../src/shared/money.js';
import { COUNTY_ASSESSMENT_CHECKS, TOWN_REVIEW_CHECKS } from '../src/shared/project-codes.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
const cookies: Record<string, string> = {};
const today = clock().today();
const year = Number(today.slice(0, 4));
const all = (items: readonly string[]) => Object.fromEntries(items.map((i) => [i, true]));

const declaration = (overrides: Record<string, unknown> = {}) => ({
  year,
  name: '东岗村香菇大棚建设项目',
  categoryL1: '产业发展',
  categoryL2: '生产',
  nature: '新建',
  tasks: [{ item: '新建香菇大棚', quantity: '20', unit: '座' }],
  estimatedInvestment: '1200000.00',
  funding: [
    { source: 'central', amount: '1000000.00' },
    { source: 'self_raised', amount: '200000.00' },
  ],
  implementingUnit: '官庄镇人民政府',
  performanceTargets: [{ kind: '效益', indicator: '带动脱贫户增收', value: '≥2000元/户' }],
  linkageMode: '吸纳就业',
  linkageHouseholds: 30,
  beneficiaryHouseholds: 45,
  beneficiaryPersons: 150,
  beneficiaryPoor: 30,
  ...overrides,
});

async function call(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] ?? '' },
    ...(payload ? { payload: payload as object } : {}),
  });
}

/** Declares a village project, posts its notice (ended yesterday) and takes it up to the library. */
async function approvedProject(overrides: Record<string, unknown> = {}) {
  let p = (await call('village_guanzhuang', 'POST', '/api/projects', declaration(overrides))).json();
  const act = async (user: string, body: Record<string, unknown>) => {
    const r = await call(user, 'POST', `/api/projects/${p.id}/actions`, { version: p.version, ...body });
    expect(r.statusCode, r.body).toBe(200);
    p = r.json();
  };
  await act('village_guanzhuang', {
    action: 'start_notice',
    notice: { channel: '村务公开栏', startsOn: addDays(today, -12), endsOn: addDays(today, -1) },
  });
  await act('village_guanzhuang', { action: 'submit' });
  await act('town_guanzhuang', { action: 'town_pass', checks: all(TOWN_REVIEW_CHECKS) });
  await act('county_wancheng', { action: 'county_approve', checks: all(COUNTY_ASSESSMENT_CHECKS) });
  return p as { id: number; version: number; stage: string };
}

beforeAll(async () => {
  t = await createTestApp({}, { households: 200, date: today });
  for (const user of [
    'village_guanzhuang',
    'town_guanzhuang',
    'county_wancheng',
    'county_wolong',
    'city_admin',
  ]) {
    cookies[user] = await t.login(user);
  }
}, 180_000);
afterAll(async () => {
  await t.close();
});

describe('project library', () => {
  it('refuses a funding mix that does not add up to the estimate, writing nothing', async () => {
    const r = await call(
      'village_guanzhuang',
      'POST',
      '/api/projects',
      declaration({ estimatedInvestment: '1200000.01' }),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'VALIDATION', message: '资金构成合计应等于投资概算' });
    expect((await t.database.db.selectFrom('project').select('id').execute()).length).toBe(0);
  });

  it('takes a village project through notice, township review, send-back and county approval', async () => {
    let p = (await call('village_guanzhuang', 'POST', '/api/projects', declaration())).json();
    expect(p).toMatchObject({
      stage: 'draft',
      level: 'village',
      isIndustry: true,
      negativeHits: [],
      allowedActions: ['start_notice'],
    });
    const act = (user: string, body: Record<string, unknown>) =>
      call(user, 'POST', `/api/projects/${p.id}/actions`, { version: p.version, ...body });

    const short = await act('village_guanzhuang', {
      action: 'start_notice',
      notice: { channel: '村务公开栏', startsOn: today, endsOn: addDays(today, 8) },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toBe('公示期不少于10天');

    const posted = await act('village_guanzhuang', {
      action: 'start_notice',
      notice: { channel: '村务公开栏', startsOn: today, endsOn: addDays(today, 9) },
    });
    expect(posted.statusCode).toBe(200);
    p = posted.json();
    expect(p).toMatchObject({ stage: 'notice', noticeEndsOn: addDays(today, 9) });
    // The next step waits for the notice's end.
    const early = await act('village_guanzhuang', { action: 'submit' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('公示期未满');
    // Let the notice have run (posted 12 days ago) and submit.
    await t.database.db
      .updateTable('public_notice')
      .set({ starts_on: addDays(today, -12), ends_on: addDays(today, -1) })
      .where('subject_id', '=', p.id)
      .execute();
    p = (await act('village_guanzhuang', { action: 'submit' })).json();
    expect(p.stage).toBe('town_review');

    // The village cannot review; the township must confirm every checklist item.
    expect(
      (await act('village_guanzhuang', { action: 'town_pass', checks: all(TOWN_REVIEW_CHECKS) })).statusCode,
    ).toBe(403);
    const partial = await act('town_guanzhuang', { action: 'town_pass', checks: { 真实性: true } });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().details.missing).toContain('绩效目标');
    p = (await act('town_guanzhuang', { action: 'town_pass', checks: all(TOWN_REVIEW_CHECKS) })).json();
    expect(p.stage).toBe('county_assessment');

    expect((await act('county_wancheng', { action: 'send_back' })).statusCode).toBe(400);
    const back = await act('county_wancheng', { action: 'send_back', comment: '投资概算偏高，请乡镇复核' });
    expect(back.statusCode).toBe(200);
    p = back.json();
    expect(p.stage).toBe('town_review');
    // A stale version loses.
    const stale = await call('town_guanzhuang', 'POST', `/api/projects/${p.id}/actions`, {
      version: p.version - 1,
      action: 'town_pass',
      checks: all(TOWN_REVIEW_CHECKS),
    });
    expect(stale.statusCode).toBe(409);
    p = (await act('town_guanzhuang', { action: 'town_pass', checks: all(TOWN_REVIEW_CHECKS) })).json();
    p = (
      await act('county_wancheng', { action: 'county_approve', checks: all(COUNTY_ASSESSMENT_CHECKS) })
    ).json();
    expect(p.stage).toBe('approved');
    expect(p.events.map((e: { action: string }) => e.action)).toEqual([
      'declare',
      'start_notice',
      'submit',
      'town_pass',
      'send_back',
      'town_pass',
      'county_approve',
    ]);
    expect(p.events.find((e: { action: string }) => e.action === 'send_back').comment).toBe(
      '投资概算偏高，请乡镇复核',
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'project')
      .where('entity_id', '=', String(p.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('project.county_approve');
  });

  it('shows a negative-list hit and refuses review until the project is changed', async () => {
    let p = (
      await call('village_guanzhuang', 'POST', '/api/projects', declaration({ name: '东岗村村部办公楼改造' }))
    ).json();
    expect(p.negativeHits.map((h: { code: string }) => h.code)).toEqual(['buildings']);
    const act = async (user: string, body: Record<string, unknown>) => {
      const r = await call(user, 'POST', `/api/projects/${p.id}/actions`, { version: p.version, ...body });
      if (r.statusCode === 200) {
        p = r.json();
      }
      return r;
    };
    await act('village_guanzhuang', {
      action: 'start_notice',
      notice: { channel: '村务公开栏', startsOn: addDays(today, -12), endsOn: addDays(today, -1) },
    });
    await act('village_guanzhuang', { action: 'submit' });
    const refused = await act('town_guanzhuang', { action: 'town_pass', checks: all(TOWN_REVIEW_CHECKS) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('负面清单');
    expect((await act('town_guanzhuang', { action: 'send_back', comment: '触及负面清单' })).statusCode).toBe(
      200,
    );
    const changed = await call('village_guanzhuang', 'PUT', `/api/projects/${p.id}`, {
      ...declaration({ name: '东岗村冷链仓储项目' }),
      version: p.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ negativeHits: [], stage: 'draft' });
  });

  it('lets only the declaring village edit a sent-back draft, under its version, and resubmit it', async () => {
    let p = (
      await call('village_guanzhuang', 'POST', '/api/projects', declaration({ name: '东岗村光伏电站项目' }))
    ).json();
    expect(p.canEdit).toBe(true);
    const act = async (user: string, body: Record<string, unknown>) => {
      const r = await call(user, 'POST', `/api/projects/${p.id}/actions`, { version: p.version, ...body });
      expect(r.statusCode, r.body).toBe(200);
      p = r.json();
    };
    await act('village_guanzhuang', {
      action: 'start_notice',
      notice: { channel: '村务公开栏', startsOn: addDays(today, -12), endsOn: addDays(today, -1) },
    });
    expect(p.canEdit).toBe(false);
    await act('village_guanzhuang', { action: 'submit' });
    await act('town_guanzhuang', { action: 'send_back', comment: '投资概算偏高，请核减' });
    expect(p.stage).toBe('draft');
    // The township sees the draft but may not change it; the village may.
    const asTown = (await call('town_guanzhuang', 'GET', `/api/projects/${p.id}`)).json();
    expect(asTown.canEdit).toBe(false);
    expect((await call('village_guanzhuang', 'GET', `/api/projects/${p.id}`)).json().canEdit).toBe(true);
    const body = {
      ...declaration({
        name: '东岗村光伏电站项目',
        estimatedInvestment: '900000.00',
        funding: [
          { source: 'central', amount: '800000.00' },
          { source: 'self_raised', amount: '100000.00' },
        ],
      }),
      version: p.version,
    };
    expect((await call('town_guanzhuang', 'PUT', `/api/projects/${p.id}`, body)).statusCode).toBe(403);
    const saved = await call('village_guanzhuang', 'PUT', `/api/projects/${p.id}`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ estimatedInvestment: '900000.00', stage: 'draft', canEdit: true });
    // A second save with the version read before the first is a conflict, and changes nothing.
    const stale = await call('village_guanzhuang', 'PUT', `/api/projects/${p.id}`, {
      ...body,
      estimatedInvestment: '1.00',
      funding: [{ source: 'central', amount: '1.00' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', message: '项目已被他人修改，请刷新后重试' });
    p = (await call('village_guanzhuang', 'GET', `/api/projects/${p.id}`)).json();
    expect(p.estimatedInvestment).toBe('900000.00');
    // Resubmitted: a new notice, then up to the township again.
    await act('village_guanzhuang', {
      action: 'start_notice',
      notice: { channel: '村务公开栏', startsOn: today, endsOn: addDays(today, 9) },
    });
    expect(p.stage).toBe('notice');
    const afterNotice = await call('village_guanzhuang', 'PUT', `/api/projects/${p.id}`, {
      ...body,
      version: p.version,
    });
    expect(afterNotice.statusCode).toBe(409);
  });

  it('lets a township project skip the township review and hides it from another county', async () => {
    const r = await call(
      'town_guanzhuang',
      'POST',
      '/api/projects',
      declaration({ name: '官庄镇产业路建设', categoryL2: '配套设施' }),
    );
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ level: 'town', regionCode: '411302102000' });
    expect((await call('county_wolong', 'GET', `/api/projects/${r.json().id}`)).statusCode).toBe(404);
    expect(
      (await call('village_guanzhuang', 'POST', '/api/projects', declaration({ regionCode: '411302102000' })))
        .statusCode,
    ).toBe(404);
    const atVillage = await call(
      'town_guanzhuang',
      'POST',
      '/api/projects',
      declaration({ regionCode: '411302102201' }),
    );
    expect(atVillage.statusCode).toBe(400);
    expect(atVillage.json().message).toBe('乡镇级项目的地点应为乡镇');
  });
});

describe('connection funds', () => {
  let projectId: number;
  let allocationId: number;
  let lineId: number;

  it('refuses money for a project outside the library', async () => {
    const draft = (
      await call('village_guanzhuang', 'POST', '/api/projects', declaration({ name: '未入库项目' }))
    ).json();
    const allocation = await call('county_wancheng', 'POST', '/api/fund-allocations', {
      docNumber: `宛财农〔${year}〕1号`,
      source: 'central',
      year,
      amount: '3000000.00',
      receivedOn: addDays(today, -30),
    });
    expect(allocation.statusCode, allocation.body).toBe(200);
    allocationId = allocation.json().id;
    const line = await call('county_wancheng', 'POST', `/api/fund-allocations/${allocationId}/lines`, {
      projectId: draft.id,
      amount: '100.00',
      allocatedOn: today,
    });
    expect(line.statusCode).toBe(409);
    expect(line.json().message).toBe('项目未入库，不能安排资金');
    const dup = await call('county_wancheng', 'POST', '/api/fund-allocations', {
      docNumber: `宛财农〔${year}〕1号`,
      source: 'central',
      year,
      amount: '1.00',
      receivedOn: today,
    });
    expect(dup.statusCode).toBe(409);
  });

  it('allocates to a library project and records payments, never beyond the line', async () => {
    projectId = (await approvedProject({ name: '官庄镇肉牛养殖项目' })).id;
    const line = await call('county_wancheng', 'POST', `/api/fund-allocations/${allocationId}/lines`, {
      projectId,
      amount: '1000000.00',
      allocatedOn: addDays(today, -20),
      notice: { channel: '县政府网站', startsOn: addDays(today, -19), endsOn: addDays(today, -5) },
    });
    expect(line.statusCode, line.body).toBe(200);
    lineId = line.json().id;
    expect(line.json().allocation).toMatchObject({ allocated: '1000000.00', unallocated: '2000000.00' });
    const over = await call('county_wancheng', 'POST', `/api/fund-allocations/${allocationId}/lines`, {
      projectId: (await approvedProject({ name: '另一个项目' })).id,
      amount: '2000000.01',
      allocatedOn: today,
    });
    expect(over.statusCode).toBe(400);

    const pay = (amount: string) =>
      call('county_wancheng', 'POST', '/api/fund-payments', {
        fundLineId: lineId,
        paidOn: addDays(today, -10),
        amount,
        voucher: 'PZ-1',
      });
    expect((await pay('300000.10')).json()).toMatchObject({
      projectPaidTotal: '300000.10',
      linePaid: '300000.10',
    });
    const tooMuch = await pay('700000.00');
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().details.remaining).toBe('699999.90');
    // Another county cannot pay on this line.
    const foreign = await call('county_wolong', 'POST', '/api/fund-payments', {
      fundLineId: lineId,
      paidOn: today,
      amount: '1.00',
    });
    expect(foreign.statusCode).toBe(404);
  });

  async function workbook(rows: Array<Array<string | number>>) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('支付');
    sheet.addRow(['项目编号', '下达文号', '支付日期', '支付金额', '凭证号']);
    for (const r of rows) {
      sheet.addRow(r);
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const upload = (body: Buffer, skip = false, dryRun = false) =>
    t.app.inject({
      method: 'POST',
      url: `/api/fund-payments/import?skipBadRows=${skip}&dryRun=${dryRun}`,
      headers: { cookie: cookies.county_wancheng ?? '', 'content-type': 'application/octet-stream' },
      payload: body,
    });

  it('imports payments from Excel: every bad row reported, nothing written unless skipped', async () => {
    const doc = `宛财农〔${year}〕1号`;
    const file = await workbook([
      [projectId, doc, addDays(today, -5), '100000.00', 'PZ-2'],
      [projectId, doc, addDays(today, -4), '0.01', 'PZ-3'],
      [projectId, '不存在的文号', addDays(today, -4), '10.00', ''],
      [99999999, doc, addDays(today, -4), '10.00', ''],
      [projectId, doc, 'yesterday', '10.00', ''],
    ]);
    const payments = async () =>
      (await t.database.db.selectFrom('fund_payment').select('id').execute()).length;
    const refused = await upload(file);
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', imported: 0, totalRows: 5, acceptedRows: 2 });
    expect(refused.json().problems.map((p: { row: number }) => p.row)).toEqual([4, 5, 6]);
    expect(await payments()).toBe(1);
    // 预检, with and without skipping: every bad row with its reason, what an import would take, nothing written.
    for (const skip of [false, true]) {
      const checked = await upload(file, skip, true);
      expect(checked.statusCode, checked.body).toBe(200);
      expect(checked.json()).toMatchObject({
        status: 'checked',
        totalRows: 5,
        acceptedRows: 2,
        acceptedTotal: '100000.01',
        imported: 0,
        total: '0.00',
        problems: [
          { row: 4, reason: '该项目未从此文号下达资金' },
          { row: 5, reason: '项目不存在或无权访问' },
          { row: 6, reason: '支付日期格式应为 2026-05-31' },
        ],
      });
      expect(
        checked
          .json()
          .preview.map((p: { row: number; projectName: string; amount: string }) => [
            p.row,
            p.projectName,
            p.amount,
          ]),
      ).toEqual([
        [2, '官庄镇肉牛养殖项目', '100000.00'],
        [3, '官庄镇肉牛养殖项目', '0.01'],
      ]);
      expect(await payments()).toBe(1);
    }
    // The import skipping bad rows takes exactly what the check said.
    const skipped = await upload(file, true);
    expect(skipped.json()).toMatchObject({
      status: 'partial',
      imported: 2,
      total: '100000.01',
      acceptedRows: 2,
    });
    const project = (await call('county_wancheng', 'GET', `/api/projects/${projectId}`)).json();
    expect(project.paidTotal).toBe('400000.11');
    expect(project.paidTotal).toBe(sumMoney(project.payments.map((p: { amount: string }) => p.amount)));
  });

  it('gives the payment file template with the headers the import reads', async () => {
    const r = await call('county_wancheng', 'GET', '/api/fund-payments/template.csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.body.replace(/^\uFEFF/, '').trim()).toBe('项目编号,下达文号,支付日期,支付金额,凭证号');
    expect((await call('town_guanzhuang', 'GET', '/api/fund-payments/template.csv')).statusCode).toBe(403);
  });

  it('keeps the summary equal to the sums of the lines it summarises', async () => {
    const db = t.database.db;
    const summary = await db
      .selectFrom('fund_month_summary')
      .select((eb) => [
        eb.fn.sum<string>('received').as('received'),
        eb.fn.sum<string>('allocated').as('allocated'),
        eb.fn.sum<string>('paid').as('paid'),
      ])
      .executeTakeFirstOrThrow();
    const received = await db
      .selectFrom('fund_allocation')
      .select((eb) => eb.fn.sum<string>('amount').as('n'))
      .executeTakeFirstOrThrow();
    const allocated = await db
      .selectFrom('fund_line')
      .select((eb) => eb.fn.sum<string>('amount').as('n'))
      .executeTakeFirstOrThrow();
    const paid = await db
      .selectFrom('fund_payment')
      .select((eb) => eb.fn.sum<string>('amount').as('n'))
      .executeTakeFirstOrThrow();
    expect(sumMoney([summary.received])).toBe(sumMoney([received.n]));
    expect(sumMoney([summary.allocated])).toBe(sumMoney([allocated.n]));
    expect(sumMoney([summary.paid])).toBe(sumMoney([paid.n]));
    expect(sumMoney([paid.n])).toBe('400000.11');
  });

  it('builds the monthly bulletin from the payments, adding up, and freezes it when issued', async () => {
    const period = today.slice(0, 7);
    const live = (await call('county_wancheng', 'GET', `/api/fund-bulletins/${period}`)).json();
    expect(live.issued).toBe(false);
    const wancheng = live.counties.find((c: { countyCode: string }) => c.countyCode === '411302000000');
    expect(wancheng).toMatchObject({
      received: '3000000.00',
      paid: '400000.11',
      spendRate: '13.33',
      industryShare: '100.00',
    });
    expect(live.counties.length).toBe(15);
    for (const field of ['received', 'allocated', 'paid'] as const) {
      expect(live.totals[field]).toBe(sumMoney(live.counties.map((c: Record<string, string>) => c[field])));
    }
    expect((await call('county_wancheng', 'POST', '/api/fund-bulletins', { period })).statusCode).toBe(403);
    const issued = await call('city_admin', 'POST', '/api/fund-bulletins', { period });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ issued: true, issuedOn: today });
    expect((await call('city_admin', 'POST', '/api/fund-bulletins', { period })).statusCode).toBe(409);
    // A later payment changes the live figures, not the issued bulletin.
    await call('county_wancheng', 'POST', '/api/fund-payments', {
      fundLineId: lineId,
      paidOn: today,
      amount: '1.00',
    });
    const frozen = (await call('city_admin', 'GET', `/api/fund-bulletins/${period}`)).json();
    expect(frozen.totals.paid).toBe('400000.11');
    const progress = (await call('county_wancheng', 'GET', `/api/funds/progress?period=${period}`)).json();
    expect(progress.counties.map((c: { countyCode: string }) => c.countyCode)).toEqual(['411302000000']);
    expect(progress.counties[0].paid).toBe('400001.11');

    const xlsx = await call('city_admin', 'GET', `/api/fund-bulletins/${period}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet?.getCell('A1').value)).toContain('月通报');
    // The amounts are the frozen bulletin's decimal strings, cell for cell (row 4 is the first county).
    const wanchengRow = frozen.counties.findIndex(
      (c: { countyCode: string }) => c.countyCode === '411302000000',
    );
    expect(wanchengRow).toBeGreaterThanOrEqual(0);
    expect(sheet?.getRow(4 + wanchengRow).getCell(6).value).toBe('400000.11');
    expect(sheet?.getRow(4 + frozen.counties.length).getCell(3).value).toBe(frozen.totals.received);
    const docx = await call('city_admin', 'GET', `/api/fund-bulletins/${period}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect((await call('city_admin', 'GET', '/api/fund-bulletins')).json()).toEqual([
      { id: expect.any(Number), kind: 'monthly', period, issuedOn: today },
    ]);
  });

  it('writes a bulletin amount beyond a double’s cents into Excel exactly', async () => {
    // Last December's money (another year, so this year's figures stay as they are). 12345678901.23 has no exact
    // double: a number cell would read back as a float, not as these cents.
    const lastYear = year - 1;
    const allocation = await call('county_wancheng', 'POST', '/api/fund-allocations', {
      docNumber: `宛财农〔${lastYear}〕99号`,
      source: 'central',
      year: lastYear,
      amount: '12345678901.23',
      receivedOn: `${lastYear}-12-01`,
    });
    expect(allocation.statusCode, allocation.body).toBe(200);
    const period = `${lastYear}-12`;
    const figures = (await call('city_admin', 'GET', `/api/fund-bulletins/${period}`)).json();
    const row = figures.counties.findIndex((c: { countyCode: string }) => c.countyCode === '411302000000');
    expect(figures.counties[row].received).toBe('12345678901.23');
    const xlsx = await call('city_admin', 'GET', `/api/fund-bulletins/${period}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cell = book.worksheets[0]?.getRow(4 + row).getCell(3);
    expect(cell?.value).toBe('12345678901.23');
    expect(cell?.numFmt).toBe(MONEY_TEXT_FORMAT);
    expect(book.worksheets[0]?.getRow(4 + figures.counties.length).getCell(3).value).toBe(
      figures.totals.received,
    );
  });

  it('gives the workbench the year’s money in each user’s scope, equal to the bulletin’s figures', async () => {
    const overview = async (user: string, query = '') => {
      const r = await call(user, 'GET', `/api/funds/overview${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const county = await overview('county_wancheng');
    expect(county).toEqual({
      year,
      asOf: today,
      received: '3000000.00',
      allocated: '1000000.00',
      paid: '400001.11',
      spendRate: '13.33',
      paidOfAllocated: '40.00',
      projects: 1,
    });
    const progress = (
      await call('county_wancheng', 'GET', `/api/funds/progress?period=${today.slice(0, 7)}`)
    ).json();
    expect(progress.counties[0]).toMatchObject({
      received: county.received,
      allocated: county.allocated,
      paid: county.paid,
      spendRate: county.spendRate,
    });
    // A township receives no allocations (they go to the county): its projects' money, no spend rate.
    expect(await overview('town_guanzhuang')).toMatchObject({
      received: '0.00',
      allocated: '1000000.00',
      paid: '400001.11',
      spendRate: null,
      paidOfAllocated: '40.00',
    });
    // Another county's money is not counted; last year's allocation is in last year.
    expect(await overview('county_wolong')).toMatchObject({
      received: '0.00',
      allocated: '0.00',
      paid: '0.00',
      spendRate: null,
      paidOfAllocated: null,
      projects: 0,
    });
    expect(await overview('city_admin', `?year=${year - 1}`)).toMatchObject({
      year: year - 1,
      received: '12345678901.23',
      paid: '0.00',
      spendRate: '0.00',
    });
    expect((await call('village_guanzhuang', 'GET', '/api/funds/overview')).statusCode).toBe(403);
  });
});

describe('demo projects and funds', () => {
  it('seeds every other demo county with a library, allocations and payments that add up', async () => {
    const result = await t.services.demoProjects.seedProjects(systemActor('test'));
    expect(result.projects).toBeGreaterThan(0);
    const counties = await t.database.db.selectFrom('project').select('county_code').distinct().execute();
    expect(counties.length).toBe(15);
    const period = today.slice(0, 7);
    // The bulletin issued earlier is frozen; the progress view is live and equals plain SQL over the payments.
    const live = (await call('city_admin', 'GET', `/api/funds/progress?period=${period}`)).json();
    expect(live.counties.filter((c: { received: string }) => c.received !== '0.00').length).toBe(15);
    const plain = await t.database.db
      .selectFrom('fund_payment')
      .innerJoin('fund_line', 'fund_line.id', 'fund_payment.fund_line_id')
      .innerJoin('fund_allocation', 'fund_allocation.id', 'fund_line.allocation_id')
      .where('fund_allocation.year', '=', year)
      .where('fund_payment.paid_on', '<=', today)
      .select((eb) => eb.fn.sum<string>('fund_payment.amount').as('n'))
      .executeTakeFirstOrThrow();
    expect(live.totals.paid).toBe(sumMoney([plain.n]));
    expect(live.totals.paid).toBe(sumMoney(live.counties.map((c: { paid: string }) => c.paid)));
  });
});
