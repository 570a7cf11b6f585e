import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workRuleProblems } from '../src/server/domain/work-rules.js';
import { addMonths, monthOf } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import type { WorkChannel, WorkPlace } from '../src/shared/employment.js';
import { departmentUser, PEOPLE, seedDonggang } from './helpers/department.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let households: Record<'h1' | 'h2' | 'h3', number>;
type UserKey = 'county' | 'town' | 'city' | 'wolong' | 'minzheng' | 'renshe';
const cookies = {} as Record<UserKey, string>;
const personIds = {} as Record<keyof typeof PEOPLE, number>;
const today = clock().today();
const thisMonth = monthOf(today);
const monthsAgo = (n: number) => monthOf(addMonths(`${thisMonth}-01`, -n));

const addRecord = (cookie: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/employment/records', headers: { cookie }, payload });

const importFile = (cookie: string, body: Buffer, skipBadRows = false) =>
  t.app.inject({
    method: 'POST',
    url: `/api/employment/imports?filename=work.csv&skipBadRows=${skipBadRows}`,
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload: body,
  });

const recordsOf = (personId: number) =>
  t.database.db
    .selectFrom('work_record')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('start_month')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  households = await seedDonggang(t);
  cookies.county = await t.login('county_wancheng');
  cookies.town = await t.login('town_guanzhuang');
  cookies.city = await t.login('city_admin');
  cookies.wolong = await t.login('county_wolong');
  cookies.minzheng = await t.login('dept_minzheng');
  cookies.renshe = await departmentUser(t, '人社');
  const people = await t.database.db.selectFrom('person').select(['id', 'name']).execute();
  for (const key of Object.keys(PEOPLE) as Array<keyof typeof PEOPLE>) {
    personIds[key] = Number(people.find((x) => x.name === PEOPLE[key].name)?.id);
  }
});
afterAll(async () => {
  await t.services.reports.refreshSoon();
  await t.close();
});

describe('work records', () => {
  it('derives local or away from the work place, and stores a resent record once', async () => {
    const clientId = '5b0e3a4e-8d55-4b0f-9c7c-3b8f0a8c1d01';
    const body = {
      personId: personIds.a,
      clientId,
      category: 'unit_employed',
      startMonth: monthsAgo(2),
      workProvince: '河南省',
      workCity: '南阳市',
      workCounty: '宛城区',
      monthlyIncome: '2600.50',
      sector: 'secondary',
      industry: '制造业',
      channel: 'market',
      employer: '南阳某电机厂',
      pointToPoint: false,
    };
    const first = await addRecord(cookies.county, body);
    expect(first.statusCode).toBe(201);
    expect(first.json().record).toMatchObject({ place: 'county', monthlyIncome: '2600.50', source: 'clerk' });
    const again = await addRecord(cookies.county, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    expect(await recordsOf(personIds.a)).toHaveLength(1);

    const away = await addRecord(cookies.county, {
      personId: personIds.b,
      category: 'flexible',
      startMonth: monthsAgo(1),
      workProvince: '广东',
      workCity: '深圳',
      workCounty: '宝安区',
    });
    expect(away.json().record.place).toBe('outside');
  });

  it('refuses bad input with a 4xx in Chinese and writes nothing', async () => {
    const before = await recordsOf(personIds.c);
    const backwards = await addRecord(cookies.county, {
      personId: personIds.c,
      category: 'other',
      startMonth: monthsAgo(1),
      endMonth: monthsAgo(3),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toContain('结束年月');
    const float = await addRecord(cookies.county, {
      personId: personIds.c,
      category: 'other',
      startMonth: monthsAgo(1),
      monthlyIncome: 2500.123,
    });
    expect(float.statusCode).toBe(400);
    const foreign = await addRecord(cookies.wolong, {
      personId: personIds.c,
      category: 'other',
      startMonth: monthsAgo(1),
    });
    expect(foreign.statusCode).toBe(404);
    expect(await recordsOf(personIds.c)).toEqual(before);
  });

  it('an edit at an old version gets 409', async () => {
    const [record] = await recordsOf(personIds.a);
    const url = `/api/employment/records/${record?.id}`;
    const payload = {
      category: 'unit_employed',
      startMonth: monthsAgo(2),
      workProvince: '河南省',
      workCity: '南阳市',
      workCounty: '宛城区',
      monthlyIncome: '2800',
      version: 1,
    };
    const ok = await t.app.inject({ method: 'PATCH', url, headers: { cookie: cookies.county }, payload });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().monthlyIncome).toBe('2800.00');
    const stale = await t.app.inject({ method: 'PATCH', url, headers: { cookie: cookies.county }, payload });
    expect(stale.statusCode).toBe(409);
  });
});

describe('the 人社 work file', () => {
  const stranger = '11010119900307001';
  const header =
    '姓名,身份证号,就业人员类别,务工开始年月,务工结束年月,务工省,务工市,务工县,务工月收入,产业,所属行业,就业渠道,务工企业名称,是否点对点输送';
  const fw = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const good = (start: string) => [
    `${PEOPLE.c.name},${fw(PEOPLE.c.id)},单位录用聘用人员,${start.replace('-', '年')}月,,浙江省,宁波市,北仑区,"4,200",第二产业,制造业,政府有组织输出,宁波某厂,是`,
    `${PEOPLE.d.name},${PEOPLE.d.id.toLowerCase()},其他形式务工就业人员,${start.replace('-', '/')},,河南,南阳,宛城区,1800,第三产业,服务业,自主就业,个体,否`,
  ];

  it('refuses the whole file when any row is bad, and names every bad row', async () => {
    const rows = [
      '南阳市宛城区务工监测信息（人社局）',
      header,
      ...good(monthsAgo(1)),
      `王某,4.11302E+17,其他形式务工就业人员,${monthsAgo(1)},,河南,南阳,宛城,1000,,,,,`,
      `${PEOPLE.b.name},${PEOPLE.b.id},其他,2026-13,,河南,南阳,宛城,1000,,,,,`,
      `${PEOPLE.a.name},${PEOPLE.a.id},其他形式务工就业人员,${monthsAgo(1)},,河南,南阳,宛城,很多,,,,,也许`,
    ];
    const body = iconv.encode(rows.join('\r\n'), 'gbk');
    const response = await importFile(cookies.renshe, body);
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.status).toBe('refused');
    expect(result.problems.map((p: { row: number }) => p.row)).toEqual([5, 6, 7]);
    expect(result.problems[0].reason).toContain('科学计数法');
    expect(result.problems[1].reason).toContain('就业人员类别');
    expect(result.problems[1].reason).toContain('务工开始年月');
    expect(result.problems[2].reason).toContain('务工月收入');
    expect(result.problems[2].reason).toContain('是否点对点输送');
    expect(await recordsOf(personIds.c)).toHaveLength(0);

    const skipped = (await importFile(cookies.renshe, body, true)).json();
    expect(skipped).toMatchObject({ status: 'partial', acceptedRows: 2, matchedRows: 2, unmatchedRows: 0 });
    const [c] = await recordsOf(personIds.c);
    expect(c).toMatchObject({
      place: 'outside',
      monthly_income: '4200.00',
      channel: 'organised',
      point_to_point: true,
    });
    const [d] = await recordsOf(personIds.d);
    expect(d).toMatchObject({ place: 'county', source: 'import' });
  });

  it('takes a UTF-8 file with BOM, reports rows nobody in the registry matches, and takes the same file once', async () => {
    const { checkCharacter } = await import('../src/shared/id-number.js');
    const rows = [
      header,
      ...good(monthsAgo(1)),
      `陌生人,${stranger}${checkCharacter(stranger)},,${monthsAgo(1)},,河南,南阳,宛城区,,,,,,`,
    ];
    const body = Buffer.from(`\uFEFF${rows.join('\n')}`, 'utf8');
    const result = (await importFile(cookies.renshe, body)).json();
    expect(result).toMatchObject({ status: 'imported', matchedRows: 2, unmatchedRows: 1 });
    // The same person and start month updates the record rather than adding a second one.
    expect(await recordsOf(personIds.c)).toHaveLength(1);
    const feedback = await t.app.inject({
      url: `/api/employment/imports/${result.importId}/feedback`,
      headers: { cookie: cookies.renshe },
    });
    expect(feedback.json().items.map((r: { matchStatus: string }) => r.matchStatus)).toEqual([
      'matched',
      'matched',
      'unmatched',
    ]);
    const again = (await importFile(cookies.renshe, body)).json();
    expect(again).toMatchObject({ duplicate: true, importId: result.importId });
  });

  it('is 人社’s: another department is refused, and the 人社 user never reads the registry', async () => {
    const refused = await importFile(cookies.minzheng, Buffer.from(header, 'utf8'));
    expect(refused.statusCode).toBe(403);
    const records = await t.app.inject({
      url: '/api/employment/records',
      headers: { cookie: cookies.renshe },
    });
    expect(records.statusCode).toBe(403);
    const households = await t.app.inject({ url: '/api/households', headers: { cookie: cookies.renshe } });
    expect(households.statusCode).toBe(403);
  });
});

describe('job ends (稳岗)', () => {
  it('raises a lead with 因务工就业不稳 when a job ended and no new one followed within the gap, once', async () => {
    const ended = await addRecord(cookies.county, {
      personId: personIds.b,
      category: 'flexible',
      startMonth: monthsAgo(8),
      endMonth: monthsAgo(3),
      workProvince: '河南',
      workCity: '郑州',
      workCounty: '金水区',
    });
    expect(ended.statusCode).toBe(201);
    // a's job ended too, but a new one started within the gap: no lead for it.
    await addRecord(cookies.county, {
      personId: personIds.a,
      category: 'flexible',
      startMonth: monthsAgo(6),
      endMonth: monthsAgo(3),
    });
    const scan = await t.app.inject({
      method: 'POST',
      url: '/api/employment/job-ends/scan',
      headers: { cookie: cookies.city },
    });
    expect(scan.statusCode).toBe(200);
    expect(scan.json().leadsRaised).toBe(1);
    const lead = await t.database.db
      .selectFrom('lead')
      .selectAll()
      .where('household_id', '=', households.h1)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    expect(lead.source).toBe('work_monitoring');
    expect(lead.reasons).toContain('risk_unstable_employment');
    const record = await t.database.db
      .selectFrom('work_record')
      .select('end_lead_id')
      .where('id', '=', ended.json().record.id)
      .executeTakeFirstOrThrow();
    expect(Number(record.end_lead_id)).toBe(Number(lead.id));
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/employment/job-ends/scan',
      headers: { cookie: cookies.city },
    });
    expect(second.json().leadsRaised).toBe(0);
  });
});

describe('measures from work records', () => {
  it('a workshop job of a monitored household appears in the case’s measures, and ends with the record', async () => {
    const lead = await t.app.inject({
      method: 'POST',
      url: '/api/leads',
      headers: { cookie: cookies.county },
      payload: { householdId: households.h3, reasons: ['medical_spending'], note: '大病' },
    });
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/leads/${lead.json().id}/case`,
      headers: { cookie: cookies.county },
      payload: { version: lead.json().version, note: '入户核实属实' },
    });
    const caseId = opened.json().id as number;
    await t.database.db
      .updateTable('monitoring_case')
      .set({ stage: 'monitored', identified_on: today })
      .where('id', '=', caseId)
      .execute();
    const operator = await t.database.db
      .insertInto('operator')
      .values({
        county_code: '411302000000',
        region_code: '411302102201',
        name: '东岗村帮扶车间',
        operator_type: 'workshop',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const saved = await addRecord(cookies.town, {
      personId: personIds.d,
      category: 'other',
      startMonth: thisMonth,
      workProvince: '河南',
      workCity: '南阳',
      workCounty: '宛城区',
      channel: 'workshop',
      operatorId: Number(operator.id),
      monthlyIncome: '2200',
      employer: '东岗村帮扶车间',
      industry: '服装加工',
      pointToPoint: false,
    });
    expect(saved.statusCode).toBe(201);
    const measures = await t.app.inject({ url: `/api/cases/${caseId}`, headers: { cookie: cookies.county } });
    const fromWork = (
      measures.json().measures as Array<{ category: string; item: string; provider: string | null }>
    ).filter((m) => m.item.startsWith('帮扶车间就业'));
    expect(fromWork).toHaveLength(1);
    expect(fromWork[0]).toMatchObject({ category: 'employment', provider: '东岗村帮扶车间' });
    const row = await t.database.db
      .selectFrom('assistance_measure')
      .selectAll()
      .where('source_kind', '=', 'work_record')
      .where('source_id', '=', saved.json().record.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.case_id)).toBe(caseId);

    const ended = await t.app.inject({
      method: 'PATCH',
      url: `/api/employment/records/${saved.json().record.id}`,
      headers: { cookie: cookies.town },
      payload: {
        ...saved.json().record,
        operatorId: Number(operator.id),
        endMonth: thisMonth,
        version: 1,
        personId: undefined,
      },
    });
    expect(ended.statusCode).toBe(200);
    const after = await t.database.db
      .selectFrom('assistance_measure')
      .select('ends_on')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after.ends_on).not.toBeNull();
  });
});

describe('employment scale', () => {
  it('counts workers of 脱贫/监测 households, local and away, against the targets, from the monthly summary', async () => {
    await t.app.inject({
      method: 'PUT',
      url: '/api/employment/settings',
      headers: { cookie: cookies.city },
      payload: {
        year: Number(thisMonth.slice(0, 4)),
        minMonths: 1,
        jobGapDays: 30,
        cityTarget: 200000,
        targets: [{ countyCode: '411302000000', target: 30000 }],
      },
    });
    await t.services.reports.refreshSoon();
    const scale = (
      await t.app.inject({
        url: '/api/employment/scale?regionCode=411302000000',
        headers: { cookie: cookies.county },
      })
    ).json();
    // a (county), b (away, Shenzhen) of 脱贫户 h1 and d (county) of 监测户 h3; c is of an ordinary household.
    expect(scale.total).toMatchObject({ workers: 3, local: 2, away: 1 });
    expect(scale.total.byPlace).toMatchObject({ county: 2, outside: 1 });
    expect(scale.target).toBe(30000);
    const town = scale.children.find((c: { regionCode: string }) => c.regionCode === '411302102000');
    expect(town.workers).toBe(3);
    const city = (
      await t.app.inject({ url: '/api/employment/scale', headers: { cookie: cookies.city } })
    ).json();
    expect(city.target).toBe(200000);
    expect(city.children.find((c: { regionCode: string }) => c.regionCode === '411302000000').target).toBe(
      30000,
    );

    // Three months of work a year: a (from two months ago, still working) counts; d (this month only) no longer does.
    await t.app.inject({
      method: 'PUT',
      url: '/api/employment/settings',
      headers: { cookie: cookies.city },
      payload: {
        year: Number(thisMonth.slice(0, 4)),
        minMonths: 3,
        jobGapDays: 30,
        cityTarget: 200000,
        targets: [],
      },
    });
    await t.services.reports.refreshSoon();
    const strict = (
      await t.app.inject({
        url: '/api/employment/scale?regionCode=411302000000',
        headers: { cookie: cookies.county },
      })
    ).json();
    expect(strict.total.workers).toBeLessThan(scale.total.workers);
  });
});

describe('work data-quality rules', () => {
  it('lists the rules each current record breaks, the same as the pure rules', async () => {
    const result = (
      await t.app.inject({ url: '/api/employment/issues?pageSize=200', headers: { cookie: cookies.county } })
    ).json();
    expect(result.items.length).toBeGreaterThan(0);
    const rows = await sql<{
      id: number;
      start_month: string;
      end_month: string | null;
      monthly_income: string | null;
      employer: string | null;
      industry: string | null;
      channel: WorkChannel | null;
      point_to_point: boolean | null;
      place: WorkPlace | null;
      work_province: string | null;
      work_county: string | null;
      birth_date: string;
      is_tekun: boolean;
      schooling: string | null;
    }>`select w.id, to_char(w.start_month, 'YYYY-MM') as start_month, to_char(w.end_month, 'YYYY-MM') as end_month,
          w.monthly_income::text as monthly_income, w.employer, w.industry, w.channel, w.point_to_point, w.place,
          w.work_province, w.work_county, p.birth_date::text as birth_date, p.is_tekun, p.schooling
        from work_record w join person p on p.id = w.person_id`.execute(t.database.db);
    const expected = rows.rows
      .flatMap((r) =>
        workRuleProblems(
          {
            startMonth: r.start_month,
            endMonth: r.end_month,
            monthlyIncome: r.monthly_income,
            employer: r.employer,
            industry: r.industry,
            channel: r.channel,
            pointToPoint: r.point_to_point,
            place: r.place,
            workProvince: r.work_province,
            workCounty: r.work_county,
            birthDate: r.birth_date,
            isTekun: r.is_tekun,
            schooling: r.schooling,
          },
          today,
        ).map((rule) => `${rule}:${r.id}`),
      )
      .sort();
    const listed = result.items
      .map((i: { rule: string; recordId: number }) => `${i.rule}:${i.recordId}`)
      .sort();
    expect(listed).toEqual(expected);
  });
});
