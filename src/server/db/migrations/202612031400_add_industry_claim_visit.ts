import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * A claim recorded at a visit carries the id the phone made for it (so a resend after a lost answer stores it
 * once) and the visit it was recorded at (so the visit's record and the claim point at each other).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table industry_claim add column client_id uuid unique;
    alter table industry_claim add column visit_id uuid;
    `,
  );
}
