import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import {
  ZAlertClose,
  ZAlertClosed,
  ZAlertList,
  ZAlertQuery,
  ZAlertRule,
  ZAlertRuleCode,
  ZAlertRuleInput,
  ZTimeliness,
} from '../schemas/department.schema.js';
import type { Services } from '../services/index.js';

const tags = ['alerts'];

/** Early-warning alerts (预警): the rules, the queue in scope, verification, and timeliness. */
export const alertRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.alerts;

    app.get(
      '/alert-rules',
      {
        config: { permission: 'alert.read' },
        schema: { summary: 'The alert rules', tags, response: { 200: z.array(ZAlertRule), ...authErrors } },
      },
      async () => s.rules(),
    );

    app.put(
      '/alert-rules/:code',
      {
        config: { permission: 'alert.configure' },
        schema: {
          summary: 'Change a rule: threshold, household types, deadline, on or off (audited)',
          tags,
          params: ZAlertRuleCode,
          body: ZAlertRuleInput,
          response: { 200: ZAlertRule, ...authErrors },
        },
      },
      async (request) => s.updateRule(actorOf(request), request.params.code, request.body),
    );

    app.get(
      '/alerts',
      {
        config: { permission: 'alert.read' },
        schema: {
          summary: 'Alerts in scope, open ones first by deadline',
          tags,
          querystring: ZAlertQuery,
          response: { 200: ZAlertList, ...authErrors },
        },
      },
      async (request) => s.list(actorOf(request), request.query),
    );

    app.post(
      '/alerts/:id/close',
      {
        config: { permission: 'alert.handle' },
        schema: {
          summary: 'Close a verified alert: included as a lead, not at risk (reason), or already monitored',
          tags,
          params: ZIdParam,
          body: ZAlertClose,
          response: { 200: ZAlertClosed, ...authErrors },
        },
      },
      async (request) => s.close(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/alerts/timeliness',
      {
        config: { permission: 'alert.read' },
        schema: {
          summary: 'Alert timeliness per county and town: received, closed, closed late, open overdue',
          tags,
          response: { 200: ZTimeliness, ...authErrors },
        },
      },
      async (request) => s.timeliness(actorOf(request)),
    );
  };
