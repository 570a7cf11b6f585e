import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors } from '../schemas/common.schema.js';
import { ZWorkset, ZWorksetQuery } from '../schemas/sync.schema.js';
import type { Services } from '../services/index.js';

const tags = ['sync'];

/** Offline field work (issue #7): the work set a phone carries, refreshed incrementally. */
export const syncRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/sync/workset',
      {
        config: { permission: 'visit.write' },
        schema: {
          summary:
            'The households in scope with key facts, due dates, last visits, open leads and alerts; with `since`, only what changed',
          tags,
          querystring: ZWorksetQuery,
          response: { 200: ZWorkset, ...authErrors },
        },
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(await services.sync.workset(actorOf(request), request.query)),
    );
  };
