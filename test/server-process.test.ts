import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from './helpers/test-db.js';

/**
 * The real `shoudi` binary on a PGlite data folder: start-up with demo data, durability across
 * kill -9, the one-process-per-folder lock, and the CLI commands. Needs `npm run build:server`.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/shoudi.js');
const DIVISIONS = path.resolve(ROOT, '../shared/data/nanyang_divisions.csv');

let dataDir: string;
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const env = (extra: Record<string, string> = {}) => {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, SHOUDI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...extra };
};

async function startServer(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: env({ PORT: String(port) }), stdio: 'pipe' });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited: ${output}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) {
        return { child, output: () => output };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${output}`);
}

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { env: env(), encoding: 'utf8' });

async function login(port: number, username: string, password = 'shoudi-demo') {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function exited(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` before the tests');
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoudi-proc-'));
});
afterAll(() => {
  for (const child of children) {
    child.kill('SIGKILL');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(testDbKind() !== 'pglite')('the shoudi binary on PGlite', () => {
  it('prints its commands', () => {
    const help = cli('--help');
    expect(help.status).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'regions', 'users']) {
      expect(help.stdout).toContain(command);
    }
  });

  it('migrates, imports divisions and creates users from the CLI, then refuses a second process', async () => {
    expect(cli('migrate').status).toBe(0);
    if (fs.existsSync(DIVISIONS)) {
      const imported = cli('regions', 'import', DIVISIONS);
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toMatch(/imported 5232 regions: 5232 added/);
    }
    const seeded = cli('seed', '--demo', '--households', '500', '--date', '2026-11-15');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toMatch(/loaded 500 households/);
    const screened = cli('screen', '--date', '2026-11-15');
    expect(screened.stderr).toBe('');
    expect(screened.stdout).toMatch(/500 households/);
    expect(screened.stdout).toMatch(/leads: \d+ new/);
    const bad = cli(
      'users',
      'create',
      '--username',
      'x1',
      '--name',
      'X',
      '--role',
      'village',
      '--region',
      '411399000001',
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/错误：区划不存在或无权访问/);
    const created = cli(
      'users',
      'create',
      '--username',
      'cli_user',
      '--name',
      '命令行用户',
      '--role',
      'county',
      '--region',
      '411303000000',
    );
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/temporary password: \S{12}/);

    const port = await freePort();
    const server = await startServer(port);
    expect(server.output()).toContain('city_admin');
    const locked = cli('migrate');
    expect(locked.status).toBe(3);
    expect(locked.stderr).toMatch(/正被进程 \d+/);
    expect(locked.stderr).toMatch(/in use by process/);
    server.child.kill('SIGTERM');
    await exited(server.child);
    expect(fs.existsSync(path.join(dataDir, 'shoudi.lock'))).toBe(false);
  });

  it('keeps a write that returned success across kill -9, and takes over the stale lock', async () => {
    const port = await freePort();
    const first = await startServer(port);
    const cookie = await login(port, 'city_admin');
    const created = await fetch(`http://127.0.0.1:${port}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        username: 'durable_user',
        displayName: '持久用户',
        password: 'long-enough-1',
        role: 'village',
        regionCode: '411302102201',
      }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(fs.existsSync(path.join(dataDir, 'shoudi.lock'))).toBe(true);

    const second = await startServer(port);
    const again = await login(port, 'city_admin');
    const found = await fetch(`http://127.0.0.1:${port}/api/users?q=durable_user`, {
      headers: { cookie: again },
    });
    expect(((await found.json()) as { total: number }).total).toBe(1);
    second.child.kill('SIGTERM');
    await exited(second.child);
  });

  it('refuses demo mode in production', () => {
    const result = spawnSync(process.execPath, [BIN, 'seed', '--demo'], {
      env: env({ NODE_ENV: 'production' }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/production/);
  });
});
