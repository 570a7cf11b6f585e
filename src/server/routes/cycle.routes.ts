import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors } from '../schemas/common.schema.js';
import { ZCycleRequest, ZCycleRun } from '../schemas/cycle.schema.js';
import type { Services } from '../services/index.js';

const tags = ['cycle'];

/** The monthly cycle (月度研判): its runs, and starting one as a background job. */
export const cycleRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
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
