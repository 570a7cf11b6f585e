import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/** Every import is kept with its provenance and the rows it refused, for the downloadable report. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table import_job (
      id integer generated always as identity primary key,
      kind text not null,
      filename text not null,
      actor_id integer,
      actor_name text not null,
      region_code text,
      status text not null check (status in ('imported', 'partial', 'refused')),
      total_rows integer not null,
      households integer not null,
      persons integer not null,
      problems jsonb not null,
      created_at timestamptz not null default now()
    );
    create index import_job_actor_idx on import_job (actor_id, id desc);
  `,
  );
}
