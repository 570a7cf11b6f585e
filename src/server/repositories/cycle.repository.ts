import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { MonthWindow } from '../domain/income.js';
import { monthIndexSql, shareInWindowSql } from './income-sql.js';

export interface CycleParams {
  month: string;
  /** The reference date (the month's last day): income windows end the month before it. */
  referenceDate: string;
  current: MonthWindow;
  halfYearAgo: MonthWindow;
  /** 元, decimal strings. */
  line: string;
  lineHalfYearAgo: string;
  actorName: string;
}

const LIVE_MONITORING = [
  'monitored',
  'safety_net',
  'elim_home_check',
  'elim_public_notice',
  'elim_town_review',
  'elim_county_approval',
];

/**
 * Facts per target household, as CTEs after a `target (case_id, household_id, county_code, member_count,
 * housing_grade, has_safe_house_elsewhere, water_*)` CTE: income per capita now and half a year ago,
 * guarantees secured (as domain/guarantees.ts, every judgement 'ok'), measure count.
 */
function factsCtes(p: CycleParams) {
  return sql`
    inc as (
      select x.household_id,
             sum(${shareInWindowSql(p.current)}) as current_net,
             sum(${shareInWindowSql(p.halfYearAgo)}) as earlier_net
      from (
        select i.household_id,
               (case when i.category = 'production_cost' then -i.amount else i.amount end) as amount,
               ${monthIndexSql('i.period_start')} as s, ${monthIndexSql('i.period_end')} as e
        from income_item i join target t on t.household_id = i.household_id
        where i.is_counted and i.period_end >= ${p.halfYearAgo.start}::date and i.period_start <= ${p.current.end}::date
      ) x
      group by x.household_id
    ),
    mem as (
      select m.household_id,
             bool_or(not m.medical_insured) as is_uninsured,
             bool_or(m.dropout_reason is not null
                     and m.birth_date > ${p.referenceDate}::date - interval '16 years'
                     and m.birth_date <= ${p.referenceDate}::date - interval '6 years') as is_out_of_school
      from person m join target t on t.household_id = m.household_id
      group by m.household_id
    ),
    facts as (
      select t.case_id, t.household_id, t.county_code, t.identified_on,
             case when t.member_count > 0 then round(coalesce(inc.current_net, 0) / t.member_count, 2) else 0 end as per_capita,
             case when t.member_count > 0 then round(coalesce(inc.earlier_net, 0) / t.member_count, 2) else 0 end as earlier_per_capita,
             ((t.housing_grade in ('A', 'B') or t.has_safe_house_elsewhere)
               and t.water_quantity_ok is true and t.water_quality_ok is true
               and t.water_convenience_ok is true and t.water_reliability_ok is true
               and not coalesce(mem.is_uninsured, false) and not coalesce(mem.is_out_of_school, false)) as guarantees_ok,
             (select count(*)::int from assistance_measure am where am.case_id = t.case_id) as measure_count,
             exists (select 1 from lead l where l.household_id = t.household_id and l.status = 'open') as has_open_lead
      from target t
      left join inc on inc.household_id = t.household_id
      left join mem on mem.household_id = t.household_id
    )`;
}

const targetColumns = sql`h.member_count, h.housing_grade, h.has_safe_house_elsewhere, h.water_quantity_ok,
  h.water_quality_ok, h.water_convenience_ok, h.water_reliability_ok`;

/** The monthly cycle (point 4) as set-based SQL: evaluate live cases, re-screen eliminated ones, roll back. */
export function createCycleRepository(db: Kysely<DB>) {
  return {
    /** Marks the month running; false when another server (or request) is already running it. */
    async claim(month: string, startedBy: string): Promise<boolean> {
      const result = await sql<{ month: string }>`
        insert into monthly_cycle_run (month, status, started_by)
        values (${month}, 'running', ${startedBy})
        on conflict (month) do update
          set status = 'running', started_by = excluded.started_by, started_at = now(), finished_at = null, error = null,
              cases_evaluated = 0, eliminated_rescreened = 0, rolled_back = 0
          where monthly_cycle_run.status <> 'running'
             or monthly_cycle_run.started_at < now() - interval '2 hours'
        returning month
      `.execute(db);
      return result.rows.length === 1;
    },

    async finish(month: string, counts: { evaluated: number; rescreened: number; rolledBack: number }) {
      await db
        .updateTable('monthly_cycle_run')
        .set({
          status: 'finished',
          cases_evaluated: counts.evaluated,
          eliminated_rescreened: counts.rescreened,
          rolled_back: counts.rolledBack,
          finished_at: new Date(),
        })
        .where('month', '=', month)
        .execute();
    },

    async fail(month: string, error: string) {
      await db
        .updateTable('monthly_cycle_run')
        .set({ status: 'failed', error, finished_at: new Date() })
        .where('month', '=', month)
        .execute();
    },

    async linkJob(month: string, jobId: number) {
      await db.updateTable('monthly_cycle_run').set({ job_id: jobId }).where('month', '=', month).execute();
    },

    /** A month's run with its job's progress. */
    find(month: string) {
      return db
        .selectFrom('monthly_cycle_run as r')
        .leftJoin('job as j', 'j.id', 'r.job_id')
        .selectAll('r')
        .select(['j.done as job_done', 'j.total as job_total'])
        .where('r.month', '=', month)
        .executeTakeFirst();
    },

    list() {
      return db
        .selectFrom('monthly_cycle_run as r')
        .leftJoin('job as j', 'j.id', 'r.job_id')
        .selectAll('r')
        .select(['j.done as job_done', 'j.total as job_total'])
        .orderBy('r.month', 'desc')
        .limit(36)
        .execute();
    },

    /** One row per live case under monitoring and month; a re-run of the month overwrites its rows. */
    async evaluateLive(p: CycleParams): Promise<number> {
      // Runs inside the cycle's transaction; the estimates of these CTEs make JIT cost more than it saves.
      await sql`set local jit = off`.execute(db);
      const result = await sql<{ n: number }>`
        with target as (
          select c.id as case_id, c.household_id, c.county_code, c.identified_on, ${targetColumns}
          from monitoring_case c join household h on h.id = c.household_id
          where c.stage = any(${sql.val(LIVE_MONITORING)}::text[])
        ),
        ${factsCtes(p)},
        upserted as (
          insert into case_evaluation (case_id, month, county_code, per_capita, line_amount, guarantees_ok, measure_count, meets_elimination)
          select case_id, ${p.month}, county_code, per_capita, ${p.line}::numeric, guarantees_ok, measure_count,
                 per_capita >= ${p.line}::numeric and earlier_per_capita >= ${p.lineHalfYearAgo}::numeric
                 and identified_on is not null and identified_on + interval '6 months' <= ${p.referenceDate}::date
                 and measure_count > 0 and guarantees_ok and not has_open_lead
          from facts
          on conflict (case_id, month) do update set
            per_capita = excluded.per_capita, line_amount = excluded.line_amount, guarantees_ok = excluded.guarantees_ok,
            measure_count = excluded.measure_count, meets_elimination = excluded.meets_elimination, evaluated_at = now()
          returning 1
        )
        select count(*)::int as n from upserted
      `.execute(db);
      return result.rows[0]?.n ?? 0;
    },

    /**
     * Re-screens each household whose latest case is eliminated: when its income falls below the line or
     * a guarantee fails, it is rolled back into monitoring (回退) with a new case that remembers the old one.
     * Idempotent: a rolled-back household has a live case and is no longer a target.
     */
    async rescreenEliminated(p: CycleParams): Promise<{ rescreened: number; rolledBack: number }> {
      const result = await sql<{ rescreened: number; rolled_back: number }>`
        with latest as (
          select distinct on (c.household_id) c.*
          from monitoring_case c
          order by c.household_id, c.id desc
        ),
        target as (
          select l.id as case_id, l.household_id, h.county_code, h.region_code, l.identified_on, l.category, l.risks,
                 h.household_type, ${targetColumns}
          from latest l join household h on h.id = l.household_id
          where l.stage = 'eliminated'
        ),
        ${factsCtes(p)},
        evaluated as (
          insert into case_evaluation (case_id, month, county_code, per_capita, line_amount, guarantees_ok, measure_count, meets_elimination)
          select case_id, ${p.month}, county_code, per_capita, ${p.line}::numeric, guarantees_ok, measure_count, false from facts
          on conflict (case_id, month) do update set
            per_capita = excluded.per_capita, line_amount = excluded.line_amount, guarantees_ok = excluded.guarantees_ok,
            measure_count = excluded.measure_count, evaluated_at = now()
        ),
        risky as (
          select t.* from target t join facts f on f.case_id = t.case_id
          where f.per_capita < ${p.line}::numeric or not f.guarantees_ok
        ),
        new_cases as (
          insert into monitoring_case (household_id, county_code, region_code, category, risks, stage, found_on, due_on,
                                       identified_on, previous_household_type, rolled_back_from)
          select household_id, county_code, region_code, category, risks, 'monitored', ${p.referenceDate}::date,
                 ${p.referenceDate}::date, ${p.referenceDate}::date, household_type, case_id
          from risky
          on conflict do nothing
          returning id, household_id, county_code
        ),
        steps as (
          insert into case_step (case_id, county_code, action, from_stage, to_stage, note, actor_name)
          select id, county_code, 'rollback', 'eliminated', 'monitored', ${`${p.month} 月度研判：风险返回，回退监测`}, ${p.actorName}
          from new_cases
        ),
        types as (
          update household set household_type = 'monitored', version = version + 1, updated_at = now()
          from new_cases n where household.id = n.household_id
        )
        select (select count(*)::int from target) as rescreened, (select count(*)::int from new_cases) as rolled_back
      `.execute(db);
      const row = result.rows[0];
      return { rescreened: row?.rescreened ?? 0, rolledBack: row?.rolled_back ?? 0 };
    },
  };
}

export type CycleRepository = ReturnType<typeof createCycleRepository>;
