import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Department data sharing (部门筛查预警): the monthly feeds departments send, each row matched to a person
 * by ID hash, the alert rules (one row per rule, switchable, with its threshold and household types),
 * the alerts pushed down to villages with a deadline and their verification outcome, and the farmers'
 * self-declarations (一码通) from the public page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    -- One row per rule: the administrator changes thresholds, household types, deadlines and switches
    -- rules off; each change is audited with old and new values and bumps the version copied into alerts.
    create table alert_rule (
      code text primary key,
      feed_type text not null,
      threshold numeric(12, 2),
      household_types jsonb not null,
      deadline_days integer not null check (deadline_days between 1 and 60),
      enabled boolean not null default true,
      version integer not null default 1,
      updated_by text not null,
      updated_at timestamptz not null default now()
    );
    insert into alert_rule (code, feed_type, threshold, household_types, deadline_days, updated_by) values
      ('new_dibao', 'dibao', null, '["exited_poverty","monitored","ordinary","low_income"]', 7, 'migration'),
      ('medical_out_of_pocket', 'medical', 20000, '["exited_poverty","monitored","ordinary","low_income"]', 7, 'migration'),
      ('dropout', 'dropout', null, '["exited_poverty","monitored","ordinary","low_income"]', 7, 'migration'),
      ('dangerous_house', 'housing', null, '["exited_poverty","monitored","ordinary","low_income"]', 7, 'migration'),
      ('unsafe_water', 'water', null, '["exited_poverty","monitored","ordinary","low_income"]', 7, 'migration'),
      ('severe_disability', 'disability', null, '["exited_poverty","monitored","ordinary","low_income"]', 7, 'migration'),
      ('disaster', 'disaster', null, '["exited_poverty","monitored","ordinary","low_income"]', 3, 'migration'),
      ('unemployment', 'unemployment', null, '["exited_poverty","monitored"]', 7, 'migration'),
      ('death', 'civil_registration', null, '["exited_poverty","monitored"]', 7, 'migration');

    -- One upload or API push. A refused file is kept too (with its problems) but holds no rows.
    create table dept_feed (
      id bigint generated always as identity primary key,
      department text not null,
      feed_type text not null,
      period text not null check (period ~ '^[0-9]{4}-[0-9]{2}$'),
      region_code text not null,
      scope_code text not null,
      source text not null check (source in ('upload', 'api')),
      filename text,
      sha256 text not null,
      idempotency_key text,
      status text not null check (status in ('imported', 'partial', 'refused')),
      total_rows integer not null default 0,
      accepted_rows integer not null default 0,
      refused_rows integer not null default 0,
      matched_rows integer not null default 0,
      unmatched_rows integer not null default 0,
      alerts_created integer not null default 0,
      problems jsonb not null default '[]',
      created_by integer references app_user (id),
      created_by_name text not null,
      created_at timestamptz not null default now()
    );
    -- The same content, or the same idempotency key, is accepted once per department and feed type.
    create unique index dept_feed_sha_idx on dept_feed (department, feed_type, sha256) where status <> 'refused';
    create unique index dept_feed_key_idx on dept_feed (department, idempotency_key)
      where idempotency_key is not null and status <> 'refused';
    create index dept_feed_department_idx on dept_feed (department, created_at desc);

    -- The accepted rows of a feed, written by one INSERT … SELECT joining the staged rows to person.id_hash.
    -- county_code: the household's county once matched, else the registration county of the ID number.
    -- No foreign keys: a million rows would fire three row-by-row checks each (about 40 s of a 1M-row feed
    -- on PostgreSQL), the one statement that writes them takes the ids from the join itself, and a record of
    -- who matched must not stop a member being removed from the registry later.
    create table dept_feed_row (
      id bigint generated always as identity primary key,
      feed_id bigint not null,
      county_code text not null,
      row_no integer not null,
      name text not null,
      id_hash text not null,
      id_masked text not null,
      amount numeric(12, 2),
      grade text,
      category text,
      change_type text,
      event_on date,
      detail text,
      person_id bigint,
      household_id bigint,
      match_status text not null default 'pending' check (match_status in ('pending', 'matched', 'unmatched', 'out_of_scope'))
    );
    create index dept_feed_row_feed_idx on dept_feed_row (feed_id, row_no);
    create index dept_feed_row_county_idx on dept_feed_row (county_code);

    create table alert (
      id bigint generated always as identity primary key,
      feed_id bigint not null references dept_feed (id),
      feed_row_id bigint not null,
      department text not null,
      feed_type text not null,
      period text not null,
      rule_code text not null,
      rule_version integer not null,
      household_id bigint not null references household (id),
      -- The person the row matched; no foreign key, so that removing a member later is not blocked.
      person_id bigint not null,
      county_code text not null,
      town_code text not null,
      region_code text not null,
      facts jsonb not null,
      status text not null default 'open' check (status in ('open', 'included', 'not_at_risk', 'already_monitored')),
      due_on date not null,
      closed_reason text,
      closed_by integer references app_user (id),
      closed_at timestamptz,
      lead_id bigint references lead (id),
      version integer not null default 1,
      created_at timestamptz not null default now()
    );
    -- A person raises a rule once per period, whichever file or push the row came in.
    create unique index alert_once_idx on alert (person_id, rule_code, period);
    create index alert_region_idx on alert (region_code text_pattern_ops, status, due_on);
    create index alert_county_idx on alert (county_code, status);
    create index alert_feed_idx on alert (feed_id);

    -- 一码通: what a farmer declared on the village's public page.
    create table declaration (
      id bigint generated always as identity primary key,
      reference text not null unique,
      county_code text not null,
      region_code text not null references region (code),
      name text not null,
      id_hash text not null,
      id_enc text not null,
      id_masked text not null,
      phone_hash text not null,
      phone_enc text not null,
      phone_masked text not null,
      description text not null,
      photo bytea,
      photo_type text,
      repeat_count integer not null default 0,
      status text not null check (status in ('lead', 'pending', 'linked', 'closed')),
      household_id bigint references household (id),
      lead_id bigint references lead (id),
      closed_reason text,
      handled_by integer references app_user (id),
      handled_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index declaration_region_idx on declaration (region_code text_pattern_ops, status);
    create index declaration_id_idx on declaration (id_hash, created_at);
    create index declaration_county_idx on declaration (county_code);
    `,
  );
}
