import { type Kysely, sql } from 'kysely';
import type { FeedType } from '../../shared/feed-types.js';
import type { DB } from '../db/schema.js';
import { escapeLike, inScope } from './scope-filter.js';
import { conflictOnDuplicate } from './unique-violation.js';

export interface StagedFeedRow {
  rowNo: number;
  countyCode: string;
  name: string;
  idHash: string;
  idMasked: string;
  amount: number | null;
  grade: string | null;
  category: string | null;
  changeType: string | null;
  eventOn: string | null;
  detail: string | null;
}

export interface NewFeed {
  department: string;
  feedType: FeedType;
  period: string;
  regionCode: string;
  scopeCode: string;
  source: 'upload' | 'api';
  filename: string | null;
  sha256: string;
  idempotencyKey: string | null;
  status: 'imported' | 'partial' | 'refused';
  totalRows: number;
  acceptedRows: number;
  refusedRows: number;
  problems: unknown;
  notes: unknown;
  createdBy: number | null;
  createdByName: string;
}

const CHUNK = 20_000;

/**
 * Department feeds: the upload record, its rows staged and matched to persons by ID hash in one join,
 * and the alerts the enabled rules raise, all set-based (no statement per row).
 */
export function createDepartmentFeedRepository(db: Kysely<DB>) {
  return {
    /** An accepted feed with the same content or idempotency key (the re-send of one already taken). */
    findAccepted(department: string, feedType: FeedType, sha256: string, idempotencyKey: string | null) {
      return db
        .selectFrom('dept_feed')
        .selectAll()
        .where('department', '=', department)
        .where('status', '<>', 'refused')
        .where((eb) =>
          eb.or([
            eb.and([eb('feed_type', '=', feedType), eb('sha256', '=', sha256)]),
            ...(idempotencyKey ? [eb('idempotency_key', '=', idempotencyKey)] : []),
          ]),
        )
        .orderBy('id')
        .executeTakeFirst();
    },

    /** The accepted feed of a department sent under an idempotency key, whatever its content. */
    findByIdempotencyKey(department: string, idempotencyKey: string) {
      return db
        .selectFrom('dept_feed')
        .selectAll()
        .where('department', '=', department)
        .where('status', '<>', 'refused')
        .where('idempotency_key', '=', idempotencyKey)
        .executeTakeFirst();
    },

    /** A second copy of an accepted feed (same file or idempotency key) meets the unique index: CONFLICT. */
    async insertFeed(feed: NewFeed): Promise<number> {
      const row = await conflictOnDuplicate(
        () =>
          db
            .insertInto('dept_feed')
            .values({
              department: feed.department,
              feed_type: feed.feedType,
              period: feed.period,
              region_code: feed.regionCode,
              scope_code: feed.scopeCode,
              source: feed.source,
              filename: feed.filename,
              sha256: feed.sha256,
              idempotency_key: feed.idempotencyKey,
              status: feed.status,
              total_rows: feed.totalRows,
              accepted_rows: feed.acceptedRows,
              refused_rows: feed.refusedRows,
              problems: JSON.stringify(feed.problems),
              notes: JSON.stringify(feed.notes),
              created_by: feed.createdBy,
              created_by_name: feed.createdByName,
            })
            .returning('id')
            .executeTakeFirstOrThrow(),
        '该数据已报送',
      );
      return Number(row.id);
    },

    /**
     * Stages the rows in a temporary table (bulk inserts of arrays through unnest), then writes them
     * into dept_feed_row joined to person and household by id_hash in one statement: a row is matched,
     * out of the feed's scope, or unmatched. Runs inside the caller's transaction.
     */
    async stageAndMatch(feedId: number, scopeCode: string, rows: readonly StagedFeedRow[]) {
      await sql`create temp table if not exists feed_stage (
          row_no integer, county_code text, name text, id_hash text, id_masked text, amount numeric(12, 2),
          grade text, category text, change_type text, event_on date, detail text
        ) on commit drop`.execute(db);
      await sql`truncate feed_stage`.execute(db);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const col = <T>(pick: (r: StagedFeedRow) => T) => chunk.map(pick);
        await sql`insert into feed_stage
          select * from unnest(${col((r) => r.rowNo)}::integer[], ${col((r) => r.countyCode)}::text[],
            ${col((r) => r.name)}::text[], ${col((r) => r.idHash)}::text[], ${col((r) => r.idMasked)}::text[],
            ${col((r) => r.amount)}::numeric[], ${col((r) => r.grade)}::text[], ${col((r) => r.category)}::text[],
            ${col((r) => r.changeType)}::text[], ${col((r) => r.eventOn)}::date[], ${col((r) => r.detail)}::text[])`.execute(
          db,
        );
      }
      // Without statistics the planner guesses the temporary table's size; a join of a million rows needs them.
      await sql`analyze feed_stage`.execute(db);
      const inScope = scopeCode === '' ? sql`true` : sql`h.region_code like ${`${escapeLike(scopeCode)}%`}`;
      const result = await sql<{ matched: number; unmatched: number }>`
        with written as (
          insert into dept_feed_row (feed_id, county_code, row_no, name, id_hash, id_masked, amount, grade,
                                     category, change_type, event_on, detail, person_id, household_id, match_status)
          select ${feedId}, coalesce(case when ${inScope} then h.county_code end, s.county_code), s.row_no, s.name,
                 s.id_hash, s.id_masked, s.amount, s.grade, s.category, s.change_type, s.event_on, s.detail,
                 case when ${inScope} then p.id end, case when ${inScope} then h.id end,
                 case when h.id is null then 'unmatched' when ${inScope} then 'matched' else 'out_of_scope' end
          from feed_stage s
          left join person p on p.id_hash = s.id_hash
          left join household h on h.id = p.household_id
          returning match_status
        )
        select count(*) filter (where match_status = 'matched')::int as matched,
               count(*) filter (where match_status <> 'matched')::int as unmatched
        from written`.execute(db);
      return result.rows[0] ?? { matched: 0, unmatched: 0 };
    },

    /**
     * Raises the alerts of the feed's persons under every enabled rule of its type, for the household types
     * the rule covers (the SQL twin of domain/alert-rules.ts `combineRows` + `ruleFires`). A person's rows
     * of the period combine first, across the period's accepted feeds: with aggregate = 'sum' the amounts
     * add up (a row equal to one an earlier feed already sent — same day, amount and detail — is a re-send
     * and counted once), otherwise the latest row (by date, then the later feed and row) speaks. A person
     * raises a rule once per period, so a later feed that lifts the sum over the threshold raises it then.
     */
    async raiseAlerts(feedId: number, today: string): Promise<number> {
      const result = await sql<{ n: number }>`
        with this_feed as (
          select id, feed_type, period from dept_feed where id = ${feedId}
        ),
        period_rows as (
          select r.*
          from this_feed tf
          join dept_feed f on f.feed_type = tf.feed_type and f.period = tf.period and f.status <> 'refused'
                          and f.id <= tf.id
          join dept_feed_row r on r.feed_id = f.id and r.match_status = 'matched'
          where r.person_id in (select person_id from dept_feed_row
                                where feed_id = ${feedId} and match_status = 'matched')
        ),
        latest as (
          select distinct on (person_id) *
          from period_rows
          order by person_id, event_on desc nulls last, feed_id desc, row_no desc
        ),
        sums as (
          select p.person_id, sum(p.amount) as amount, count(*)::int as settlements
          from period_rows p
          where not exists (
            select 1 from period_rows e
            where e.person_id = p.person_id and e.feed_id < p.feed_id and e.amount = p.amount
              and e.event_on is not distinct from p.event_on and e.detail is not distinct from p.detail)
          group by p.person_id
        ),
        fired as (
          insert into alert (feed_id, feed_row_id, department, feed_type, period, rule_code, rule_version,
                             household_id, person_id, county_code, town_code, region_code, facts, due_on)
          select f.id, l.id, f.department, f.feed_type, f.period, ar.code, ar.version, h.id, l.person_id,
                 h.county_code, h.town_code, h.region_code,
                 jsonb_strip_nulls(jsonb_build_object('name', l.name, 'idMasked', l.id_masked, 'amount', c.amount,
                   'settlements', case when ar.aggregate = 'sum' and c.settlements > 1 then c.settlements end,
                   'grade', l.grade, 'category', l.category, 'changeType', l.change_type, 'eventOn', l.event_on,
                   'detail', l.detail, 'threshold', ar.threshold, 'householdType', h.household_type)),
                 ${today}::date + ar.deadline_days
          from dept_feed f
          join latest l on true
          join sums s on s.person_id = l.person_id
          join household h on h.id = l.household_id
          join alert_rule ar on ar.feed_type = f.feed_type and ar.enabled
                            and ar.household_types @> to_jsonb(h.household_type)
          cross join lateral (
            select case when ar.aggregate = 'sum' then s.amount else l.amount end as amount,
                   s.settlements
          ) c
          where f.id = ${feedId}
            and (case ar.code
                   when 'new_dibao' then l.change_type = '新增'
                   when 'medical_out_of_pocket' then c.amount > coalesce(ar.threshold, 0)
                   when 'dangerous_house' then l.grade in ('C', 'D')
                   when 'severe_disability' then l.grade in ('1', '2') or (l.grade = '3' and l.category in ('智力', '精神'))
                   when 'disaster' then ar.threshold is null or coalesce(c.amount, 0) >= ar.threshold
                   when 'death' then l.change_type = '死亡'
                   else true
                 end) is true
          on conflict (person_id, rule_code, period, county_code) do nothing
          returning 1
        )
        select count(*)::int as n from fired`.execute(db);
      return result.rows[0]?.n ?? 0;
    },

    findColumnMap(regionCode: string, department: string, feedType: FeedType) {
      return db
        .selectFrom('dept_feed_column_map')
        .selectAll()
        .where('region_code', '=', regionCode)
        .where('department', '=', department)
        .where('feed_type', '=', feedType)
        .executeTakeFirst();
    },

    /** Saves a mapping under its version: the first with version 0, a change with the version read. */
    async saveColumnMap(
      key: { regionCode: string; department: string; feedType: FeedType },
      mapping: Record<string, string>,
      version: number,
      updatedBy: string,
    ): Promise<number | null> {
      if (version === 0) {
        const row = await db
          .insertInto('dept_feed_column_map')
          .values({
            region_code: key.regionCode,
            department: key.department,
            feed_type: key.feedType,
            mapping: JSON.stringify(mapping),
            updated_by: updatedBy,
          })
          .onConflict((oc) => oc.doNothing())
          .returning('version')
          .executeTakeFirst();
        return row?.version ?? null;
      }
      const row = await db
        .updateTable('dept_feed_column_map')
        .set({
          mapping: JSON.stringify(mapping),
          version: sql<number>`version + 1`,
          updated_by: updatedBy,
          updated_at: sql`now()`,
        })
        .where('region_code', '=', key.regionCode)
        .where('department', '=', key.department)
        .where('feed_type', '=', key.feedType)
        .where('version', '=', version)
        .returning('version')
        .executeTakeFirst();
      return row?.version ?? null;
    },

    async setCounts(feedId: number, counts: { matched: number; unmatched: number; alerts: number }) {
      await db
        .updateTable('dept_feed')
        .set({
          matched_rows: counts.matched,
          unmatched_rows: counts.unmatched,
          alerts_created: counts.alerts,
        })
        .where('id', '=', feedId)
        .execute();
    },

    findFeed(id: number) {
      return db.selectFrom('dept_feed').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Feeds, newest first; a department sees its own, the bureau every feed sent within its scope. */
    async listFeeds(filter: {
      department: string | null;
      scope: readonly string[];
      limit: number;
      offset: number;
    }) {
      let query = db.selectFrom('dept_feed').where((eb) => inScope(eb, eb.ref('region_code'), filter.scope));
      if (filter.department) {
        query = query.where('department', '=', filter.department);
      }
      const [rows, total] = await Promise.all([
        query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    /**
     * The feedback (反馈) on every row of a feed: matched or not and, for an alert, its state and
     * outcome. Nothing of the household registry beyond what the department itself sent.
     */
    async feedback(feedId: number, filter: { limit: number; offset: number }) {
      const query = db.selectFrom('dept_feed_row as r').where('r.feed_id', '=', feedId);
      const [rows, total] = await Promise.all([
        query
          .innerJoin('dept_feed as f', 'f.id', 'r.feed_id')
          .leftJoinLateral(
            (eb) =>
              eb
                .selectFrom('alert as a')
                .select(['a.id', 'a.rule_code', 'a.status', 'a.due_on', 'a.closed_reason', 'a.closed_at'])
                .whereRef('a.person_id', '=', 'r.person_id')
                .whereRef('a.period', '=', 'f.period')
                .whereRef('a.feed_type', '=', 'f.feed_type')
                .orderBy('a.id')
                .limit(1)
                .as('a'),
            (join) => join.onTrue(),
          )
          .select([
            'r.row_no',
            'r.name',
            'r.id_masked',
            'r.match_status',
            'a.id as alert_id',
            'a.rule_code',
            'a.status as alert_status',
            'a.due_on',
            'a.closed_reason',
            'a.closed_at',
          ])
          .orderBy('r.row_no')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
  };
}

export type DepartmentFeedRepository = ReturnType<typeof createDepartmentFeedRepository>;
