import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASE_VILLAGE } from '../src/server/demo/demo-cases.service.js';
import { quarterOf } from '../src/server/domain/ranking.js';
import { systemActor } from '../src/server/services/actor.js';
import { addMonths, monthOf, previousMonth } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const today = clock().today();
const month = monthOf(today);
let t: TestApp;
const cookie: Record<string, string> = {};

async function call(user: string, method: string, url: string, payload?: unknown) {
  const response = await t.app.inject({
    method: method as 'GET',
    url,
    headers: { cookie: cookie[user] ?? '' },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return {
    status: response.statusCode,
    body: response.json(),
    raw: response.rawPayload,
  };
}

beforeAll(async () => {
  t = await createTestApp({}, { households: 300, date: today });
  for (const user of [
    'city_admin',
    'county_wancheng',
    'town_guanzhuang',
    'village_guanzhuang',
    'leader_city',
    'county_wolong',
  ]) {
    cookie[user] = await t.login(user);
  }
  // The demo story needs a dozen households in its village; 300 spread over the city leave it few.
  const list = await call('city_admin', 'GET', '/api/households?regionCode=411302000000&pageSize=12');
  const ids = list.body.items.map((h: { id: number }) => h.id);
  await t.database.db
    .updateTable('household')
    .set({ region_code: DEMO_CASE_VILLAGE, town_code: `${DEMO_CASE_VILLAGE.slice(0, 9)}000` })
    .where('id', 'in', ids)
    .execute();
  await t.services.demoCases.seedCases(systemActor('test'));
});

afterAll(async () => {
  await t?.close();
});

describe('monthly summary and dashboard', () => {
  it('adds village figures up per county and city, and exports them to Excel', async () => {
    const city = await call('leader_city', 'GET', `/api/reports/monthly?month=${month}`);
    expect(city.status).toBe(200);
    expect(city.body.total.monitored).toBe(2);
    // Being identified: cross check, village review, notice, county approval, the case sent back to home check
    // and the one just announced (the demo village's stages, demo-cases.service).
    expect(city.body.total.identifying).toBe(6);
    expect(city.body.total.lateIdentifications).toBe(1);
    const wancheng = city.body.children.find((c: { regionName: string }) => c.regionName === '宛城区');
    expect(wancheng.figures.monitored).toBe(2);
    expect(city.body.children).toHaveLength(15);

    const town = await call('town_guanzhuang', 'GET', `/api/reports/monthly?month=${month}`);
    const village = town.body.children.find(
      (c: { regionCode: string }) => c.regionCode === DEMO_CASE_VILLAGE,
    );
    expect(village.figures.labourMonitored).toBeGreaterThanOrEqual(0);
    expect(
      (await call('county_wolong', 'GET', `/api/reports/monthly?month=${month}&regionCode=411302000000`))
        .status,
    ).toBe(404);

    const file = await t.app.inject({
      url: `/api/reports/monthly.xlsx?month=${month}`,
      headers: { cookie: cookie.leader_city },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('月度小结');
    expect(String(sheet?.getRow(2).getCell(1).value)).toMatch(
      /^数据截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/,
    );
    expect(sheet?.getRow(3).getCell(1).value).toBe('区划');
    expect(sheet?.getRow(3).getCell(2).value).toBe('新识别监测户');
    const totalRow = sheet?.getRow(3 + 15 + 1);
    expect(totalRow?.getCell(1).value).toBe('南阳市合计');
    expect(typeof totalRow?.getCell(7).value).toBe('number');
    // Prints on A4 landscape, one page wide.
    expect(sheet?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
    });
    // Risks in words (因病), never codes (illness).
    const risks = book.getWorksheet('新识别类别与风险');
    const labels: string[] = [];
    risks?.eachRow((row) => labels.push(String(row.getCell(1).value)));
    const riskRows = labels.slice(labels.indexOf('风险类型') + 1);
    expect(riskRows.filter((l) => /[a-z_]/.test(l))).toEqual([]);

    const dashboard = await call('leader_city', 'GET', '/api/dashboard');
    expect(dashboard.body.trend.at(-1)).toMatchObject({ month, monitored: 2 });
  });

  it('freezes a closed month: later changes do not alter its figures', async () => {
    const last = previousMonth(today);
    await t.services.reports.refresh(last);
    const before = await call('city_admin', 'GET', `/api/reports/monthly?month=${last}`);
    const closed = await call('city_admin', 'POST', '/api/reports/monthly/close', { month: last });
    expect(closed.body.status).toBe('closed');
    // A case identified last month lands after the close.
    await t.database.db
      .updateTable('monitoring_case')
      .set({ identified_on: `${last}-15` })
      .where('stage', '=', 'monitored')
      .execute();
    await t.services.reports.refresh(last);
    const after = await call('city_admin', 'GET', `/api/reports/monthly?month=${last}`);
    expect(after.body.total).toEqual(before.body.total);
    expect((await call('city_admin', 'POST', '/api/reports/monthly/close', { month: last })).status).toBe(
      409,
    );
    expect((await call('city_admin', 'POST', '/api/reports/monthly/close', { month })).status).toBe(400);
    expect(
      (await call('county_wancheng', 'POST', '/api/reports/monthly/close', { month: last })).status,
    ).toBe(403);
    // The open month follows the change once refreshed.
    await t.services.reports.refresh(addMonths(today, 0).slice(0, 7));
  });
});

describe('self-check and verification', () => {
  it('lets each level sign its own month; a county only after all its towns', async () => {
    const check = await call('village_guanzhuang', 'GET', `/api/self-checks?month=${month}`);
    expect(check.body.items.map((i: { code: string }) => i.code)).toContain('late_identifications');
    expect(check.body.signOff).toBeNull();
    const signed = await call('village_guanzhuang', 'POST', '/api/self-checks', {
      month,
      note: '已逐项核对',
    });
    expect(signed.body.signOff).toMatchObject({ signedBy: '村网格员', note: '已逐项核对' });
    expect((await call('village_guanzhuang', 'POST', '/api/self-checks', { month })).status).toBe(409);

    expect((await call('town_guanzhuang', 'POST', '/api/self-checks', { month })).status).toBe(200);
    const town = await call('town_guanzhuang', 'GET', `/api/self-checks?month=${month}`);
    expect(
      town.body.children.find((c: { regionCode: string }) => c.regionCode === DEMO_CASE_VILLAGE).signedBy,
    ).toBe('村网格员');

    const county = await call('county_wancheng', 'POST', '/api/self-checks', { month });
    expect(county.status).toBe(409);
    expect(county.body.details.missing.length).toBe(3);
    const view = await call('county_wancheng', 'GET', `/api/self-checks?month=${month}`);
    expect(view.body.children.filter((c: { signedBy: string | null }) => c.signedBy !== null)).toHaveLength(
      1,
    );
    expect((await call('leader_city', 'POST', '/api/self-checks', { month })).status).toBe(403);
  });

  it('draws a risk-weighted sample per town once, and records outcomes', async () => {
    const drawn = await call('county_wancheng', 'POST', '/api/verification-samples', { month, perTown: 3 });
    expect(drawn.body.drawn).toBeGreaterThan(0);
    expect(
      (await call('county_wancheng', 'POST', '/api/verification-samples', { month, perTown: 3 })).status,
    ).toBe(409);
    const samples = await call('county_wancheng', 'GET', `/api/verification-samples?month=${month}`);
    expect(samples.body.length).toBe(drawn.body.drawn);
    expect(samples.body.length).toBeGreaterThan(0);
    const perTown = new Map<string, number>();
    for (const s of samples.body as unknown as Array<{ townCode: string }>) {
      perTown.set(s.townCode, (perTown.get(s.townCode) ?? 0) + 1);
    }
    expect(Math.max(...perTown.values())).toBeLessThanOrEqual(3);
    const first = samples.body[0];
    expect(
      (
        await call('county_wancheng', 'PATCH', `/api/verification-samples/${first.id}`, {
          version: first.version,
          outcome: 'problem',
        })
      ).status,
    ).toBe(400);
    const ok = await call('county_wancheng', 'PATCH', `/api/verification-samples/${first.id}`, {
      version: first.version,
      outcome: 'problem',
      note: '收入填报不实',
    });
    expect(ok.status).toBe(200);
    expect(
      (
        await call('county_wolong', 'PATCH', `/api/verification-samples/${first.id}`, {
          version: 2,
          outcome: 'confirmed',
        })
      ).status,
    ).toBe(404);
  });
});

describe('quarterly ranking and bulletin', () => {
  const quarter = quarterOf(today);

  it('ranks the counties with every score explained, by configurable weights', async () => {
    const ranking = await call('leader_city', 'GET', `/api/rankings?quarter=${quarter}`);
    expect(ranking.status).toBe(200);
    expect(ranking.body.level).toBe('county');
    expect(ranking.body.rows).toHaveLength(15);
    const wancheng = ranking.body.rows.find((r: { name: string }) => r.name === '宛城区');
    const visits = wancheng.indicators.find((i: { indicator: string }) => i.indicator === 'visits_on_time');
    expect(visits.total).toBeGreaterThan(0);
    expect(ranking.body.rows[0].rank).toBe(1);

    const weights = await call('city_admin', 'PUT', '/api/rankings/weights', { visits_on_time: 0 });
    expect(weights.body.visits_on_time).toBe(0);
    const again = await call('leader_city', 'GET', `/api/rankings?quarter=${quarter}`);
    expect(again.body.weights.visits_on_time).toBe(0);
  });

  it('drafts a bulletin from the ranking, edits it, issues it and renders it as Word with Chinese text', async () => {
    const draft = await call('city_admin', 'POST', '/api/bulletins', { quarter });
    expect(draft.status).toBe(201);
    expect(draft.body.sections.map((s: { heading: string }) => s.heading)).toEqual([
      '总体情况',
      '排序情况',
      '存在问题',
      '整改要求',
    ]);
    expect(draft.body.sections[1].table[0].slice(0, 3)).toEqual(['名次', '单位', '得分']);
    const edited = await call('city_admin', 'PATCH', `/api/bulletins/${draft.body.id}`, {
      version: draft.body.version,
      title: '关于第四季度防返贫监测帮扶工作的通报',
    });
    expect(edited.body.title).toBe('关于第四季度防返贫监测帮扶工作的通报');
    const issued = await call('city_admin', 'POST', `/api/bulletins/${draft.body.id}/issue`, {
      version: edited.body.version,
    });
    expect(issued.body).toMatchObject({ status: 'issued', issuedOn: today });
    expect(
      (
        await call('city_admin', 'PATCH', `/api/bulletins/${draft.body.id}`, {
          version: issued.body.version,
          title: 'x',
        })
      ).status,
    ).toBe(409);

    const file = await t.app.inject({
      url: `/api/bulletins/${draft.body.id}/docx`,
      headers: { cookie: cookie.leader_city },
    });
    expect(file.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(file.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('关于第四季度防返贫监测帮扶工作的通报');
    expect(xml).toContain('南阳市乡村振兴局');
    expect(xml).toContain('宛城区');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('数据截至');
  });

  it('a county drafts its own bulletin on its towns; others see it by level, only the county edits it', async () => {
    const draft = await call('county_wancheng', 'POST', '/api/bulletins', { quarter });
    expect(draft.status).toBe(201);
    expect(draft.body.regionCode).toMatch(/^411302/);
    const table = draft.body.sections[1].table as string[][];
    expect(table.length).toBeGreaterThan(1);
    // Its units are the county's towns, not the city's counties.
    expect(table.slice(1).some((row) => row[1] === '宛城区')).toBe(false);
    expect(draft.body.sections[3].text).not.toContain('报送市乡村振兴局');
    const own = await call('county_wancheng', 'GET', '/api/bulletins');
    expect(own.body.map((b: { id: number }) => b.id)).toContain(draft.body.id);
    const city = await call('city_admin', 'GET', `/api/bulletins/${draft.body.id}`);
    expect(city.status).toBe(200);
    const cityBulletins = (await call('city_admin', 'GET', '/api/bulletins')).body as Array<{
      id: number;
      regionCode: string;
    }>;
    const cityOwn = cityBulletins.find((b) => b.regionCode.endsWith('00000000'));
    expect(cityOwn).toBeDefined();
    // The county reads the city's bulletin but cannot change it; the city cannot change the county's.
    expect((await call('county_wancheng', 'GET', `/api/bulletins/${cityOwn?.id}`)).status).toBe(200);
    expect(
      (await call('county_wancheng', 'PATCH', `/api/bulletins/${cityOwn?.id}`, { version: 1, title: 'x' }))
        .status,
    ).toBe(403);
    expect(
      (await call('city_admin', 'PATCH', `/api/bulletins/${draft.body.id}`, { version: 1, title: 'x' }))
        .status,
    ).toBe(403);
    const edited = await call('county_wancheng', 'PATCH', `/api/bulletins/${draft.body.id}`, {
      version: draft.body.version,
      title: '宛城区第四季度通报',
    });
    expect(edited.status).toBe(200);
  });
});
