import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import {
  ZLine,
  ZLineView,
  ZRound,
  ZRoundInput,
  ZRoundProgress,
  ZRulesView,
  ZRun,
  ZRunRequest,
  ZScreeningRules,
} from '../schemas/screening.schema.js';
import type { Services } from '../services/index.js';

const tags = ['screening'];

export const screeningRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.screening;

    app.get(
      '/screening/rules',
      {
        config: { permission: 'screening.read' },
        schema: {
          summary: 'The screening rules in force',
          tags,
          response: { 200: ZRulesView, ...authErrors },
        },
      },
      async () => s.rules(),
    );

    app.put(
      '/screening/rules',
      {
        config: { permission: 'screening.configure' },
        schema: {
          summary: 'Store a new version of the rules',
          tags,
          body: ZScreeningRules,
          response: { 200: ZRulesView, ...authErrors },
        },
      },
      async (request) => s.updateRules(actorOf(request), request.body),
    );

    app.get(
      '/screening/lines',
      {
        config: { permission: 'screening.read' },
        schema: {
          summary: 'Monitoring lines per province and year',
          tags,
          response: { 200: z.array(ZLineView), ...authErrors },
        },
      },
      async () => s.lines(),
    );

    app.put(
      '/screening/lines',
      {
        config: { permission: 'screening.configure' },
        schema: {
          summary: 'Set the monitoring line of a province and year',
          tags,
          body: ZLine,
          response: { 200: ZLineView, ...authErrors },
        },
      },
      async (request) => s.setLine(actorOf(request), request.body),
    );

    app.post(
      '/screening/runs',
      {
        config: { permission: 'screening.run' },
        schema: {
          summary: 'Start screening every household in a scope (default: the caller’s region) to raise leads',
          description:
            'Answers 202 at once with the run (status running); poll GET /screening/runs/{id} until it is finished or failed.',
          tags,
          body: ZRunRequest,
          response: { 202: ZRun, ...authErrors },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await s.run(actorOf(request), request.body, { background: true })),
    );

    app.get(
      '/screening/runs',
      {
        config: { permission: 'screening.read' },
        schema: {
          summary: 'Recent screening runs in the caller’s region',
          tags,
          response: { 200: z.array(ZRun), ...authErrors },
        },
      },
      async (request) => s.listRuns(actorOf(request)),
    );

    app.get(
      '/screening/runs/:id',
      {
        config: { permission: 'screening.read' },
        schema: {
          summary: 'One screening run',
          tags,
          params: ZIdParam,
          response: { 200: ZRun, ...authErrors },
        },
      },
      async (request) => s.getRun(actorOf(request), request.params.id),
    );

    app.post(
      '/screening/rounds',
      {
        config: { permission: 'screening.configure' },
        schema: {
          summary: 'Create a concentrated screening round (集中排查)',
          tags,
          body: ZRoundInput,
          response: { 201: ZRound, ...authErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await s.createRound(actorOf(request), request.body)),
    );

    app.get(
      '/screening/rounds',
      {
        config: { permission: 'screening.read' },
        schema: {
          summary: 'Concentrated screening rounds',
          tags,
          response: { 200: z.array(ZRound), ...authErrors },
        },
      },
      async (request) => s.listRounds(actorOf(request)),
    );

    app.get(
      '/screening/rounds/:id/progress',
      {
        config: { permission: 'screening.read' },
        schema: {
          summary: 'Progress of a round per county and town',
          tags,
          params: ZIdParam,
          response: { 200: ZRoundProgress, ...authErrors },
        },
      },
      async (request) => s.roundProgress(actorOf(request), request.params.id),
    );
  };
