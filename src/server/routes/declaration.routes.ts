import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requestInfo } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import type { RouteLimits } from '../http/rate-limits.js';
import { authErrors, ZError, ZIdParam } from '../schemas/common.schema.js';
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
  ZVillageCode,
  ZVillageInfo,
} from '../schemas/declaration.schema.js';
import type { Services } from '../services/index.js';

const tags = ['self-declaration and other channels'];
const publicErrors = { 400: ZError, 404: ZError, 413: ZError, 415: ZError, 429: ZError } as const;

const MINUTE = 60_000;
const TOO_MANY = '提交过于频繁，请稍后再试';
const bodyText = (request: FastifyRequest, field: string) => {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value.trim() !== '' ? value.replace(/[\s-]/g, '').toUpperCase() : null;
};

/**
 * The public page's limits. The address alone is not enough (behind a proxy or a mobile carrier's NAT it
 * is shared, and forged ones rotate), so a declaration also counts per phone, per ID number and per
 * village: a burst from anywhere cannot fill one village's queue.
 */
export const DECLARATION_LIMITS = {
  perAddress: { max: 5, windowMs: 10 * MINUTE },
  perPhone: { max: 3, windowMs: 24 * 60 * MINUTE },
  perIdNumber: { max: 3, windowMs: 24 * 60 * MINUTE },
  perVillage: { max: 30, windowMs: 60 * MINUTE },
  lookupsPerAddress: { max: 20, windowMs: 10 * MINUTE },
} as const;

/**
 * The public self-declaration page of each village (一码通) with its QR poster, and the village's queue of
 * declarations (a lead channel besides screening, departments and petitions).
 */
export const declarationRoutes =
  (services: Services, limits: RouteLimits): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.declarations;
    const L = DECLARATION_LIMITS;
    const declareLimits = limits([
      { name: 'declare.address', ...L.perAddress, key: (r) => r.ip, message: TOO_MANY },
      { name: 'declare.phone', ...L.perPhone, key: (r) => bodyText(r, 'phone'), message: TOO_MANY },
      { name: 'declare.id', ...L.perIdNumber, key: (r) => bodyText(r, 'idNumber'), message: TOO_MANY },
      {
        name: 'declare.village',
        ...L.perVillage,
        key: (r) => (r.params as { code?: string }).code ?? null,
        message: '本村今天的申报较多，请稍后再试，或直接联系村里',
      },
    ]);
    const lookupLimits = limits([
      { name: 'declare.lookup', ...L.lookupsPerAddress, key: (r) => r.ip, message: TOO_MANY },
    ]);

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
        preHandler: declareLimits,
        schema: {
          summary:
            'Public: a farmer declares a difficulty; answers a reference number (limited per address, phone, ID number and village)',
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
        preHandler: lookupLimits,
        schema: {
          summary: 'Public: the status of a declaration, for its reference and phone',
          tags,
          security: [],
          body: ZDeclarationLookup,
          response: { 200: ZDeclarationStatus, ...publicErrors },
        },
      },
      async (request) => s.status(request.body),
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
        schema: { summary: 'The photo of a declaration', tags, params: ZIdParam },
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
          params: ZIdParam,
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
          params: ZIdParam,
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
        return download(reply, `declare-${request.params.code}.png`, 'image/png', { inline: true }).send(png);
      },
    );
  };
