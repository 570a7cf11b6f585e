import type { CaseDetail } from '../../data/cases.js';

export { isStaleVersion } from '../../data/cases.js';

/**
 * Runs a change with the case's current version, then shows the fresh case (`useSaveCase`). A stale version is
 * told to the user and the case reloaded; then the result is false. Other errors (a workflow refusal too) are
 * thrown, for the form to show.
 */
export type CaseSave = (action: (version: number) => Promise<unknown>) => Promise<boolean>;

export interface CaseTabProps {
  detail: CaseDetail;
  save: CaseSave;
}
