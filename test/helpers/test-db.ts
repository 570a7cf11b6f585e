import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { type Database, migrateToLatest, openDatabase } from '../../src/server/db/database.js';

export type TestDbKind = 'pglite' | 'postgres';
export const testDbKind = (): TestDbKind =>
  process.env.SHOUDI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
/** Default: the local server's Unix socket, as the OS user (peer authentication). */
export const adminUrl = () =>
  process.env.SHOUDI_TEST_DATABASE_URL ??
  `postgresql://${os.userInfo().username}@localhost/postgres?host=/var/run/postgresql`;
export const TEMPLATE_DB = 'shoudi_test_template';

/** A database URL for another database name on the same PostgreSQL server as `adminUrl()`. */
export function urlForDatabase(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or on PostgreSQL a new database
 * cloned from the migrated template that global-setup made (so files run in parallel, isolated).
 */
export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    const database = await openDatabase({ kind: 'pglite-memory' });
    await migrateToLatest(database.db);
    return database;
  }
  const name = `shoudi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ kind: 'postgresql', url: urlForDatabase(name) });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl() });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
