import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createSecrets } from '../../src/server/adapters/secrets.js';
import { buildApp } from '../../src/server/app.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/database.js';
import { systemActor } from '../../src/server/services/actor.js';
import { createServices, type Services } from '../../src/server/services/index.js';
import { createTestDatabase } from './test-db.js';

export const DEMO_PASSWORD = 'test-demo-password';
export const TEST_KEY = Buffer.alloc(32, 7);

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  config: Config;
  /** Logs in through the API and returns the Cookie header for later requests. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app over a fresh database seeded with the demo regions and one user per role. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  population?: { households: number; date: string },
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = { ...loadConfig({}), demoPassword: DEMO_PASSWORD, logLevel: 'silent', ...overrides };
  const secrets = createSecrets(TEST_KEY);
  const services = createServices(database, config, secrets);
  // Generated divisions (300 villages) keep every test file's start quick; test/demo.test.ts seeds the real demo.
  await services.demoSeed.seedDemo(systemActor('test-seed'), { divisions: 'generated' });
  if (population) {
    await services.population.seedHouseholds(systemActor('test-seed'), {
      households: population.households,
      referenceDate: population.date,
    });
  }
  const app = await buildApp({ config, services, databaseKind: database.kind, webDir: null, logger: false });
  return {
    app,
    services,
    database,
    config,
    async login(username, password = DEMO_PASSWORD) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200) {
        throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      }
      return cookieOf(response);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'shoudi_session');
  if (!cookie) {
    throw new Error('no session cookie in response');
  }
  return `shoudi_session=${cookie.value}`;
}
