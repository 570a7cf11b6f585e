import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors } from '../schemas/common.schema.js';
import { ZHelperAssign, ZHelperAssignResult, ZHelperSearch, ZHelperUser } from '../schemas/helper.schema.js';
import type { Services } from '../services/index.js';

const tags = ['helpers'];

/** Helpers (帮扶责任人): who may be assigned, and assigning them to households in bulk. */
export const helperRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.helpers;

    app.get(
      '/helpers',
      {
        config: { permission: 'helper.assign' },
        schema: {
          summary: 'Helpers (帮扶责任人) who may be assigned, with their current household counts',
          tags,
          querystring: ZHelperSearch,
          response: { 200: z.array(ZHelperUser), ...authErrors },
        },
      },
      async (request) => s.helperUsers(actorOf(request), request.query.regionCode),
    );

    app.post(
      '/helper-assignments',
      {
        config: { permission: 'helper.assign' },
        schema: {
          summary: 'Assign (or reassign) a helper to households in bulk',
          tags,
          body: ZHelperAssign,
          response: { 200: ZHelperAssignResult, ...authErrors },
        },
      },
      async (request) => s.assignHelper(actorOf(request), request.body),
    );
  };
