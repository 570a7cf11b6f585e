import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requestInfo } from '../http/auth-hook.js';
import { authErrors, ZError } from '../schemas/common.schema.js';
import {
  ZDeclarationClose,
  ZDeclarationInput,
  ZDeclarationLink,
  ZDeclarationList,
  ZDeclarationLookup,
  ZDeclarationQuery,
  ZDeclarationReceipt,
  ZDeclarationSettled,
  ZDeclarationStatus,
  ZFeedId,
  ZLeadRaised,
  ZLeadRegister,
  ZVillageCode,
  ZVillageInfo,
} from '../schemas/department.schema.js';
import type { Services } from '../services/index.js';

const tags = ['self-declaration and other channels'];
const publicErrors = { 400: ZError, 404: ZError, 413: ZError, 415: ZError, 429: ZError } as const;

/**
 * Lead channels other than screening and departments: the public self-declaration page of each village
 * (一码通) with its QR poster and the village queue, and petitions / public opinion registered by staff.
 */
export const intakeRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.declarations;

    app.get(
      '/public/declare/:code',
      {
        config: { public: true },
        schema: {
          summary: 'Public: the village a declaration page belongs to (its name only)',
          tags,
          security: [],
          params: ZVillageCode,
          response: { 200: ZVillageInfo, ...publicErrors },
        },
      },
      async (request) => s.villageInfo(request.params.code),
    );

    app.post(
      '/public/declare/:code',
      {
        config: { public: true },
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          summary:
            'Public: a farmer declares a difficulty; answers a reference number (rate-limited per IP and phone)',
          tags,
          security: [],
          params: ZVillageCode,
          body: ZDeclarationInput,
          response: { 200: ZDeclarationReceipt, ...publicErrors },
        },
      },
      async (request) => s.declare(request.params.code, request.body, requestInfo(request)),
    );

    app.post(
      '/public/declarations/status',
      {
        config: { public: true },
        schema: {
          summary: 'Public: the status of a declaration, for its reference and phone',
          tags,
          security: [],
          body: ZDeclarationLookup,
          response: { 200: ZDeclarationStatus, ...publicErrors },
        },
      },
      async (request) => s.status(request.body, requestInfo(request)),
    );

    app.get(
      '/declarations',
      {
        config: { permission: 'declaration.read' },
        schema: {
          summary: 'Self-declarations in scope, unmatched ones first',
          tags,
          querystring: ZDeclarationQuery,
          response: { 200: ZDeclarationList, ...authErrors },
        },
      },
      async (request) => s.list(actorOf(request), request.query),
    );

    app.get(
      '/declarations/:id/photo',
      {
        config: { permission: 'declaration.read' },
        schema: { summary: 'The photo of a declaration', tags, params: ZFeedId },
      },
      async (request, reply) => {
        const photo = await s.photo(actorOf(request), request.params.id);
        return reply.header('content-type', photo.type).send(photo.bytes);
      },
    );

    app.post(
      '/declarations/:id/link',
      {
        config: { permission: 'declaration.handle' },
        schema: {
          summary: 'Link an unmatched declaration to a household: it becomes (or joins) its lead',
          tags,
          params: ZFeedId,
          body: ZDeclarationLink,
          response: { 200: ZDeclarationSettled, ...authErrors },
        },
      },
      async (request) => s.link(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/declarations/:id/close',
      {
        config: { permission: 'declaration.handle' },
        schema: {
          summary: 'Close an unmatched declaration with a reason',
          tags,
          params: ZFeedId,
          body: ZDeclarationClose,
          response: { 200: ZDeclarationSettled, ...authErrors },
        },
      },
      async (request) => s.close(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/declarations/qr/:code',
      {
        config: { permission: 'declaration.read' },
        schema: {
          summary: 'The QR code (PNG) of a village’s public declaration page, for its poster',
          tags,
          params: ZVillageCode,
        },
      },
      async (request, reply) => {
        const origin = `${request.protocol}://${request.host}`;
        const png = await s.qrPng(actorOf(request), request.params.code, origin);
        return reply
          .header('content-type', 'image/png')
          .header('content-disposition', `inline; filename="declare-${request.params.code}.png"`)
          .send(png);
      },
    );

    app.post(
      '/leads/register',
      {
        config: { permission: 'lead.register' },
        schema: {
          summary: 'Register a petition (信访) or public-opinion item (舆情) about a household as a lead',
          tags,
          body: ZLeadRegister,
          response: { 200: ZLeadRaised, ...authErrors },
        },
      },
      async (request) => services.leadIntake.register(actorOf(request), request.body),
    );
  };
