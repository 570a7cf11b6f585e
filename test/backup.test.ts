import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecrets } from '../src/server/adapters/secrets.js';
import { loadConfig } from '../src/server/config.js';
import { backupDatabase, restoreDatabase } from '../src/server/db/backup.js';
import { migrateToLatest, openDatabase } from '../src/server/db/database.js';
import type { DB } from '../src/server/db/schema.js';
import { systemActor } from '../src/server/services/actor.js';
import { createServices } from '../src/server/services/index.js';
import { seedDonggang } from './helpers/department.js';
import { adminUrl, testDbKind, urlForDatabase } from './helpers/test-db.js';

const folders: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoudi-backup-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Every table of the schema with its row count: a restore must find every row. */
async function rowCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    counts[name] = rows[0]?.n ?? 0;
  }
  return counts;
}

/** Demo regions and users plus three registered households, written through the services. */
async function seed(db: Parameters<typeof createServices>[0]) {
  const config = { ...loadConfig({}), demoPassword: 'backup-test-pw', logLevel: 'silent' };
  const services = createServices(db, config, createSecrets(Buffer.alloc(32, 7)));
  await services.demoSeed.seedDemo(systemActor('test-seed'));
  const { buildApp } = await import('../src/server/app.js');
  const app = await buildApp({ config, services, databaseKind: db.kind, webDir: null, logger: false });
  await seedDonggang({
    app,
    services,
    database: db,
    config,
    async login(username) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'backup-test-pw' },
      });
      const cookie = r.cookies.find((c) => c.name === 'shoudi_session');
      return `shoudi_session=${cookie?.value}`;
    },
    close: async () => undefined,
  });
  await app.close();
}

describe('backup and restore', () => {
  it('backs up the embedded database and restores it into a fresh folder with every row', async () => {
    const from = tempDir();
    const database = await openDatabase({ kind: 'pglite', dataDir: from, command: 'test' });
    await migrateToLatest(database.db);
    await seed(database);
    const before = await rowCounts(database.db);
    await database.close();
    expect(before.household).toBe(3);
    expect(before.person).toBe(5);

    const file = path.join(tempDir(), 'shoudi.backup');
    const made = await backupDatabase({ ...loadConfig({}), dataDir: from }, file);
    expect(made.kind).toBe('pglite');
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    const to = tempDir();
    await restoreDatabase({ ...loadConfig({}), dataDir: to }, file);
    const restored = await openDatabase({ kind: 'pglite', dataDir: to, command: 'test' });
    try {
      expect(await rowCounts(restored.db)).toEqual(before);
    } finally {
      await restored.close();
    }
    // Never over a live database: the folder just restored holds one now.
    await expect(restoreDatabase({ ...loadConfig({}), dataDir: to }, file)).rejects.toThrow(
      /fresh data folder/,
    );
  }, 240_000);

  it('refuses to back up a data folder a running server holds', async () => {
    const dir = tempDir();
    // A server in another process (PID 1 is always alive) has the folder open.
    fs.writeFileSync(
      path.join(dir, 'shoudi.lock'),
      JSON.stringify({
        pid: 1,
        host: os.hostname(),
        command: 'shoudi serve',
        startedAt: new Date().toISOString(),
      }),
    );
    await expect(
      backupDatabase({ ...loadConfig({}), dataDir: dir }, path.join(dir, 'x.backup')),
    ).rejects.toThrow(/shoudi serve/);
    expect(fs.existsSync(path.join(dir, 'x.backup'))).toBe(false);
  });

  it.runIf(testDbKind() === 'postgres')(
    'backs up PostgreSQL with pg_dump and restores it into an empty database with every row',
    async () => {
      const names = [
        `shoudi_b_${randomBytes(5).toString('hex')}`,
        `shoudi_r_${randomBytes(5).toString('hex')}`,
      ];
      const admin = new pg.Client({ connectionString: adminUrl() });
      await admin.connect();
      try {
        for (const name of names) {
          await admin.query(`create database ${name}`);
        }
        const [source, target] = names.map(urlForDatabase) as [string, string];
        const database = await openDatabase({ kind: 'postgresql', url: source });
        await migrateToLatest(database.db);
        await seed(database);
        const before = await rowCounts(database.db);
        await database.close();
        const file = path.join(tempDir(), 'shoudi.pgdump');
        expect((await backupDatabase({ ...loadConfig({}), databaseUrl: source }, file)).kind).toBe(
          'postgresql',
        );
        await restoreDatabase({ ...loadConfig({}), databaseUrl: target }, file);
        const restored = await openDatabase({ kind: 'postgresql', url: target });
        try {
          expect(before.person).toBe(5);
          expect(await rowCounts(restored.db)).toEqual(before);
        } finally {
          await restored.close();
        }
        await expect(restoreDatabase({ ...loadConfig({}), databaseUrl: target }, file)).rejects.toThrow(
          /empty database/,
        );
      } finally {
        for (const name of names) {
          await admin.query(`drop database if exists ${name} with (force)`);
        }
        await admin.end();
      }
    },
    240_000,
  );
});
