import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import {
  MAX_ATTACHMENT_BYTES,
  ZAttachment,
  ZAttachmentId,
  ZAttachmentInput,
} from '../schemas/attachment.schema.js';
import { authErrors, ZError } from '../schemas/common.schema.js';
import type { Services } from '../services/index.js';

const tags = ['attachments'];

/** Attachments (附件): uploading a photo or signed form for a household (idempotent by id), reading it back. */
export const attachmentRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.attachments;

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
        return download(reply, file.filename, file.mime_type, { inline: true })
          .header('cache-control', 'private, max-age=86400')
          .send(file.content);
      },
    );
  };
