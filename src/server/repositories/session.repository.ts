import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

export interface NewSession {
  tokenHash: string;
  userId: number;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export function createSessionRepository(db: Kysely<DB>) {
  return {
    async insert(session: NewSession): Promise<void> {
      await db
        .insertInto('user_session')
        .values({
          token_hash: session.tokenHash,
          user_id: session.userId,
          expires_at: session.expiresAt,
          ip: session.ip,
          user_agent: session.userAgent,
        })
        .execute();
    },

    /** The live session for a token: not past its hard expiry nor idle too long, its user enabled. */
    findLive(tokenHash: string, idleMinutes: number) {
      return db
        .selectFrom('user_session as s')
        .innerJoin('app_user as u', 'u.id', 's.user_id')
        .innerJoin('region as r', 'r.code', 'u.region_code')
        .select(['s.token_hash', 's.last_seen_at', 's.expires_at'])
        .selectAll('u')
        .select(['r.name as region_name', 'r.level as region_level'])
        .where('s.token_hash', '=', tokenHash)
        .where('s.expires_at', '>', sql<Date>`now()`)
        .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
        .where('u.disabled', '=', false)
        .executeTakeFirst();
    },

    async touch(tokenHash: string): Promise<void> {
      await db
        .updateTable('user_session')
        .set({ last_seen_at: sql`now()` })
        .where('token_hash', '=', tokenHash)
        .execute();
    },

    async delete(tokenHash: string): Promise<void> {
      await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
    },

    async deleteForUser(userId: number): Promise<void> {
      await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
    },

    /** Housekeeping at each login: sessions past their lifetime and failures older than a day go. */
    async deleteExpired(): Promise<void> {
      await db.deleteFrom('user_session').where('expires_at', '<=', sql<Date>`now()`).execute();
      await db.deleteFrom('login_failure').where('at', '<', sql<Date>`now() - interval '1 day'`).execute();
    },

    async recordLoginFailure(username: string, ip: string): Promise<void> {
      await db.insertInto('login_failure').values({ username: username.toLowerCase(), ip }).execute();
    },

    async countRecentFailures(username: string, ip: string, windowMinutes: number) {
      const since = sql<Date>`now() - make_interval(mins => ${windowMinutes})`;
      const row = await db
        .selectFrom('login_failure')
        .select([
          sql<number>`count(*) filter (where username = ${username.toLowerCase()})::int`.as('by_username'),
          sql<number>`count(*) filter (where ip = ${ip})::int`.as('by_ip'),
        ])
        .where('at', '>', since)
        .where((eb) => eb.or([eb('username', '=', username.toLowerCase()), eb('ip', '=', ip)]))
        .executeTakeFirstOrThrow();
      return { byUsername: row.by_username, byIp: row.by_ip };
    },

    async clearFailures(username: string): Promise<void> {
      await db.deleteFrom('login_failure').where('username', '=', username.toLowerCase()).execute();
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
