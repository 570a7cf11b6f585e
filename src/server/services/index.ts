import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createRepositories } from '../repositories/index.js';
import { createAlertService } from './alert.service.js';
import { createAuditService } from './audit.service.js';
import { createAuthService } from './auth.service.js';
import { createCaseService } from './case.service.js';
import { createCycleService } from './cycle.service.js';
import { createDeclarationService } from './declaration.service.js';
import { createDemoCasesService } from './demo-cases.service.js';
import { createDemoSeedService } from './demo-seed.service.js';
import { createDepartmentExportService } from './department-export.service.js';
import { createDepartmentFeedService } from './department-feed.service.js';
import { createHouseholdService } from './household.service.js';
import { createHouseholdExportService } from './household-export.service.js';
import { createHouseholdImportService } from './household-import.service.js';
import { createLeadService } from './lead.service.js';
import { createLeadIntakeService } from './lead-intake.service.js';
import { createMeasureService } from './measure.service.js';
import { createPopulationService } from './population.service.js';
import { createQualityService } from './quality.service.js';
import { createRankingService } from './ranking.service.js';
import { createRegionService } from './region.service.js';
import { createRegionImportService } from './region-import.service.js';
import { createReportService } from './report.service.js';
import { createScreeningService } from './screening.service.js';
import type { Secrets } from './secrets.js';
import { createSelfCheckService } from './self-check.service.js';
import { createSyncService } from './sync.service.js';
import { transactionRunner } from './transaction.js';
import { createUserService } from './user.service.js';
import { createVisitService } from './visit.service.js';

/** The composition root: every service, each given only what it uses. Routes, CLI and jobs share it. */
export function createServices(database: Database, config: Config, secrets: Secrets) {
  const repos = createRepositories(database.db);
  const tx = transactionRunner(database.db);
  const screening = createScreeningService({ repos, tx, province: config.province });
  const auth = createAuthService({ repos, tx, config });
  const households = createHouseholdService({ repos, tx, secrets, screening });
  const leads = createLeadService({ repos, tx });
  const cases = createCaseService({ repos, tx, households, leads });
  return {
    auth,
    users: createUserService({ repos, tx, onSessionsEnded: (userId) => auth.forgetUser(userId) }),
    regions: createRegionService({ repos }),
    regionImport: createRegionImportService({ repos, tx }),
    audit: createAuditService({ repos }),
    demoSeed: createDemoSeedService({ repos, tx, config }),
    demoCases: createDemoCasesService({ repos, tx }),
    population: createPopulationService({ database, repos, config, secrets }),
    screening,
    households,
    leads,
    cases,
    measures: createMeasureService({ repos, tx, cases, households }),
    visits: createVisitService({ repos, tx, households }),
    quality: createQualityService({ repos }),
    cycle: createCycleService({ repos, tx, screening }),
    reports: createReportService({ repos, tx }),
    selfChecks: createSelfCheckService({ repos, tx }),
    rankings: createRankingService({ repos, tx }),
    householdImport: createHouseholdImportService({ repos, tx, secrets }),
    householdExport: createHouseholdExportService({ repos, secrets }),
    departmentFeeds: createDepartmentFeedService({ repos, tx, secrets }),
    alerts: createAlertService({ repos, tx }),
    declarations: createDeclarationService({ repos, tx, secrets }),
    departmentExport: createDepartmentExportService({ repos, secrets }),
    leadIntake: createLeadIntakeService({ tx }),
    sync: createSyncService({ repos, households }),
  };
}

export type Services = ReturnType<typeof createServices>;
