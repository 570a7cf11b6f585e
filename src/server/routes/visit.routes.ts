import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.js';
import {
  MAX_ATTACHMENT_BYTES,
  ZAttachment,
  ZAttachmentId,
  ZAttachmentInput,
  ZId,
  ZVisit,
  ZVisitDueList,
  ZVisitDueSearch,
  ZVisitInput,
  ZVisitPolicy,
  ZVisitSaved,
} from '../schemas/case.schema.js';
import { authErrors, ZError } from '../schemas/common.schema.js';
import type { Services } from '../services/index.js';

const tags = ['visits'];

/** Visits (走访): due lists, recording (idempotent by client id), and photo or form attachments. */
export const visitRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.visits;

    app.get(
      '/visits/due',
      {
        config: { permission: 'visit.read' },
        schema: {
          summary: 'Households by next visit due date (cadence per household type)',
          tags,
          querystring: ZVisitDueSearch,
          response: { 200: ZVisitDueList, ...authErrors },
        },
      },
      async (request) => s.due(actorOf(request), request.query),
    );

    app.get(
      '/visits/policy',
      {
        config: { permission: 'visit.read' },
        schema: {
          summary: 'Visit cadence in months per household type',
          tags,
          response: { 200: ZVisitPolicy, ...authErrors },
        },
      },
      async () => s.policy(),
    );

    app.put(
      '/visits/policy',
      {
        config: { permission: 'screening.configure' },
        schema: {
          summary: 'Change the visit cadence per household type',
          tags,
          body: ZVisitPolicy,
          response: { 200: ZVisitPolicy, ...authErrors },
        },
      },
      async (request) => s.setPolicy(actorOf(request), request.body),
    );

    app.post(
      '/visits',
      {
        config: { permission: 'visit.write' },
        schema: {
          summary:
            'Record a visit; the same id sent again returns the stored visit (201 new, 200 already stored)',
          tags,
          body: ZVisitInput,
          response: { 200: ZVisitSaved, 201: ZVisitSaved, ...authErrors },
        },
      },
      async (request, reply) => {
        const saved = await s.record(actorOf(request), request.body);
        return reply.status(saved.created ? 201 : 200).send(saved);
      },
    );

    app.get(
      '/households/:id/visits',
      {
        config: { permission: 'visit.read' },
        schema: {
          summary: "A household's visits, newest first",
          tags,
          params: ZId,
          response: { 200: z.array(ZVisit), ...authErrors },
        },
      },
      async (request) => s.forHousehold(actorOf(request), request.params.id),
    );

    app.post(
      '/attachments',
      {
        config: { permission: 'attachment.write' },
        // Base64 of a file up to 5 MB, with room for the JSON around it.
        bodyLimit: Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024,
        schema: {
          summary: 'Upload a photo or signed form (JPEG, PNG, WebP or PDF, at most 5 MB) for a household',
          tags,
          body: ZAttachmentInput,
          response: { 201: ZAttachment, 413: ZError, ...authErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await s.upload(actorOf(request), request.body, MAX_ATTACHMENT_BYTES)),
    );

    app.get(
      '/attachments/:id',
      {
        config: { permission: 'case.read' },
        schema: {
          summary: 'The file of an attachment',
          tags,
          params: ZAttachmentId,
        },
      },
      async (request, reply) => {
        const file = await s.download(actorOf(request), request.params.id);
        return reply
          .header('content-type', file.mime_type)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .header('cache-control', 'private, max-age=86400')
          .send(file.content);
      },
    );
  };
