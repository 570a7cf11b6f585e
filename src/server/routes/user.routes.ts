import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import {
  ZCreateUser,
  ZResetPasswordResult,
  ZUpdateUser,
  ZUser,
  ZUserList,
  ZUserListQuery,
} from '../schemas/user.schema.js';
import type { Services } from '../services/index.js';

export const userRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/users',
      {
        config: { permission: 'user.read' },
        schema: {
          summary: 'Users in the caller’s region',
          tags: ['users'],
          querystring: ZUserListQuery,
          response: { 200: ZUserList, ...authErrors },
        },
      },
      async (request) => services.users.list(actorOf(request), request.query),
    );

    app.post(
      '/users',
      {
        config: { permission: 'user.manage' },
        schema: {
          summary: 'Create a user in the caller’s region',
          tags: ['users'],
          body: ZCreateUser,
          response: { 201: ZUser, ...authErrors },
        },
      },
      async (request, reply) => {
        const user = await services.users.create(actorOf(request), request.body);
        return reply.status(201).send(user);
      },
    );

    app.get(
      '/users/:id',
      {
        config: { permission: 'user.read' },
        schema: {
          summary: 'One user',
          tags: ['users'],
          params: ZIdParam,
          response: { 200: ZUser, ...authErrors },
        },
      },
      async (request) => services.users.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/users/:id',
      {
        config: { permission: 'user.manage' },
        schema: {
          summary:
            'Change a user’s name, role, region, contact or disabled state (optimistic: send the version)',
          tags: ['users'],
          params: ZIdParam,
          body: ZUpdateUser,
          response: { 200: ZUser, ...authErrors },
        },
      },
      async (request) => services.users.update(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/users/:id/reset-password',
      {
        config: { permission: 'user.manage' },
        schema: {
          summary: 'Reset a user’s password to a temporary one',
          tags: ['users'],
          params: ZIdParam,
          response: { 200: ZResetPasswordResult, ...authErrors },
        },
      },
      async (request) => services.users.resetPassword(actorOf(request), request.params.id),
    );
  };
