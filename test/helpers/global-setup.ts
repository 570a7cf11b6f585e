import { rm, writeFile } from 'node:fs/promises';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openDatabase } from '../../src/server/db/database.js';
import { adminUrl, pgliteSnapshotFile, TEMPLATE_DB, testDbKind, urlForDatabase } from './test-db.js';

/**
 * Migrates once for the whole run: on PostgreSQL a template database each test file clones, on PGlite a
 * dump of the migrated data folder each test file loads (migrating took most of a PGlite file's start).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (testDbKind() !== 'postgres') {
    const file = pgliteSnapshotFile();
    const database = await openDatabase({ kind: 'pglite-memory' });
    try {
      await migrateToLatest(database.db);
      const dump = await database.pglite?.dumpDataDir('none');
      if (!dump) {
        throw new Error('PGlite gave no data folder dump');
      }
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await database.close();
    }
    project.provide('pgliteSnapshot', file);
    return () => rm(file, { force: true });
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
  return async () => undefined;
}
