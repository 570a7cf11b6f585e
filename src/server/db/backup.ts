import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Config } from '../config.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { openDatabase } from './database.js';

const run = promisify(execFile);

export type BackupKind = 'pglite' | 'postgresql';

/** What a backup file holds, by its first bytes: a gzip'd PGlite data folder, or a pg_dump custom archive. */
export function backupKindOf(head: Uint8Array): BackupKind | null {
  if (head[0] === 0x1f && head[1] === 0x8b) {
    return 'pglite';
  }
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === 'PGDMP') {
    return 'postgresql';
  }
  return null;
}

/** Writes beside the target and renames, so an interrupted backup never leaves a truncated file behind. */
function writeAtomically(file: string, data: Uint8Array): void {
  const temporary = `${file}.partial`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/**
 * `shoudi backup FILE`. PGlite: a consistent dump of the data folder through PGlite itself, taken under the
 * folder's lock, so it is refused while a server has the folder open (never two processes on one folder).
 * PostgreSQL: a logical dump with pg_dump (custom format), consistent while the servers keep running.
 * The encryption key is not in the file: keep SHOUDI_SECRET_KEY (or the data folder's secret.key) apart.
 */
export async function backupDatabase(
  config: Config,
  file: string,
): Promise<{ kind: BackupKind; bytes: number }> {
  const target = path.resolve(file);
  if (config.databaseUrl) {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${target}.partial`,
      config.databaseUrl,
    ]);
    fs.renameSync(`${target}.partial`, target);
    return { kind: 'postgresql', bytes: fs.statSync(target).size };
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: config.dataDir, command: 'shoudi backup' });
  try {
    const dump = await database.pglite?.dumpDataDir('gzip');
    if (!dump) {
      throw new Error('the embedded database gave no dump');
    }
    const data = new Uint8Array(await dump.arrayBuffer());
    writeAtomically(target, data);
    return { kind: 'pglite', bytes: data.length };
  } finally {
    await database.close();
  }
}

async function assertEmptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    );
    if ((rows[0]?.n ?? 0) > 0) {
      throw new Error(
        'restore needs an empty database: this one already has tables (create a new database first)',
      );
    }
  } finally {
    await client.end();
  }
}

/**
 * `shoudi restore FILE` into a fresh place: an empty data folder (PGlite) or an empty database (PostgreSQL).
 * It never overwrites data, so a mistaken restore cannot destroy the live database.
 */
export async function restoreDatabase(config: Config, file: string): Promise<{ kind: BackupKind }> {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(8);
  fs.readSync(fd, head, 0, 8, 0);
  fs.closeSync(fd);
  const kind = backupKindOf(head);
  if (kind === null) {
    throw new Error(`${file} is not a Shoudi backup (neither a PGlite dump nor a pg_dump archive)`);
  }
  const configured: BackupKind = config.databaseUrl ? 'postgresql' : 'pglite';
  if (kind !== configured) {
    throw new Error(
      kind === 'pglite'
        ? 'this backup is of the embedded database: unset DATABASE_URL and set SHOUDI_DATA_DIR to a new folder'
        : 'this backup is of PostgreSQL: set DATABASE_URL to a new, empty database',
    );
  }
  if (config.databaseUrl) {
    await assertEmptyPostgres(config.databaseUrl);
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      `--dbname=${config.databaseUrl}`,
      file,
    ]);
    return { kind };
  }
  const pgdata = path.join(config.dataDir, 'pgdata');
  if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
    throw new Error(`restore needs a fresh data folder: ${config.dataDir} already holds a database`);
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const lock = acquireDataDirLock(config.dataDir, 'shoudi restore');
  try {
    const pglite = await PGlite.create({
      dataDir: pgdata,
      loadDataDir: new Blob([fs.readFileSync(file)]),
      relaxedDurability: false,
    });
    await pglite.close();
  } finally {
    lock.release();
  }
  return { kind };
}
