import { z } from 'zod';
import { ZPage } from './common.schema.js';

// The public self-declaration page (一码通) of each village and the village's queue of declarations.

export const ZVillageCode = z.object({ code: z.string().regex(/^\d{12}$/) });
export const ZVillageInfo = z.object({
  code: z.string(),
  village: z.string(),
  town: z.string(),
  county: z.string(),
});
export const ZDeclarationInput = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: z.string().trim().min(1).max(40),
  phone: z.string().trim().min(1).max(20),
  description: z.string().trim().min(1).max(2000),
  photo: z.string().max(4_000_000).nullable().optional().describe('JPG, PNG or WebP as base64 (≤ 2 MB).'),
});
export const ZDeclarationReceipt = z.object({ reference: z.string(), merged: z.boolean() });
export const ZDeclarationLookup = z.object({
  reference: z.string().trim().min(1).max(40),
  phone: z.string().trim().min(1).max(20),
});
export const ZDeclarationStatus = z.object({
  reference: z.string(),
  status: z.string(),
  statusText: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ZDeclarationQuery = ZPage.extend({
  status: z.enum(['lead', 'pending', 'linked', 'closed']).optional(),
});
export const ZDeclaration = z.object({
  id: z.number().int(),
  reference: z.string(),
  regionCode: z.string(),
  villageName: z.string(),
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  description: z.string(),
  repeatCount: z.number().int(),
  status: z.enum(['lead', 'pending', 'linked', 'closed']),
  householdId: z.number().int().nullable(),
  leadId: z.number().int().nullable(),
  closedReason: z.string().nullable(),
  hasPhoto: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export const ZDeclarationList = z.object({ items: z.array(ZDeclaration), total: z.number().int() });
export const ZDeclarationLink = z.object({
  householdId: z.number().int().positive(),
  version: z.number().int(),
});
export const ZDeclarationClose = z.object({
  reason: z.string().trim().min(1).max(500),
  version: z.number().int(),
});
export const ZDeclarationSettled = z.object({
  id: z.number().int(),
  status: z.enum(['linked', 'closed']),
  leadId: z.number().int().nullable(),
});
