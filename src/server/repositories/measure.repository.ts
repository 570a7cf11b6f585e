import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { AssistanceMeasureTable, DB } from '../db/schema.js';

export type MeasureRow = Selectable<AssistanceMeasureTable>;

/** Assistance measures (帮扶措施) of monitoring cases. */
export function createMeasureRepository(db: Kysely<DB>) {
  return {
    ofCase(caseId: number) {
      return db
        .selectFrom('assistance_measure')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('starts_on')
        .orderBy('id')
        .execute();
    },

    /** Measure categories running on `today` for a household (any of its cases). */
    async activeMeasureCategories(householdId: number, today: string): Promise<string[]> {
      const rows = await db
        .selectFrom('assistance_measure')
        .select('category')
        .distinct()
        .where('household_id', '=', householdId)
        .where('starts_on', '<=', today)
        .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
        .execute();
      return rows.map((r) => r.category);
    },

    findById(id: number) {
      return db.selectFrom('assistance_measure').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insert(values: Insertable<AssistanceMeasureTable>): Promise<number> {
      const row = await db
        .insertInto('assistance_measure')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async updateIfVersion(
      id: number,
      version: number,
      changes: Updateable<AssistanceMeasureTable>,
    ): Promise<boolean> {
      const result = await db
        .updateTable('assistance_measure')
        .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Removes the measure a fact of another module gave a case, when that fact goes (a link, a record). */
    async deleteBySource(sourceKind: string, sourceId: number): Promise<void> {
      await db
        .deleteFrom('assistance_measure')
        .where('source_kind', '=', sourceKind)
        .where('source_id', '=', sourceId)
        .execute();
    },

    async deleteIfVersion(id: number, version: number): Promise<boolean> {
      const result = await db
        .deleteFrom('assistance_measure')
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}

export type MeasureRepository = ReturnType<typeof createMeasureRepository>;
