import { type Kysely, sql } from 'kysely';
import { clock } from '../../shared/clock.js';
import type { DB } from '../db/schema.js';
import { inScope } from './scope-filter.js';

export type LeadSource =
  | 'screening'
  | 'cadre'
  | 'department'
  | 'self_declaration'
  | 'petition'
  | 'public_opinion'
  | 'visit'
  | 'monthly_cycle'
  | 'work_monitoring';

export interface RaiseLead {
  householdId: number;
  source: LeadSource;
  reasons: readonly string[];
  facts?: Record<string, unknown> | null;
  /** What the signal came from (an alert id, a declaration reference, a visit id). */
  ref?: string | null;
  note?: string | null;
  createdBy?: number | null;
  /** When the risk was found, if earlier than today (demo data, back-filled reports). */
  foundOn?: string | null;
}

export interface LeadFilter {
  scope: readonly string[];
  regionPrefix?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  overdueOn?: string | undefined;
  limit: number;
  offset: number;
}

export function createLeadRepository(db: Kysely<DB>) {
  return {
    /**
     * Every channel lands here: one open lead per household. A new signal for a household that already
     * has an open lead joins it (its reasons are merged) rather than opening a second queue entry.
     * Returns the lead and whether it was new.
     */
    async raise(input: RaiseLead): Promise<{ leadId: number; created: boolean }> {
      const household = await db
        .selectFrom('household')
        .select(['id', 'county_code', 'region_code'])
        .where('id', '=', input.householdId)
        .executeTakeFirstOrThrow();
      const reasons = JSON.stringify([...new Set(input.reasons)]);
      const lead = await sql<{ id: number; created: boolean }>`
        insert into lead (household_id, county_code, region_code, source, reasons, facts, note, found_on)
        values (${household.id}, ${household.county_code}, ${household.region_code}, ${input.source},
                ${reasons}::jsonb, ${input.facts ? JSON.stringify(input.facts) : null}::jsonb, ${input.note ?? null},
                ${input.foundOn ?? clock().today()}::date)
        on conflict (household_id, county_code) where status = 'open'
        do update set
          reasons = (select coalesce(jsonb_agg(distinct r), '[]'::jsonb)
                     from jsonb_array_elements_text(lead.reasons || excluded.reasons) r),
          updated_at = now(), version = lead.version + 1
        returning id, (xmax = 0) as created
      `.execute(db);
      const row = lead.rows[0];
      if (!row) {
        throw new Error('lead upsert returned nothing');
      }
      await db
        .insertInto('lead_signal')
        .values({
          lead_id: row.id,
          county_code: household.county_code,
          source: input.source,
          reasons,
          facts: input.facts ? JSON.stringify(input.facts) : null,
          ref: input.ref ?? null,
          created_by: input.createdBy ?? null,
        })
        .execute();
      return { leadId: Number(row.id), created: row.created };
    },

    findById(id: number) {
      return db.selectFrom('lead').selectAll().where('id', '=', id).executeTakeFirst();
    },

    openFor(householdId: number) {
      return db
        .selectFrom('lead')
        .selectAll()
        .where('household_id', '=', householdId)
        .where('status', '=', 'open')
        .executeTakeFirst();
    },

    signals(leadId: number) {
      return db
        .selectFrom('lead_signal as s')
        .leftJoin('app_user as u', 'u.id', 's.created_by')
        .select([
          's.id',
          's.source',
          's.reasons',
          's.facts',
          's.ref',
          's.created_at',
          'u.display_name as created_by_name',
        ])
        .where('s.lead_id', '=', leadId)
        .orderBy('s.id')
        .execute();
    },

    /** The queue: leads in scope with their household, oldest first (the oldest is the closest to its deadline). */
    async list(filter: LeadFilter) {
      let query = db
        .selectFrom('lead as l')
        .innerJoin('household as h', 'h.id', 'l.household_id')
        .innerJoin('region as r', 'r.code', 'l.region_code')
        .where((eb) => inScope(eb, eb.ref('l.region_code'), filter.scope));
      if (filter.regionPrefix) {
        query = query.where((eb) => inScope(eb, eb.ref('l.region_code'), [filter.regionPrefix as string]));
      }
      if (filter.status) {
        query = query.where('l.status', '=', filter.status);
      }
      if (filter.source) {
        query = query.where('l.source', '=', filter.source);
      }
      if (filter.overdueOn) {
        query = query
          .where('l.status', '=', 'open')
          .where(sql<boolean>`l.found_on + 15 < ${filter.overdueOn}::date`);
      }
      const [rows, total] = await Promise.all([
        query
          .select([
            'l.id',
            'l.household_id',
            'l.region_code',
            'r.name as region_name',
            'l.source',
            'l.reasons',
            'l.status',
            'l.closed_reason',
            'l.found_on',
            'l.note',
            'l.version',
            'l.created_at',
            'h.head_name',
            'h.household_type',
            'h.household_no',
          ])
          .select((eb) =>
            eb
              .selectFrom('lead_signal as s')
              .select(sql<number>`count(*)::int`.as('n'))
              .whereRef('s.lead_id', '=', 'l.id')
              .as('signal_count'),
          )
          .orderBy('l.found_on')
          .orderBy('l.id')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    /** Closes an open lead; false when it was no longer open at this version (someone else acted). */
    async close(input: {
      id: number;
      version: number;
      status: 'closed' | 'case_opened';
      reason: string | null;
      userId: number | null;
    }) {
      const result = await db
        .updateTable('lead')
        .set({
          status: input.status,
          closed_reason: input.reason,
          closed_by: input.userId,
          closed_at: new Date(),
          updated_at: new Date(),
          version: sql<number>`version + 1`,
        })
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type LeadRepository = ReturnType<typeof createLeadRepository>;
