import path from 'node:path';
import { SetupError } from './errors.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Whether SHOUDI_DATA_DIR was set (the CLI says which folder it uses when it was not). */
  dataDirFromEnv: boolean;
  databaseUrl: string | null;
  demoPassword: string;
  isProduction: boolean;
  /**
   * Which reverse proxies' X-Forwarded-* to believe (client address, HTTPS): false, a hop count, or the
   * proxies' addresses/CIDRs. Never "everyone": a forged X-Forwarded-For would then pick the client address.
   */
  trustProxy: false | number | string[];
  /** Other origins the web app is served under (a proxy that rewrites Host); the request's own always counts. */
  allowedOrigins: string[];
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
    throw new SetupError(`环境变量 ${name} 应为正整数，现在是“${value}”`);
  }
  return parsed;
}

/**
 * SHOUDI_TRUST_PROXY: a hop count ("1": the one nginx in front) or a comma-separated list of the proxies'
 * addresses or CIDRs ("10.0.0.5,10.0.1.0/24"). With a count, the client address is taken that many hops
 * from the right of X-Forwarded-For, so entries a client prepends are ignored. "true" is refused: it would
 * trust every hop, and anyone could choose their own address.
 */
function trustProxyFrom(value: string | undefined): false | number | string[] {
  if (value === undefined || value === '' || value === '0' || value === 'false') {
    return false;
  }
  if (/^\d+$/.test(value)) {
    return Number(value);
  }
  if (value === 'true') {
    throw new Error(
      'SHOUDI_TRUST_PROXY=true would trust forged X-Forwarded-For: give the hop count (1) or the proxy addresses',
    );
  }
  return value
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** Reads the configuration from the environment; every setting has a default that works on a laptop. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env.PORT, 8080, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.SHOUDI_DATA_DIR ?? './data'),
    dataDirFromEnv: Boolean(env.SHOUDI_DATA_DIR),
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    demoPassword: env.SHOUDI_DEMO_PASSWORD ?? 'shoudi-demo',
    isProduction: env.NODE_ENV === 'production',
    trustProxy: trustProxyFrom(env.SHOUDI_TRUST_PROXY),
    allowedOrigins: (env.SHOUDI_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    sessionIdleMinutes: intFrom(env.SHOUDI_SESSION_IDLE_MINUTES, 120, 'SHOUDI_SESSION_IDLE_MINUTES'),
    sessionMaxHours: intFrom(env.SHOUDI_SESSION_MAX_HOURS, 12, 'SHOUDI_SESSION_MAX_HOURS'),
    logLevel: env.LOG_LEVEL ?? 'info',
    secretKey: env.SHOUDI_SECRET_KEY ? env.SHOUDI_SECRET_KEY : null,
    province: env.SHOUDI_PROVINCE ?? '河南',
    scheduler: env.SHOUDI_SCHEDULER !== 'off',
  };
}
