import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demoPassword: string;
  isProduction: boolean;
  /** Trust X-Forwarded-* from a reverse proxy, so HTTPS behind nginx yields Secure cookies. */
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  logLevel: string;
  /** Master key for encrypting ID numbers and phones (32 bytes, hex or base64). */
  secretKey: string | null;
  /** Province whose monitoring line applies. */
  province: string;
  /** Run scheduled jobs (the monthly cycle) in this server process. */
  scheduler: boolean;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new Error(`${name} must be a positive integer, got "${value}"`);
  }
  return parsed;
}

/** Reads the configuration from the environment; every setting has a default that works on a laptop. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env.PORT, 8080, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.SHOUDI_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    demoPassword: env.SHOUDI_DEMO_PASSWORD ?? 'shoudi-demo',
    isProduction: env.NODE_ENV === 'production',
    trustProxy: env.SHOUDI_TRUST_PROXY === '1' || env.SHOUDI_TRUST_PROXY === 'true',
    sessionIdleMinutes: intFrom(env.SHOUDI_SESSION_IDLE_MINUTES, 120, 'SHOUDI_SESSION_IDLE_MINUTES'),
    sessionMaxHours: intFrom(env.SHOUDI_SESSION_MAX_HOURS, 12, 'SHOUDI_SESSION_MAX_HOURS'),
    logLevel: env.LOG_LEVEL ?? 'info',
    secretKey: env.SHOUDI_SECRET_KEY ? env.SHOUDI_SECRET_KEY : null,
    province: env.SHOUDI_PROVINCE ?? '河南',
    scheduler: env.SHOUDI_SCHEDULER !== 'off',
  };
}
