import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSV_CONTENT_TYPE } from '../adapters/csv.js';
import { AppError } from '../errors.js';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors, ZError } from '../schemas/common.schema.js';
import {
  ZAllocation,
  ZAllocationId,
  ZAllocationInput,
  ZAllocationQuery,
  ZBulletinList,
  ZFundBulletin,
  ZFundLineCreated,
  ZFundLineInput,
  ZFundOverview,
  ZFundOverviewQuery,
  ZIssueBulletin,
  ZPaymentCreated,
  ZPaymentImportQuery,
  ZPaymentImportResult,
  ZPaymentInput,
  ZPeriodQuery,
} from '../schemas/fund.schema.js';
import type { Services } from '../services/index.js';

const tags = ['funds'];
const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const ZPeriodOnly = z.object({ period: ZPeriodQuery.shape.period });

/** Connection funds (衔接资金): allocations, lines to projects, payments, progress, bulletins. */
export const fundRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.funds;
    // 100,000 payment rows in one workbook.
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: 60 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/fund-allocations',
      {
        config: { permission: 'fund.read' },
        schema: {
          summary: 'Allocations received in scope',
          tags,
          querystring: ZAllocationQuery,
          response: { 200: z.array(ZAllocation), ...authErrors },
        },
      },
      async (request) => s.listAllocations(actorOf(request), request.query.year),
    );

    app.post(
      '/fund-allocations',
      {
        config: { permission: 'fund.write' },
        schema: {
          summary: 'Record an allocation received (资金下达)',
          tags,
          body: ZAllocationInput,
          response: { 200: ZAllocation, ...authErrors },
        },
      },
      async (request) => s.createAllocation(actorOf(request), request.body),
    );

    app.post(
      '/fund-allocations/:id/lines',
      {
        config: { permission: 'fund.write' },
        schema: {
          summary: 'Allocate part of an allocation to a library project (with its announcement)',
          tags,
          params: ZAllocationId,
          body: ZFundLineInput,
          response: { 200: ZFundLineCreated, ...authErrors },
        },
      },
      async (request) => s.allocate(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/fund-payments',
      {
        config: { permission: 'fund.write' },
        schema: {
          summary: 'Record a payment against a project’s fund line',
          tags,
          body: ZPaymentInput,
          response: { 200: ZPaymentCreated, ...authErrors },
        },
      },
      async (request) => s.pay(actorOf(request), request.body),
    );

    app.post(
      '/fund-payments/import',
      {
        config: { permission: 'fund.write' },
        bodyLimit: 60 * 1024 * 1024,
        schema: {
          summary:
            'Import payments from .xlsx or .csv (项目编号, 下达文号, 支付日期, 支付金额, 凭证号) as the request body',
          description:
            'With any refused row nothing is imported, unless skipBadRows=true. dryRun=true only checks (预检).',
          tags,
          querystring: ZPaymentImportQuery,
          response: { 200: ZPaymentImportResult, 413: ZError, 415: ZError, ...authErrors },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new AppError('VALIDATION', '请上传文件（请求体为 .xlsx 或 .csv 文件内容）');
        }
        return s.importPayments(actorOf(request), request.body, request.query);
      },
    );

    app.get(
      '/fund-payments/template.csv',
      {
        config: { permission: 'fund.write' },
        schema: { summary: 'The payment file template (header row, UTF-8 with BOM)', tags },
      },
      async (_request, reply) =>
        download(reply, '衔接资金支付导入模板.csv', CSV_CONTENT_TYPE).send(
          Buffer.from(s.paymentTemplate(), 'utf8'),
        ),
    );

    app.get(
      '/funds/overview',
      {
        config: { permission: 'fund.read' },
        schema: {
          summary:
            'The year’s money in scope for the workbench and big screen: received, allocated to projects, paid, rates',
          tags,
          querystring: ZFundOverviewQuery,
          response: { 200: ZFundOverview, ...authErrors },
        },
      },
      async (request) => s.overview(actorOf(request), request.query.year),
    );

    app.get(
      '/funds/progress',
      {
        config: { permission: 'fund.read' },
        schema: {
          summary:
            'Spend rate, milestones, industry share and allocation speed per county in scope at a period end',
          tags,
          querystring: ZPeriodQuery,
          response: { 200: ZFundBulletin, ...authErrors },
        },
      },
      async (request) => s.progress(actorOf(request), request.query.period),
    );

    app.get(
      '/fund-bulletins',
      {
        config: { permission: 'fund.read' },
        schema: {
          summary: 'Issued city bulletins, newest first',
          tags,
          response: { 200: ZBulletinList, ...authErrors },
        },
      },
      async () => s.listBulletins(),
    );

    app.post(
      '/fund-bulletins',
      {
        config: { permission: 'fund.bulletin' },
        schema: {
          summary: 'Issue the city’s monthly bulletin or quarterly dispatch (frozen)',
          tags,
          body: ZIssueBulletin,
          response: { 200: ZFundBulletin, ...authErrors },
        },
      },
      async (request) => s.issueBulletin(actorOf(request), request.body.period),
    );

    app.get(
      '/fund-bulletins/:period',
      {
        config: { permission: 'fund.read' },
        schema: {
          summary: 'The city bulletin of a period: the issued snapshot, or the figures now',
          tags,
          params: ZPeriodOnly,
          response: { 200: ZFundBulletin, ...authErrors },
        },
      },
      async (request) => s.bulletin(request.params.period),
    );

    app.get(
      '/fund-bulletins/:period/xlsx',
      {
        config: { permission: 'fund.read' },
        schema: { summary: 'The bulletin as an Excel workbook', tags, params: ZPeriodOnly },
      },
      async (request, reply) => {
        const file = await s.bulletinXlsx(request.params.period);
        return download(
          reply,
          file.filename,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ).send(file.buffer);
      },
    );

    app.get(
      '/fund-bulletins/:period/docx',
      {
        config: { permission: 'fund.read' },
        schema: { summary: 'The bulletin as a Word document', tags, params: ZPeriodOnly },
      },
      async (request, reply) => {
        const file = await s.bulletinWord(request.params.period);
        return download(
          reply,
          file.filename,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ).send(file.buffer);
      },
    );
  };
