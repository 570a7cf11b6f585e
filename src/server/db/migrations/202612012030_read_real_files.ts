import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Real department and registry files (issue #13): a department maps its own headers to a feed's columns
 * once (kept per region, department and feed type); an alert rule says how several rows of one person in
 * a period combine (sum for amounts such as a year's hospital settlements, latest for statuses); feeds
 * and imports keep the notes of what was changed or not read (a 15-digit ID converted, columns ignored).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table dept_feed_column_map (
      region_code text not null,
      department text not null,
      feed_type text not null,
      mapping jsonb not null,
      version integer not null default 1,
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (region_code, department, feed_type)
    );
    alter table alert_rule add column aggregate text not null default 'latest'
      check (aggregate in ('sum', 'latest'));
    update alert_rule set aggregate = 'sum' where code in ('medical_out_of_pocket', 'disaster');
    alter table dept_feed add column notes jsonb not null default '[]';
    alter table import_job add column notes jsonb not null default '[]';
    `,
  );
}
