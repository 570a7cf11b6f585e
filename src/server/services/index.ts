import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createRepositories } from '../repositories/index.js';
import { createAlertService } from './alert.service.js';
import { createAuditService } from './audit.service.js';
import { createAuthService } from './auth.service.js';
import { createDeclarationService } from './declaration.service.js';
import { createDemoSeedService } from './demo-seed.service.js';
import { createDepartmentExportService } from './department-export.service.js';
import { createDepartmentFeedService } from './department-feed.service.js';
import { createHouseholdService } from './household.service.js';
import { createHouseholdExportService } from './household-export.service.js';
import { createHouseholdImportService } from './household-import.service.js';
import { createLeadIntakeService } from './lead-intake.service.js';
import { createPopulationService } from './population.service.js';
import { createRegionService } from './region.service.js';
import { createRegionImportService } from './region-import.service.js';
import { createScreeningService } from './screening.service.js';
import type { Secrets } from './secrets.js';
import { transactionRunner } from './transaction.js';
import { createUserService } from './user.service.js';

/** The composition root: every service, each given only what it uses. Routes, CLI and jobs share it. */
export function createServices(database: Database, config: Config, secrets: Secrets) {
  const repos = createRepositories(database.db);
  const tx = transactionRunner(database.db);
  const screening = createScreeningService({ repos, tx, province: config.province });
  const auth = createAuthService({ repos, tx, config });
  return {
    auth,
    users: createUserService({ repos, tx, onSessionsEnded: (userId) => auth.forgetUser(userId) }),
    regions: createRegionService({ repos }),
    regionImport: createRegionImportService({ repos, tx }),
    audit: createAuditService({ repos }),
    demoSeed: createDemoSeedService({ repos, tx, config }),
    population: createPopulationService({ database, repos, config, secrets }),
    screening,
    households: createHouseholdService({ repos, tx, secrets, screening }),
    householdImport: createHouseholdImportService({ repos, tx, secrets }),
    householdExport: createHouseholdExportService({ repos, secrets }),
    departmentFeeds: createDepartmentFeedService({ repos, tx, secrets }),
    alerts: createAlertService({ repos, tx }),
    declarations: createDeclarationService({ repos, tx, secrets }),
    departmentExport: createDepartmentExportService({ repos, secrets }),
    leadIntake: createLeadIntakeService({ tx }),
  };
}

export type Services = ReturnType<typeof createServices>;
