import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/shared/clock.js';
import { newCase, newHousehold } from './helpers/factories.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let today: string;
let year: number;

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

/** A household of `type` whose head is able to work (or not). */
async function household(name: string, type: 'exited_poverty' | 'monitored' | 'ordinary', labour = true) {
  const h = await newHousehold(t, today, { householdType: type, headName: name });
  if (labour) {
    await t.database.db
      .updateTable('person')
      .set({ labour_skill: '普通劳动力' })
      .where('household_id', '=', h.id)
      .execute();
  }
  return h;
}

beforeAll(async () => {
  today = clock().today();
  year = Number(today.slice(0, 4));
  // No generated population: the households below are the only ones, so every count is known.
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('industry coverage (产业帮扶覆盖)', () => {
  it('counts the households able to work with industry help this year from the measures, paid rewards, linkage and courtyard demos', async () => {
    const county = await t.login('county_wancheng');
    const town = await t.login('town_guanzhuang');
    const wolong = await t.login('county_wolong');
    const helper = await t.login('helper_demo');
    const db = t.database.db;

    const withMeasure = await household('覆盖措施', 'monitored');
    const withReward = await household('覆盖奖补', 'exited_poverty');
    const linked = await household('覆盖联结', 'exited_poverty');
    const linkedLastYear = await household('去年联结', 'exited_poverty');
    const rewardUnpaid = await household('奖补未兑付', 'exited_poverty');
    const courtyard = await household('庭院示范', 'exited_poverty');
    const courtyardNominated = await household('庭院推荐', 'exited_poverty');
    await household('无劳动力', 'exited_poverty', false);
    await household('一般农户', 'ordinary');

    // An industry measure on the monitored household's case, as the village types it once the case is monitored.
    const c = await newCase(t, today, { householdId: withMeasure.id });
    const caseRow = await db
      .selectFrom('monitoring_case')
      .select(['county_code'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('assistance_measure')
      .values({
        case_id: c.id,
        household_id: withMeasure.id,
        county_code: caseRow.county_code,
        category: 'industry',
        item: '发展香菇大棚',
        starts_on: today,
        ends_on: null,
        amount: null,
        provider: null,
        note: null,
        created_by: null,
      })
      .execute();

    // A paid reward and one still with the village; a linkage place this year and one last year.
    const place = await db
      .selectFrom('household')
      .select(['county_code', 'region_code'])
      .where('id', '=', withReward.id)
      .executeTakeFirstOrThrow();
    const scheme = await db
      .insertInto('industry_scheme')
      .values({
        county_code: place.county_code,
        year,
        item: '香菇种植',
        unit: 'mu',
        rate_percent: '20',
        unit_cap: '500',
        household_cap: '5000',
        window_start: `${year}-01-01`,
        window_end: `${year}-12-31`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [h, stage] of [
      [withReward, 'paid'],
      [rewardUnpaid, 'declared'],
    ] as const) {
      await db
        .insertInto('industry_claim')
        .values({
          county_code: place.county_code,
          scheme_id: Number(scheme.id),
          household_id: h.id,
          region_code: place.region_code,
          scale: '2',
          revenue: '10000',
          cost: '4000',
          net_income: '6000',
          reward: '1000',
          cap_applied: 'unit',
          source: 'household',
          stage,
          client_id: null,
          visit_id: null,
          note: null,
          created_by: null,
        })
        .execute();
    }
    const operator = await db
      .insertInto('operator')
      .values({
        county_code: place.county_code,
        region_code: place.region_code,
        name: '覆盖测试合作社',
        uscc: null,
        operator_type: 'cooperative',
        legal_person: null,
        contact_phone: null,
        lead_level: null,
        lead_certified_on: null,
        note: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const agreement = await db
      .insertInto('linkage_agreement')
      .values({
        county_code: place.county_code,
        operator_id: Number(operator.id),
        project_id: null,
        mode: 'order_farming',
        started_on: `${year - 1}-01-01`,
        ended_on: null,
        terms: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('linkage_household')
      .values([
        { county_code: place.county_code, agreement_id: Number(agreement.id), household_id: linked.id, year },
        {
          county_code: place.county_code,
          agreement_id: Number(agreement.id),
          household_id: linkedLastYear.id,
          year: year - 1,
        },
      ])
      .execute();

    // A courtyard demo household accepted this year counts; one only nominated does not yet.
    const demoVillage = await db
      .insertInto('courtyard_village')
      .values({
        county_code: place.county_code,
        town_code: `${place.region_code.slice(0, 9)}000`,
        region_code: place.region_code,
        year,
        stage: 'building',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [h, stage] of [
      [courtyard, 'accepted'],
      [courtyardNominated, 'nominated'],
    ] as const) {
      await db
        .insertInto('courtyard_household')
        .values({
          county_code: place.county_code,
          village_id: Number(demoVillage.id),
          household_id: h.id,
          region_code: place.region_code,
          year,
          stage,
        })
        .execute();
    }

    const summary = await get('/api/industry-coverage', county);
    expect(summary.statusCode).toBe(200);
    const s = summary.json();
    expect(s).toMatchObject({ year, regionName: '宛城区' });
    expect(s.total).toEqual({
      households: 7,
      covered: 4,
      uncovered: 3,
      ratePercent: '57.1',
      measure: 1,
      claim: 1,
      linkage: 1,
      courtyard: 1,
    });
    const guanzhuang = s.children.find((r: { regionName: string }) => r.regionName === '官庄镇');
    expect(guanzhuang).toMatchObject({ households: 7, covered: 4, ratePercent: '57.1' });
    expect(s.children.filter((r: { households: number }) => r.households === 0).length).toBe(
      s.children.length - 1,
    );

    // Last year, only last year's linkage counts.
    const before = (await get(`/api/industry-coverage?year=${year - 1}`, county)).json();
    expect(before.total).toMatchObject({
      households: 7,
      covered: 1,
      linkage: 1,
      measure: 0,
      claim: 0,
      courtyard: 0,
    });

    const list = await get('/api/industry-coverage/uncovered?pageSize=10', town);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(3);
    expect(
      list
        .json()
        .items.map((r: { headName: string }) => r.headName)
        .sort(),
    ).toEqual(['去年联结', '奖补未兑付', '庭院推荐'].sort());
    expect(list.json().items[0]).toMatchObject({ labourMembers: 1, townName: '官庄镇' });

    const xlsx = await get(`/api/industry-coverage/uncovered.xlsx?year=${year}`, town);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe(`${year}年产业帮扶未覆盖农户清单`);
    expect(sheet?.rowCount).toBe(4);

    // Another county sees its own (none), and asking for 宛城区 answers like a missing region.
    expect((await get('/api/industry-coverage', wolong)).json().total.households).toBe(0);
    expect((await get('/api/industry-coverage?regionCode=411302000000', wolong)).statusCode).toBe(404);
    // Helpers work from their visits; the coverage desk is not theirs.
    expect((await get('/api/industry-coverage', helper)).statusCode).toBe(403);
    expect((await get('/api/industry-coverage?year=1999', county)).statusCode).toBe(400);
  });
});
