import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgresql';

/** The database session's time zone: Shoudi's days are Asia/Shanghai days (see shared/clock.ts). */
const SHOUDI_TIME_ZONE = 'Asia/Shanghai';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The embedded engine, when running on PGlite (bulk loads use its /dev/blob COPY). */
  pglite: PGlite | null;
  /**
   * Runs bulk COPY loads in one transaction, outside Kysely: COPY FROM STDIN on PostgreSQL and
   * COPY FROM '/dev/blob' on PGlite (where COPY FROM STDIN hangs).
   */
  bulkLoad<T>(fn: (session: BulkSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Loads CSV lines (no header) into the named columns of a table. */
export type CopyCsv = (table: string, columns: readonly string[], lines: readonly string[]) => Promise<void>;

export interface BulkSession {
  copy: CopyCsv;
  /** Runs a statement (DDL around the load) in the same transaction. */
  exec(statement: string): Promise<void>;
}

const copySql = (table: string, columns: readonly string[], source: string) =>
  `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT csv)`;

export type DatabaseTarget =
  | { kind: 'postgresql'; url: string }
  | { kind: 'pglite'; dataDir: string; command: string }
  /** `snapshot`: a data folder from `dumpDataDir` to start from (tests start migrated, not migrate). */
  | { kind: 'pglite-memory'; snapshot?: Blob };

// int8 (counts, bigint ids) arrives as a string from pg; these values stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// Dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
pg.types.setTypeParser(1082, (value) => value);
const PGLITE_PARSERS = { 20: (value: string) => Number(value), 1082: (value: string) => value };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgresql') {
    // Every session counts Shanghai days: a timestamptz cast to date (closed_at::date) is the Beijing day.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      options: `-c TimeZone=${SHOUDI_TIME_ZONE}`,
    });
    // An idle connection the server closes (restart, failover, a dropped test database) must not crash
    // the process; the pool replaces it on next use.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') {
        process.emitWarning(`PostgreSQL connection error: ${error.message}`);
      }
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgresql',
      pglite: null,
      async bulkLoad(fn) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn({
            async copy(table, columns, lines) {
              if (lines.length === 0) {
                return;
              }
              const stream = client.query(copyFrom(copySql(table, columns, 'STDIN')));
              const text = lines.join('\n');
              await new Promise<void>((resolve, reject) => {
                stream.on('error', reject);
                stream.on('finish', resolve);
                stream.end(lines.length > 0 ? `${text}\n` : '');
              });
            },
            async exec(statement) {
              await client.query(statement);
            },
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      close: () => db.destroy(),
    };
  }
  let lock: DataDirLock | null = null;
  let pglite: PGlite;
  if (target.kind === 'pglite') {
    lock = acquireDataDirLock(target.dataDir, target.command);
    try {
      // relaxedDurability:false (the default, made explicit) makes every query flush PGlite's
      // files to the OS before it resolves: a write that returned success survives kill -9.
      pglite = await PGlite.create({
        dataDir: path.join(target.dataDir, 'pgdata'),
        relaxedDurability: false,
        parsers: PGLITE_PARSERS,
      });
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    pglite = await PGlite.create({
      parsers: PGLITE_PARSERS,
      ...(target.snapshot ? { loadDataDir: target.snapshot } : {}),
    });
  }
  // One connection: set once, every statement counts Shanghai days (closed_at::date is the Beijing day).
  await pglite.exec(`set time zone '${SHOUDI_TIME_ZONE}'`);
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  const engine = pglite;
  return {
    db,
    kind: 'pglite',
    pglite,
    bulkLoad(fn) {
      return engine.transaction((tx) =>
        fn({
          async copy(table, columns, lines) {
            if (lines.length === 0) {
              return;
            }
            await tx.query(copySql(table, columns, "'/dev/blob'"), [], {
              blob: new Blob([`${lines.join('\n')}\n`]),
            });
          },
          async exec(statement) {
            await tx.exec(statement);
          },
        }),
      );
    },
    async close() {
      await db.destroy();
      lock?.release();
    },
  };
}

/** Runs every pending migration; safe to call at each start and from several servers at once. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw error;
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
