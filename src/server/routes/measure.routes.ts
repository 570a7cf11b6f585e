import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { ZMeasure } from '../schemas/case.schema.js';
import { authErrors, ZIdParam, ZOk } from '../schemas/common.schema.js';
import { ZMeasureInput, ZMeasureUpdate, ZVersionQuery } from '../schemas/measure.schema.js';
import type { Services } from '../services/index.js';

const tags = ['measures'];

/** Assistance measures (帮扶措施) of a case: add, change, delete. */
export const measureRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.measures;

    app.post(
      '/cases/:id/measures',
      {
        config: { permission: 'measure.write' },
        schema: {
          summary: 'Add an assistance measure',
          tags,
          params: ZIdParam,
          body: ZMeasureInput,
          response: { 201: ZMeasure, ...authErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await s.add(actorOf(request), request.params.id, request.body)),
    );

    app.patch(
      '/measures/:id',
      {
        config: { permission: 'measure.write' },
        schema: {
          summary: 'Change a measure',
          tags,
          params: ZIdParam,
          body: ZMeasureUpdate,
          response: { 200: ZMeasure, ...authErrors },
        },
      },
      async (request) => s.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/measures/:id',
      {
        config: { permission: 'measure.write' },
        schema: {
          summary: 'Delete a measure',
          tags,
          params: ZIdParam,
          querystring: ZVersionQuery,
          response: { 200: ZOk, ...authErrors },
        },
      },
      async (request) => s.remove(actorOf(request), request.params.id, request.query.version),
    );
  };
