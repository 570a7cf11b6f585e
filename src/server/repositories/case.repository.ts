import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { AssistanceMeasureTable, DB, MonitoringCaseTable } from '../db/schema.js';
import { accessFilter, type HouseholdAccess } from './household.repository.js';
import { escapeLike, inScope } from './scope-filter.js';

export type CaseRow = Selectable<MonitoringCaseTable>;
export type MeasureRow = Selectable<AssistanceMeasureTable>;

/** Stages of each list group (the tabs of 识别与监测). */
export const GROUP_STAGES: Record<string, readonly string[]> = {
  identifying: [
    'home_check',
    'cross_check',
    'village_review',
    'public_notice',
    'town_review',
    'county_approval',
    'announcement',
  ],
  late: ['home_check', 'cross_check', 'village_review', 'public_notice', 'town_review', 'county_approval'],
  monitoring: ['monitored', 'safety_net'],
  eliminating: ['elim_home_check', 'elim_public_notice', 'elim_town_review', 'elim_county_approval'],
  eliminated: ['eliminated'],
  rejected: ['rejected'],
};

export interface CaseSearch {
  access: HouseholdAccess;
  regionPrefix?: string | undefined;
  group?: string | undefined;
  stage?: string | undefined;
  category?: string | undefined;
  headName?: string | undefined;
  today: string;
  limit: number;
  offset: number;
}

export function createCaseRepository(db: Kysely<DB>) {
  return {
    async search(f: CaseSearch) {
      let query = db
        .selectFrom('monitoring_case as c')
        .innerJoin('household', 'household.id', 'c.household_id')
        .innerJoin('region as r', 'r.code', 'c.region_code')
        .where((eb) => accessFilter(eb, f.access));
      if (f.regionPrefix) {
        query = query.where((eb) => inScope(eb, eb.ref('c.region_code'), [f.regionPrefix as string]));
      }
      if (f.group) {
        query = query.where('c.stage', 'in', GROUP_STAGES[f.group] ?? []);
        if (f.group === 'late') {
          query = query.where('c.due_on', '<', f.today);
        }
      }
      if (f.stage) {
        query = query.where('c.stage', '=', f.stage);
      }
      if (f.category) {
        query = query.where('c.category', '=', f.category);
      }
      if (f.headName) {
        query = query.where('household.head_name', 'like', `${escapeLike(f.headName)}%`);
      }
      const [rows, total] = await Promise.all([
        query
          .selectAll('c')
          .select(['household.head_name', 'household.household_no', 'r.name as region_name'])
          .select((eb) => [
            eb
              .selectFrom('assistance_measure as m')
              .select(sql<number>`count(*)::int`.as('n'))
              .whereRef('m.case_id', '=', 'c.id')
              .as('measure_count'),
            eb
              .selectFrom('helper_assignment as a')
              .innerJoin('app_user as u', 'u.id', 'a.user_id')
              .select(
                sql<string[]>`coalesce(array_agg(u.display_name order by u.display_name), '{}')`.as('names'),
              )
              .whereRef('a.household_id', '=', 'c.household_id')
              .where((w) => w.or([w('a.ends_on', 'is', null), w('a.ends_on', '>=', f.today)]))
              .as('helper_names'),
          ])
          .orderBy('c.due_on')
          .orderBy('c.id')
          .limit(f.limit)
          .offset(f.offset)
          .execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    findById(id: number) {
      return db.selectFrom('monitoring_case').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The case if the actor reaches its household (region scope, or a helper's assignment). */
    findAccessible(id: number, access: HouseholdAccess) {
      return db
        .selectFrom('monitoring_case as c')
        .innerJoin('household', 'household.id', 'c.household_id')
        .innerJoin('region as r', 'r.code', 'c.region_code')
        .selectAll('c')
        .select([
          'household.head_name',
          'household.household_no',
          'household.household_type',
          'r.name as region_name',
        ])
        .where('c.id', '=', id)
        .where((eb) => accessFilter(eb, access))
        .executeTakeFirst();
    },

    /** The type follows the case (监测户 while monitored); the version moves so an open edit form sees it. */
    async setHouseholdType(householdId: number, type: string): Promise<void> {
      await db
        .updateTable('household')
        .set({ household_type: type, version: sql<number>`version + 1`, updated_at: new Date() })
        .where('id', '=', householdId)
        .execute();
    },

    /**
     * Counts per child region (child = the first `childLength` characters of the region code) for the
     * "what is due and what is late" panel: leads, cases by stage group, overdue visits.
     */
    async summary(prefixes: readonly string[], childLength: number, today: string) {
      const where = (column: string) =>
        prefixes.includes('')
          ? sql`true`
          : sql.join(
              prefixes.map((p) => sql`${sql.ref(column)} like ${`${escapeLike(p)}%`}`),
              sql` or `,
            );
      const child = (column: string) => sql`left(${sql.ref(column)}, ${childLength})`;
      const identifying = sql.val([...(GROUP_STAGES.identifying ?? [])]);
      const late = sql.val([...(GROUP_STAGES.late ?? [])]);
      const eliminating = sql.val([...(GROUP_STAGES.eliminating ?? [])]);
      const result = await sql<{
        child: string;
        open_leads: number;
        late_leads: number;
        identifying: number;
        late_identifications: number;
        monitored: number;
        safety_net: number;
        eliminating: number;
        visits_overdue: number;
      }>`
        with l as (
          select ${child('region_code')} as child, count(*)::int as open_leads,
                 count(*) filter (where found_on + 15 < ${today}::date)::int as late_leads
          from lead where status = 'open' and (${where('region_code')}) group by 1
        ), c as (
          select ${child('region_code')} as child,
                 count(*) filter (where stage = any(${identifying}::text[]))::int as identifying,
                 count(*) filter (where stage = any(${late}::text[]) and due_on < ${today}::date)::int as late_identifications,
                 count(*) filter (where stage = 'monitored')::int as monitored,
                 count(*) filter (where stage = 'safety_net')::int as safety_net,
                 count(*) filter (where stage = any(${eliminating}::text[]))::int as eliminating
          from monitoring_case where stage not in ('eliminated', 'rejected') and (${where('region_code')}) group by 1
        ), v as (
          select ${child('h.region_code')} as child, count(*)::int as visits_overdue
          from household h join visit_policy p on p.household_type = h.household_type
          where (${where('h.region_code')})
            and coalesce((h.last_visited_on + make_interval(months => p.months))::date, h.created_at::date) < ${today}::date
          group by 1
        ), children as (select child from l union select child from c union select child from v)
        select k.child, coalesce(l.open_leads, 0) as open_leads, coalesce(l.late_leads, 0) as late_leads,
               coalesce(c.identifying, 0) as identifying, coalesce(c.late_identifications, 0) as late_identifications,
               coalesce(c.monitored, 0) as monitored, coalesce(c.safety_net, 0) as safety_net,
               coalesce(c.eliminating, 0) as eliminating, coalesce(v.visits_overdue, 0) as visits_overdue
        from children k left join l using (child) left join c using (child) left join v using (child)
        order by k.child
      `.execute(db);
      return result.rows;
    },

    /** A household's story, newest first: leads and their signals, case steps, measures, visits, income, helpers. */
    async timeline(householdId: number) {
      const result = await sql<{
        at: Date;
        kind: string;
        title: string;
        detail: string | null;
        actor_name: string | null;
        case_id: number | null;
      }>`
        select s.created_at as at, 'lead' as kind, s.source as title, s.reasons::text as detail,
               u.display_name as actor_name, null::bigint as case_id
        from lead_signal s join lead l on l.id = s.lead_id left join app_user u on u.id = s.created_by
        where l.household_id = ${householdId}
        union all
        select l.closed_at, 'lead', 'lead_' || l.status, l.closed_reason, u.display_name, null
        from lead l left join app_user u on u.id = l.closed_by
        where l.household_id = ${householdId} and l.closed_at is not null
        union all
        select st.acted_at, 'case_step', st.action || ':' || st.to_stage, st.note, st.actor_name, st.case_id
        from case_step st join monitoring_case c on c.id = st.case_id
        where c.household_id = ${householdId}
        union all
        select m.created_at, 'measure', m.category, m.item || coalesce('（' || m.provider || '）', ''), u.display_name, m.case_id
        from assistance_measure m left join app_user u on u.id = m.created_by
        where m.household_id = ${householdId}
        union all
        select v.created_at, 'visit', v.visited_on::text, v.note, v.visitor_name, null
        from visit v where v.household_id = ${householdId}
        union all
        select i.created_at, 'income', i.category, i.item || ' ' || i.amount::text, null, null
        from income_item i where i.household_id = ${householdId}
        union all
        select a.created_at, 'helper', u.display_name, a.starts_on::text || coalesce(' – ' || a.ends_on::text, ''), null, null
        from helper_assignment a join app_user u on u.id = a.user_id
        where a.household_id = ${householdId}
        order by 1 desc
        limit 500
      `.execute(db);
      return result.rows;
    },

    byLead(leadId: number) {
      return db.selectFrom('monitoring_case').select('id').where('lead_id', '=', leadId).executeTakeFirst();
    },

    liveFor(householdId: number) {
      return db
        .selectFrom('monitoring_case')
        .selectAll()
        .where('household_id', '=', householdId)
        .where('stage', 'not in', ['eliminated', 'rejected'])
        .executeTakeFirst();
    },

    async insert(values: Insertable<MonitoringCaseTable>): Promise<number> {
      const row = await db
        .insertInto('monitoring_case')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /** Applies `changes` only if the case is still at `version`: two approvers cannot both succeed. */
    async updateIfVersion(
      id: number,
      version: number,
      changes: Updateable<MonitoringCaseTable>,
    ): Promise<boolean> {
      const result = await db
        .updateTable('monitoring_case')
        .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertStep(step: {
      caseId: number;
      countyCode: string;
      action: string;
      fromStage: string | null;
      toStage: string;
      note: string | null;
      attachmentIds: readonly string[];
      actorId: number | null;
      actorName: string;
    }): Promise<void> {
      await db
        .insertInto('case_step')
        .values({
          case_id: step.caseId,
          county_code: step.countyCode,
          action: step.action,
          from_stage: step.fromStage,
          to_stage: step.toStage,
          note: step.note,
          attachment_ids: JSON.stringify(step.attachmentIds),
          actor_id: step.actorId,
          actor_name: step.actorName,
        })
        .execute();
    },

    steps(caseId: number) {
      return db.selectFrom('case_step').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    },

    measures(caseId: number) {
      return db
        .selectFrom('assistance_measure')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('starts_on')
        .orderBy('id')
        .execute();
    },

    /** Measure categories running on `today` for a household (any of its cases). */
    async activeMeasureCategories(householdId: number, today: string): Promise<string[]> {
      const rows = await db
        .selectFrom('assistance_measure')
        .select('category')
        .distinct()
        .where('household_id', '=', householdId)
        .where('starts_on', '<=', today)
        .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
        .execute();
      return rows.map((r) => r.category);
    },

    findMeasure(id: number) {
      return db.selectFrom('assistance_measure').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insertMeasure(values: Insertable<AssistanceMeasureTable>): Promise<number> {
      const row = await db
        .insertInto('assistance_measure')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async updateMeasureIfVersion(
      id: number,
      version: number,
      changes: Updateable<AssistanceMeasureTable>,
    ): Promise<boolean> {
      const result = await db
        .updateTable('assistance_measure')
        .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async deleteMeasureIfVersion(id: number, version: number): Promise<boolean> {
      const result = await db
        .deleteFrom('assistance_measure')
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    helpers(householdId: number) {
      return db
        .selectFrom('helper_assignment as a')
        .innerJoin('app_user as u', 'u.id', 'a.user_id')
        .select(['a.user_id', 'u.display_name', 'u.unit', 'u.phone', 'a.starts_on', 'a.ends_on'])
        .where('a.household_id', '=', householdId)
        .orderBy('a.starts_on', 'desc')
        .execute();
    },

    /**
     * Gives the households to `userId` from `startsOn`: current assignments to someone else end the day
     * before (reassignment keeps the history); a household already with this helper is left alone.
     */
    async assignHelper(input: {
      householdIds: readonly number[];
      userId: number;
      startsOn: string;
      assignedBy: number | null;
    }): Promise<{ assigned: number; ended: number }> {
      const ended = await sql<{ n: number }>`
        with ended as (
          update helper_assignment set ends_on = (${input.startsOn}::date - 1)
          where household_id = any(${sql.val([...input.householdIds])}::bigint[])
            and user_id <> ${input.userId}
            and (ends_on is null or ends_on >= ${input.startsOn}::date)
          returning 1
        ) select count(*)::int as n from ended
      `.execute(db);
      const assigned = await sql<{ n: number }>`
        with added as (
          insert into helper_assignment (household_id, user_id, county_code, starts_on, assigned_by)
          select h.id, ${input.userId}, h.county_code, ${input.startsOn}::date, ${input.assignedBy}
          from household h
          where h.id = any(${sql.val([...input.householdIds])}::bigint[])
            and not exists (
              select 1 from helper_assignment a
              where a.household_id = h.id and a.user_id = ${input.userId}
                and (a.ends_on is null or a.ends_on >= ${input.startsOn}::date))
          on conflict (household_id, user_id, starts_on) do update set ends_on = null
          returning 1
        ) select count(*)::int as n from added
      `.execute(db);
      return { assigned: assigned.rows[0]?.n ?? 0, ended: ended.rows[0]?.n ?? 0 };
    },

    /** Helper-role users whose region lies in the scope, with how many households each has now. */
    helperUsers(scope: readonly string[], today: string) {
      return db
        .selectFrom('app_user as u')
        .innerJoin('region as r', 'r.code', 'u.region_code')
        .select([
          'u.id',
          'u.display_name',
          'u.username',
          'u.region_code',
          'r.name as region_name',
          'u.unit',
          'u.phone',
        ])
        .select((eb) =>
          eb
            .selectFrom('helper_assignment as a')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('a.user_id', '=', 'u.id')
            .where((w) => w.or([w('a.ends_on', 'is', null), w('a.ends_on', '>=', today)]))
            .as('households'),
        )
        .where('u.role', '=', 'helper')
        .where('u.disabled', '=', false)
        .where((eb) => inScope(eb, eb.ref('u.region_code'), scope))
        .orderBy('u.display_name')
        .execute();
    },
  };
}

export type CaseRepository = ReturnType<typeof createCaseRepository>;
