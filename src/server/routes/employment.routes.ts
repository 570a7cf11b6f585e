import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workFileHeaders } from '../domain/work-rows.js';
import { AppError } from '../errors.js';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors, ZError, ZIdParam, ZOk, ZPage } from '../schemas/common.schema.js';
import {
  ZEmploymentSettings,
  ZEmploymentSettingsQuery,
  ZJobEndScan,
  ZScale,
  ZScaleQuery,
  ZWorkImport,
  ZWorkImportFeedback,
  ZWorkImportList,
  ZWorkImportQuery,
  ZWorkImportResult,
  ZWorkIssueSearch,
  ZWorkIssues,
  ZWorkRecord,
  ZWorkRecordInput,
  ZWorkRecordList,
  ZWorkRecordSaved,
  ZWorkRecordSearch,
  ZWorkRecordUpdate,
} from '../schemas/employment.schema.js';
import { ZVersionQuery } from '../schemas/measure.schema.js';
import type { Services } from '../services/index.js';

const tags = ['employment'];
const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Work monitoring (务工监测): work records, the 人社 file import, the employment scale, work quality rules, settings. */
export const employmentRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.employment;
    const imports = services.workImport;
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: 120 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/employment/records',
      {
        config: { permission: 'employment.read' },
        schema: {
          summary: 'Work records of a person, a household, or a region (newest first)',
          tags,
          querystring: ZWorkRecordSearch,
          response: { 200: ZWorkRecordList, ...authErrors },
        },
      },
      async (request) => s.list(actorOf(request), request.query),
    );

    app.post(
      '/employment/records',
      {
        config: { permission: 'employment.write' },
        schema: {
          summary:
            'Add a work record; with clientId a resend returns the stored record (201 new, 200 stored)',
          description: 'The place (县内 … 境外) is derived from the work province, city and county.',
          tags,
          body: ZWorkRecordInput,
          response: { 200: ZWorkRecordSaved, 201: ZWorkRecordSaved, ...authErrors },
        },
      },
      async (request, reply) => {
        const saved = await s.add(actorOf(request), request.body);
        return reply.code(saved.created ? 201 : 200).send(saved);
      },
    );

    app.get(
      '/employment/records/:id',
      {
        config: { permission: 'employment.read' },
        schema: {
          summary: 'One work record',
          tags,
          params: ZIdParam,
          response: { 200: ZWorkRecord, ...authErrors },
        },
      },
      async (request) => s.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/employment/records/:id',
      {
        config: { permission: 'employment.write' },
        schema: {
          summary: 'Change a work record (ending it: set endMonth) at its version',
          tags,
          params: ZIdParam,
          body: ZWorkRecordUpdate,
          response: { 200: ZWorkRecord, ...authErrors },
        },
      },
      async (request) => s.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/employment/records/:id',
      {
        config: { permission: 'employment.write' },
        schema: {
          summary: 'Delete a work record entered by mistake (its measure goes with it)',
          tags,
          params: ZIdParam,
          querystring: ZVersionQuery,
          response: { 200: ZOk, ...authErrors },
        },
      },
      async (request) => s.remove(actorOf(request), request.params.id, request.query.version),
    );

    app.get(
      '/employment/scale',
      {
        config: { permission: 'employment.read' },
        schema: {
          summary:
            'Employment scale (务工规模) of a region and its children for a month, from the monthly summary',
          tags,
          querystring: ZScaleQuery,
          response: { 200: ZScale, ...authErrors },
        },
      },
      async (request) => s.scale(actorOf(request), request.query),
    );

    app.get(
      '/employment/issues',
      {
        config: { permission: 'employment.read' },
        schema: {
          summary: "The national checker's work rules as data-quality to-dos",
          tags,
          querystring: ZWorkIssueSearch,
          response: { 200: ZWorkIssues, ...authErrors },
        },
      },
      async (request) => s.issues(actorOf(request), request.query),
    );

    app.get(
      '/employment/settings',
      {
        config: { permission: 'employment.read' },
        schema: {
          summary: 'The counting rule, job-end gap and targets of a year',
          tags,
          querystring: ZEmploymentSettingsQuery,
          response: { 200: ZEmploymentSettings, ...authErrors },
        },
      },
      async (request) => s.getSettings(request.query.year),
    );

    app.put(
      '/employment/settings',
      {
        config: { permission: 'employment.configure' },
        schema: {
          summary: 'Change the counting rule, job-end gap and targets of a year',
          tags,
          body: ZEmploymentSettings,
          response: { 200: ZEmploymentSettings, ...authErrors },
        },
      },
      async (request) => s.saveSettings(actorOf(request), request.body),
    );

    app.post(
      '/employment/job-ends/scan',
      {
        config: { permission: 'employment.configure' },
        schema: {
          summary: 'Raise the leads of jobs that ended with no new one (the scheduler runs it daily)',
          tags,
          response: { 200: ZJobEndScan, ...authErrors },
        },
      },
      async (request) => s.scanJobEnds(actorOf(request)),
    );

    app.post(
      '/employment/imports',
      {
        config: { permission: 'employment.import' },
        bodyLimit: 120 * 1024 * 1024,
        schema: {
          summary: 'Import a 人社 work file (.xlsx or .csv in UTF-8 or GBK) as the request body',
          description:
            'With any refused row nothing is taken, unless skipBadRows=true. The same file is taken once per scope.',
          tags,
          querystring: ZWorkImportQuery,
          response: { 200: ZWorkImportResult, 413: ZError, 415: ZError, ...authErrors },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new AppError('VALIDATION', '请上传文件（请求体为 .xlsx 或 .csv 文件内容）');
        }
        return imports.submit(actorOf(request), { ...request.query, file: request.body });
      },
    );

    app.get(
      '/employment/imports',
      {
        config: { permission: 'employment.import' },
        schema: {
          summary: 'Work files imported in the caller’s region, newest first',
          tags,
          querystring: ZPage,
          response: { 200: ZWorkImportList, ...authErrors },
        },
      },
      async (request) => imports.list(actorOf(request), request.query),
    );

    app.get(
      '/employment/imports/template.csv',
      {
        config: { permission: 'employment.import' },
        schema: { summary: 'The work file template (header row, UTF-8 with BOM)', tags },
      },
      async (_request, reply) =>
        download(reply, '务工信息导入模板.csv', 'text/csv; charset=utf-8').send(
          Buffer.from(`\uFEFF${workFileHeaders().join(',')}\r\n`, 'utf8'),
        ),
    );

    app.get(
      '/employment/imports/:id',
      {
        config: { permission: 'employment.import' },
        schema: {
          summary: 'One work file import with its refused rows',
          tags,
          params: ZIdParam,
          response: { 200: ZWorkImport, ...authErrors },
        },
      },
      async (request) => imports.get(actorOf(request), request.params.id),
    );

    app.get(
      '/employment/imports/:id/feedback',
      {
        config: { permission: 'employment.import' },
        schema: {
          summary: 'The outcome of every accepted row of a work file (matched to the registry or not)',
          tags,
          params: ZIdParam,
          querystring: ZPage,
          response: { 200: ZWorkImportFeedback, ...authErrors },
        },
      },
      async (request) => imports.feedback(actorOf(request), request.params.id, request.query),
    );
  };
