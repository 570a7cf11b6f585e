import type { Secrets } from '../adapters/secrets.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createDemoCasesService } from '../demo/demo-cases.service.js';
import { createDemoConsumerService } from '../demo/demo-consumer.service.js';
import { createDemoCourtyardService } from '../demo/demo-courtyard.service.js';
import { createDemoCreditService } from '../demo/demo-credit.service.js';
import { createDemoFeedsService } from '../demo/demo-feeds.service.js';
import { createDemoHistoryService } from '../demo/demo-history.service.js';
import { createDemoIndustryRewardService } from '../demo/demo-industry-reward.service.js';
import { createDemoLinkageService } from '../demo/demo-linkage.service.js';
import { createDemoLinkageCheckService } from '../demo/demo-linkage-check.service.js';
import { createDemoOperatorService } from '../demo/demo-operators.service.js';
import { createDemoProjectsService } from '../demo/demo-projects.service.js';
import { createDemoSeedService } from '../demo/demo-seed.service.js';
import { createJobRunner } from '../jobs/job-runner.js';
import { createRepositories } from '../repositories/index.js';
import { createAlertService } from './alert.service.js';
import { createAttachmentService } from './attachment.service.js';
import { createAuditService } from './audit.service.js';
import { createAuthService } from './auth.service.js';
import { createBulletinService } from './bulletin.service.js';
import { createCaseService } from './case.service.js';
import { createConsumerAssistanceService } from './consumer-assistance.service.js';
import { createCourtyardService } from './courtyard.service.js';
import { createCreditService } from './credit.service.js';
import { createCycleService } from './cycle.service.js';
import { createDeclarationService } from './declaration.service.js';
import { createDepartmentExportService } from './department-export.service.js';
import { createDepartmentFeedService } from './department-feed.service.js';
import { createEmploymentService } from './employment.service.js';
import { createFundService } from './fund.service.js';
import { createHelperService } from './helper.service.js';
import { createHouseholdService } from './household.service.js';
import { createHouseholdExportService } from './household-export.service.js';
import { createHouseholdImportService } from './household-import.service.js';
import { createIndustryCoverageService } from './industry-coverage.service.js';
import { createIndustryRewardService } from './industry-reward.service.js';
import { createLeadService } from './lead.service.js';
import { createLinkageService } from './linkage.service.js';
import { createLinkageCheckService } from './linkage-check.service.js';
import { createMeasureService } from './measure.service.js';
import { createOperatorService } from './operator.service.js';
import { createPetitionService } from './petition.service.js';
import { createPopulationService } from './population.service.js';
import { createProjectService } from './project.service.js';
import { createQualityService } from './quality.service.js';
import { createRankingService } from './ranking.service.js';
import { createRegionService } from './region.service.js';
import { createRegionImportService } from './region-import.service.js';
import { createReportService } from './report.service.js';
import { createScreeningService } from './screening.service.js';
import { createSelfCheckService } from './self-check.service.js';
import { createSyncService } from './sync.service.js';
import { createTimelineService } from './timeline.service.js';
import { transactionRunner } from './transaction.js';
import { createUserService } from './user.service.js';
import { createVerificationService } from './verification.service.js';
import { createVisitService } from './visit.service.js';
import { createWorkImportService } from './work-import.service.js';

/** The composition root: every service, each given only what it uses. Routes, CLI and jobs share it. */
export function createServices(database: Database, config: Config, secrets: Secrets) {
  const repos = createRepositories(database.db);
  const tx = transactionRunner(database.db);
  const jobs = createJobRunner({ repos, soleProcess: database.kind === 'pglite' });
  const screening = createScreeningService({ repos, tx, jobs, province: config.province });
  const auth = createAuthService({ repos, tx, config });
  const households = createHouseholdService({ repos, tx, secrets, screening });
  const leads = createLeadService({ repos, tx });
  const cases = createCaseService({ repos, tx, households, leads });
  const reports = createReportService({ repos, tx });
  const rankings = createRankingService({ repos, tx });
  const bulletins = createBulletinService({ repos, tx, rankings });
  const operators = createOperatorService({ repos, tx });
  const linkage = createLinkageService({ repos, tx });
  const linkageChecks = createLinkageCheckService({ repos, tx, linkage });
  const industryRewards = createIndustryRewardService({ repos, tx, households });
  const consumer = createConsumerAssistanceService({ repos, tx });
  const departmentFeeds = createDepartmentFeedService({ repos, tx, secrets });
  const alerts = createAlertService({ repos, tx });
  const declarations = createDeclarationService({ repos, tx, secrets });
  return {
    jobs,
    auth,
    users: createUserService({ repos, tx, onSessionsEnded: (userId) => auth.forgetUser(userId) }),
    regions: createRegionService({ repos }),
    regionImport: createRegionImportService({ repos, tx }),
    audit: createAuditService({ repos }),
    demoSeed: createDemoSeedService({ repos, tx, config }),
    demoCases: createDemoCasesService({ repos, tx, cases, households }),
    demoProjects: createDemoProjectsService({ repos, tx }),
    demoCredit: createDemoCreditService({ repos, tx, config }),
    demoOperators: createDemoOperatorService({ repos, operators }),
    demoLinkage: createDemoLinkageService({ repos, linkage }),
    demoLinkageChecks: createDemoLinkageCheckService({ repos, linkageChecks }),
    demoConsumer: createDemoConsumerService({ repos, consumer }),
    demoIndustryRewards: createDemoIndustryRewardService({ repos, industryRewards }),
    demoCourtyard: createDemoCourtyardService({ repos }),
    population: createPopulationService({ database, repos, config, secrets }),
    screening,
    households,
    leads,
    cases,
    measures: createMeasureService({ repos, tx, cases }),
    helpers: createHelperService({ repos, tx, households }),
    timeline: createTimelineService({ repos, households }),
    visits: createVisitService({ repos, tx, households }),
    attachments: createAttachmentService({ repos, tx, households }),
    quality: createQualityService({ repos }),
    cycle: createCycleService({ repos, tx, jobs, screening }),
    reports,
    selfChecks: createSelfCheckService({ repos, tx }),
    verification: createVerificationService({ repos, tx }),
    rankings,
    bulletins,
    demoHistory: createDemoHistoryService({ repos, tx, reports, rankings, bulletins }),
    demoFeeds: createDemoFeedsService({
      repos,
      config,
      secrets,
      feeds: departmentFeeds,
      alerts,
      leads,
      declarations,
    }),
    householdImport: createHouseholdImportService({ repos, tx, secrets }),
    householdExport: createHouseholdExportService({ repos, secrets }),
    departmentFeeds,
    credit: createCreditService({ repos, tx, secrets }),
    operators,
    consumer,
    linkage,
    linkageChecks,
    industryRewards,
    industryCoverage: createIndustryCoverageService({ repos }),
    courtyard: createCourtyardService({ repos, tx, households }),
    alerts,
    declarations,
    departmentExport: createDepartmentExportService({ repos, secrets }),
    petitions: createPetitionService({ tx }),
    sync: createSyncService({ repos, households }),
    /** The counters behind the routes' request limits; keys are stored as an HMAC, never in clear. */
    rateLimits: {
      hit: (key: string, windowMs: number, now: Date) =>
        repos.rateLimits.hit(secrets.hash(`rate-limit:${key}`), windowMs, now),
      deleteExpired: (now: Date) => repos.rateLimits.deleteExpired(now),
    },
    employment: createEmploymentService({
      repos,
      tx,
      households,
      province: config.province,
      refreshFigures: reports.refreshSoon,
    }),
    workImport: createWorkImportService({
      repos,
      tx,
      secrets,
      province: config.province,
      refreshFigures: reports.refreshSoon,
    }),
    projects: createProjectService({ repos, tx }),
    funds: createFundService({ repos, tx }),
  };
}

export type Services = ReturnType<typeof createServices>;
