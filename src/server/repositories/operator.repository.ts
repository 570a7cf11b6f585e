import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { OperatorStatus, OperatorType } from '../../shared/operators.js';
import type { DB, OperatorTable } from '../db/schema.js';
import { escapeLike, inScope } from './scope-filter.js';
import { conflictOnDuplicate } from './unique-violation.js';

export interface OperatorSearch {
  scope: readonly string[];
  regionPrefixes?: readonly string[] | undefined;
  operatorType?: OperatorType | undefined;
  status?: OperatorStatus | undefined;
  q?: string | undefined;
  /** The current year's first and last day and this month's first (Shanghai), for the workers counted. */
  yearStart: string;
  yearEnd: string;
  monthStart: string;
  limit: number;
  offset: number;
}

export type OperatorRow = Selectable<OperatorTable> & {
  region_name: string;
  workers_this_year: number;
  workers_now: number;
  workshop_type: string | null;
  site: string | null;
  certified_level: string | null;
  certified_on: string | null;
  certified_by: string | null;
  capacity: number | null;
  insured: boolean | null;
  workshop_version: number | null;
};

export interface WorkshopWrite {
  workshop_type: string;
  site: string | null;
  certified_level: string | null;
  certified_on: string | null;
  certified_by: string | null;
  capacity: number | null;
  insured: boolean;
}

/** The dates the worker counts are taken on. */
export interface CountDates {
  yearStart: string;
  yearEnd: string;
  monthStart: string;
}

export type OperatorWrite = Omit<Updateable<OperatorTable>, 'id' | 'created_at' | 'created_by' | 'version'>;

const DUPLICATE_USCC = '本县已登记这个统一社会信用代码的经营主体';

/** The operator registry (经营主体): one row per operator, read by employment, linkage and consumer assistance. */
export function createOperatorRepository(db: Kysely<DB>) {
  // People employed by the operator, from the work records (entered once there): at some time this year, and now.
  const withCounts = (d: CountDates) =>
    db
      .selectFrom('operator as o')
      .innerJoin('region as r', 'r.code', 'o.region_code')
      .leftJoin('workshop as ws', 'ws.operator_id', 'o.id')
      .selectAll('o')
      .select((eb) => [
        'r.name as region_name',
        'ws.workshop_type',
        'ws.site',
        'ws.certified_level',
        'ws.certified_on',
        'ws.certified_by',
        'ws.capacity',
        'ws.insured',
        'ws.version as workshop_version',
        eb
          .selectFrom('work_record as wr')
          .whereRef('wr.operator_id', '=', 'o.id')
          .where('wr.start_month', '<=', d.yearEnd)
          .where((w) => w.or([w('wr.end_month', 'is', null), w('wr.end_month', '>=', d.yearStart)]))
          .select(sql<number>`count(distinct wr.person_id)::int`.as('n'))
          .as('workers_this_year'),
        eb
          .selectFrom('work_record as wr')
          .whereRef('wr.operator_id', '=', 'o.id')
          .where('wr.start_month', '<=', d.monthStart)
          .where((w) => w.or([w('wr.end_month', 'is', null), w('wr.end_month', '>=', d.monthStart)]))
          .select(sql<number>`count(distinct wr.person_id)::int`.as('n'))
          .as('workers_now'),
      ]);

  return {
    async search(f: OperatorSearch): Promise<{ items: OperatorRow[]; total: number }> {
      let matches = db
        .selectFrom('operator')
        .where((eb) => inScope(eb, eb.ref('operator.region_code'), f.scope));
      if (f.regionPrefixes) {
        const prefixes = f.regionPrefixes;
        matches = matches.where((eb) => inScope(eb, eb.ref('operator.region_code'), prefixes));
      }
      if (f.operatorType) {
        matches = matches.where('operator.operator_type', '=', f.operatorType);
      }
      if (f.status) {
        matches = matches.where('operator.status', '=', f.status);
      }
      if (f.q) {
        const q = f.q;
        matches = matches.where((eb) =>
          eb.or([
            eb('operator.name', 'like', `%${escapeLike(q)}%`),
            eb('operator.uscc', '=', q.toUpperCase()),
          ]),
        );
      }
      const [count, page] = await Promise.all([
        matches.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        matches
          .select('operator.id')
          .orderBy('operator.region_code')
          .orderBy('operator.id')
          .limit(f.limit)
          .offset(f.offset)
          .execute(),
      ]);
      const ids = page.map((p) => p.id);
      const rows =
        ids.length === 0
          ? []
          : await withCounts(f).where('o.id', 'in', ids).orderBy('o.region_code').orderBy('o.id').execute();
      return { items: rows as OperatorRow[], total: Number(count.n) };
    },

    async find(id: number, dates: CountDates): Promise<OperatorRow | undefined> {
      return (await withCounts(dates).where('o.id', '=', id).executeTakeFirst()) as OperatorRow | undefined;
    },

    async insert(
      values: OperatorWrite & {
        county_code: string;
        region_code: string;
        name: string;
        operator_type: OperatorType;
        created_by: number | null;
      },
    ) {
      const row = await conflictOnDuplicate(
        () => db.insertInto('operator').values(values).returning('id').executeTakeFirstOrThrow(),
        DUPLICATE_USCC,
        { field: 'uscc' },
      );
      return row.id;
    },

    /** Saves when the version is the one the user saw; false when someone saved first. */
    async update(id: number, version: number, values: OperatorWrite): Promise<boolean> {
      const result = await conflictOnDuplicate(
        () =>
          db
            .updateTable('operator')
            .set({ ...values, version: version + 1, updated_at: sql`now()` })
            .where('id', '=', id)
            .where('version', '=', version)
            .executeTakeFirst(),
        DUPLICATE_USCC,
        { field: 'uscc' },
      );
      return Number(result.numUpdatedRows) === 1;
    },

    /** Writes a workshop's profile: a new one, or an update at the version the user saw (false when stale). */
    async saveWorkshop(
      operatorId: number,
      countyCode: string,
      version: number | null,
      values: WorkshopWrite,
    ): Promise<boolean> {
      if (version === null) {
        const inserted = await db
          .insertInto('workshop')
          .values({ operator_id: operatorId, county_code: countyCode, ...values })
          .onConflict((oc) => oc.column('operator_id').doNothing())
          .returning('operator_id')
          .executeTakeFirst();
        return inserted !== undefined;
      }
      const updated = await db
        .updateTable('workshop')
        .set({ ...values, county_code: countyCode, version: version + 1, updated_at: sql`now()` })
        .where('operator_id', '=', operatorId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    },
  };
}

export type OperatorRepository = ReturnType<typeof createOperatorRepository>;
