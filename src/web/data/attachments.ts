/**
 * Attachments (附件): a photo or signed form uploaded for a household, named afterwards by the record it
 * belongs to (a visit, a case step, a lead). Uploading changes no list: the record that names it does.
 * Uploads kept offline go through the outbox (`offline/sync.ts` `queuePhoto`), not through this mutation.
 */
import { useMutation } from '@tanstack/react-query';
import { apiUrl, call, client } from '../api/client.js';
import type { BodyOf, ResponseOf } from '../api/contract.js';

export type AttachmentBody = BodyOf<'/api/attachments', 'post'>;
export type Attachment = ResponseOf<'/api/attachments', 'post'>;

/** Uploads one file (idempotent by its id: sending it again stores it once). */
export function useUploadAttachment() {
  return useMutation({
    mutationFn: (body: AttachmentBody) => call(client.POST('/api/attachments', { body })),
  });
}

/** Where the browser fetches the file itself (same-origin cookie). */
export const attachmentUrl = (id: string) => apiUrl(`/api/attachments/${encodeURIComponent(id)}`);
