import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseKind } from '../db/database.js';

export const healthRoutes =
  (database: DatabaseKind): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          summary: 'Liveness and the database engine in use',
          tags: ['system'],
          response: {
            200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }),
          },
        },
      },
      async () => ({ status: 'ok' as const, database }),
    );
  };
