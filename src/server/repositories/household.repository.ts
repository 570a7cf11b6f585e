import type { Insertable, Selectable, Updateable } from 'kysely';
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { clock } from '../../shared/clock.js';
import type { HouseholdType, IncomeCategory } from '../../shared/household-codes.js';
import type { DB, HouseholdTable, IncomeItemTable, PersonTable } from '../db/schema.js';
import { escapeLike, inScope } from './scope-filter.js';
import { conflictOnDuplicate } from './unique-violation.js';

/** Which households an actor reaches: a region scope, or (for a helper) their active assignments. */
export interface HouseholdAccess {
  scope: readonly string[];
  helperUserId: number | null;
}

export type HouseholdFlag = 'open_lead' | 'housing' | 'water' | 'medical_spending';

/** The registry's search filters: the household list and its export read the same households. */
export interface HouseholdFilter {
  regionPrefixes?: readonly string[] | undefined;
  type?: HouseholdType | undefined;
  headName?: string | undefined;
  /** The households of one ID number (found by its hash); empty matches none. */
  householdIds?: readonly number[] | undefined;
  flag?: HouseholdFlag | undefined;
}

export interface HouseholdSearch extends HouseholdFilter {
  access: HouseholdAccess;
  limit: number;
  offset: number;
}

/** Counting stops here: on a city of 1.7 million households an exact count per keystroke is waste. */
export const COUNT_CAP = 10_000;

type HouseholdInsert = Insertable<HouseholdTable>;
type HouseholdUpdate = Updateable<HouseholdTable>;
type PersonInsert = Insertable<PersonTable>;
type PersonUpdate = Updateable<PersonTable>;

/** The county codes a scope lies in, when every prefix is at county level or below; else null. */
function countiesOf(prefixes: readonly string[]): string[] | null {
  if (prefixes.length === 0 || prefixes.some((p) => p.length < 6 || !/^\d{6}/.test(p))) {
    return null;
  }
  return [...new Set(prefixes.map((p) => `${p.slice(0, 6)}000000`))];
}

export function accessFilter(
  eb: ExpressionBuilder<DB, 'household'>,
  access: HouseholdAccess,
): Expression<SqlBool> {
  if (access.helperUserId !== null) {
    return eb.exists(
      eb
        .selectFrom('helper_assignment as a')
        .whereRef('a.household_id', '=', 'household.id')
        .where('a.user_id', '=', access.helperUserId)
        .where((w) => w.or([w('a.ends_on', 'is', null), w('a.ends_on', '>=', clock().today())])),
    );
  }
  return inScope(eb, eb.ref('household.region_code'), access.scope);
}

/** `selectFrom('household')` before anything is selected. */
type HouseholdQuery = SelectQueryBuilder<DB, 'household', object>;

/** Applies the registry's search filters; `scope` narrows a name search to the counties it lies in. */
export function filterHouseholds(
  from: HouseholdQuery,
  f: HouseholdFilter,
  scope: readonly string[],
): HouseholdQuery {
  let query = from;
  if (f.regionPrefixes) {
    const prefixes = f.regionPrefixes;
    query = query.where((eb) => inScope(eb, eb.ref('household.region_code'), prefixes));
  }
  if (f.type) {
    query = query.where('household.household_type', '=', f.type);
  }
  if (f.headName) {
    query = query.where('household.head_name', 'like', `${escapeLike(f.headName)}%`);
    // Within one county, the (county_code, head_name) index finds the names directly.
    const counties = countiesOf(f.regionPrefixes ?? scope);
    if (counties) {
      query = query.where('household.county_code', 'in', counties);
    }
  }
  if (f.householdIds) {
    query = query.where('household.id', 'in', f.householdIds.length > 0 ? f.householdIds : [-1]);
  }
  if (f.flag === 'open_lead') {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('lead')
          .whereRef('lead.household_id', '=', 'household.id')
          .where('lead.status', '=', 'open'),
      ),
    );
  } else if (f.flag === 'housing') {
    query = query.where('household.housing_grade', 'in', ['C', 'D', 'none']);
  } else if (f.flag === 'water') {
    query = query.where((eb) =>
      eb.or([
        eb('household.water_quantity_ok', '=', false),
        eb('household.water_quality_ok', '=', false),
        eb('household.water_convenience_ok', '=', false),
        eb('household.water_reliability_ok', '=', false),
      ]),
    );
  } else if (f.flag === 'medical_spending') {
    query = query.where('household.medical_out_of_pocket', '>', '20000');
  }
  return query;
}

export function createHouseholdRepository(db: Kysely<DB>) {
  const detailQuery = () =>
    db
      .selectFrom('household')
      .innerJoin('region as v', 'v.code', 'household.region_code')
      .leftJoin('region as t', 't.code', 'household.town_code')
      .leftJoin('region as c', 'c.code', 'household.county_code')
      .selectAll('household')
      .select(['v.name as village_name', 't.name as town_name', 'c.name as county_name']);

  return {
    async search(f: HouseholdSearch) {
      const query = filterHouseholds(
        db.selectFrom('household').where((eb) => accessFilter(eb, f.access)),
        f,
        f.access.scope,
      );
      // The page is cut first, then the 20 rows get their village and town names and lead flag:
      // joining names before the sort would join every match.
      const sortKey = f.headName ? 'head_name' : 'region_code';
      const page = query
        .select([
          'household.id',
          'household.household_no',
          'household.household_type',
          'household.head_name',
          'household.member_count',
          'household.region_code',
          'household.town_code',
          'household.county_code',
          'household.version',
        ])
        .orderBy(`household.${sortKey}`)
        .orderBy('household.id')
        .limit(f.limit)
        .offset(f.offset)
        .as('h');
      const items = await db
        .selectFrom(page)
        .innerJoin('region as v', 'v.code', 'h.region_code')
        .leftJoin('region as t', 't.code', 'h.town_code')
        .selectAll('h')
        .select(['v.name as village_name', 't.name as town_name'])
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('lead')
                .whereRef('lead.household_id', '=', 'h.id')
                .where('lead.status', '=', 'open'),
            )
            .as('has_open_lead'),
        )
        .orderBy(`h.${sortKey}`)
        .orderBy('h.id')
        .execute();
      const counted = await db
        .selectFrom(
          query
            .select('household.id')
            .limit(COUNT_CAP + 1)
            .as('capped'),
        )
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      return { items, total: Math.min(counted.n, COUNT_CAP), isTotalCapped: counted.n > COUNT_CAP };
    },

    findById(id: number) {
      return detailQuery().where('household.id', '=', id).executeTakeFirst();
    },

    /**
     * A household page in one round trip: the household (if the access reaches it) with its members,
     * income entries and open lead as JSON. At city scale the page is opened far more than edited.
     */
    findDetail(id: number, access: HouseholdAccess) {
      return detailQuery()
        .where('household.id', 'in', (eb) =>
          eb
            .selectFrom('household')
            .select('household.id')
            .where('household.id', '=', id)
            .where((w) => accessFilter(w, access)),
        )
        .select((eb) => [
          jsonArrayFrom(
            eb
              .selectFrom('person')
              .selectAll('person')
              .whereRef('person.household_id', '=', 'household.id')
              .orderBy(sql`person.relation = '户主'`, 'desc')
              .orderBy('person.birth_date')
              .orderBy('person.id'),
          ).as('members'),
          jsonArrayFrom(
            eb
              .selectFrom('income_item')
              .select([
                'income_item.id',
                'income_item.household_id',
                'income_item.county_code',
                'income_item.category',
                'income_item.item',
                // As text: a numeric in JSON would arrive as a float.
                sql<string>`income_item.amount::text`.as('amount'),
                'income_item.is_counted',
                'income_item.period_start',
                'income_item.period_end',
                'income_item.note',
                'income_item.source_kind',
                'income_item.source_id',
              ])
              .whereRef('income_item.household_id', '=', 'household.id')
              .orderBy('income_item.period_end', 'desc')
              .orderBy('income_item.category')
              .orderBy('income_item.id'),
          ).as('income_items'),
          jsonObjectFrom(
            eb
              .selectFrom('lead')
              .select(['lead.id', 'lead.source', 'lead.reasons', 'lead.created_at'])
              .whereRef('lead.household_id', '=', 'household.id')
              .where('lead.status', '=', 'open'),
          ).as('open_lead'),
        ])
        .executeTakeFirst();
    },

    /** The household if the access reaches it, in one round trip. */
    /** The households among `ids` the access reaches (id, region and county only), in one query. */
    findAccessibleByIds(ids: readonly number[], access: HouseholdAccess) {
      return db
        .selectFrom('household')
        .select(['household.id', 'household.region_code', 'household.county_code', 'household.head_name'])
        .where('household.id', 'in', [...ids])
        .where((eb) => accessFilter(eb, access))
        .execute();
    },

    findAccessibleById(id: number, access: HouseholdAccess) {
      return detailQuery()
        .where('household.id', 'in', (eb) =>
          eb
            .selectFrom('household')
            .select('household.id')
            .where('household.id', '=', id)
            .where((w) => accessFilter(w, access)),
        )
        .executeTakeFirst();
    },

    listMembers(householdId: number) {
      return db
        .selectFrom('person')
        .selectAll()
        .where('household_id', '=', householdId)
        .orderBy(sql`relation = '户主'`, 'desc')
        .orderBy('birth_date')
        .execute();
    },

    findMember(householdId: number, personId: number) {
      return db
        .selectFrom('person')
        .selectAll()
        .where('household_id', '=', householdId)
        .where('id', '=', personId)
        .executeTakeFirst();
    },

    async findHouseholdIdsByPersonHash(idHash: string): Promise<number[]> {
      const rows = await db
        .selectFrom('person')
        .select('household_id')
        .where('id_hash', '=', idHash)
        .execute();
      return rows.map((r) => r.household_id);
    },

    async insertHousehold(values: HouseholdInsert): Promise<number> {
      const row = await conflictOnDuplicate(
        () => db.insertInto('household').values(values).returning('id').executeTakeFirstOrThrow(),
        `户编号 ${values.household_no} 已存在`,
        { field: 'householdNo' },
      );
      return row.id;
    },

    /** Applies changes only if the household is still at `version`; bumps the version. */
    async updateIfVersion(id: number, version: number, changes: HouseholdUpdate): Promise<boolean> {
      const result = await db
        .updateTable('household')
        .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async insertPerson(values: PersonInsert): Promise<number> {
      // Which household holds the number is not said: it may lie outside the user's region.
      const row = await conflictOnDuplicate(
        () => db.insertInto('person').values(values).returning('id').executeTakeFirstOrThrow(),
        '该身份证号已在系统中登记，一人只能登记一次',
        { field: 'idNumber' },
      );
      return row.id;
    },

    async updatePerson(id: number, changes: PersonUpdate): Promise<void> {
      await conflictOnDuplicate(
        () =>
          db
            .updateTable('person')
            .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
            .where('id', '=', id)
            .execute(),
        '该身份证号已在系统中登记，一人只能登记一次',
        { field: 'idNumber' },
      );
    },

    async insertPersonsBulk(rows: readonly PersonInsert[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        await conflictOnDuplicate(
          () =>
            db
              .insertInto('person')
              .values(rows.slice(i, i + 500))
              .execute(),
          '导入期间有身份证号被他人登记，请重新导入',
          { field: 'idNumber' },
        );
      }
    },

    async deletePerson(id: number): Promise<void> {
      await db.deleteFrom('person').where('id', '=', id).execute();
    },

    async movePersons(personIds: readonly number[], householdId: number, countyCode: string): Promise<void> {
      await db
        .updateTable('person')
        .set({
          household_id: householdId,
          county_code: countyCode,
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', 'in', personIds)
        .execute();
    },

    /** Recomputes the denormalised head name and member count from the members. */
    async refreshSummary(householdId: number): Promise<void> {
      await sql`
        update household h set
          member_count = (select count(*) from person p where p.household_id = h.id),
          head_person_id = (select p.id from person p where p.household_id = h.id and p.relation = '户主' limit 1),
          head_name = coalesce((select p.name from person p where p.household_id = h.id and p.relation = '户主' limit 1), '')
        where h.id = ${householdId}`.execute(db);
    },

    async insertIncome(values: {
      household_id: number;
      county_code: string;
      category: IncomeCategory;
      item: string;
      amount: string;
      is_counted: boolean;
      period_start: string;
      period_end: string;
      note: string | null;
    }): Promise<number> {
      const row = await db.insertInto('income_item').values(values).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    findIncome(householdId: number, itemId: number) {
      return db
        .selectFrom('income_item')
        .selectAll()
        .where('household_id', '=', householdId)
        .where('id', '=', itemId)
        .executeTakeFirst();
    },

    async deleteIncome(itemId: number): Promise<void> {
      await db.deleteFrom('income_item').where('id', '=', itemId).execute();
    },

    history(householdId: number, limit: number) {
      return db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_type', '=', 'household')
        .where('entity_id', '=', String(householdId))
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },
  };
}

export type HouseholdRepository = ReturnType<typeof createHouseholdRepository>;
export type HouseholdRow = NonNullable<Awaited<ReturnType<HouseholdRepository['findById']>>>;
/** A member as read, without timestamps (they arrive as strings when read as JSON). */
export type PersonRow = Omit<
  Awaited<ReturnType<HouseholdRepository['listMembers']>>[number],
  'created_at' | 'updated_at'
>;
export type IncomeRow = Omit<Selectable<IncomeItemTable>, 'created_at'>;
