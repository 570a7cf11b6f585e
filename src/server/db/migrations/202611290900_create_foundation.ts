import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/** Regions (with management zones), users, sessions, login throttling and the audit trail. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table region (
      code text primary key,
      name text not null,
      level text not null check (level in ('city', 'county', 'town', 'village', 'zone')),
      parent_code text references region (code),
      county_code text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index region_parent_idx on region (parent_code, code);
    create index region_code_prefix_idx on region (code text_pattern_ops);

    -- Functional zones without a statistical code (官庄工区, 职教园区) overlay whole towns.
    create table zone_town (
      zone_code text not null references region (code) on delete cascade,
      town_code text not null references region (code),
      primary key (zone_code, town_code)
    );

    create table app_user (
      id integer generated always as identity primary key,
      username text not null,
      display_name text not null,
      role text not null check (role in ('city', 'county', 'township', 'village', 'helper', 'department', 'leader')),
      department text check (department in ('民政', '医保', '教育', '住建', '水利', '残联', '应急', '人社', '公安')),
      region_code text not null references region (code),
      county_code text,
      phone text,
      unit text,
      password_hash text not null,
      must_change_password boolean not null default false,
      disabled boolean not null default false,
      version integer not null default 1,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint app_user_department_role check ((role = 'department') = (department is not null))
    );
    create unique index app_user_username_idx on app_user (lower(username));
    create index app_user_region_idx on app_user (region_code text_pattern_ops);

    -- Only the SHA-256 of the session token is stored, so a leaked table opens no session.
    create table user_session (
      token_hash text primary key,
      user_id integer not null references app_user (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index user_session_user_idx on user_session (user_id);

    create table login_failure (
      id bigint generated always as identity primary key,
      username text not null,
      ip text not null,
      at timestamptz not null default now()
    );
    create index login_failure_username_idx on login_failure (lower(username), at);
    create index login_failure_ip_idx on login_failure (ip, at);

    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_id integer,
      actor_name text not null,
      ip text,
      request_id text,
      action text not null,
      entity_type text not null,
      entity_id text,
      region_code text,
      old_values jsonb,
      new_values jsonb
    );
    create index audit_log_at_idx on audit_log (at desc, id desc);
    create index audit_log_entity_idx on audit_log (entity_type, entity_id);
    create index audit_log_actor_idx on audit_log (actor_id, at desc);
    create index audit_log_region_idx on audit_log (region_code text_pattern_ops);
  `,
  );
}
