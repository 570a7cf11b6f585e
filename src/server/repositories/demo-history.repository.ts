import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

export interface DemoYearInput {
  /** Today (Asia/Shanghai). */
  today: string;
  /** The day the demo counties loaded their registry, about fourteen months ago. */
  enteredOn: string;
}

export interface DemoYearCounts {
  monitoredCases: number;
  eliminatedCases: number;
  identifyingCases: number;
  closedLeads: number;
  openLeads: number;
}

const IDENTIFICATION = [
  'home_check',
  'cross_check',
  'village_review',
  'public_notice',
  'town_review',
  'county_approval',
  'announcement',
  'monitored',
];
const ELIMINATION = [
  'monitored',
  'elim_home_check',
  'elim_public_notice',
  'elim_town_review',
  'elim_county_approval',
  'eliminated',
];
const IDENTIFYING_STAGES = [
  'cross_check',
  'village_review',
  'public_notice',
  'town_review',
  'county_approval',
];

/**
 * A demo registry's past year, set-based: every household typed 监测户 gets its live monitored case (and only
 * those), some households a case eliminated during the year or one being identified now, leads verified over
 * the months (visits and helpers: demo-work.repository.ts). Deterministic (ids drive the choices), so a
 * demo looks the same on every machine. Only for a freshly generated demo registry.
 */
export function createDemoHistoryRepository(db: Kysely<DB>) {
  /** A date expression over the statement's columns as a Shanghai timestamp (09:00), for created_at columns. */
  const at = (day: string) => sql.raw(`((${day}) + time '09:00') at time zone 'Asia/Shanghai'`);

  return {
    async seedYear(input: DemoYearInput): Promise<DemoYearCounts> {
      return db.transaction().execute(async (trx) => {
        const { today, enteredOn } = input;
        // The registry entered over three weeks about fourteen months ago.
        await sql`
          update household
          set created_at = ((${enteredOn}::date + (id % 21)::int) + time '09:00') at time zone 'Asia/Shanghai',
              updated_at = ((${enteredOn}::date + (id % 21)::int) + time '09:00') at time zone 'Asia/Shanghai'
        `.execute(trx);

        // Every 监测户 has its live monitored case: found 1–11 months ago, identified within the 15 days.
        const monitored = await sql<{ n: number }>`
          with src as (
            select h.id as household_id, h.county_code, h.region_code,
                   ${today}::date - (35 + (h.id * 37) % 300)::int as found_on,
                   (array['unstable_ex_poor', 'marginal', 'sudden_hardship'])[1 + (h.id % 3)::int] as category,
                   (array['illness', 'unstable_employment', 'education', 'industry_failure', 'accident'])[1 + ((h.id * 7) % 5)::int] as risk
            from household h
            where h.household_type = 'monitored'
              and not exists (select 1 from monitoring_case c where c.household_id = h.id and c.stage not in ('eliminated', 'rejected'))
          ), l as (
            insert into lead (household_id, county_code, region_code, source, reasons, status, found_on, created_at, updated_at, closed_at)
            select household_id, county_code, region_code, 'screening', '["income_below_line"]'::jsonb, 'case_opened',
                   found_on, ${at('found_on')}, ${at('found_on + 1')}, ${at('found_on + 1')}
            from src
            returning id, household_id
          ), c as (
            insert into monitoring_case (household_id, county_code, region_code, lead_id, category, risks, stage, found_on,
                                         due_on, notice_starts_on, identified_on, previous_household_type, created_at, updated_at)
            select s.household_id, s.county_code, s.region_code, l.id, s.category,
                   jsonb_build_array(jsonb_build_object('type', s.risk, 'subtype', null)), 'monitored', s.found_on,
                   s.found_on + 15, s.found_on + 5, s.found_on + 13,
                   case when s.category = 'unstable_ex_poor' then 'exited_poverty' else 'ordinary' end,
                   ${at('s.found_on + 1')}, ${at('s.found_on + 13')}
            from src s join l on l.household_id = s.household_id
            returning id, household_id, county_code, found_on, risks
          ), steps as (
            insert into case_step (case_id, county_code, action, from_stage, to_stage, note, actor_name, acted_at)
            select c.id, c.county_code, case when k = 1 then 'open' else 'advance' end,
                   (${sql.val(IDENTIFICATION)}::text[])[k], (${sql.val(IDENTIFICATION)}::text[])[k + 1],
                   case when k = 1 then '入户核实：情况属实' end, '演示数据', ${at('c.found_on + (k * 13) / 7')}
            from c cross join generate_series(1, 7) k
          ), measures as (
            insert into assistance_measure (case_id, household_id, county_code, category, item, starts_on, created_at, updated_at)
            select c.id, c.household_id, c.county_code, m.category, m.item, c.found_on + 14, ${at('c.found_on + 14')}, ${at('c.found_on + 14')}
            from c cross join lateral (
              select * from (values
                ('illness', 'health', '医疗救助（二次报销）'),
                ('unstable_employment', 'public_job', '乡村公益岗位'),
                ('education', 'other_education', '雨露计划职业教育补助'),
                ('industry_failure', 'industry', '到户产业奖补（养殖）'),
                ('accident', 'safety_net', '临时救助')
              ) v(risk, category, item)
              where v.risk = c.risks -> 0 ->> 'type'
            ) m
          )
          select count(*)::int as n from c
        `.execute(trx);

        // Cases eliminated during the year (the household keeps its type), about half as many as are monitored.
        const eliminated = await sql<{ n: number }>`
          with src as (
            select h.id as household_id, h.county_code, h.region_code, h.household_type,
                   ${today}::date - (220 + (h.id * 13) % 140)::int as found_on
            from household h
            where h.household_type in ('exited_poverty', 'ordinary') and h.id % 67 = 11
              and not exists (select 1 from monitoring_case c where c.household_id = h.id)
          ), l as (
            insert into lead (household_id, county_code, region_code, source, reasons, status, found_on, created_at, updated_at, closed_at)
            select household_id, county_code, region_code, 'cadre', '["income_drop"]'::jsonb, 'case_opened',
                   found_on, ${at('found_on')}, ${at('found_on + 1')}, ${at('found_on + 1')}
            from src returning id, household_id
          ), c as (
            insert into monitoring_case (household_id, county_code, region_code, lead_id, category, risks, stage, found_on, due_on,
                                         notice_starts_on, identified_on, elimination_mode, elimination_requested_on,
                                         eliminated_on, previous_household_type, created_at, updated_at)
            select s.household_id, s.county_code, s.region_code, l.id,
                   case when s.household_type = 'exited_poverty' then 'unstable_ex_poor' else 'marginal' end,
                   '[{"type": "unstable_employment", "subtype": null}]'::jsonb, 'eliminated', s.found_on, s.found_on + 15,
                   s.found_on + 5, s.found_on + 13, 'assisted', s.found_on + 190, s.found_on + 205, s.household_type,
                   ${at('s.found_on + 1')}, ${at('s.found_on + 205')}
            from src s join l on l.household_id = s.household_id
            returning id, household_id, county_code, found_on
          ), steps as (
            insert into case_step (case_id, county_code, action, from_stage, to_stage, note, actor_name, acted_at)
            select c.id, c.county_code, case when k = 1 then 'open' else 'advance' end,
                   (${sql.val(IDENTIFICATION)}::text[])[k], (${sql.val(IDENTIFICATION)}::text[])[k + 1], null, '演示数据',
                   ${at('c.found_on + (k * 13) / 7')}
            from c cross join generate_series(1, 7) k
            union all
            select c.id, c.county_code, case when k = 1 then 'request_elimination' else 'advance' end,
                   (${sql.val(ELIMINATION)}::text[])[k], (${sql.val(ELIMINATION)}::text[])[k + 1],
                   case when k = 5 then '帮扶消除：收入稳定超过监测范围' end, '演示数据', ${at('c.found_on + 188 + k * 3')}
            from c cross join generate_series(1, 5) k
          ), measures as (
            insert into assistance_measure (case_id, household_id, county_code, category, item, starts_on, ends_on, created_at, updated_at)
            select c.id, c.household_id, c.county_code, 'employment', '外出务工交通补贴', c.found_on + 14, c.found_on + 200,
                   ${at('c.found_on + 14')}, ${at('c.found_on + 14')}
            from c
          )
          select count(*)::int as n from c
        `.execute(trx);

        // Households being identified now, one stage each, found in the last two weeks.
        const identifying = await sql<{ n: number }>`
          with src as (
            select h.id as household_id, h.county_code, h.region_code, h.household_type,
                   ${today}::date - (2 + (h.id % 12))::int as found_on,
                   (${sql.val(IDENTIFYING_STAGES)}::text[])[1 + (h.id / 211 % 5)::int] as stage
            from household h
            where h.household_type in ('exited_poverty', 'ordinary') and h.id % 211 = 17
              and not exists (select 1 from monitoring_case c where c.household_id = h.id)
          ), l as (
            insert into lead (household_id, county_code, region_code, source, reasons, status, found_on, created_at, updated_at, closed_at)
            select household_id, county_code, region_code, 'screening', '["medical_spending"]'::jsonb, 'case_opened',
                   found_on, ${at('found_on')}, ${at('found_on')}, ${at('found_on')}
            from src returning id, household_id
          ), c as (
            insert into monitoring_case (household_id, county_code, region_code, lead_id, category, risks, stage, found_on, due_on,
                                         notice_starts_on, previous_household_type, created_at, updated_at)
            select s.household_id, s.county_code, s.region_code, l.id,
                   case when s.household_type = 'exited_poverty' then 'unstable_ex_poor' else 'sudden_hardship' end,
                   '[{"type": "illness", "subtype": null}]'::jsonb, s.stage, s.found_on, s.found_on + 15,
                   case when s.stage in ('public_notice', 'town_review', 'county_approval') then s.found_on + 1 end,
                   s.household_type, ${at('s.found_on')}, ${at('s.found_on')}
            from src s join l on l.household_id = s.household_id
            returning id, county_code, found_on, stage
          ), steps as (
            insert into case_step (case_id, county_code, action, from_stage, to_stage, note, actor_name, acted_at)
            select c.id, c.county_code, case when k = 1 then 'open' else 'advance' end,
                   (${sql.val(IDENTIFICATION)}::text[])[k], (${sql.val(IDENTIFICATION)}::text[])[k + 1], null, '演示数据',
                   ${at('c.found_on')}
            from c cross join generate_series(1, 7) k
            where k < array_position(${sql.val(IDENTIFICATION)}::text[], c.stage)
          )
          select count(*)::int as n from c
        `.execute(trx);

        // Leads verified over the year and closed as not at risk, and a few waiting now.
        const closedLeads = await sql<{ n: number }>`
          with src as (
            select h.id, h.county_code, h.region_code, ${today}::date - (20 + (h.id * 11) % 340)::int as found_on
            from household h
            where h.id % 37 = 5 and not exists (select 1 from lead l where l.household_id = h.id)
          ), l as (
            insert into lead (household_id, county_code, region_code, source, reasons, status, closed_reason, found_on,
                              created_at, updated_at, closed_at)
            select id, county_code, region_code,
                   (array['screening', 'department', 'cadre', 'visit'])[1 + (id % 4)::int],
                   '["income_near_line"]'::jsonb, 'closed', '入户核实：收入稳定，无返贫致贫风险', found_on,
                   ${at('found_on')}, ${at('found_on + 6')}, ${at('found_on + 6')}
            from src returning id, county_code, source, reasons, created_at
          ), signals as (
            insert into lead_signal (lead_id, county_code, source, reasons, created_at)
            select id, county_code, source, reasons, created_at from l
          )
          select count(*)::int as n from l
        `.execute(trx);
        const openLeads = await sql<{ n: number }>`
          with src as (
            select h.id, h.county_code, h.region_code, ${today}::date - (h.id % 9)::int as found_on
            from household h
            where h.id % 149 = 31 and not exists (select 1 from lead l where l.household_id = h.id)
          ), l as (
            insert into lead (household_id, county_code, region_code, source, reasons, status, found_on, created_at, updated_at)
            select id, county_code, region_code, 'screening', '["income_drop"]'::jsonb, 'open', found_on,
                   ${at('found_on')}, ${at('found_on')}
            from src returning id, county_code, source, reasons, created_at
          ), signals as (
            insert into lead_signal (lead_id, county_code, source, reasons, created_at)
            select id, county_code, source, reasons, created_at from l
          )
          select count(*)::int as n from l
        `.execute(trx);

        return {
          monitoredCases: monitored.rows[0]?.n ?? 0,
          eliminatedCases: eliminated.rows[0]?.n ?? 0,
          identifyingCases: identifying.rows[0]?.n ?? 0,
          closedLeads: closedLeads.rows[0]?.n ?? 0,
          openLeads: openLeads.rows[0]?.n ?? 0,
        };
      });
    },
  };
}

export type DemoHistoryRepository = ReturnType<typeof createDemoHistoryRepository>;
