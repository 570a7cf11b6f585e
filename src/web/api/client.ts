/** The one way the web app talks to /api: JSON in, JSON out, every failure an ApiError. */

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, details: unknown, requestId: string | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** `details.reason`, e.g. 'password_change_required'. */
  get reason(): string | null {
    const reason = detailsRecord(this.details)?.reason;
    return typeof reason === 'string' ? reason : null;
  }

  /** Field-level problems: `details.field` from a service, or `details.issues[]` from schema validation. */
  get fieldIssues(): FieldIssue[] {
    const details = detailsRecord(this.details);
    if (!details) {
      return [];
    }
    if (typeof details.field === 'string' && details.field) {
      return [{ field: details.field, message: this.message }];
    }
    const issues = Array.isArray(details.issues) ? details.issues : [];
    return issues.flatMap((issue: unknown) => {
      const record = detailsRecord(issue);
      return record && typeof record.field === 'string' && record.field
        ? [{ field: record.field, message: typeof record.message === 'string' ? record.message : '' }]
        : [];
    });
  }
}

function detailsRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

type SessionListener = (event: 'unauthenticated' | 'password_change_required') => void;
let sessionListener: SessionListener | null = null;

/** The session context listens here: a 401 logs the user out, a pending password change redirects. */
export function onSessionProblem(listener: SessionListener | null): void {
  sessionListener = listener;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Do not treat a 401 as an expired session (the login form itself). */
  isLoginRequest?: boolean;
  signal?: AbortSignal;
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) {
    init.signal = options.signal;
  }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}${buildQuery(options.query)}`, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络', undefined, null);
  }
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    const body = detailsRecord(payload);
    const error = new ApiError(
      response.status,
      typeof body?.code === 'string' ? body.code : 'INTERNAL',
      typeof body?.message === 'string' ? body.message : `请求失败（HTTP ${response.status}）`,
      body?.details,
      typeof body?.requestId === 'string' ? body.requestId : response.headers.get('x-request-id'),
    );
    if (error.status === 401 && !options.isLoginRequest) {
      sessionListener?.('unauthenticated');
    } else if (error.status === 403 && error.reason === 'password_change_required') {
      sessionListener?.('password_change_required');
    }
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** True for the 409 a stale `version` gets: someone else saved first. */
export const isConflict = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.code === 'CONFLICT';
