import { createSecrets, loadMasterKey } from './adapters/secrets.js';
import type { Config } from './config.js';
import { type Database, migrateToLatest, openDatabase } from './db/database.js';
import { createServices } from './services/index.js';

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in the data folder,
 * locked to this process) and brings its schema up to date.
 */
export async function openConfiguredDatabase(config: Config, command: string): Promise<Database> {
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgresql', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir, command });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** The database, the encryption keys and every service, as the server and the CLI use them. */
export async function openRuntime(config: Config, command: string) {
  // A PostgreSQL server needs its key given: say so before connecting, not after migrating.
  const serverKey = config.databaseUrl
    ? loadMasterKey({ secretKey: config.secretKey, dataDir: config.dataDir, isPglite: false })
    : null;
  const database = await openConfiguredDatabase(config, command);
  try {
    const secrets = createSecrets(
      serverKey ??
        loadMasterKey({
          secretKey: config.secretKey,
          dataDir: config.dataDir,
          isPglite: database.kind === 'pglite',
        }),
    );
    return { database, secrets, services: createServices(database, config, secrets) };
  } catch (error) {
    await database.close();
    throw error;
  }
}
