import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { CourtyardStage } from '../../shared/courtyard.js';
import type { CourtyardHouseholdTable, CourtyardVillageTable, DB } from '../db/schema.js';
import { inScope } from './scope-filter.js';
import { conflictOnDuplicate } from './unique-violation.js';

export interface CriteriaRow {
  county_code: string;
  year: number;
  household_min_activities: number;
  household_min_income: string;
  require_clean_yard: boolean;
  village_min_households: number;
  village_min_income_share: string;
  target_villages: number;
  target_households: number;
  version: number;
}

export interface VillageRow {
  id: number;
  county_code: string;
  town_code: string;
  region_code: string;
  year: number;
  stage: CourtyardStage;
  notice_id: number | null;
  accepted_on: string | null;
  named_on: string | null;
  fail_reason: string | null;
  last_comment: string | null;
  note: string | null;
  version: number;
  county_name: string;
  town_name: string | null;
  village_name: string;
  notice_starts_on: string | null;
  notice_ends_on: string | null;
  notice_objections: number | null;
  notice_resolved: boolean | null;
  /** Demo households of the village (any stage but failed). */
  demo_households: number;
  /** Accepted or named demo households (their criteria are checked by the service). */
  accepted_households: number;
  named_households: number;
  /** Registry households of the village, and those with courtyard income in the year. */
  households: number;
  with_courtyard_income: number;
}

export interface HouseholdRow {
  id: number;
  county_code: string;
  village_id: number;
  household_id: number;
  region_code: string;
  year: number;
  stage: CourtyardStage;
  notice_id: number | null;
  activities: string[];
  scale: string | null;
  scale_unit: 'mu' | 'head' | null;
  net_income: string | null;
  clean_yard: boolean | null;
  result_note: string | null;
  accepted_on: string | null;
  named_on: string | null;
  fail_reason: string | null;
  last_comment: string | null;
  version: number;
  household_no: string | null;
  household_type: string;
  head_name: string | null;
  head_id_masked: string | null;
  county_name: string;
  town_name: string | null;
  village_name: string;
  village_stage: CourtyardStage;
  notice_ends_on: string | null;
  notice_resolved: boolean | null;
}

export interface CourtyardSearch {
  scope: readonly string[];
  regionPrefixes?: readonly string[] | undefined;
  year?: number | undefined;
  stage?: CourtyardStage | undefined;
  villageId?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const DUPLICATE_VILLAGE = '这个村本年度已推荐过，不能重复推荐';
const DUPLICATE_HOUSEHOLD = '这户本年度已推荐过，不能重复推荐';

/** The income item a courtyard household's 验收 writes: category business, source marker back to the record. */
export const COURTYARD_INCOME_SOURCE = 'courtyard_household';

/** Courtyard demonstration (庭院经济示范): criteria, villages, households and their steps. All SQL here. */
export function createCourtyardRepository(db: Kysely<DB>) {
  const villages = (year?: number) =>
    db
      .selectFrom('courtyard_village as cv')
      .innerJoin('region as v', 'v.code', 'cv.region_code')
      .leftJoin('region as t', 't.code', 'cv.town_code')
      .innerJoin('region as c', 'c.code', 'cv.county_code')
      .leftJoin('public_notice as n', 'n.id', 'cv.notice_id')
      .select([
        'cv.id',
        'cv.county_code',
        'cv.town_code',
        'cv.region_code',
        'cv.year',
        'cv.stage',
        'cv.notice_id',
        sql<string | null>`cv.accepted_on::text`.as('accepted_on'),
        sql<string | null>`cv.named_on::text`.as('named_on'),
        'cv.fail_reason',
        'cv.last_comment',
        'cv.note',
        'cv.version',
        'c.name as county_name',
        't.name as town_name',
        'v.name as village_name',
        sql<string | null>`n.starts_on::text`.as('notice_starts_on'),
        sql<string | null>`n.ends_on::text`.as('notice_ends_on'),
        'n.objections as notice_objections',
        'n.objections_resolved as notice_resolved',
        sql<number>`(select count(*)::int from courtyard_household ch where ch.village_id = cv.id and ch.stage <> 'failed')`.as(
          'demo_households',
        ),
        sql<number>`(select count(*)::int from courtyard_household ch where ch.village_id = cv.id and ch.stage in ('accepted', 'named'))`.as(
          'accepted_households',
        ),
        sql<number>`(select count(*)::int from courtyard_household ch where ch.village_id = cv.id and ch.stage = 'named')`.as(
          'named_households',
        ),
        sql<number>`(select count(*)::int from household h where h.region_code = cv.region_code)`.as(
          'households',
        ),
        // Courtyard income from the registry: a business income item of the year written by a courtyard
        // 验收, or typed on the household page as 庭院….
        sql<number>`(select count(distinct i.household_id)::int from income_item i
          join household h on h.id = i.household_id
          where h.region_code = cv.region_code and i.category = 'business' and i.amount > 0
            and i.period_end >= make_date(cv.year, 1, 1) and i.period_start <= make_date(cv.year, 12, 31)
            and (i.source_kind = ${COURTYARD_INCOME_SOURCE} or i.item like '庭院%'))`.as(
          'with_courtyard_income',
        ),
      ])
      .$if(year !== undefined, (q) => q.where('cv.year', '=', year as number));

  const households = () =>
    db
      .selectFrom('courtyard_household as ch')
      .innerJoin('courtyard_village as cv', 'cv.id', 'ch.village_id')
      .innerJoin('household as h', 'h.id', 'ch.household_id')
      .leftJoin('person as hp', 'hp.id', 'h.head_person_id')
      .innerJoin('region as v', 'v.code', 'ch.region_code')
      .leftJoin('region as t', 't.code', 'cv.town_code')
      .innerJoin('region as c', 'c.code', 'ch.county_code')
      .leftJoin('public_notice as n', 'n.id', 'ch.notice_id')
      .select([
        'ch.id',
        'ch.county_code',
        'ch.village_id',
        'ch.household_id',
        'ch.region_code',
        'ch.year',
        'ch.stage',
        'ch.notice_id',
        'ch.activities',
        sql<string | null>`ch.scale::text`.as('scale'),
        'ch.scale_unit',
        sql<string | null>`ch.net_income::text`.as('net_income'),
        'ch.clean_yard',
        'ch.result_note',
        sql<string | null>`ch.accepted_on::text`.as('accepted_on'),
        sql<string | null>`ch.named_on::text`.as('named_on'),
        'ch.fail_reason',
        'ch.last_comment',
        'ch.version',
        'h.household_no',
        'h.household_type',
        'hp.name as head_name',
        'hp.id_masked as head_id_masked',
        'c.name as county_name',
        't.name as town_name',
        'v.name as village_name',
        'cv.stage as village_stage',
        sql<string | null>`n.ends_on::text`.as('notice_ends_on'),
        'n.objections_resolved as notice_resolved',
      ]);

  return {
    findCriteria(countyCode: string, year: number) {
      return db
        .selectFrom('courtyard_criteria')
        .select([
          'county_code',
          'year',
          'household_min_activities',
          sql<string>`household_min_income::text`.as('household_min_income'),
          'require_clean_yard',
          'village_min_households',
          sql<string>`village_min_income_share::text`.as('village_min_income_share'),
          'target_villages',
          'target_households',
          'version',
        ])
        .where('county_code', '=', countyCode)
        .where('year', '=', year)
        .executeTakeFirst() as Promise<CriteriaRow | undefined>;
    },

    listCriteria(countyCodes: readonly string[], year: number) {
      return countyCodes.length === 0
        ? Promise.resolve([] as CriteriaRow[])
        : (db
            .selectFrom('courtyard_criteria')
            .select([
              'county_code',
              'year',
              'household_min_activities',
              sql<string>`household_min_income::text`.as('household_min_income'),
              'require_clean_yard',
              'village_min_households',
              sql<string>`village_min_income_share::text`.as('village_min_income_share'),
              'target_villages',
              'target_households',
              'version',
            ])
            .where('county_code', 'in', countyCodes)
            .where('year', '=', year)
            .execute() as Promise<CriteriaRow[]>);
    },

    /** Inserts the criteria (version 0 → 1) or updates them at the version the user saw; false when stale. */
    async saveCriteria(
      values: Omit<CriteriaRow, 'version'> & { updated_by: number | null },
      version: number,
    ): Promise<boolean> {
      if (version === 0) {
        const r = await db
          .insertInto('courtyard_criteria')
          .values(values)
          .onConflict((oc) => oc.columns(['county_code', 'year']).doNothing())
          .returning('year')
          .execute();
        return r.length === 1;
      }
      const { county_code, year, ...rest } = values;
      const r = await db
        .updateTable('courtyard_criteria')
        .set({ ...rest, version: version + 1, updated_at: sql`now()` })
        .where('county_code', '=', county_code)
        .where('year', '=', year)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async searchVillages(f: CourtyardSearch): Promise<{ items: VillageRow[]; total: number }> {
      let q = villages(f.year).where((eb) => inScope(eb, eb.ref('cv.region_code'), f.scope));
      if (f.regionPrefixes) {
        const p = f.regionPrefixes;
        q = q.where((eb) => inScope(eb, eb.ref('cv.region_code'), p));
      }
      if (f.stage) {
        q = q.where('cv.stage', '=', f.stage);
      }
      const ordered = q.orderBy('cv.region_code').orderBy('cv.id');
      const [count, rows] = await Promise.all([
        q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
        (f.limit !== undefined ? ordered.limit(f.limit).offset(f.offset ?? 0) : ordered).execute(),
      ]);
      return { items: rows as VillageRow[], total: Number(count.n) };
    },

    findVillages(ids: readonly number[]) {
      return ids.length === 0
        ? Promise.resolve([] as VillageRow[])
        : (villages().where('cv.id', 'in', ids).orderBy('cv.id').execute() as Promise<VillageRow[]>);
    },

    findVillageByNotice(noticeId: number) {
      return villages().where('cv.notice_id', '=', noticeId).executeTakeFirst() as Promise<
        VillageRow | undefined
      >;
    },

    findVillageByRegion(regionCode: string, year: number) {
      return villages()
        .where('cv.region_code', '=', regionCode)
        .where('cv.year', '=', year)
        .executeTakeFirst() as Promise<VillageRow | undefined>;
    },

    async searchHouseholds(f: CourtyardSearch): Promise<{ items: HouseholdRow[]; total: number }> {
      let q = households().where((eb) => inScope(eb, eb.ref('ch.region_code'), f.scope));
      if (f.regionPrefixes) {
        const p = f.regionPrefixes;
        q = q.where((eb) => inScope(eb, eb.ref('ch.region_code'), p));
      }
      if (f.year !== undefined) {
        q = q.where('ch.year', '=', f.year);
      }
      if (f.stage) {
        q = q.where('ch.stage', '=', f.stage);
      }
      if (f.villageId !== undefined) {
        q = q.where('ch.village_id', '=', f.villageId);
      }
      const ordered = q.orderBy('ch.region_code').orderBy('ch.id');
      const [count, rows] = await Promise.all([
        q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
        (f.limit !== undefined ? ordered.limit(f.limit).offset(f.offset ?? 0) : ordered).execute(),
      ]);
      return { items: rows as HouseholdRow[], total: Number(count.n) };
    },

    findHouseholds(ids: readonly number[]) {
      return ids.length === 0
        ? Promise.resolve([] as HouseholdRow[])
        : (households().where('ch.id', 'in', ids).orderBy('ch.id').execute() as Promise<HouseholdRow[]>);
    },

    async insertVillage(values: Insertable<CourtyardVillageTable>): Promise<number> {
      const row = await conflictOnDuplicate(
        () => db.insertInto('courtyard_village').values(values).returning('id').executeTakeFirstOrThrow(),
        DUPLICATE_VILLAGE,
        { field: 'regionCode' },
      );
      return Number(row.id);
    },

    async insertHousehold(values: Insertable<CourtyardHouseholdTable>): Promise<number> {
      const row = await conflictOnDuplicate(
        () => db.insertInto('courtyard_household').values(values).returning('id').executeTakeFirstOrThrow(),
        DUPLICATE_HOUSEHOLD,
        { field: 'householdIds' },
      );
      return Number(row.id);
    },

    async updateVillage(id: number, version: number, values: Updateable<CourtyardVillageTable>) {
      const r = await db
        .updateTable('courtyard_village')
        .set({ ...values, version: version + 1, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async updateHousehold(id: number, version: number, values: Updateable<CourtyardHouseholdTable>) {
      const r = await db
        .updateTable('courtyard_household')
        .set({ ...values, version: version + 1, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** The village's nominated households go to building with it, on its notice; returns their ids. */
    async moveVillageHouseholds(
      villageId: number,
      from: CourtyardStage,
      to: CourtyardStage,
      noticeId: number | null,
    ) {
      const rows = await db
        .updateTable('courtyard_household')
        .set({ stage: to, notice_id: noticeId, version: sql`version + 1`, updated_at: sql`now()` })
        .where('village_id', '=', villageId)
        .where('stage', '=', from)
        .returning(['id', 'county_code'])
        .execute();
      return rows.map((r) => ({ id: Number(r.id), county_code: r.county_code }));
    },

    /** Writes (or updates) the household's courtyard income as its business income item of the year. */
    async upsertCourtyardIncome(h: {
      id: number;
      household_id: number;
      county_code: string;
      year: number;
      net_income: string;
      activities: string;
    }) {
      const item = `庭院经济（${h.activities}）`.slice(0, 60);
      const existing = await db
        .selectFrom('income_item')
        .select('id')
        .where('source_kind', '=', COURTYARD_INCOME_SOURCE)
        .where('source_id', '=', h.id)
        .executeTakeFirst();
      if (existing) {
        await db
          .updateTable('income_item')
          .set({ amount: h.net_income, item, period_start: `${h.year}-01-01`, period_end: `${h.year}-12-31` })
          .where('id', '=', existing.id)
          .execute();
        return Number(existing.id);
      }
      const row = await db
        .insertInto('income_item')
        .values({
          household_id: h.household_id,
          county_code: h.county_code,
          category: 'business',
          item,
          amount: h.net_income,
          is_counted: true,
          period_start: `${h.year}-01-01`,
          period_end: `${h.year}-12-31`,
          note: '庭院经济示范户验收时记录',
          source_kind: COURTYARD_INCOME_SOURCE,
          source_id: h.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async insertEvents(
      rows: {
        county_code: string;
        subject_kind: 'village' | 'household';
        subject_id: number;
        action: string;
        from_stage: string | null;
        to_stage: string;
        acted_on: string;
        actor_id: number | null;
        actor_name: string;
        comment: string | null;
      }[],
    ) {
      if (rows.length > 0) {
        await db.insertInto('courtyard_event').values(rows).execute();
      }
    },

    listEvents(kind: 'village' | 'household', id: number) {
      return db
        .selectFrom('courtyard_event')
        .select([
          'id',
          'action',
          'from_stage',
          'to_stage',
          sql<string>`acted_on::text`.as('acted_on'),
          'actor_name',
          'comment',
        ])
        .where('subject_kind', '=', kind)
        .where('subject_id', '=', id)
        .orderBy('id')
        .execute();
    },

    /** Counties of the scope (a city user sees all of the city's). */
    counties(scope: readonly string[]) {
      return db
        .selectFrom('region')
        .select(['code', 'name'])
        .where('level', '=', 'county')
        .where((eb) =>
          eb.or([
            inScope(eb, eb.ref('code'), scope),
            ...scope.map((p) => eb(sql.lit(p), 'like', sql<string>`substr(code, 1, 6) || '%'`)),
          ]),
        )
        .orderBy('code')
        .execute();
    },

    /** Per county and year: named villages with their named households, and the named households' income. */
    progress(countyCodes: readonly string[], year: number) {
      if (countyCodes.length === 0) {
        return Promise.resolve([]);
      }
      return sql<{
        county_code: string;
        village_id: number;
        village_stage: CourtyardStage;
        named_households: number;
        income_total: string;
      }>`
        select cv.county_code, cv.id as village_id, cv.stage as village_stage,
          count(ch.id) filter (where ch.stage = 'named')::int as named_households,
          coalesce(sum(ch.net_income) filter (where ch.stage = 'named'), 0.00)::text as income_total
        from courtyard_village cv left join courtyard_household ch on ch.village_id = cv.id
        where cv.year = ${year} and cv.county_code in (${sql.join(countyCodes)})
        group by cv.county_code, cv.id, cv.stage`
        .execute(db)
        .then((r) => r.rows);
    },
  };
}

export type CourtyardRepository = ReturnType<typeof createCourtyardRepository>;
