#!/usr/bin/env node
// The whole test suite, as `npm test` runs it: build, a check that the web app's generated API types are
// current, typecheck and lint, unit and integration tests on PGlite and on PostgreSQL, then the end-to-end
// tests in Chromium. Ends with one summary line.
//
// The suite must pass at any hour (CI runs at night): the PGlite tests run four times, with Shoudi's clock
// started at 00:30 and at 23:30 Asia/Shanghai time (SHOUDI_CLOCK_START, see src/shared/clock.ts) and with the
// process time zone TZ=UTC and TZ=Asia/Shanghai; PostgreSQL and Chromium under 00:30/UTC and 23:30/Asia/Shanghai. `npm test -- --quick` runs once on the real clock (for a quick local check).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// On a fresh clone the dependencies are not there yet: say so instead of failing with a module error.
if (
  !fs.existsSync(path.resolve('node_modules/vitest/package.json')) ||
  !fs.existsSync(path.resolve('node_modules/pg'))
) {
  console.error('错误：依赖还没有安装（没有 node_modules）：请先运行 npm ci，再运行 npm test');
  process.exit(1);
}
const { default: pg } = await import('pg');

const isCi = process.env.CI === 'true' || process.env.CI === '1';
const results = path.resolve('test-results');
fs.mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];
/** Every failed test with its run and first error line, printed again at the end (CI shows only the tail). */
const failures = [];

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    problems.push(`${title} failed (exit ${result.status})`);
  }
  return result.status === 0;
}

const quick = process.argv.includes('--quick');

/**
 * Today's Asia/Shanghai date (the runs start the clock on it, so dates stay near the database's own time).
 * SHOUDI_TEST_DATE=YYYY-MM-DD starts them on another day, to try what a run that crosses midnight meets: the
 * database's now() and the browser's own clock on a day other than Shoudi's.
 */
const shanghaiDate =
  process.env.SHOUDI_TEST_DATE ??
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
if (!/^\d{4}-\d{2}-\d{2}$/.test(shanghaiDate)) {
  console.error(`错误：SHOUDI_TEST_DATE 应为 YYYY-MM-DD：${shanghaiDate}`);
  process.exit(1);
}
const CLOCKS = quick
  ? [{ name: 'real clock', env: {} }]
  : [
      {
        name: '00:30 Shanghai, TZ=UTC',
        env: { SHOUDI_CLOCK_START: `${shanghaiDate}T00:30:00+08:00`, TZ: 'UTC' },
      },
      {
        name: '23:30 Shanghai, TZ=Asia/Shanghai',
        env: { SHOUDI_CLOCK_START: `${shanghaiDate}T23:30:00+08:00`, TZ: 'Asia/Shanghai' },
      },
      {
        name: '00:30 Shanghai, TZ=Asia/Shanghai',
        env: { SHOUDI_CLOCK_START: `${shanghaiDate}T00:30:00+08:00`, TZ: 'Asia/Shanghai' },
      },
      {
        name: '23:30 Shanghai, TZ=UTC',
        env: { SHOUDI_CLOCK_START: `${shanghaiDate}T23:30:00+08:00`, TZ: 'UTC' },
      },
    ];

function vitest(title, config, env, reportName) {
  const report = path.join(results, `${reportName}.json`);
  fs.rmSync(report, { force: true });
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  if (config) {
    args.push('--config', config);
  }
  const ok = run(title, 'npx', args, env);
  if (fs.existsSync(report)) {
    const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    skipped += summary.numPendingTests + (summary.numTodoTests ?? 0);
    for (const file of summary.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status === 'failed') {
          const message = (test.failureMessages?.[0] ?? '').split('\n').slice(0, 3).join(' | ');
          failures.push(
            `${title}: ${path.relative(process.cwd(), file.name)} › ${test.fullName}\n    ${message}`,
          );
        }
      }
      if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
        failures.push(`${title}: ${path.relative(process.cwd(), file.name)}\n    ${file.message ?? ''}`);
      }
    }
    if (!ok && summary.numFailedTests === 0) {
      failed += 1; // a suite that crashed before its tests ran
    }
  } else if (!ok) {
    failed += 1;
  }
}

async function postgresReachable() {
  const user = process.env.USER ?? 'root';
  const url =
    process.env.SHOUDI_TEST_DATABASE_URL ??
    `postgresql://${user}@localhost/postgres?host=/var/run/postgresql`;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

if (!run('build', 'npm', ['run', 'build'])) {
  console.error('build failed; nothing else can run');
  process.exit(1);
}
// The web app's generated API types must be what the server's zod schemas say now (npm run api:sync).
run('generated API types are current', 'node', ['scripts/api-sync.mjs', '--check']);
run('typecheck and lint', 'npm', ['run', 'check']);
const pgReachable = await postgresReachable();
const hasChromium = fs.existsSync('/usr/bin/chromium');
for (const [i, c] of CLOCKS.entries()) {
  const tag = `${i + 1}`;
  vitest(
    `unit and integration tests on PGlite (${c.name})`,
    null,
    { ...c.env, SHOUDI_TEST_DB: 'pglite' },
    `vitest-pglite-${tag}`,
  );
  // PostgreSQL and Chromium run under the first two clocks only: between them they cover both clock starts and
  // both time zones, and the clock rules are tested under all four on PGlite. Four of each took CI to 75 of its
  // 90 minutes (stop of 2026-12-03, 4,519 s) before the supervision and pairing modules were added.
  const everyLayer = i < 2;
  if (pgReachable && everyLayer) {
    vitest(
      `integration tests on PostgreSQL (${c.name})`,
      null,
      { ...c.env, SHOUDI_TEST_DB: 'postgres' },
      `vitest-postgres-${tag}`,
    );
  }
  if (hasChromium && everyLayer) {
    vitest(`end-to-end tests in Chromium (${c.name})`, 'vitest.e2e.config.ts', c.env, `vitest-e2e-${tag}`);
  }
}
if (!pgReachable) {
  if (isCi) {
    problems.push('PostgreSQL is not reachable (CI must start it: see .ci/run)');
    failed += 1;
  } else {
    console.warn(
      '\n!!! PostgreSQL not reachable: skipped the PostgreSQL runs (set SHOUDI_TEST_DATABASE_URL) !!!',
    );
  }
}
if (!hasChromium) {
  if (isCi) {
    problems.push('Chromium is missing (apt-get install -y chromium)');
    failed += 1;
  } else {
    console.warn(
      '\n!!! /usr/bin/chromium missing: skipped the end-to-end tests (apt-get install -y chromium) !!!',
    );
  }
}

if (failures.length > 0) {
  console.error('\nfailed tests:');
  for (const failure of failures) {
    console.error(`  ✗ ${failure}`);
  }
}
for (const problem of problems) {
  console.error(`✗ ${problem}`);
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);
