import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CSV_CONTENT_TYPE } from '../adapters/csv.js';
import { AppError } from '../errors.js';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors, ZError, ZIdParam } from '../schemas/common.schema.js';
import {
  ZExportQuery,
  ZImportJobList,
  ZImportJobSearch,
  ZImportQuery,
  ZImportResult,
} from '../schemas/household.schema.js';
import type { Services } from '../services/index.js';

const tags = ['households'];
const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Spreadsheet import and export of households, and the downloadable report of refused rows. */
export const householdTransferRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    // The file is the request body (no multipart), read as bytes so the encoding can be detected.
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: 30 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/households/import',
      {
        config: { permission: 'household.import' },
        schema: {
          summary: 'Import households from .xlsx or .csv (UTF-8 or GBK) sent as the request body',
          description:
            'Send the file bytes with Content-Type application/octet-stream. With any refused row nothing is imported, unless skipBadRows=true. dryRun=true only checks.',
          tags,
          querystring: ZImportQuery,
          response: { 200: ZImportResult, 413: ZError, 415: ZError, ...authErrors },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new AppError('VALIDATION', '请上传文件（请求体为 .xlsx 或 .csv 文件内容）');
        }
        return services.householdImport.importFile(actorOf(request), {
          data: request.body,
          filename: request.query.filename,
          skipBadRows: request.query.skipBadRows,
          dryRun: request.query.dryRun,
        });
      },
    );

    app.get(
      '/households/imports',
      {
        config: { permission: 'household.import' },
        schema: {
          summary: 'The household imports and checks in scope (own and of regions in scope), newest first',
          tags,
          querystring: ZImportJobSearch,
          response: { 200: ZImportJobList, ...authErrors },
        },
      },
      async (request) => services.householdImport.history(actorOf(request), request.query),
    );

    app.get(
      '/imports/:id/problems.csv',
      {
        config: { permission: 'household.import' },
        schema: {
          summary: 'The refused rows of an import, with reasons, as CSV',
          tags,
          params: ZIdParam,
        },
      },
      async (request, reply) => {
        const report = await services.householdImport.problemReport(actorOf(request), request.params.id);
        return download(reply, report.filename, CSV_CONTENT_TYPE).send(Buffer.from(report.csv, 'utf8'));
      },
    );

    app.get(
      '/households/export',
      {
        config: { permission: 'household.export' },
        schema: {
          summary:
            'Export households and members (.xlsx or .csv) in the import layout; IDs masked unless unmasked=true',
          tags,
          querystring: ZExportQuery,
        },
      },
      async (request, reply) => {
        const file = await services.householdExport.export(actorOf(request), request.query);
        return download(reply, file.filename, file.contentType).send(file.stream);
      },
    );
  };
