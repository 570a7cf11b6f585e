import type { Insertable, Kysely } from 'kysely';
import type { AttachmentTable, DB } from '../db/schema.js';

/** Attachments (photos and signed forms) of households, carried by visits and case steps. */
export function createAttachmentRepository(db: Kysely<DB>) {
  return {
    async insert(values: Insertable<AttachmentTable>): Promise<boolean> {
      const row = await db
        .insertInto('attachment')
        .values(values)
        .onConflict((oc) => oc.columns(['household_id', 'id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** An attachment of one household (ids are unique per household only). */
    findMeta(householdId: number, id: string) {
      return db
        .selectFrom('attachment')
        .select([
          'id',
          'household_id',
          'county_code',
          'filename',
          'mime_type',
          'size_bytes',
          'sha256',
          'uploaded_at',
        ])
        .where('household_id', '=', householdId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Every household's attachment under an id; the service keeps the one in the actor's scope. */
    findAllWithId(id: string) {
      return db.selectFrom('attachment').selectAll().where('id', '=', id).limit(20).execute();
    },

    /** Which of `ids` are attachments of `householdId` (evidence must belong to the same household). */
    async idsOf(householdId: number, ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) {
        return [];
      }
      const rows = await db
        .selectFrom('attachment')
        .select('id')
        .where('household_id', '=', householdId)
        .where('id', 'in', [...ids])
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

export type AttachmentRepository = ReturnType<typeof createAttachmentRepository>;
