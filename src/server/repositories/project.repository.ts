import { type Insertable, type Kysely, sql } from 'kysely';
import type { ProjectStage } from '../../shared/project-workflow.js';
import type { DB, ProjectTable, PublicNoticeTable } from '../db/schema.js';
import { inScope } from './scope-filter.js';

export interface ProjectFilter {
  scope: readonly string[];
  year?: number | undefined;
  stage?: ProjectStage | undefined;
  regionCode?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

const PROJECT_COLUMNS = [
  'p.id',
  'p.county_code',
  'p.region_code',
  'r.name as region_name',
  'p.level',
  'p.year',
  'p.name',
  'p.category_l1',
  'p.category_l2',
  'p.is_industry',
  'p.nature',
  'p.tasks',
  sql<string>`p.estimated_investment::text`.as('estimated_investment'),
  'p.implementing_unit',
  'p.responsible_person',
  'p.planned_start',
  'p.planned_finish',
  'p.beneficiary_households',
  'p.beneficiary_persons',
  'p.beneficiary_poor',
  'p.beneficiary_monitored',
  'p.performance_targets',
  'p.linkage_mode',
  'p.linkage_households',
  'p.negative_hits',
  'p.town_checks',
  'p.county_checks',
  'p.stage',
  'p.rolled_from_id',
  sql<string>`p.allocated_total::text`.as('allocated_total'),
  sql<string>`p.paid_total::text`.as('paid_total'),
  'p.first_allocated_on',
  'p.last_paid_on',
  'p.version',
  'p.created_at',
  'p.updated_at',
] as const;

/** Projects of the library, their funding mix, beneficiaries, steps and public notices. */
export function createProjectRepository(db: Kysely<DB>) {
  const base = (scope: readonly string[]) =>
    db
      .selectFrom('project as p')
      .innerJoin('region as r', 'r.code', 'p.region_code')
      .where((eb) => inScope(eb, eb.ref('p.region_code'), scope));

  return {
    async insert(row: Insertable<ProjectTable>): Promise<number> {
      const { id } = await db.insertInto('project').values(row).returning('id').executeTakeFirstOrThrow();
      return Number(id);
    },

    /** Updates under the optimistic version; false when someone else changed the project first. */
    async update(id: number, version: number, changes: Partial<Insertable<ProjectTable>>): Promise<boolean> {
      const result = await db
        .updateTable('project')
        .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    findById(id: number, scope: readonly string[]) {
      return base(scope).select(PROJECT_COLUMNS).where('p.id', '=', id).executeTakeFirst();
    },

    async list(filter: ProjectFilter) {
      let query = base(filter.scope);
      if (filter.year) {
        query = query.where('p.year', '=', filter.year);
      }
      if (filter.stage) {
        query = query.where('p.stage', '=', filter.stage);
      }
      if (filter.regionCode) {
        query = query.where((eb) => inScope(eb, eb.ref('p.region_code'), [filter.regionCode ?? '']));
      }
      if (filter.q) {
        query = query.where('p.name', 'like', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
      const [rows, count] = await Promise.all([
        query
          .select(PROJECT_COLUMNS)
          .orderBy('p.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    async replaceFunding(
      projectId: number,
      countyCode: string,
      lines: Array<{ source: string; amount: string }>,
    ) {
      await db.deleteFrom('project_funding').where('project_id', '=', projectId).execute();
      if (lines.length > 0) {
        await db
          .insertInto('project_funding')
          .values(
            lines.map((l) => ({
              project_id: projectId,
              county_code: countyCode,
              source_code: l.source,
              amount: l.amount,
            })),
          )
          .execute();
      }
    },

    listFunding(projectIds: readonly number[]) {
      if (projectIds.length === 0) {
        return Promise.resolve([]);
      }
      return db
        .selectFrom('project_funding as f')
        .innerJoin('funding_source as s', 's.code', 'f.source_code')
        .select([
          'f.project_id',
          'f.source_code',
          's.name as source_name',
          sql<string>`f.amount::text`.as('amount'),
        ])
        .where('f.project_id', 'in', projectIds)
        .orderBy('s.sort_order')
        .execute();
    },

    listSources() {
      return db.selectFrom('funding_source').selectAll().orderBy('sort_order').execute();
    },

    async replaceBeneficiaries(projectId: number, countyCode: string, householdIds: readonly number[]) {
      await db.deleteFrom('project_beneficiary').where('project_id', '=', projectId).execute();
      if (householdIds.length > 0) {
        await db
          .insertInto('project_beneficiary')
          .values(
            householdIds.map((h) => ({ project_id: projectId, household_id: h, county_code: countyCode })),
          )
          .execute();
      }
    },

    /** The given households that lie in scope, with their persons and 脱贫/监测 type (one query). */
    beneficiaryFacts(householdIds: readonly number[], scope: readonly string[]) {
      if (householdIds.length === 0) {
        return Promise.resolve([]);
      }
      return db
        .selectFrom('household as h')
        .select(['h.id', 'h.household_type', 'h.head_name', 'h.region_code', 'h.member_count'])
        .where('h.id', 'in', householdIds)
        .where((eb) => inScope(eb, eb.ref('h.region_code'), scope))
        .execute();
    },

    listBeneficiaries(projectId: number) {
      return db
        .selectFrom('project_beneficiary as b')
        .innerJoin('household as h', 'h.id', 'b.household_id')
        .select(['h.id', 'h.head_name', 'h.household_type', 'h.member_count'])
        .where('b.project_id', '=', projectId)
        .orderBy('h.id')
        .execute();
    },

    async insertEvent(event: {
      projectId: number;
      countyCode: string;
      action: string;
      fromStage: ProjectStage | null;
      toStage: ProjectStage;
      actedOn: string;
      actorId: number | null;
      actorName: string;
      actorLevel: string | null;
      comment: string | null;
    }) {
      await db
        .insertInto('project_event')
        .values({
          project_id: event.projectId,
          county_code: event.countyCode,
          action: event.action,
          from_stage: event.fromStage,
          to_stage: event.toStage,
          acted_on: event.actedOn,
          actor_id: event.actorId,
          actor_name: event.actorName,
          actor_level: event.actorLevel,
          comment: event.comment,
        })
        .execute();
    },

    listEvents(projectId: number) {
      return db
        .selectFrom('project_event')
        .selectAll()
        .where('project_id', '=', projectId)
        .orderBy('id')
        .execute();
    },

    async insertNotice(row: Insertable<PublicNoticeTable>): Promise<number> {
      const { id } = await db
        .insertInto('public_notice')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(id);
    },

    async updateNotice(
      id: number,
      changes: { objections: number; objection_note: string | null; objections_resolved: boolean },
    ) {
      await db.updateTable('public_notice').set(changes).where('id', '=', id).execute();
    },

    listNotices(kind: 'project' | 'allocation' | 'distribution_plan', subjectId: number) {
      return db
        .selectFrom('public_notice')
        .selectAll()
        .where('subject_kind', '=', kind)
        .where('subject_id', '=', subjectId)
        .orderBy('id')
        .execute();
    },

    /**
     * Library health per county (概算规模不减): projects and estimated investment in the library for
     * `year`, the same for `year − 1`, and the connection funds received for `year − 1` as the measure of
     * the money to expect.
     */
    libraryHealth(year: number, scope: readonly string[]) {
      return db
        .selectFrom('region as c')
        .where('c.level', '=', 'county')
        .where((eb) => inScope(eb, eb.ref('c.code'), scope))
        .select([
          'c.code',
          'c.name',
          sql<string>`(select count(*) from project p where p.county_code = c.code and p.year = ${year}
            and p.stage not in ('draft', 'notice', 'town_review', 'county_assessment'))`.as('projects'),
          sql<string>`coalesce((select sum(p.estimated_investment) from project p where p.county_code = c.code
            and p.year = ${year} and p.stage not in ('draft', 'notice', 'town_review', 'county_assessment')), 0)::numeric(14,2)::text`.as(
            'investment',
          ),
          sql<string>`coalesce((select sum(p.estimated_investment) from project p where p.county_code = c.code
            and p.year = ${year - 1} and p.stage not in ('draft', 'notice', 'town_review', 'county_assessment')), 0)::numeric(14,2)::text`.as(
            'last_year_investment',
          ),
          sql<string>`coalesce((select sum(a.amount) from fund_allocation a where a.county_code = c.code
            and a.year = ${year - 1}), 0)::numeric(14,2)::text`.as('last_year_funds'),
        ])
        .orderBy('c.code')
        .execute();
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;
