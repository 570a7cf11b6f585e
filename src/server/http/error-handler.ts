import type { FastifyError, FastifyInstance } from 'fastify';
import { ERROR_STATUS, type ErrorCode } from '../../shared/error-codes.js';
import { AppError } from '../errors.js';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[] } };
}

const STATUS_CODE: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/**
 * SQLSTATEs that mean the value sent was bad: class 22 (data exception: invalid byte sequence, value
 * too long, invalid text representation) and 54000 (an index row too large for a very long text).
 */
const isInputSqlState = (code: string) => /^22[0-9A-Z]{3}$/.test(code) || code === '54000';

/** One error shape for the whole API: `{code, message, details?, requestId}`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const requestId = String(request.id);
    if (error instanceof AppError) {
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (error.code === 'RATE_LIMITED' && retryAfter) {
        void reply.header('retry-after', String(retryAfter));
      }
      if (error.code === 'INTERNAL') {
        request.log.error({ err: error }, 'internal error');
      }
      return reply.status(error.status).send({
        code: error.code,
        message: error.code === 'INTERNAL' ? '服务器内部错误' : error.message,
        details: error.code === 'INTERNAL' ? undefined : error.details,
        requestId,
      });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const issues = (fastifyError.validation as ValidationIssue[]).map((v) => ({
        field: v.params?.issue?.path?.map(String).join('.') || v.instancePath?.replace(/^\//, '') || '',
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send({
        code: 'VALIDATION',
        message: `请求参数有误：${issues.map((i) => (i.field ? `${i.field} ${i.message}` : i.message)).join('；')}`,
        details: { in: fastifyError.validationContext, issues },
        requestId,
      });
    }
    const sqlState = (error as { code?: unknown }).code;
    if (typeof sqlState === 'string' && isInputSqlState(sqlState)) {
      // The database refused a value (an invalid character, a text too long for an index): the input
      // was wrong, and the transaction has rolled back, so nothing was written.
      request.log.warn({ err: error }, 'input refused by the database');
      return reply.status(400).send({
        code: 'VALIDATION',
        message: '输入的内容无法保存：含有无效字符或长度超出限制，请检查后重试',
        details: { reason: 'database_refused_value' },
        requestId,
      });
    }
    const status = fastifyError.statusCode ?? 500;
    const code = STATUS_CODE[status];
    if (code && status < 500) {
      return reply.status(ERROR_STATUS[code]).send({ code, message: fastifyError.message, requestId });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误', requestId });
  });
}
