import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * A measure can come from a fact recorded in another module (a work record through a workshop, a public-welfare
 * post, a 雨露计划 payment, a loan, an industry reward): the fact is entered once and its measure row points back
 * to it, so the case's measure list and the point-3 rule see it without anyone typing it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table assistance_measure add column source_kind text;
    alter table assistance_measure add column source_id bigint;
    alter table assistance_measure add constraint assistance_measure_source_pair
      check ((source_kind is null) = (source_id is null));
    create unique index assistance_measure_source_uniq
      on assistance_measure (case_id, source_kind, source_id) where source_kind is not null;
    `,
  );
}
