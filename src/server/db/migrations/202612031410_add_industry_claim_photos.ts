import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Photos of a claim (the crop, the shed, the receipts) taken when it is declared or at the village check: the
 * household's attachments, named by id. Optional: no one is made to upload a photo.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table industry_claim add column attachment_ids uuid[] not null default '{}';
    `,
  );
}
