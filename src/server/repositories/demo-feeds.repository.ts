import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { at } from './demo-work.repository.js';

/** An adult of the demo registry a department's list can name (one per household). */
export interface DemoFeedPerson {
  person_id: number;
  name: string;
  id_enc: string;
  household_id: number;
  household_type: string;
  county_code: string;
  region_code: string;
}

/** A day each of a set of rows happened on, and (for some) the day they were handled. */
export interface DemoDated {
  id: number;
  on: string;
}

/**
 * The demo's department feeds, alerts and self-declarations after the services wrote them: the persons the
 * lists name, and the dates of a year of use written back (set-based) over the rows the services dated today.
 */
export function createDemoFeedsRepository(db: Kysely<DB>) {
  const dated = (rows: readonly DemoDated[]) =>
    sql`unnest(${sql.val(rows.map((r) => r.id))}::bigint[], ${sql.val(rows.map((r) => r.on))}::date[])`;

  return {
    /** True when the demo has department feeds already (the step ran on this database). */
    async hasFeeds(): Promise<boolean> {
      const row = await db.selectFrom('dept_feed').select('id').limit(1).executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Up to `perType` adults (18–59) of each county and household type, one per household, from households
     * with no open lead and, unless monitored, no live case (a lead raised for them is then new). The
     * `preferVillage`'s households come first; the rest in an order spread over the villages.
     */
    async candidates(input: {
      counties: readonly string[];
      today: string;
      perType: number;
      preferVillage: string;
    }): Promise<DemoFeedPerson[]> {
      const result = await sql<DemoFeedPerson>`
        with adults as (
          select distinct on (h.id) p.id::int as person_id, p.name, p.id_enc, h.id::int as household_id,
                 h.household_type, h.county_code, h.region_code,
                 exists (select 1 from monitoring_case c where c.household_id = h.id
                         and c.stage not in ('eliminated', 'rejected')) as has_case
          from household h
          join person p on p.household_id = h.id
          where h.county_code = any(${sql.val([...input.counties])}::text[])
            and p.birth_date between (${input.today}::date - interval '59 years')::date
                                 and (${input.today}::date - interval '18 years')::date
            and not exists (select 1 from lead l where l.household_id = h.id and l.status = 'open')
          order by h.id, p.id
        ), ranked as (
          select a.*, row_number() over (
                   partition by a.county_code, a.household_type
                   order by a.region_code = ${input.preferVillage} desc, (a.household_id * 7919) % 997, a.household_id) as k
          from adults a
          where a.household_type = 'monitored' or not a.has_case
        )
        select person_id, name, id_enc, household_id, household_type, county_code, region_code
        from ranked where k <= ${input.perType}
        order by county_code, household_type, k`.execute(db);
      return result.rows;
    },

    /** The alerts the given feeds raised, in the order raised, with the household type they were raised for. */
    async feedAlerts(feedIds: readonly number[]) {
      if (feedIds.length === 0) {
        return [];
      }
      return db
        .selectFrom('alert as a')
        .innerJoin('household as h', 'h.id', 'a.household_id')
        .select([
          'a.id',
          'a.feed_id',
          'a.feed_type',
          'a.region_code',
          'a.county_code',
          'a.version',
          'h.household_type',
        ])
        .where('a.feed_id', 'in', [...feedIds])
        .orderBy('a.id')
        .execute();
    },

    /**
     * Dates a year of feeds: each feed and the alerts it raised on the day it was received (each alert's
     * deadline kept as many days after it), each closed alert on its closing day with the lead it became
     * found that day (its signal too), and the leads later closed on theirs.
     */
    async redateFeeds(input: {
      today: string;
      feeds: readonly DemoDated[];
      alertClosings: readonly DemoDated[];
      leadClosings: readonly DemoDated[];
    }): Promise<{ feeds: number; alerts: number; leads: number; signals: number }> {
      const result = await sql<{ feeds: number; alerts: number; leads: number; signals: number }>`
          with f as (
            select * from ${dated(input.feeds)} as f(id, received_on)
          ), c as (
            select * from ${dated(input.alertClosings)} as c(id, closed_on)
          ), lc as (
            select * from ${dated(input.leadClosings)} as lc(id, closed_on)
          ), feeds as (
            update dept_feed d set created_at = ${at('f.received_on')} from f where d.id = f.id returning d.id
          ), alerts as (
            update alert a
            set created_at = ${at('x.received_on')},
                due_on = x.received_on + (a.due_on - ${input.today}::date),
                closed_at = case when x.closed_on is null then a.closed_at else ${at('x.closed_on')} end
            from (select a2.id, f.received_on, c.closed_on
                  from alert a2 join f on f.id = a2.feed_id left join c on c.id = a2.id) x
            where a.id = x.id
            returning a.id, a.lead_id, x.closed_on
          ), became as (
            select distinct on (lead_id) lead_id, id as alert_id, closed_on
            from alerts where lead_id is not null and closed_on is not null order by lead_id, id
          ), leads as (
            update lead l
            set found_on = b.closed_on, created_at = ${at('b.closed_on')},
                updated_at = ${at('coalesce(lc.closed_on, b.closed_on)')},
                closed_at = case when lc.closed_on is null then l.closed_at else ${at('lc.closed_on')} end
            from became b left join lc on lc.id = b.lead_id
            where l.id = b.lead_id and l.source = 'department'
            returning l.id
          ), signals as (
            update lead_signal s set created_at = ${at('b.closed_on')}
            from became b
            where s.lead_id = b.lead_id and s.source = 'department' and s.ref = b.alert_id::text
            returning s.id
          )
          select (select count(*)::int from feeds) as feeds, (select count(*)::int from alerts) as alerts,
                 (select count(*)::int from leads) as leads, (select count(*)::int from signals) as signals`.execute(
        db,
      );
      return result.rows[0] ?? { feeds: 0, alerts: 0, leads: 0, signals: 0 };
    },

    /**
     * Dates self-declarations: each on the day it was declared (its reference, SB + the day, renamed to
     * match), the handled ones on the day they were handled, and the lead each became found that day.
     */
    async redateDeclarations(
      declarations: ReadonlyArray<{ id: number; declaredOn: string; handledOn: string | null }>,
    ): Promise<number> {
      if (declarations.length === 0) {
        return 0;
      }
      const result = await sql<{ n: number }>`
        with d as (
          select * from unnest(${sql.val(declarations.map((d) => d.id))}::bigint[],
                               ${sql.val(declarations.map((d) => d.declaredOn))}::date[],
                               ${sql.val(declarations.map((d) => d.handledOn))}::date[]) as d(id, declared_on, handled_on)
        ), old as (
          select x.id, x.reference, x.lead_id, d.declared_on, coalesce(d.handled_on, d.declared_on) as done_on,
                 'SB' || to_char(d.declared_on, 'YYMMDD') || substr(x.reference, 9) as new_reference
          from declaration x join d on d.id = x.id
        ), declarations as (
          update declaration x
          set reference = o.new_reference, created_at = ${at('o.declared_on')}, updated_at = ${at('o.done_on')},
              handled_at = case when x.handled_at is null then null else ${at('o.done_on')} end
          from old o where x.id = o.id
          returning x.id
        ), signals as (
          update lead_signal s
          set ref = o.new_reference, created_at = ${at('o.done_on')},
              facts = case when s.facts ? 'reference' then jsonb_set(s.facts, '{reference}', to_jsonb(o.new_reference))
                           else s.facts end
          from old o where s.ref = o.reference and s.source = 'self_declaration'
          returning s.id
        ), leads as (
          update lead l
          set found_on = o.done_on, created_at = ${at('o.done_on')}, updated_at = ${at('o.done_on')},
              facts = case when l.facts ? 'reference' then jsonb_set(l.facts, '{reference}', to_jsonb(o.new_reference))
                           else l.facts end
          from old o where l.id = o.lead_id and l.source = 'self_declaration'
          returning l.id
        )
        -- The signals and leads are updated whether or not the answer reads them (a WITH's writes always run).
        select count(*)::int as n from declarations`.execute(db);
      return result.rows[0]?.n ?? 0;
    },
  };
}

export type DemoFeedsRepository = ReturnType<typeof createDemoFeedsRepository>;
