import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors } from '../schemas/common.schema.js';
import {
  ZFundingSources,
  ZLibraryHealth,
  ZLibraryHealthQuery,
  ZNoticeId,
  ZNoticeObjection,
  ZProject,
  ZProjectAct,
  ZProjectId,
  ZProjectInput,
  ZProjectList,
  ZProjectQuery,
  ZProjectUpdate,
} from '../schemas/project.schema.js';
import type { Services } from '../services/index.js';

const tags = ['projects'];

/** The project library (项目库): declaration, the review workflow with notices, library health. */
export const projectRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.projects;

    app.get(
      '/funding-sources',
      {
        config: { permission: 'project.read' },
        schema: {
          summary: 'The funding-source code list',
          tags,
          response: { 200: ZFundingSources, ...authErrors },
        },
      },
      async () => s.sources(),
    );

    app.get(
      '/projects',
      {
        config: { permission: 'project.read' },
        schema: {
          summary: 'Projects in scope, newest first',
          tags,
          querystring: ZProjectQuery,
          response: { 200: ZProjectList, ...authErrors },
        },
      },
      async (request) => s.list(actorOf(request), request.query),
    );

    app.post(
      '/projects',
      {
        config: { permission: 'project.write' },
        schema: {
          summary:
            'Declare a project at the user’s level (village, township or county); the negative list is checked',
          tags,
          body: ZProjectInput,
          response: { 200: ZProject, ...authErrors },
        },
      },
      async (request) => s.create(actorOf(request), request.body),
    );

    app.get(
      '/projects/health',
      {
        config: { permission: 'project.read' },
        schema: {
          summary: 'Library health per county: size against expected money, estimate against last year',
          tags,
          querystring: ZLibraryHealthQuery,
          response: { 200: ZLibraryHealth, ...authErrors },
        },
      },
      async (request) => s.health(actorOf(request), request.query.year),
    );

    app.get(
      '/projects/:id',
      {
        config: { permission: 'project.read' },
        schema: {
          summary: 'A project with its funding, steps, notices, money and allowed actions',
          tags,
          params: ZProjectId,
          response: { 200: ZProject, ...authErrors },
        },
      },
      async (request) => s.get(actorOf(request), request.params.id),
    );

    app.put(
      '/projects/:id',
      {
        config: { permission: 'project.write' },
        schema: {
          summary: 'Change a draft (the declaring level; optimistic version)',
          tags,
          params: ZProjectId,
          body: ZProjectUpdate,
          response: { 200: ZProject, ...authErrors },
        },
      },
      async (request) => s.update(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/projects/:id/actions',
      {
        config: { permission: 'project.write' },
        schema: {
          summary:
            'Take a workflow step: notice, submit, township review, county approval, send back, implementation stage',
          tags,
          params: ZProjectId,
          body: ZProjectAct,
          response: { 200: ZProject, ...authErrors },
        },
      },
      async (request) => s.act(actorOf(request), request.params.id, request.body),
    );

    app.put(
      '/projects/:id/notices/:noticeId/objections',
      {
        config: { permission: 'project.write' },
        schema: {
          summary: 'Record objections raised during a notice and whether they are settled',
          tags,
          params: ZNoticeId,
          body: ZNoticeObjection,
          response: { 200: ZProject, ...authErrors },
        },
      },
      async (request) =>
        s.recordObjections(actorOf(request), request.params.id, request.params.noticeId, request.body),
    );
  };
