import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** 宛城区 and 卧龙区, the demo counties. */
const DEMO_COUNTIES = ['411302000000', '411303000000'] as const;

/**
 * Set-based writes of the demo's courtyard economy (庭院经济示范): in each demo county the villages with the most
 * 脱贫/监测 households, at every stage (named, accepted, building, nominated, failed), 12 households each; the
 * county's list notice; the 验收 results and the households' courtyard income as their business income item;
 * courtyard income typed on the registry for some other households of the villages; and the steps.
 */
export function createDemoCourtyardRepository(db: Kysely<DB>) {
  return {
    async seed(today: string): Promise<number> {
      const year = Number(today.slice(0, 4));
      const on = (days: number) => sql`(${today}::date + ${days}::int)`;
      await sql`
        insert into courtyard_criteria (county_code, year)
        select code, ${year}::int from region where code in (${sql.join(DEMO_COUNTIES)})
        on conflict do nothing`.execute(db);

      // The villages by rank of eligible households; stage by rank.
      await sql`
        with counted as (
          select h.county_code, h.town_code, h.region_code, count(*) as n
          from household h where h.household_type in ('exited_poverty', 'monitored')
            and h.county_code in (${sql.join(DEMO_COUNTIES)})
          group by h.county_code, h.town_code, h.region_code having count(*) >= 3
        ),
        ranked as (
          select c.*, row_number() over (partition by c.county_code order by c.n desc, c.region_code) as k from counted c
        )
        insert into courtyard_village (county_code, town_code, region_code, year, stage, accepted_on, named_on,
          fail_reason, last_comment, created_at)
        select r.county_code, r.town_code, r.region_code, ${year}::int,
          r.stage,
          case when r.stage in ('accepted', 'named', 'failed') then ${on(-6)} end,
          case when r.stage = 'named' then ${on(-2)} end,
          case when r.stage = 'failed' then '达标示范户不足10户' end,
          case when r.stage = 'failed' then '达标示范户不足10户' end,
          ${on(-60)}::timestamptz
        from (select r.*, case when r.k = 1 and r.n >= 10 then 'named' when r.k = 1 then 'accepted'
            else (array['failed', 'accepted', 'building', 'nominated', 'building', 'nominated', 'accepted'])[r.k - 1]
            end as stage
          from ranked r) r
        where r.stage is not null
        on conflict do nothing`.execute(db);

      await sql`
        insert into public_notice (county_code, region_code, subject_kind, subject_id, purpose, channel, starts_on,
          ends_on)
        select cv.county_code, cv.region_code, 'courtyard', cv.id, 'courtyard_demo', '县政府网站',
          case when cv.stage = 'building' then ${on(-4)} else ${on(-40)} end,
          case when cv.stage = 'building' then ${on(6)} else ${on(-30)} end
        from courtyard_village cv where cv.year = ${year} and cv.stage <> 'nominated'`.execute(db);
      await sql`
        update courtyard_village cv set notice_id = n.id from public_notice n
        where n.subject_kind = 'courtyard' and n.subject_id = cv.id and cv.year = ${year}`.execute(db);

      // 12 eligible households per village; in a named village the first 10 are named, the others failed.
      const inserted = await sql<{ n: number }>`
        with picked as (
          select h.id as household_id, cv.id as village_id, cv.county_code, cv.region_code, cv.stage as vstage,
            cv.notice_id, row_number() over (partition by cv.id order by h.id) as k
          from courtyard_village cv join household h on h.region_code = cv.region_code
          where cv.year = ${year} and h.household_type in ('exited_poverty', 'monitored')
        ),
        staged as (
          select p.*, case
            when p.vstage = 'named' and p.k <= 10 then 'named'
            when p.vstage = 'named' then 'failed'
            when p.vstage = 'failed' and p.k <= 6 then 'accepted'
            when p.vstage = 'failed' then 'failed'
            else p.vstage end as stage
          from picked p where p.k <= 12
        ),
        ins as (
          insert into courtyard_household (county_code, village_id, household_id, region_code, year, stage, notice_id,
            activities, scale, scale_unit, net_income, clean_yard, result_note, accepted_on, named_on, fail_reason,
            last_comment, created_at)
          select s.county_code, s.village_id, s.household_id, s.region_code, ${year}::int, s.stage, s.notice_id,
            case when s.stage not in ('accepted', 'named', 'failed') then '{}'::text[]
                 else (case s.household_id % 5 when 0 then array['planting'] when 1 then array['breeding']
                   when 2 then array['planting', 'breeding'] when 3 then array['processing']
                   else array['tourism', 'services'] end) end,
            case when s.stage in ('accepted', 'named', 'failed') then (0.5 + (s.household_id % 4) * 0.5)::numeric(10, 2) end,
            case when s.stage in ('accepted', 'named', 'failed') then
              (case when s.household_id % 5 = 1 then 'head' else 'mu' end) end,
            case when s.stage in ('accepted', 'named') then (3000 + (s.household_id % 20) * 185.5)::numeric(12, 2)
                 when s.stage = 'failed' then (1200 + (s.household_id % 10) * 90)::numeric(12, 2) end,
            case when s.stage in ('accepted', 'named', 'failed') then s.stage <> 'failed' or s.household_id % 2 = 0 end,
            case when s.stage in ('accepted', 'named', 'failed') then '县乡联合验收组现场查看' end,
            case when s.stage in ('accepted', 'named', 'failed') then ${on(-6)} end,
            case when s.stage = 'named' then ${on(-2)} end,
            case when s.stage = 'failed' then '庭院经济纯收入未达3000元' end,
            case when s.stage = 'failed' then '庭院经济纯收入未达3000元' end,
            ${on(-60)}::timestamptz
          from staged s
          on conflict do nothing
          returning id
        )
        select count(*)::int as n from ins`.execute(db);

      // Entered once: the 验收 income is the household's business income of the year, pointing back to the record.
      await sql`
        insert into income_item (household_id, county_code, category, item, amount, is_counted, period_start,
          period_end, note, source_kind, source_id)
        select ch.household_id, ch.county_code, 'business',
          '庭院经济（' || array_to_string(array(select case a when 'planting' then '种植' when 'breeding' then '养殖'
            when 'processing' then '加工' when 'tourism' then '乡村旅游' when 'services' then '服务' else '其他' end
            from unnest(ch.activities) a), '、') || '）',
          ch.net_income, true, make_date(${year}, 1, 1), make_date(${year}, 12, 31), '庭院经济示范户验收时记录',
          'courtyard_household', ch.id
        from courtyard_household ch
        where ch.year = ${year} and ch.net_income is not null
        on conflict do nothing`.execute(db);

      // Other households of the villages with courtyard income typed on the registry (庭院…): one in three.
      await sql`
        insert into income_item (household_id, county_code, category, item, amount, is_counted, period_start,
          period_end, note)
        select h.id, h.county_code, 'business', '庭院种植', (800 + (h.id % 9) * 120)::numeric(12, 2), true,
          make_date(${year}, 1, 1), make_date(${year}, 12, 31), '入户核实'
        from household h join courtyard_village cv on cv.region_code = h.region_code and cv.year = ${year}
        where h.id % 3 = 0
          and not exists (select 1 from courtyard_household ch where ch.household_id = h.id and ch.year = ${year})`.execute(
        db,
      );

      // The steps that led to each stage.
      await sql`
        with steps (ord, action, to_stage, days, actor_name) as (
          values (0, 'nominate', 'nominated', -60, '乡镇经办人'), (1, 'select', 'building', -40, '县乡村振兴局'),
                 (2, 'accept', 'accepted', -6, '县乡联合验收组'), (3, 'name', 'named', -2, '县乡村振兴局')
        ),
        subjects as (
          select 'village' as kind, id, county_code, stage, fail_reason from courtyard_village where year = ${year}
          union all
          select 'household', id, county_code, stage, fail_reason from courtyard_household where year = ${year}
        ),
        reached as (
          select s.*, case s.stage when 'nominated' then 0 when 'building' then 1 when 'accepted' then 2
            when 'named' then 3 when 'failed' then 2 end as ord
          from subjects s
        )
        insert into courtyard_event (county_code, subject_kind, subject_id, action, from_stage, to_stage, acted_on,
          actor_name, comment)
        select r.county_code, r.kind, r.id, s.action, lag(s.to_stage) over (partition by r.kind, r.id order by s.ord),
          s.to_stage, ${today}::date + s.days, s.actor_name, null
        from reached r join steps s on s.ord <= r.ord
        union all
        select r.county_code, r.kind, r.id, 'fail', 'accepted', 'failed', ${on(-2)}, '县乡村振兴局', r.fail_reason
        from reached r where r.stage = 'failed'`.execute(db);
      return inserted.rows[0]?.n ?? 0;
    },
  };
}
