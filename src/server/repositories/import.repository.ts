import { type Kysely, sql } from 'kysely';
import type { HouseholdType } from '../../shared/household-codes.js';
import type { ImportStatus } from '../../shared/imports.js';
import type { DB } from '../db/schema.js';
import { filterHouseholds, type HouseholdFilter } from './household.repository.js';
import { inScope } from './scope-filter.js';

export interface NewHouseholdRow {
  county_code: string;
  town_code: string;
  region_code: string;
  household_no: string | null;
  household_type: HouseholdType;
  address: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  housing_grade: string | null;
  water_quantity_ok: boolean | null;
  water_quality_ok: boolean | null;
  water_convenience_ok: boolean | null;
  water_reliability_ok: boolean | null;
}

/** Bulk writes and look-ups for imports and exports. */
export function createImportRepository(db: Kysely<DB>) {
  return {
    async existingIdHashes(hashes: readonly string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < hashes.length; i += 2000) {
        const rows = await db
          .selectFrom('person')
          .select('id_hash')
          .where('id_hash', 'in', hashes.slice(i, i + 2000))
          .execute();
        for (const r of rows) {
          found.add(r.id_hash);
        }
      }
      return found;
    },

    async existingHouseholdNos(numbers: readonly string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < numbers.length; i += 2000) {
        const rows = await db
          .selectFrom('household')
          .select('household_no')
          .where('household_no', 'in', numbers.slice(i, i + 2000))
          .execute();
        for (const r of rows) {
          if (r.household_no) {
            found.add(r.household_no);
          }
        }
      }
      return found;
    },

    /** Villages in scope by (county, town, village) names, for files without region codes. */
    villagesByNames(scope: readonly string[]) {
      return db
        .selectFrom('region as v')
        .innerJoin('region as t', 't.code', 'v.parent_code')
        .innerJoin('region as c', 'c.code', 't.parent_code')
        .select(['v.code', 'v.name as village', 't.name as town', 'c.name as county', 't.code as town_code'])
        .where('v.level', '=', 'village')
        .where((eb) => inScope(eb, eb.ref('v.code'), scope))
        .execute();
    },

    /** Inserts households in order and returns their ids in the same order. */
    async insertHouseholds(rows: readonly NewHouseholdRow[]): Promise<number[]> {
      const ids: number[] = [];
      for (let i = 0; i < rows.length; i += 500) {
        const inserted = await db
          .insertInto('household')
          .values(rows.slice(i, i + 500))
          .returning('id')
          .execute();
        ids.push(...inserted.map((r) => r.id));
      }
      return ids;
    },

    async refreshSummaries(householdIds: readonly number[]): Promise<void> {
      for (let i = 0; i < householdIds.length; i += 2000) {
        const chunk = householdIds.slice(i, i + 2000);
        await sql`
          update household h set
            member_count = s.n, head_person_id = s.head_id, head_name = coalesce(s.head_name, '')
          from (
            select p.household_id, count(*)::int as n,
                   max(p.id) filter (where p.relation = '户主') as head_id,
                   max(p.name) filter (where p.relation = '户主') as head_name
            from person p where p.household_id = any(${sql.val(chunk)}::bigint[]) group by p.household_id
          ) s
          where h.id = s.household_id`.execute(db);
      }
    },

    async insertAuditBatch(
      entries: ReadonlyArray<{
        actorId: number | null;
        actorName: string;
        ip: string | null;
        requestId: string | null;
        entityId: string;
        regionCode: string;
        newValues: unknown;
      }>,
    ): Promise<void> {
      for (let i = 0; i < entries.length; i += 500) {
        await db
          .insertInto('audit_log')
          .values(
            entries.slice(i, i + 500).map((e) => ({
              actor_id: e.actorId,
              actor_name: e.actorName,
              ip: e.ip,
              request_id: e.requestId,
              action: 'household.import',
              entity_type: 'household',
              entity_id: e.entityId,
              region_code: e.regionCode,
              new_values: JSON.stringify(e.newValues),
            })),
          )
          .execute();
      }
    },

    async insertJob(job: {
      kind: string;
      filename: string;
      actorId: number | null;
      actorName: string;
      regionCode: string | null;
      status: ImportStatus;
      totalRows: number;
      households: number;
      persons: number;
      problems: unknown;
      notes: unknown;
    }): Promise<number> {
      const row = await db
        .insertInto('import_job')
        .values({
          kind: job.kind,
          filename: job.filename,
          actor_id: job.actorId,
          actor_name: job.actorName,
          region_code: job.regionCode,
          status: job.status,
          total_rows: job.totalRows,
          households: job.households,
          persons: job.persons,
          problems: JSON.stringify(job.problems),
          notes: JSON.stringify(job.notes),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    findJob(id: number) {
      return db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** A page of the imports of one kind the actor may see (its own, or of a region in its scope), newest first. */
    async listJobs(filter: {
      kind: string;
      actorId: number | null;
      scope: readonly string[];
      status?: ImportStatus | undefined;
      offset: number;
      limit: number;
    }) {
      const base = db
        .selectFrom('import_job')
        .where('kind', '=', filter.kind)
        .where((eb) =>
          eb.or([
            ...(filter.actorId === null ? [] : [eb('actor_id', '=', filter.actorId)]),
            inScope(eb, eb.ref('region_code'), filter.scope),
          ]),
        )
        .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status as ImportStatus));
      const [rows, count] = await Promise.all([
        base
          .select([
            'id',
            'filename',
            'actor_name',
            'region_code',
            'status',
            'total_rows',
            'households',
            'persons',
            'created_at',
          ])
          .select(sql<number>`jsonb_array_length(problems)::int`.as('problem_count'))
          .select(sql<number>`jsonb_array_length(notes)::int`.as('note_count'))
          .orderBy('id', 'desc')
          .offset(filter.offset)
          .limit(filter.limit)
          .execute(),
        base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    /** Export rows: one per person, households in id order after `afterId`, a page of households at a time. */
    exportPage(filter: HouseholdFilter & { scope: readonly string[] }, afterId: number, limit: number) {
      const households = filterHouseholds(
        db
          .selectFrom('household')
          .where('id', '>', afterId)
          .where((eb) => inScope(eb, eb.ref('household.region_code'), filter.scope)),
        filter,
        filter.scope,
      ).select('household.id');
      const page = households.orderBy('id').limit(limit);
      return db
        .selectFrom('person as p')
        .innerJoin('household as h', 'h.id', 'p.household_id')
        .innerJoin('region as v', 'v.code', 'h.region_code')
        .leftJoin('region as t', 't.code', 'h.town_code')
        .leftJoin('region as c', 'c.code', 'h.county_code')
        .where('h.id', 'in', page)
        .selectAll('p')
        .select([
          'h.id as h_id',
          'h.household_no',
          'h.household_type',
          'h.region_code',
          'h.address',
          'h.phone_enc as h_phone_enc',
          'h.phone_masked as h_phone_masked',
          'h.housing_grade',
          'h.water_quantity_ok',
          'h.water_quality_ok',
          'h.water_convenience_ok',
          'h.water_reliability_ok',
          'v.name as village_name',
          't.name as town_name',
          'c.name as county_name',
        ])
        .orderBy('h.id')
        .orderBy(sql`p.relation = '户主'`, 'desc')
        .orderBy('p.id')
        .execute();
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
