import type { HouseholdDetail } from '../../data/households.js';

/** What every tab of the household page gets: the data, whether it may edit, and the one way to save. */
export interface HouseholdTabProps {
  detail: HouseholdDetail;
  canWrite: boolean;
  /**
   * Runs a change with the household's current version and shows its answer (`useSaveHousehold`). A 409
   * (someone saved first) is told to the user and the household reloaded; then the result is null. Other
   * errors are thrown.
   */
  save: (action: (version: number) => Promise<unknown>) => Promise<HouseholdDetail | null>;
}
