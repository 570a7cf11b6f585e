import { buildApp } from './app.js';
import type { Config } from './config.js';
import { DEMO_BANK_USER } from './demo/demo-credit.service.js';
import { DEMO_USERS } from './demo/demo-seed.service.js';
import { DEMO_HOUSEHOLDS, seedDemoCity } from './demo/demo-steps.js';
import { scheduleJobs } from './jobs/scheduler.js';
import { openRuntime } from './runtime.js';
import { systemActor } from './services/actor.js';

/**
 * Starts Shoudi: database, migrations, demo data on a fresh non-production database, HTTP server.
 * Shuts down cleanly on SIGINT/SIGTERM so the PGlite folder lock is released.
 */
export async function startServer(config: Config, options: { demo: boolean }): Promise<void> {
  const { database, services } = await openRuntime(config, 'shoudi serve');
  const isFresh = (await database.db.selectFrom('app_user').select('id').limit(1).execute()).length === 0;
  const seedDemo = options.demo && !config.isProduction && isFresh;
  if (seedDemo) {
    await seedDemoCity(services, config, {
      actor: systemActor('demo-seed'),
      households: DEMO_HOUSEHOLDS,
      log: (line) => process.stdout.write(`  ${line}\n`),
    });
  }
  const app = await buildApp({ config, services, databaseKind: database.kind });
  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) {
      return;
    }
    isClosing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Jobs a killed server left running are failed before anyone polls them (jobs/job-runner.ts).
  const abandoned = await services.jobs.recover();
  if (abandoned > 0) {
    app.log.warn({ abandoned }, 'background jobs left running by a stopped server marked failed');
  }
  services.jobs.keepAlive((error) => app.log.error({ err: error }, 'job heartbeat failed'));
  await app.listen({ port: config.port, host: config.host });
  if (config.scheduler) {
    scheduleJobs(services, app.log);
  }
  const where = database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  Shoudi 守底 is running at http://${config.host}:${config.port}/`,
    `  Database: ${where}`,
  ];
  if (options.demo && !config.isProduction) {
    lines.push(`  Demo logins (password: ${config.demoPassword}):`);
    for (const user of DEMO_USERS) {
      lines.push(`    ${user.username.padEnd(20)} ${user.role.padEnd(11)} ${user.displayName}`);
    }
    lines.push(
      `    ${DEMO_BANK_USER.username.padEnd(20)} ${'department'.padEnd(11)} ${DEMO_BANK_USER.displayName}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
