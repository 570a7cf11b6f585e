import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import {
  ZOperator,
  ZOperatorInput,
  ZOperatorList,
  ZOperatorSearch,
  ZOperatorUpdate,
  ZWorkshopInput,
} from '../schemas/operator.schema.js';
import type { Services } from '../services/index.js';

const tags = ['operators'];

/** The operator registry (经营主体): entered once, read by employment, farmer linkage and consumer assistance. */
export const operatorRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.operators;

    app.get(
      '/operators',
      {
        config: { permission: 'operator.read' },
        schema: {
          summary: 'Operators in the caller’s scope, by region, type, status and name or USCC',
          tags,
          querystring: ZOperatorSearch,
          response: { 200: ZOperatorList, ...authErrors },
        },
      },
      async (request) => s.search(actorOf(request), request.query),
    );

    app.post(
      '/operators',
      {
        config: { permission: 'operator.write' },
        schema: {
          summary: 'Register an operator in a county, town or village of the caller’s scope',
          tags,
          body: ZOperatorInput,
          response: { 200: ZOperator, ...authErrors },
        },
      },
      async (request) => s.create(actorOf(request), request.body),
    );

    app.get(
      '/operators/:id',
      {
        config: { permission: 'operator.read' },
        schema: {
          summary: 'One operator, with what other modules record on it',
          tags,
          params: ZIdParam,
          response: { 200: ZOperator, ...authErrors },
        },
      },
      async (request) => s.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/operators/:id',
      {
        config: { permission: 'operator.write' },
        schema: {
          summary: 'Edit an operator or change its status, with the version the user saw (409 when stale)',
          tags,
          params: ZIdParam,
          body: ZOperatorUpdate,
          response: { 200: ZOperator, ...authErrors },
        },
      },
      async (request) => s.update(actorOf(request), request.params.id, request.body),
    );

    app.put(
      '/operators/:id/workshop',
      {
        config: { permission: 'operator.write' },
        schema: {
          summary:
            'Describe an assistance workshop (帮扶车间): type, site, certification, capacity, insurance',
          tags,
          params: ZIdParam,
          body: ZWorkshopInput,
          response: { 200: ZOperator, ...authErrors },
        },
      },
      async (request) => s.saveWorkshop(actorOf(request), request.params.id, request.body),
    );
  };
