import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

/**
 * Request limits shared by every server process (issue #12): the counters of `@fastify/rate-limit` live in
 * one PostgreSQL table instead of each process's memory, so two servers behind one proxy count together.
 * Login failures remember the device they came from, and a device where a user has logged in before is
 * kept (as a hash of its cookie), so the right password from a known device passes a per-account slow-down.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table rate_limit_hit (
      key text primary key,
      hits integer not null,
      reset_at timestamptz not null
    );
    create index rate_limit_hit_reset_idx on rate_limit_hit (reset_at);

    alter table login_failure add column device_hash text;
    create index login_failure_at_idx on login_failure (at);

    -- One browser can be known for several users (a shared office computer): one row per pair.
    create table known_device (
      token_hash text not null,
      user_id integer not null references app_user (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      primary key (token_hash, user_id)
    );
    create index known_device_user_idx on known_device (user_id);
    `,
  );
}
