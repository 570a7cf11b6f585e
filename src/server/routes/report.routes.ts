import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';

import { authErrors, ZIdParam, ZOk } from '../schemas/common.schema.js';
import {
  ZBulletin,
  ZBulletinCreate,
  ZBulletinIssue,
  ZBulletinUpdate,
  ZDashboard,
  ZMonthBody,
  ZMonthlySummary,
  ZMonthQuery,
  ZRanking,
  ZRankingQuery,
  ZRegionQuery,
  ZSample,
  ZSampleDraw,
  ZSampleDrawn,
  ZSampleOutcome,
  ZSelfCheck,
  ZSelfCheckSign,
  ZWeights,
  ZWeightsInput,
} from '../schemas/report.schema.js';
import type { Services } from '../services/index.js';

const tags = ['reports'];

/** The 5+2 cycle: monthly summary and close, dashboard, self-check, verification, ranking, bulletins. */
export const reportRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const r = services.reports;
    const c = services.selfChecks;
    const v = services.verification;
    const k = services.rankings;
    const b = services.bulletins;

    app.get(
      '/reports/monthly',
      {
        config: { permission: 'report.read' },
        schema: {
          summary: 'Monthly summary (一月一小结) per child region',
          tags,
          querystring: ZMonthQuery,
          response: { 200: ZMonthlySummary, ...authErrors },
        },
      },
      async (request) => r.summary(actorOf(request), request.query.month, request.query.regionCode),
    );

    app.get(
      '/reports/monthly.xlsx',
      {
        config: { permission: 'report.read' },
        schema: { summary: 'The monthly summary as an Excel workbook', tags, querystring: ZMonthQuery },
      },
      async (request, reply) => {
        const file = await r.workbook(actorOf(request), request.query.month, request.query.regionCode);
        return download(
          reply,
          file.filename,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ).send(file.buffer);
      },
    );

    app.post(
      '/reports/monthly/refresh',
      {
        config: { permission: 'report.manage' },
        schema: {
          summary: 'Recompute an open month now',
          tags,
          body: ZMonthBody,
          response: { 200: ZMonthlySummary, ...authErrors },
        },
      },
      async (request) => r.refreshNow(actorOf(request), request.body.month),
    );

    app.post(
      '/reports/monthly/close',
      {
        config: { permission: 'report.manage' },
        schema: {
          summary: 'Close an ended month: its figures are frozen',
          tags,
          body: ZMonthBody,
          response: { 200: ZMonthlySummary, ...authErrors },
        },
      },
      async (request) => r.closeMonth(actorOf(request), request.body.month),
    );

    app.get(
      '/dashboard',
      {
        config: { permission: 'report.read' },
        schema: {
          summary: "Today's figures with the 12-month trend",
          tags,
          querystring: ZRegionQuery,
          response: { 200: ZDashboard, ...authErrors },
        },
      },
      async (request) => r.dashboard(actorOf(request), request.query.regionCode),
    );

    app.get(
      '/self-checks',
      {
        config: { permission: 'report.read' },
        schema: {
          summary: 'The self-check (一月一自查) of a region and who below has signed',
          tags,
          querystring: ZMonthQuery,
          response: { 200: ZSelfCheck, ...authErrors },
        },
      },
      async (request) => c.get(actorOf(request), request.query.month, request.query.regionCode),
    );

    app.post(
      '/self-checks',
      {
        config: { permission: 'selfcheck.sign' },
        schema: {
          summary: "Sign off your own level's self-check for a month",
          tags,
          body: ZSelfCheckSign,
          response: { 200: ZSelfCheck, ...authErrors },
        },
      },
      async (request) => c.sign(actorOf(request), request.body),
    );

    app.get(
      '/verification-samples',
      {
        config: { permission: 'report.read' },
        schema: {
          summary: 'The verification sample (一月一核查) of a month',
          tags,
          querystring: ZMonthQuery,
          response: { 200: z.array(ZSample), ...authErrors },
        },
      },
      async (request) => v.samples(actorOf(request), request.query.month, request.query.regionCode),
    );

    app.post(
      '/verification-samples',
      {
        config: { permission: 'verification.manage' },
        schema: {
          summary: "Draw the county's sample: households per town, weighted to risk",
          tags,
          body: ZSampleDraw,
          response: { 200: ZSampleDrawn, ...authErrors },
        },
      },
      async (request) => v.drawSample(actorOf(request), request.body),
    );

    app.patch(
      '/verification-samples/:id',
      {
        config: { permission: 'verification.manage' },
        schema: {
          summary: 'Record the outcome of a re-check',
          tags,
          params: ZIdParam,
          body: ZSampleOutcome,
          response: { 200: ZOk, ...authErrors },
        },
      },
      async (request) => v.recordOutcome(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/rankings',
      {
        config: { permission: 'ranking.read' },
        schema: {
          summary: 'Quarterly ranking (一季一排序) of the children of a region, explained',
          tags,
          querystring: ZRankingQuery,
          response: { 200: ZRanking, ...authErrors },
        },
      },
      async (request) => k.ranking(actorOf(request), request.query.quarter, request.query.regionCode),
    );

    app.get(
      '/rankings/weights',
      {
        config: { permission: 'report.read' },
        schema: {
          summary: 'Indicator weights of the ranking',
          tags,
          response: { 200: ZWeights, ...authErrors },
        },
      },
      async () => k.weights(),
    );

    app.put(
      '/rankings/weights',
      {
        config: { permission: 'report.manage' },
        schema: {
          summary: 'Change indicator weights',
          tags,
          body: ZWeightsInput,
          response: { 200: ZWeights, ...authErrors },
        },
      },
      async (request) => k.setWeights(actorOf(request), request.body),
    );

    app.get(
      '/bulletins',
      {
        config: { permission: 'report.read' },
        schema: {
          summary: 'Quarterly bulletins, newest first',
          tags,
          response: { 200: z.array(ZBulletin), ...authErrors },
        },
      },
      async (request) => b.listBulletins(actorOf(request)),
    );

    app.post(
      '/bulletins',
      {
        config: { permission: 'bulletin.write' },
        schema: {
          summary: "Draft the quarter's bulletin from the ranking",
          tags,
          body: ZBulletinCreate,
          response: { 201: ZBulletin, ...authErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await b.createBulletin(actorOf(request), request.body.quarter)),
    );

    app.get(
      '/bulletins/:id',
      {
        config: { permission: 'report.read' },
        schema: {
          summary: 'A bulletin',
          tags,
          params: ZIdParam,
          response: { 200: ZBulletin, ...authErrors },
        },
      },
      async (request) => b.getBulletin(actorOf(request), request.params.id),
    );

    app.patch(
      '/bulletins/:id',
      {
        config: { permission: 'bulletin.write' },
        schema: {
          summary: 'Edit a draft bulletin',
          tags,
          params: ZIdParam,
          body: ZBulletinUpdate,
          response: { 200: ZBulletin, ...authErrors },
        },
      },
      async (request) => b.updateBulletin(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/bulletins/:id/issue',
      {
        config: { permission: 'bulletin.write' },
        schema: {
          summary: 'Issue a bulletin (dated; no further edits)',
          tags,
          params: ZIdParam,
          body: ZBulletinIssue,
          response: { 200: ZBulletin, ...authErrors },
        },
      },
      async (request) => b.issueBulletin(actorOf(request), request.params.id, request.body.version),
    );

    app.get(
      '/bulletins/:id/docx',
      {
        config: { permission: 'report.read' },
        schema: { summary: 'The bulletin as a Word document', tags, params: ZIdParam },
      },
      async (request, reply) => {
        const file = await b.bulletinFile(actorOf(request), request.params.id);
        return download(
          reply,
          file.filename,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ).send(file.buffer);
      },
    );
  };
