import type { Insertable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { DB, DeclarationTable } from '../db/schema.js';
import { inScope } from './scope-filter.js';

/** Self-declarations (一码通) from the public page, and the village queue of those not yet matched. */
export function createDeclarationRepository(db: Kysely<DB>) {
  return {
    async insert(values: Insertable<DeclarationTable>): Promise<number> {
      const row = await db.insertInto('declaration').values(values).returning('id').executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /** The same ID declared since `since` (from any village's page): a repeat is merged into it. */
    findRecent(idHash: string, since: Date) {
      return db
        .selectFrom('declaration')
        .select(['id', 'reference', 'status', 'lead_id', 'region_code'])
        .where('id_hash', '=', idHash)
        .where('created_at', '>=', since)
        .orderBy('id')
        .executeTakeFirst();
    },

    async mergeRepeat(id: number, description: string) {
      await db
        .updateTable('declaration')
        .set({
          description: sql<string>`description || ${`\n—— 再次申报：${description}`}`,
          repeat_count: sql<number>`repeat_count + 1`,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
    },

    /** The person with this ID hash, when their household lives in the village. */
    findPersonInVillage(idHash: string, villageCode: string) {
      return db
        .selectFrom('person as p')
        .innerJoin('household as h', 'h.id', 'p.household_id')
        .select(['p.id', 'p.household_id'])
        .where('p.id_hash', '=', idHash)
        .where('h.region_code', '=', villageCode)
        .executeTakeFirst();
    },

    findByReference(reference: string) {
      return db
        .selectFrom('declaration')
        .select(['id', 'reference', 'phone_hash', 'status', 'closed_reason', 'created_at', 'updated_at'])
        .where('reference', '=', reference)
        .executeTakeFirst();
    },

    findById(id: number) {
      return db.selectFrom('declaration').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async list(filter: {
      scope: readonly string[];
      status?: string | undefined;
      limit: number;
      offset: number;
    }) {
      let query = db
        .selectFrom('declaration as d')
        .innerJoin('region as v', 'v.code', 'd.region_code')
        .where((eb) => inScope(eb, eb.ref('d.region_code'), filter.scope));
      if (filter.status) {
        query = query.where('d.status', '=', filter.status);
      }
      const [rows, total] = await Promise.all([
        query
          .select([
            'd.id',
            'd.reference',
            'd.region_code',
            'v.name as village_name',
            'd.name',
            'd.id_masked',
            'd.phone_masked',
            'd.description',
            'd.repeat_count',
            'd.status',
            'd.household_id',
            'd.lead_id',
            'd.closed_reason',
            'd.version',
            'd.created_at',
            sql<boolean>`d.photo is not null`.as('has_photo'),
          ])
          .orderBy(sql`d.status = 'pending'`, 'desc')
          .orderBy('d.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    /** Settles a pending declaration at its version; false when it changed meanwhile. */
    async settle(input: {
      id: number;
      version: number;
      status: 'linked' | 'closed';
      householdId: number | null;
      leadId: number | null;
      reason: string | null;
      userId: number | null;
    }): Promise<boolean> {
      const result = await db
        .updateTable('declaration')
        .set({
          status: input.status,
          household_id: input.householdId,
          lead_id: input.leadId,
          closed_reason: input.reason,
          handled_by: input.userId,
          handled_at: new Date(),
          updated_at: new Date(),
          version: sql<number>`version + 1`,
        })
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type DeclarationRepository = ReturnType<typeof createDeclarationRepository>;
