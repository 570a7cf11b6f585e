#!/usr/bin/env node
// The whole test suite, as `npm test` runs it: build, typecheck and lint, unit and integration tests
// on PGlite and on PostgreSQL, then the end-to-end tests in Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const isCi = process.env.CI === 'true' || process.env.CI === '1';
const results = path.resolve('test-results');
fs.mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    problems.push(`${title} failed (exit ${result.status})`);
  }
  return result.status === 0;
}

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
run('typecheck and lint', 'npm', ['run', 'check']);
vitest('unit and integration tests on PGlite', null, { SHOUDI_TEST_DB: 'pglite' }, 'vitest-pglite');
if (await postgresReachable()) {
  vitest('integration tests on PostgreSQL', null, { SHOUDI_TEST_DB: 'postgres' }, 'vitest-postgres');
} else if (isCi) {
  problems.push('PostgreSQL is not reachable (CI must start it: see .ci/run)');
  failed += 1;
} else {
  console.warn(
    '\n!!! PostgreSQL not reachable: skipped the PostgreSQL run (set SHOUDI_TEST_DATABASE_URL) !!!',
  );
}
if (fs.existsSync('/usr/bin/chromium')) {
  vitest('end-to-end tests in Chromium', 'vitest.e2e.config.ts', {}, 'vitest-e2e');
} else if (isCi) {
  problems.push('Chromium is missing (apt-get install -y chromium)');
  failed += 1;
} else {
  console.warn(
    '\n!!! /usr/bin/chromium missing: skipped the end-to-end tests (apt-get install -y chromium) !!!',
  );
}

for (const problem of problems) {
  console.error(`✗ ${problem}`);
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);
