import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One process at a time on a PGlite folder. Two processes that open the same folder both succeed
 * and each silently loses the other's writes, so the folder carries a lock file naming its owner.
 * A lock left by a process that died (kill -9, power loss) is taken over; a live owner is refused.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    readonly ownerCommand: string,
  ) {
    super(
      `数据目录 ${dataDir} 正被进程 ${ownerPid}（${ownerCommand}）使用。` +
        'PGlite 只允许一个进程打开同一数据目录：请先停止该进程（例如正在运行的 Shoudi 服务器），' +
        '或设置 DATABASE_URL 改用 PostgreSQL。\n' +
        `The data folder ${dataDir} is in use by process ${ownerPid} (${ownerCommand}). ` +
        'Stop that process first, or set DATABASE_URL to use PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockContent {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
  } catch {
    return null;
  }
}

export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'shoudi.lock');
  const mine: LockContent = {
    pid: process.pid,
    host: os.hostname(),
    command,
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      return {
        release() {
          const current = readLock(file);
          if (current?.pid === process.pid) {
            fs.rmSync(file, { force: true });
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    const owner = readLock(file);
    // A lock from another host cannot be checked for liveness (a shared folder): refuse it.
    if (owner && owner.pid !== process.pid && (owner.host !== mine.host || isAlive(owner.pid))) {
      throw new DataDirLockedError(dataDir, owner.pid, owner.command);
    }
    // The owner is gone (or the file is unreadable half-written debris): take the lock over.
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not acquire the lock on ${dataDir}`);
}
