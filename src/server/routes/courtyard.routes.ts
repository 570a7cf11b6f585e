import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors, ZIdParam, ZOk } from '../schemas/common.schema.js';
import {
  ZCourtyardAct,
  ZCourtyardActResult,
  ZCourtyardCriteria,
  ZCourtyardCriteriaInput,
  ZCourtyardCriteriaQuery,
  ZCourtyardHouseholdList,
  ZCourtyardKindParam,
  ZCourtyardLedgerQuery,
  ZCourtyardNominate,
  ZCourtyardNominateResult,
  ZCourtyardObjections,
  ZCourtyardProgress,
  ZCourtyardProgressQuery,
  ZCourtyardRecord,
  ZCourtyardSearch,
  ZCourtyardVillageList,
} from '../schemas/courtyard.schema.js';
import type { Services } from '../services/index.js';

const tags = ['courtyard'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Courtyard economy demonstration villages and households (庭院经济示范): criteria, nomination, steps, progress. */
export const courtyardRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.courtyard;

    app.get(
      '/courtyard/criteria',
      {
        config: { permission: 'courtyard.read' },
        schema: {
          summary: 'A county’s demo criteria for a year (the §C2 defaults until it sets its own)',
          tags,
          querystring: ZCourtyardCriteriaQuery,
          response: { 200: ZCourtyardCriteria, ...authErrors },
        },
      },
      async (request) => s.criteria(actorOf(request), request.query),
    );

    app.put(
      '/courtyard/criteria',
      {
        config: { permission: 'courtyard.configure' },
        schema: {
          summary: 'Set the county’s demo criteria for a year with the version the user saw (409 when stale)',
          tags,
          body: ZCourtyardCriteriaInput,
          response: { 200: ZCourtyardCriteria, ...authErrors },
        },
      },
      async (request) => s.saveCriteria(actorOf(request), request.body),
    );

    app.get(
      '/courtyard/villages',
      {
        config: { permission: 'courtyard.read' },
        schema: {
          summary: 'Demo villages in the caller’s scope with their live criteria check',
          tags,
          querystring: ZCourtyardSearch,
          response: { 200: ZCourtyardVillageList, ...authErrors },
        },
      },
      async (request) => s.villages(actorOf(request), request.query),
    );

    app.get(
      '/courtyard/households',
      {
        config: { permission: 'courtyard.read' },
        schema: {
          summary: 'Demo households in the caller’s scope with their 验收 result and criteria check',
          tags,
          querystring: ZCourtyardSearch,
          response: { 200: ZCourtyardHouseholdList, ...authErrors },
        },
      },
      async (request) => s.households(actorOf(request), request.query),
    );

    app.get(
      '/courtyard/progress',
      {
        config: { permission: 'courtyard.read' },
        schema: {
          summary:
            'Per county: villages named against the 5 × 10 target, households per village, mean income',
          tags,
          querystring: ZCourtyardProgressQuery,
          response: { 200: ZCourtyardProgress, ...authErrors },
        },
      },
      async (request) => s.progress(actorOf(request), request.query.year),
    );

    app.get(
      '/courtyard/ledger.xlsx',
      {
        config: { permission: 'courtyard.read' },
        schema: {
          summary: 'The 庭院经济示范台账 of a year as an Excel workbook',
          tags,
          querystring: ZCourtyardLedgerQuery,
        },
      },
      async (request, reply) => {
        const file = await s.ledgerXlsx(actorOf(request), request.query);
        return download(reply, file.filename, XLSX).send(file.buffer);
      },
    );

    app.post(
      '/courtyard/nominations',
      {
        config: { permission: 'courtyard.nominate' },
        schema: {
          summary: 'The township nominates one of its villages and 脱贫/监测 households in it for a year',
          tags,
          body: ZCourtyardNominate,
          response: { 200: ZCourtyardNominateResult, ...authErrors },
        },
      },
      async (request) => s.nominate(actorOf(request), request.body),
    );

    app.post(
      '/courtyard/act',
      {
        config: { permission: 'courtyard.act' },
        schema: {
          summary:
            'A step on villages or households (select and post, accept, name, fail, send back), batched',
          tags,
          body: ZCourtyardAct,
          response: { 200: ZCourtyardActResult, ...authErrors },
        },
      },
      async (request) => s.act(actorOf(request), request.body),
    );

    app.put(
      '/courtyard/notices/:id/objections',
      {
        config: { permission: 'courtyard.act' },
        schema: {
          summary: 'Record objections raised during a demo list notice and whether they are settled',
          tags,
          params: ZIdParam,
          body: ZCourtyardObjections,
          response: { 200: ZOk, ...authErrors },
        },
      },
      async (request) => s.recordObjections(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/courtyard/:kind/:id',
      {
        config: { permission: 'courtyard.read' },
        schema: {
          summary: 'One demo village or household with its steps (办理记录)',
          tags,
          params: ZCourtyardKindParam,
          response: { 200: ZCourtyardRecord, ...authErrors },
        },
      },
      async (request) => s.record(actorOf(request), request.params.kind, request.params.id),
    );
  };
