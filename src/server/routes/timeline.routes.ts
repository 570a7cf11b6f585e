import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import { ZTimeline } from '../schemas/timeline.schema.js';
import type { Services } from '../services/index.js';

const tags = ['timeline'];

/** A household's timeline: its whole story, from every module, newest first. */
export const timelineRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.timeline;

    app.get(
      '/households/:id/timeline',
      {
        config: { permission: 'case.read' },
        schema: {
          summary: "A household's story: leads, case steps, measures, visits, income, helpers",
          tags,
          params: ZIdParam,
          response: { 200: ZTimeline, ...authErrors },
        },
      },
      async (request) => s.ofHousehold(actorOf(request), request.params.id),
    );
  };
