import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import {
  ZBenefitInput,
  ZLedgerQuery,
  ZLinkageDetail,
  ZLinkageInput,
  ZLinkageList,
  ZLinkageSearch,
  ZLinkageUpdate,
  ZLinkageYearQuery,
  ZLinkInput,
  ZLinkParams,
} from '../schemas/linkage.schema.js';
import type { Services } from '../services/index.js';

const tags = ['linkage'];

/** Farmer linkage (联农带农): operators' agreements, the households they link each year and what they paid them. */
export const linkageRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.linkage;

    app.get(
      '/linkages',
      {
        config: { permission: 'linkage.read' },
        schema: {
          summary: 'Agreements in the caller’s scope in a year, with linkage counted from the payments',
          tags,
          querystring: ZLinkageSearch,
          response: { 200: ZLinkageList, ...authErrors },
        },
      },
      async (request) => s.search(actorOf(request), request.query),
    );

    app.post(
      '/linkages',
      {
        config: { permission: 'linkage.write' },
        schema: {
          summary: 'Record an operator’s linkage agreement (mode, term, terms, the project it came from)',
          tags,
          body: ZLinkageInput,
          response: { 200: ZLinkageDetail, ...authErrors },
        },
      },
      async (request) => s.create(actorOf(request), request.body),
    );

    app.get(
      '/linkages/ledger.xlsx',
      {
        config: { permission: 'linkage.read' },
        schema: {
          summary: 'The 联农带农台账 of a year as an Excel workbook',
          tags,
          querystring: ZLedgerQuery,
        },
      },
      async (request, reply) => {
        const file = await s.ledgerXlsx(actorOf(request), request.query);
        return download(
          reply,
          file.filename,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ).send(file.buffer);
      },
    );

    app.get(
      '/linkages/:id',
      {
        config: { permission: 'linkage.read' },
        schema: {
          summary: 'One agreement in a year: its households, what each was paid, and the payments',
          tags,
          params: ZIdParam,
          querystring: ZLinkageYearQuery,
          response: { 200: ZLinkageDetail, ...authErrors },
        },
      },
      async (request) => s.get(actorOf(request), request.params.id, request.query.year),
    );

    app.patch(
      '/linkages/:id',
      {
        config: { permission: 'linkage.write' },
        schema: {
          summary: 'Edit an agreement with the version the user saw (409 when stale)',
          tags,
          params: ZIdParam,
          body: ZLinkageUpdate,
          response: { 200: ZLinkageDetail, ...authErrors },
        },
      },
      async (request) => s.update(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/linkages/:id/households',
      {
        config: { permission: 'linkage.write' },
        schema: {
          summary: 'Link a household for a year (it becomes an industry measure on its live case)',
          tags,
          params: ZIdParam,
          body: ZLinkInput,
          response: { 200: ZLinkageDetail, ...authErrors },
        },
      },
      async (request) => s.link(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/linkages/:id/households/:householdId',
      {
        config: { permission: 'linkage.write' },
        schema: {
          summary: 'Take a household off a year’s list (refused once it was paid that year)',
          tags,
          params: ZLinkParams,
          querystring: ZLinkInput.pick({ year: true }),
          response: { 200: ZLinkageDetail, ...authErrors },
        },
      },
      async (request) =>
        s.unlink(actorOf(request), request.params.id, {
          householdId: request.params.householdId,
          year: request.query.year,
        }),
    );

    app.post(
      '/linkages/:id/benefits',
      {
        config: { permission: 'linkage.write' },
        schema: {
          summary: 'Record a payment to a linked household (wages, purchase payment, dividend, rent)',
          tags,
          params: ZIdParam,
          body: ZBenefitInput,
          response: { 200: ZLinkageDetail, ...authErrors },
        },
      },
      async (request) => s.addBenefit(actorOf(request), request.params.id, request.body),
    );
  };
