// Work monitoring (务工监测): the one call the visit form still makes here (its pages read through
// src/web/data/employment.ts), typed from the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type { ZWorkRecordInput, ZWorkRecordSaved } from '../../server/schemas/employment.schema.js';
import { api } from './client.js';

export type WorkRecordBody = z.input<typeof ZWorkRecordInput>;
export type WorkRecordSaved = z.infer<typeof ZWorkRecordSaved>;

export const employmentApi = {
  add: (body: WorkRecordBody) => api.post<WorkRecordSaved>('/employment/records', body),
};
