import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import type { FeedType } from '../src/shared/feed-types.js';
import { departmentUser, PEOPLE, seedDonggang } from './helpers/department.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let households: Record<'h1' | 'h2' | 'h3', number>;
const cookies: Record<string, string> = {};
const fullWidth = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
// A valid ID number nobody in the registry has.
const STRANGER = '110101199003070000'.slice(0, 17);

function upload(
  cookie: string,
  feedType: string,
  body: Buffer,
  options: { skipBadRows?: boolean; period?: string; key?: string; filename?: string } = {},
) {
  const query = new URLSearchParams({
    feedType,
    filename: options.filename ?? `${feedType}.csv`,
    skipBadRows: String(options.skipBadRows ?? false),
    period: options.period ?? '2026-11',
  });
  return t.app.inject({
    method: 'POST',
    url: `/api/feeds/upload?${query}`,
    headers: {
      cookie,
      'content-type': 'application/octet-stream',
      ...(options.key ? { 'idempotency-key': options.key } : {}),
    },
    payload: body,
  });
}

function push(cookie: string, body: Record<string, unknown>, key?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/feeds/push',
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
    payload: body,
  });
}

const alertsOf = async (feedType: FeedType) =>
  t.database.db
    .selectFrom('alert')
    .innerJoin('person', 'person.id', 'alert.person_id')
    .select([
      'alert.id',
      'alert.rule_code',
      'alert.status',
      'alert.region_code',
      'alert.due_on',
      'person.name',
    ])
    .where('alert.feed_type', '=', feedType)
    .orderBy('alert.id')
    .execute();

const strangerId = async () => {
  const { checkCharacter } = await import('../src/shared/id-number.js');
  return `${STRANGER}${checkCharacter(STRANGER)}`;
};

beforeAll(async () => {
  t = await createTestApp();
  households = await seedDonggang(t);
  cookies.minzheng = await t.login('dept_minzheng');
  cookies.yibao = await departmentUser(t, '医保');
  cookies.jiaoyu = await departmentUser(t, '教育');
  cookies.zhujian = await departmentUser(t, '住建');
  cookies.canlian = await departmentUser(t, '残联');
  cookies.gongan = await departmentUser(t, '公安');
  cookies.shuili = await departmentUser(t, '水利');
  cookies.yingji = await departmentUser(t, '应急');
  cookies.renshe = await departmentUser(t, '人社');
  cookies.city = await t.login('city_admin');
  cookies.county = await t.login('county_wancheng');
  cookies.wolong = await t.login('county_wolong');
  cookies.town = await t.login('town_guanzhuang');
  cookies.village = await t.login('village_guanzhuang');
});
afterAll(async () => {
  await t.close();
});

describe('医保 medical out-of-pocket: a messy GBK file', () => {
  const p = PEOPLE;
  // Title rows, the header with a unit in full-width brackets, blank rows, an ID with spaces, a 15-digit
  // old ID, one mangled by Excel, a duplicate, and someone not in the registry.
  const lines = async () => [
    '南阳市医疗保障局 2026年11月 个人自付费用清单,,,',
    '姓名,身份证号,个人自付金额（元）,结算日期',
    `${p.a.name}, ${p.a.id.slice(0, 6)} ${p.a.id.slice(6)} ,"25,000.50",2026/11/03`,
    `${p.b.name},${p.b.id},5000,2026-11-04`,
    ',,,',
    `${p.c.name},411302650505005,31000元,20261105`,
    `某人,4.11302E+17,40000,2026-11-05`,
    `${p.a.name},${p.a.id},100,2026-11-06`,
    `陌生人,${await strangerId()},26000,2026-11-07`,
    '',
  ];
  const file = async () => iconv.encode((await lines()).join('\r\n'), 'gbk');

  it('refuses the whole file by default, reporting every bad row with its number and reason', async () => {
    const response = await upload(cookies.yibao ?? '', 'medical', await file());
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.status).toBe('refused');
    expect(result.alertsCreated).toBe(0);
    expect(result.problems).toEqual([{ row: 7, reason: expect.stringContaining('科学计数法') }]);
    expect(await alertsOf('medical')).toEqual([]);
    const report = await t.app.inject({
      url: `/api/feeds/${result.feedId}/problems.csv`,
      headers: { cookie: cookies.yibao },
    });
    expect(report.body).toContain('行号,原因');
    expect(report.body).toContain('\r\n7,');
  });

  it('with skipBadRows takes the good rows: matches by ID, lists the unmatched, raises alerts above 20,000 元', async () => {
    const response = await upload(cookies.yibao ?? '', 'medical', await file(), { skipBadRows: true });
    const result = response.json();
    expect(result).toMatchObject({
      status: 'partial',
      duplicate: false,
      acceptedRows: 5,
      matchedRows: 4,
      unmatchedRows: 1,
      alertsCreated: 2,
    });
    // The old 15-digit ID is taken and the report says it was converted.
    expect(result.notes).toEqual([{ row: 6, reason: expect.stringContaining('由 15 位旧号码转换为 18 位') }]);
    const alerts = await alertsOf('medical');
    expect(alerts.map((a) => [a.name, a.rule_code, a.region_code])).toEqual([
      [p.a.name, 'medical_out_of_pocket', '411302102201'],
      [p.c.name, 'medical_out_of_pocket', '411302102201'],
    ]);
    const feed = await t.database.db
      .selectFrom('dept_feed')
      .selectAll()
      .where('id', '=', result.feedId)
      .executeTakeFirstOrThrow();
    expect(feed).toMatchObject({
      department: '医保',
      filename: 'medical.csv',
      created_by_name: expect.any(String),
    });
    expect(feed.sha256).toMatch(/^[0-9a-f]{64}$/);
    const feedback = await t.app.inject({
      url: `/api/feeds/${result.feedId}/feedback`,
      headers: { cookie: cookies.yibao },
    });
    const rows = feedback.json().items as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.rowNo, r.matchStatus, r.alertStatus])).toEqual([
      [3, 'matched', 'open'],
      [4, 'matched', null],
      [6, 'matched', 'open'],
      [8, 'matched', 'open'],
      [9, 'unmatched', null],
    ]);
    // Two settlements of one person are one alert with their sum.
    const facts = await t.database.db
      .selectFrom('alert')
      .select('facts')
      .where('feed_id', '=', result.feedId)
      .where('rule_code', '=', 'medical_out_of_pocket')
      .orderBy('id')
      .execute();
    expect(facts[0]?.facts).toMatchObject({ amount: 25100.5, settlements: 2 });
    expect(rows[0]?.idMasked).not.toContain(p.a.id.slice(6, 14));
  });

  it('re-uploading the same file changes nothing and says so', async () => {
    const before = await alertsOf('medical');
    const response = await upload(cookies.yibao ?? '', 'medical', await file(), { skipBadRows: true });
    expect(response.json()).toMatchObject({ duplicate: true, alertsCreated: 2 });
    expect(await alertsOf('medical')).toEqual(before);
    const feeds = await t.database.db
      .selectFrom('dept_feed')
      .select('id')
      .where('status', '<>', 'refused')
      .execute();
    expect(feeds).toHaveLength(1);
  });

  it('an API push with an Idempotency-Key is taken once; another batch with the same people adds no alert', async () => {
    const body = {
      feedType: 'medical',
      period: '2026-11',
      rows: [{ 姓名: p.a.name, 身份证号: p.a.id, 个人自付金额: 30000 }],
    };
    const first = await push(cookies.yibao ?? '', body, 'yb-batch-1');
    expect(first.json()).toMatchObject({
      status: 'imported',
      duplicate: false,
      alertsCreated: 0,
      matchedRows: 1,
    });
    const again = await push(cookies.yibao ?? '', { ...body, rows: [...body.rows] }, 'yb-batch-1');
    expect(again.json()).toMatchObject({ duplicate: true, feedId: first.json().feedId });
    expect(await alertsOf('medical')).toHaveLength(2);
  });
  it('the same new file sent twice at once is taken once', async () => {
    const csv = Buffer.from(`姓名,身份证号,个人自付金额\n${p.d.name},${p.d.id},50000\n`, 'utf8');
    const [one, two] = await Promise.all([
      upload(cookies.yibao ?? '', 'medical', csv, { period: '2026-10' }),
      upload(cookies.yibao ?? '', 'medical', csv, { period: '2026-10' }),
    ]);
    expect([one.json().duplicate, two.json().duplicate].sort()).toEqual([false, true]);
    expect(one.json().feedId).toBe(two.json().feedId);
    expect(one.json().alertsCreated).toBe(1);
  });
});

describe('医保 real-world files: 个人自付, several settlements, a header mapped once', () => {
  const p = PEOPLE;
  it("accepts the 个人自付 header and adds up a person's settlements of the period for the rule", async () => {
    const csv = [
      '姓名,身份证号,个人自付,结算日期,就诊医院',
      `${p.b.name},${p.b.id},12000,2026-09-02,市中心医院`,
      `${p.b.name},${p.b.id},9000.40,2026-09-20,县人民医院`,
    ].join('\n');
    const response = await upload(cookies.yibao ?? '', 'medical', Buffer.from(csv, 'utf8'), {
      period: '2026-09',
    });
    expect(response.json()).toMatchObject({ status: 'imported', acceptedRows: 2, alertsCreated: 1 });
    const alert = await t.database.db
      .selectFrom('alert')
      .select('facts')
      .where('feed_id', '=', response.json().feedId)
      .executeTakeFirstOrThrow();
    expect(alert.facts).toMatchObject({ amount: 21000.4, settlements: 2 });
  });

  it('a later feed of the period lifts the sum over the threshold; a re-sent settlement counts once', async () => {
    const first = `姓名,身份证号,个人自付,结算日期\n${p.e.name},${p.e.id},15000,2026-08-02\n`;
    expect(
      (await upload(cookies.yibao ?? '', 'medical', Buffer.from(first), { period: '2026-08' })).json(),
    ).toMatchObject({
      alertsCreated: 0,
    });
    const resent = `${first}${p.e.name},${p.e.id},4000,2026-08-09\n`;
    expect(
      (await upload(cookies.yibao ?? '', 'medical', Buffer.from(resent), { period: '2026-08' })).json(),
    ).toMatchObject({
      alertsCreated: 0,
    });
    const more = `姓名,身份证号,个人自付,结算日期\n${p.e.name},${p.e.id},1500,2026-08-20\n`;
    const third = await upload(cookies.yibao ?? '', 'medical', Buffer.from(more), { period: '2026-08' });
    expect(third.json()).toMatchObject({ alertsCreated: 1 });
    const alert = await t.database.db
      .selectFrom('alert')
      .select('facts')
      .where('feed_id', '=', third.json().feedId)
      .executeTakeFirstOrThrow();
    expect(alert.facts).toMatchObject({ amount: 20500 });
  });

  it('an unknown header is refused with what to map; once mapped, later files of the type are read', async () => {
    const csv = Buffer.from(`参保人,公民证件,自负额\n${p.c.name},${p.c.id},100\n`, 'utf8');
    const refused = (await upload(cookies.yibao ?? '', 'medical', csv, { period: '2026-07' })).json();
    expect(refused.status).toBe('refused');
    expect(refused.headerProblem).toEqual({
      fileHeaders: ['参保人', '公民证件', '自负额'],
      missing: [
        { key: 'name', header: '姓名' },
        { key: 'idNumber', header: '身份证号' },
        { key: 'amount', header: '个人自付金额（元）' },
      ],
    });
    const before = await t.app.inject({
      url: '/api/feeds/column-maps/medical',
      headers: { cookie: cookies.yibao },
    });
    expect(before.json()).toMatchObject({ mapping: {}, version: 0 });
    const mapping = { name: '参保人', idNumber: '公民证件', amount: '自负额' };
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/feeds/column-maps/medical',
      headers: { cookie: cookies.yibao },
      payload: { mapping, version: 0 },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ mapping, version: 1 });
    const stale = await t.app.inject({
      method: 'PUT',
      url: '/api/feeds/column-maps/medical',
      headers: { cookie: cookies.yibao },
      payload: { mapping, version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const other = await t.app.inject({
      method: 'PUT',
      url: '/api/feeds/column-maps/dibao',
      headers: { cookie: cookies.yibao },
      payload: { mapping, version: 0 },
    });
    expect(other.statusCode).toBe(403);
    const taken = (await upload(cookies.yibao ?? '', 'medical', csv, { period: '2026-07' })).json();
    expect(taken).toMatchObject({ status: 'imported', acceptedRows: 1, matchedRows: 1 });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'feed.map_columns')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('民政 dibao list: UTF-8 with BOM, full-width digits, lowercase x', () => {
  it('raises an alert for a new dibao household only', async () => {
    const p = PEOPLE;
    const csv = [
      '姓名,身份证号码,救助类别,变动类型,变动日期',
      `${p.b.name},${fullWidth(p.b.id)},低保,新增,2026-11-01`,
      `${p.d.name},${p.d.id.toLowerCase()},特困,变更,2026-11-01`,
      '',
    ].join('\n');
    const response = await upload(cookies.minzheng ?? '', 'dibao', Buffer.from(`\uFEFF${csv}`, 'utf8'));
    expect(response.json()).toMatchObject({ status: 'imported', matchedRows: 2, alertsCreated: 1 });
    expect((await alertsOf('dibao')).map((a) => [a.name, a.rule_code])).toEqual([[p.b.name, 'new_dibao']]);
  });

  it('refuses values outside the code list', async () => {
    const csv = `姓名,身份证号,救助类别,变动类型\n${PEOPLE.b.name},${PEOPLE.b.id},低保户,新增\n`;
    const response = await upload(cookies.minzheng ?? '', 'dibao', Buffer.from(csv, 'utf8'));
    expect(response.json().problems).toEqual([
      { row: 2, reason: expect.stringContaining('救助类别“低保户”应为') },
    ]);
  });
});

describe('教育 dropouts: an .xlsx where Excel turned an ID into a number', () => {
  it('refuses the mangled row and alerts on the dropout', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('辍学');
    sheet.addRow(['义务教育阶段辍学学生名单']);
    sheet.addRow(['姓名', '身份证号', '学校', '年级', '辍学日期']);
    sheet.addRow([PEOPLE.e.name, PEOPLE.e.id, '官庄镇中学', '初一', '2026-10-20']);
    // A numeric cell: an 18-digit number has already lost its last digits.
    sheet.addRow(['某学生', Number('411302201203050020'), '官庄镇中学', '初二', '2026-10-21']);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const refused = await upload(cookies.jiaoyu ?? '', 'dropout', body, { filename: 'dropout.xlsx' });
    expect(refused.json()).toMatchObject({ status: 'refused', problems: [{ row: 4 }] });
    expect(refused.json().problems[0].reason).toContain('Excel');
    const taken = await upload(cookies.jiaoyu ?? '', 'dropout', body, {
      filename: 'dropout.xlsx',
      skipBadRows: true,
    });
    expect(taken.json()).toMatchObject({ status: 'partial', alertsCreated: 1 });
    expect((await alertsOf('dropout')).map((a) => a.name)).toEqual([PEOPLE.e.name]);
  });
});

describe('住建, 残联, 公安, 水利, 应急, 人社', () => {
  it('住建: a C/D house (grade written as “c级”) raises an alert, a B house does not', async () => {
    const csv = `户主姓名,身份证号,鉴定等级\n${PEOPLE.a.name},${PEOPLE.a.id},c级\n${PEOPLE.c.name},${PEOPLE.c.id},D\n`;
    const wrong = await upload(
      cookies.zhujian ?? '',
      'housing',
      Buffer.from(`${csv}${PEOPLE.d.name},${PEOPLE.d.id},B\n`),
    );
    expect(wrong.json().problems).toEqual([{ row: 4, reason: expect.stringContaining('鉴定等级') }]);
    const response = await upload(cookies.zhujian ?? '', 'housing', Buffer.from(csv));
    expect(response.json()).toMatchObject({ status: 'imported', alertsCreated: 2 });
  });

  it('残联: grade 1–2, or grade 3 intellectual/mental, raise alerts', async () => {
    const csv = [
      '姓名,身份证号,残疾类别,残疾等级,办证类型',
      `${PEOPLE.c.name},${PEOPLE.c.id},智力,三级,新办`,
      `${PEOPLE.b.name},${PEOPLE.b.id},肢体,4,升级`,
      `${PEOPLE.d.name},${PEOPLE.d.id},肢体,3,新办`,
      `${PEOPLE.a.name},${PEOPLE.a.id},视力,一级,升级`,
    ].join('\n');
    const response = await upload(cookies.canlian ?? '', 'disability', iconv.encode(csv, 'gb18030'));
    expect(response.json()).toMatchObject({ status: 'imported', matchedRows: 4, alertsCreated: 2 });
    expect((await alertsOf('disability')).map((a) => a.name).sort()).toEqual(
      [PEOPLE.a.name, PEOPLE.c.name].sort(),
    );
  });

  it('公安: a death raises an alert only in a monitored or exited-poverty household', async () => {
    const csv = [
      '姓名,身份证号,变动类型,变动日期',
      `${PEOPLE.d.name},${PEOPLE.d.id},死亡,2026-11-02`,
      `${PEOPLE.c.name},${PEOPLE.c.id},死亡,2026-11-02`,
      `${PEOPLE.b.name},${PEOPLE.b.id},迁出,2026-11-02`,
    ].join('\n');
    const response = await upload(cookies.gongan ?? '', 'civil_registration', Buffer.from(csv));
    expect(response.json()).toMatchObject({ status: 'imported', alertsCreated: 1 });
    expect((await alertsOf('civil_registration')).map((a) => a.name)).toEqual([PEOPLE.d.name]);
  });

  it('水利, 应急 and 人社 through the API push', async () => {
    const water = await push(cookies.shuili ?? '', {
      feedType: 'water',
      rows: [{ 姓名: PEOPLE.c.name, 身份证号: PEOPLE.c.id, 问题类型: '水质' }],
    });
    expect(water.json()).toMatchObject({ status: 'imported', alertsCreated: 1 });
    const disaster = await push(cookies.yingji ?? '', {
      feedType: 'disaster',
      rows: [{ 姓名: PEOPLE.a.name, 身份证号: PEOPLE.a.id, 灾害类型: '洪涝', 损失金额: '12000' }],
    });
    expect(disaster.json()).toMatchObject({ status: 'imported', alertsCreated: 1 });
    const unemployment = await push(cookies.renshe ?? '', {
      feedType: 'unemployment',
      rows: [
        { 姓名: PEOPLE.a.name, 身份证号: PEOPLE.a.id, 失业登记日期: '2026-11-01' },
        { 姓名: PEOPLE.c.name, 身份证号: PEOPLE.c.id, 失业登记日期: '2026-11-01' },
      ],
    });
    // Unemployment alerts cover exited-poverty and monitored households only: 王五 is an ordinary farmer.
    expect(unemployment.json()).toMatchObject({ status: 'imported', matchedRows: 2, alertsCreated: 1 });
    const missing = await push(cookies.renshe ?? '', {
      feedType: 'unemployment',
      rows: [{ 姓名: PEOPLE.a.name, 身份证号: PEOPLE.a.id }],
    });
    // The push's keys are its header: a required column missing from every row refuses the batch.
    expect(missing.json()).toMatchObject({
      status: 'refused',
      problems: [{ row: 1, reason: expect.stringContaining('表头缺少必填列：失业登记日期') }],
    });
    const blank = await push(cookies.renshe ?? '', {
      feedType: 'unemployment',
      rows: [{ 姓名: PEOPLE.a.name, 身份证号: PEOPLE.a.id, 失业登记日期: '' }],
    });
    expect(blank.json()).toMatchObject({
      status: 'refused',
      problems: [{ row: 2, reason: '失业登记日期为空' }],
    });
  });
});

describe('who may do what', () => {
  it('a department sends only its own feed types and never reaches the registry', async () => {
    const medical = await push(cookies.minzheng ?? '', {
      feedType: 'medical',
      rows: [{ 姓名: PEOPLE.a.name, 身份证号: PEOPLE.a.id, 个人自付金额: 1 }],
    });
    expect(medical.statusCode).toBe(403);
    for (const url of [
      '/api/households',
      `/api/households/${households.h1}`,
      '/api/alerts',
      '/api/declarations',
    ]) {
      const response = await t.app.inject({ url, headers: { cookie: cookies.minzheng } });
      expect(response.statusCode).toBe(403);
    }
  });

  it('a department sees only its own feeds; the bureau sees them all', async () => {
    const own = await t.app.inject({ url: '/api/feeds?pageSize=100', headers: { cookie: cookies.minzheng } });
    const departments = new Set((own.json().items as Array<{ department: string }>).map((f) => f.department));
    expect([...departments]).toEqual(['民政']);
    const yibaoFeed = await t.database.db
      .selectFrom('dept_feed')
      .select('id')
      .where('department', '=', '医保')
      .executeTakeFirstOrThrow();
    for (const path of ['', '/feedback', '/problems.csv']) {
      const foreign = await t.app.inject({
        url: `/api/feeds/${yibaoFeed.id}${path}`,
        headers: { cookie: cookies.minzheng },
      });
      const missing = await t.app.inject({
        url: `/api/feeds/999999${path}`,
        headers: { cookie: cookies.minzheng },
      });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().message).toBe(missing.json().message);
    }
    const city = await t.app.inject({ url: '/api/feeds?pageSize=100', headers: { cookie: cookies.city } });
    expect(city.json().total).toBeGreaterThan(own.json().total);
    const village = await t.app.inject({ url: '/api/feeds', headers: { cookie: cookies.village } });
    expect(village.statusCode).toBe(403);
  });

  it('alerts reach the village and its township, not another county', async () => {
    const village = await t.app.inject({
      url: '/api/alerts?pageSize=100',
      headers: { cookie: cookies.village },
    });
    expect(village.json().total).toBeGreaterThanOrEqual(10);
    const town = await t.app.inject({ url: '/api/alerts?pageSize=100', headers: { cookie: cookies.town } });
    expect(town.json().total).toBe(village.json().total);
    const wolong = await t.app.inject({ url: '/api/alerts', headers: { cookie: cookies.wolong } });
    expect(wolong.json().total).toBe(0);
  });
});

describe('verification and feedback', () => {
  const openAlert = async (ruleCode: string) => {
    const list = await t.app.inject({
      url: '/api/alerts?status=open&pageSize=100',
      headers: { cookie: cookies.village },
    });
    const alert = (
      list.json().items as Array<{ id: number; ruleCode: string; version: number; dueOn: string }>
    ).find((a) => a.ruleCode === ruleCode);
    if (!alert) {
      throw new Error(`no open ${ruleCode} alert`);
    }
    return alert;
  };
  const close = (alertId: number, body: Record<string, unknown>, cookie = cookies.village) =>
    t.app.inject({ method: 'POST', url: `/api/alerts/${alertId}/close`, headers: { cookie }, payload: body });

  it('has a deadline from the rule (7 days)', async () => {
    const alert = await openAlert('medical_out_of_pocket');
    expect(alert.dueOn).toBe(addDays(clock().today(), 7));
  });

  it('“included” raises the household lead with source department and the alert as its ref', async () => {
    const alert = await openAlert('medical_out_of_pocket');
    const response = await close(alert.id, { outcome: 'included', version: alert.version });
    expect(response.statusCode).toBe(200);
    const leadId = response.json().leadId as number;
    const signal = await t.database.db
      .selectFrom('lead_signal')
      .selectAll()
      .where('lead_id', '=', leadId)
      .where('source', '=', 'department')
      .executeTakeFirstOrThrow();
    expect(signal.ref).toBe(String(alert.id));
    const again = await close(alert.id, { outcome: 'included', version: alert.version });
    expect(again.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'alert.close')
      .where('entity_id', '=', String(alert.id))
      .executeTakeFirst();
    expect(audit?.actor_name).toBe('village_guanzhuang');
  });

  it('“not at risk” needs a reason; the department then sees the outcome of its rows', async () => {
    const alert = await openAlert('new_dibao');
    const without = await close(alert.id, { outcome: 'not_at_risk', version: alert.version });
    expect(without.statusCode).toBe(400);
    const done = await close(alert.id, {
      outcome: 'not_at_risk',
      reason: '已核实：家庭收入稳定',
      version: alert.version,
    });
    expect(done.statusCode).toBe(200);
    const feed = await t.app.inject({ url: '/api/feeds', headers: { cookie: cookies.minzheng } });
    const dibao = (feed.json().items as Array<{ id: number; feedType: string; status: string }>).find(
      (f) => f.feedType === 'dibao' && f.status === 'imported',
    );
    const feedback = await t.app.inject({
      url: `/api/feeds/${dibao?.id}/feedback`,
      headers: { cookie: cookies.minzheng },
    });
    expect(feedback.json().items[0]).toMatchObject({
      alertStatus: 'not_at_risk',
      closedReason: '已核实：家庭收入稳定',
    });
  });

  it('“already monitored”; a county outside gets 404; a leader cannot close', async () => {
    const alert = await openAlert('death');
    const foreign = await close(
      alert.id,
      { outcome: 'already_monitored', version: alert.version },
      cookies.wolong,
    );
    expect(foreign.statusCode).toBe(404);
    const leader = await close(
      alert.id,
      { outcome: 'already_monitored', version: alert.version },
      await t.login('leader_city'),
    );
    expect(leader.statusCode).toBe(403);
    const done = await close(
      alert.id,
      { outcome: 'already_monitored', version: alert.version },
      cookies.town,
    );
    expect(done.json()).toMatchObject({ status: 'already_monitored', leadId: null });
  });

  it('timeliness per county and town counts received, closed, late and overdue', async () => {
    // One alert is past its deadline and still open; one was closed after it.
    const [late, overdue] = (await alertsOf('disability')).map((a) => Number(a.id));
    await t.database.db
      .updateTable('alert')
      .set({ due_on: '2026-01-01' })
      .where('id', 'in', [late ?? 0, overdue ?? 0])
      .execute();
    const row = await t.database.db
      .selectFrom('alert')
      .select('version')
      .where('id', '=', late ?? 0)
      .executeTakeFirstOrThrow();
    await close(late ?? 0, { outcome: 'already_monitored', version: row.version });
    const response = await t.app.inject({
      url: '/api/alerts/timeliness',
      headers: { cookie: cookies.county },
    });
    const guanzhuang = (response.json() as Array<Record<string, unknown>>).find(
      (r) => r.townCode === '411302102000',
    );
    const total = await t.database.db
      .selectFrom('alert')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(guanzhuang).toMatchObject({
      countyName: '宛城区',
      townName: '官庄镇',
      received: Number(total.n),
      closed: 4,
      closedLate: 1,
      openOverdue: 1,
    });
  });
});

describe('alert rules', () => {
  it('the city raises the medical threshold; later rows below it raise nothing; the change is audited', async () => {
    const rules = await t.app.inject({ url: '/api/alert-rules', headers: { cookie: cookies.city } });
    const medical = (rules.json() as Array<{ code: string; threshold: string | null; version: number }>).find(
      (r) => r.code === 'medical_out_of_pocket',
    );
    expect(medical?.threshold).toBe('20000.00');
    const county = await t.app.inject({
      method: 'PUT',
      url: '/api/alert-rules/medical_out_of_pocket',
      headers: { cookie: cookies.county },
      payload: {
        threshold: '30000',
        householdTypes: ['monitored'],
        deadlineDays: 5,
        enabled: true,
        version: 1,
      },
    });
    expect(county.statusCode).toBe(403);
    const body = {
      threshold: '30000',
      householdTypes: ['exited_poverty', 'monitored', 'ordinary', 'low_income'],
      deadlineDays: 5,
      enabled: true,
      version: 1,
    };
    // Money is a decimal string: a JSON number or a third decimal is refused, and nothing changes.
    for (const threshold of [30000, '30000.001']) {
      const refused = await t.app.inject({
        method: 'PUT',
        url: '/api/alert-rules/medical_out_of_pocket',
        headers: { cookie: cookies.city },
        payload: { ...body, threshold },
      });
      expect(refused.statusCode).toBe(400);
    }
    const updated = await t.app.inject({
      method: 'PUT',
      url: '/api/alert-rules/medical_out_of_pocket',
      headers: { cookie: cookies.city },
      payload: body,
    });
    expect(updated.json()).toMatchObject({ threshold: '30000.00', deadlineDays: 5, version: 2 });
    // A second save made from the same old version (another user's screen) is a conflict, not a silent overwrite.
    const stale = await t.app.inject({
      method: 'PUT',
      url: '/api/alert-rules/medical_out_of_pocket',
      headers: { cookie: cookies.city },
      payload: { ...body, threshold: '40000' },
    });
    expect(stale.statusCode).toBe(409);
    const response = await push(cookies.yibao ?? '', {
      feedType: 'medical',
      period: '2026-12',
      rows: [
        { 姓名: PEOPLE.b.name, 身份证号: PEOPLE.b.id, 个人自付金额: 25000 },
        { 姓名: PEOPLE.d.name, 身份证号: PEOPLE.d.id, 个人自付金额: 35000 },
      ],
    });
    expect(response.json()).toMatchObject({ alertsCreated: 1 });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'alert_rule.update')
      .executeTakeFirstOrThrow();
    expect(audit.old_values).toMatchObject({ threshold: '20000.00' });
    expect(audit.new_values).toMatchObject({ threshold: '30000.00' });
  });

  it('a rule switched off raises nothing', async () => {
    await t.app.inject({
      method: 'PUT',
      url: '/api/alert-rules/unsafe_water',
      headers: { cookie: cookies.city },
      payload: { threshold: null, householdTypes: ['ordinary'], deadlineDays: 7, enabled: false, version: 1 },
    });
    const response = await push(cookies.shuili ?? '', {
      feedType: 'water',
      period: '2026-12',
      rows: [{ 姓名: PEOPLE.c.name, 身份证号: PEOPLE.c.id, 问题类型: '水量' }],
    });
    expect(response.json()).toMatchObject({ status: 'imported', matchedRows: 1, alertsCreated: 0 });
  });
});

describe('lists for departments, petitions', () => {
  it('exports the 脱贫 and 监测 lists with only the department’s columns, and logs it', async () => {
    const response = await t.app.inject({
      url: '/api/department-lists?department=医保',
      headers: { cookie: cookies.county },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['脱贫人口', '监测对象']);
    const header = ((workbook.worksheets[0]?.getRow(1).values ?? []) as unknown[]).slice(1);
    expect(header).toEqual([
      '县',
      '乡',
      '村',
      '户类型',
      '姓名',
      '身份证号',
      '是否参加城乡居民基本医疗保险',
      '是否参加大病保险',
    ]);
    const exitedIds = workbook.worksheets[0]?.getColumn(6).values.slice(2);
    expect(exitedIds).toEqual(expect.arrayContaining([PEOPLE.a.id, PEOPLE.b.id]));
    expect(exitedIds).not.toContain(PEOPLE.c.id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'department.export')
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('county_wancheng');
    const town = await t.app.inject({
      url: '/api/department-lists?department=医保',
      headers: { cookie: cookies.town },
    });
    expect(town.statusCode).toBe(403);
  });

  it('a township registers a petition and a public-opinion item as one lead of the household', async () => {
    const register = (source: string, cookie = cookies.town) =>
      t.app.inject({
        method: 'POST',
        url: '/api/leads/register',
        headers: { cookie },
        payload: {
          householdId: households.h2,
          source,
          summary: '反映因病生活困难',
          reference: 'XF-2026-001',
        },
      });
    const petition = await register('petition');
    expect(petition.json()).toMatchObject({ created: expect.any(Boolean) });
    const opinion = await register('public_opinion');
    expect(opinion.json().leadId).toBe(petition.json().leadId);
    expect((await register('petition', cookies.wolong)).statusCode).toBe(404);
    expect((await register('petition', cookies.village)).statusCode).toBe(403);
    const sources = await t.database.db
      .selectFrom('lead_signal')
      .select('source')
      .where('lead_id', '=', petition.json().leadId)
      .execute();
    expect(sources.map((s) => s.source)).toEqual(expect.arrayContaining(['petition', 'public_opinion']));
  });
});

describe('the SQL rules and domain/alert-rules.ts', () => {
  it('agree row by row on random feeds of every type', async () => {
    const { ruleFires } = await import('../src/server/domain/alert-rules.js');
    const { FEED_LAYOUTS } = await import('../src/shared/feed-types.js');
    const rules = (await t.app.inject({ url: '/api/alert-rules', headers: { cookie: cookies.city } })).json();
    const typeOf: Record<string, 'exited_poverty' | 'ordinary' | 'monitored'> = {
      a: 'exited_poverty',
      b: 'exited_poverty',
      c: 'ordinary',
      d: 'monitored',
      e: 'monitored',
    };
    const cookieOf: Record<string, string | undefined> = {
      民政: cookies.minzheng,
      医保: cookies.yibao,
      教育: cookies.jiaoyu,
      住建: cookies.zhujian,
      水利: cookies.shuili,
      残联: cookies.canlian,
      应急: cookies.yingji,
      人社: cookies.renshe,
      公安: cookies.gongan,
    };
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
    let checked = 0;
    for (let month = 1; month <= 6; month++) {
      const period = `2027-0${month}`;
      for (const [feedType, layout] of Object.entries(FEED_LAYOUTS)) {
        const rows = Object.entries(PEOPLE).map(([key, person]) => {
          const row: Record<string, string | number> = { 姓名: person.name, 身份证号: person.id, _key: key };
          for (const column of layout.columns) {
            row[column.header] =
              column.field === 'amount'
                ? Math.round(random() * 60000)
                : column.field === 'eventOn'
                  ? '2027-01-15'
                  : column.values
                    ? pick(column.values)
                    : '其他';
          }
          return row;
        });
        const response = await push(cookieOf[layout.department] ?? '', {
          feedType,
          period,
          rows: rows.map(({ _key, ...rest }) => rest),
        });
        expect(response.statusCode).toBe(200);
        const raised = await t.database.db
          .selectFrom('alert')
          .innerJoin('person', 'person.id', 'alert.person_id')
          .select(['person.name', 'alert.rule_code'])
          .where('alert.feed_id', '=', response.json().feedId)
          .execute();
        const expected = rows.flatMap((r) =>
          (rules as Array<Record<string, unknown>>)
            .filter((rule) =>
              ruleFires(
                {
                  code: rule.code as never,
                  feedType: rule.feedType as never,
                  threshold: rule.threshold as number | null,
                  householdTypes: rule.householdTypes as never,
                  deadlineDays: 7,
                  enabled: rule.enabled as boolean,
                  aggregate: rule.aggregate as 'sum' | 'latest',
                  version: 1,
                },
                {
                  feedType: feedType as never,
                  householdType: typeOf[String(r._key)] ?? 'ordinary',
                  amount:
                    typeof r['个人自付金额（元）'] === 'number'
                      ? (r['个人自付金额（元）'] as number)
                      : ((r['直接经济损失（元）'] as number | undefined) ?? null),
                  grade: (r.残疾等级 ?? r.鉴定等级 ?? null) as string | null,
                  category: (r.救助类别 ?? r.残疾类别 ?? r.问题类型 ?? r.灾害类型 ?? null) as string | null,
                  changeType: (r.变动类型 ?? r.办证类型 ?? null) as string | null,
                },
              ),
            )
            .map((rule) => [r.姓名, rule.code]),
        );
        expect(raised.map((a) => [a.name, a.rule_code]).sort()).toEqual(expected.sort());
        checked += rows.length;
      }
    }
    expect(checked).toBe(6 * 9 * 5);
  });
});

describe('the registry stays editable', () => {
  it('a member with feed rows and alerts can still be removed from the household', async () => {
    const detail = await t.app.inject({
      url: `/api/households/${households.h1}`,
      headers: { cookie: cookies.county },
    });
    const member = (detail.json().members as Array<{ id: number; name: string }>).find(
      (m) => m.name === PEOPLE.b.name,
    );
    const alerts = await t.database.db
      .selectFrom('alert')
      .select('id')
      .where('person_id', '=', member?.id ?? 0)
      .execute();
    expect(alerts.length).toBeGreaterThan(0);
    const removed = await t.app.inject({
      method: 'POST',
      url: `/api/households/${households.h1}/members/${member?.id}/remove`,
      headers: { cookie: cookies.county },
      payload: { version: detail.json().household.version, reason: '迁出' },
    });
    expect(removed.statusCode).toBe(200);
    // The department's feedback on the rows it sent is unchanged.
    const feedback = await t.database.db
      .selectFrom('dept_feed_row')
      .select('match_status')
      .where('person_id', '=', member?.id ?? 0)
      .execute();
    expect(feedback.length).toBeGreaterThan(0);
    expect(feedback.every((r) => r.match_status === 'matched')).toBe(true);
  });
});

describe('alerts in the monthly figures and the ranking', () => {
  it('counts the alerts received this month per region, and ranks counties on verifying them in time', async () => {
    const { monthOf } = await import('../src/shared/calendar.js');
    const { quarterOf } = await import('../src/server/domain/ranking.js');
    const month = monthOf(clock().today());
    await t.services.reports.refresh(month);
    const received = await t.database.db
      .selectFrom('alert')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('county_code', '=', '411302000000')
      .executeTakeFirstOrThrow();
    expect(Number(received.n)).toBeGreaterThan(0);
    const summary = await t.app.inject({
      url: `/api/reports/monthly?month=${month}`,
      headers: { cookie: cookies.county },
    });
    expect(summary.json().total.alertsReceived).toBe(Number(received.n));
    const ranking = await t.app.inject({
      url: `/api/rankings?quarter=${quarterOf(clock().today())}`,
      headers: { cookie: cookies.city },
    });
    const wancheng = ranking.json().rows.find((r: { name: string }) => r.name === '宛城区');
    const alerts = wancheng.indicators.find((i: { indicator: string }) => i.indicator === 'alerts_on_time');
    expect(alerts.total).toBe(Number(received.n));
  });
});
