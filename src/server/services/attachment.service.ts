import { createHash } from 'node:crypto';
import { fileType } from '../domain/file-type.js';
import { conflict, notFound, validation } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { HouseholdService } from './household.service.js';
import type { RunInTransaction } from './transaction.js';

/** Photos and signed forms (附件) of a household, which visits and case steps carry as evidence. */
export function createAttachmentService(deps: {
  repos: Repositories;
  tx: RunInTransaction;
  households: HouseholdService;
}) {
  const { repos, tx, households } = deps;

  const householdFor = households.findAccessible;

  return {
    /** Stores a photo or signed form; the same id sent again (an offline retry) is stored once. */
    async upload(
      actor: Actor,
      input: { id: string; householdId: number; filename: string; mimeType: string; contentBase64: string },
      maxBytes: number,
    ) {
      const content = Buffer.from(input.contentBase64, 'base64');
      if (content.length === 0) {
        throw validation('文件为空', { field: 'contentBase64' });
      }
      if (content.length > maxBytes) {
        throw validation(`文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`, { field: 'contentBase64' });
      }
      // The declared type must be what the bytes are.
      if (fileType(content) !== input.mimeType) {
        throw validation('文件内容与类型不符，只接受 JPEG、PNG、WebP 图片和 PDF', { field: 'mimeType' });
      }
      const sha256 = createHash('sha256').update(content).digest('hex');
      await tx(async (t) => {
        const household = await householdFor(actor, input.householdId, t);
        // Ids are unique per household: another household's use of this id is neither visible nor in the way.
        const existing = await t.attachments.findMeta(household.id, input.id);
        if (existing) {
          if (existing.sha256 !== sha256) {
            throw conflict('该附件编号已用于本户的另一份文件');
          }
          return;
        }
        await t.attachments.insert({
          id: input.id,
          county_code: household.county_code,
          household_id: household.id,
          filename: input.filename,
          mime_type: input.mimeType,
          size_bytes: content.length,
          sha256,
          content,
          uploaded_by: actor.userId ?? 0,
        });
        await recordAudit(t, actor, {
          action: 'attachment.create',
          entityType: 'attachment',
          entityId: input.id,
          regionCode: household.region_code,
          new: {
            householdId: household.id,
            filename: input.filename,
            mimeType: input.mimeType,
            sizeBytes: content.length,
            sha256,
          },
        });
      });
      const meta = await repos.attachments.findMeta(input.householdId, input.id);
      if (!meta) {
        throw notFound('附件');
      }
      return {
        id: meta.id,
        householdId: meta.household_id,
        filename: meta.filename,
        mimeType: meta.mime_type,
        sizeBytes: meta.size_bytes,
        uploadedAt: new Date(meta.uploaded_at).toISOString(),
      };
    },

    async download(actor: Actor, id: string) {
      for (const attachment of await repos.attachments.findAllWithId(id)) {
        const inScope = await householdFor(actor, attachment.household_id).then(
          () => true,
          () => false,
        );
        if (inScope) {
          return attachment;
        }
      }
      throw notFound('附件');
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
