import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Household search at city scale. Codes and names compare byte-wise (collation "C"), so one plain
 * b-tree index serves both a region-prefix LIKE and ORDER BY (a text_pattern_ops index serves only
 * the LIKE). Name searches get indexes in name order, city-wide and per county.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop index household_region_idx;
    drop index household_head_name_idx;
    alter table household alter column region_code type text collate "C";
    alter table household alter column county_code type text collate "C";
    alter table household alter column head_name type text collate "C";
    create index household_region_idx on household (region_code, id);
    create index household_head_name_idx on household (head_name, id);
    create index household_county_name_idx on household (county_code, head_name, id);
  `,
  );
}
