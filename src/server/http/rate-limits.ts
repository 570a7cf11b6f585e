import fastifyRateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { clock } from '../../shared/clock.js';
import { AppError } from '../errors.js';

/** One limit of a route: at most `max` requests per `windowMs` for each key the request yields. */
export interface RouteLimit {
  /** Names the counter; two limits with the same key value but different names count apart. */
  name: string;
  max: number;
  windowMs: number;
  /** The key (an address, a phone, a username, a village), or null to not count this request. */
  key: (request: FastifyRequest) => string | null;
  message?: string;
}

/**
 * A `@fastify/rate-limit` store on the `rate_limit_hit` table, so every server process on one PostgreSQL
 * database (or the one process on PGlite) shares the counters. The counters (`services.rateLimits`) store
 * each key as an HMAC: the table holds no addresses or phone numbers.
 */
interface Counters {
  hit(key: string, windowMs: number, now: Date): Promise<{ hits: number; resetAt: Date }>;
  deleteExpired(now: Date): Promise<void>;
}

function postgresStore(counters: Counters) {
  let sinceSweep = 0;
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const now = clock().now();
      // Finished windows are swept now and then so the table stays as small as the live counters.
      const sweep = ++sinceSweep % 1000 === 0 ? counters.deleteExpired(now) : Promise.resolve();
      sweep
        .then(() => counters.hit(key, timeWindow, now))
        .then(
          ({ hits, resetAt }) =>
            callback(null, { current: hits, ttl: Math.max(0, resetAt.getTime() - now.getTime()) }),
          (error: Error) => callback(error),
        );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

/**
 * Registers `@fastify/rate-limit` with the shared store (no global limit: each route names its own) and
 * returns `limits(...)`, which makes a route's preHandler from its limits. A preHandler sees the parsed
 * body, so a limit can key on a phone or a username; the limits are checked in order and the first one
 * exceeded answers 429 with Retry-After, without counting the request against the later ones.
 */
export async function registerRateLimits(app: FastifyInstance, counters: Counters) {
  await app.register(fastifyRateLimit, {
    global: false,
    store: postgresStore(counters),
    // A database error must not open the gate, nor turn into a 500 for the user: the request is refused.
    skipOnError: false,
  });
  return function limits(routeLimits: readonly RouteLimit[]): preHandlerAsyncHookHandler {
    const checks = routeLimits.map((limit) => ({
      limit,
      check: app.createRateLimit({
        max: limit.max,
        timeWindow: limit.windowMs,
        keyGenerator: (request) => `${limit.name}:${limit.key(request) ?? ''}`,
      }),
    }));
    return async (request) => {
      for (const { limit, check } of checks) {
        if (limit.key(request) === null) {
          continue;
        }
        const result = await check(request);
        if (!result.isAllowed && result.isExceeded) {
          throw new AppError('RATE_LIMITED', limit.message ?? '请求过于频繁，请稍后再试', {
            retryAfterSeconds: Math.max(1, result.ttlInSeconds),
            limit: limit.name,
          });
        }
      }
    };
  };
}

export type RouteLimits = Awaited<ReturnType<typeof registerRateLimits>>;
