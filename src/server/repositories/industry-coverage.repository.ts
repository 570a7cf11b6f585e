import { type Kysely, sql } from 'kysely';
import { HAS_LABOUR } from '../../shared/household-codes.js';
import type { DB } from '../db/schema.js';
import { escapeLike } from './scope-filter.js';

export interface CoverageCountRow {
  child: string;
  households: number;
  covered: number;
  measure: number;
  claim: number;
  linkage: number;
  courtyard: number;
}

export interface UncoveredRow {
  id: number;
  household_no: string | null;
  household_type: string;
  head_name: string;
  region_code: string;
  village_name: string;
  town_name: string | null;
  labour_members: number;
  last_visited_on: string | null;
}

/**
 * Industry coverage (产业帮扶覆盖): the 脱贫/监测 households with a member able to work, and the industry help each
 * got in the year as the modules recorded it — an industry measure on its case, a paid industry reward, a
 * farmer-linkage place, an accepted courtyard demo household. One statement per question, grouped in SQL.
 */
export function createIndustryCoverageRepository(db: Kysely<DB>) {
  const where = (column: string, prefixes: readonly string[]) =>
    prefixes.includes('')
      ? sql`true`
      : prefixes.length === 0
        ? sql`false`
        : sql.join(
            prefixes.map((p) => sql`${sql.ref(column)} like ${`${escapeLike(p)}%`}`),
            sql` or `,
          );

  /**
   * The households to cover in the scope, each with the kinds of help it had in `year`. A paid reward and a
   * linkage place also write a measure on a live case; those count under their own kind, not twice.
   */
  const covered = (prefixes: readonly string[], year: number) => sql`
    target as (
      select h.id, h.region_code,
             (select count(*)::int from person p
               where p.household_id = h.id and p.labour_skill = any(${sql.val([...HAS_LABOUR])}::text[])) as labour
      from household h
      where h.household_type in ('exited_poverty', 'monitored') and (${where('h.region_code', prefixes)})
    ),
    help as (
      select t.id, t.region_code, t.labour,
             exists (select 1 from assistance_measure m
                      where m.household_id = t.id and m.category = 'industry'
                        and m.source_kind is distinct from 'industry_claim'
                        and m.source_kind is distinct from 'linkage'
                        and m.starts_on <= make_date(${year}, 12, 31)
                        and (m.ends_on is null or m.ends_on >= make_date(${year}, 1, 1))) as measure,
             exists (select 1 from industry_claim ic join industry_scheme s on s.id = ic.scheme_id
                      where ic.household_id = t.id and s.year = ${year} and ic.stage = 'paid') as claim,
             exists (select 1 from linkage_household lh
                      where lh.household_id = t.id and lh.year = ${year}) as linkage,
             exists (select 1 from courtyard_household ch
                      where ch.household_id = t.id and ch.year = ${year}
                        and ch.stage in ('accepted', 'named')) as courtyard
      from target t
      where t.labour > 0
    )`;

  return {
    /** Per child region (the first `childLength` digits of the village code): households, covered, by kind. */
    async countsByChild(prefixes: readonly string[], childLength: number, year: number) {
      const result = await sql<CoverageCountRow>`
        with ${covered(prefixes, year)}
        select left(region_code, ${childLength}) as child,
               count(*)::int as households,
               count(*) filter (where measure or claim or linkage or courtyard)::int as covered,
               count(*) filter (where measure)::int as measure,
               count(*) filter (where claim)::int as claim,
               count(*) filter (where linkage)::int as linkage,
               count(*) filter (where courtyard)::int as courtyard
        from help group by 1 order by 1
      `.execute(db);
      return result.rows;
    },

    /** The households still without industry help in `year`, a page at a time, by place. */
    async uncovered(prefixes: readonly string[], year: number, page: { limit: number; offset: number }) {
      const result = await sql<UncoveredRow & { total: number }>`
        with ${covered(prefixes, year)}
        select h.id, h.household_no, h.household_type, h.head_name, h.region_code, v.name as village_name,
               t.name as town_name, u.labour as labour_members, h.last_visited_on::text as last_visited_on,
               count(*) over ()::int as total
        from help u
        join household h on h.id = u.id
        join region v on v.code = h.region_code
        left join region t on t.code = h.town_code
        where not (u.measure or u.claim or u.linkage or u.courtyard)
        order by h.region_code, h.id
        limit ${page.limit} offset ${page.offset}
      `.execute(db);
      return { items: result.rows, total: result.rows[0]?.total ?? 0 };
    },
  };
}

export type IndustryCoverageRepository = ReturnType<typeof createIndustryCoverageRepository>;
