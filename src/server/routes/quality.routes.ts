import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.js';
import { ZCycleRequest, ZCycleRun, ZQualityList, ZQualitySearch } from '../schemas/case.schema.js';
import { authErrors } from '../schemas/common.schema.js';
import type { Services } from '../services/index.js';

const tags = ['quality'];

/** Data-quality to-do lists and the monthly cycle. */
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

    app.get(
      '/cycle/monthly',
      {
        config: { permission: 'cycle.run' },
        schema: {
          summary: 'Monthly cycle runs, newest first',
          tags,
          response: { 200: z.array(ZCycleRun), ...authErrors },
        },
      },
      async () => services.cycle.list(),
    );

    app.post(
      '/cycle/monthly',
      {
        config: { permission: 'cycle.run' },
        schema: {
          summary: 'Run the monthly cycle for a month (in the background; poll the list)',
          tags,
          body: ZCycleRequest,
          response: { 202: ZCycleRun, ...authErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(await services.cycle.run(actorOf(request), request.body.month, { wait: false })),
    );
  };
