import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * An attachment's client-made id is unique per household, not across the whole database: with a global key,
 * reusing another region's id answered 409 where a new one answered 201, telling the caller that the id exists
 * elsewhere (issue #12). Within one household the id still names one file, so an offline retry stores it once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table attachment drop constraint attachment_pkey;
    alter table attachment add primary key (household_id, id);
    create index attachment_id_idx on attachment (id);
    `,
  );
}
