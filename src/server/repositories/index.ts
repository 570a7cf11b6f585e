import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { createAlertRepository } from './alert.repository.js';
import { createAttachmentRepository } from './attachment.repository.js';
import { createAuditRepository } from './audit.repository.js';
import { createCaseRepository } from './case.repository.js';
import { createConsumerAssistanceRepository } from './consumer-assistance.repository.js';
import { createCourtyardRepository } from './courtyard.repository.js';
import { createCreditRepository } from './credit.repository.js';
import { createCycleRepository } from './cycle.repository.js';
import { createDeclarationRepository } from './declaration.repository.js';
import { createDemoConsumerRepository } from './demo-consumer.repository.js';
import { createDemoCourtyardRepository } from './demo-courtyard.repository.js';
import { createDemoFeedsRepository } from './demo-feeds.repository.js';
import { createDemoHistoryRepository } from './demo-history.repository.js';
import { createDemoIndustryRewardRepository } from './demo-industry-reward.repository.js';
import { createDemoLinkageRepository } from './demo-linkage.repository.js';
import { createDemoLinkageCheckRepository } from './demo-linkage-check.repository.js';
import { createDemoWorkRepository } from './demo-work.repository.js';
import { createDepartmentFeedRepository } from './department-feed.repository.js';
import { createEmploymentRepository } from './employment.repository.js';
import { createFundRepository } from './fund.repository.js';
import { createHelperRepository } from './helper.repository.js';
import { createHouseholdRepository } from './household.repository.js';
import { createImportRepository } from './import.repository.js';
import { createIndustryCoverageRepository } from './industry-coverage.repository.js';
import { createIndustryRewardRepository } from './industry-reward.repository.js';
import { createJobRepository } from './job.repository.js';
import { createLeadRepository } from './lead.repository.js';
import { createLinkageRepository } from './linkage.repository.js';
import { createLinkageCheckRepository } from './linkage-check.repository.js';
import { createMeasureRepository } from './measure.repository.js';
import { createOperatorRepository } from './operator.repository.js';
import { createProjectRepository } from './project.repository.js';
import { createQualityRepository } from './quality.repository.js';
import { createRateLimitRepository } from './rate-limit.repository.js';
import { createRegionRepository } from './region.repository.js';
import { createReportRepository } from './report.repository.js';
import { createScreeningRepository } from './screening.repository.js';
import { createScreeningConfigRepository } from './screening-config.repository.js';
import { createSelfCheckRepository } from './self-check.repository.js';
import { createSessionRepository } from './session.repository.js';
import { createSyncRepository } from './sync.repository.js';
import { createTimelineRepository } from './timeline.repository.js';
import { createUserRepository } from './user.repository.js';
import { createVisitRepository } from './visit.repository.js';

/** Every repository over one Kysely handle: the pool, or a transaction a service opened. */
export function createRepositories(db: Kysely<DB>) {
  return {
    regions: createRegionRepository(db),
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    audit: createAuditRepository(db),
    households: createHouseholdRepository(db),
    imports: createImportRepository(db),
    leads: createLeadRepository(db),
    cases: createCaseRepository(db),
    measures: createMeasureRepository(db),
    helpers: createHelperRepository(db),
    timeline: createTimelineRepository(db),
    visits: createVisitRepository(db),
    attachments: createAttachmentRepository(db),
    demoHistory: createDemoHistoryRepository(db),
    demoConsumer: createDemoConsumerRepository(db),
    demoWork: createDemoWorkRepository(db),
    demoFeeds: createDemoFeedsRepository(db),
    demoLinkage: createDemoLinkageRepository(db),
    demoLinkageChecks: createDemoLinkageCheckRepository(db),
    demoIndustryRewards: createDemoIndustryRewardRepository(db),
    demoCourtyard: createDemoCourtyardRepository(db),
    cycle: createCycleRepository(db),
    quality: createQualityRepository(db),
    reports: createReportRepository(db),
    selfChecks: createSelfCheckRepository(db),
    screening: createScreeningRepository(db),
    screeningConfig: createScreeningConfigRepository(db),
    departmentFeeds: createDepartmentFeedRepository(db),
    alerts: createAlertRepository(db),
    declarations: createDeclarationRepository(db),
    consumer: createConsumerAssistanceRepository(db),
    sync: createSyncRepository(db),
    rateLimits: createRateLimitRepository(db),
    employment: createEmploymentRepository(db),
    operators: createOperatorRepository(db),
    linkage: createLinkageRepository(db),
    linkageChecks: createLinkageCheckRepository(db),
    industryRewards: createIndustryRewardRepository(db),
    industryCoverage: createIndustryCoverageRepository(db),
    courtyard: createCourtyardRepository(db),
    projects: createProjectRepository(db),
    funds: createFundRepository(db),
    credit: createCreditRepository(db),
    jobs: createJobRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
