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

    async recordLoginFailure(username: string, ip: string, deviceHash: string | null): Promise<void> {
      await db
        .insertInto('login_failure')
        .values({ username: username.toLowerCase(), ip, device_hash: deviceHash })
        .execute();
    },

    /**
     * The failures the login policy weighs (`services/login-policy.ts`), each with its latest time: for a
     * known device only its own failures for this user; otherwise those of this username from this
     * address, of this address for any username, and of this username from anywhere.
     */
    async recentFailures(q: {
      username: string;
      ip: string;
      deviceHash: string | null;
      windowMinutes: number;
    }) {
      const username = q.username.toLowerCase();
      const since = sql<Date>`now() - make_interval(mins => ${q.windowMinutes})`;
      const onDevice =
        q.deviceHash === null ? sql<boolean>`false` : sql<boolean>`device_hash = ${q.deviceHash}`;
      const row = await db
        .selectFrom('login_failure')
        .select([
          sql<number>`count(*) filter (where username = ${username} and ${onDevice})::int`.as('device_n'),
          sql<Date | null>`max(at) filter (where username = ${username} and ${onDevice})`.as('device_at'),
          sql<number>`count(*) filter (where username = ${username} and ip = ${q.ip})::int`.as('pair_n'),
          sql<Date | null>`max(at) filter (where username = ${username} and ip = ${q.ip})`.as('pair_at'),
          sql<number>`count(*) filter (where ip = ${q.ip})::int`.as('ip_n'),
          sql<Date | null>`max(at) filter (where ip = ${q.ip})`.as('ip_at'),
          sql<number>`count(*) filter (where username = ${username})::int`.as('account_n'),
          sql<Date | null>`max(at) filter (where username = ${username})`.as('account_at'),
        ])
        .where('at', '>', since)
        .where((eb) => eb.or([eb('username', '=', username), eb('ip', '=', q.ip)]))
        .executeTakeFirstOrThrow();
      const at = (v: Date | string | null) => (v === null ? null : new Date(v));
      return {
        device: { count: row.device_n, lastAt: at(row.device_at) },
        pair: { count: row.pair_n, lastAt: at(row.pair_at) },
        ip: { count: row.ip_n, lastAt: at(row.ip_at) },
        account: { count: row.account_n, lastAt: at(row.account_at) },
      };
    },

    /** After a right password: this address's and this device's failures for the user are forgiven. */
    async clearFailures(username: string, ip: string, deviceHash: string | null): Promise<void> {
      await db
        .deleteFrom('login_failure')
        .where('username', '=', username.toLowerCase())
        .where((eb) =>
          eb.or([eb('ip', '=', ip), ...(deviceHash === null ? [] : [eb('device_hash', '=', deviceHash)])]),
        )
        .execute();
    },

    /** An administrator's reset: every failure of the username goes. */
    async clearAllFailures(username: string): Promise<number> {
      const result = await db
        .deleteFrom('login_failure')
        .where('username', '=', username.toLowerCase())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Accounts in scope with failures in the window: the administrator's view of slowed-down logins. */
    async accountsWithFailures(scope: readonly string[], windowMinutes: number) {
      if (scope.length === 0) {
        return [];
      }
      const since = sql<Date>`now() - make_interval(mins => ${windowMinutes})`;
      return db
        .selectFrom('login_failure as f')
        .innerJoin('app_user as u', (j) => j.on(sql`lower(u.username)`, '=', sql.ref('f.username')))
        .select([
          'u.id as user_id',
          'u.username',
          'u.display_name',
          'u.region_code',
          sql<number>`count(*)::int`.as('failures'),
          sql<number>`count(distinct f.ip)::int`.as('addresses'),
          sql<Date>`max(f.at)`.as('last_at'),
        ])
        .where('f.at', '>', since)
        .where((eb) => eb.or(scope.map((p) => eb('u.region_code', 'like', `${p}%`))))
        .groupBy(['u.id', 'u.username', 'u.display_name', 'u.region_code'])
        .orderBy('last_at', 'desc')
        .limit(500)
        .execute();
    },

    async isKnownDevice(tokenHash: string, userId: number): Promise<boolean> {
      const row = await db
        .selectFrom('known_device')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row !== undefined;
    },

    async rememberDevice(tokenHash: string, userId: number): Promise<void> {
      await db
        .insertInto('known_device')
        .values({ token_hash: tokenHash, user_id: userId })
        .onConflict((oc) => oc.columns(['token_hash', 'user_id']).doUpdateSet({ last_used_at: sql`now()` }))
        .execute();
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
