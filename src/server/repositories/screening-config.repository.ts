import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { inScope } from './scope-filter.js';

/** Monitoring lines, rule-set versions, screening runs and concentrated rounds. */
export function createScreeningConfigRepository(db: Kysely<DB>) {
  return {
    listLines() {
      return db
        .selectFrom('monitoring_line')
        .selectAll()
        .orderBy('province')
        .orderBy('year', 'desc')
        .execute();
    },

    /** The line in force for a year: that year's, or the latest earlier one. */
    findLineFor(province: string, year: number) {
      return db
        .selectFrom('monitoring_line')
        .selectAll()
        .where('province', '=', province)
        .where('year', '<=', year)
        .orderBy('year', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    findLine(province: string, year: number) {
      return db
        .selectFrom('monitoring_line')
        .selectAll()
        .where('province', '=', province)
        .where('year', '=', year)
        .executeTakeFirst();
    },

    async upsertLine(province: string, year: number, amount: string, note: string | null) {
      await db
        .insertInto('monitoring_line')
        .values({ province, year, amount, note })
        .onConflict((oc) =>
          oc.columns(['province', 'year']).doUpdateSet({ amount, note, updated_at: sql`now()` }),
        )
        .execute();
    },

    latestRules() {
      return db
        .selectFrom('screening_rule_set')
        .selectAll()
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    async insertRules(version: number, rules: unknown, createdBy: string) {
      await db
        .insertInto('screening_rule_set')
        .values({ version, rules: JSON.stringify(rules), created_by: createdBy })
        .execute();
    },

    async insertRun(run: {
      kind: 'routine' | 'concentrated';
      roundId: number | null;
      scopeCode: string;
      ruleVersion: number;
      line: string;
      window: { start: string; end: string };
      startedBy: string;
    }): Promise<number> {
      const row = await db
        .insertInto('screening_run')
        .values({
          kind: run.kind,
          round_id: run.roundId,
          scope_code: run.scopeCode,
          rule_version: run.ruleVersion,
          line_amount: run.line,
          window_start: run.window.start,
          window_end: run.window.end,
          status: 'running',
          started_by: run.startedBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async finishRun(
      id: number,
      result: { households: number; created: number; updated: number; reasonCounts: Record<string, number> },
    ) {
      await db
        .updateTable('screening_run')
        .set({
          status: 'finished',
          households_screened: result.households,
          leads_created: result.created,
          leads_updated: result.updated,
          reason_counts: JSON.stringify(result.reasonCounts),
          finished_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
    },

    async failRun(id: number, error: string) {
      await db
        .updateTable('screening_run')
        .set({ status: 'failed', error, finished_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    async linkJob(id: number, jobId: number) {
      await db.updateTable('screening_run').set({ job_id: jobId }).where('id', '=', id).execute();
    },

    /** A run with its job's progress (job_done of job_total steps; null before the job has counted). */
    findRun(id: number) {
      return db
        .selectFrom('screening_run as r')
        .leftJoin('job as j', 'j.id', 'r.job_id')
        .selectAll('r')
        .select(['j.done as job_done', 'j.total as job_total'])
        .where('r.id', '=', id)
        .executeTakeFirst();
    },

    /** The latest runs whose scope lies within the given scope. */
    listRuns(scope: readonly string[], limit: number) {
      return db
        .selectFrom('screening_run as r')
        .leftJoin('job as j', 'j.id', 'r.job_id')
        .selectAll('r')
        .select(['j.done as job_done', 'j.total as job_total'])
        .where((eb) => inScope(eb, eb.ref('r.scope_code'), scope))
        .orderBy('r.id', 'desc')
        .limit(limit)
        .execute();
    },

    async insertRound(round: {
      name: string;
      scopeCode: string;
      startsOn: string;
      screenBy: string;
      proceduresBy: string | null;
      entryBy: string | null;
      createdBy: string;
    }): Promise<number> {
      const row = await db
        .insertInto('screening_round')
        .values({
          name: round.name,
          scope_code: round.scopeCode,
          starts_on: round.startsOn,
          screen_by: round.screenBy,
          procedures_by: round.proceduresBy,
          entry_by: round.entryBy,
          created_by: round.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    findRound(id: number) {
      return db.selectFrom('screening_round').selectAll().where('id', '=', id).executeTakeFirst();
    },

    listRounds() {
      return db.selectFrom('screening_round').selectAll().orderBy('id', 'desc').execute();
    },

    /**
     * A round's progress per county and town: households in scope, how many its runs screened,
     * the leads raised and how many are still open.
     */
    async roundProgress(roundId: number, scopePrefix: string) {
      const rows = await sql<{
        county_code: string;
        town_code: string;
        households: number;
        leads: number;
        open_leads: number;
      }>`
        select h.county_code, h.town_code, count(*)::int as households,
               count(l.id)::int as leads,
               count(l.id) filter (where l.status = 'open')::int as open_leads
        from household h
        left join lead l on l.household_id = h.id
          and l.run_id in (select id from screening_run where round_id = ${roundId})
        where h.region_code like ${`${scopePrefix}%`}
        group by h.county_code, h.town_code
        order by h.county_code, h.town_code`.execute(db);
      return rows.rows;
    },
  };
}

export type ScreeningConfigRepository = ReturnType<typeof createScreeningConfigRepository>;
