import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ScreeningRules } from '../domain/screening-rules.js';
import { monthIndexSql, shareInWindowSql } from './income-sql.js';
import { escapeLike } from './scope-filter.js';

export interface ScreeningParams {
  runId: number;
  scopePrefixes: readonly string[];
  rules: ScreeningRules;
  /** 元, a decimal string. */
  line: string;
  today: string;
  current: { start: string; end: string };
  previous: { start: string; end: string };
}

export interface ScreeningCounts {
  households: number;
  created: number;
  updated: number;
  reasonCounts: Record<string, number>;
}

/**
 * Screens every household in scope in one statement: rolling-window income per capita (pro rata by
 * month, as domain/income.ts), guarantee judgements (as domain/guarantees.ts) and the rules of
 * domain/screening-rules.ts; then one open lead per flagged household (insert or refresh).
 */
export function createScreeningRepository(db: Kysely<DB>) {
  return {
    async screen(p: ScreeningParams): Promise<ScreeningCounts> {
      const scope = p.scopePrefixes.includes('')
        ? sql`true`
        : sql.join(
            p.scopePrefixes.map((prefix) => sql`h.region_code like ${`${escapeLike(prefix)}%`}`),
            sql` or `,
          );
      const r = p.rules;
      // A city- or county-wide scope filters the big tables by their own county_code; a smaller scope
      // (town, village, zone) joins the few households it has.
      const isCountyOrWider = p.scopePrefixes.every((prefix) => prefix.length <= 6 && !prefix.includes('Z'));
      const countyCondition = (alias: string) =>
        p.scopePrefixes.includes('')
          ? sql`true`
          : sql.join(
              p.scopePrefixes.map(
                (prefix) => sql`${sql.ref(`${alias}.county_code`)} like ${`${escapeLike(prefix)}%`}`,
              ),
              sql` or `,
            );
      const incomeScope = isCountyOrWider ? sql`` : sql`join scoped sc on sc.id = i.household_id`;
      const incomeFilter = isCountyOrWider ? sql`and (${countyCondition('i')})` : sql``;
      const personScope = isCountyOrWider
        ? sql`where (${countyCondition('m')})`
        : sql`join scoped s on s.id = m.household_id`;
      // numeric factors, never floats: 1 + 20/100 is exactly 1.2 (screening-rules.ts compares in fen the same way).
      const line = sql`${p.line}::numeric`;
      const nearFactor = sql`(1 + ${String(r.nearLine.marginPercent)}::numeric / 100)`;
      const dropFactor = sql`(1 - ${String(r.sharpDrop.dropPercent)}::numeric / 100)`;
      const start = monthIndexSql('i.period_start');
      const end = monthIndexSql('i.period_end');
      // The planner's estimates for this CTE chain are far too high, which triggers JIT compilation
      // that costs more than the query itself; the statement runs with JIT off.
      return db.transaction().execute(async (trx) => {
        await sql`set local jit = off`.execute(trx);
        const result = await sql<{
          households: number;
          created: number;
          updated: number;
          reason_counts: Record<string, number> | null;
        }>`
        with scoped as (
          select h.id, h.county_code, h.region_code, h.member_count, h.medical_out_of_pocket, h.housing_grade,
                 h.has_safe_house_elsewhere, h.water_quantity_ok, h.water_quality_ok, h.water_convenience_ok, h.water_reliability_ok
          from household h
          where (${scope}) and h.household_type = any(${sql.val([...r.householdTypes])}::text[]) and h.member_count > 0
        ),
        income as (
          select x.household_id,
                 sum(${shareInWindowSql(p.current)}) as current_net,
                 sum(${shareInWindowSql(p.previous)}) as previous_net
          from (
            select i.household_id,
                   (case when i.category = 'production_cost' then -i.amount else i.amount end) as amount,
                   ${start} as s, ${end} as e
            from income_item i
            ${incomeScope}
            where i.is_counted and i.period_end >= ${p.previous.start}::date and i.period_start <= ${p.current.end}::date
              ${incomeFilter}
          ) x
          group by x.household_id
        ),
        members as (
          select m.household_id,
                 bool_or(not m.medical_insured) as is_uninsured,
                 -- Aged 6 to 15 on the reference date, written as a birth-date range (index-friendly, no age()).
                 bool_or(m.dropout_reason is not null
                         and m.birth_date > ${p.today}::date - interval '16 years'
                         and m.birth_date <= ${p.today}::date - interval '6 years') as is_out_of_school
          from person m
          ${personScope}
          group by m.household_id
        ),
        facts as (
          select s.id, s.county_code, s.region_code, s.medical_out_of_pocket,
                 round(coalesce(inc.current_net, 0) / s.member_count, 2) as per_capita,
                 round(coalesce(inc.previous_net, 0) / s.member_count, 2) as previous_per_capita,
                 coalesce(m.is_uninsured, false) as is_uninsured,
                 coalesce(m.is_out_of_school, false) as is_out_of_school,
                 (s.housing_grade in ('C', 'D', 'none') and not s.has_safe_house_elsewhere) as is_housing_problem,
                 (s.water_quantity_ok is false or s.water_quality_ok is false
                   or s.water_convenience_ok is false or s.water_reliability_ok is false) as is_water_problem
          from scoped s
          left join income inc on inc.household_id = s.id
          left join members m on m.household_id = s.id
        ),
        flagged as (
          select f.*, array_remove(array[
            case when ${r.incomeBelowLine.enabled} and f.per_capita < ${line} then 'income_below_line' end,
            case when ${r.nearLine.enabled} and not (${r.incomeBelowLine.enabled} and f.per_capita < ${line})
                      and f.per_capita < ${line} * ${nearFactor} then 'income_near_line' end,
            case when ${r.sharpDrop.enabled} and f.previous_per_capita > 0
                      and f.per_capita <= f.previous_per_capita * ${dropFactor} then 'income_drop' end,
            case when ${r.guarantees.enabled} and f.is_out_of_school then 'guarantee_education' end,
            case when ${r.guarantees.enabled} and f.is_uninsured then 'guarantee_medical' end,
            case when ${r.guarantees.enabled} and f.is_housing_problem then 'guarantee_housing' end,
            case when ${r.guarantees.enabled} and f.is_water_problem then 'guarantee_water' end,
            case when ${r.medicalSpending.enabled} and f.medical_out_of_pocket > ${String(r.medicalSpending.threshold)}::numeric
                 then 'medical_spending' end
          ]::text[], null) as codes
          from facts f
        ),
        upserted as (
          insert into lead (household_id, county_code, region_code, source, run_id, reasons, facts, found_on)
          select id, county_code, region_code, 'screening', ${p.runId}, to_jsonb(codes),
                 -- Amounts as decimal text: a numeric in JSON reaches the client as a float.
                 jsonb_build_object('perCapita', per_capita::text, 'previousPerCapita', previous_per_capita::text,
                                    'medicalOutOfPocket', medical_out_of_pocket::text, 'line', round(${line}, 2)::text),
                 ${p.today}::date
          from flagged where cardinality(codes) > 0
          on conflict (household_id, county_code) where status = 'open'
          -- A lead another channel opened keeps its reasons: screening's are merged in.
          do update set reasons = (select coalesce(jsonb_agg(distinct r), '[]'::jsonb)
                                   from jsonb_array_elements_text(lead.reasons || excluded.reasons) r),
                        facts = excluded.facts, run_id = excluded.run_id, updated_at = now(),
                        version = lead.version + 1
          returning id, household_id, county_code, (xmax = 0) as is_new
        ),
        signals as (
          insert into lead_signal (lead_id, county_code, source, reasons, ref)
          select u.id, u.county_code, 'screening', to_jsonb(f.codes), ${`run:${p.runId}`}
          from upserted u join flagged f on f.id = u.household_id
        )
        select (select count(*)::int from scoped) as households,
               (select count(*)::int from upserted where is_new) as created,
               (select count(*)::int from upserted where not is_new) as updated,
               (select jsonb_object_agg(code, n) from (
                  select unnest(codes) as code, count(*)::int as n from flagged group by 1) c) as reason_counts
      `.execute(trx);
        const row = result.rows[0];
        return {
          households: row?.households ?? 0,
          created: row?.created ?? 0,
          updated: row?.updated ?? 0,
          reasonCounts: row?.reason_counts ?? {},
        };
      });
    },
  };
}

export type ScreeningRepository = ReturnType<typeof createScreeningRepository>;
