import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Set-based writes of the demo's industry rewards: claims of one in two 脱贫 and 监测 households of a county on
 * its schemes, spread over every stage with the steps that led there, their village notices, and the industry
 * measure of each paid household with a live case.
 */
export function createDemoIndustryRewardRepository(db: Kysely<DB>) {
  return {
    async seedClaims(schemeIds: readonly number[], today: string): Promise<number> {
      if (schemeIds.length === 0) {
        return 0;
      }
      const on = (days: number) => sql`(${today}::date + ${days}::int)`;
      // The household's scheme (by id, so each household claims one), its scale and figures, and its stage.
      const inserted = await sql<{ n: number }>`
        with schemes as (
          select s.*, row_number() over (partition by s.county_code order by s.id) - 1 as k,
                 count(*) over (partition by s.county_code) as n
          from industry_scheme s where s.id in (${sql.join(schemeIds)})
        ),
        picked as (
          select h.id as household_id, h.county_code, h.region_code, s.id as scheme_id, s.rate_percent,
                 s.unit_cap, s.household_cap,
                 (case s.unit when 'mu' then 1.5 + (h.id % 6) when 'head' then 2 + (h.id % 5) else 1 end)::numeric(10, 2)
                   as scale,
                 (h.id / 2) % 10 as slot
          from household h join schemes s on s.county_code = h.county_code and s.k = (h.id / 20) % s.n
          where h.household_type = any (s.eligible_types) and h.id % 2 = 0
        ),
        figures as (
          select p.*, (p.scale * 5200 + (p.household_id % 7) * 310)::numeric(12, 2) as revenue
          from picked p
        ),
        costed as (
          select f.*, round(f.revenue * 0.38, 2) as cost from figures f
        ),
        ins as (
          insert into industry_claim (county_code, scheme_id, household_id, region_code, scale, revenue, cost,
            net_income, reward, cap_applied, source, stage, last_comment, paid_on, created_at)
          select c.county_code, c.scheme_id, c.household_id, c.region_code, c.scale, c.revenue, c.cost,
                 c.revenue - c.cost,
                 least(round((c.revenue - c.cost) * c.rate_percent / 100, 2), coalesce(c.scale * c.unit_cap,
                   c.household_cap), c.household_cap),
                 case when round((c.revenue - c.cost) * c.rate_percent / 100, 2) <= least(coalesce(c.scale * c.unit_cap,
                        c.household_cap), c.household_cap) then null
                      when c.scale * c.unit_cap is not null and c.scale * c.unit_cap <= c.household_cap then 'unit'
                      else 'household' end,
                 case when c.household_id % 3 = 0 then 'visit' else 'household' end,
                 (array['declared', 'village_checked', 'notice', 'town_reviewed', 'county_accepted', 'paid', 'paid',
                   'paid', 'paid', 'returned'])[c.slot + 1],
                 case when c.slot = 9 then '成本票据不全，请补充后重新申报' end,
                 case when c.slot between 5 and 8 then ${on(-3)} end,
                 ${on(-40)}::timestamptz
          from costed c
          returning id
        )
        select count(*)::int as n from ins`.execute(db);

      // Who the county checks on site, fixed when the township passed the claim (shared/industry-rewards.ts isSampled).
      await sql`
        update industry_claim set sampled = ((id * 2654435761) % 4294967296) % 5 = 0,
          on_site_note = case when ((id * 2654435761) % 4294967296) % 5 = 0
            and stage in ('county_accepted', 'paid') then '现场查看，规模属实' end
        where scheme_id in (${sql.join(schemeIds)}) and stage in ('town_reviewed', 'county_accepted', 'paid')`.execute(
        db,
      );

      // One notice per village and scheme: still running for the claims on notice, over for those past it.
      await sql`
        insert into public_notice (county_code, region_code, subject_kind, subject_id, purpose, channel, starts_on,
          ends_on)
        select distinct ic.county_code, ic.region_code, 'industry_reward', ic.scheme_id, 'claims', '村务公开栏',
          case when ic.stage = 'notice' then ${on(-5)} else ${on(-20)} end,
          case when ic.stage = 'notice' then ${on(4)} else ${on(-11)} end
        from industry_claim ic
        where ic.scheme_id in (${sql.join(schemeIds)})
          and ic.stage in ('notice', 'town_reviewed', 'county_accepted', 'paid')`.execute(db);
      await sql`
        update industry_claim ic set notice_id = n.id
        from public_notice n
        where ic.scheme_id in (${sql.join(schemeIds)}) and n.subject_kind = 'industry_reward'
          and n.subject_id = ic.scheme_id and n.region_code = ic.region_code
          and (n.ends_on > ${today}::date) = (ic.stage = 'notice')
          and ic.stage in ('notice', 'town_reviewed', 'county_accepted', 'paid')`.execute(db);

      // The steps that led to each claim's stage (its 办理记录).
      await sql`
        with steps (ord, action, to_stage, days, actor_name) as (
          values (0, 'declare', 'declared', -40, '村级经办人'), (1, 'check', 'village_checked', -35, '村级经办人'),
                 (2, 'notice', 'notice', -20, '村级经办人'), (3, 'review', 'town_reviewed', -9, '乡镇审核人'),
                 (4, 'accept', 'county_accepted', -6, '县级验收组'), (5, 'pay', 'paid', -3, '县乡村振兴局')
        ),
        reached as (
          select ic.*, array_position(array['declared', 'village_checked', 'notice', 'town_reviewed',
            'county_accepted', 'paid'], ic.stage) - 1 as ord
          from industry_claim ic where ic.scheme_id in (${sql.join(schemeIds)})
        )
        insert into industry_claim_event (county_code, claim_id, action, from_stage, to_stage, acted_on, actor_name,
          comment)
        select r.county_code, r.id, s.action, lag(s.to_stage) over (partition by r.id order by s.ord), s.to_stage,
               ${today}::date + case when s.action = 'notice' and r.stage = 'notice' then -5 else s.days end,
               s.actor_name, case when s.action = 'declare' and r.source = 'visit' then '走访时登记' end
        from reached r join steps s on s.ord <= coalesce(r.ord, 0)
        union all
        select r.county_code, r.id, 'send_back', 'declared', 'returned', ${on(-30)}, '村级经办人', r.last_comment
        from reached r where r.stage = 'returned'`.execute(db);

      // Entered once: a paid household with a live case has the reward as its industry measure.
      await sql`
        insert into assistance_measure (case_id, household_id, county_code, category, item, starts_on, ends_on, amount,
          provider, source_kind, source_id)
        select mc.id, ic.household_id, ic.county_code, 'industry', '产业奖补：' || s.item || ' ' || ic.reward || ' 元',
               ic.paid_on, make_date(s.year, 12, 31), ic.reward, r.name || '产业奖补', 'industry_claim', ic.id
        from industry_claim ic
        join industry_scheme s on s.id = ic.scheme_id
        join region r on r.code = ic.county_code
        join monitoring_case mc on mc.household_id = ic.household_id and mc.stage not in ('eliminated', 'rejected')
        where ic.scheme_id in (${sql.join(schemeIds)}) and ic.stage = 'paid'`.execute(db);
      return inserted.rows[0]?.n ?? 0;
    },
  };
}
