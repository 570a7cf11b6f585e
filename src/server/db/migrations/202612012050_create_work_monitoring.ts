import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Work monitoring (务工监测, domain-cdefg §C6, C8): one work record per job of a household member, entered by a
 * clerk, at a visit or from a 人社 file; the counting settings and targets per year; the 人社 file imports with
 * the outcome of every row (the department's feedback); and the workshop profile on the shared operator row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    -- The counting rule and the job-end lead, per year (configuration, UNCONFIRMED defaults of §J).
    create table employment_setting (
      year integer primary key,
      min_months integer not null default 1 check (min_months between 1 and 12),
      job_gap_days integer not null default 30 check (job_gap_days between 1 and 365),
      city_target integer not null default 200000 check (city_target >= 0),
      updated_by text not null,
      updated_at timestamptz not null default now()
    );
    -- The city's 200,000 is split into a target per county.
    create table employment_target (
      year integer not null,
      county_code text not null,
      target integer not null check (target >= 0),
      primary key (year, county_code)
    );

    -- One 人社 work file: refused files are kept with their problems and no rows.
    create table work_import (
      id bigint generated always as identity primary key,
      region_code text not null,
      scope_code text not null,
      filename text,
      sha256 text not null,
      status text not null check (status in ('imported', 'partial', 'refused')),
      total_rows integer not null default 0,
      accepted_rows integer not null default 0,
      refused_rows integer not null default 0,
      matched_rows integer not null default 0,
      unmatched_rows integer not null default 0,
      problems jsonb not null default '[]',
      created_by integer references app_user (id),
      created_by_name text not null,
      created_at timestamptz not null default now()
    );
    create unique index work_import_sha_idx on work_import (scope_code, sha256) where status <> 'refused';

    -- Every accepted row of a file and what became of it (the feedback the department sees). No foreign keys,
    -- as for dept_feed_row: the one statement writing 200,000 rows takes its ids from the join itself.
    create table work_import_row (
      import_id bigint not null,
      row_no integer not null,
      county_code text not null,
      name text not null,
      id_masked text not null,
      match_status text not null check (match_status in ('matched', 'unmatched', 'out_of_scope')),
      work_record_id bigint,
      primary key (import_id, row_no)
    );

    -- One job of one person. Scope comes from the household (joined), so a household moved to another village
    -- takes its work records along. No foreign key to person: a 200,000-row import would fire one check per row,
    -- and the writes take person ids from a join.
    create table work_record (
      id bigint generated always as identity primary key,
      -- Made by the phone for a record entered at a visit: a resend lands once.
      client_id uuid unique,
      person_id bigint not null,
      household_id bigint not null,
      county_code text not null,
      category text not null check (category in ('unit_employed', 'flexible', 'self_employed', 'other')),
      start_month date not null check (extract(day from start_month) = 1),
      end_month date check (extract(day from end_month) = 1),
      work_province text,
      work_city text,
      work_county text,
      place text check (place in ('county', 'city', 'province', 'outside', 'abroad')),
      monthly_income numeric(14, 2) check (monthly_income >= 0),
      sector text check (sector in ('primary', 'secondary', 'tertiary')),
      industry text,
      channel text check (channel in ('organised', 'market', 'self_found', 'workshop', 'public_job', 'lead_enterprise', 'other')),
      -- The workshop or lead enterprise the person works at (channel workshop / lead_enterprise).
      operator_id bigint references operator (id),
      employer text,
      point_to_point boolean,
      transport_subsidy numeric(14, 2) check (transport_subsidy >= 0),
      source text not null check (source in ('clerk', 'visit', 'import')),
      visit_id uuid,
      import_id bigint,
      -- The lead raised when the job ended with no new one within the gap (因务工就业不稳), once per record.
      end_lead_id bigint,
      version integer not null default 1,
      created_by integer,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (end_month is null or end_month >= start_month)
    );
    -- One record per person and start month: a 人社 file that repeats a job updates it rather than adding a second.
    create unique index work_record_person_start_uniq on work_record (person_id, start_month);
    create index work_record_household_idx on work_record (household_id);
    create index work_record_ended_idx on work_record (end_month) where end_month is not null and end_lead_id is null;
    create index work_record_operator_idx on work_record (operator_id) where operator_id is not null;

    -- A job that ended without a new one is a lead of the work-monitoring channel.
    alter table lead drop constraint lead_source_check;
    alter table lead add constraint lead_source_check
      check (source in ('screening', 'cadre', 'department', 'self_declaration', 'petition', 'public_opinion', 'visit',
                        'monthly_cycle', 'work_monitoring'));

    -- 帮扶车间 profile on the shared operator row (operator_type = 'workshop'): its employees are the work
    -- records whose operator is this one, never a second list.
    create table workshop (
      operator_id bigint primary key references operator (id),
      county_code text not null,
      workshop_type text not null check (workshop_type in ('factory', 'home', 'farming', 'trade', 'tourism')),
      site text,
      certified_level text check (certified_level in ('provincial', 'city', 'county')),
      certified_on date,
      certified_by text,
      capacity integer check (capacity >= 0),
      insured boolean not null default false,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    );
    `,
  );
}
