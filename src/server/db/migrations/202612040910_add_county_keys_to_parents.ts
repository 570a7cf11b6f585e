import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * A `(id, county_code)` unique key on the tables new modules point at, so a new table's foreign key can carry the
 * county code and stay distributable (docs/SCALE.md step 1, test/distribution.test.ts). The old foreign keys to
 * `(id)` are widened later, table by table.
 */
const PARENTS = ['household', 'person', 'lead', 'monitoring_case', 'project', 'operator', 'public_notice'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    PARENTS.map((table) => `create unique index ${table}_id_county_key on ${table} (id, county_code);`).join(
      '\n',
    ),
  );
}
