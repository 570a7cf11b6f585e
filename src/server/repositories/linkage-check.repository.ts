import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CheckResult, FindingAction, FindingStatus } from '../../shared/linkage-checks.js';
import type { DB } from '../db/schema.js';
import { escapeLike } from './scope-filter.js';

/** `column like 'p%' or …` for raw SQL: '' matches everything, an empty list nothing. */
function within(column: RawBuilder<unknown>, prefixes: readonly string[]): RawBuilder<boolean> {
  if (prefixes.includes('')) {
    return sql<boolean>`true`;
  }
  if (prefixes.length === 0) {
    return sql<boolean>`false`;
  }
  return sql<boolean>`(${sql.join(
    prefixes.map((p) => sql`${column} like ${`${escapeLike(p)}%`}`),
    sql` or `,
  )})`;
}

/** A county's campaign is visible to its county and city users and to every township in it. */
function campaignVisible(prefixes: readonly string[]): RawBuilder<boolean> {
  if (prefixes.includes('')) {
    return sql<boolean>`true`;
  }
  if (prefixes.length === 0) {
    return sql<boolean>`false`;
  }
  return sql<boolean>`(${sql.join(
    prefixes.map(
      (p) => sql`(c.county_code like ${`${escapeLike(p)}%`} or ${p} like left(c.county_code, 6) || '%')`,
    ),
    sql` or `,
  )})`;
}

export interface CampaignRow {
  id: number;
  county_code: string;
  county_name: string;
  name: string;
  year: number;
  starts_on: string;
  ends_on: string;
  check_items: string[];
  follow_up_items: string[];
  sample_percent: number;
  version: number;
  updated_at: Date;
  /** Counted over the sample within the reader's scope. */
  sampled: number;
  added_by_hand: number;
  checked: number;
  findings_open: number;
  findings_rectified: number;
  findings_verified: number;
  findings_overdue: number;
}

export interface SampleRow {
  agreement_id: number;
  added_by_hand: boolean;
  operator_id: number;
  operator_name: string;
  operator_region_code: string;
  region_name: string;
  mode: string;
  project_name: string | null;
  started_on: string;
  ended_on: string | null;
  linked: number;
  paid_households: number;
  total_benefit: string;
  check_id: number | null;
  checked_on: string | null;
  failed_items: number;
  findings_open: number;
  findings_overdue: number;
}

export interface CheckRow {
  id: number;
  campaign_id: number;
  agreement_id: number;
  county_code: string;
  checked_on: string;
  results: unknown;
  note: string | null;
  version: number;
  checked_by_name: string | null;
  updated_at: Date;
}

export interface FindingRow {
  id: number;
  check_id: number;
  campaign_id: number;
  county_code: string;
  agreement_id: number;
  operator_name: string;
  operator_region_code: string;
  region_name: string;
  checked_on: string;
  item: string;
  problem: string;
  follow_up_item: string;
  responsible_unit: string;
  deadline: string;
  status: FindingStatus;
  rectification_note: string | null;
  rectified_on: string | null;
  reopen_reason: string | null;
  version: number;
}

export interface FindingEventRow {
  id: number;
  finding_id: number;
  action: 'create' | FindingAction;
  acted_on: string;
  note: string | null;
  actor_name: string;
  created_at: Date;
}

export interface WorkOfLinkedRow {
  work_record_id: number;
  household_id: number;
  head_name: string | null;
  person_name: string;
  household_type: string;
  start_month: string;
  end_month: string | null;
  monthly_income: string | null;
}

export interface LeadFiguresRow {
  operator_id: number;
  operator_name: string;
  operator_type: string;
  region_code: string;
  region_name: string;
  county_code: string;
  lead_level: string | null;
  lead_certified_on: string | null;
  households: number;
  workers: number;
  agreements: number;
  payments: string;
  households_last: number;
  workers_last: number;
  agreements_last: number;
}

export interface CriteriaRow {
  county_code: string;
  min_households: number;
  min_workers: number;
  require_agreement: boolean;
  version: number;
}

export interface FindingInsert {
  check_id: number;
  campaign_id: number;
  county_code: string;
  item: string;
  problem: string;
  follow_up_item: string;
  responsible_unit: string;
  deadline: string;
  created_by: number | null;
}

/** "四查四促" campaigns, their samples, checks and findings, and the figures of 帮扶龙头企业, all set-based. */
export function createLinkageCheckRepository(db: Kysely<DB>) {
  // An agreement runs in a year when its term touches it.
  const runsIn = (year: number) =>
    sql<boolean>`extract(year from a.started_on) <= ${year} and (a.ended_on is null or extract(year from a.ended_on) >= ${year})`;

  const campaigns = (scope: readonly string[], today: string) => sql<CampaignRow>`
    select c.id::int, c.county_code, r.name as county_name, c.name, c.year, c.starts_on::text, c.ends_on::text,
           c.check_items, c.follow_up_items, c.sample_percent, c.version, c.updated_at,
           coalesce(s.sampled, 0)::int as sampled, coalesce(s.added_by_hand, 0)::int as added_by_hand,
           coalesce(s.checked, 0)::int as checked,
           coalesce(f.open, 0)::int as findings_open, coalesce(f.rectified, 0)::int as findings_rectified,
           coalesce(f.verified, 0)::int as findings_verified, coalesce(f.overdue, 0)::int as findings_overdue
    from linkage_check_campaign c
    join region r on r.code = c.county_code
    left join lateral (
      select count(*) as sampled, count(*) filter (where sm.added_by_hand) as added_by_hand, count(ch.id) as checked
      from linkage_check_sample sm
      join linkage_agreement a on a.id = sm.agreement_id
      join operator o on o.id = a.operator_id
      left join linkage_check ch on ch.campaign_id = sm.campaign_id and ch.agreement_id = sm.agreement_id
      where sm.campaign_id = c.id and ${within(sql.ref('o.region_code'), scope)}
    ) s on true
    left join lateral (
      select count(*) filter (where fi.status = 'open') as open,
             count(*) filter (where fi.status = 'rectified') as rectified,
             count(*) filter (where fi.status = 'verified') as verified,
             count(*) filter (where fi.status = 'open' and fi.deadline < ${today}::date) as overdue
      from linkage_check_finding fi
      join linkage_check ch on ch.id = fi.check_id
      join linkage_agreement a on a.id = ch.agreement_id
      join operator o on o.id = a.operator_id
      where fi.campaign_id = c.id and ${within(sql.ref('o.region_code'), scope)}
    ) f on true
    where ${campaignVisible(scope)}`;

  return {
    async listCampaigns(f: { scope: readonly string[]; year?: number | undefined; today: string }) {
      const year = f.year === undefined ? sql`true` : sql`c.year = ${f.year}`;
      const result = await sql<CampaignRow>`
        select * from (${campaigns(f.scope, f.today)} and ${year}) x order by year desc, id desc`.execute(db);
      return result.rows;
    },

    async findCampaign(
      id: number,
      scope: readonly string[],
      today: string,
    ): Promise<CampaignRow | undefined> {
      const result = await sql<CampaignRow>`${campaigns(scope, today)} and c.id = ${id}`.execute(db);
      return result.rows[0];
    },

    async insertCampaign(values: {
      county_code: string;
      name: string;
      year: number;
      starts_on: string;
      ends_on: string;
      check_items: string[];
      follow_up_items: string[];
      sample_percent: number;
      created_by: number | null;
    }): Promise<number> {
      const row = await db
        .insertInto('linkage_check_campaign')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async updateCampaign(
      id: number,
      version: number,
      values: {
        name: string;
        starts_on: string;
        ends_on: string;
        check_items: string[];
        follow_up_items: string[];
      },
    ): Promise<boolean> {
      const result = await db
        .updateTable('linkage_check_campaign')
        .set({ ...values, version: version + 1, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The county's agreements that run in the year: what a sample is drawn from. */
    async agreementsOfYear(countyCode: string, year: number): Promise<number[]> {
      const result = await sql<{ id: number }>`
        select a.id::int from linkage_agreement a where a.county_code = ${countyCode} and ${runsIn(year)}
        order by a.id`.execute(db);
      return result.rows.map((r) => r.id);
    },

    async insertSample(
      rows: {
        campaign_id: number;
        agreement_id: number;
        county_code: string;
        added_by_hand: boolean;
        added_by: number | null;
      }[],
    ): Promise<void> {
      if (rows.length > 0) {
        await db
          .insertInto('linkage_check_sample')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    },

    async isSampled(campaignId: number, agreementId: number): Promise<boolean> {
      const row = await db
        .selectFrom('linkage_check_sample')
        .select('agreement_id')
        .where('campaign_id', '=', campaignId)
        .where('agreement_id', '=', agreementId)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The sample within a scope, with each agreement's linkage of the year and its check's outcome. */
    async sample(
      campaignId: number,
      year: number,
      scope: readonly string[],
      today: string,
    ): Promise<SampleRow[]> {
      const result = await sql<SampleRow>`
        select a.id::int as agreement_id, sm.added_by_hand, o.id::int as operator_id, o.name as operator_name,
               o.region_code as operator_region_code, r.name as region_name, a.mode, p.name as project_name,
               a.started_on::text, a.ended_on::text,
               (select count(*)::int from linkage_household lh where lh.agreement_id = a.id and lh.year = ${year}) as linked,
               (select count(*)::int from linkage_household lh where lh.agreement_id = a.id and lh.year = ${year}
                  and exists (select 1 from linkage_benefit b where b.agreement_id = a.id and b.household_id = lh.household_id
                              and extract(year from b.paid_on) = ${year})) as paid_households,
               (select coalesce(sum(b.amount), 0.00)::text from linkage_benefit b
                  where b.agreement_id = a.id and extract(year from b.paid_on) = ${year}) as total_benefit,
               ch.id::int as check_id, ch.checked_on::text,
               coalesce((select count(*)::int from jsonb_array_elements(ch.results) e where e->>'result' = 'fails'), 0)
                 as failed_items,
               (select count(*)::int from linkage_check_finding fi where fi.check_id = ch.id and fi.status = 'open')
                 as findings_open,
               (select count(*)::int from linkage_check_finding fi where fi.check_id = ch.id and fi.status = 'open'
                  and fi.deadline < ${today}::date) as findings_overdue
        from linkage_check_sample sm
        join linkage_agreement a on a.id = sm.agreement_id
        join operator o on o.id = a.operator_id
        join region r on r.code = o.region_code
        left join project p on p.id = a.project_id
        left join linkage_check ch on ch.campaign_id = sm.campaign_id and ch.agreement_id = sm.agreement_id
        where sm.campaign_id = ${campaignId} and ${within(sql.ref('o.region_code'), scope)}
        order by o.region_code, a.id`.execute(db);
      return result.rows;
    },

    async findCheck(campaignId: number, agreementId: number): Promise<CheckRow | undefined> {
      const result = await sql<CheckRow>`
        select ch.id::int, ch.campaign_id::int, ch.agreement_id::int, ch.county_code, ch.checked_on::text, ch.results,
               ch.note, ch.version, u.display_name as checked_by_name, ch.updated_at
        from linkage_check ch left join app_user u on u.id = ch.checked_by
        where ch.campaign_id = ${campaignId} and ch.agreement_id = ${agreementId}`.execute(db);
      return result.rows[0];
    },

    async insertCheck(values: {
      campaign_id: number;
      agreement_id: number;
      county_code: string;
      checked_on: string;
      results: { item: string; result: CheckResult; note: string | null }[];
      note: string | null;
      checked_by: number | null;
    }): Promise<number> {
      const row = await db
        .insertInto('linkage_check')
        .values({ ...values, results: JSON.stringify(values.results) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async updateCheck(
      id: number,
      version: number,
      values: {
        checked_on: string;
        results: { item: string; result: CheckResult; note: string | null }[];
        note: string | null;
        checked_by: number | null;
      },
    ): Promise<boolean> {
      const result = await db
        .updateTable('linkage_check')
        .set({
          ...values,
          results: JSON.stringify(values.results),
          version: version + 1,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertFindings(
      rows: FindingInsert[],
      event: { acted_on: string; actor_id: number | null; actor_name: string },
    ) {
      if (rows.length === 0) {
        return [];
      }
      const inserted = await db
        .insertInto('linkage_check_finding')
        .values(rows)
        .returning(['id', 'county_code'])
        .execute();
      await db
        .insertInto('linkage_check_finding_event')
        .values(
          inserted.map((r) => ({
            finding_id: Number(r.id),
            county_code: r.county_code,
            action: 'create' as const,
            note: null,
            ...event,
          })),
        )
        .execute();
      return inserted.map((r) => Number(r.id));
    },

    /** Findings of a campaign within a scope (optionally of one check), with their agreement's operator. */
    async findings(f: {
      campaignId?: number;
      checkId?: number;
      findingId?: number;
      scope: readonly string[];
    }) {
      const result = await sql<FindingRow>`
        select fi.id::int, fi.check_id::int, fi.campaign_id::int, fi.county_code, ch.agreement_id::int,
               o.name as operator_name, o.region_code as operator_region_code, r.name as region_name,
               ch.checked_on::text, fi.item, fi.problem, fi.follow_up_item, fi.responsible_unit, fi.deadline::text,
               fi.status, fi.rectification_note, fi.rectified_on::text, fi.reopen_reason, fi.version
        from linkage_check_finding fi
        join linkage_check ch on ch.id = fi.check_id
        join linkage_agreement a on a.id = ch.agreement_id
        join operator o on o.id = a.operator_id
        join region r on r.code = o.region_code
        where ${within(sql.ref('o.region_code'), f.scope)}
          and ${f.campaignId === undefined ? sql`true` : sql`fi.campaign_id = ${f.campaignId}`}
          and ${f.checkId === undefined ? sql`true` : sql`fi.check_id = ${f.checkId}`}
          and ${f.findingId === undefined ? sql`true` : sql`fi.id = ${f.findingId}`}
        order by fi.deadline, fi.id`.execute(db);
      return result.rows;
    },

    async updateFinding(
      id: number,
      version: number,
      values: {
        status: FindingStatus;
        rectification_note?: string | null;
        rectified_on?: string | null;
        reopen_reason?: string | null;
        deadline?: string;
      },
    ): Promise<boolean> {
      const result = await db
        .updateTable('linkage_check_finding')
        .set({ ...values, version: version + 1, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertEvent(values: {
      finding_id: number;
      county_code: string;
      action: FindingAction;
      acted_on: string;
      note: string | null;
      actor_id: number | null;
      actor_name: string;
    }): Promise<void> {
      await db.insertInto('linkage_check_finding_event').values(values).execute();
    },

    async events(findingIds: readonly number[]): Promise<FindingEventRow[]> {
      if (findingIds.length === 0) {
        return [];
      }
      const result = await sql<FindingEventRow>`
        select id::int, finding_id::int, action, acted_on::text, note, actor_name, created_at
        from linkage_check_finding_event where finding_id in (${sql.join(findingIds)})
        order by finding_id, id`.execute(db);
      return result.rows;
    },

    /** For a 吸纳就业 agreement: the operator's work records of the year for members of the linked households. */
    async workOfLinked(agreementId: number, year: number): Promise<WorkOfLinkedRow[]> {
      const result = await sql<WorkOfLinkedRow>`
        select w.id::int as work_record_id, h.id::int as household_id, h.head_name, pe.name as person_name,
               h.household_type, to_char(w.start_month, 'YYYY-MM') as start_month,
               to_char(w.end_month, 'YYYY-MM') as end_month, w.monthly_income::text
        from linkage_household lh
        join linkage_agreement a on a.id = lh.agreement_id
        join work_record w on w.household_id = lh.household_id and w.operator_id = a.operator_id
        join household h on h.id = lh.household_id
        join person pe on pe.id = w.person_id
        where lh.agreement_id = ${agreementId} and lh.year = ${year}
          and w.start_month <= make_date(${year}, 12, 1)
          and (w.end_month is null or w.end_month >= make_date(${year}, 1, 1))
        order by h.region_code, h.id, w.start_month`.execute(db);
      return result.rows;
    },

    /**
     * Each operator's figures for a year and the year before, counted from the linkage and work records: 脱贫/监测
     * households linked, 脱贫/监测 workers whose work record names it, agreements running, and payments of the year.
     * Lists certified lead enterprises and every operator with any linkage or workers.
     */
    async leadFigures(f: {
      scope: readonly string[];
      regionPrefixes?: readonly string[] | undefined;
      operatorId?: number | undefined;
      year: number;
    }): Promise<LeadFiguresRow[]> {
      const picked = f.regionPrefixes ? within(sql.ref('o.region_code'), f.regionPrefixes) : sql`true`;
      const one = f.operatorId === undefined ? sql`true` : sql`o.id = ${f.operatorId}`;
      const result = await sql<LeadFiguresRow>`
        with ops as (
          select o.id from operator o
          where ${within(sql.ref('o.region_code'), f.scope)} and ${picked} and ${one}
        ),
        years (y) as (values (${f.year}::int), (${f.year - 1}::int)),
        hh as (
          select a.operator_id, lh.year as y, count(distinct lh.household_id) as n
          from linkage_household lh
          join linkage_agreement a on a.id = lh.agreement_id
          join household h on h.id = lh.household_id
          where a.operator_id in (select id from ops) and lh.year in (${f.year}, ${f.year - 1})
            and h.household_type in ('exited_poverty', 'monitored')
          group by a.operator_id, lh.year
        ),
        wk as (
          select w.operator_id, years.y, count(distinct w.person_id) as n
          from work_record w
          join household h on h.id = w.household_id
          join years on w.start_month <= make_date(years.y, 12, 1)
            and (w.end_month is null or w.end_month >= make_date(years.y, 1, 1))
          where w.operator_id in (select id from ops) and h.household_type in ('exited_poverty', 'monitored')
          group by w.operator_id, years.y
        ),
        ag as (
          select a.operator_id, years.y, count(*) as n
          from linkage_agreement a
          join years on extract(year from a.started_on) <= years.y
            and (a.ended_on is null or extract(year from a.ended_on) >= years.y)
          where a.operator_id in (select id from ops)
          group by a.operator_id, years.y
        ),
        pay as (
          select a.operator_id, sum(b.amount) as total
          from linkage_benefit b
          join linkage_agreement a on a.id = b.agreement_id
          where a.operator_id in (select id from ops) and extract(year from b.paid_on) = ${f.year}
          group by a.operator_id
        )
        select o.id::int as operator_id, o.name as operator_name, o.operator_type, o.region_code, r.name as region_name,
               o.county_code, o.lead_level, o.lead_certified_on::text,
               coalesce(hh1.n, 0)::int as households, coalesce(wk1.n, 0)::int as workers,
               coalesce(ag1.n, 0)::int as agreements, coalesce(pay.total, 0.00)::text as payments,
               coalesce(hh0.n, 0)::int as households_last, coalesce(wk0.n, 0)::int as workers_last,
               coalesce(ag0.n, 0)::int as agreements_last
        from operator o
        join ops on ops.id = o.id
        join region r on r.code = o.region_code
        left join hh hh1 on hh1.operator_id = o.id and hh1.y = ${f.year}
        left join hh hh0 on hh0.operator_id = o.id and hh0.y = ${f.year - 1}
        left join wk wk1 on wk1.operator_id = o.id and wk1.y = ${f.year}
        left join wk wk0 on wk0.operator_id = o.id and wk0.y = ${f.year - 1}
        left join ag ag1 on ag1.operator_id = o.id and ag1.y = ${f.year}
        left join ag ag0 on ag0.operator_id = o.id and ag0.y = ${f.year - 1}
        left join pay on pay.operator_id = o.id
        where o.lead_level is not null or hh1.n is not null or wk1.n is not null or ag1.n is not null
          or ${f.operatorId === undefined ? sql`false` : sql`true`}
        order by o.county_code, (o.lead_level is null), o.region_code, o.id`.execute(db);
      return result.rows;
    },

    async criteria(countyCodes: readonly string[]): Promise<CriteriaRow[]> {
      if (countyCodes.length === 0) {
        return [];
      }
      return db
        .selectFrom('lead_enterprise_criteria')
        .select(['county_code', 'min_households', 'min_workers', 'require_agreement', 'version'])
        .where('county_code', 'in', countyCodes)
        .execute();
    },

    /** Saves a county's criteria under the version seen (0: none saved yet); false when someone saved first. */
    async saveCriteria(values: {
      county_code: string;
      min_households: number;
      min_workers: number;
      require_agreement: boolean;
      updated_by: number | null;
      version: number;
    }): Promise<boolean> {
      const { version, ...rest } = values;
      if (version === 0) {
        const inserted = await db
          .insertInto('lead_enterprise_criteria')
          .values(rest)
          .onConflict((oc) => oc.column('county_code').doNothing())
          .returning('county_code')
          .executeTakeFirst();
        return inserted !== undefined;
      }
      const result = await db
        .updateTable('lead_enterprise_criteria')
        .set({ ...rest, version: version + 1, updated_at: sql`now()` })
        .where('county_code', '=', values.county_code)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type LinkageCheckRepository = ReturnType<typeof createLinkageCheckRepository>;
