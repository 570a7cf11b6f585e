import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/** The path of the first string holding a NUL character, or null. PostgreSQL text cannot store one. */
export function nulBytePath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path.join('.') || '(值)' : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulBytePath(item, [...path, String(i)]);
      if (found !== null) {
        return found;
      }
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulBytePath(item, [...path, key]);
      if (found !== null) {
        return found;
      }
    }
  }
  return null;
}

/**
 * Refuses a NUL character in any text of a request (query, path, JSON body) before any route sees it:
 * no user types one, and PostgreSQL would fail on it mid-write. Uploaded files (raw bytes) are checked
 * by the file readers instead.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) {
      return;
    }
    for (const [part, value] of [
      ['querystring', request.query],
      ['params', request.params],
      ['body', request.body],
    ] as const) {
      const field = nulBytePath(value);
      if (field !== null) {
        throw new AppError('VALIDATION', `请求参数有误：${field} 含有不允许的空字符（NUL）`, {
          in: part,
          issues: [{ field, message: '含有不允许的空字符（NUL）' }],
        });
      }
    }
  });
}
