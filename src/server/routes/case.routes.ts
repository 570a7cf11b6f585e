import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
  ZHelperAssign,
  ZHelperAssignResult,
  ZHelperSearch,
  ZHelperUser,
  ZId,
  ZMeasure,
  ZMeasureInput,
  ZMeasureUpdate,
  ZTimeline,
  ZVersionQuery,
} from '../schemas/case.schema.js';
import { authErrors, ZOk } from '../schemas/common.schema.js';
import type { Services } from '../services/index.js';

const tags = ['cases'];

/** Monitoring cases: identification and elimination steps, measures, helpers, a household's timeline. */
export const caseRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.cases;
    const m = services.measures;

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
          params: ZId,
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
          params: ZId,
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
          params: ZId,
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
          params: ZId,
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
          params: ZId,
          body: ZCaseSafetyNet,
          response: { 200: ZCaseDetail, ...authErrors },
        },
      },
      async (request) => s.markSafetyNet(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/cases/:id/measures',
      {
        config: { permission: 'measure.write' },
        schema: {
          summary: 'Add an assistance measure',
          tags,
          params: ZId,
          body: ZMeasureInput,
          response: { 201: ZMeasure, ...authErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await m.add(actorOf(request), request.params.id, request.body)),
    );

    app.patch(
      '/measures/:id',
      {
        config: { permission: 'measure.write' },
        schema: {
          summary: 'Change a measure',
          tags,
          params: ZId,
          body: ZMeasureUpdate,
          response: { 200: ZMeasure, ...authErrors },
        },
      },
      async (request) => m.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/measures/:id',
      {
        config: { permission: 'measure.write' },
        schema: {
          summary: 'Delete a measure',
          tags,
          params: ZId,
          querystring: ZVersionQuery,
          response: { 200: ZOk, ...authErrors },
        },
      },
      async (request) => m.remove(actorOf(request), request.params.id, request.query.version),
    );

    app.get(
      '/helpers',
      {
        config: { permission: 'helper.assign' },
        schema: {
          summary: 'Helpers (帮扶责任人) who may be assigned, with their current household counts',
          tags,
          querystring: ZHelperSearch,
          response: { 200: z.array(ZHelperUser), ...authErrors },
        },
      },
      async (request) => m.helperUsers(actorOf(request), request.query.regionCode),
    );

    app.post(
      '/helper-assignments',
      {
        config: { permission: 'helper.assign' },
        schema: {
          summary: 'Assign (or reassign) a helper to households in bulk',
          tags,
          body: ZHelperAssign,
          response: { 200: ZHelperAssignResult, ...authErrors },
        },
      },
      async (request) => m.assignHelper(actorOf(request), request.body),
    );

    app.get(
      '/households/:id/timeline',
      {
        config: { permission: 'case.read' },
        schema: {
          summary: "A household's story: leads, case steps, measures, visits, income, helpers",
          tags,
          params: ZId,
          response: { 200: ZTimeline, ...authErrors },
        },
      },
      async (request) => s.timeline(actorOf(request), request.params.id),
    );
  };
