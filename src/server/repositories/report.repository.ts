import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { escapeLike, inScope } from './scope-filter.js';
import { visitDueOnSql } from './visit-due-sql.js';

export type Figures = Record<string, number | Record<string, number>>;

const DEVELOPMENTAL = ['industry', 'employment', 'finance', 'public_job', 'other_education'];
const LABOUR = ['普通劳动力', '技能劳动力', '弱劳动力或半劳动力'];

const prefixFilter = (column: string, prefixes: readonly string[]) =>
  prefixes.includes('')
    ? sql`true`
    : sql.join(
        prefixes.map((p) => sql`${sql.ref(column)} like ${`${escapeLike(p)}%`}`),
        sql` or `,
      );

/**
 * Sums the village rows of a month into town, zone, county and city rows (numbers key by key, nested maps
 * key by key), so a report reads a handful of rows whatever the size of the region.
 */
async function rollUp(db: Kysely<DB>, month: string): Promise<void> {
  await sql`
    with villages as (
      select region_code, county_code, figures from month_figure where month = ${month} and level = 'village'
    ),
    groups as (
      select left(region_code, 9) || '000' as code, 'town' as level, county_code, figures from villages
      union all
      select zt.zone_code, 'zone', v.county_code, v.figures
      from villages v join zone_town zt on left(zt.town_code, 9) = left(v.region_code, 9)
      union all
      select county_code, 'county', county_code, figures from villages
      union all
      select left(region_code, 4) || '00000000', 'city', '', figures from villages
    ),
    kv as (select g.code, g.level, g.county_code, e.key, e.value from groups g cross join lateral jsonb_each(g.figures) e),
    flat as (
      select code, level, county_code, key, to_jsonb(sum((value #>> '{}')::numeric)) as v
      from kv where jsonb_typeof(value) = 'number' group by 1, 2, 3, 4
    ),
    nested as (
      select code, level, county_code, key, jsonb_object_agg(sub, n) as v from (
        select kv.code, kv.level, kv.county_code, kv.key, s.key as sub, sum((s.value #>> '{}')::numeric) as n
        from kv cross join lateral jsonb_each(kv.value) s
        where jsonb_typeof(kv.value) = 'object' group by 1, 2, 3, 4, 5) x
      group by 1, 2, 3, 4
    ),
    empty_nested as (
      select distinct code, level, county_code, key, '{}'::jsonb as v from kv
      where jsonb_typeof(value) = 'object'
        and not exists (select 1 from nested n where n.code = kv.code and n.key = kv.key)
    ),
    rows as (
      select code, level, min(county_code) as county_code, jsonb_object_agg(key, v) as figures
      from (select * from flat union all select * from nested union all select * from empty_nested) a
      group by code, level
    )
    insert into month_figure (month, region_code, level, county_code, figures)
    select ${month}, code, level, county_code, figures from rows
    on conflict (month, region_code) do update set figures = excluded.figures, level = excluded.level, refreshed_at = now()
  `.execute(db);
}

/**
 * The summary table of the 5+2 reports: one row of figures per village and month, computed set-based from
 * the operational tables. Reports and dashboards add village rows up by code prefix; they never scan persons.
 */
export function createReportRepository(db: Kysely<DB>) {
  return {
    /**
     * Recomputes the figures of `month` for every village under `prefixes` (flows within the month, stock
     * at its end, or at `today` while it is open). A closed month is left alone. Returns the number of village rows written.
     */
    async refreshMonth(
      month: string,
      first: string,
      last: string,
      today: string,
      prefixes: readonly string[],
      /** Roll the village rows up to towns, counties and the city (always done when every village was refreshed). */
      rollUpAfter: boolean = prefixes.includes(''),
    ): Promise<number> {
      // Stock is counted at the month's end, or today in the open month. Rows are stamped by the database's
      // now(), so the open month takes every row written so far ("now") instead of comparing those stamps with
      // Shoudi's day: the two are the same instant in production but not under the any-hour test clock.
      const open = last >= today;
      const asOf = open ? today : last;
      const stockEnd = open ? sql`'infinity'::timestamptz` : sql`${asOf}::date + 1`;
      const flowEnd = open ? sql`'infinity'::timestamptz` : sql`${last}::date + 1`;
      return db.transaction().execute(async (trx) => {
        await sql`set local jit = off`.execute(trx);
        const result = await sql<{ n: number }>`
          with v as (
            -- Villages with households (every figure comes from a household's rows), and any already written
            -- for the month so a stale row is overwritten; a city's thousands of empty villages cost nothing.
            select code as region_code, left(code, 6) || '000000' as county_code
            from region where level = 'village' and (${prefixFilter('code', prefixes)})
              and (exists (select 1 from household h where h.region_code = region.code)
                   or exists (select 1 from month_figure f where f.month = ${month} and f.region_code = region.code))
          ),
          identified as (
            select c.region_code,
                   count(*)::int as new_monitored,
                   count(*) filter (where c.identified_on <= c.due_on or c.green_channel)::int as on_time,
                   count(*) filter (where c.rolled_back_from is not null)::int as rolled_back
            from monitoring_case c
            where c.identified_on between ${first}::date and ${last}::date
            group by c.region_code
          ),
          by_category as (
            select region_code, jsonb_object_agg(category, n) as j from (
              select c.region_code, coalesce(c.category, 'unknown') as category, count(*)::int as n
              from monitoring_case c where c.identified_on between ${first}::date and ${last}::date and c.rolled_back_from is null
              group by 1, 2) x group by region_code
          ),
          by_risk as (
            select region_code, jsonb_object_agg(risk, n) as j from (
              select c.region_code, r ->> 'type' as risk, count(*)::int as n
              from monitoring_case c cross join lateral jsonb_array_elements(c.risks) r
              where c.identified_on between ${first}::date and ${last}::date and c.rolled_back_from is null
              group by 1, 2) x group by region_code
          ),
          eliminated as (
            select region_code, count(*)::int as n,
                   count(*) filter (where elimination_mode = 'assisted')::int as assisted
            from monitoring_case where eliminated_on between ${first}::date and ${last}::date group by region_code
          ),
          -- Each case's stage at the month's end (asOf). A case last changed by then is at its stage now; one
          -- changed since is read from its dated history: opened (created_at), identified_on (announced, so
          -- counted as monitored), elimination_requested_on, eliminated_on; a rejection is its last change, so a
          -- case rejected since was still being identified. The open month (asOf = today) is its stages now.
          cases_at as (
            select c.region_code, c.household_id, c.due_on, s.stage
            from monitoring_case c
            cross join lateral (select case
              when c.updated_at < ${stockEnd} then c.stage
              when c.created_at >= ${stockEnd} then null
              when c.eliminated_on <= ${asOf}::date then 'eliminated'
              when c.elimination_requested_on <= ${asOf}::date then 'elim_home_check'
              when c.identified_on <= ${asOf}::date then
                case when c.stage = 'announcement' then 'announcement'
                     when c.stage = 'safety_net' and exists (
                       select 1 from case_step cs where cs.case_id = c.id and cs.to_stage = 'safety_net'
                         and cs.acted_at < ${stockEnd}) then 'safety_net'
                     else 'monitored' end
              else 'cross_check'
            end as stage) s
          ),
          live as (
            select c.region_code,
                   count(*) filter (where c.stage = 'monitored')::int as monitored,
                   count(*) filter (where c.stage = 'safety_net')::int as safety_net,
                   count(*) filter (where c.stage in ('home_check', 'cross_check', 'village_review', 'public_notice',
                                                      'town_review', 'county_approval', 'announcement'))::int as identifying,
                   count(*) filter (where c.stage in ('home_check', 'cross_check', 'village_review', 'public_notice',
                                                      'town_review', 'county_approval') and c.due_on < ${asOf}::date)::int as late,
                   count(*) filter (where c.stage like 'elim_%')::int as eliminating,
                   count(*) filter (where c.stage = 'monitored' and labour.yes)::int as labour_monitored,
                   count(*) filter (where c.stage = 'monitored' and labour.yes and exists (
                     select 1 from assistance_measure m where m.household_id = c.household_id
                       and m.category = any(${sql.val(DEVELOPMENTAL)}::text[])
                       and m.starts_on <= ${asOf}::date and (m.ends_on is null or m.ends_on >= ${asOf}::date)))::int as labour_developmental,
                   count(*) filter (where c.stage in ('monitored', 'safety_net') and not exists (
                     select 1 from helper_assignment a where a.household_id = c.household_id
                       and a.starts_on <= ${asOf}::date and (a.ends_on is null or a.ends_on >= ${asOf}::date)))::int as without_helper
            from cases_at c
            cross join lateral (select exists (select 1 from person p where p.household_id = c.household_id
                                               and p.labour_skill = any(${sql.val(LABOUR)}::text[])) as yes) labour
            where c.stage not in ('eliminated', 'rejected')
            group by c.region_code
          ),
          measures as (
            select region_code, jsonb_object_agg(category, n) as j, sum(n)::int as total from (
              select c.region_code, m.category, count(*)::int as n
              from assistance_measure m join monitoring_case c on c.id = m.case_id
              where m.starts_on between ${first}::date and ${last}::date group by 1, 2) x group by region_code
          ),
          visits as (
            select region_code, count(*)::int as n, count(distinct household_id)::int as households
            from visit where visited_on between ${first}::date and ${last}::date group by region_code
          ),
          -- Visits due and overdue at asOf: the households registered by then, each by its last visit by then
          -- (its last_visited_on unless it has been visited since).
          due as (
            select h.region_code,
                   count(*) filter (where ${visitDueOnSql('h', 'p')} <= ${last}::date)::int as due,
                   count(*) filter (where ${visitDueOnSql('h', 'p')} < ${asOf}::date)::int as overdue,
                   count(*)::int as households
            from (
              select x.region_code, x.household_type, x.created_at,
                     case when x.last_visited_on > ${asOf}::date
                          then (select max(vi.visited_on) from visit vi where vi.household_id = x.id and vi.visited_on <= ${asOf}::date)
                          else x.last_visited_on end as last_visited_on
              from household x
              where (${prefixFilter('x.region_code', prefixes)}) and x.created_at < ${stockEnd}
            ) h join visit_policy p on p.household_type = h.household_type
            group by h.region_code
          ),
          leads as (
            select region_code, jsonb_object_agg(source, n) as j, sum(n)::int as total from (
              select region_code, source, count(*)::int as n from lead
              where found_on between ${first}::date and ${last}::date group by 1, 2) x group by region_code
          ),
          leads_done as (
            select region_code, count(*)::int as n,
                   count(*) filter (where closed_at::date <= found_on + 15)::int as on_time
            from lead where closed_at >= ${first}::date and closed_at < ${flowEnd} group by region_code
          ),
          alerts as (
            select region_code, count(*)::int as received,
                   count(*) filter (where status <> 'open')::int as verified,
                   count(*) filter (where status <> 'open' and closed_at::date > due_on)::int as late
            from alert where created_at >= ${first}::date and created_at < ${flowEnd} group by region_code
          ),
          alerts_by_department as (
            select region_code, jsonb_object_agg(department, n) as j from (
              select region_code, department, count(*)::int as n from alert
              where created_at >= ${first}::date and created_at < ${flowEnd} group by 1, 2) x group by region_code
          ),
          -- Open at asOf: raised by then and not closed by then (the open month: open now).
          alerts_open as (
            select region_code, count(*)::int as open, count(*) filter (where due_on < ${asOf}::date)::int as overdue
            from alert where created_at < ${stockEnd} and (closed_at is null or closed_at >= ${stockEnd})
            group by region_code
          ),
          declarations as (
            select region_code, count(*)::int as n from declaration
            where created_at >= ${first}::date and created_at < ${flowEnd} group by region_code
          ),
          -- 务工规模 (work plan point 6): members of 脱贫/监测 households whose work records cover at least the
          -- year's configured months up to this month (shared/employment.ts countsAsWorker), placed by their
          -- latest job of the year.
          worker_months as (
            select w.person_id, count(distinct m)::int as months
            from work_record w
            cross join lateral generate_series(greatest(w.start_month, date_trunc('year', ${first}::date)),
                                               least(coalesce(w.end_month, ${first}::date), ${first}::date),
                                               interval '1 month') m
            where w.start_month <= ${first}::date and (w.end_month is null or w.end_month >= date_trunc('year', ${first}::date))
            group by w.person_id
          ),
          worker_place as (
            select distinct on (w.person_id) w.person_id, w.household_id, w.place
            from work_record w
            where w.start_month <= ${first}::date and (w.end_month is null or w.end_month >= date_trunc('year', ${first}::date))
            order by w.person_id, w.start_month desc, w.id desc
          ),
          workers as (
            select h.region_code, count(*)::int as n,
                   count(*) filter (where wp.place = 'county')::int as local,
                   count(*) filter (where wp.place in ('city', 'province', 'outside', 'abroad'))::int as away,
                   count(*) filter (where wp.place = 'city')::int as city,
                   count(*) filter (where wp.place = 'province')::int as province,
                   count(*) filter (where wp.place = 'outside')::int as outside,
                   count(*) filter (where wp.place = 'abroad')::int as abroad
            from worker_months wm
            join worker_place wp using (person_id)
            join household h on h.id = wp.household_id
            where wm.months >= coalesce((select min_months from employment_setting
                                         where year = extract(year from ${first}::date)::int), 1)
              and h.household_type in ('exited_poverty', 'monitored')
              and (${prefixFilter('h.region_code', prefixes)})
            group by h.region_code
          ),
          rows as (
            select v.region_code, v.county_code, jsonb_build_object(
              'newMonitored', coalesce(i.new_monitored, 0) - coalesce(i.rolled_back, 0),
              'identifiedOnTime', coalesce(i.on_time, 0),
              'identifiedTotal', coalesce(i.new_monitored, 0),
              'rolledBack', coalesce(i.rolled_back, 0),
              'newByCategory', coalesce(bc.j, '{}'::jsonb),
              'newByRisk', coalesce(br.j, '{}'::jsonb),
              'eliminated', coalesce(e.n, 0),
              'eliminatedAssisted', coalesce(e.assisted, 0),
              'monitored', coalesce(l.monitored, 0),
              'safetyNet', coalesce(l.safety_net, 0),
              'identifying', coalesce(l.identifying, 0),
              'lateIdentifications', coalesce(l.late, 0),
              'eliminating', coalesce(l.eliminating, 0),
              'labourMonitored', coalesce(l.labour_monitored, 0),
              'labourWithDevelopmental', coalesce(l.labour_developmental, 0),
              'withoutHelper', coalesce(l.without_helper, 0),
              'measuresStarted', coalesce(ms.total, 0),
              'measuresByCategory', coalesce(ms.j, '{}'::jsonb),
              'visitsDone', coalesce(vi.n, 0),
              'householdsVisited', coalesce(vi.households, 0),
              'visitsDue', coalesce(d.due, 0),
              'visitsOverdue', coalesce(d.overdue, 0),
              'households', coalesce(d.households, 0),
              'leadsNew', coalesce(ld.total, 0),
              'leadsBySource', coalesce(ld.j, '{}'::jsonb),
              'leadsSettled', coalesce(lc.n, 0),
              'leadsSettledOnTime', coalesce(lc.on_time, 0),
              'alertsReceived', coalesce(al.received, 0),
              'alertsVerified', coalesce(al.verified, 0),
              'alertsVerifiedLate', coalesce(al.late, 0),
              'alertsByDepartment', coalesce(ad.j, '{}'::jsonb),
              'alertsOpen', coalesce(ao.open, 0),
              'alertsOverdue', coalesce(ao.overdue, 0),
              'selfDeclarations', coalesce(dc.n, 0),
              'workers', coalesce(wk.n, 0),
              'workersLocal', coalesce(wk.local, 0),
              'workersAway', coalesce(wk.away, 0),
              'workersByPlace', jsonb_build_object('county', coalesce(wk.local, 0), 'city', coalesce(wk.city, 0),
                'province', coalesce(wk.province, 0), 'outside', coalesce(wk.outside, 0), 'abroad', coalesce(wk.abroad, 0))
            ) as figures
            from v
            left join identified i using (region_code)
            left join by_category bc using (region_code)
            left join by_risk br using (region_code)
            left join eliminated e using (region_code)
            left join live l using (region_code)
            left join measures ms using (region_code)
            left join visits vi using (region_code)
            left join due d using (region_code)
            left join leads ld using (region_code)
            left join leads_done lc using (region_code)
            left join alerts al using (region_code)
            left join alerts_by_department ad using (region_code)
            left join alerts_open ao using (region_code)
            left join declarations dc using (region_code)
            left join workers wk using (region_code)
          ),
          written as (
            insert into month_figure (month, region_code, level, county_code, figures)
            select ${month}, region_code, 'village', county_code, figures from rows
            where not exists (select 1 from report_month m where m.month = ${month} and m.status = 'closed')
            on conflict (month, region_code) do update set figures = excluded.figures, refreshed_at = now()
            returning 1
          )
          select count(*)::int as n from written
        `.execute(trx);
        if (rollUpAfter) {
          await rollUp(trx, month);
        }
        await sql`
          insert into report_month (month, status, refreshed_at) values (${month}, 'open', now())
          on conflict (month) do update set refreshed_at = now() where report_month.status = 'open'
        `.execute(trx);
        return result.rows[0]?.n ?? 0;
      });
    },

    /** Eliminations between `from` and `to` per child region, and how many have not been rolled back since. */
    async eliminationsHeld(prefixes: readonly string[], childLength: number, from: string, to: string) {
      const result = await sql<{ child: string; total: number; held: number }>`
        select left(c.region_code, ${childLength}) as child, count(*)::int as total,
               count(*) filter (where not exists (
                 select 1 from monitoring_case n where n.rolled_back_from = c.id))::int as held
        from monitoring_case c
        where c.stage = 'eliminated' and c.eliminated_on between ${from}::date and ${to}::date
          and (${prefixFilter('c.region_code', prefixes)})
        group by 1
      `.execute(db);
      return new Map(result.rows.map((r) => [r.child, r]));
    },

    weights() {
      return db.selectFrom('ranking_weight').select(['indicator', 'weight']).execute();
    },

    async setWeight(indicator: string, weight: number): Promise<void> {
      await db
        .updateTable('ranking_weight')
        .set({ weight, updated_at: new Date() })
        .where('indicator', '=', indicator)
        .execute();
    },

    async saveRanking(quarter: string, level: string, parentCode: string, rows: unknown, weights: unknown) {
      await db
        .insertInto('quarterly_ranking')
        .values({
          quarter,
          level,
          parent_code: parentCode,
          rows: JSON.stringify(rows),
          weights: JSON.stringify(weights),
        })
        .onConflict((oc) =>
          oc.columns(['quarter', 'level', 'parent_code']).doUpdateSet({
            rows: JSON.stringify(rows),
            weights: JSON.stringify(weights),
            computed_at: new Date(),
          }),
        )
        .execute();
    },

    async insertBulletin(values: {
      quarter: string;
      title: string;
      sections: unknown;
      createdBy: string;
      regionCode: string;
    }): Promise<number> {
      const row = await db
        .insertInto('bulletin')
        .values({
          quarter: values.quarter,
          title: values.title,
          sections: JSON.stringify(values.sections),
          region_code: values.regionCode,
          status: 'draft',
          created_by: values.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    findBulletin(id: number) {
      return db.selectFrom('bulletin').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Bulletins drafted by one of `levels` (the actor's region and those above) or within `scope`. */
    listBulletins(levels: readonly string[], scope: readonly string[]) {
      return db
        .selectFrom('bulletin')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('region_code', 'in', levels.length > 0 ? [...levels] : ['-']),
            inScope(eb, eb.ref('region_code'), scope),
          ]),
        )
        .orderBy('id', 'desc')
        .limit(40)
        .execute();
    },

    /** When the oldest of these figures was computed: what a ranking or bulletin built on them is as of. */
    async refreshedAt(months: readonly string[], regionCodes: readonly string[]): Promise<Date | null> {
      const row = await db
        .selectFrom('month_figure')
        .select(sql<Date | null>`min(refreshed_at)`.as('at'))
        .where('month', 'in', [...months])
        .where('region_code', 'in', regionCodes.length > 0 ? [...regionCodes] : ['-'])
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },

    /** Edits or issues a draft at `version`; an issued bulletin never changes. */
    async updateDraft(
      id: number,
      version: number,
      changes: { title?: string; sections?: unknown; status?: string; issued_on?: string },
    ) {
      const result = await db
        .updateTable('bulletin')
        .set({
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.sections !== undefined ? { sections: JSON.stringify(changes.sections) } : {}),
          ...(changes.status !== undefined ? { status: changes.status } : {}),
          ...(changes.issued_on !== undefined ? { issued_on: changes.issued_on } : {}),
          version: sql<number>`version + 1`,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    findMonth(month: string) {
      return db.selectFrom('report_month').selectAll().where('month', '=', month).executeTakeFirst();
    },

    async closeMonth(month: string, by: string): Promise<boolean> {
      const result = await db
        .updateTable('report_month')
        .set({ status: 'closed', closed_at: new Date(), closed_by: by })
        .where('month', '=', month)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The rows of the given regions for a month (villages computed, higher levels rolled up). */
    async figures(month: string, regionCodes: readonly string[]) {
      if (regionCodes.length === 0) {
        return [];
      }
      const rows = await db
        .selectFrom('month_figure')
        .select(['region_code', 'figures'])
        .where('month', '=', month)
        .where('region_code', 'in', [...regionCodes])
        .execute();
      return rows.map((r) => ({ regionCode: r.region_code, figures: r.figures as Figures }));
    },

    /** A region's row over several months, for a trend chart. */
    async trend(months: readonly string[], regionCode: string) {
      const rows = await db
        .selectFrom('month_figure')
        .select(['month', 'figures'])
        .where('month', 'in', [...months])
        .where('region_code', '=', regionCode)
        .orderBy('month')
        .execute();
      return rows.map((r) => ({ month: r.month, figures: r.figures as Figures }));
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
