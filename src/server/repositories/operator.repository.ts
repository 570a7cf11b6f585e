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
  /** The current year's first and last day (Shanghai), for the workers counted this year. */
  yearStart: string;
  yearEnd: string;
  limit: number;
  offset: number;
}

export type OperatorRow = Selectable<OperatorTable> & {
  region_name: string;
  is_workshop: boolean;
  workers_this_year: number;
};

export type OperatorWrite = Omit<Updateable<OperatorTable>, 'id' | 'created_at' | 'created_by' | 'version'>;

const DUPLICATE_USCC = '本县已登记这个统一社会信用代码的经营主体';

/** The operator registry (经营主体): one row per operator, read by employment, linkage and consumer assistance. */
export function createOperatorRepository(db: Kysely<DB>) {
  const withCounts = (yearStart: string, yearEnd: string) =>
    db
      .selectFrom('operator as o')
      .innerJoin('region as r', 'r.code', 'o.region_code')
      .selectAll('o')
      .select((eb) => [
        'r.name as region_name',
        eb.exists(eb.selectFrom('workshop as w').whereRef('w.operator_id', '=', 'o.id')).as('is_workshop'),
        // People employed by the operator at some time this year, from the work records (entered once there).
        eb
          .selectFrom('work_record as wr')
          .whereRef('wr.operator_id', '=', 'o.id')
          .where('wr.start_month', '<=', yearEnd)
          .where((w) => w.or([w('wr.end_month', 'is', null), w('wr.end_month', '>=', yearStart)]))
          .select(sql<number>`count(distinct wr.person_id)::int`.as('n'))
          .as('workers_this_year'),
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
          : await withCounts(f.yearStart, f.yearEnd)
              .where('o.id', 'in', ids)
              .orderBy('o.region_code')
              .orderBy('o.id')
              .execute();
      return { items: rows as OperatorRow[], total: Number(count.n) };
    },

    async find(id: number, yearStart: string, yearEnd: string): Promise<OperatorRow | undefined> {
      return (await withCounts(yearStart, yearEnd).where('o.id', '=', id).executeTakeFirst()) as
        | OperatorRow
        | undefined;
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
  };
}

export type OperatorRepository = ReturnType<typeof createOperatorRepository>;
