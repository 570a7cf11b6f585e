import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** A date expression over the statement's columns as a Shanghai timestamp (09:00), for created_at columns. */
export const at = (day: string) => sql.raw(`((${day}) + time '09:00') at time zone 'Asia/Shanghai'`);

/** Stages at which a case has (or had) a helper: from the announcement on (isUnderMonitoring, and after). */
const HELPED_STAGES = [
  'announcement',
  'monitored',
  'safety_net',
  'elim_home_check',
  'elim_public_notice',
  'elim_town_review',
  'elim_county_approval',
  'eliminated',
];

/** Surnames and given names of the demo's helpers, drawn by id so every machine shows the same people. */
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '建国',
  '海燕',
  '志强',
  '丽娟',
  '国庆',
  '红梅',
  '伟',
  '静',
  '军',
  '敏',
  '磊',
  '芳',
  '勇',
  '霞',
  '涛',
  '娜',
];
/** Units a county sends its public servants from (国家公职人员, work plan point 3). */
const UNITS = [
  '农业农村局',
  '教育局',
  '卫生健康委员会',
  '财政局',
  '人力资源和社会保障局',
  '水利局',
  '住房和城乡建设局',
  '民政局',
];
/** Households one demo helper looks after. */
const HOUSEHOLDS_PER_HELPER = 4;

/**
 * The field work of the demo's year, set-based: helpers (帮扶责任人) for every case that reached the
 * announcement, and visits on each household's own cadence. Only for a freshly generated demo registry.
 */
export function createDemoWorkRepository(db: Kysely<DB>) {
  return {
    /**
     * One public servant per few cases in each village (the demo village's cases all go to `demoHelper`), each
     * case's helper from its announcement (identified_on) to its elimination; cases that already have a helper
     * keep theirs. Returns the helpers created and the assignments made.
     */
    async assignHelpers(input: {
      today: string;
      passwordHash: string;
      demoHelper: { id: number; village: string } | null;
    }): Promise<{ helpers: number; assignments: number }> {
      return db.transaction().execute(async (trx) => {
        const cases = sql`
          select c.id, c.household_id, c.county_code, c.region_code, c.eliminated_on,
                 least(coalesce(c.identified_on, c.found_on + 13), ${input.today}::date) as starts_on,
                 row_number() over (partition by c.region_code order by c.id) as k
          from monitoring_case c
          where c.stage = any(${sql.val(HELPED_STAGES)}::text[])
            and not exists (select 1 from helper_assignment a where a.household_id = c.household_id
                            and (a.ends_on is null or a.ends_on >= coalesce(c.eliminated_on, ${input.today}::date)))
        `;
        const demoVillage = input.demoHelper?.village ?? '-';
        const helpers = await sql<{ n: number }>`
          with needed as (
            select region_code, county_code, ((count(*) - 1) / ${HOUSEHOLDS_PER_HELPER} + 1)::int as n
            from (${cases}) c where region_code <> ${demoVillage} group by 1, 2
          ), added as (
            insert into app_user (username, display_name, role, region_code, county_code, unit, password_hash)
            select 'helper_' || n.region_code || '_' || i,
                   (${sql.val(SURNAMES)}::text[])[1 + (substr(n.region_code, 7)::bigint * 7 + i * 3) % ${SURNAMES.length}]
                     || (${sql.val(GIVEN)}::text[])[1 + (substr(n.region_code, 7)::bigint * 5 + i * 11) % ${GIVEN.length}],
                   'helper', n.region_code, n.county_code,
                   county.name || (${sql.val(UNITS)}::text[])[1 + (substr(n.region_code, 7)::bigint + i) % ${UNITS.length}],
                   ${input.passwordHash}
            from needed n
            join region county on county.code = n.county_code
            cross join generate_series(1, n.n) i
            on conflict do nothing
            returning 1
          )
          select count(*)::int as n from added
        `.execute(trx);
        const assignments = await sql<{ n: number }>`
          with c as (${cases}), added as (
            insert into helper_assignment (household_id, user_id, county_code, starts_on, ends_on, created_at)
            select c.household_id, coalesce(case when c.region_code = ${demoVillage} then ${input.demoHelper?.id ?? null}::int end, u.id),
                   c.county_code, c.starts_on, c.eliminated_on, ${at('c.starts_on')}
            from c
            left join app_user u on u.username = 'helper_' || c.region_code || '_' || ((c.k - 1) / ${HOUSEHOLDS_PER_HELPER} + 1)
            where c.region_code = ${demoVillage} or u.id is not null
            on conflict do nothing
            returning 1
          )
          select count(*)::int as n from added
        `.execute(trx);
        return { helpers: helpers.rows[0]?.n ?? 0, assignments: assignments.rows[0]?.n ?? 0 };
      });
    },

    /**
     * Visits since each household's own start — its entry into the registry, or for a monitored household the
     * home check when its lead was found and then its identification — on its cadence, a few days early as a
     * rule and about one visit in thirty late; the monitored households' visits since identification by their
     * helper. About one household in twenty-five has missed its latest visit (overdue now).
     */
    async seedVisits(input: { today: string; visitorId: number; visitorName: string }): Promise<number> {
      const result = await sql<{ n: number }>`
        with recursive base as (
          select h.id, h.county_code, h.region_code, h.household_type, p.months, c.found_on,
                 c.identified_on is not null as monitored,
                 coalesce(c.identified_on + (h.id % 7)::int,
                          (h.created_at at time zone 'Asia/Shanghai')::date
                            + ((h.id * 7) % greatest(p.months * 30 - 6, 1))::int) as first_on,
                 helper.user_id as helper_id, helper.display_name as helper_name
          from household h
          join visit_policy p on p.household_type = h.household_type
          left join monitoring_case c on c.household_id = h.id and c.identified_on is not null
            and c.stage not in ('eliminated', 'rejected')
          left join lateral (
            select a.user_id, u.display_name from helper_assignment a join app_user u on u.id = a.user_id
            where a.household_id = h.id and a.ends_on is null order by a.starts_on desc limit 1
          ) helper on true
          where not exists (select 1 from visit x where x.household_id = h.id)
        ), schedule as (
          -- Each visit counted from the one before (a cadence on, a few days early), so only the late ones
          -- (about one in thirty, 5–18 days) leave a gap longer than the cadence.
          select b.id, 0 as k, b.first_on as visited_on from base b
          union all
          select s.id, s.k + 1,
                 (s.visited_on + make_interval(months => b.months))::date - ((s.id + s.k) % 5)::int
                   + case when (s.id * 31 + s.k * 17) % 29 = 0 then (5 + (s.id + s.k) % 14)::int else 0 end
          from schedule s join base b on b.id = s.id
          where s.k < 24 and s.visited_on <= ${input.today}::date
        ), planned as (
          select b.*, b.found_on + 1 as visited_on, false as by_helper from base b where b.monitored
          union all
          select b.*, s.visited_on, b.monitored from base b join schedule s on s.id = b.id
        ), v as (
          insert into visit (id, household_id, county_code, region_code, visitor_id, visitor_name, visited_on,
                             income_note, note, created_at)
          select gen_random_uuid(), p.id, p.county_code, p.region_code,
                 case when p.by_helper and p.helper_id is not null then p.helper_id else ${input.visitorId} end,
                 case when p.by_helper and p.helper_id is not null then p.helper_name else ${input.visitorName} end,
                 p.visited_on,
                 case when p.household_type in ('monitored', 'exited_poverty') then '收入稳定' end,
                 case when p.by_helper then '帮扶责任人入户走访，落实帮扶措施' else '入户走访，家中情况正常' end,
                 ${at('p.visited_on')}
          from planned p
          where p.visited_on <= ${input.today}::date
            and (p.id % 25 <> 3 or p.visited_on < (${input.today}::date - make_interval(months => p.months))::date - 3)
          returning household_id, visited_on
        ), last as (
          select household_id, max(visited_on) as last from v group by household_id
        ), upd as (
          update household h set last_visited_on = greatest(h.last_visited_on, last.last)
          from last where last.household_id = h.id
        )
        select count(*)::int as n from v
      `.execute(db);
      return result.rows[0]?.n ?? 0;
    },

    /**
     * Sign-offs of the self-check (一月一自查) for closed months, by the given signers, each two days after the
     * month's end. The checklist kept with a sign-off is the month's own figures as closed (late
     * identifications, overdue visits), not today's. Returns the sign-offs written.
     */
    async signSelfChecks(input: {
      months: readonly string[];
      signers: ReadonlyArray<{ regionCode: string; level: 'village' | 'town'; userId: number; name: string }>;
    }): Promise<number> {
      if (input.months.length === 0 || input.signers.length === 0) {
        return 0;
      }
      const result = await sql<{ n: number }>`
        with signer as (
          select * from unnest(${sql.val(input.signers.map((x) => x.regionCode))}::text[],
                               ${sql.val(input.signers.map((x) => x.level))}::text[],
                               ${sql.val(input.signers.map((x) => x.userId))}::int[],
                               ${sql.val(input.signers.map((x) => x.name))}::text[]) as s(region_code, level, user_id, name)
        ), added as (
          insert into self_check (month, region_code, county_code, level, items, note, signed_by, signed_by_name, signed_at)
          select f.month, s.region_code, left(s.region_code, 6) || '000000', s.level,
                 jsonb_build_array(
                   jsonb_build_object('code', 'late_identifications', 'count', coalesce((f.figures ->> 'lateIdentifications')::int, 0),
                                      'link', '/cases?group=late'),
                   jsonb_build_object('code', 'visits_overdue', 'count', coalesce((f.figures ->> 'visitsOverdue')::int, 0),
                                      'link', '/visits?overdueOnly=true')),
                 case when coalesce((f.figures ->> 'visitsOverdue')::int, 0) > 0 then '逾期走访已安排补访' end,
                 s.user_id, s.name,
                 ${at("(to_date(f.month || '-01', 'YYYY-MM-DD') + interval '1 month')::date + 1")}
          from signer s
          join month_figure f on f.region_code = s.region_code and f.month = any(${sql.val([...input.months])}::text[])
          on conflict do nothing
          returning 1
        )
        select count(*)::int as n from added
      `.execute(db);
      return result.rows[0]?.n ?? 0;
    },
  };
}

export type DemoWorkRepository = ReturnType<typeof createDemoWorkRepository>;
