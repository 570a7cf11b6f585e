import type { HouseholdDetail } from '../../data/households.js';

/**
 * What every tab of the household page gets: the data and whether it may edit. Changes go through
 * `useHouseholdChanges` (data/households.ts), sent with the household's current version.
 */
export interface HouseholdTabProps {
  detail: HouseholdDetail;
  canWrite: boolean;
}
