import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clock } from '../../shared/clock.js';
import { hasPermission, PERMISSIONS } from '../../shared/permissions.js';
import { actorOf, requestInfo } from '../http/auth-hook.js';
import type { RouteLimits } from '../http/rate-limits.js';
import { DEVICE_COOKIE, SESSION_COOKIE } from '../http/types.js';
import {
  ZChangePasswordRequest,
  ZLockoutReset,
  ZLockoutResetResult,
  ZLoginLockoutList,
  ZLoginRequest,
  ZMe,
} from '../schemas/auth.schema.js';
import { authErrors, ZError, ZOk } from '../schemas/common.schema.js';
import type { Actor } from '../services/actor.js';
import type { Services } from '../services/index.js';

const presentMe = (actor: Actor, mustChangePassword: boolean) => ({
  userId: actor.userId,
  username: actor.username,
  displayName: actor.displayName,
  role: actor.role,
  department: actor.department,
  regionCode: actor.regionCode,
  regionName: actor.regionName,
  regionLevel: actor.regionLevel,
  permissions: PERMISSIONS.filter((p) => hasPermission(actor.role, p)),
  mustChangePassword,
  serverTime: clock().now().toISOString(),
});

const MINUTE = 60_000;

export const authRoutes =
  (services: Services, limits: RouteLimits): FastifyPluginAsyncZod =>
  async (app) => {
    // Request caps before any password is hashed (argon2 is costly); the failure back-off of the login
    // policy (services/login-policy.ts) then decides who may try a password.
    const loginLimits = limits([
      { name: 'login.address', max: 120, windowMs: MINUTE, key: (r) => r.ip },
      {
        name: 'login.username-address',
        max: 20,
        windowMs: MINUTE,
        key: (r) => {
          const username = (r.body as { username?: unknown } | undefined)?.username;
          return typeof username === 'string' ? `${username.toLowerCase()}@${r.ip}` : null;
        },
      },
    ]);

    app.post(
      '/auth/login',
      {
        config: { public: true },
        preHandler: loginLimits,
        schema: {
          summary: 'Log in; sets the httpOnly session cookie',
          tags: ['auth'],
          body: ZLoginRequest,
          response: { 200: ZMe, 400: ZError, 401: ZError, 429: ZError },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const result = await services.auth.login(username, password, {
          ...requestInfo(request),
          deviceToken: request.cookies[DEVICE_COOKIE] ?? null,
        });
        void reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          path: '/',
          expires: result.expiresAt,
        });
        // Marks this browser as one the user logged in from: the right password from it passes the
        // per-account slow-down an attacker elsewhere may have triggered.
        void reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
          httpOnly: true,
          sameSite: 'strict',
          secure: request.protocol === 'https',
          path: '/api/auth',
          maxAge: 365 * 24 * 3600,
        });
        return presentMe(result.actor, result.mustChangePassword);
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { permission: 'region.read', allowPendingPasswordChange: true },
        schema: {
          summary: 'Log out; ends the session',
          tags: ['auth'],
          response: { 200: ZOk, ...authErrors },
        },
      },
      async (request, reply) => {
        await services.auth.logout(actorOf(request), request.sessionToken ?? '');
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/lockouts',
      {
        config: { permission: 'user.manage' },
        schema: {
          summary: 'Accounts in scope with recent failed logins, and whether unknown devices must wait',
          tags: ['auth'],
          response: { 200: ZLoginLockoutList, ...authErrors },
        },
      },
      async (request) => ({ items: await services.auth.listLockouts(actorOf(request)) }),
    );

    app.post(
      '/auth/lockouts/reset',
      {
        config: { permission: 'user.manage' },
        schema: {
          summary: 'Forget the failed logins of a user in scope, so they may log in at once',
          tags: ['auth'],
          body: ZLockoutReset,
          response: { 200: ZLockoutResetResult, ...authErrors },
        },
      },
      async (request) => services.auth.resetLockout(actorOf(request), request.body.username),
    );

    app.get(
      '/auth/me',
      {
        config: { permission: 'region.read', allowPendingPasswordChange: true },
        schema: { summary: 'The logged-in user', tags: ['auth'], response: { 200: ZMe, ...authErrors } },
      },
      async (request) => {
        const actor = actorOf(request);
        const user = actor.userId === null ? null : await services.users.getSelf(actor);
        return presentMe(actor, user?.mustChangePassword ?? false);
      },
    );

    app.post(
      '/auth/password',
      {
        config: { permission: 'region.read', allowPendingPasswordChange: true },
        schema: {
          summary: 'Change one’s own password',
          tags: ['auth'],
          body: ZChangePasswordRequest,
          response: { 200: ZOk, ...authErrors },
        },
      },
      async (request) => {
        await services.auth.changePassword(
          actorOf(request),
          request.body.currentPassword,
          request.body.newPassword,
        );
        return { ok: true as const };
      },
    );
  };
