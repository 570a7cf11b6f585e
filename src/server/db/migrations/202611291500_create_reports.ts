import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * The "5+2" cycle: monthly figures per village (the summary table reports and dashboards read), the monthly
 * self-check sign-offs, the verification sample, ranking weights and results, and quarterly bulletins.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    -- One row per region and month: villages computed from the operational tables, towns, zones, counties and
    -- the city summed from them. The open month is refreshed by a job; a closed month is frozen.
    create table month_figure (
      month text not null,
      region_code text not null,
      level text not null,
      county_code text not null,
      figures jsonb not null,
      refreshed_at timestamptz not null default now(),
      primary key (month, region_code)
    );
    create index month_figure_region_idx on month_figure (month, region_code text_pattern_ops);

    create table report_month (
      month text primary key,
      status text not null check (status in ('open', 'closed')),
      refreshed_at timestamptz,
      closed_at timestamptz,
      closed_by text
    );

    -- 一月一自查: a village or town signs off its month; the checklist it saw is kept with the sign-off.
    create table self_check (
      month text not null,
      region_code text not null references region (code),
      county_code text not null,
      level text not null check (level in ('village', 'town', 'county')),
      items jsonb not null,
      note text,
      signed_by integer not null references app_user (id),
      signed_by_name text not null,
      signed_at timestamptz not null default now(),
      primary key (month, region_code)
    );

    -- 一月一核查: households sampled for the county to re-check, with the outcome.
    create table verification_sample (
      id bigint generated always as identity primary key,
      month text not null,
      county_code text not null,
      town_code text not null,
      household_id bigint not null references household (id),
      case_id bigint references monitoring_case (id),
      reason text not null,
      outcome text check (outcome in ('confirmed', 'problem')),
      note text,
      checked_by integer references app_user (id),
      checked_at timestamptz,
      version integer not null default 1,
      unique (month, household_id)
    );
    create index verification_sample_county_idx on verification_sample (month, county_code);

    -- 一季一排序: indicator weights are configuration.
    create table ranking_weight (
      indicator text primary key,
      weight numeric(6, 2) not null check (weight >= 0),
      updated_at timestamptz not null default now()
    );
    insert into ranking_weight (indicator, weight) values
      ('identification_on_time', 20), ('measure_coverage', 20), ('visits_on_time', 20),
      ('alerts_on_time', 15), ('quality_issues', 15), ('eliminations_held', 10);

    create table quarterly_ranking (
      quarter text not null,
      level text not null check (level in ('county', 'town')),
      parent_code text not null,
      rows jsonb not null,
      weights jsonb not null,
      computed_at timestamptz not null default now(),
      primary key (quarter, level, parent_code)
    );

    -- 一季一通报: generated from the ranking, edited, then issued (frozen).
    create table bulletin (
      id integer generated always as identity primary key,
      quarter text not null,
      title text not null,
      sections jsonb not null,
      status text not null check (status in ('draft', 'issued')),
      issued_on date,
      created_by text not null,
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
  `,
  );
}
