import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, migrateToLatest, openDatabase } from '../../src/server/db/database.js';

export type TestDbKind = 'pglite' | 'postgres';
export const testDbKind = (): TestDbKind =>
  process.env.SHOUDI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
/** Default: the local server's Unix socket, as the OS user (peer authentication). */
export const adminUrl = () =>
  process.env.SHOUDI_TEST_DATABASE_URL ??
  `postgresql://${os.userInfo().username}@localhost/postgres?host=/var/run/postgresql`;
/** One template per checkout, so two worktrees can run the PostgreSQL suite on one server at once. */
const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8);
export const TEMPLATE_DB = `shoudi_test_template_${checkout}`;

declare module 'vitest' {
  export interface ProvidedContext {
    /** On PGlite, the file holding the data folder of a migrated database (written by global-setup). */
    pgliteSnapshot: string;
  }
}

/** A file of its own for each run, so two runs in one checkout never read each other's half-written dump. */
export const pgliteSnapshotFile = () =>
  path.join(
    os.tmpdir(),
    `shoudi-pglite-migrated-${checkout}-${process.pid}-${randomBytes(4).toString('hex')}.tar`,
  );

/** A database URL for another database name on the same PostgreSQL server as `adminUrl()`. */
export function urlForDatabase(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

let snapshot: Promise<Blob> | null = null;

/**
 * A fresh, migrated database for one test file: an in-memory PGlite loaded from the migrated snapshot, or on
 * PostgreSQL a new database cloned from the migrated template that global-setup made (so files run in
 * parallel, isolated).
 */
export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    snapshot ??= readFile(inject('pgliteSnapshot')).then((bytes) => new Blob([bytes]));
    const database = await openDatabase({ kind: 'pglite-memory', snapshot: await snapshot });
    // A no-op on a current snapshot; it would apply a migration added after global-setup ran.
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
