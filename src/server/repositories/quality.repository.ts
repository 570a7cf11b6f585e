import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { escapeLike } from './scope-filter.js';

const DEVELOPMENTAL = ['industry', 'employment', 'finance', 'public_job', 'other_education'];
const LABOUR = ['普通劳动力', '技能劳动力', '弱劳动力或半劳动力'];

/**
 * The data-quality rules of domain.md §10 (national 疑点 numbers in comments) and point 3 of the plan, as
 * one set-based statement over the cases in scope: each rule yields (rule, household, case, detail).
 */
export function createQualityRepository(db: Kysely<DB>) {
  function issuesSql(prefixes: readonly string[], today: string) {
    const scope = prefixes.includes('')
      ? sql`true`
      : sql.join(
          prefixes.map((p) => sql`c.region_code like ${`${escapeLike(p)}%`}`),
          sql` or `,
        );
    const active = (alias: string) =>
      sql.raw(
        `${alias}.starts_on <= '${today}'::date and (${alias}.ends_on is null or ${alias}.ends_on >= '${today}'::date)`,
      );
    const hasLabour = sql`exists (select 1 from person p where p.household_id = c.household_id and p.labour_skill = any(${sql.val(LABOUR)}::text[]))`;
    return sql`
      with c as (select * from monitoring_case c where (${scope})),
      issues as (
        -- Identification not finished within 15 days of the lead.
        select 'identification_late' as rule, c.household_id, c.id as case_id, c.due_on::text as detail from c
        where c.stage in ('home_check', 'cross_check', 'village_review', 'public_notice', 'town_review', 'county_approval')
          and c.due_on < ${today}::date
        union all
        -- 1_11_010: monitored for over a month without any measure.
        select 'no_measure_after_month', c.household_id, c.id, c.identified_on::text from c
        where c.stage in ('monitored', 'safety_net') and c.identified_on < ${today}::date - interval '1 month'
          and not exists (select 1 from assistance_measure m where m.case_id = c.id)
        union all
        -- Point 3: labour capacity needs a developmental measure ...
        select 'labour_without_developmental', c.household_id, c.id, null from c
        where c.stage in ('monitored', 'elim_home_check', 'elim_public_notice', 'elim_town_review', 'elim_county_approval')
          and ${hasLabour}
          and not exists (select 1 from assistance_measure m where m.household_id = c.household_id
                          and m.category = any(${sql.val(DEVELOPMENTAL)}::text[]) and ${active('m')})
        union all
        -- ... and no labour capacity needs the safety net.
        select 'no_labour_without_safety_net', c.household_id, c.id, null from c
        where c.stage in ('monitored', 'safety_net') and not ${hasLabour}
          and not exists (select 1 from assistance_measure m where m.household_id = c.household_id
                          and m.category = 'safety_net' and ${active('m')})
        union all
        select 'monitored_without_helper', c.household_id, c.id, null from c
        where c.stage in ('monitored', 'safety_net', 'elim_home_check', 'elim_public_notice', 'elim_town_review', 'elim_county_approval')
          and not exists (select 1 from helper_assignment a where a.household_id = c.household_id
                          and (a.ends_on is null or a.ends_on >= ${today}::date))
        union all
        -- 2_11_002: eliminated less than six months after identification.
        select 'eliminated_within_half_year', c.household_id, c.id, c.identified_on::text || ' → ' || c.eliminated_on::text from c
        where c.stage = 'eliminated' and c.eliminated_on < c.identified_on + interval '6 months'
        union all
        -- 4_11_010: eliminated by assistance, but the latest evaluation is below the line.
        select 'eliminated_below_line', c.household_id, c.id, e.per_capita::text || ' < ' || e.line_amount::text from c
        join lateral (select * from case_evaluation e where e.case_id = c.id order by e.month desc limit 1) e on true
        where c.stage = 'eliminated' and c.elimination_mode = 'assisted' and e.per_capita < e.line_amount
        union all
        -- 1_11_005: eliminated with a compulsory-school-age child out of school.
        select 'eliminated_child_out_of_school', c.household_id, c.id, null from c
        where c.stage = 'eliminated' and exists (
          select 1 from person p where p.household_id = c.household_id and p.dropout_reason is not null
            and p.birth_date > ${today}::date - interval '16 years' and p.birth_date <= ${today}::date - interval '6 years')
        union all
        -- A category that contradicts the household's type before the case (shared/case-workflow.ts categoryConflict).
        select 'category_contradicts_type', c.household_id, c.id, c.category || ' / ' || c.previous_household_type from c
        where c.stage not in ('rejected')
          and ((c.category = 'unstable_ex_poor' and c.previous_household_type not in ('exited_poverty', 'monitored'))
            or (c.category = 'marginal' and c.previous_household_type = 'exited_poverty'))
        union all
        -- 4_11_013: 低保 or 特困 in the household but no counted transfer income in the last 12 months.
        select 'benefits_without_transfer_income', c.household_id, c.id, null from c
        where c.stage not in ('eliminated', 'rejected')
          and exists (select 1 from person p where p.household_id = c.household_id and (p.is_dibao or p.is_tekun))
          and not exists (select 1 from income_item i where i.household_id = c.household_id and i.category = 'transfer'
                          and i.is_counted and i.amount > 0 and i.period_end >= ${today}::date - interval '12 months')
      )`;
  }

  return {
    /** Issues per child region (the first `childLength` characters of the case's region code). */
    async countsByChild(prefixes: readonly string[], today: string, childLength: number) {
      return db.transaction().execute(async (trx) => {
        await sql`set local jit = off`.execute(trx);
        const result = await sql<{ child: string; n: number }>`
          ${issuesSql(prefixes, today)}
          select left(mc.region_code, ${childLength}) as child, count(*)::int as n
          from issues i join monitoring_case mc on mc.id = i.case_id group by 1
        `.execute(trx);
        return new Map(result.rows.map((r) => [r.child, r.n]));
      });
    },

    /**
     * Counts per rule and one page of items, in one statement (the issues are computed once), with JIT
     * off: the planner overestimates these anti-joins and JIT compilation costs more than the query.
     */
    async report(
      prefixes: readonly string[],
      today: string,
      rule: string | undefined,
      limit: number,
      offset: number,
    ) {
      return db.transaction().execute(async (trx) => {
        await sql`set local jit = off`.execute(trx);
        const result = await sql<{
          counts: Record<string, number> | null;
          items: Array<{
            rule: string;
            household_id: number;
            case_id: number | null;
            detail: string | null;
            head_name: string;
            region_code: string;
            region_name: string;
          }>;
        }>`
          ${issuesSql(prefixes, today)},
          counted as (select rule, count(*)::int as n from issues group by rule),
          page as (
            select i.rule, i.household_id, i.case_id, i.detail, h.head_name, h.region_code, r.name as region_name
            from issues i join household h on h.id = i.household_id join region r on r.code = h.region_code
            where ${rule ? sql`i.rule = ${rule}` : sql`true`}
            order by i.rule, h.region_code, i.household_id
            limit ${limit} offset ${offset}
          )
          select (select jsonb_object_agg(rule, n) from counted) as counts,
                 (select coalesce(jsonb_agg(page), '[]'::jsonb) from page) as items
        `.execute(trx);
        const row = result.rows[0];
        return { counts: row?.counts ?? {}, items: row?.items ?? [] };
      });
    },
  };
}

export type QualityRepository = ReturnType<typeof createQualityRepository>;
