import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABANDONED_MESSAGE } from '../src/server/jobs/job-runner.js';
import { systemActor } from '../src/server/services/actor.js';
import { monthOf } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({}, { households: 300, date: clock().today() });
  admin = await t.login('city_admin');
});
afterAll(async () => {
  await t.close();
});

/** A job as a server killed in the middle leaves it: running, owned by a process that is gone, long silent. */
async function abandonedJob(name: string, input: unknown): Promise<number> {
  const row = await sql<{ id: number }>`
    insert into job (name, input, started_by, owner, started_at, heartbeat_at)
    values (${name}, ${JSON.stringify(input)}::jsonb, 'city_admin', 'a-killed-server',
            now() - interval '1 hour', now() - interval '1 hour')
    returning id`.execute(t.database.db);
  const id = row.rows[0]?.id;
  if (id === undefined) {
    throw new Error('no job inserted');
  }
  return Number(id);
}

describe('background jobs', () => {
  it('a city-wide screening run is a job that counts its counties as it goes', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/screening/runs',
      headers: { cookie: admin },
      payload: {},
    });
    expect(started.statusCode).toBe(202);
    let run = started.json();
    while (run.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      run = (await t.app.inject({ url: `/api/screening/runs/${run.id}`, headers: { cookie: admin } })).json();
    }
    expect(run.status).toBe('finished');
    const counties = await t.database.db
      .selectFrom('region')
      .select('code')
      .where('level', '=', 'county')
      .execute();
    expect(counties.length).toBeGreaterThan(1);
    expect(run.progress).toEqual({ done: counties.length, total: counties.length });
    const job = await t.database.db
      .selectFrom('job')
      .innerJoin('screening_run', 'screening_run.job_id', 'job.id')
      .select(['job.name', 'job.status', 'job.input'])
      .where('screening_run.id', '=', run.id)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ name: 'screening.run', status: 'finished' });
    expect((job.input as { runId: number }).runId).toBe(run.id);
  });

  it('a screening run left running by a killed server is marked failed at start-up, with a reason', async () => {
    const runRow = await sql<{ id: number }>`
      insert into screening_run (kind, scope_code, rule_version, line_amount, window_start, window_end, status, started_by)
      values ('routine', '411300000000', 1, 8300, '2025-11-01', '2026-10-31', 'running', 'city_admin')
      returning id`.execute(t.database.db);
    const runId = Number(runRow.rows[0]?.id);
    const input = {
      runId,
      actor: { userId: null, username: 'city_admin', ip: null, requestId: null },
      regionCode: '411300000000',
      units: [['4113']],
      rules: (await t.services.screening.rules()).rules,
      line: '8300.00',
      today: '2026-11-15',
      current: { start: '2025-11-01', end: '2026-10-31' },
      previous: { start: '2024-11-01', end: '2025-10-31' },
      kind: 'routine',
      ruleVersion: 1,
    };
    const jobId = await abandonedJob('screening.run', input);
    await sql`update screening_run set job_id = ${jobId} where id = ${runId}`.execute(t.database.db);

    expect(await t.services.jobs.recover()).toBe(1);
    const polled = await t.app.inject({ url: `/api/screening/runs/${runId}`, headers: { cookie: admin } });
    expect(polled.json()).toMatchObject({ status: 'failed', error: ABANDONED_MESSAGE });
    const job = await t.database.db
      .selectFrom('job')
      .selectAll()
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    expect(job.finished_at).not.toBeNull();
    // Found once: a second recovery has nothing left to do.
    expect(await t.services.jobs.recover()).toBe(0);
  });

  it('a month whose cycle was cut off is failed at start-up and can be run again', async () => {
    const month = monthOf(clock().today());
    await sql`insert into monthly_cycle_run (month, status, started_by) values (${month}, 'running', 'scheduler')`.execute(
      t.database.db,
    );
    const jobId = await abandonedJob('cycle.monthly', {
      month,
      referenceDate: clock().today(),
      current: { start: '2025-11-01', end: '2026-10-31' },
      halfYearAgo: { start: '2025-05-01', end: '2026-04-30' },
      line: '8300.00',
      lineHalfYearAgo: '8300.00',
      actorName: '调度',
      actor: { userId: null, username: 'scheduler', ip: null, requestId: null },
    });
    await sql`update monthly_cycle_run set job_id = ${jobId} where month = ${month}`.execute(t.database.db);
    // Before recovery the month looks busy and a new run is refused.
    await expect(t.services.cycle.run(systemActor('test'), month, { wait: true })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    expect(await t.services.jobs.recover()).toBe(1);
    const list = await t.app.inject({ url: '/api/cycle/monthly', headers: { cookie: admin } });
    expect(list.json().find((r: { month: string }) => r.month === month)).toMatchObject({
      status: 'failed',
      error: ABANDONED_MESSAGE,
    });
    const again = await t.services.cycle.run(systemActor('test'), month, { wait: true });
    expect(again).toMatchObject({ status: 'finished', progress: { done: 1, total: 1 } });
  });

  it('a job whose server is alive (recent heartbeat) is left alone on PostgreSQL, and its own process never fails it', async () => {
    const jobId = await abandonedJob('cycle.monthly', { month: '2020-01' });
    await sql`update job set heartbeat_at = now(), owner = 'this-process-is-not-it' where id = ${jobId}`.execute(
      t.database.db,
    );
    const recovered = await t.services.jobs.recover();
    // PGlite: one process owns the folder, so any running job at start-up is abandoned; PostgreSQL: only silent ones.
    expect(recovered).toBe(t.database.kind === 'pglite' ? 1 : 0);
    await sql`update job set status = 'failed' where id = ${jobId}`.execute(t.database.db);
  });
});
