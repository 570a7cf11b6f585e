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

describe.skipIf(testDbKind() !== 'pglite')('the shoudi binary on PGlite', { timeout: 180_000 }, () => {
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

  it('imports and exports households from the CLI, and reports a refused file row by row', () => {
    const out = path.join(dataDir, 'export.csv');
    const exported = cli('households', 'export', '--format', 'csv', '--region', '411302000000', '--out', out);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/exported to .*export\.csv/);
    const lines = fs.readFileSync(out, 'utf8').trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).toContain('证件号码');
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(
      bad,
      '行政区划代码,户类型,姓名,证件号码,与户主关系\n411302102201,一般农户,张三,123,户主\n',
    );
    const problems = path.join(dataDir, 'problems.csv');
    const refused = cli('households', 'import', bad, '--problems', problems);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toMatch(/未导入: 1 rows/);
    expect(refused.stdout).toMatch(/第 2 行：/);
    expect(fs.readFileSync(problems, 'utf8')).toContain('行号,原因');
  });

  it('says every CLI error in one line of Chinese, with the stack only under --verbose', () => {
    const oneLine = (r: { stderr: string }) => {
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    };
    const missing = cli('regions', 'import', '/nonexistent/divisions.csv');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^错误：找不到文件 \/nonexistent\/divisions\.csv/);
    oneLine(missing);
    const month = cli('cycle', 'monthly', '--month', '2026-13');
    expect(month.status).toBe(2);
    expect(month.stderr).toMatch(/^错误：命令行参数有误：.*应为月份 YYYY-MM/);
    oneLine(month);
    const verbose = cli('regions', 'import', '/nonexistent/divisions.csv', '--verbose');
    expect(verbose.stderr).toMatch(/找不到文件/);
    expect(verbose.stderr).toMatch(/\n\s+at /);

    const empty = path.join(dataDir, 'never-created');
    const noData = spawnSync(process.execPath, [BIN, 'screen'], {
      env: env({ SHOUDI_DATA_DIR: empty }),
      encoding: 'utf8',
    });
    expect(noData.status).toBe(2);
    expect(noData.stderr).toMatch(/^错误：数据目录 .*never-created 中还没有数据库/);
    expect(fs.existsSync(empty)).toBe(false);
    const { SHOUDI_DATA_DIR: _unset, ...withoutDir } = env();
    const defaultDir = spawnSync(process.execPath, [BIN, 'screen'], {
      cwd: dataDir,
      env: withoutDir,
      encoding: 'utf8',
    });
    expect(defaultDir.stderr).toMatch(/未设置 SHOUDI_DATA_DIR，默认用当前目录下的 data/);
    expect(fs.existsSync(path.join(dataDir, 'data'))).toBe(false);

    const noKey = spawnSync(process.execPath, [BIN, 'serve'], {
      env: env({ DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', SHOUDI_SECRET_KEY: '' }),
      encoding: 'utf8',
    });
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toMatch(/^错误：使用 DATABASE_URL 时必须设置 SHOUDI_SECRET_KEY/);
    oneLine(noKey);
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
