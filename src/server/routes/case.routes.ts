import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import {
  ZCaseAction,
  ZCaseClassify,
  ZCaseDetail,
  ZCaseElimination,
  ZCaseList,
  ZCaseSafetyNet,
  ZCaseSearch,
  ZCaseSummary,
  ZCaseSummaryQuery,
} from '../schemas/case.schema.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import type { Services } from '../services/index.js';

const tags = ['cases'];

/** Monitoring cases: identification and elimination steps, the case list and its summary. */
export const caseRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.cases;

    app.get(
      '/cases',
      {
        config: { permission: 'case.read' },
        schema: {
          summary: 'Cases in scope by group or stage',
          tags,
          querystring: ZCaseSearch,
          response: { 200: ZCaseList, ...authErrors },
        },
      },
      async (request) => s.search(actorOf(request), request.query),
    );

    app.get(
      '/cases/summary',
      {
        config: { permission: 'case.read' },
        schema: {
          summary: 'What is due and what is late, per child region',
          tags,
          querystring: ZCaseSummaryQuery,
          response: { 200: ZCaseSummary, ...authErrors },
        },
      },
      async (request) => s.summary(actorOf(request), request.query.regionCode),
    );

    app.get(
      '/cases/:id',
      {
        config: { permission: 'case.read' },
        schema: {
          summary:
            'A case with its steps, measures, helpers, elimination criteria and the actions open to you',
          tags,
          params: ZIdParam,
          response: { 200: ZCaseDetail, ...authErrors },
        },
      },
      async (request) => s.detail(actorOf(request), request.params.id),
    );

    app.patch(
      '/cases/:id',
      {
        config: { permission: 'case.act' },
        schema: {
          summary: 'Set the category and risk types (before county approval)',
          tags,
          params: ZIdParam,
          body: ZCaseClassify,
          response: { 200: ZCaseDetail, ...authErrors },
        },
      },
      async (request) => s.classify(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/cases/:id/actions',
      {
        config: { permission: 'case.act' },
        schema: {
          summary: 'Submit the current step onward, send it back, or reject',
          tags,
          params: ZIdParam,
          body: ZCaseAction,
          response: { 200: ZCaseDetail, ...authErrors },
        },
      },
      async (request) => s.act(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/cases/:id/elimination',
      {
        config: { permission: 'case.act' },
        schema: {
          summary: 'Request risk elimination (checked against the criteria)',
          tags,
          params: ZIdParam,
          body: ZCaseElimination,
          response: { 200: ZCaseDetail, ...authErrors },
        },
      },
      async (request) => s.requestElimination(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/cases/:id/safety-net',
      {
        config: { permission: 'case.act' },
        schema: {
          summary: 'Mark a household without labour capacity as kept under the safety net',
          tags,
          params: ZIdParam,
          body: ZCaseSafetyNet,
          response: { 200: ZCaseDetail, ...authErrors },
        },
      },
      async (request) => s.markSafetyNet(actorOf(request), request.params.id, request.body),
    );
  };
