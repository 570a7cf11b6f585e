import type { Migration } from 'kysely/migration';
import * as createFoundation from './202611290900_create_foundation.js';
import * as createRegistry from './202611291000_create_registry.js';
import * as createImportJob from './202611291100_create_import_job.js';
import * as tuneHouseholdSearch from './202611291200_tune_household_search.js';
import * as createCases from './202611291300_create_cases.js';
import * as createDepartmentFeeds from './202611291400_create_department_feeds.js';
import * as createReports from './202611291500_create_reports.js';
import * as createOperator from './202612011900_create_operator.js';
import * as addMeasureSource from './202612011910_add_measure_source.js';
import * as dropUtcDateDefaults from './202612011920_drop_utc_date_defaults.js';
import * as createRequestLimits from './202612012010_create_request_limits.js';
import * as scopeAttachmentId from './202612012011_scope_attachment_id.js';
import * as readRealFiles from './202612012030_read_real_files.js';
import * as addBulletinRegion from './202612012031_add_bulletin_region.js';
import * as addVisitCase from './202612012032_add_visit_case.js';
import * as createProjectsFunds from './202612012040_create_projects_funds.js';
import * as createWorkMonitoring from './202612012050_create_work_monitoring.js';
import * as createMicrocredit from './202612012100_create_microcredit.js';
import * as createJobs from './202612012200_create_jobs.js';
import * as addImportCheck from './202612021000_add_import_check.js';
import * as createFarmerLinkage from './202612030800_create_farmer_linkage.js';
import * as createIndustryRewards from './202612030830_create_industry_rewards.js';
import * as createCourtyard from './202612031300_create_courtyard.js';
import * as createConsumerAssistance from './202612031310_create_consumer_assistance.js';
import * as createLinkageChecks from './202612031330_create_linkage_checks.js';
import * as addIndustryClaimVisit from './202612031400_add_industry_claim_visit.js';
import * as addIndustryClaimPhotos from './202612031410_add_industry_claim_photos.js';
import * as keyLeafTablesByCounty from './202612040900_key_leaf_tables_by_county.js';
import * as addCountyKeysToParents from './202612040910_add_county_keys_to_parents.js';
import * as screeningMedicalThresholdAsText from './202612040920_screening_medical_threshold_as_text.js';
import * as countyCodeInUniqueKeys from './202612040930_county_code_in_unique_keys.js';

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
  '202612011900_create_operator': createOperator,
  '202612011910_add_measure_source': addMeasureSource,
  '202612011920_drop_utc_date_defaults': dropUtcDateDefaults,
  '202612012010_create_request_limits': createRequestLimits,
  '202612012011_scope_attachment_id': scopeAttachmentId,
  '202612012030_read_real_files': readRealFiles,
  '202612012031_add_bulletin_region': addBulletinRegion,
  '202612012032_add_visit_case': addVisitCase,
  '202612012050_create_work_monitoring': createWorkMonitoring,
  '202612012040_create_projects_funds': createProjectsFunds,
  '202612012100_create_microcredit': createMicrocredit,
  '202612012200_create_jobs': createJobs,
  '202612021000_add_import_check': addImportCheck,
  '202612030800_create_farmer_linkage': createFarmerLinkage,
  '202612030830_create_industry_rewards': createIndustryRewards,
  '202612031300_create_courtyard': createCourtyard,
  '202612031310_create_consumer_assistance': createConsumerAssistance,
  '202612031330_create_linkage_checks': createLinkageChecks,
  '202612031400_add_industry_claim_visit': addIndustryClaimVisit,
  '202612031410_add_industry_claim_photos': addIndustryClaimPhotos,
  '202612040900_key_leaf_tables_by_county': keyLeafTablesByCounty,
  '202612040910_add_county_keys_to_parents': addCountyKeysToParents,
  '202612040920_screening_medical_threshold_as_text': screeningMedicalThresholdAsText,
  '202612040930_county_code_in_unique_keys': countyCodeInUniqueKeys,
};
