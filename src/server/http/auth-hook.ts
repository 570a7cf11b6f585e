import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission } from '../../shared/permissions.js';
import { AppError } from '../errors.js';
import type { Actor } from '../services/actor.js';
import type { AuthService } from '../services/auth.service.js';
import { SESSION_COOKIE } from './types.js';

export const requestInfo = (request: FastifyRequest) => ({
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent'] ?? null,
  requestId: String(request.id),
});

/**
 * Deny by default: every /api route needs a live session and the permission its config names,
 * unless it is marked public. Region scope is then checked by the service on the records.
 */
export function registerAuthHook(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (!request.routeOptions.url?.startsWith('/api/') || config.public) {
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await auth.authenticate(token, requestInfo(request)) : null;
    if (!token || !session) {
      throw new AppError('UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
    }
    request.actor = session.actor;
    request.sessionToken = token;
    if (session.mustChangePassword && !config.allowPendingPasswordChange) {
      throw new AppError('FORBIDDEN', '请先修改初始密码', { reason: 'password_change_required' });
    }
    if (!config.permission) {
      throw new AppError('INTERNAL', `route ${request.routeOptions.url} declares no permission`);
    }
    if (!hasPermission(session.actor.role, config.permission)) {
      throw new AppError('FORBIDDEN', '无权执行此操作');
    }
  });
}

/** The authenticated actor of a route that passed the hook. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new AppError('UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
  }
  return request.actor;
}
