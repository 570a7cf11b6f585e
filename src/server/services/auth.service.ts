import { createHash, randomBytes } from 'node:crypto';
import { passwordProblem, passwords } from '../adapters/passwords.js';
import type { Config } from '../config.js';
import { AppError, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { UserWithRegion } from '../repositories/user.repository.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { accountSlowedUntil, LOGIN_POLICY, loginWaitSeconds } from './login-policy.js';
import { scopeForRegion } from './region-scope.js';
import type { RunInTransaction } from './transaction.js';
import { toActorFields } from './user-presenter.js';

// Verified when the username does not exist, so a wrong name costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => {
  dummyHash ??= passwords.hash(randomBytes(16).toString('hex'));
  return dummyHash;
};

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The known-device cookie the browser sent, if any. */
  deviceToken?: string | null;
}

const waitText = (seconds: number) => (seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`);

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A live session is re-read from the database at most every few seconds: each request would otherwise
 * cost a join of session, user and region. Changes made on this server drop the entry at once
 * (logout, forgetUser); on another server they take effect within SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 5_000;

export function createAuthService(deps: { repos: Repositories; tx: RunInTransaction; config: Config }) {
  const { repos, tx, config } = deps;
  const sessionCache = new Map<
    string,
    { actor: Actor; userId: number; mustChangePassword: boolean; until: number }
  >();
  const forget = (userId: number) => {
    for (const [key, entry] of sessionCache) {
      if (entry.userId === userId) {
        sessionCache.delete(key);
      }
    }
  };

  // Takes the repositories to use: inside a transaction on PGlite's single connection, a query
  // through the outer handle would wait for the transaction forever.
  async function actorFor(r: Repositories, user: UserWithRegion, info: RequestInfo): Promise<Actor> {
    const zoneTowns = user.region_level === 'zone' ? await r.regions.listZoneTownCodes(user.region_code) : [];
    return {
      ...toActorFields(user),
      scope: scopeForRegion({ code: user.region_code, level: user.region_level }, zoneTowns),
      ip: info.ip,
      requestId: info.requestId,
    };
  }

  return {
    async login(username: string, password: string, info: RequestInfo) {
      const ip = info.ip ?? 'unknown';
      const stored = await repos.users.findByUsername(username);
      const deviceHash = info.deviceToken ? hashToken(info.deviceToken) : null;
      const knownDevice =
        stored !== undefined &&
        deviceHash !== null &&
        (await repos.sessions.isKnownDevice(deviceHash, stored.id));
      const failures = await repos.sessions.recentFailures({
        username,
        ip,
        deviceHash,
        windowMinutes: LOGIN_POLICY.windowMinutes,
      });
      // Failures are stamped by the database's now(), so the back-off is measured on the same wall clock,
      // not on Shoudi's business clock (which tests shift to any hour).
      const wait = loginWaitSeconds(failures, knownDevice, new Date());
      if (wait > 0) {
        throw new AppError('RATE_LIMITED', `登录失败次数过多，请 ${waitText(wait)}后再试`, {
          retryAfterSeconds: wait,
        });
      }
      const isValid = await passwords.verify(stored?.password_hash ?? (await getDummyHash()), password);
      if (!stored || !isValid || stored.disabled) {
        await tx(async (t) => {
          await t.sessions.recordLoginFailure(username, ip, deviceHash);
          await recordAudit(
            t,
            { userId: null, username: username.slice(0, 64), ip: info.ip, requestId: info.requestId },
            {
              action: 'auth.login_failed',
              entityType: 'user',
              entityId: stored?.id ?? null,
              regionCode: stored?.region_code ?? null,
              new: { reason: !stored ? 'unknown_user' : stored.disabled ? 'disabled' : 'wrong_password' },
            },
          );
        });
        // One message for every cause: the response must not tell which usernames exist.
        throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
      }
      // The browser keeps one device token for every user who logs in on it (a shared office computer).
      const deviceToken = info.deviceToken ?? randomBytes(32).toString('base64url');
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + config.sessionMaxHours * 3600_000);
      const user = await tx(async (t) => {
        await t.sessions.clearFailures(username, ip, deviceHash);
        await t.sessions.rememberDevice(hashToken(deviceToken), stored.id);
        await t.sessions.deleteExpired();
        await t.sessions.insert({
          tokenHash: hashToken(token),
          userId: stored.id,
          expiresAt,
          ip: info.ip,
          userAgent: info.userAgent?.slice(0, 300) ?? null,
        });
        await t.users.touchLogin(stored.id);
        const full = await t.users.findById(stored.id);
        if (!full) {
          throw new AppError('INTERNAL', 'user vanished during login');
        }
        const actor = await actorFor(t, full, info);
        await recordAudit(t, actor, {
          action: 'auth.login',
          entityType: 'user',
          entityId: stored.id,
          regionCode: stored.region_code,
        });
        return full;
      });
      return {
        token,
        deviceToken,
        expiresAt,
        actor: await actorFor(repos, user, info),
        mustChangePassword: user.must_change_password,
      };
    },

    /** The actor behind a session token, or null when the session is unknown, expired or idle. */
    async authenticate(
      token: string,
      info: RequestInfo,
    ): Promise<{ actor: Actor; mustChangePassword: boolean } | null> {
      const tokenHash = hashToken(token);
      const cached = sessionCache.get(tokenHash);
      if (cached && cached.until > Date.now()) {
        return {
          actor: { ...cached.actor, ip: info.ip, requestId: info.requestId },
          mustChangePassword: cached.mustChangePassword,
        };
      }
      const row = await repos.sessions.findLive(tokenHash, config.sessionIdleMinutes);
      if (!row) {
        sessionCache.delete(tokenHash);
        return null;
      }
      // Sliding idle timeout; written at most once a minute to keep reads cheap.
      if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
        await repos.sessions.touch(tokenHash);
      }
      const actor = await actorFor(repos, row, info);
      if (sessionCache.size > 10_000) {
        sessionCache.clear();
      }
      sessionCache.set(tokenHash, {
        actor,
        userId: row.id,
        mustChangePassword: row.must_change_password,
        until: Date.now() + SESSION_CACHE_MS,
      });
      return { actor, mustChangePassword: row.must_change_password };
    },

    /** Drops cached sessions of a user whose access changed (disabled, moved, password reset). */
    forgetUser: forget,

    async logout(actor: Actor, token: string): Promise<void> {
      sessionCache.delete(hashToken(token));
      await tx(async (t) => {
        await t.sessions.delete(hashToken(token));
        await recordAudit(t, actor, {
          action: 'auth.logout',
          entityType: 'user',
          entityId: actor.userId,
          regionCode: actor.regionCode,
        });
      });
    },

    /** The administrator's view: accounts in scope with recent failed logins, and whether they are slowed. */
    async listLockouts(actor: Actor) {
      const rows = await repos.sessions.accountsWithFailures(actor.scope, LOGIN_POLICY.windowMinutes);
      return rows.map((r) => {
        const lastAt = new Date(r.last_at);
        const until = accountSlowedUntil({ count: r.failures, lastAt });
        return {
          userId: r.user_id,
          username: r.username,
          displayName: r.display_name,
          regionCode: r.region_code,
          failures: r.failures,
          addresses: r.addresses,
          lastFailureAt: lastAt.toISOString(),
          slowedUntil: until && until > new Date() ? until.toISOString() : null, // wall clock, as in login()
        };
      });
    },

    /** Forgets every failed login of a user in scope, so the user may log in at once from anywhere. */
    async resetLockout(actor: Actor, username: string): Promise<{ cleared: number }> {
      const user = await repos.users.findByUsername(username);
      if (!user || !actor.scope.some((p) => user.region_code.startsWith(p))) {
        throw notFound('用户');
      }
      return tx(async (t) => {
        const cleared = await t.sessions.clearAllFailures(user.username);
        await recordAudit(t, actor, {
          action: 'auth.lockout_reset',
          entityType: 'user',
          entityId: user.id,
          regionCode: user.region_code,
          new: { cleared },
        });
        return { cleared };
      });
    },

    async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
      if (actor.userId === null) {
        throw validation('系统账号没有密码');
      }
      const stored = await repos.users.findByUsername(actor.username);
      if (!stored || !(await passwords.verify(stored.password_hash, currentPassword))) {
        throw validation('当前密码不正确', { field: 'currentPassword' });
      }
      const problem = passwordProblem(newPassword, actor.username);
      if (problem) {
        throw validation(problem, { field: 'newPassword' });
      }
      const passwordHash = await passwords.hash(newPassword);
      forget(stored.id);
      await tx(async (t) => {
        await t.users.setPassword(stored.id, passwordHash, false);
        await recordAudit(t, actor, {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: stored.id,
          regionCode: stored.region_code,
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
