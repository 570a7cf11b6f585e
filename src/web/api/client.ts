/**
 * The one way the web app talks to /api: `client` is openapi-fetch over the types generated from the server's
 * OpenAPI document (paths, parameters, bodies and answers all typed), and `call` turns its answer into the data
 * or throws the one error type (`toApiError`). Hooks in `src/web/data/` are its only callers besides the
 * offline sender.
 */
import createClient from 'openapi-fetch';
import { type ApiError, isAbort, toApiError } from './errors.js';
import type { paths } from './schema.gen.js';

export { ApiError, isConflict } from './errors.js';

export const client = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
});

type SessionListener = (event: 'unauthenticated' | 'password_change_required') => void;
let sessionListener: SessionListener | null = null;

/** The session context listens here: a 401 logs the user out, a pending password change redirects. */
export function onSessionProblem(listener: SessionListener | null): void {
  sessionListener = listener;
}

function reportSessionProblem(error: ApiError, isLoginRequest: boolean): void {
  if (error.status === 401 && !isLoginRequest) {
    sessionListener?.('unauthenticated');
  } else if (error.status === 403 && error.reason === 'password_change_required') {
    sessionListener?.('password_change_required');
  }
}

export interface CallOptions {
  /**
   * A 401 here does not end the session: the login form (a wrong password) and the offline sender (its records
   * wait, and the banner asks to log in).
   */
  keepSession?: boolean;
}

/**
 * Waits for an openapi-fetch request and gives its data, or throws an ApiError: the server's error answer,
 * or NETWORK when there was no answer. Aborts are rethrown unchanged (TanStack Query cancels that way).
 */
export async function call<D>(
  pending: Promise<{ data?: D; error?: unknown; response: Response }>,
  options: CallOptions = {},
): Promise<D> {
  let answer: { data?: D; error?: unknown; response: Response };
  try {
    answer = await pending;
  } catch (cause) {
    if (isAbort(cause)) {
      throw cause;
    }
    throw toApiError({ cause });
  }
  if (!answer.response.ok) {
    const error = toApiError({
      status: answer.response.status,
      body: answer.error,
      requestId: answer.response.headers.get('x-request-id'),
    });
    reportSessionProblem(error, options.keepSession ?? false);
    throw error;
  }
  return answer.data as D;
}

/**
 * Sends a file as the raw request body (the server detects its encoding), through the same client and error
 * function: `client.POST(path, fileBody(file))` with the route's query parameters added.
 */
export const fileBody = (file: Blob) => ({
  body: file as never,
  bodySerializer: (body: unknown) => body as BodyInit,
  headers: { 'content-type': 'application/octet-stream' },
});

/** A same-origin URL the browser opens itself (downloads, images): the cookie goes with it. */
export function apiUrl(
  path: string,
  query?: Record<string, string | number | boolean | null | undefined>,
): string {
  return `${path}${buildQuery(query)}`;
}

export type QueryValue = string | number | boolean | null | undefined;

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
