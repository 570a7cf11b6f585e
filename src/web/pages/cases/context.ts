import { type ApiError, isConflict } from '../../api/client.js';
import type { CaseDetail } from '../../api/types.js';

/**
 * Runs a change with the case's current version, then shows the fresh case. A 409 (someone acted first, or the
 * workflow refused) is told to the user and the case reloaded; then the result is false. Other errors are thrown,
 * for the form to show.
 */
export type CaseSave = (action: (version: number) => Promise<unknown>) => Promise<boolean>;

export interface CaseTabProps {
  detail: CaseDetail;
  save: CaseSave;
}

/**
 * A 409 from a stale version (someone saved first), as opposed to a workflow refusal (e.g. the public notice has not
 * ended), which the server also sends as 409 but with the case's stage in `details`.
 */
export function isStaleVersion(error: unknown): error is ApiError {
  if (!isConflict(error)) {
    return false;
  }
  const details = error.details;
  return !(typeof details === 'object' && details !== null && 'stage' in details);
}
