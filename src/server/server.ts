import { buildApp } from './app.js';
import type { Config } from './config.js';
import { scheduleJobs } from './jobs/scheduler.js';
import { openRuntime } from './runtime.js';
import { systemActor } from './services/actor.js';
import { DEMO_USERS } from './services/demo-seed.service.js';

/** Enough households for every demo village to have some, small enough to start in seconds. */
const DEMO_HOUSEHOLDS = 3000;

/**
 * Starts Shoudi: database, migrations, demo data on a fresh non-production database, HTTP server.
 * Shuts down cleanly on SIGINT/SIGTERM so the PGlite folder lock is released.
 */
export async function startServer(config: Config, options: { demo: boolean }): Promise<void> {
  const { database, services } = await openRuntime(config, 'shoudi serve');
  const isFresh = (await database.db.selectFrom('app_user').select('id').limit(1).execute()).length === 0;
  const seedDemo = options.demo && !config.isProduction && isFresh;
  if (seedDemo) {
    await services.demoSeed.seedDemo(systemActor('demo-seed'));
    await services.population.seedHouseholds(systemActor('demo-seed'), {
      households: DEMO_HOUSEHOLDS,
      referenceDate: new Date().toISOString().slice(0, 10),
    });
    await services.demoCases.seedCases(systemActor('demo-seed'));
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
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
