import type { ErrorCode } from '../../shared/error-codes.js';

/** The API's closed error codes, and NETWORK for a request that got no answer at all. */
export type WebErrorCode = ErrorCode | 'NETWORK';

export interface FieldIssue {
  field: string;
  message: string;
}

/** Every failure the web app sees from the API, whatever went wrong: status 0 means no answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: WebErrorCode;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(
    status: number,
    code: WebErrorCode,
    message: string,
    details: unknown,
    requestId: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** `details.reason`, e.g. 'password_change_required'. */
  get reason(): string | null {
    const reason = recordOf(this.details)?.reason;
    return typeof reason === 'string' ? reason : null;
  }

  /** Field-level problems: `details.field` from a service, or `details.issues[]` from schema validation. */
  get fieldIssues(): FieldIssue[] {
    const details = recordOf(this.details);
    if (!details) {
      return [];
    }
    if (typeof details.field === 'string' && details.field) {
      return [{ field: details.field, message: this.message }];
    }
    const issues = Array.isArray(details.issues) ? details.issues : [];
    return issues.flatMap((issue: unknown) => {
      const record = recordOf(issue);
      return record && typeof record.field === 'string' && record.field
        ? [{ field: record.field, message: typeof record.message === 'string' ? record.message : '' }]
        : [];
    });
  }
}

function recordOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

const KNOWN_CODES = new Set<string>([
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
] satisfies ErrorCode[]);

/**
 * THE error function: turns what a request ended with into an ApiError. `answer` is an HTTP answer that was
 * not a success (its parsed body, if any, should be `{code, message, details, requestId}`); `cause` is what
 * fetch threw when there was no answer. An AbortError is given back as is: a cancelled request is no failure.
 */
export function toApiError(
  input: { status: number; body: unknown; requestId?: string | null } | { cause: unknown },
): ApiError {
  if ('cause' in input) {
    if (input.cause instanceof ApiError) {
      return input.cause;
    }
    return new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络', undefined, null);
  }
  const body = recordOf(input.body);
  const code =
    typeof body?.code === 'string' && KNOWN_CODES.has(body.code) ? body.code : statusCode(input.status);
  return new ApiError(
    input.status,
    code as WebErrorCode,
    typeof body?.message === 'string' ? body.message : `请求失败（HTTP ${input.status}）`,
    body?.details,
    typeof body?.requestId === 'string' ? body.requestId : (input.requestId ?? null),
  );
}

function statusCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return 'INTERNAL';
  }
}

export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';

/** True for the 409 a stale `version` gets: someone else saved first. */
export const isConflict = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.code === 'CONFLICT';

/** True when the request got no answer (offline, server down): the offline outbox keeps such writes. */
export const isNetworkError = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 0;
