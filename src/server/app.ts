import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { DatabaseKind } from './db/database.js';
import { registerAuthHook } from './http/auth-hook.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerInputGuard } from './http/input-guard.js';
import { registerOriginCheck } from './http/origin-check.js';
import { registerRateLimits } from './http/rate-limits.js';
import './http/types.js';
import { alertRoutes } from './routes/alert.routes.js';
import { attachmentRoutes } from './routes/attachment.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { caseRoutes } from './routes/case.routes.js';
import { consumerAssistanceRoutes } from './routes/consumer-assistance.routes.js';
import { courtyardRoutes } from './routes/courtyard.routes.js';
import { creditRoutes } from './routes/credit.routes.js';
import { cycleRoutes } from './routes/cycle.routes.js';
import { declarationRoutes } from './routes/declaration.routes.js';
import { departmentFeedRoutes } from './routes/department-feed.routes.js';
import { employmentRoutes } from './routes/employment.routes.js';
import { fundRoutes } from './routes/fund.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { helperRoutes } from './routes/helper.routes.js';
import { householdRoutes } from './routes/household.routes.js';
import { householdTransferRoutes } from './routes/household-transfer.routes.js';
import { industryCoverageRoutes } from './routes/industry-coverage.routes.js';
import { industryRewardRoutes } from './routes/industry-reward.routes.js';
import { leadRoutes } from './routes/lead.routes.js';
import { linkageRoutes } from './routes/linkage.routes.js';
import { linkageCheckRoutes } from './routes/linkage-check.routes.js';
import { measureRoutes } from './routes/measure.routes.js';
import { operatorRoutes } from './routes/operator.routes.js';
import { petitionRoutes } from './routes/petition.routes.js';
import { projectRoutes } from './routes/project.routes.js';
import { qualityRoutes } from './routes/quality.routes.js';
import { regionRoutes } from './routes/region.routes.js';
import { reportRoutes } from './routes/report.routes.js';
import { screeningRoutes } from './routes/screening.routes.js';
import { syncRoutes } from './routes/sync.routes.js';
import { timelineRoutes } from './routes/timeline.routes.js';
import { userRoutes } from './routes/user.routes.js';
import { visitRoutes } from './routes/visit.routes.js';
import type { Services } from './services/index.js';

export interface AppOptions {
  config: Config;
  services: Services;
  databaseKind: DatabaseKind;
  /** Folder of the built web app; served with an SPA fallback when it exists. */
  webDir?: string | null;
  logger?: boolean;
}

export const defaultWebDir = () =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the HTTP app without listening, so tests can `inject()` requests. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, services } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    // A hop count trusts that many proxies from our side: X-Forwarded-For entries a client wrote are ignored.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  // Validation messages in Chinese, like every other message of the API.
  z.config(z.locales.zhCN());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
    if (request.url.startsWith('/api/')) {
      void reply.header('cache-control', 'no-store');
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only means something over HTTPS; a reverse proxy that terminates TLS should set it.
    hsts: false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Shoudi 守底 API',
        description: 'Dynamic monitoring and assistance to prevent return to poverty.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'shoudi_session' } },
      },
      security: [{ session: [] }],
    },
    // Each operation names the permission it needs (`x-permission`), so the web app's route table can be
    // checked against it (test/web-routes.test.ts).
    transform: (input) => {
      const output = jsonSchemaTransform(input);
      const routeConfig = (input.route.config ?? {}) as { permission?: string; public?: boolean };
      const permission = routeConfig.public ? 'public' : routeConfig.permission;
      return {
        ...output,
        schema: { ...output.schema, ...(permission ? { 'x-permission': permission } : {}) },
      };
    },
  });
  registerErrorHandler(app);
  const limits = await registerRateLimits(app, services.rateLimits);
  registerOriginCheck(app, config.allowedOrigins);
  registerAuthHook(app, services.auth);
  registerInputGuard(app);

  await app.register(
    async (api) => {
      await api.register(healthRoutes(options.databaseKind));
      await api.register(authRoutes(services, limits));
      await api.register(userRoutes(services));
      await api.register(regionRoutes(services));
      await api.register(auditRoutes(services));
      await api.register(householdTransferRoutes(services));
      await api.register(householdRoutes(services));
      await api.register(screeningRoutes(services));
      await api.register(leadRoutes(services));
      await api.register(caseRoutes(services));
      await api.register(measureRoutes(services));
      await api.register(helperRoutes(services));
      await api.register(timelineRoutes(services));
      await api.register(visitRoutes(services));
      await api.register(attachmentRoutes(services));
      await api.register(syncRoutes(services));
      await api.register(qualityRoutes(services));
      await api.register(cycleRoutes(services));
      await api.register(reportRoutes(services));
      await api.register(departmentFeedRoutes(services));
      await api.register(employmentRoutes(services));
      await api.register(creditRoutes(services));
      await api.register(consumerAssistanceRoutes(services));
      await api.register(operatorRoutes(services));
      await api.register(linkageRoutes(services));
      await api.register(linkageCheckRoutes(services));
      await api.register(industryRewardRoutes(services));
      await api.register(industryCoverageRoutes(services));
      await api.register(courtyardRoutes(services));
      await api.register(alertRoutes(services));
      await api.register(declarationRoutes(services, limits));
      await api.register(petitionRoutes(services));
      await api.register(projectRoutes(services));
      await api.register(fundRoutes(services));
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    // One log line per request is noise at info level: API routes log from warn up (errors stay),
    // unless LOG_LEVEL asks for debug or trace.
    {
      prefix: '/api',
      logLevel: config.logLevel === 'debug' || config.logLevel === 'trace' ? config.logLevel : 'warn',
    },
  );

  const webDir = options.webDir === undefined ? defaultWebDir() : options.webDir;
  const hasWeb = webDir !== null && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    // Files are looked up per request, so a rebuilt web app is served without a restart; any other page
    // path falls through to index.html below.
    await app.register(fastifyStatic, { root: webDir, wildcard: true, index: false });
    // The service worker and the manifest are revalidated on every load, or a phone keeps an old app.
    for (const [file, type] of [
      ['sw.js', 'application/javascript; charset=utf-8'],
      ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ] as const) {
      app.get(`/${file}`, { schema: { hide: true } }, (_request, reply) =>
        reply.header('cache-control', 'no-cache').type(type).sendFile(file, { cacheControl: false }),
      );
    }
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    // A missing file (an old chunk after a rebuild) is a 404, not the app's HTML under a script's name.
    const path = request.url.split('?')[0] ?? '';
    const isPage =
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.startsWith('/assets/') &&
      !/\.\w+$/.test(path);
    if (hasWeb && isPage) {
      // Client-side routes (/users, /audit ...) all load the single-page app.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({
      code: 'NOT_FOUND',
      message: `没有这个接口：${request.method} ${request.url.split('?')[0]}`,
      requestId: String(request.id),
    });
  });
  return app;
}
