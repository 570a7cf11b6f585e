import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.js';
import { ZAuditList, ZAuditQuery } from '../schemas/audit.schema.js';
import { authErrors } from '../schemas/common.schema.js';
import type { Services } from '../services/index.js';

export const auditRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        config: { permission: 'audit.read' },
        schema: {
          summary: 'The audit trail of the caller’s region, newest first, filtered',
          tags: ['audit'],
          querystring: ZAuditQuery,
          response: { 200: ZAuditList, ...authErrors },
        },
      },
      async (request) => services.audit.list(actorOf(request), request.query),
    );

    app.get(
      '/audit/actions',
      {
        config: { permission: 'audit.read' },
        schema: {
          summary: 'The action names present in the audit trail, for the filter',
          tags: ['audit'],
          response: { 200: z.array(z.string()), ...authErrors },
        },
      },
      async () => services.audit.actions(),
    );
  };
