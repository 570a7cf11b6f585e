import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * A county drafts its own bulletin on its towns (issue #13), so a bulletin records whose it is. The
 * bulletins written before were the city's: they get the root region's code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table bulletin add column region_code text;
    update bulletin set region_code = coalesce(
      (select code from region where parent_code is null order by code limit 1), '');
    alter table bulletin alter column region_code set not null;
    create index bulletin_region_idx on bulletin (region_code text_pattern_ops);
    `,
  );
}
