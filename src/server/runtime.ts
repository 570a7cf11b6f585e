import type { Config } from './config.js';
import { type Database, migrateToLatest, openDatabase } from './db/database.js';

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
