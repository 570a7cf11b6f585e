import type { Permission } from '../../shared/permissions.js';
import type { Actor } from '../services/actor.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route needs; routes without one must say `public: true`. */
    permission?: Permission;
    /** Open to anyone (health, login, the OpenAPI document). */
    public?: boolean;
    /** Reachable by a user who must still change a temporary password. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'shoudi_session';
/** A random id of the browser, set at login; a device a user has logged in from is "known" (login policy). */
export const DEVICE_COOKIE = 'shoudi_device';
