import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.js';

/**
 * Puts the server's field-level messages on the form fields they name. Returns true when at least one
 * message found its field, so the caller can skip the general error toast.
 */
export function applyServerFieldErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  fields: readonly string[],
): boolean {
  if (!(error instanceof ApiError)) {
    return false;
  }
  const matched = error.fieldIssues.filter((issue) => fields.includes(issue.field));
  if (matched.length === 0) {
    return false;
  }
  form.setFields(
    matched.map((issue) => ({ name: issue.field as never, errors: [issue.message || error.message] })),
  );
  return true;
}

export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
