import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { CaseCategory, CaseStage } from '../../shared/case-workflow.js';
import type { HouseholdType } from '../../shared/household-codes.js';
import type { DB, MonitoringCaseTable } from '../db/schema.js';
import { accessFilter, type HouseholdAccess } from './household.repository.js';
import { escapeLike, inScope } from './scope-filter.js';
import { visitDueOnSql } from './visit-due-sql.js';

export type CaseRow = Selectable<MonitoringCaseTable>;

/** Stages of each list group (the tabs of 识别与监测). */
export const GROUP_STAGES: Record<string, readonly CaseStage[]> = {
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
  stage?: CaseStage | undefined;
  category?: CaseCategory | undefined;
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
    async setHouseholdType(householdId: number, type: HouseholdType): Promise<void> {
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
            and ${visitDueOnSql('h', 'p')} < ${today}::date
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
      fromStage: CaseStage | null;
      toStage: CaseStage;
      note: string | null;
      attachmentIds: readonly string[];
      actorId: number | null;
      actorName: string;
      /** When the step was taken, for history written after the fact (the demo); default now. */
      actedAt?: Date;
    }): Promise<void> {
      await db
        .insertInto('case_step')
        .values({
          ...(step.actedAt ? { acted_at: step.actedAt } : {}),
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
  };
}

export type CaseRepository = ReturnType<typeof createCaseRepository>;
