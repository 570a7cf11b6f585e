import { z } from 'zod';
import { ERROR_CODES } from '../../shared/error-codes.js';
import { MONEY_PATTERN } from '../../shared/money.js';

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

/** The `:id` of a record in a path (a positive integer id); every route with one uses this schema. */
/** A trimmed text field of at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max);
/** An optimistic-lock version sent back with an edit. */
export const ZVersion = z.number().int().positive();

export const ZIdParam = z.object({ id: z.coerce.number().int().positive() });

export const ZPage = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZBooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZOk = z.object({ ok: z.literal(true) });

/** An amount of money in 元: a decimal string with at most two decimals, never a floating-point number. */
export const ZMoney = z
  .string()
  .trim()
  .regex(MONEY_PATTERN, '金额格式应为不超过两位小数的数字，如 12500.00')
  .describe('元, as a decimal string with up to two decimals (exact; never a float)');

/** A money amount above zero; a decimal string is above zero when any digit is not 0 (no float involved). */
export const ZPositiveMoney = ZMoney.refine((v) => /[1-9]/.test(v), '金额应大于 0');

export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 2026-11-30')
  .refine((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()), '日期无效');
