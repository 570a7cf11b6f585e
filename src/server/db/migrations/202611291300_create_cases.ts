import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * The monitoring mechanism itself: the signals behind each lead, identification and elimination cases
 * with their audited steps, assistance measures, helper details, visits with their cadence policy,
 * attachments (photos, signed forms), monthly evaluations and the monthly cycle's runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    -- Leads gain their deadline and verification outcome; 'visit' joins the channels.
    alter table lead drop constraint lead_source_check;
    alter table lead add constraint lead_source_check
      check (source in ('screening', 'cadre', 'department', 'self_declaration', 'petition', 'public_opinion', 'visit', 'monthly_cycle'));
    alter table lead add column found_on date not null default current_date;
    alter table lead add column note text;
    alter table lead add column closed_by integer references app_user (id);
    alter table lead add column closed_at timestamptz;
    alter table lead add column version integer not null default 1;

    -- Every channel's report behind a lead: several channels can point at the same household.
    create table lead_signal (
      id bigint generated always as identity primary key,
      lead_id bigint not null references lead (id),
      county_code text not null,
      source text not null,
      reasons jsonb not null,
      facts jsonb,
      ref text,
      created_by integer references app_user (id),
      created_at timestamptz not null default now()
    );
    create index lead_signal_lead_idx on lead_signal (lead_id);

    -- One case = one episode of monitoring for a household: identification, monitoring, elimination.
    create table monitoring_case (
      id bigint generated always as identity primary key,
      household_id bigint not null references household (id),
      county_code text not null,
      region_code text not null,
      lead_id bigint references lead (id),
      category text check (category in ('unstable_ex_poor', 'marginal', 'sudden_hardship')),
      risks jsonb not null default '[]',
      stage text not null check (stage in (
        'home_check', 'cross_check', 'village_review', 'public_notice', 'town_review', 'county_approval',
        'announcement', 'monitored', 'safety_net',
        'elim_home_check', 'elim_public_notice', 'elim_town_review', 'elim_county_approval',
        'eliminated', 'rejected')),
      green_channel boolean not null default false,
      found_on date not null,
      due_on date not null,
      notice_starts_on date,
      identified_on date,
      elimination_mode text check (elimination_mode in ('assisted', 'natural')),
      elimination_requested_on date,
      eliminated_on date,
      previous_household_type text,
      rolled_back_from bigint references monitoring_case (id),
      closed_reason text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- At most one live case per household (eliminated and rejected cases are history).
    create unique index monitoring_case_live_idx on monitoring_case (household_id)
      where stage not in ('eliminated', 'rejected');
    create index monitoring_case_region_idx on monitoring_case (region_code text_pattern_ops, stage);
    create index monitoring_case_county_idx on monitoring_case (county_code, stage);

    create table case_step (
      id bigint generated always as identity primary key,
      case_id bigint not null references monitoring_case (id),
      county_code text not null,
      action text not null,
      from_stage text,
      to_stage text not null,
      note text,
      attachment_ids jsonb not null default '[]',
      actor_id integer references app_user (id),
      actor_name text not null,
      acted_at timestamptz not null default now()
    );
    create index case_step_case_idx on case_step (case_id, id);

    create table assistance_measure (
      id bigint generated always as identity primary key,
      case_id bigint not null references monitoring_case (id),
      household_id bigint not null references household (id),
      county_code text not null,
      category text not null,
      item text not null,
      starts_on date not null,
      ends_on date,
      amount numeric(12, 2) check (amount >= 0),
      provider text,
      note text,
      created_by integer references app_user (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on is null or ends_on >= starts_on)
    );
    create index assistance_measure_household_idx on assistance_measure (household_id);
    create index assistance_measure_case_idx on assistance_measure (case_id);

    -- A helper is a user; the assignment records who assigned them and when it ends.
    alter table helper_assignment add column assigned_by integer references app_user (id);
    alter table helper_assignment add column created_at timestamptz not null default now();
    create index helper_assignment_household_idx on helper_assignment (household_id);

    -- Visit cadence per household type (point 15 of the plan); administrators may change it.
    create table visit_policy (
      household_type text primary key,
      months integer not null check (months between 1 and 12),
      updated_at timestamptz not null default now()
    );
    insert into visit_policy (household_type, months) values
      ('exited_poverty', 1), ('monitored', 1), ('low_income', 3), ('ordinary', 6);

    -- Kept on the household so due and overdue visits are a scan of one table, not a join per household.
    alter table household add column last_visited_on date;

    -- The id is made by the client (a phone may send the same visit twice): the primary key makes it once.
    create table visit (
      id uuid primary key,
      household_id bigint not null references household (id),
      county_code text not null,
      region_code text not null,
      visitor_id integer not null references app_user (id),
      visitor_name text not null,
      visited_on date not null,
      income_changed boolean not null default false,
      income_note text,
      guarantees_note text,
      industry_note text,
      work_note text,
      new_risks jsonb not null default '[]',
      measures_agreed text,
      note text,
      lead_id bigint references lead (id),
      attachment_ids jsonb not null default '[]',
      created_at timestamptz not null default now()
    );
    create index visit_household_idx on visit (household_id, visited_on desc);
    create index visit_region_idx on visit (region_code text_pattern_ops, visited_on);

    create table attachment (
      id uuid primary key,
      county_code text not null,
      household_id bigint not null references household (id),
      filename text not null,
      mime_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      content bytea not null,
      uploaded_by integer not null references app_user (id),
      uploaded_at timestamptz not null default now()
    );
    create index attachment_household_idx on attachment (household_id);

    -- The monthly cycle's evaluation of each live case, one row per case and month (idempotent).
    create table case_evaluation (
      case_id bigint not null references monitoring_case (id),
      month text not null,
      county_code text not null,
      per_capita numeric(12, 2) not null,
      line_amount numeric(10, 2) not null,
      guarantees_ok boolean not null,
      measure_count integer not null,
      meets_elimination boolean not null,
      evaluated_at timestamptz not null default now(),
      primary key (case_id, month)
    );

    create table monthly_cycle_run (
      month text primary key,
      status text not null check (status in ('running', 'finished', 'failed')),
      cases_evaluated integer not null default 0,
      eliminated_rescreened integer not null default 0,
      rolled_back integer not null default 0,
      error text,
      started_by text not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz
    );
  `,
  );
}
