import { z } from 'zod';
import { ERROR_CODES } from '../../shared/error-codes.js';

export const ZError = z
  .object({
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  })
  .describe('Every error has this shape; `code` maps to the HTTP status by a fixed table.');

/** The error responses every authenticated route may give, for the OpenAPI document. */
export const authErrors = {
  400: ZError,
  401: ZError,
  403: ZError,
  404: ZError,
  409: ZError,
  429: ZError,
} as const;

export const ZPage = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZBooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZOk = z.object({ ok: z.literal(true) });
