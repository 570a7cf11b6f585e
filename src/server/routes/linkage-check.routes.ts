import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import {
  ZCampaignAgreementParams,
  ZCampaignDetail,
  ZCampaignInput,
  ZCampaignList,
  ZCampaignQuery,
  ZCampaignUpdate,
  ZCheckDetail,
  ZCheckInput,
  ZCriteriaInput,
  ZFinding,
  ZFindingAction,
  ZFindingParams,
  ZLeadList,
  ZLeadQuery,
  ZSampleAdd,
} from '../schemas/linkage-check.schema.js';
import type { Services } from '../services/index.js';

const tags = ['linkage-checks'];

/** "四查四促" verification campaigns of farmer linkage, and the status of 帮扶龙头企业. */
export const linkageCheckRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.linkageChecks;

    app.get(
      '/linkage-checks',
      {
        config: { permission: 'linkage.read' },
        schema: {
          summary: '四查四促 campaigns of the caller’s counties, with their progress in the caller’s scope',
          tags,
          querystring: ZCampaignQuery,
          response: { 200: ZCampaignList, ...authErrors },
        },
      },
      async (request) => s.listCampaigns(actorOf(request), request.query),
    );

    app.post(
      '/linkage-checks',
      {
        config: { permission: 'linkage.verify' },
        schema: {
          summary: 'Set up a campaign (county); its sample is drawn from the county’s agreements of the year',
          tags,
          body: ZCampaignInput,
          response: { 200: ZCampaignDetail, ...authErrors },
        },
      },
      async (request) => s.createCampaign(actorOf(request), request.body),
    );

    app.get(
      '/linkage-checks/:id',
      {
        config: { permission: 'linkage.read' },
        schema: {
          summary: 'One campaign: its sample in the caller’s scope and the findings with their steps',
          tags,
          params: ZIdParam,
          response: { 200: ZCampaignDetail, ...authErrors },
        },
      },
      async (request) => s.getCampaign(actorOf(request), request.params.id),
    );

    app.patch(
      '/linkage-checks/:id',
      {
        config: { permission: 'linkage.verify' },
        schema: {
          summary: 'Edit a campaign’s name, period and item lists with the version seen (409 when stale)',
          tags,
          params: ZIdParam,
          body: ZCampaignUpdate,
          response: { 200: ZCampaignDetail, ...authErrors },
        },
      },
      async (request) => s.updateCampaign(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/linkage-checks/:id/sample',
      {
        config: { permission: 'linkage.verify' },
        schema: {
          summary: 'Add an agreement of the county and year to the sample by hand (county; marked as added)',
          tags,
          params: ZIdParam,
          body: ZSampleAdd,
          response: { 200: ZCampaignDetail, ...authErrors },
        },
      },
      async (request) => s.addToSample(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/linkage-checks/:id/ledger.xlsx',
      {
        config: { permission: 'linkage.read' },
        schema: {
          summary: 'The 四查四促核查台账 of a campaign as an Excel workbook',
          tags,
          params: ZIdParam,
        },
      },
      async (request, reply) => {
        const file = await s.ledgerXlsx(actorOf(request), request.params.id);
        return download(
          reply,
          file.filename,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ).send(file.buffer);
      },
    );

    app.get(
      '/linkage-checks/:id/agreements/:agreementId',
      {
        config: { permission: 'linkage.read' },
        schema: {
          summary: 'A sampled agreement: the recorded facts beside its check and findings',
          tags,
          params: ZCampaignAgreementParams,
          response: { 200: ZCheckDetail, ...authErrors },
        },
      },
      async (request) => s.getCheck(actorOf(request), request.params.id, request.params.agreementId),
    );

    app.put(
      '/linkage-checks/:id/agreements/:agreementId/check',
      {
        config: { permission: 'linkage.write' },
        schema: {
          summary:
            'Record the check of a sampled agreement, or edit it with its version; findings for what fails',
          tags,
          params: ZCampaignAgreementParams,
          body: ZCheckInput,
          response: { 200: ZCheckDetail, ...authErrors },
        },
      },
      async (request) =>
        s.saveCheck(actorOf(request), request.params.id, request.params.agreementId, request.body),
    );

    app.post(
      '/linkage-check-findings/:id/:action',
      {
        // The state machine names the level of each step (township rectifies, county verifies or reopens).
        config: { permission: 'linkage.write' },
        schema: {
          summary: 'A finding’s step: rectify (township), verify or reopen (county), with the version seen',
          tags,
          params: ZFindingParams,
          body: ZFindingAction,
          response: { 200: ZFinding, ...authErrors },
        },
      },
      async (request) =>
        s.actOnFinding(actorOf(request), request.params.id, request.params.action, request.body),
    );

    app.get(
      '/lead-enterprises',
      {
        config: { permission: 'linkage.read' },
        schema: {
          summary:
            '帮扶龙头企业 in the caller’s scope: figures of a year from linkage and work records, and status',
          tags,
          querystring: ZLeadQuery,
          response: { 200: ZLeadList, ...authErrors },
        },
      },
      async (request) => s.leadEnterprises(actorOf(request), request.query),
    );

    app.put(
      '/lead-enterprises/criteria',
      {
        config: { permission: 'linkage.verify' },
        schema: {
          summary: 'Set the county’s 帮扶龙头企业 criteria with the version seen (0 the first time)',
          tags,
          body: ZCriteriaInput,
          response: { 200: ZLeadList, ...authErrors },
        },
      },
      async (request) => s.saveCriteria(actorOf(request), request.body),
    );
  };
