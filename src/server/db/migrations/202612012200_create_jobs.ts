import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Background work (a screening run, a month's cycle) is a job: a row with its name, input, progress and
 * outcome, so a run left `running` by a killed server is found and marked failed instead of looking busy
 * forever. `owner` names the server process running it and `heartbeat_at` is refreshed while it runs, so
 * with several servers on one PostgreSQL a starting server fails only the jobs whose server has gone quiet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table job (
      id bigint generated always as identity primary key,
      name text not null,
      input jsonb not null,
      status text not null default 'running' check (status in ('running', 'finished', 'failed')),
      done integer not null default 0 check (done >= 0),
      total integer check (total >= 0),
      error text,
      started_by text not null,
      owner text not null,
      started_at timestamptz not null default now(),
      heartbeat_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index job_running on job (heartbeat_at) where status = 'running';
    alter table screening_run add column job_id bigint references job (id);
    alter table monthly_cycle_run add column job_id bigint references job (id);
    `,
  );
}
