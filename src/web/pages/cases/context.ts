import type { CaseDetail } from '../../data/cases.js';

export { isStaleVersion } from '../../data/cases.js';

/**
 * What the case's tabs and dialogs get: the case as read. Their changes go through the hooks of
 * `data/cases.ts`, which save with the case's current version and refresh it (a stale version is told to the
 * user and the case reloaded).
 */
export interface CaseTabProps {
  detail: CaseDetail;
}
