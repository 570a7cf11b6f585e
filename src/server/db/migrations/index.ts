import type { Migration } from 'kysely/migration';
import * as createFoundation from './202611290900_create_foundation.js';
import * as createRegistry from './202611291000_create_registry.js';
import * as createImportJob from './202611291100_create_import_job.js';
import * as tuneHouseholdSearch from './202611291200_tune_household_search.js';
import * as createCases from './202611291300_create_cases.js';
import * as createDepartmentFeeds from './202611291400_create_department_feeds.js';
import * as createReports from './202611291500_create_reports.js';

/**
 * Every migration, in order. Listed by hand (rather than read from the folder) so the same list
 * works from TypeScript sources under Vitest and from compiled JavaScript in `dist/`.
 * Forward-only: a released migration is never edited; a change is a new file.
 */
export const migrations: Record<string, Migration> = {
  '202611290900_create_foundation': createFoundation,
  '202611291000_create_registry': createRegistry,
  '202611291100_create_import_job': createImportJob,
  '202611291200_tune_household_search': tuneHouseholdSearch,
  '202611291300_create_cases': createCases,
  '202611291400_create_department_feeds': createDepartmentFeeds,
  '202611291500_create_reports': createReports,
};
