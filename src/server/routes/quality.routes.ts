import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors } from '../schemas/common.schema.js';
import { ZQualityList, ZQualitySearch } from '../schemas/quality.schema.js';
import type { Services } from '../services/index.js';

const tags = ['quality'];

/** Data-quality to-do lists. */
export const qualityRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/quality',
      {
        config: { permission: 'quality.read' },
        schema: {
          summary: 'Data-quality issues in scope, per rule',
          tags,
          querystring: ZQualitySearch,
          response: { 200: ZQualityList, ...authErrors },
        },
      },
      async (request) => services.quality.list(actorOf(request), request.query),
    );
  };
