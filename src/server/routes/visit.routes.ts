import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import {
  ZVisit,
  ZVisitDueList,
  ZVisitDueSearch,
  ZVisitInput,
  ZVisitPolicy,
  ZVisitSaved,
} from '../schemas/visit.schema.js';
import type { Services } from '../services/index.js';

const tags = ['visits'];

/** Visits (走访): due lists, the cadence, recording (idempotent by client id). */
export const visitRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.visits;

    app.get(
      '/visits/due',
      {
        config: { permission: 'visit.read' },
        schema: {
          summary: 'Households by next visit due date (cadence per household type)',
          tags,
          querystring: ZVisitDueSearch,
          response: { 200: ZVisitDueList, ...authErrors },
        },
      },
      async (request) => s.due(actorOf(request), request.query),
    );

    app.get(
      '/visits/policy',
      {
        config: { permission: 'visit.read' },
        schema: {
          summary: 'Visit cadence in months per household type',
          tags,
          response: { 200: ZVisitPolicy, ...authErrors },
        },
      },
      async () => s.policy(),
    );

    app.put(
      '/visits/policy',
      {
        config: { permission: 'screening.configure' },
        schema: {
          summary: 'Change the visit cadence per household type',
          tags,
          body: ZVisitPolicy,
          response: { 200: ZVisitPolicy, ...authErrors },
        },
      },
      async (request) => s.setPolicy(actorOf(request), request.body),
    );

    app.post(
      '/visits',
      {
        config: { permission: 'visit.write' },
        schema: {
          summary:
            'Record a visit; the same id sent again returns the stored visit (201 new, 200 already stored)',
          tags,
          body: ZVisitInput,
          response: { 200: ZVisitSaved, 201: ZVisitSaved, ...authErrors },
        },
      },
      async (request, reply) => {
        const saved = await s.record(actorOf(request), request.body);
        return reply.status(saved.created ? 201 : 200).send(saved);
      },
    );

    app.get(
      '/households/:id/visits',
      {
        config: { permission: 'visit.read' },
        schema: {
          summary: "A household's visits, newest first",
          tags,
          params: ZIdParam,
          response: { 200: z.array(ZVisit), ...authErrors },
        },
      },
      async (request) => s.forHousehold(actorOf(request), request.params.id),
    );
  };
