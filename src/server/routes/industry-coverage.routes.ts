import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors } from '../schemas/common.schema.js';
import {
  ZCoverage,
  ZCoverageQuery,
  ZUncoveredList,
  ZUncoveredQuery,
} from '../schemas/industry-coverage.schema.js';
import type { Services } from '../services/index.js';

const tags = ['industry-coverage'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Industry coverage (产业帮扶覆盖): who able to work had industry help this year, and who did not. */
export const industryCoverageRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.industryCoverage;

    app.get(
      '/industry-coverage',
      {
        config: { permission: 'industry.coverage' },
        schema: {
          summary: 'Industry coverage of a year per region below the chosen one',
          tags,
          querystring: ZCoverageQuery,
          response: { 200: ZCoverage, ...authErrors },
        },
      },
      async (request) => s.summary(actorOf(request), request.query),
    );

    app.get(
      '/industry-coverage/uncovered',
      {
        config: { permission: 'industry.coverage' },
        schema: {
          summary: 'The households able to work still without industry help this year',
          tags,
          querystring: ZUncoveredQuery,
          response: { 200: ZUncoveredList, ...authErrors },
        },
      },
      async (request) => s.uncovered(actorOf(request), request.query),
    );

    app.get(
      '/industry-coverage/uncovered.xlsx',
      {
        config: { permission: 'industry.coverage' },
        schema: {
          summary: 'The uncovered households as an Excel work list',
          tags,
          querystring: ZCoverageQuery,
        },
      },
      async (request, reply) => {
        const file = await s.uncoveredXlsx(actorOf(request), request.query);
        return download(reply, file.filename, XLSX).send(file.buffer);
      },
    );
  };
