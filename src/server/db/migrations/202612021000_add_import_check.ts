import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * A check (预检) reads a file and records what an import would do without writing a household: it is kept with
 * the imports (the history shows it, its problem report downloads) under the status `checked`. The history
 * lists a region's imports newest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table import_job drop constraint import_job_status_check;
    alter table import_job add constraint import_job_status_check
      check (status in ('imported', 'partial', 'refused', 'checked'));
    create index import_job_region_idx on import_job (kind, region_code text_pattern_ops, id desc);
  `,
  );
}
