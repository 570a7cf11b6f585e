import pg from 'pg';
import { migrateToLatest, openDatabase } from '../../src/server/db/database.js';
import { adminUrl, TEMPLATE_DB, testDbKind, urlForDatabase } from './test-db.js';

/** On PostgreSQL, migrates a template database once; each test file then clones it. */
export default async function setup(): Promise<void> {
  if (testDbKind() !== 'postgres') {
    return;
  }
  const admin = new pg.Client({ connectionString: adminUrl() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL tests need a server at ${adminUrl()} (set SHOUDI_TEST_DATABASE_URL): ${(error as Error).message}`,
    );
  }
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ kind: 'postgresql', url: urlForDatabase(TEMPLATE_DB) });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
}
