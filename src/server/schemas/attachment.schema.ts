import { z } from 'zod';
import { text } from './common.schema.js';

// ---- attachments ------------------------------------------------------------------------------------------

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ZAttachmentInput = z.object({
  id: z.uuid(),
  householdId: z.number().int().positive(),
  filename: text(200).min(1),
  mimeType: z.enum(ATTACHMENT_TYPES),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4),
});
export const ZAttachment = z.object({
  id: z.string(),
  householdId: z.number().int(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export const ZAttachmentId = z.object({ id: z.uuid() });
