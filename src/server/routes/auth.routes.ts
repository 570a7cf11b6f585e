import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasPermission, PERMISSIONS } from '../../shared/permissions.js';
import { actorOf, requestInfo } from '../http/auth-hook.js';
import { SESSION_COOKIE } from '../http/types.js';
import { ZChangePasswordRequest, ZLoginRequest, ZMe } from '../schemas/auth.schema.js';
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
});

export const authRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: {
          summary: 'Log in; sets the httpOnly session cookie',
          tags: ['auth'],
          body: ZLoginRequest,
          response: { 200: ZMe, 400: ZError, 401: ZError, 429: ZError },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const result = await services.auth.login(username, password, requestInfo(request));
        void reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          path: '/',
          expires: result.expiresAt,
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
