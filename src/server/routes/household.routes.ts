import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { authErrors, ZIdParam } from '../schemas/common.schema.js';
import {
  ZAddMember,
  ZChangeHead,
  ZCreateHousehold,
  ZHistory,
  ZHouseholdDetail,
  ZHouseholdList,
  ZHouseholdSearch,
  ZIncomeInput,
  ZIncomeParams,
  ZMemberParams,
  ZRemoveMember,
  ZReveal,
  ZSplit,
  ZSplitResult,
  ZUpdateHousehold,
  ZUpdateMember,
} from '../schemas/household.schema.js';
import type { Services } from '../services/index.js';

const tags = ['households'];

export const householdRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.households;

    app.get(
      '/households',
      {
        config: { permission: 'household.read' },
        schema: {
          summary: 'Search households in the caller’s region',
          tags,
          querystring: ZHouseholdSearch,
          response: { 200: ZHouseholdList, ...authErrors },
        },
      },
      async (request) => s.search(actorOf(request), request.query),
    );

    app.post(
      '/households',
      {
        config: { permission: 'household.write' },
        schema: {
          summary: 'Register a household with its head',
          tags,
          body: ZCreateHousehold,
          response: { 201: ZHouseholdDetail, ...authErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await s.create(actorOf(request), request.body)),
    );

    app.get(
      '/households/:id',
      {
        config: { permission: 'household.read' },
        schema: {
          summary: 'A household: members, income against the line, guarantees, screening reasons',
          tags,
          params: ZIdParam,
          response: { 200: ZHouseholdDetail, ...authErrors },
        },
      },
      async (request) => s.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/households/:id',
      {
        config: { permission: 'household.write' },
        schema: {
          summary: 'Edit a household (optimistic: send the version)',
          tags,
          params: ZIdParam,
          body: ZUpdateHousehold,
          response: { 200: ZHouseholdDetail, ...authErrors },
        },
      },
      async (request) => s.update(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/households/:id/history',
      {
        config: { permission: 'household.read' },
        schema: {
          summary: 'The change history of a household',
          tags,
          params: ZIdParam,
          response: { 200: ZHistory, ...authErrors },
        },
      },
      async (request) => s.history(actorOf(request), request.params.id),
    );

    app.post(
      '/households/:id/members',
      {
        config: { permission: 'household.write' },
        schema: {
          summary: 'Add a member',
          tags,
          params: ZIdParam,
          body: ZAddMember,
          response: { 200: ZHouseholdDetail, ...authErrors },
        },
      },
      async (request) => s.addMember(actorOf(request), request.params.id, request.body),
    );

    app.patch(
      '/households/:id/members/:personId',
      {
        config: { permission: 'household.write' },
        schema: {
          summary: 'Edit a member',
          tags,
          params: ZMemberParams,
          body: ZUpdateMember,
          response: { 200: ZHouseholdDetail, ...authErrors },
        },
      },
      async (request) =>
        s.updateMember(actorOf(request), request.params.id, request.params.personId, request.body),
    );

    app.post(
      '/households/:id/members/:personId/remove',
      {
        config: { permission: 'household.write' },
        schema: {
          summary: 'Remove a member (e.g. died, moved out), with the reason',
          tags,
          params: ZMemberParams,
          body: ZRemoveMember,
          response: { 200: ZHouseholdDetail, ...authErrors },
        },
      },
      async (request) =>
        s.removeMember(actorOf(request), request.params.id, request.params.personId, request.body),
    );

    app.post(
      '/households/:id/members/:personId/reveal',
      {
        config: { permission: 'household.reveal' },
        schema: {
          summary: 'A member’s full ID number and phone (audited)',
          tags,
          params: ZMemberParams,
          response: { 200: ZReveal, ...authErrors },
        },
      },
      async (request) => s.reveal(actorOf(request), request.params.id, request.params.personId),
    );

    app.post(
      '/households/:id/head',
      {
        config: { permission: 'household.write' },
        schema: {
          summary: 'Change the head of household',
          tags,
          params: ZIdParam,
          body: ZChangeHead,
          response: { 200: ZHouseholdDetail, ...authErrors },
        },
      },
      async (request) => s.changeHead(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/households/:id/split',
      {
        config: { permission: 'household.write' },
        schema: {
          summary: 'Split members off into a new household (分户)',
          tags,
          params: ZIdParam,
          body: ZSplit,
          response: { 200: ZSplitResult, ...authErrors },
        },
      },
      async (request) => s.split(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/households/:id/income',
      {
        config: { permission: 'household.write' },
        schema: {
          summary: 'Add an income or cost entry',
          tags,
          params: ZIdParam,
          body: ZIncomeInput,
          response: { 200: ZHouseholdDetail, ...authErrors },
        },
      },
      async (request) => s.addIncome(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/households/:id/income/:itemId',
      {
        config: { permission: 'household.write' },
        schema: {
          summary: 'Delete an income entry',
          tags,
          params: ZIncomeParams,
          response: { 200: ZHouseholdDetail, ...authErrors },
        },
      },
      async (request) => s.removeIncome(actorOf(request), request.params.id, request.params.itemId),
    );
  };
