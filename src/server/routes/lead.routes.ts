import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { ZCaseDetail } from '../schemas/case.schema.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import {
  ZLeadClose,
  ZLeadCreate,
  ZLeadDetail,
  ZLeadList,
  ZLeadOpenCase,
  ZLeadSearch,
} from '../schemas/lead.schema.js';
import type { Services } from '../services/index.js';

const tags = ['leads'];

/** The lead queue (线索): list, report, verify and close, or open an identification case. */
export const leadRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.leads;

    app.get(
      '/leads',
      {
        config: { permission: 'lead.read' },
        schema: {
          summary: 'Leads in scope, oldest first',
          tags,
          querystring: ZLeadSearch,
          response: { 200: ZLeadList, ...authErrors },
        },
      },
      async (request) => s.list(actorOf(request), request.query),
    );

    app.post(
      '/leads',
      {
        config: { permission: 'lead.write' },
        schema: {
          summary: 'Report a household at risk (cadre report); joins its open lead if it has one',
          tags,
          body: ZLeadCreate,
          response: { 201: ZLeadDetail, ...authErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await s.report(actorOf(request), request.body)),
    );

    app.get(
      '/leads/:id',
      {
        config: { permission: 'lead.read' },
        schema: {
          summary: 'A lead with every signal behind it',
          tags,
          params: ZIdParam,
          response: { 200: ZLeadDetail, ...authErrors },
        },
      },
      async (request) => s.get(actorOf(request), request.params.id),
    );

    app.post(
      '/leads/:id/close',
      {
        config: { permission: 'lead.write' },
        schema: {
          summary: 'Verified at home and not at risk: close with the reason',
          tags,
          params: ZIdParam,
          body: ZLeadClose,
          response: { 200: ZLeadDetail, ...authErrors },
        },
      },
      async (request) => s.close(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/leads/:id/case',
      {
        config: { permission: 'lead.write' },
        schema: {
          summary:
            'Verified at home and at risk: open an identification case (starts at the data cross-check)',
          tags,
          params: ZIdParam,
          body: ZLeadOpenCase,
          response: { 201: ZCaseDetail, ...authErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await services.cases.openFromLead(actorOf(request), request.params.id, request.body)),
    );
  };
