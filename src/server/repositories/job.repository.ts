import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** Background jobs (jobs/job-runner.ts): one row per run, with its progress and outcome. */
export function createJobRepository(db: Kysely<DB>) {
  return {
    async insert(job: { name: string; input: unknown; startedBy: string; owner: string }): Promise<number> {
      const row = await db
        .insertInto('job')
        .values({
          name: job.name,
          input: JSON.stringify(job.input),
          started_by: job.startedBy,
          owner: job.owner,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async progress(id: number, done: number, total: number) {
      await db
        .updateTable('job')
        .set({ done, total, heartbeat_at: sql`now()` })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute();
    },

    /** Refreshes the heartbeat of every job this process runs. */
    async beat(owner: string) {
      await db
        .updateTable('job')
        .set({ heartbeat_at: sql`now()` })
        .where('owner', '=', owner)
        .where('status', '=', 'running')
        .execute();
    },

    async finish(id: number) {
      await db
        .updateTable('job')
        .set({ status: 'finished', done: sql`coalesce(total, done)`, finished_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    async fail(id: number, error: string) {
      await db
        .updateTable('job')
        .set({ status: 'failed', error, finished_at: sql`now()` })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute();
    },

    /**
     * Marks failed, and returns, the running jobs of processes other than `owner` whose heartbeat is older than
     * `quietSeconds` (their server was killed), or all of them when null (the only process); one statement, so
     * two starting servers never both take one.
     */
    async failAbandoned(owner: string, quietSeconds: number | null, error: string) {
      let query = db
        .updateTable('job')
        .set({ status: 'failed', error, finished_at: sql`now()` })
        .where('status', '=', 'running')
        .where('owner', '<>', owner);
      if (quietSeconds !== null) {
        query = query.where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${quietSeconds})`);
      }
      return query.returning(['id', 'name', 'input']).execute();
    },

    find(id: number) {
      return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
    },
  };
}
