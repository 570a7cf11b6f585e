import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * `current_date` is the database's (UTC) day, which is yesterday before 08:00 Beijing time. A lead's found_on
 * and a helper assignment's starts_on are business dates, so the code always passes the Shanghai date from the
 * clock; without a default, a write that forgets it fails instead of silently taking the wrong day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table lead alter column found_on drop default;
    alter table helper_assignment alter column starts_on drop default;
    `,
  );
}
