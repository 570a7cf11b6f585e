import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * The household registry (户 and 人) with income sub-items, the versioned monitoring line, screening
 * rules, runs, concentrated rounds and the leads they raise. ID numbers and phones are stored encrypted
 * (`*_enc`), with a keyed hash for exact lookup (`*_hash`) and a masked form for lists (`*_masked`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table household (
      id bigint generated always as identity primary key,
      county_code text not null,
      town_code text not null,
      region_code text not null references region (code),
      household_no text,
      household_type text not null check (household_type in ('exited_poverty', 'monitored', 'ordinary', 'low_income')),
      head_person_id bigint,
      head_name text not null default '',
      member_count integer not null default 0,
      address text,
      phone_enc text,
      phone_hash text,
      phone_masked text,
      is_relocated boolean not null default false,
      housing_grade text check (housing_grade in ('A', 'B', 'C', 'D', 'none')),
      house_area numeric(8, 1),
      has_safe_house_elsewhere boolean not null default false,
      water_quantity_ok boolean,
      water_quality_ok boolean,
      water_convenience_ok boolean,
      water_reliability_ok boolean,
      cultivated_land_mu numeric(8, 2),
      road_type text,
      fuel_type text,
      has_electricity boolean,
      medical_out_of_pocket numeric(12, 2) not null default 0,
      insurance_claims numeric(12, 2) not null default 0,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index household_no_idx on household (household_no) where household_no is not null;
    create index household_region_idx on household (region_code text_pattern_ops, id);
    create index household_county_idx on household (county_code, household_type);
    create index household_head_name_idx on household (head_name text_pattern_ops);

    create table person (
      id bigint generated always as identity primary key,
      household_id bigint not null references household (id),
      county_code text not null,
      name text not null,
      relation text not null,
      sex text not null check (sex in ('male', 'female')),
      birth_date date not null,
      id_hash text not null,
      id_enc text not null,
      id_masked text not null,
      ethnicity text,
      political_status text,
      education text,
      schooling text,
      dropout_reason text,
      health text,
      labour_skill text,
      work_months integer check (work_months between 0 and 12),
      work_place text,
      medical_insured boolean not null default true,
      serious_illness_insured boolean not null default true,
      pension_insured boolean not null default false,
      is_dibao boolean not null default false,
      is_tekun boolean not null default false,
      disability_category text,
      disability_grade integer check (disability_grade between 1 and 4),
      phone_enc text,
      phone_hash text,
      phone_masked text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- A person is unique by ID number across the city (and any larger deployment).
    create unique index person_id_hash_idx on person (id_hash);
    create index person_household_idx on person (household_id);

    create table income_item (
      id bigint generated always as identity primary key,
      household_id bigint not null references household (id),
      county_code text not null,
      category text not null check (category in ('wage', 'business', 'property', 'transfer', 'production_cost')),
      item text not null,
      amount numeric(12, 2) not null check (amount >= 0),
      is_counted boolean not null default true,
      period_start date not null,
      period_end date not null,
      note text,
      created_at timestamptz not null default now(),
      check (period_end >= period_start)
    );
    create index income_item_household_idx on income_item (household_id, period_end);

    create table monitoring_line (
      province text not null,
      year integer not null,
      amount numeric(10, 2) not null check (amount > 0),
      note text,
      updated_at timestamptz not null default now(),
      primary key (province, year)
    );
    insert into monitoring_line (province, year, amount, note) values
      ('河南', 2023, 7500, '2023年防返贫监测范围以家庭年人均纯收入7500元为参考'),
      ('河南', 2024, 8300, '2024年河南省监测范围');

    create table screening_rule_set (
      version integer primary key,
      rules jsonb not null,
      created_by text not null,
      created_at timestamptz not null default now()
    );

    create table screening_round (
      id integer generated always as identity primary key,
      name text not null,
      scope_code text not null references region (code),
      starts_on date not null,
      screen_by date not null,
      procedures_by date,
      entry_by date,
      created_by text not null,
      created_at timestamptz not null default now()
    );

    create table screening_run (
      id integer generated always as identity primary key,
      kind text not null check (kind in ('routine', 'concentrated')),
      round_id integer references screening_round (id),
      scope_code text not null,
      rule_version integer not null references screening_rule_set (version),
      line_amount numeric(10, 2) not null,
      window_start date not null,
      window_end date not null,
      status text not null check (status in ('running', 'finished', 'failed')),
      households_screened integer not null default 0,
      leads_created integer not null default 0,
      leads_updated integer not null default 0,
      reason_counts jsonb,
      error text,
      started_by text not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz
    );

    create table lead (
      id bigint generated always as identity primary key,
      household_id bigint not null references household (id),
      county_code text not null,
      region_code text not null,
      source text not null check (source in ('screening', 'cadre', 'department', 'self_declaration', 'petition', 'public_opinion')),
      run_id integer references screening_run (id),
      reasons jsonb not null,
      facts jsonb,
      status text not null default 'open' check (status in ('open', 'closed', 'case_opened')),
      closed_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- One open lead per household: every channel lands in the same queue entry.
    create unique index lead_one_open_idx on lead (household_id) where status = 'open';
    create index lead_region_idx on lead (region_code text_pattern_ops, status);
    create index lead_run_idx on lead (run_id);

    -- Helpers (帮扶责任人) see only their assigned households; cases fill this table.
    create table helper_assignment (
      household_id bigint not null references household (id),
      user_id integer not null references app_user (id),
      county_code text not null,
      starts_on date not null default current_date,
      ends_on date,
      primary key (household_id, user_id, starts_on)
    );
    create index helper_assignment_user_idx on helper_assignment (user_id);
  `,
  );
}
