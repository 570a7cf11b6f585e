import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * The counters behind `@fastify/rate-limit` (`http/rate-limits.ts`): one row per key, a fixed window that
 * restarts once it has passed. One upsert per counted request, so several server processes on one
 * PostgreSQL database count together and a restart forgets nothing.
 */
export function createRateLimitRepository(db: Kysely<DB>) {
  return {
    async hit(key: string, windowMs: number, now: Date): Promise<{ hits: number; resetAt: Date }> {
      const at = now.toISOString();
      const resetAt = new Date(now.getTime() + windowMs).toISOString();
      const { rows } = await sql<{ hits: number; reset_at: Date | string }>`
        insert into rate_limit_hit as r (key, hits, reset_at)
        values (${key}, 1, ${resetAt}::timestamptz)
        on conflict (key) do update set
          hits = case when r.reset_at <= ${at}::timestamptz then 1 else r.hits + 1 end,
          reset_at = case when r.reset_at <= ${at}::timestamptz then excluded.reset_at else r.reset_at end
        returning hits, reset_at`.execute(db);
      const row = rows[0];
      if (!row) {
        throw new Error('rate limit upsert returned no row');
      }
      return { hits: row.hits, resetAt: new Date(row.reset_at) };
    },

    async deleteExpired(now: Date): Promise<void> {
      await db.deleteFrom('rate_limit_hit').where('reset_at', '<=', now).execute();
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
