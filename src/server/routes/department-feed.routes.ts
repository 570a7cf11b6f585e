import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CSV_CONTENT_TYPE, csvDocument } from '../adapters/csv.js';
import { feedTemplateHeaders } from '../domain/feed-rows.js';
import { AppError } from '../errors.js';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors, ZError, ZIdParam, ZPage } from '../schemas/common.schema.js';
import {
  ZDepartmentQuery,
  ZFeed,
  ZFeedback,
  ZFeedColumnMap,
  ZFeedColumnMapInput,
  ZFeedList,
  ZFeedPush,
  ZFeedResult,
  ZFeedType,
  ZFeedUploadQuery,
  ZIdempotencyHeaders,
} from '../schemas/department.schema.js';
import type { Services } from '../services/index.js';

const tags = ['department feeds'];
const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Department feeds (upload and API push), their feedback, templates, and the bureau's lists for departments. */
export const departmentFeedRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.departmentFeeds;
    // A month of a department's data: up to a million rows, so a larger limit than other requests.
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: 120 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/feeds/upload',
      {
        config: { permission: 'feed.submit' },
        bodyLimit: 120 * 1024 * 1024,
        schema: {
          summary: 'Upload a department feed (.xlsx or .csv in UTF-8 or GBK) as the request body',
          description:
            'With any refused row nothing is taken, unless skipBadRows=true. The same content (sha256) or Idempotency-Key is taken once per department and feed type; a re-send answers duplicate=true.',
          tags,
          querystring: ZFeedUploadQuery,
          headers: ZIdempotencyHeaders,
          response: { 200: ZFeedResult, 413: ZError, 415: ZError, 422: ZError, ...authErrors },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new AppError('VALIDATION', '请上传文件（请求体为 .xlsx 或 .csv 文件内容）');
        }
        return s.submit(actorOf(request), {
          ...request.query,
          file: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        });
      },
    );

    app.post(
      '/feeds/push',
      {
        config: { permission: 'feed.submit' },
        bodyLimit: 60 * 1024 * 1024,
        schema: {
          summary: 'Push a department feed as JSON rows (system to system), with an Idempotency-Key header',
          tags,
          headers: ZIdempotencyHeaders,
          body: ZFeedPush,
          response: { 200: ZFeedResult, 413: ZError, 422: ZError, ...authErrors },
        },
      },
      async (request) =>
        s.submit(actorOf(request), { ...request.body, idempotencyKey: request.headers['idempotency-key'] }),
    );

    app.get(
      '/feeds',
      {
        config: { permission: 'feed.read' },
        schema: {
          summary: 'Feeds: a department sees its own, the bureau those sent within its region',
          tags,
          querystring: ZPage,
          response: { 200: ZFeedList, ...authErrors },
        },
      },
      async (request) => s.list(actorOf(request), request.query),
    );

    app.get(
      '/feeds/column-maps/:feedType',
      {
        config: { permission: 'feed.submit' },
        schema: {
          summary:
            "The department's own headers for a feed type (mapped once when a file's header did not match)",
          tags,
          params: ZFeedType,
          response: { 200: ZFeedColumnMap, ...authErrors },
        },
      },
      async (request) => s.columnMap(actorOf(request), request.params.feedType),
    );

    app.put(
      '/feeds/column-maps/:feedType',
      {
        config: { permission: 'feed.submit' },
        schema: {
          summary:
            "Save the department's headers for a feed type; later files of that type are read with them",
          tags,
          params: ZFeedType,
          body: ZFeedColumnMapInput,
          response: { 200: ZFeedColumnMap, ...authErrors },
        },
      },
      async (request) => s.saveColumnMap(actorOf(request), request.params.feedType, request.body),
    );

    app.get(
      '/feeds/templates/:feedType',
      {
        config: { permission: 'feed.read' },
        schema: { summary: 'The documented layout of a feed type as an empty CSV', tags, params: ZFeedType },
      },
      async (request, reply) => {
        const headers = feedTemplateHeaders(request.params.feedType);
        return download(reply, `${request.params.feedType}-template.csv`, CSV_CONTENT_TYPE).send(
          csvDocument(headers, []),
        );
      },
    );

    app.get(
      '/feeds/:id',
      {
        config: { permission: 'feed.read' },
        schema: {
          summary: 'One feed with its provenance and counts',
          tags,
          params: ZIdParam,
          response: { 200: ZFeed, ...authErrors },
        },
      },
      async (request) => s.get(actorOf(request), request.params.id),
    );

    app.get(
      '/feeds/:id/feedback',
      {
        config: { permission: 'feed.read' },
        schema: {
          summary:
            'The outcome of every row of a feed (反馈): unmatched, no alert, or the alert and its verification',
          tags,
          params: ZIdParam,
          querystring: ZPage,
          response: { 200: ZFeedback, ...authErrors },
        },
      },
      async (request) => s.feedback(actorOf(request), request.params.id, request.query),
    );

    app.get(
      '/feeds/:id/problems.csv',
      {
        config: { permission: 'feed.read' },
        schema: { summary: 'The refused rows of a feed, with reasons, as CSV', tags, params: ZIdParam },
      },
      async (request, reply) => {
        const report = await s.problemReport(actorOf(request), request.params.id);
        return download(reply, report.filename, CSV_CONTENT_TYPE).send(Buffer.from(report.csv, 'utf8'));
      },
    );

    app.get(
      '/department-lists',
      {
        config: { permission: 'department.export' },
        schema: {
          summary:
            'The 脱贫 and 监测 lists for one department, in its layout (.xlsx, full ID numbers, audited)',
          tags,
          querystring: ZDepartmentQuery,
        },
      },
      async (request, reply) => {
        const file = await services.departmentExport.export(actorOf(request), request.query.department);
        return download(
          reply,
          file.filename,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ).send(file.stream);
      },
    );
  };
