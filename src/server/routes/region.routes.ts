import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors } from '../schemas/common.schema.js';
import { ZRegion, ZRegionChild, ZRegionCode, ZRegionDetail, ZZone } from '../schemas/region.schema.js';
import type { Services } from '../services/index.js';

export const regionRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/regions',
      {
        config: { permission: 'region.read' },
        schema: {
          summary: 'The roots of the region tree the caller can see',
          tags: ['regions'],
          response: { 200: z.array(ZRegion), ...authErrors },
        },
      },
      async (request) => services.regions.roots(actorOf(request)),
    );

    app.get(
      '/regions/:code',
      {
        config: { permission: 'region.read' },
        schema: {
          summary: 'A region with its path from the city',
          tags: ['regions'],
          params: ZRegionCode,
          response: { 200: ZRegionDetail, ...authErrors },
        },
      },
      async (request) => services.regions.get(actorOf(request), request.params.code),
    );

    app.get(
      '/regions/:code/children',
      {
        config: { permission: 'region.read' },
        schema: {
          summary: 'The children of a region that the caller can see',
          tags: ['regions'],
          params: ZRegionCode,
          response: { 200: z.array(ZRegionChild), ...authErrors },
        },
      },
      async (request) => services.regions.children(actorOf(request), request.params.code),
    );

    app.get(
      '/zones',
      {
        config: { permission: 'region.read' },
        schema: {
          summary: 'Management zones (官庄工区, 职教园区) and the towns they overlay',
          tags: ['regions'],
          response: { 200: z.array(ZZone), ...authErrors },
        },
      },
      async (request) => services.regions.zones(actorOf(request)),
    );
  };
