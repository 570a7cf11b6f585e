import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { createSecrets } from './adapters/secrets.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import type { Database } from './db/database.js';
import type { DB } from './db/schema.js';
import { createServices } from './services/index.js';

/**
 * The OpenAPI document exactly as `/api/openapi.json` serves it, built without a database: the routes and
 * their zod schemas are all it needs, so `npm run api:sync` runs anywhere in a second. No handler runs, so
 * the driver that never connects is never asked for anything.
 */
export async function buildOpenApiDocument(): Promise<unknown> {
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const database: Database = {
    db,
    kind: 'pglite',
    pglite: null,
    bulkLoad: () => Promise.reject(new Error('no database behind the OpenAPI document')),
    close: () => db.destroy(),
  };
  const config = { ...loadConfig({}), logLevel: 'silent' as const };
  const services = createServices(database, config, createSecrets(Buffer.alloc(32)));
  const app = await buildApp({ config, services, databaseKind: database.kind, webDir: null, logger: false });
  try {
    const response = await app.inject('/api/openapi.json');
    if (response.statusCode !== 200) {
      throw new Error(`/api/openapi.json answered ${response.statusCode}`);
    }
    return response.json();
  } finally {
    await app.close();
    await database.close();
  }
}
