import { ERROR_STATUS, type ErrorCode } from '../shared/error-codes.js';

/** The one error type services throw; the global handler turns it into `{code, message, details, requestId}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const validation = (message: string, details?: unknown) =>
  new AppError('VALIDATION', message, details);

/**
 * A setting or the machine is not ready (a missing key, a bad variable, no data folder): said in one line of
 * Chinese with what to do, by the CLI and at server start, instead of a stack trace.
 */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}
