import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors, ZIdParam, ZOk } from '../schemas/common.schema.js';
import {
  ZClaimAct,
  ZClaimActResult,
  ZClaimDetail,
  ZClaimInput,
  ZClaimLedgerQuery,
  ZClaimList,
  ZClaimNoticeInput,
  ZClaimNoticeResult,
  ZClaimSearch,
  ZClaimUpdate,
  ZNoticeObjections,
  ZScheme,
  ZSchemeInput,
  ZSchemeList,
  ZSchemeQuery,
  ZSchemeUpdate,
} from '../schemas/industry-reward.schema.js';
import type { Services } from '../services/index.js';

const tags = ['industry-rewards'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Industry rewards (产业奖补): the county's schemes and the households' claims through check, notice, review, acceptance and payment. */
export const industryRewardRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.industryRewards;

    app.get(
      '/industry-schemes',
      {
        config: { permission: 'industry.read' },
        schema: {
          summary: 'The reward schemes of the counties in the caller’s scope',
          tags,
          querystring: ZSchemeQuery,
          response: { 200: ZSchemeList, ...authErrors },
        },
      },
      async (request) => ({ items: await s.schemes(actorOf(request), request.query.year) }),
    );

    app.post(
      '/industry-schemes',
      {
        config: { permission: 'industry.configure' },
        schema: {
          summary:
            'Set up a county’s reward scheme for a year and item (rate, caps, who it pays, the window)',
          tags,
          body: ZSchemeInput,
          response: { 200: ZScheme, ...authErrors },
        },
      },
      async (request) => s.createScheme(actorOf(request), request.body),
    );

    app.patch(
      '/industry-schemes/:id',
      {
        config: { permission: 'industry.configure' },
        schema: {
          summary: 'Edit or close a scheme with the version the user saw (409 when stale)',
          tags,
          params: ZIdParam,
          body: ZSchemeUpdate,
          response: { 200: ZScheme, ...authErrors },
        },
      },
      async (request) => s.updateScheme(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/industry-claims',
      {
        config: { permission: 'industry.read' },
        schema: {
          summary:
            'Claims in the caller’s scope (helpers: their households’), by scheme, year, stage and region',
          tags,
          querystring: ZClaimSearch,
          response: { 200: ZClaimList, ...authErrors },
        },
      },
      async (request) => s.claims(actorOf(request), request.query),
    );

    app.post(
      '/industry-claims',
      {
        config: { permission: 'industry.declare' },
        schema: {
          summary:
            'Declare a household’s claim (or record it at a visit); the reward is computed with the caps',
          tags,
          body: ZClaimInput,
          response: { 200: ZClaimDetail, ...authErrors },
        },
      },
      async (request) => s.declare(actorOf(request), request.body),
    );

    app.get(
      '/industry-claims/ledger.xlsx',
      {
        config: { permission: 'industry.read' },
        schema: {
          summary: 'The 产业奖补台账 of a year as an Excel workbook',
          tags,
          querystring: ZClaimLedgerQuery,
        },
      },
      async (request, reply) => {
        const file = await s.ledgerXlsx(actorOf(request), request.query);
        return download(reply, file.filename, XLSX).send(file.buffer);
      },
    );

    app.get(
      '/industry-claims/payment-list.xlsx',
      {
        config: { permission: 'industry.read' },
        schema: {
          summary: 'The payment list for finance: claims accepted by the county and not yet paid',
          tags,
          querystring: ZClaimLedgerQuery,
        },
      },
      async (request, reply) => {
        const file = await s.ledgerXlsx(actorOf(request), { ...request.query, payable: true });
        return download(reply, file.filename, XLSX).send(file.buffer);
      },
    );

    app.post(
      '/industry-claims/actions',
      {
        config: { permission: 'industry.act' },
        schema: {
          summary:
            'A step on one or more claims by the level that holds them (all or nothing; 409 when stale)',
          tags,
          body: ZClaimAct,
          response: { 200: ZClaimActResult, ...authErrors },
        },
      },
      async (request) => s.act(actorOf(request), request.body),
    );

    app.post(
      '/industry-claims/notices',
      {
        config: { permission: 'industry.act' },
        schema: {
          summary: 'Post a village’s checked claims of one scheme on a public notice (at least 10 days)',
          tags,
          body: ZClaimNoticeInput,
          response: { 200: ZClaimNoticeResult, ...authErrors },
        },
      },
      async (request) => s.postNotice(actorOf(request), request.body),
    );

    app.put(
      '/industry-claims/notices/:id/objections',
      {
        config: { permission: 'industry.act' },
        schema: {
          summary: 'Record objections raised during a claims notice and whether they are settled',
          tags,
          params: ZIdParam,
          body: ZNoticeObjections,
          response: { 200: ZOk, ...authErrors },
        },
      },
      async (request) => s.recordObjections(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/industry-claims/:id',
      {
        config: { permission: 'industry.read' },
        schema: {
          summary: 'One claim with its steps (办理记录)',
          tags,
          params: ZIdParam,
          response: { 200: ZClaimDetail, ...authErrors },
        },
      },
      async (request) => s.claim(actorOf(request), request.params.id),
    );

    app.patch(
      '/industry-claims/:id',
      {
        config: { permission: 'industry.declare' },
        schema: {
          summary: 'Edit a claim still with the village (declared or sent back); it is declared again',
          tags,
          params: ZIdParam,
          body: ZClaimUpdate,
          response: { 200: ZClaimDetail, ...authErrors },
        },
      },
      async (request) => s.edit(actorOf(request), request.params.id, request.body),
    );
  };
