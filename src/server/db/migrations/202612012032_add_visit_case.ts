import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * A visit that reports a risk the household is already monitored for joins its live case (issue #13)
 * rather than raising a lead nobody can act on: the visit points at the case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table visit add column case_id bigint references monitoring_case (id);
    create index visit_case_idx on visit (case_id) where case_id is not null;
    `,
  );
}
